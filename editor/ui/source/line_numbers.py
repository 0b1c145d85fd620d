"""The line-number gutter painted beside the source editor."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSize
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget


class _GutterOwner(Protocol):
    def gutter_width(self) -> int: ...

    def paint_gutter(self, event: QPaintEvent) -> None: ...


class LineNumberGutter(QWidget):
    """A strip in the editor's left margin; the editor does the painting.

    The editor knows the block geometry, so it paints the numbers; this widget only
    reserves the space and forwards paint events.
    """

    def __init__(self, editor: QWidget) -> None:
        super().__init__(editor)
        self._editor: _GutterOwner = editor  # type: ignore[assignment]

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """As wide as the editor needs for its highest line number."""
        return QSize(self._editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        """Let the editor paint the visible line numbers."""
        self._editor.paint_gutter(event)
