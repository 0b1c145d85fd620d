"""A Python copy of a QTextDocument's raw text, kept current edit by edit.

Copying a 1 MB document out of Qt (``toRawText``) costs the window's thread several
milliseconds each time; splicing each edit's few characters into the copy costs a
fraction of that. Where the copy cannot be trusted (characters outside the BMP, whose
UTF-16 offsets are not Python's; a load; a large re-formatting) it is dropped and the
next :meth:`text` copies the document again.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

#: A change of more units than this is not spliced: the document is copied again.
MAX_SPLICE = 4096


class TextMirror:
    """The raw text of ``document`` (paragraph separators as U+2029, like ``toRawText``)."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._text: str | None = None

    def text(self) -> str:
        """The document's raw text now."""
        if self._text is None:
            self._text = self._document.toRawText()
        return self._text

    def forget(self) -> None:
        """Copy the document again next time (it is not followed meanwhile)."""
        self._text = None

    def apply(self, position: int, removed: int, added: int) -> None:
        """Follow a ``contentsChange(position, removed, added)`` of the document."""
        old = self._text
        if old is None:
            return
        self._text = None
        length = self._document.characterCount() - 1  # without the final separator
        if max(removed, added) > MAX_SPLICE or position + added > length:
            return
        cursor = QTextCursor(self._document)
        cursor.setPosition(position)
        cursor.setPosition(position + added, QTextCursor.MoveMode.KeepAnchor)
        inserted = cursor.selectedText()
        if removed == added and old[position:position + added] == inserted:
            self._text = old  # only formats changed (the syntax colours redone)
            return
        new = old[:position] + inserted + old[position + removed:]
        # Lengths agree only without astral characters (counted twice by Qt): then the
        # offsets are the same in both, and the splice is the document's text.
        if len(new) == length and len(old) - removed + added == length:
            self._text = new
