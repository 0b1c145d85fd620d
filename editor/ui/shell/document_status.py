"""The status fields kept in step with the open post: position at once, counts after a pause."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from editor.authoring.stats import text_stats
from editor.document.post import Post
from editor.ui.shell.document import Document
from editor.ui.shell.status import StatusFields

if TYPE_CHECKING:
    from editor.ui.source.editor import SourceEditor

# Counts walk the whole body: wait for a pause in typing, longer for long documents.
STATS_DELAY_MS = 300


class DocumentStatus(QObject):
    """Feeds a window's status fields from its document and source editor."""

    def __init__(self, fields: StatusFields, document: Document, editor: SourceEditor, *,
                 stats_in_background: Callable[[Post], bool],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fields, self.document, self.editor = fields, document, editor
        # A long body is counted off the UI thread; that count shows itself when done.
        self._stats_in_background = stats_in_background
        self._stats_timer = QTimer(self, singleShot=True, interval=STATS_DELAY_MS)
        self._stats_timer.timeout.connect(self.update_stats)
        editor.cursorPositionChanged.connect(self.update_position)
        document.bodyChanged.connect(
            lambda: self._stats_timer.start(STATS_DELAY_MS + document.body_length() // 4000))

    def show_post(self, post: Post) -> None:
        """Every field for a post just shown (after open, new, revert)."""
        self.fields.set_format(post.format)
        self.fields.set_encoding(post.encoding, post.bom, post.newline)
        self.update_position()
        self.update_stats()

    def update_position(self) -> None:
        line, column = self.editor.cursor_line_column()
        self.fields.set_position(line, column)

    def update_stats(self) -> None:
        post = self.document.post
        if self._stats_in_background(post):
            return
        self.fields.set_stats(text_stats(post.body, post.format))
