"""The source editor and the preview scroll together, whichever one the writer scrolls.

A page the preview loads whole (another post, a tab coming forward, a new look) starts
at its top: it is brought to the source's first visible line, so both show the same place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from editor.ui.preview.pane import PreviewPane
    from editor.ui.source.editor import SourceEditor

# How long the other pane's answering scroll is taken as an echo, not as the writer's.
SCROLL_ECHO_MS = 250


class ScrollSync(QObject):
    """Follows the scrolled pane in the other one, never echoing back and forth."""

    def __init__(self, editor: SourceEditor, source_pane: QWidget, preview: PreviewPane,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor, self.source_pane, self.preview = editor, source_pane, preview
        self._leader: str | None = None  # the pane the writer scrolls, until the echo ends
        self._echo_timer = QTimer(self, singleShot=True, interval=SCROLL_ECHO_MS)
        self._echo_timer.timeout.connect(self._end_echo)
        editor.topVisibleLineChanged.connect(self._editor_scrolled)
        preview.sourceLineScrolled.connect(self._preview_scrolled)
        preview.pageShown.connect(self._page_shown)

    def _editor_scrolled(self, line: int) -> None:
        if self._leader == "preview" or not self.preview.isVisible():
            return
        self._leader = "editor"
        self._echo_timer.start()
        self.preview.scroll_to_source_line(line)

    def _preview_scrolled(self, line: int) -> None:
        if self._leader == "editor" or not self.source_pane.isVisible():
            return
        self._leader = "preview"
        self._echo_timer.start()
        self.editor.scroll_to_line(line)

    def _page_shown(self) -> None:
        line = self.editor.top_visible_line()
        if line > 1 and self.source_pane.isVisible():
            self._leader = None
            self._editor_scrolled(line)

    def _end_echo(self) -> None:
        self._leader = None
