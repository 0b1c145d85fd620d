"""Tests for the source editor widget: gutter, current line, navigation, loading, IME."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor, QTextFormat
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from editor.ui.source.editor import SourceEditor
from editor.ui.source.fonts import editor_font
from editor.ui.source.go_to_line import go_to_line_dialog
from editor.ui.source.pane import SourceEditorPane


@pytest.fixture
def editor(qtbot):
    widget = SourceEditor()
    qtbot.addWidget(widget)
    widget.resize(600, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def lines(count):
    return "\n".join(f"<p>줄 {n}</p>" for n in range(1, count + 1))


def test_gutter_width_grows_with_line_count(editor):
    """More digits in the highest line number make the gutter wider."""
    editor.set_body_text(lines(9))
    small = editor.gutter_width()
    editor.set_body_text(lines(12000))
    large = editor.gutter_width()
    assert large > small
    assert editor.viewportMargins().left() == large
    assert editor.gutter().sizeHint().width() == large


def test_current_line_highlight_follows_cursor(editor):
    """The full-width extra selection sits on the cursor's line."""
    editor.set_body_text(lines(20))
    editor.go_to_line(7)

    def highlighted_block():
        for selection in editor.extraSelections():
            if selection.format.property(QTextFormat.Property.FullWidthSelection):
                return selection.cursor.blockNumber()
        return None

    assert highlighted_block() == 6
    editor.moveCursor(QTextCursor.MoveOperation.Down)
    assert highlighted_block() == 7


def test_go_to_line_clamps_and_reports(editor):
    """go_to_line moves the cursor to the start of a 1-based line, clamped to the text."""
    editor.set_body_text(lines(100))
    assert editor.go_to_line(42) == 42
    assert editor.cursor_line_column() == (42, 1)
    assert editor.go_to_line(1000) == 100
    assert editor.go_to_line(-3) == 1
    assert editor.textCursor().blockNumber() == 0


def test_go_to_line_dialog_has_bounds(editor, qtbot):
    """The dialog offers 1..line count and starts at the current line."""
    editor.set_body_text(lines(30))
    editor.go_to_line(5)
    dialog = go_to_line_dialog(editor)
    qtbot.addWidget(dialog)
    assert (dialog.intMinimum(), dialog.intMaximum(), dialog.intValue()) == (1, 30, 5)
    assert "30" in dialog.labelText()


def test_cursor_column_counts_characters_not_utf16(editor):
    """An emoji counts as one column."""
    editor.set_body_text("😀가나")
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    assert editor.cursor_line_column() == (1, 4)


def test_word_wrap_toggle(editor):
    """set_word_wrap switches Qt's wrap mode both ways."""
    editor.set_word_wrap(False)
    assert editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.NoWrap
    assert not editor.word_wrap()
    editor.set_word_wrap(True)
    assert editor.lineWrapMode() == QPlainTextEdit.LineWrapMode.WidgetWidth
    assert editor.word_wrap()


def test_set_body_text_resets_undo_and_modified(editor, qtbot):
    """Loading is not an undo step and does not count as an edit."""
    edits = []
    editor.textEdited.connect(lambda: edits.append(1))
    editor.set_body_text("first")
    editor.textCursor().insertText("typed ")
    assert edits
    edits.clear()
    editor.set_body_text("second")
    assert not edits
    assert not editor.document().isUndoAvailable()
    assert not editor.document().isModified()
    editor.undo()
    assert editor.body_text() == "second"


def test_replace_text_is_one_step_and_keeps_cursor(editor):
    """An external change is undoable in one step; a cursor before it stays put."""
    editor.set_body_text("alpha\nbeta\ngamma")
    editor.go_to_line(1)
    edits = []
    editor.textEdited.connect(lambda: edits.append(1))
    assert editor.replace_text("alpha\nBETA!\ngamma\ndelta")
    assert editor.body_text() == "alpha\nBETA!\ngamma\ndelta"
    assert editor.textCursor().position() == 0
    assert edits
    editor.undo()
    assert editor.body_text() == "alpha\nbeta\ngamma"


def test_replace_text_selects_what_it_is_told_in_python_indexes(editor):
    """With ``select`` the given stretch of the new text is selected, counted in code points
    (an emoji takes two editor positions); still one undo step."""
    editor.set_body_text("😀 앞 글\n끝")
    new = "😀 앞 <b>글</b>\n끝"
    assert editor.replace_text(new, (new.index("<b>"), new.index("</b>") + 4))
    assert editor.selection_range() == (new, new.index("<b>"), new.index("</b>") + 4)
    assert editor.textCursor().selectedText() == "<b>글</b>"
    editor.undo()
    assert editor.body_text() == "😀 앞 글\n끝"


