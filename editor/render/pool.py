"""Helper processes that render long posts, so typing never waits for Python's lock.

Rendering a long post is pure Python work that holds the interpreter lock for tens
to hundreds of milliseconds; run in a thread, it delays every keystroke that
arrives meanwhile. Spawned processes do that work instead; the calling thread
just waits on a pipe. If a process cannot start or dies, the work runs in the
calling thread, as it would without the pool, and the next call starts new ones.

A ``RenderPool`` belongs to whoever made it (the preview, a test) and is shut down
by them; the processes start on first use.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from editor import helper_processes

if TYPE_CHECKING:
    import concurrent.futures

log = logging.getLogger(__name__)
T = TypeVar("T")

# Two: a word count of a long body never queues the preview behind it, and a first
# render of a long post is shared three ways.
WORKERS = 2


def in_helper() -> bool:
    """True inside a helper process (which cannot hand work on to another)."""
    import multiprocessing

    return multiprocessing.parent_process() is not None


def _broken() -> tuple[type[BaseException], ...]:
    """What a failed helper raises. (multiprocessing and concurrent.futures are imported
    with the first helper, not by the window's start-up.)"""
    from concurrent.futures.process import BrokenProcessPool

    return OSError, BrokenProcessPool


class RenderPool:
    """Up to ``workers`` helper processes, started on first use."""

    def __init__(self, workers: int = WORKERS) -> None:
        self.workers = workers
        self._lock = threading.Lock()
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None

    def _executor(self) -> concurrent.futures.ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = helper_processes.spawn_pool(self.workers)
            return self._pool

    def _forget(self, pool: concurrent.futures.ProcessPoolExecutor | None) -> None:
        """Drop a broken executor, so the next call starts new processes."""
        with self._lock:
            if self._pool is pool:
                self._pool = None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def warm_up(self) -> None:
        """Start the processes in the background, so the first long render does not wait."""
        try:
            self._executor().submit(helper_processes.ready)
        except (*_broken(), RuntimeError) as exc:
            log.warning("render process unavailable: %s", exc)

    def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` in a helper process (``fn`` importable, arguments picklable);
        here if no helper can run it."""
        pool = None
        try:
            pool = self._executor()
            future = pool.submit(fn, *args)
        except (*_broken(), RuntimeError) as exc:
            log.warning("render process unavailable (%s); rendering in this process", exc)
            self._forget(pool)
            return fn(*args)
        try:
            return future.result()
        except _broken() as exc:
            log.warning("render process failed (%s); rendering in this process", exc)
            self._forget(pool)
            return fn(*args)

    def submit(self, fn: Callable[..., T], *args: Any) -> concurrent.futures.Future[T] | None:
        """Start ``fn(*args)`` in a helper process; None if no helper can run it."""
        pool = None
        try:
            pool = self._executor()
            return pool.submit(fn, *args)
        except (*_broken(), RuntimeError) as exc:
            log.warning("render process unavailable: %s", exc)
            self._forget(pool)
            return None

    def shutdown(self) -> None:
        """Stop the processes; pending work is dropped. The pool may be used again."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

