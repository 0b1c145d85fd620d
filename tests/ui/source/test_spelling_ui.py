"""Spelling in the window: underlines in the source editor, the context menu, the toggle."""

from __future__ import annotations

import dataclasses
import logging
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from editor import paths
from editor.authoring.spelling import IgnoredWords, PersonalWords
from editor.ui.shell.main_window import MainWindow
from editor.ui.shell.settings import Settings
from tests.ui.windows import scripted_window

WAIT_MS = 30_000  # opening the dictionaries takes a second or more on a busy machine

BODY = """<p>오늘은 도서관에서 책을 빌렸다. 그런데 비가 와서 우산을 삿다.</p>
<p>I will recieve the parcel tomorrow, definately before noon.</p>
<p><a href="https://example.com/recieve">a link</a> and <code>definately()</code></p>
<pre>됬다 recieve</pre>
"""


def make_post(folder: Path, body: str = BODY, name: str = "2024-05-01-spelling.html") -> Path:
    path = folder / name
    path.write_text(f"---\ntitle: 철자 검사\nlayout: post\n---\n{body}", encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot, tmp_path):
    return scripted_window(qtbot)


def open_and_check(qtbot, window: MainWindow, path: Path) -> list[str]:
    with qtbot.waitSignal(window.spelling.source.checked, timeout=WAIT_MS):
        assert window.files.open_path(path)
    return underlined(window)


def underlined(window: MainWindow) -> list[str]:
    return [word for _s, _e, word in window.spelling.source.misspellings()]


def painted(window: MainWindow) -> list[str]:
    """Words the editor draws a wave under (in view)."""
    return window.spelling.source.overlay.painted_words()


def test_planted_misspellings_are_underlined_in_both_languages_and_not_in_markup(
        qtbot, window, tmp_path):
    words = open_and_check(qtbot, window, make_post(tmp_path))
    assert words == ["삿다", "recieve", "definately"]  # not in the URL, code or pre
    assert painted(window) == words
    assert window.spelling.source.languages()[:1] == ("ko",)


def test_the_window_checks_in_the_helper_process(qtbot, window, tmp_path, caplog):
    """Checks run in the spelling helper, not in the window's process (nothing falls back)."""
    with caplog.at_level(logging.WARNING, logger="editor.authoring.spelling_helper"):
        words = open_and_check(qtbot, window, make_post(tmp_path))
        assert window.spelling.service.helper.process_id() not in (None, os.getpid())
    assert words == ["삿다", "recieve", "definately"]
    assert not caplog.records


def test_typing_a_misspelling_is_underlined_after_the_pause_and_a_fix_clears_it(
        qtbot, window, tmp_path):
    open_and_check(qtbot, window, make_post(tmp_path, "<p>A clean sentence.</p>\n"))
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    with qtbot.waitSignal(window.spelling.source.checked, timeout=WAIT_MS):
        qtbot.keyClicks(window.editor, "<p>Thier house.</p>")
    assert underlined(window) == ["Thier"]
    start, end, _word = window.spelling.source.misspellings()[0]
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    qtbot.keyClicks(window.editor, "Their")
    assert underlined(window) == []  # gone at once, before the pause
    with qtbot.waitSignal(window.spelling.source.checked, timeout=WAIT_MS):
        pass
    assert underlined(window) == []


def context_entries(window: MainWindow, word: str) -> dict[str, object]:
    start = next(s for s, _e, w in window.spelling.source.misspellings() if w == word)
    cursor = window.editor.textCursor()
    cursor.setPosition(start + 1)
    rect = window.editor.cursorRect(cursor)
    menu = window.authoring.context_menu(rect.center())
    actions = {}
    for action in menu.actions():
        if action.objectName() == "spelling_suggestion":
            actions.setdefault("suggestions", []).append(action)
        elif action.objectName():
            actions[action.objectName()] = action
    return actions


def test_a_suggestion_replaces_the_word_as_one_undo_step(qtbot, window, tmp_path):
    open_and_check(qtbot, window, make_post(tmp_path))
    entries = context_entries(window, "recieve")
    suggestions = entries["suggestions"]
    assert 1 <= len(suggestions) <= 5
    receive = next(a for a in suggestions if a.text() == "receive")
    before = window.editor.body_text()
    receive.trigger()
    assert "I will receive the parcel" in window.editor.body_text()
    window.editor.undo()
    assert window.editor.body_text() == before


def test_add_to_dictionary_persists_and_clears_the_underline(qtbot, window, tmp_path):
    open_and_check(qtbot, window, make_post(tmp_path))
    context_entries(window, "definately")["spelling_add"].trigger()
    assert "definately" not in underlined(window)
    assert "definately" in PersonalWords(paths.config_dir() / "personal-words.txt")
    # Checked again from scratch, the word stays known.
    with qtbot.waitSignal(window.spelling.source.checked, timeout=WAIT_MS):
        window.spelling.source.recheck_all()
    assert underlined(window) == ["삿다", "recieve"]


