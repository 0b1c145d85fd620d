"""Helper processes for long Python work (rendering, spelling), made the one safe way.

They are spawned, not forked (forking a process that runs Qt threads is unsafe), and
each ends when the process that started it ends, however that ends: a killed or crashed
editor never shuts its pools down, and helpers waiting on a queue whose write end they
share would live on with the editor's files and output streams open.
multiprocessing and concurrent.futures are imported with the first pool, not at start-up.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import concurrent.futures


def spawn_pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    """A pool of up to ``workers`` spawned helpers that end with this process."""
    import concurrent.futures
    import multiprocessing

    return concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
        initializer=end_with_parent)


def ready() -> bool:
    """Nothing: submitted to start a pool's processes ahead of their first work."""
    return True


def end_with_parent() -> None:
    """In a helper (its initializer): end it when the process that started it ends."""
    import multiprocessing
    import multiprocessing.connection
    import os

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def wait() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=wait, name="end-with-parent", daemon=True).start()
