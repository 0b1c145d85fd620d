"""A preview render in a worker thread, its result carried back to the UI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

log = logging.getLogger(__name__)


class Relay(QObject):
    """Carries a worker's result back to the UI thread (queued signal)."""

    done = Signal(int, object)


class RenderJob(QRunnable):
    """Runs ``work`` and hands its result (or the exception it raised) to ``relay``."""

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
