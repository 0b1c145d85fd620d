"""Tests for the find/replace bar acting on a real source editor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from editor.ui.source.pane import SourceEditorPane

TEXT = (
    "<p>도서관 Library</p>\n"
    "<p>library card, LIBRARY hours</p>\n"
    "<p>libraryish words</p>"
)


@pytest.fixture
def pane(qtbot):
    widget = SourceEditorPane()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.editor.set_body_text(TEXT)
    return widget


def selected(pane):
    return pane.editor.textCursor().selectedText()


def search(pane, query, regex=False, case=False, word=False, replace=False):
    bar = pane.find_bar
    bar.show_replace() if replace else bar.show_find()
    bar.regex_box.setChecked(regex)
    bar.case_box.setChecked(case)
    bar.word_box.setChecked(word)
    bar.find_edit.setText(query)
    return bar


def test_find_next_and_previous_wrap_and_count(pane):
    """Next walks the matches in order and wraps; previous goes back; the counter follows."""
    bar = search(pane, "library")
    # Typing the query already selected the first match.
    found = [(pane.editor.textCursor().selectionStart(), selected(pane))]
    for _ in range(4):
        assert bar.find_next()
        found.append((pane.editor.textCursor().selectionStart(), selected(pane)))
    assert [text for _, text in found] == ["Library", "library", "LIBRARY", "library", "Library"]
    assert found[4][0] == found[0][0]  # wrapped around
    assert "1 of 4" in bar.message()
    assert bar.find_previous()
    assert "4 of 4" in bar.message()
    assert bar.find_previous()
    assert selected(pane) == "LIBRARY"


def test_case_and_whole_word_options(pane):
    """Match case and whole word narrow the matches."""
    bar = search(pane, "library", case=True)
    assert bar.find_next()
    assert "of 2" in bar.message()
    bar = search(pane, "library", word=True)
    bar.find_next()
    assert "of 3" in bar.message()
    bar = search(pane, "library", case=True, word=True)
    assert bar.find_next()
    assert selected(pane) == "library"
    assert "1 of 1" in bar.message()


def test_regex_search(pane):
    """A regular expression finds what it describes."""
    bar = search(pane, r"<p>\w+", regex=True)
    assert selected(pane) == "<p>도서관"
    assert bar.find_next()
    assert selected(pane) == "<p>library"
    assert "2 of 3" in bar.message()


def test_invalid_regex_shows_message(pane):
    """An invalid expression shows a message in the bar instead of raising."""
    bar = search(pane, "(lib", regex=True)
    assert bar.find_next() is False
    assert "Invalid regular expression" in bar.message()
    assert bar.replace_all() == 0
    assert pane.editor.body_text() == TEXT


def test_no_results_message(pane):
    """A query with no match says so and finds nothing."""
    bar = search(pane, "zebra")
    assert bar.find_next() is False
    assert bar.message() == "No results"


def test_replace_all_is_one_undo_step(pane):
    """Replace all changes every match; a single undo restores the original text."""
    bar = search(pane, "library", replace=True)
    bar.replace_edit.setText("책방")
    assert bar.replace_all() == 4
    assert "책방" in pane.editor.body_text()
    assert "library" not in pane.editor.body_text().lower().replace("책방", "")
    pane.editor.undo()
    assert pane.editor.body_text() == TEXT
    assert not pane.editor.document().isUndoAvailable()


def test_replace_all_with_groups_and_emoji_offsets(pane):
    """Group references expand, and an emoji earlier in the text does not shift replacements."""
    pane.editor.set_body_text('😀 <span style="color: #ee2323;">a</span> 😀 <b>b</b>')
    bar = search(pane, r"<(b|span)\b", regex=True, replace=True)
    bar.replace_edit.setText(r"<\1 data-x")
    assert bar.replace_all() == 2
    assert pane.editor.body_text() == (
        '😀 <span data-x style="color: #ee2323;">a</span> 😀 <b data-x>b</b>'
    )


def test_replace_current_replaces_selection_then_moves_on(pane):
    """Replace acts on a selected match and selects the next one."""
    bar = search(pane, "library", case=True, replace=True)
    bar.replace_edit.setText("LIB")
    assert selected(pane) == "library"
    assert bar.replace_current() is True
    assert pane.editor.body_text().count("LIB card") == 1
    assert selected(pane) == "library"
    pane.editor.undo()
    assert pane.editor.body_text() == TEXT


def test_keys_enter_shift_enter_f3_escape(pane, qtbot):
    """Enter / Shift+Enter / F3 navigate from the find field; Escape closes the bar."""
    bar = search(pane, "library")
    first = pane.editor.textCursor().selectionStart()
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return)
    assert pane.editor.textCursor().selectionStart() > first
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert pane.editor.textCursor().selectionStart() == first
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_F3)
    second = pane.editor.textCursor().selectionStart()
    assert second > first
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert pane.editor.textCursor().selectionStart() == first
    qtbot.keyClick(bar.find_edit, Qt.Key.Key_Escape)
    assert bar.isHidden()
    assert pane.editor.extraSelections()  # only the current line remains
    assert len(pane.editor.extraSelections()) == 1


def test_matches_are_painted_and_recounted_after_edits(pane, qtbot):
    """All matches get highlights; typing another match updates the counter."""
    bar = search(pane, "card")
    bar.find_next()
    assert len(pane.editor.extraSelections()) == 2  # current line + one match
    cursor = pane.editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    cursor.insertText(" card")
    qtbot.waitUntil(lambda: bar.message() in ("2 matches", "1 of 2"), timeout=2000)
    assert len(pane.editor.extraSelections()) == 3


def test_show_find_hides_replace_row_and_takes_selection(pane):
    """show_find hides the replace row and starts from the selected text."""
    cursor = pane.editor.textCursor()
    cursor.setPosition(3)
    cursor.setPosition(6, cursor.MoveMode.KeepAnchor)
    pane.editor.setTextCursor(cursor)
    pane.find_bar.show_find()
    assert pane.find_bar.find_edit.text() == "도서관"
    assert not pane.find_bar.replace_visible()
    pane.find_bar.show_replace()
    assert pane.find_bar.replace_visible()
