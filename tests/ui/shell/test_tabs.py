"""Several posts open in one window: tabs with their own undo, marks, journal and session."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication

from editor.document.journal import Journal
from editor.ui.lifecycle import recovery_dialog
from editor.ui.shell import dialogs
from editor.ui.shell.settings import Settings
from editor.ui.shell.tabs import UNSAVED_MARK
from tests.ui.windows import scripted_window


def write_post(path: Path, title: str, body: str | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = body if body is not None else f"<p>{title} opens here.</p>"
    path.write_text(f"---\ntitle: {title}\n---\n\n{body}\n", encoding="utf-8")
    return path


def type_text(window, text: str) -> None:
    """Type at the end of the body, as the writer would (one undo step per call)."""
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.insertPlainText(text)


def two_posts(window, tmp_path) -> tuple[Path, Path]:
    first = write_post(tmp_path / "first.md", "First")
    second = write_post(tmp_path / "second.md", "Second")
    assert window.files.open_path(first)
    assert window.files.open_path(second)
    return first, second


def test_each_post_opens_in_its_own_tab(qtbot, window, tmp_path):
    first, second = two_posts(window, tmp_path)
    tabs = window.tabs
    assert tabs.count() == 2 and tabs.current_index() == 1
    assert [tabs.bar.tabText(i) for i in range(2)] == ["first.md", "second.md"]
    assert window.document.path == second
    assert "Second opens here." in window.editor.body_text()
    tabs.show_tab(0)
    assert window.document.path == first
    assert "First opens here." in window.editor.body_text()
    assert window.form.isEnabled()
    assert window.windowTitle().startswith("[*]first.md")


def test_undo_in_one_tab_leaves_the_other_alone(qtbot, window, tmp_path):
    two_posts(window, tmp_path)
    tabs = window.tabs
    tabs.show_tab(0)
    type_text(window, "alpha")
    tabs.show_tab(1)
    type_text(window, "beta")
    window.editor.undo()
    assert "beta" not in window.editor.body_text()
    assert not window.document.is_modified()
    window.editor.undo()  # nothing more to undo here: first.md's typing is not on this stack
    tabs.show_tab(0)
    assert window.editor.body_text().endswith("alpha\n") or "alpha" in window.editor.body_text()
    assert window.document.is_modified()
    assert window.document.post.body.rstrip().endswith("alpha")
    window.editor.undo()
    assert "alpha" not in window.editor.body_text()


def test_unsaved_mark_on_the_tab_and_the_window_title(qtbot, window, tmp_path):
    two_posts(window, tmp_path)
    tabs = window.tabs
    tabs.show_tab(0)
    type_text(window, "changed")
    assert tabs.bar.tabText(0) == "first.md" + UNSAVED_MARK
    assert tabs.bar.tabText(1) == "second.md"
    assert window.isWindowModified()
    tabs.show_tab(1)
    assert tabs.bar.tabText(0) == "first.md" + UNSAVED_MARK  # kept in the background
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("[*]second.md")
    tabs.show_tab(0)
    assert window.files.save_document()
    assert tabs.bar.tabText(0) == "first.md"


def test_switch_shortcuts_go_round(qtbot, window, tmp_path):
    two_posts(window, tmp_path)
    third = write_post(tmp_path / "third.md", "Third")
    assert window.files.open_path(third)
    tabs = window.tabs
    window.editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor, timeout=5000)
    keys = {name: [k.toString() for k in window.actions[name].shortcuts()]
            for name in ("next_tab", "previous_tab", "close")}
    assert {"Ctrl+Tab", "Ctrl+PgDown"} <= set(keys["next_tab"])
    assert "Ctrl+PgUp" in keys["previous_tab"]
    assert QKeySequence("Ctrl+W").toString() in keys["close"]
    qtbot.keyClick(window.editor, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.current_index() == 0  # round from the last to the first
    qtbot.keyClick(window.editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert tabs.current_index() == 1
    qtbot.keyClick(window.editor, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert tabs.current_index() == 0
    qtbot.keyClick(window.editor, Qt.Key.Key_Backtab,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tabs.current_index() == 2
    assert window.document.path == third


def test_opening_an_open_post_shows_its_tab(qtbot, window, tmp_path):
    first, _second = two_posts(window, tmp_path)
    # Another spelling of the same file (through its folder's "..").
    again = tmp_path / "sub" / ".." / "first.md"
    (tmp_path / "sub").mkdir()
    assert window.files.open_path(again)
    assert window.tabs.count() == 2
    assert window.tabs.current_index() == 0
    assert window.document.path == first


def test_new_opens_a_tab_and_close_asks_only_for_that_post(qtbot, window, prompter, tmp_path):
    first, second = two_posts(window, tmp_path)
    prompter.answer("choose_template", None)
    window.files.templates = lambda: []  # no template to choose: an empty post
    assert window.files.new_document()
    assert window.tabs.count() == 3
    assert window.document.path is None
    window.tabs.show_tab(0)
    type_text(window, "dropped")
    prompter.queue("ask_save_discard", dialogs.CANCEL)
    window.actions["close"].trigger()
    assert window.tabs.count() == 3  # Cancel keeps it
    prompter.queue("ask_save_discard", dialogs.DISCARD)
    window.actions["close"].trigger()
    assert window.tabs.count() == 2
    assert prompter.questions("ask_save_discard") == [("first.md",), ("first.md",)]
    assert window.document.path == second
    assert "dropped" not in first.read_text("utf-8")
    window.actions["close"].trigger()  # not modified: closes without a question
    assert len(prompter.questions("ask_save_discard")) == 2
    assert window.tabs.count() == 1 and window.document.path is None
    assert window.tabs.bar.tabText(0) == "Untitled"


def test_closing_the_window_asks_once_about_all_unsaved(qtbot, prompter, tmp_path):
    window = scripted_window(qtbot, Settings())
    prompter = window.prompter
    first, second = two_posts(window, tmp_path)
    third = write_post(tmp_path / "third.md", "Third")
    assert window.files.open_path(third)
    for index in (0, 1):
        window.tabs.show_tab(index)
        type_text(window, f"edit {index}")
    prompter.queue("ask_save_all", dialogs.CANCEL)
    assert not window.close()
    assert window.tabs.count() == 3 and window.isVisible()
    assert prompter.questions("ask_save_all") == [(["first.md", "second.md"],)]
    assert prompter.questions("ask_save_discard") == []
    prompter.queue("ask_save_all", dialogs.SAVE)
    assert window.close()
    assert "edit 0" in first.read_text("utf-8")
    assert "edit 1" in second.read_text("utf-8")
    assert "edit" not in third.read_text("utf-8")
    assert len(prompter.questions("ask_save_all")) == 2


def test_discard_all_closes_and_leaves_files_and_journal_clean(qtbot, tmp_path):
    window = scripted_window(qtbot, Settings())
    first, second = two_posts(window, tmp_path)
    for index in (0, 1):
        window.tabs.show_tab(index)
        type_text(window, "never kept")
    window.autosave.write_now()
    window.prompter.queue("ask_save_all", dialogs.DISCARD)
    assert window.close()
    window.autosave.flush()
    assert "never kept" not in first.read_text("utf-8") + second.read_text("utf-8")
    assert Journal().entries() == []


def test_one_journal_entry_per_modified_tab(qtbot, window, tmp_path):
    first, second = two_posts(window, tmp_path)
    third = write_post(tmp_path / "third.md", "Third")
    assert window.files.open_path(third)  # stays unmodified: no entry
    window.tabs.show_tab(0)
    type_text(window, "one")
    window.tabs.show_tab(1)  # first.md's pending edit reaches the journal on the way out
    type_text(window, "two")
    window.autosave.write_now()
    window.autosave.flush()
    entries = {entry.path: entry for entry in Journal().entries()}
    assert set(entries) == {str(first), str(second)}
    assert entries[str(first)].text.rstrip().endswith("one")
    assert entries[str(second)].text.rstrip().endswith("two")
    assert entries[str(first)].id != entries[str(second)].id
    # Saving one post removes only its own entry.
    window.tabs.show_tab(0)
    assert window.files.save_document()
    window.autosave.flush()
    assert [entry.path for entry in Journal().entries()] == [str(second)]


def test_recovery_offers_and_restores_each_tab(qtbot, window, tmp_path):
    """Entries of a process that died come back, one tab each."""
    first, second = two_posts(window, tmp_path)
    journal = Journal()
    for path in (first, second):
        entry = journal.write(Journal.new_id(), f"---\ntitle: {path.stem}\n---\n\nRescued.\n",
                              path=path, base=None)
        data = (journal.folder / f"{entry.id}.json").read_text("utf-8")
        dead = data.replace(f'"pid": {entry.pid}', '"pid": 999999999')
        (journal.folder / f"{entry.id}.json").write_text(dead, "utf-8")
    offered = []

    def choose(entries):
        offered.extend(entries)
        return {entry.id: recovery_dialog.RESTORE for entry in entries}

    recovery_dialog.offer_recovery(window, journal, choose=choose)
    assert len(offered) == 2
    tabs = window.tabs
    assert tabs.count() == 2  # restored into the tabs already showing those posts
    for index in range(2):
        assert tabs.is_modified(index)
        assert "Rescued." in tabs.post_at(index).body


def test_reopened_posts_keep_their_place_and_the_front_tab(qtbot, tmp_path):
    long_body = "\n\n".join(f"<p>Paragraph {n} of a long post.</p>" for n in range(1, 301))
    first = write_post(tmp_path / "first.md", "First", long_body)
    second = write_post(tmp_path / "second.md", "Second", long_body)
    settings = Settings()
    window = scripted_window(qtbot, settings)
    window.resize(900, 600)
    window.show()
    assert window.files.open_path(first) and window.files.open_path(second)
    window.tabs.show_tab(0)
    window.editor.scroll_to_line(200)
    window.editor.go_to_line(210)
    first_place = (window.editor.top_visible_line(), window.editor.textCursor().position())
    window.tabs.show_tab(1)
    window.editor.scroll_to_line(120)
    window.editor.go_to_line(125)
    second_place = (window.editor.top_visible_line(), window.editor.textCursor().position())
    window.tabs.show_tab(0)  # the first is in front at the close
    assert first_place[0] > 150 and second_place[0] > 80
    assert window.close()
    assert settings.session.current_post == str(first)

    again = scripted_window(qtbot, settings)
    again.resize(900, 600)
    again.show()
    again.files.start_from_default_template()
    done = []
    again.tabs.reopen(settings.session.open_posts, then=lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert again.tabs.count() == 2
    assert again.tabs.current_index() == 0 and again.document.path == first
    shown = (again.editor.top_visible_line(), again.editor.textCursor().position())
    assert shown == first_place
    again.tabs.show_tab(1)
    assert (again.editor.top_visible_line(), again.editor.textCursor().position()) == second_place


def test_a_page_loaded_whole_follows_the_source(qtbot, window, tmp_path):
    body = "\n\n".join(f"<p>Paragraph {n} of a long post.</p>" for n in range(1, 301))
    path = write_post(tmp_path / "long.md", "Long", body)
    window.resize(900, 600)
    window.show()
    preview = window.preview
    with qtbot.waitSignal(preview.pageShown, timeout=30000):
        assert window.files.open_path(path)
    window.editor.scroll_to_line(150)
    # Another look loads the page whole, at its top; it comes back to the source's line.
    with qtbot.waitSignal(preview.pageShown, timeout=30000):
        preview.set_theme("dark")
    answer = []  # asked after the scroll, which the page runs first
    preview.run_js("window.scrollY", answer.append)
    qtbot.waitUntil(lambda: len(answer) == 1, timeout=10000)
    assert answer[-1] > 1000  # not left at the top


def test_open_posts_come_back_unless_turned_off(qtbot, tmp_path):
    settings = Settings()
    window = scripted_window(qtbot, settings)
    first, second = two_posts(window, tmp_path)
    assert window.close()
    assert settings.session.open_posts == [str(first), str(second)]
    second.unlink()  # gone by the next start: skipped, with a message

    again = scripted_window(qtbot, settings)
    again.files.start_from_default_template()
    done = []
    again.tabs.reopen(settings.session.open_posts, then=lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    assert again.tabs.count() == 1
    assert again.document.path == first
    assert "second.md" in again.statusBar().currentMessage()

    settings.prefs.reopen_posts = False
    prefs = again.preferences
    again.prompter.answer("ask_preferences", lambda current, themes: current)
    prefs.show_preferences()
    assert settings.prefs.reopen_posts is False
    asked = again.prompter.questions("ask_preferences")[0][0]
    assert asked.reopen_posts is False


def test_preferences_checkbox_reads_and_writes_the_setting(qtbot):
    current = dialogs.Preferences(theme="default", language="en", offline=False,
                                  word_wrap=True, reopen_posts=True)
    dialog = dialogs.PreferencesDialog(current, ["default"])
    qtbot.addWidget(dialog)
    assert dialog.reopen_box.isChecked()
    assert dialog.reopen_box.text() == "&Reopen open posts on start"
    dialog.reopen_box.setChecked(False)
    assert dialog.preferences().reopen_posts is False


def test_background_tab_changed_on_disk_is_reloaded_when_shown(qtbot, window, tmp_path):
    first, _second = two_posts(window, tmp_path)
    write_post(first, "First", "<p>Rewritten elsewhere.</p>")
    window.tabs.show_tab(0)
    assert "Rewritten elsewhere." in window.editor.body_text()
    assert not window.document.is_modified()


def test_background_tab_with_edits_changed_on_disk_keeps_the_edits(qtbot, window, tmp_path):
    first, _second = two_posts(window, tmp_path)
    window.tabs.show_tab(0)
    type_text(window, "mine")
    window.tabs.show_tab(1)
    write_post(first, "First", "<p>Theirs.</p>")
    window.tabs.show_tab(0)
    assert "mine" in window.editor.body_text()
    assert window.file_watch.bar.state == "changed"


def test_a_dropped_post_opens_in_a_new_tab(qtbot, window, tmp_path):
    first = write_post(tmp_path / "first.md", "First")
    dropped = write_post(tmp_path / "dropped.md", "Dropped")
    assert window.files.open_path(first)
    type_text(window, "kept")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: window.document.path == dropped, timeout=10000)
    assert window.tabs.count() == 2
    assert window.tabs.is_modified(0) and "kept" in window.tabs.post_at(0).body


def test_edits_in_a_tab_brought_forward_reach_the_panels(qtbot, window, tmp_path):
    """Components connect once to the editor's bodyChanged; it follows the tab shown."""
    two_posts(window, tmp_path)
    window.tabs.show_tab(0)
    window.tabs.show_tab(1)  # both documents have been swapped in and out
    changes = []
    window.editor.bodyChanged.connect(lambda *change: changes.append(change))
    window.show()
    window.outline.dock.show()
    outline = window.outline.panel
    type_text(window, "\n\n<h2>A heading typed in the second tab</h2>")
    assert changes and all(added > 0 for _position, _removed, added in changes)
    assert outline.is_pending()
    qtbot.waitUntil(lambda: not outline.is_pending(), timeout=10000)
    assert [h.text for h in outline.headings()] == ["A heading typed in the second tab"]