def test_ignore_in_this_post_is_kept_for_that_post_only(qtbot, window, tmp_path):
    post = make_post(tmp_path)
    open_and_check(qtbot, window, post)
    context_entries(window, "삿다")["spelling_ignore"].trigger()
    assert underlined(window) == ["recieve", "definately"]
    assert IgnoredWords().words_for(post) == {"삿다"}
    other = make_post(tmp_path, name="2024-05-02-other.html")
    assert open_and_check(qtbot, window, other) == ["삿다", "recieve", "definately"]
    assert open_and_check(qtbot, window, post) == ["recieve", "definately"]


def test_no_spelling_entries_off_a_misspelling(qtbot, window, tmp_path):
    open_and_check(qtbot, window, make_post(tmp_path))
    menu = window.authoring.context_menu(window.editor.cursorRect().center())
    names = {action.objectName() for action in menu.actions()}
    assert not names & {"spelling_add", "spelling_ignore", "spelling_suggestion"}


def test_the_view_menu_toggle_clears_restores_and_is_remembered(qtbot, window, tmp_path):
    open_and_check(qtbot, window, make_post(tmp_path))
    action = window.actions["check_spelling"]
    assert action in window.menus["view"].actions() and action.isChecked()
    action.trigger()
    assert underlined(window) == [] and painted(window) == []
    assert Settings().get("editor/spelling") is False
    with qtbot.waitSignal(window.spelling.source.checked, timeout=WAIT_MS):
        action.trigger()
    assert underlined(window) == ["삿다", "recieve", "definately"]
    assert Settings().get("editor/spelling") is True


def test_switched_off_in_settings_nothing_is_checked(qtbot, tmp_path):
    settings = Settings()
    settings.set("editor/spelling", False)
    win = scripted_window(qtbot, settings)
    assert win.files.open_path(make_post(tmp_path))
    assert not win.actions["check_spelling"].isChecked()
    assert not win.spelling.source.is_busy()
    assert underlined(win) == []


def test_front_matter_lang_comes_first_and_both_scripts_are_still_checked(
        qtbot, window, tmp_path):
    path = tmp_path / "2024-05-03-english.md"
    path.write_text("---\ntitle: English\nlang: en-US\n---\n"
                    "The weather is fine, becuase. 날씨가 좋았다.\n",
                    encoding="utf-8")
    assert window.files.open_path(path)
    assert window.spelling.source.languages()[:2] == ("en-US", "ko")
    # A new language list opens its dictionaries first, in the background.
    qtbot.waitUntil(lambda: underlined(window) == ["becuase"], timeout=WAIT_MS)


def test_typing_while_a_check_runs_keeps_the_underlines_on_their_words(qtbot, window, tmp_path):
    open_and_check(qtbot, window, make_post(tmp_path))
    underlines = window.spelling.source
    underlines.recheck_all()
    underlines._start_check()  # noqa: SLF001 - now: its result arrives after the edit below
    assert underlines.is_busy()
    cursor = window.editor.textCursor()
    cursor.setPosition(0)
    cursor.insertText("<p>Frist line.</p>\n")
    with qtbot.waitSignal(underlines.checked, timeout=WAIT_MS):
        pass
    assert underlined(window) == ["Frist", "삿다", "recieve", "definately"]
    assert painted(window) == underlined(window)


def test_the_excerpt_and_feature_text_fields_are_underlined_too(qtbot, window, tmp_path):
    path = tmp_path / "2024-05-04-excerpt.md"
    path.write_text("---\ntitle: Excerpt\nexcerpt: A short sumary of the post.\n"
                    "feature_text: 오늘 우산을 삿다.\n---\nBody.\n", encoding="utf-8")
    assert window.files.open_path(path)
    qtbot.waitUntil(lambda: {"excerpt", "feature_text"} <= set(window.spelling.fields),
                    timeout=WAIT_MS)
    excerpt = window.spelling.fields["excerpt"]
    feature = window.spelling.fields["feature_text"]
    qtbot.waitUntil(lambda: [w for *_x, w in excerpt.misspellings()] == ["sumary"],
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: [w for *_x, w in feature.misspellings()] == ["삿다"],
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: excerpt.overlay.painted_words() == ["sumary"], timeout=WAIT_MS)
    window.actions["check_spelling"].trigger()  # off: the fields lose theirs too
    assert excerpt.misspellings() == [] and excerpt.overlay.painted_words() == []


