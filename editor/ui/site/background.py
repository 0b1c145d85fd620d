"""Work off the GUI thread, one job at a time, with the result delivered back to it.

Planning or applying a rename over a thousand posts takes seconds; the window must not
freeze meanwhile. A :class:`Background` owns a pool of one thread; ``run`` queues a
callable and calls ``done`` (or ``failed``) with its result on the GUI thread. The result
of a job :meth:`Background.forget` was called for is dropped (the job still runs: a
caller that goes away never waits for it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(int, bool, object)  # ticket, ok, value or message


class _Job(QRunnable):
    def __init__(self, relay: _Relay, ticket: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self._relay, self._ticket, self._work = relay, ticket, work

    def run(self) -> None:
        try:
            value = self._work()
        except Exception as exc:  # noqa: BLE001 - handed to ``failed``, never a crash
            self._relay.done.emit(self._ticket, False, str(exc))
            return
        self._relay.done.emit(self._ticket, True, value)


class Background(QObject):
    """Runs callables one after another on a thread of its own."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._deliver)
        self._ticket = 0
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[str], None]]] = {}

    def run(self, work: Callable[[], Any], done: Callable[[Any], None],
            failed: Callable[[str], None]) -> int:
        """Run ``work`` off the GUI thread; ``done(value)`` or ``failed(message)`` after.
        Returns the job's ticket (for :meth:`forget`)."""
        self._ticket += 1
        self._callbacks[self._ticket] = (done, failed)
        self._pool.start(_Job(self._relay, self._ticket, work))
        return self._ticket

    def busy(self) -> bool:
        """Whether a job is queued or running whose result is still wanted."""
        return bool(self._callbacks)

    def forget(self, ticket: int | None) -> None:
        """Drop the result of job ``ticket`` when it comes."""
        self._callbacks.pop(ticket, None)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the running job (closing)."""
        return self._pool.waitForDone(msecs)

    def _deliver(self, ticket: int, ok: bool, value: Any) -> None:
        callbacks = self._callbacks.pop(ticket, None)
        if callbacks is not None:
            callbacks[0 if ok else 1](value)
