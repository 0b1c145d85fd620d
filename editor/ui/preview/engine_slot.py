"""Where the preview's web view goes: an empty placeholder until the pane first paints.

Starting Chromium takes longer than anything else at start-up, so the pane makes its web
engine (editor.ui.preview.engine) once the window has shown the post's text; anything
that needs the view sooner (a render's page, a test, the zoom) gets it made at once.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from editor.ui.preview.engine import PreviewEngine


class EngineSlot(QObject):
    """The pane's web engine, made by ``make`` (a method of the pane) on first need."""

    ready = Signal()  # the engine exists

    def __init__(self, pane: QWidget, make: Callable[[], PreviewEngine]) -> None:
        super().__init__(pane)
        # Weak: a cycle through the pane would leave it to the garbage collector, which
        # may run in a render thread, and Chromium's objects must go on the GUI thread.
        self._make = weakref.WeakMethod(make)
        self.engine: PreviewEngine | None = None
        self._scheduled = False
        self._zoom = 1.0
        self._placeholder = QWidget(pane)
        self._placeholder.installEventFilter(self)
        self._layout = QVBoxLayout(pane)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self._placeholder)

    def get(self) -> PreviewEngine:
        """The engine, made now if it does not exist yet."""
        if self.engine is None:
            make = self._make()
            if make is None:
                raise RuntimeError("the preview pane is gone")
            engine = self.engine = make()
            if self._zoom != 1.0:
                engine.view.setZoomFactor(self._zoom)
            self._placeholder.removeEventFilter(self)
            self._layout.replaceWidget(self._placeholder, engine.view)
            engine.view.show()  # a child added after its parent was shown starts hidden
            self._placeholder.hide()
            self._placeholder.deleteLater()
            self.ready.emit()
        return self.engine

    def view(self) -> QWebEngineView | None:
        """The web view if it exists yet (without making it)."""
        return self.engine.view if self.engine is not None else None

    def set_zoom(self, zoom: float) -> None:
        """The view's zoom, kept for it if it does not exist yet."""
        self._zoom = zoom
        if self.engine is not None:
            self.engine.view.setZoomFactor(zoom)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        """Make the engine once the placeholder has been painted (the window is up)."""
        if (watched is self._placeholder and event.type() == QEvent.Type.Paint
                and not self._scheduled):
            self._scheduled = True
            # Queued: the rest of the window finishes painting (the text shows) first.
            QTimer.singleShot(0, self, self.get)
        return False