def open_with_title(qtbot, window, tmp_path, title: str = "A tipical 하루를 보냈다",
                    expected: tuple[str, ...] = ("tipical",)):
    path = tmp_path / "2024-05-05-title.md"
    path.write_text(f"---\ntitle: {title}\n---\nBody.\n", encoding="utf-8")
    assert window.files.open_path(path)
    qtbot.waitUntil(lambda: "title" in window.spelling.fields, timeout=WAIT_MS)
    title_spelling = window.spelling.fields["title"]
    qtbot.waitUntil(lambda: [w for *_x, w in title_spelling.misspellings()] == list(expected),
                    timeout=WAIT_MS)
    return title_spelling


def test_the_title_line_is_underlined_and_stays_a_line_edit(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QLineEdit

    title = open_with_title(qtbot, window, tmp_path)
    line = title.editor
    assert isinstance(line, QLineEdit)
    assert title.overlay.word_spans()  # one wave to paint
    line.setFocus()
    line.end(False)
    qtbot.keyClicks(line, " recieve")
    qtbot.waitUntil(lambda: [w for *_x, w in title.misspellings()] == ["tipical", "recieve"],
                    timeout=WAIT_MS)
    line.undo()  # the line edit's own undo still works
    assert line.text() == "A tipical 하루를 보냈다"
    window.actions["check_spelling"].trigger()  # off
    assert title.misspellings() == [] and title.overlay.word_spans() == []


def test_typing_in_the_title_waits_for_a_pause_after_an_immediate_check(qtbot, window,
                                                                      tmp_path):
    """A check started at once (spelling turned on) leaves the typing pause as it was."""
    title = open_with_title(qtbot, window, tmp_path)
    pause = title._delay
    assert pause > 0
    title.recheck_all()  # checks at once
    qtbot.waitUntil(lambda: not title.is_busy(), timeout=WAIT_MS)
    title.editor.setFocus()
    qtbot.keyClicks(title.editor, "x")
    assert title._timer.isActive() and title._timer.interval() == pause


def test_the_title_menu_replaces_adds_and_ignores(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QMenu

    from editor.ui.source.spelling_line import position_at

    title = open_with_title(qtbot, window, tmp_path)
    line = title.editor
    left, right, _y = title.overlay.word_spans()[0]
    point = QPoint(int((left + right) / 2), line.height() // 2)
    assert position_at(line, point) in range(4, 8)  # inside "tipical" (2-9)
    menu = QMenu()
    window.spelling.add_line_menu_entries(menu, point, title)
    names = [a.objectName() for a in menu.actions()]
    assert "spelling_add" in names and "spelling_ignore" in names
    suggestion = next(a for a in menu.actions() if a.objectName() == "spelling_suggestion"
                      and a.text() == "typical")
    suggestion.trigger()
    assert line.text() == "A typical 하루를 보냈다"
    qtbot.waitUntil(lambda: window.document.post.get("title") == "A typical 하루를 보냈다",
                    timeout=WAIT_MS)
    line.undo()
    assert line.text() == "A tipical 하루를 보냈다"
    qtbot.waitUntil(lambda: title.misspellings() != [], timeout=WAIT_MS)
    window.spelling.ignore_in_post("tipical")
    assert title.misspellings() == []
    assert "tipical" in IgnoredWords().words_for(tmp_path / "2024-05-05-title.md")


def test_preferences_spelling_languages_apply_live(qtbot, window, tmp_path):
    title = open_with_title(qtbot, window, tmp_path, "A tipical 하루를 보냇다",
                            ("tipical", "보냇다"))
    window.prompter.answer("ask_preferences", lambda current, themes: dataclasses.replace(
        current, spelling_languages="en_US"))
    window.actions["preferences"].trigger()
    assert window.settings.prefs.spelling_languages == "en_US"
    assert window.spelling.source.languages() == ("en_US",)
    qtbot.waitUntil(lambda: [w for *_x, w in title.misspellings()] == ["tipical"],
                    timeout=WAIT_MS)


def test_a_swapped_in_document_is_checked_as_it_is_typed(qtbot, window, tmp_path):
    open_and_check(qtbot, window, make_post(tmp_path, "<p>A clean sentence.</p>\n"))
    other = QTextDocument(window.editor)
    other.setDocumentLayout(QPlainTextDocumentLayout(other))
    other.setPlainText("<p>Anothr post.</p>\n")
    with qtbot.waitSignal(window.spelling.source.checked, timeout=WAIT_MS):
        window.editor.swap_document(other)
    assert underlined(window) == ["Anothr"]
    cursor = window.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    with qtbot.waitSignal(window.spelling.source.checked, timeout=WAIT_MS):
        qtbot.keyClicks(window.editor, "<p>Thier words.</p>")
    assert underlined(window) == ["Anothr", "Thier"]
