"""Red waves under misspelt words, drawn over a plain-text editor's viewport.

Qt can underline through extra selections, but an editor that has wave-underlined
selections in view takes several times as long to repaint a line, which it does on
every keystroke. So a transparent child of the viewport draws the waves itself, for
the few misspellings in view: they are found from the text layout the editor has
already made, and drawing them costs a keystroke a fraction of a millisecond.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QMoveEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QTextBlock,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

UNDERLINE_COLOUR = "#e0241b"
#: Half the height and a quarter of the period of the wave, in pixels.
WAVE_HEIGHT = 1.5
WAVE_STEP = 2.0
#: The wave's distance below the baseline, in pixels.
BELOW_BASELINE = 2
#: Pixels above and below a painted area whose lines' words are looked at too.
MARGIN_PX = 8


def wave_path(left: float, right: float, y: float) -> QPainterPath:
    """A wavy line from ``left`` to ``right`` around height ``y``."""
    path = QPainterPath(QPointF(left, y))
    x, up = left, True
    while x < right:
        step = min(WAVE_STEP, right - x)
        path.lineTo(x + step, y - WAVE_HEIGHT if up else y + WAVE_HEIGHT)
        x += step
        up = not up
    return path


def word_spans(editor: QPlainTextEdit, cursors: list[QTextCursor],
               area: QRectF | None = None) -> list[tuple[QTextCursor, float, float, float]]:
    """Each word's cursor, left and right x and the wave's y (viewport coordinates), one
    span per line the word is laid out on (a word wrapped mid-word has two), for the
    words in blocks that reach into ``area`` (all if None) and have been laid out."""
    document = editor.document()
    # Block position: its layout's origin in the viewport, or None outside the area.
    anchors: dict[int, tuple[float, float] | None] = {}
    spans = []
    for cursor in cursors:
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        block = document.findBlock(start)
        origin = block.position()
        anchor = anchors.get(origin, False)
        if anchor is False:
            anchor = anchors[origin] = _anchor(editor, block, area)
        if anchor is None or start >= end:
            continue
        left0, top0 = anchor
        layout = block.layout()
        first, last = start - origin, end - origin
        while first < last:
            line = layout.lineForTextPosition(first)
            if not line.isValid():  # an invalid line's methods crash
                break
            upto = min(last, line.textStart() + line.textLength())
            if upto <= first:
                break
            top = top0 + line.y()
            y = min(top + line.ascent() + BELOW_BASELINE, top + line.height())
            spans.append((cursor, left0 + line.cursorToX(first)[0],
                          left0 + line.cursorToX(upto)[0], y))
            first = upto
    return spans


def _anchor(editor: QPlainTextEdit, block: QTextBlock,
            area: QRectF | None) -> tuple[float, float] | None:
    """Where ``block``'s layout sits in the viewport; None when it is not laid out or
    lies outside ``area`` (one rectangle per block places all its lines)."""
    layout = block.layout()
    if not block.isVisible() or layout is None or layout.lineCount() == 0:
        return None
    first_line = layout.lineAt(0)
    rect = editor.cursorRect(QTextCursor(block))
    top0 = rect.top() - first_line.y()
    if area is not None:
        bottom = top0 + layout.boundingRect().bottom() + WAVE_HEIGHT * 2
        if bottom < area.top() or top0 - WAVE_HEIGHT * 2 > area.bottom():
            return None
    return rect.left() - first_line.cursorToX(0)[0], top0


def wave_tile(ratio: float) -> QPixmap:
    """One stretch of the wave, drawn for a device pixel ``ratio``, to be tiled."""
    width, height = WAVE_STEP * 4, WAVE_HEIGHT * 2 + 2
    tile = QPixmap(int(width * ratio), int(height * ratio))
    tile.setDevicePixelRatio(ratio)
    tile.fill(Qt.GlobalColor.transparent)
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(UNDERLINE_COLOUR), 1))
    painter.drawPath(wave_path(-WAVE_STEP * 2, width + WAVE_STEP * 2, height / 2))
    painter.end()
    return tile


class WaveOverlay(QWidget):
    """Draws the waves of ``cursors()`` (the misspellings near the view) over ``editor``.

    Only the words in the blocks a paint covers are placed (a keystroke repaints a
    line or two).
    """

    def __init__(self, editor: QPlainTextEdit, cursors: Callable[[], list[QTextCursor]]) -> None:
        viewport = editor.viewport()
        super().__init__(viewport)
        self._editor, self._cursors = editor, cursors
        self._tile: QPixmap | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setGeometry(viewport.rect())
        viewport.installEventFilter(self)
        self.show()


    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self._editor.viewport().rect())
        return False

    def moveEvent(self, event: QMoveEvent) -> None:  # noqa: N802 (Qt name)
        # Scrolling scrolls the viewport's children too: this one stays where it is.
        if not event.pos().isNull():
            self.move(0, 0)

    def spans(self, area: QRectF | None = None) -> list[tuple[QTextCursor, float, float, float]]:
        """Each wave reaching into ``area`` (the whole view if None): its word's cursor,
        left, right and y."""
        area = area or QRectF(self.rect())
        cursors = self._cursors()
        if cursors:  # only the words of the blocks in the area (they are in text order)
            editor = self._editor
            first = editor.cursorForPosition(QPoint(0, int(area.top()) - MARGIN_PX)).block()
            last = editor.cursorForPosition(QPoint(0, int(area.bottom()) + MARGIN_PX)).block()
            low = bisect_left(cursors, first.position(), key=QTextCursor.selectionEnd)
            high = bisect_left(cursors, last.position() + last.length(),
                               key=QTextCursor.selectionStart)
            cursors = cursors[low:high]
        return word_spans(self._editor, cursors, area)

    def painted_words(self) -> list[str]:
        """The words with a wave in view, in text order."""
        height = self.height()
        words: list[str] = []
        last = None
        for cursor, _left, _right, y in self.spans():
            if 0 <= y <= height + WAVE_HEIGHT * 2 and cursor is not last:
                words.append(cursor.selectedText())
                last = cursor
        return words

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt name)
        area = QRectF(event.rect())
        top, bottom = area.top() - WAVE_HEIGHT * 2, area.bottom() + WAVE_HEIGHT * 2
        waves = [(left, right, y) for _c, left, right, y in self.spans(area)
                 if top <= y <= bottom and right >= area.left() and left <= area.right()]
        if not waves:
            return
        ratio = self.devicePixelRatioF()
        if self._tile is None or self._tile.devicePixelRatio() != ratio:
            self._tile = wave_tile(ratio)
        half = WAVE_HEIGHT + 1
        painter = QPainter(self)
        for left, right, y in waves:
            painter.drawTiledPixmap(QRectF(left, y - half, right - left, half * 2), self._tile)
        painter.end()
