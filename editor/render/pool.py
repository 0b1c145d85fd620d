"""Helper processes that render long posts, so typing never waits for Python's lock.

Rendering a long post is pure Python work that holds the interpreter lock for tens
to hundreds of milliseconds; run in a thread, it delays every keystroke that
arrives meanwhile. Spawned processes do that work instead; the calling thread
just waits on a pipe. If a process cannot start or dies, the work runs in the
calling thread, as it would without the pool, and the next call starts new ones.
"""

from __future__ import annotations

import concurrent.futures
import logging
import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

# Two: a word count of a long body never queues the preview behind it, and a first
# render of a long post is shared three ways.
WORKERS = 2

_lock = threading.Lock()
_pool: concurrent.futures.ProcessPoolExecutor | None = None


def _executor() -> concurrent.futures.ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            # spawn, not fork: forking a process that runs Qt threads is unsafe.
            context = multiprocessing.get_context("spawn")
            _pool = concurrent.futures.ProcessPoolExecutor(max_workers=WORKERS, mp_context=context)
        return _pool


def _ready() -> bool:
    return True


def warm_up() -> None:
    """Start the process in the background, so the first long render does not wait for it."""
    try:
        _executor().submit(_ready)
    except (OSError, BrokenProcessPool) as exc:
        log.warning("render process unavailable: %s", exc)


def run(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` in the helper process (``fn`` importable, arguments picklable)."""
    global _pool
    try:
        return _executor().submit(fn, *args).result()
    except (OSError, BrokenProcessPool) as exc:
        log.warning("render process failed (%s); rendering in this process", exc)
        with _lock:
            _pool = None
        return fn(*args)


def submit(fn: Callable[..., T], *args: Any) -> concurrent.futures.Future[T] | None:
    """Start ``fn(*args)`` in a helper process; None if no helper can run it."""
    global _pool
    try:
        return _executor().submit(fn, *args)
    except (OSError, BrokenProcessPool, RuntimeError) as exc:
        log.warning("render process unavailable: %s", exc)
        with _lock:
            _pool = None
        return None


def in_helper() -> bool:
    """True inside a helper process (which cannot hand work on to another)."""
    return multiprocessing.parent_process() is not None


def shutdown() -> None:
    """Stop the processes (at exit); pending work is dropped."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)
