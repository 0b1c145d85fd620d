"""Tests for the main window: document lifecycle, prompts, wiring, settings and status bar."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication

from editor.ui.shell import dialogs
from editor.ui.shell.main_window import MainWindow
from tests.ui.windows import scripted_window


@pytest.fixture
def house_copy(tmp_path, fixtures_dir) -> Path:
    """A writable copy of the Korean house-style fixture post."""
    target = tmp_path / "house-post.md"
    shutil.copyfile(fixtures_dir / "house-post.md", target)
    return target


def type_text(widget, text: str) -> None:
    """Send one key press/release per character (QTest.keyClicks only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
            QApplication.sendEvent(widget, event)


def type_in_editor(qtbot, window: MainWindow, text: str) -> None:
    """Type ``text`` at the end of the source editor, as a writer would."""
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(window.editor, text)


def test_open_edit_save_lifecycle(qtbot, window, house_copy):
    """Open a post, type, see the dirty marker, save: the file holds the edit, title clean."""
    assert window.files.open_path(house_copy)
    assert "house-post.md" in window.windowTitle()
    assert not window.isWindowModified()
    type_in_editor(qtbot, window, "끝")
    assert window.isWindowModified()
    assert window.document.post.body.endswith("끝")
    assert window.files.save_document()
    assert not window.isWindowModified()
    assert house_copy.read_text(encoding="utf-8").endswith("끝")


def test_undo_back_to_saved_text_clears_dirty_marker(qtbot, window, house_copy):
    """Typing marks the window modified; undoing every keystroke makes it clean again."""
    window.files.open_path(house_copy)
    type_in_editor(qtbot, window, "abc")
    assert window.isWindowModified()
    while window.editor.document().isUndoAvailable():
        window.actions["undo"].trigger()
    assert not window.isWindowModified()
    assert window.document.post.body == house_copy.read_text(encoding="utf-8").split(
        "---\n", 2)[2]


@pytest.mark.parametrize("answer", [dialogs.SAVE, dialogs.DISCARD, dialogs.CANCEL])
def test_close_with_unsaved_changes_asks(qtbot, house_copy, answer):
    """Closing a modified window asks; Save writes and closes, Discard closes, Cancel stays."""
    win = scripted_window(qtbot)
    win.files.open_path(house_copy)
    type_in_editor(qtbot, win, "X")
    win.prompter.queue("ask_save_discard", answer)
    closed = win.close()
    assert win.prompter.questions("ask_save_discard") == [("house-post.md",)]
    assert closed is (answer != dialogs.CANCEL)
    saved = house_copy.read_text(encoding="utf-8").endswith("X")
    assert saved is (answer == dialogs.SAVE)
    if answer == dialogs.CANCEL:
        assert win.isVisible() and win.isWindowModified()


def test_open_other_file_with_unsaved_changes_keeps_them_in_their_tab(
        qtbot, window, prompter, house_copy, fixtures_dir):
    """Opening another file asks nothing: it opens in a new tab, the edits stay in theirs."""
    window.files.open_path(house_copy)
    type_in_editor(qtbot, window, "Y")
    assert window.files.open_path(fixtures_dir / "plain-markdown.md")
    assert prompter.questions("ask_save_discard") == []
    assert window.document.display_name() == "plain-markdown.md"
    assert not house_copy.read_text(encoding="utf-8").endswith("Y")
    window.tabs.show_tab(0)
    assert window.document.post.body.endswith("Y")
    assert window.isWindowModified()


def test_title_edit_in_form_changes_only_that_line(qtbot, window, house_copy):
    """Typing a new title in the form and saving changes exactly the title line."""
    before = house_copy.read_bytes().split(b"\n")
    window.files.open_path(house_copy)
    title = window.form.editor("title")
    title.line.setFocus()
    title.line.selectAll()
    type_text(title.line, "새로운 제목")
    assert window.files.save_document()  # saving reports the field still waiting for a pause
    assert window.document.post.title == "새로운 제목"
    after = house_copy.read_bytes().split(b"\n")
    assert len(after) == len(before)
    diff = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(diff) == 1
    assert after[diff[0]].decode("utf-8") == "title: 새로운 제목"


def test_invalid_yaml_opens_raw_and_saves_unchanged(qtbot, window, tmp_path):
    """A post with broken YAML opens (form shows the source) and saves byte for byte."""
    broken = tmp_path / "broken.md"
    data = "---\ntitle: [not closed\ncategories:\n  - News\n---\n\n<p>본문은 그대로</p>\n"
    broken.write_bytes(data.encode("utf-8"))
    assert window.files.open_path(broken)
    assert window.document.is_raw()
    assert window.form.is_showing_source()
    assert "line" in window.statusBar().currentMessage()
    window.document.set_body(window.document.post.body)  # no-op edit path
    assert window.files.save_document()
    assert broken.read_bytes() == data.encode("utf-8")


def test_binary_file_shows_error_naming_file(qtbot, window, prompter, tmp_path, house_copy):
    """Opening a binary file shows one message naming the file; the document stays."""
    window.files.open_path(house_copy)
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    assert not window.files.open_path(binary)
    assert len(prompter.errors) == 1
    assert "photo.md" in prompter.errors[0][1]
    assert window.document.path == house_copy


def test_save_error_is_shown_and_text_kept(qtbot, window, prompter, tmp_path):
    """A save into a missing folder shows the error; the text stays in the editor."""
    type_in_editor(qtbot, window, "지키기")
    prompter.answer("ask_file_save", tmp_path / "missing" / "deeper" / "post.md")
    assert not window.files.save_document()
    assert len(prompter.errors) == 1
    assert window.editor.body_text().endswith("지키기")
    assert window.isWindowModified()


def test_settings_restore_sizes_and_panes_in_new_window(qtbot):
    """Splitter sizes and hidden panes persist into the next window."""
    first = scripted_window(qtbot)
    first.resize(780, 500)  # fits the offscreen screen, so it is restored unclamped
    first.splitter.setSizes([300, 200, 260])
    wanted = first.splitter.sizes()
    first.actions["show_preview"].setChecked(False)
    assert not first.preview.isVisible()
    first.close()

    second = scripted_window(qtbot)
    assert not second.actions["show_preview"].isChecked()
    assert not second.preview.isVisible()
    assert second.size() == first.size()
    assert second.settings.session.splitter_sizes == wanted
    second.actions["show_preview"].setChecked(True)
    qtbot.wait(10)
    assert second.splitter.sizes() == wanted
    second.close()


def test_recent_files_listed_and_missing_removed(qtbot, window, prompter, house_copy,
                                                 fixtures_dir, tmp_path):
    """Opened files appear in Open Recent; a vanished file is removed with a message."""
    gone = tmp_path / "gone.md"
    shutil.copyfile(fixtures_dir / "plain-markdown.md", gone)
    window.files.open_path(gone)
    window.files.open_path(house_copy)
    window.menus["recent"].aboutToShow.emit()
    names = [a.text().split(" — ")[0] for a in window.menus["recent"].actions()]
    assert names[:2] == ["house-post.md", "gone.md"]
    gone.unlink()
    assert not window.files.open_recent(str(gone.resolve()))
    assert len(prompter.infos) == 1 and "gone.md" in prompter.infos[0][1]
    assert str(gone.resolve()) not in window.settings.session.recent_files


def test_status_bar_counts_korean_text(qtbot, window, tmp_path):
    """The status bar counts Korean words and characters with and without spaces."""
    post = tmp_path / "count.md"
    post.write_text("---\ntitle: 세기\n---\n<p>가나다 라마 바사아자</p>\n", encoding="utf-8")
    window.files.open_path(post)
    counts = window.status_fields.counts_label.text()
    assert "3 words" in counts
    assert "11 characters" in counts  # "가나다 라마 바사아자"
    assert "(9 without spaces)" in counts
    assert window.status_fields.format_label.text() == "HTML"
    assert window.status_fields.encoding_label.text() == "UTF-8"


def test_save_as_suggests_jekyll_names_under_site_root(qtbot, window, prompter, tmp_path):
    """Save As suggests _drafts/slug.md, or _posts/DATE-slug.md when the post has a date."""
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: blog\n", encoding="utf-8")
    post = root / "notes.md"
    post.write_text("---\ntitle: Night Library\n---\nBody\n", encoding="utf-8")
    window.files.open_path(post)
    draft = window.files.suggested_save_path()
    assert draft.parent == root / "_drafts" and draft.suffix == ".md"
    window.document.set_field("date", datetime.date(2024, 3, 5))
    dated = window.files.suggested_save_path()
    assert dated.parent == root / "_posts"
    assert dated.name.startswith("2024-03-05-")
    prompter.answer("ask_file_save", draft)
    assert window.files.save_document_as()
    assert draft.is_file() and window.document.path == draft


def test_bold_wraps_selection_per_format(qtbot, window, prompter, tmp_path):
    """Ctrl+B wraps the selection in <b>…</b> in HTML and **…** in Markdown (one undo)."""
    html_post = tmp_path / "a.html"
    html_post.write_text("---\ntitle: t\n---\n<p>굵게 쓸 말</p>\n", encoding="utf-8")
    window.files.open_path(html_post)
    cursor = window.editor.textCursor()
    cursor.setPosition(3)
    cursor.setPosition(5, QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    window.actions["bold"].trigger()
    assert window.document.post.body == "<p><b>굵게</b> 쓸 말</p>\n"
    window.actions["undo"].trigger()
    assert window.document.post.body == "<p>굵게 쓸 말</p>\n"

    md_post = tmp_path / "b.md"
    md_post.write_text("---\ntitle: t\n---\nplain word\n", encoding="utf-8")
    prompter.answer("ask_save_discard", dialogs.DISCARD)
    window.files.open_path(md_post)
    cursor = window.editor.textCursor()
    cursor.setPosition(6)
    cursor.setPosition(10, QTextCursor.MoveMode.KeepAnchor)
    window.editor.setTextCursor(cursor)
    window.authoring.make_bold()
    assert window.document.post.body == "plain **word**\n"


def test_standard_shortcuts(window):
    """The file and edit actions carry the standard shortcuts."""
    expected = {
        "new": "Ctrl+N", "open": "Ctrl+O", "save": "Ctrl+S", "save_as": "Ctrl+Shift+S",
        "close": "Ctrl+W", "undo": "Ctrl+Z", "redo": "Ctrl+Shift+Z", "find": "Ctrl+F",
        "replace": "Ctrl+H", "go_to_line": "Ctrl+G", "bold": "Ctrl+B",
    }
    for action_id, key in expected.items():
        keys = [k.toString() for k in window.actions[action_id].shortcuts()]
        assert QKeySequence(key).toString() in keys, (action_id, keys)


def test_dropping_a_file_opens_it(qtbot, window, house_copy):
    """A file dropped on the window is opened."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(house_copy))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document.path == house_copy)


def drop_on(widget, path: Path, where: QPointF) -> None:
    """Drag ``path`` over ``widget`` and drop it at ``where`` (Qt delivers a drop only
    after the drag entered)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(where, Qt.DropAction.CopyAction, mime,
                                              Qt.MouseButton.NoButton,
                                              Qt.KeyboardModifier.NoModifier))


def test_dropping_a_picture_on_the_source_puts_it_in_where_it_lands(qtbot, window,
                                                                   empty_site, tmp_path):
    """A picture file dropped on the source is copied into the site and inserted there."""
    post = empty_site / "_drafts" / "night.html"
    post.parent.mkdir()
    post.write_text("---\ntitle: 밤\n---\n<p>첫 문단</p>\n\n<p>끝 문단</p>\n",
                    encoding="utf-8")
    window.files.open_path(post)
    picture = tmp_path / "열람실.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n picture bytes")
    window.prompter.answer("ask_alt_text", "밤의 열람실")
    editor = window.editor
    end_of_first = QTextCursor(editor.document().firstBlock())
    end_of_first.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    where = QPointF(editor.cursorRect(end_of_first).center())
    drop_on(editor.viewport(), picture, where)
    copied = empty_site / "assets" / "images" / "열람실.png"
    qtbot.waitUntil(lambda: copied.exists())
    assert copied.read_bytes() == picture.read_bytes()
    qtbot.waitUntil(lambda: "<img" in window.document.post.body)
    assert window.document.post.body == (
        "<p>첫 문단</p>\n\n"
        '<p><img src="/assets/images/열람실.png" alt="밤의 열람실" /></p>'
        "\n\n<p>끝 문단</p>\n")
    assert window.document.path == post  # not opened as a post


