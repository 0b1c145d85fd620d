"""The find bar's matches, painted as selections in the source editor."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

#: At most this many find matches are painted, so a search for "e" in a 1 MB body
#: does not build a million selections.
MAX_MATCH_HIGHLIGHTS = 2000


def match_selections(document: QTextDocument, ranges: list[tuple[int, int]], current: int,
                     dark: bool) -> list[QTextEdit.ExtraSelection]:
    """Selections over ``ranges`` (Qt positions), the ``current`` one stronger."""
    selections = []
    for number, (start, end) in enumerate(ranges[:MAX_MATCH_HIGHLIGHTS]):
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        colour = QColor("#f2a60d" if number == current else "#f7d774")
        if dark:
            colour.setAlpha(150 if number == current else 90)
        selection.format.setBackground(colour)
        selections.append(selection)
    return selections
