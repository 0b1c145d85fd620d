"""A preview render in a worker thread, and the relay that brings its result back."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Signal

if TYPE_CHECKING:
    from editor.render.core import Renderer

log = logging.getLogger("editor.ui.preview.pane")  # reported as the pane's own


class Relay(QObject):
    """Carries a worker's result back to the UI thread (queued signal)."""

    done = Signal(int, object)


class RenderJob(QRunnable):
    """Runs ``work`` in a pool thread; its result (or exception) goes to ``relay``."""

    def __init__(self, job_id: int, work: Callable[[], object], relay: Relay) -> None:
        super().__init__()
        self._job_id = job_id
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 - shown in the pane instead of lost in a thread
            log.exception("preview render failed")
            result = exc
        try:
            self._relay.done.emit(self._job_id, result)
        except RuntimeError:  # the window was closed meanwhile
            pass


class LazyRenderer:
    """A pane's renderer, made by whoever asks first (the first render's worker thread).

    A plain object: a render job holds it, never the pane, whose last reference must
    not go in a worker thread (the pane's web engine must be deleted on the GUI thread).
    """

    def __init__(self, pool: Any, renderer: Renderer | None = None) -> None:
        self._pool = pool
        self._renderer = renderer
        self._lock = threading.Lock()

    def get(self) -> Renderer:
        with self._lock:
            if self._renderer is None:
                from editor.render.core import Renderer

                self._renderer = Renderer(pool=self._pool)
            return self._renderer
