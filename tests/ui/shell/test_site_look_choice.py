"""Choosing the preview's Site look: Preferences lists it beside the themes, the choice
is remembered, and the status bar says in one line why the default theme shows instead."""

from __future__ import annotations

from editor.render.themes import SITE_LOOK, theme_names
from editor.ui.shell.dialogs import Preferences, PreferencesDialog
from editor.ui.shell.preferences import preferred_theme
from editor.ui.shell.settings import Settings


def choose(prompter, theme: str) -> list[list[str]]:
    offered: list[list[str]] = []

    def answer(current, themes):
        offered.append(list(themes))
        return type(current)(
            theme=theme, language=current.language, offline=current.offline,
            word_wrap=current.word_wrap, autosave_to_file=current.autosave_to_file,
            window_theme=current.window_theme)

    prompter.answer("ask_preferences", answer)
    return offered


def test_preferences_offer_the_site_look_first_and_remember_it(qtbot, window, prompter):
    offered = choose(prompter, SITE_LOOK)
    window.actions["preferences"].trigger()
    assert offered == [[SITE_LOOK, *theme_names()]]
    assert window.settings.prefs.theme == SITE_LOOK
    assert window.preview.theme() == SITE_LOOK
    assert preferred_theme(Settings(window.settings.path)) == SITE_LOOK


def test_the_dialog_names_the_site_look_in_words(qtbot):
    current = Preferences(theme=SITE_LOOK, language="en", offline=False, word_wrap=True,
                          autosave_to_file=False, window_theme="system")
    dialog = PreferencesDialog(current, [SITE_LOOK, "default", "dark"])
    qtbot.addWidget(dialog)
    box = dialog.theme_box
    assert box.itemText(0) == "Site (the post's own Jekyll site)"
    assert box.currentData() == SITE_LOOK
    assert box.itemText(1) == "default"


def test_the_status_bar_says_why_a_site_post_keeps_the_theme(
        qtbot, window, prompter, tmp_path, monkeypatch):
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: 블로그\n", encoding="utf-8")
    path = root / "_posts" / "2026-01-02-alone.md"
    path.write_text("---\ntitle: 혼자 쓰는 글\n---\n문단.\n", encoding="utf-8")
    monkeypatch.setattr("editor.ui.preview.site_look.jekyll_command", lambda: None)
    choose(prompter, SITE_LOOK)
    window.actions["preferences"].trigger()
    window.files.open_path(path)
    qtbot.waitUntil(lambda: "jekyll is not installed" in window.statusBar().currentMessage(),
                    timeout=20_000)
    assert window.preview.look.shown_name() == "default"
    assert "\n" not in window.statusBar().currentMessage()


def test_a_bundled_theme_chosen_after_the_site_look_is_shown_everywhere(
        qtbot, window, prompter):
    choose(prompter, SITE_LOOK)
    window.actions["preferences"].trigger()
    choose(prompter, "dark")
    window.actions["preferences"].trigger()
    assert window.preview.theme() == "dark"
    assert window.preview.look.shown_name() == "dark"
    assert window.preview.look.text == ""


def test_the_line_goes_when_there_is_nothing_more_to_say(qtbot, window):
    window.preview.lookMessage.emit("Site look: building the site…")
    assert window.statusBar().currentMessage() == "Site look: building the site…"
    window.preview.lookMessage.emit("")
    assert window.statusBar().currentMessage() == ""
    window.statusBar().showMessage("Saved")
    window.preview.lookMessage.emit("")
    assert window.statusBar().currentMessage() == "Saved"  # not ours to clear


def test_a_new_writer_gets_the_site_look(tmp_path):
    """Chosen by default: a site's post shows in the site's look, other posts in the default."""
    assert preferred_theme(Settings(tmp_path / "settings.ini")) == SITE_LOOK
