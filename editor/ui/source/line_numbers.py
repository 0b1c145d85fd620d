"""The line-number gutter painted beside the source editor."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget


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


def paint_line_numbers(editor: QPlainTextEdit, gutter: QWidget, event: QPaintEvent,
                       colours: Any, padding: int) -> None:
    """Paint the line numbers of ``editor``'s visible blocks onto ``gutter``."""
    painter = QPainter(gutter)
    painter.fillRect(event.rect(), QColor(colours.gutter_background))
    painter.setFont(editor.font())
    current = editor.textCursor().blockNumber()
    block = editor.firstVisibleBlock()
    offset = editor.contentOffset()
    top = editor.blockBoundingGeometry(block).translated(offset).top()
    width = gutter.width() - padding
    height = editor.fontMetrics().height()
    while block.isValid() and top <= event.rect().bottom():
        bottom = top + editor.blockBoundingRect(block).height()
        if block.isVisible() and bottom >= event.rect().top():
            number = block.blockNumber()
            pen = colours.gutter_current if number == current else colours.gutter_foreground
            painter.setPen(QColor(pen))
            painter.drawText(0, round(top), width, height, Qt.AlignmentFlag.AlignRight,
                             str(number + 1))
        block = block.next()
        top = bottom
    painter.end()