def test_close_action_gives_empty_untitled_document(qtbot, window, house_copy):
    """File > Close on an open file leaves an empty untitled document in the window."""
    window.files.open_path(house_copy)
    window.actions["close"].trigger()
    assert window.document.path is None
    assert window.isVisible()
    assert window.editor.body_text() == ""


def test_new_from_template_fills_placeholders(qtbot, window, prompter):
    """File > New starts an untitled post from the chosen template, placeholders filled."""
    templates = window.files.templates()
    assert templates
    prompter.answer("choose_template", lambda choices: choices[0])
    assert window.files.new_document()
    assert window.document.path is None
    assert "{title}" not in window.document.post.text()
    assert not window.isWindowModified()


def test_revert_restores_file_text(qtbot, window, prompter, house_copy):
    """Revert drops unsaved edits and reloads the editor from disk."""
    window.files.open_path(house_copy)
    type_in_editor(qtbot, window, "버릴 글")
    prompter.answer("confirm_revert", True)
    assert window.files.revert_document()
    assert not window.isWindowModified()
    assert not window.editor.body_text().endswith("버릴 글")


def test_preview_follows_body_edits(qtbot, window, house_copy):
    """An edit in the source editor reaches the preview (renderFinished with the new text)."""
    window.files.open_path(house_copy)
    qtbot.waitUntil(lambda: not window.preview.is_busy(), timeout=15000)
    with qtbot.waitSignal(window.preview.renderFinished, timeout=15000):
        type_in_editor(qtbot, window, "<p id='added'>새 문단</p>")
    qtbot.waitUntil(lambda: not window.preview.is_busy(), timeout=15000)
    result = []
    window.preview.run_js("document.getElementById('added') ? "
                          "document.getElementById('added').textContent : null", result.append)
    qtbot.waitUntil(lambda: bool(result), timeout=5000)
    assert result[0] == "새 문단"