def test_replace_text_waits_for_a_composition(editor):
    """During an input method composition the replacement waits, then lands with its
    selection once the composition ends."""
    editor.set_body_text("가나")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.inputMethodEvent(QInputMethodEvent("다", []))
    assert editor.is_composing()
    assert not editor.replace_text("가나!", (2, 3))
    commit = QInputMethodEvent()
    commit.setCommitString("")
    editor.inputMethodEvent(commit)
    assert not editor.is_composing()
    QApplication.processEvents()
    assert editor.body_text() == "가나!"
    assert editor.textCursor().selectedText() == "!"


def test_body_text_keeps_non_breaking_spaces(editor):
    """U+00A0 survives the round trip (QPlainTextEdit's toPlainText would lose it)."""
    text = "<p>\u00a0</p>\n<p>a\u00a0b</p>"
    editor.set_body_text(text)
    assert editor.body_text() == text
    assert editor.toPlainText() == text


def test_shift_enter_inserts_a_real_newline(editor, qtbot):
    """Shift+Enter makes a new line, not a U+2028 soft break."""
    editor.set_body_text("ab")
    cursor = editor.textCursor()
    cursor.setPosition(1)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert editor.body_text() == "a\nb"
    assert editor.line_count() == 2


def test_tab_inserts_spaces_when_configured(editor, qtbot):
    """Tabs by default; with insert spaces on, up to the next tab stop."""
    editor.set_body_text("")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.body_text() == "\t"
    editor.set_body_text("ab")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    editor.set_insert_spaces(True)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert editor.body_text() == "ab  "


def test_scroll_to_line_and_top_visible_signal(editor, qtbot):
    """scroll_to_line puts the line at the top and reports it through the signal."""
    editor.set_word_wrap(False)
    editor.set_body_text(lines(500))
    with qtbot.waitSignal(editor.topVisibleLineChanged) as blocker:
        editor.scroll_to_line(120)
    assert blocker.args == [120]
    assert editor.top_visible_line() == 120
    seen = []
    editor.topVisibleLineChanged.connect(seen.append)
    editor.verticalScrollBar().setValue(editor.verticalScrollBar().value() + 10)
    assert seen and seen[-1] == 130


def test_composition_is_reported_and_defers_replacement(editor, qtbot):
    """A preedit string means composing; loads wait until the composition ends."""
    editor.set_body_text("시작")
    changes = []
    editor.compositionChanged.connect(changes.append)
    qtbot.keyClick(editor, Qt.Key.Key_End)
    editor.inputMethodEvent(QInputMethodEvent("ㅎ", []))
    assert editor.is_composing()
    assert editor.set_body_text("new text") is False
    assert editor.body_text() == "시작"
    commit = QInputMethodEvent()
    commit.setCommitString("한")
    editor.inputMethodEvent(commit)
    assert not editor.is_composing()
    assert changes == [True, False]
    qtbot.waitUntil(lambda: editor.body_text() == "new text", timeout=2000)


def test_editor_does_not_take_focus_when_loading(qtbot):
    """Loading and replacing text leave keyboard focus where it was."""
    pane = SourceEditorPane()
    qtbot.addWidget(pane)
    pane.show()
    other = pane.find_bar.find_edit
    pane.find_bar.show()
    other.setFocus()
    qtbot.waitUntil(other.hasFocus, timeout=2000)
    pane.editor.set_body_text("abc")
    pane.editor.replace_text("abcd")
    pane.editor.go_to_line(1)
    assert other.hasFocus()


def test_body_format_and_theme_switch(editor):
    """The editor forwards format and theme; the palette follows the theme."""
    editor.set_body_format("markdown")
    assert editor.body_format() == "markdown"
    light_base = editor.palette().base().color()
    editor.set_theme("dark")
    assert editor.theme() == "dark"
    assert editor.palette().base().color() != light_base
    assert editor.palette().base().color().lightness() < 80


def test_editor_font_is_monospace_with_hangul():
    """The editor font is fixed pitch and lists a Hangul-capable family."""
    font = editor_font()
    assert font.fixedPitch()
    assert any("CJK" in family or "D2Coding" in family for family in font.families())


def test_undo_of_a_command_edit_leaves_the_cursor_at_the_edit(qtbot):
    """Undoing a replace_text (a highlight) keeps the cursor and the view at that line."""
    editor = SourceEditor()
    qtbot.addWidget(editor)
    editor.resize(600, 400)
    editor.show()
    body = "".join(f"<p>Paragraph {i} of the long post.</p>\n" for i in range(200))
    editor.set_body_text(body)
    start = body.index("Paragraph 150 ") + len("Paragraph ")
    wrapped = body[:start] + "<b>150</b>" + body[start + 3:]
    editor.replace_text(wrapped, (start + 3, start + 6))
    assert editor.cursor_line_column()[0] == 151
    scrolled = editor.verticalScrollBar().value()
    assert scrolled > 0
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.body_text() == body
    assert editor.cursor_line_column()[0] == 151
    assert abs(editor.verticalScrollBar().value() - scrolled) <= 2
    editor.redo()
    assert editor.body_text() == wrapped
    assert editor.cursor_line_column()[0] == 151
