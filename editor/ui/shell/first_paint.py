"""Waiting for a window's first paint: what it shows first is on screen, the rest follows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# Run at the latest after this long, painted or not (a window never shown, say).
BUILD_AT_LATEST_MS = 2000


class FirstPaint(QObject):
    """Runs ``then`` once the window has painted (queued: the frame finishes first)."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)
        self._latest = QTimer(self, singleShot=True, interval=BUILD_AT_LATEST_MS)
        self._latest.timeout.connect(self._go)
        self._latest.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._go)
        return False

    def _go(self) -> None:
        self._latest.stop()
        self.parent().removeEventFilter(self)
        self._then()
