"""The spelling checker's copy of the source text follows every kind of edit."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor.ui.source.text_mirror import MAX_SPLICE, TextMirror


def mirrored(qtbot, text: str) -> tuple[QPlainTextEdit, TextMirror]:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText(text)
    mirror = TextMirror(edit.document())
    edit.document().contentsChange.connect(mirror.apply)
    mirror.text()  # copied once; from here on followed
    return edit, mirror


def cursor_at(edit: QPlainTextEdit, start: int, end: int | None = None) -> QTextCursor:
    cursor = QTextCursor(edit.document())
    cursor.setPosition(start)
    if end is not None:
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def test_typing_pasting_deleting_and_undo_keep_the_copy_equal(qtbot, monkeypatch):
    edit, mirror = mirrored(qtbot, "<p>첫 문단입니다.</p>\n\n<p>Second paragraph here.</p>\n")
    document = edit.document()
    copies = []
    real = document.toRawText
    monkeypatch.setattr(document, "toRawText", lambda: copies.append(1) or real())
    cursor_at(edit, 3).insertText("새 ")
    cursor_at(edit, 10).insertText("two\nnew lines\n")
    cursor_at(edit, 2, 20).removeSelectedText()
    cursor_at(edit, 5, 9).insertText("replaced\u00a0text")
    edit.undo()
    edit.undo()
    edit.redo()
    assert mirror.text() == real()
    assert not copies  # every edit was spliced in, the document never copied again
    assert "\u2029" in mirror.text()  # paragraph separators, as toRawText has them


def test_characters_outside_the_bmp_and_large_changes_copy_the_document_again(qtbot):
    edit, mirror = mirrored(qtbot, "plain words\nmore words\n")
    cursor_at(edit, 6).insertText("\U0001f600")  # one code point, two UTF-16 units
    cursor_at(edit, 12).insertText("x")
    assert mirror.text() == edit.document().toRawText()
    edit.setPlainText("y" * (MAX_SPLICE + 10))
    cursor_at(edit, 3).insertText("z")
    assert mirror.text() == edit.document().toRawText()


def test_random_edits_near_and_far_apart_keep_the_copy_equal(qtbot, monkeypatch):
    """Typing grows one edited region; edits elsewhere, formats and deletions follow."""
    import random

    from PySide6.QtGui import QTextCharFormat

    rng = random.Random(7)
    edit, mirror = mirrored(qtbot, "".join(f"<p>줄 {n} line words.</p>\n" for n in range(400)))
    document = edit.document()
    copies = []
    real = document.toRawText
    monkeypatch.setattr(document, "toRawText", lambda: copies.append(1) or real())
    bold = QTextCharFormat()
    bold.setFontWeight(700)
    place = 500
    for step in range(300):
        length = document.characterCount() - 1
        if step % 40 == 0:
            place = rng.randrange(length)  # another place now and then
        place = min(place, length)
        kind = rng.random()
        if kind < 0.5:
            cursor_at(edit, place).insertText(rng.choice(["a", "한", " ", "\n", "word "]))
            place += 1
        elif kind < 0.7 and place > 0:
            cursor_at(edit, place - 1, place).removeSelectedText()
            place -= 1
        elif kind < 0.8:
            far = rng.randrange(length)
            cursor_at(edit, far, min(far + rng.randrange(1, 30), length)).insertText("x")
        else:  # formats only: the text stays
            cursor_at(edit, place, min(place + 20, length)).mergeCharFormat(bold)
        if step % 25 == 0:
            assert mirror.text() == real()
    assert mirror.text() == real()
    assert not copies