def test_window_modules_leave_the_export_converters_unloaded():
    """BeautifulSoup, markdownify and css-inline load on first export or paste, not at start."""
    import subprocess
    import sys

    script = (
        "import sys, editor.ui.shell.main_window\n"
        "print(sorted(m for m in ('bs4', 'markdownify', 'css_inline') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.strip() == "[]"


def mnemonics(menu) -> list[str]:
    """The access-key letters of a menu's entries (``&&`` is a literal ampersand)."""
    letters = []
    for action in menu.actions():
        text = action.text().replace("&&", "")
        if "&" in text:
            letters.append(text[text.index("&") + 1].lower())
    return letters


def test_menu_access_keys_are_unique_within_each_menu(window):
    """Alt+letter reaches one entry per menu, never two."""
    for name, menu in window.menus.items():
        letters = mnemonics(menu)
        assert len(letters) == len(set(letters)), (name, letters)


def test_edit_menu_cut_copy_paste_select_all_act_on_the_focused_field(qtbot, window):
    """The Edit menu's clipboard entries work in the form field that has focus."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    title = window.form.editor("title")
    title.line.setText("봄 소식")
    title.line.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is title.line, timeout=2000)
    window.actions["select_all"].trigger()
    assert title.line.selectedText() == "봄 소식"
    window.actions["copy"].trigger()
    assert QApplication.clipboard().text() == "봄 소식"
    window.actions["cut"].trigger()
    assert title.line.text() == ""
    window.actions["paste"].trigger()
    window.actions["paste"].trigger()
    assert title.line.text() == "봄 소식봄 소식"


def test_edit_menu_select_all_and_copy_in_the_source_editor(qtbot, window):
    """With the source editor focused, Select All and Copy take its whole text."""
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.editor.setPlainText("첫 줄\n둘째 줄")
    window.editor.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.editor, timeout=2000)
    window.actions["select_all"].trigger()
    window.actions["copy"].trigger()
    assert QApplication.clipboard().text() == "첫 줄\n둘째 줄"
