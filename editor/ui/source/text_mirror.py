"""A Python copy of a QTextDocument's raw text, kept current edit by edit.

Copying a 1 MB document out of Qt (``toRawText``) costs the window's thread several
milliseconds each time, and so does splicing an edit into a 1 MB string. So the copy is
kept as the text last put together plus one *edited region*: the current text of a
stretch of it. Typing at one place grows that small region only; the whole text is
put together when it is asked for (once per spelling check). Where the copy cannot be
trusted (characters outside the BMP, whose UTF-16 offsets are not Python's; a load; a
large re-formatting) it is dropped and the next :meth:`text` copies the document again.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

#: A change of more units than this is not spliced: the document is copied again.
MAX_SPLICE = 4096


#: An edited region longer than this is put into the text at once.
MAX_REGION = 64 * 1024


class TextMirror:
    """The raw text of ``document`` (paragraph separators as U+2029, like ``toRawText``)."""

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._text: str | None = None  # None: copy the document again
        # The edited region: base[start:end] now reads ``middle``.
        self._start = self._end = 0
        self._middle = ""

    def text(self) -> str:
        """The document's raw text now."""
        if self._text is None:
            self._text = self._document.toRawText()
            self._start = self._end = 0
            self._middle = ""
        elif self._middle or self._start != self._end:
            self._text = self._text[:self._start] + self._middle + self._text[self._end:]
            self._start = self._end = 0
            self._middle = ""
        return self._text

    def forget(self) -> None:
        """Copy the document again next time (it is not followed meanwhile)."""
        self._text = None

    def _length(self) -> int:
        assert self._text is not None
        return len(self._text) - (self._end - self._start) + len(self._middle)

    def _slice(self, a: int, b: int) -> str:
        """The current text's ``[a, b)``, without putting the whole text together."""
        base, start, middle = self._text or "", self._start, self._middle
        shift = len(middle) - (self._end - start)
        out = base[a:min(b, start)]
        out += middle[max(a - start, 0):max(b - start, 0)]
        after = start + len(middle)
        if b > after:
            out += base[max(a, after) - shift:b - shift]
        return out

    def apply(self, position: int, removed: int, added: int) -> None:
        """Follow a ``contentsChange(position, removed, added)`` of the document."""
        if self._text is None:
            return
        old_length = self._length()
        length = self._document.characterCount() - 1  # without the final separator
        if max(removed, added) > MAX_SPLICE or position + added > length \
                or position + removed > old_length:
            self._text = None
            return
        cursor = QTextCursor(self._document)
        cursor.setPosition(position)
        cursor.setPosition(position + added, QTextCursor.MoveMode.KeepAnchor)
        inserted = cursor.selectedText()
        if removed == added and self._slice(position, position + added) == inserted:
            return  # only formats changed (the syntax colours redone)
        # Lengths agree only without astral characters (counted twice by Qt): then the
        # offsets are the same in both, and the splice is the document's text.
        if len(inserted) != added or old_length - removed + added != length:
            self._text = None
            return
        # The region grows to cover the edit; outside it the text is the base's.
        start, end_now = self._start, self._start + len(self._middle)
        if start == self._end and not self._middle:
            start = end_now = position
        low, high = min(start, position), max(end_now, position + removed)
        shift = len(self._middle) - (self._end - self._start)
        middle = self._slice(low, position) + inserted + self._slice(position + removed, high)
        self._start, self._end, self._middle = low, high - shift, middle
        if len(middle) > MAX_REGION:
            self.text()
