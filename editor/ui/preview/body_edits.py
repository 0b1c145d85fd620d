"""The source editor's edits, followed for keystroke-sized updates of an HTML preview.

A whole render of a long post takes a second or more; an edit of an HTML body
changes one block. The preview pane asks this object for the update of the pieces an
edit touched (``editor.render.html_pieces``): their text is read from the editor's
document, never the whole body, and nothing here costs more than the edited pieces
and a pass over the list of piece starts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor, QTextDocument

if TYPE_CHECKING:
    from editor.render.html_pieces import PartUpdate, PieceMap
    from editor.render.preview_jobs import PieceLayout


class HtmlBodyEdits(QObject):
    """Edits of the source document since the page last showed its HTML body whole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: QTextDocument | None = None
        self._map: PieceMap | None = None
        # What the last whole render read: the post's (format, path) and its site root,
        # the body's length then, and the edits made since (until its result is shown).
        self._source: Any = None
        self._site_root: Path | None = None
        self._read_length = 0
        self._since_read: list[tuple[int, int, int]] | None = None

    def attach(self, document: QTextDocument | None) -> None:
        """Follow ``document`` (the source editor's; it holds the body only)."""
        if self._document is not None:
            self._document.contentsChange.disconnect(self._on_change)
        self._document = document
        self.drop()
        if document is not None:
            document.contentsChange.connect(self._on_change)

    def _length(self) -> int:
        return self._document.characterCount() - 1 if self._document is not None else 0

    def _on_change(self, position: int, removed: int, added: int) -> None:
        if not (removed or added):
            return  # formats only (the highlighter)
        if self._since_read is not None:
            self._since_read.append((position, removed, added))
        if self._map is not None:
            self._map.edit(position, removed, added)

    def drop(self) -> None:
        """Forget the pieces: the next update renders the whole body."""
        self._map = None
        self._since_read = None

    def begin_whole(self, source: Any, site_root: Path | None, body: str) -> None:
        """A whole render reads ``body`` now; ``source`` says which post it is."""
        self._map = None
        self._source = source
        self._site_root = site_root
        self._read_length = self._length()
        # Follow edits only from a body the document holds (not while a long file is
        # still arriving in slices): the same length, as the document counts.
        same = (self._document is not None
                and len(body.encode("utf-16-le")) // 2 == self._read_length)
        self._since_read = [] if same else None

    def whole_shown(self, layout: PieceLayout | None, keys: tuple[bytes, ...] | None) -> None:
        """The page shows that whole render now (its pieces' ``keys`` and ``layout``)."""
        edits, self._since_read = self._since_read, None
        if layout is None or keys is None or edits is None:
            self._map = None
            return
        # Imported with the first page shown (the renderer behind it is loaded by then).
        from editor.render.html_pieces import PieceMap

        pieces = PieceMap(layout, keys, self._read_length)
        for edit in edits:
            pieces.edit(*edit)
        self._map = pieces

    def can_update(self, source: Any) -> bool:
        """Whether edits of the post ``source`` names can be shown piece by piece."""
        return self._map is not None and source == self._source

    def keys(self) -> tuple[bytes, ...] | None:
        """The keys of the pieces the page shows, as far as the pieces are followed."""
        return None if self._map is None else tuple(self._map.keys)

    def take_update(self, embed_label: str) -> PartUpdate | None:
        """The page update for the edits so far, taken as shown (None: render whole)."""
        pieces = self._map
        if pieces is None or self._document is None:
            return None
        pieces.length = self._length()
        span = pieces.dirty_span()
        if span is None:
            return None
        cursor = QTextCursor(self._document)
        cursor.setPosition(span[0])
        cursor.setPosition(min(span[1], pieces.length), QTextCursor.MoveMode.KeepAnchor)
        part = cursor.selectedText().replace("\u2029", "\n")
        change = pieces.update(part, self._site_root, embed_label)
        if change is None:
            self.drop()
            return None
        pieces.apply(change)
        return change
