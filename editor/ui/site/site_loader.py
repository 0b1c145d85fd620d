"""Lists a site's posts in the background and follows its files.

A :class:`SiteLoader` owns the site's :class:`~editor.site.index.SiteIndex` and a pool of
one thread, so jobs on the index never overlap: a listing (the rows, quick), then the
publish checklist's counts in small batches (slow; each batch is dropped if a newer
listing was asked for meanwhile). A QFileSystemWatcher on ``_posts`` and ``_drafts`` (and
their files) asks for a new listing shortly after a change; the index re-reads only the
files whose time or size changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QRunnable, QThreadPool, QTimer, Signal

from editor.site.index import PostRow, SiteIndex
from editor.site.jekyll import DRAFTS_DIR, POSTS_DIR

CHECK_BATCH = 40  # rows per checklist job: counts appear steadily, a new listing waits little
CHANGE_DELAY_MS = 150  # a save touches a file several times; list once
# The checklist starts once the table has been filled and painted: its thread holds the
# interpreter lock much of the time and would slow the first paint.
CHECKS_AFTER_MS = 200


class _Relay(QObject):
    """Carries a job's result to the GUI thread (queued: it lives there)."""

    done = Signal(int, str, object)  # generation, kind, value


class _Job(QRunnable):
    def __init__(self, relay: _Relay, generation: int, kind: str,
                 work: Callable[[], Any], current: Callable[[], int]) -> None:
        super().__init__()
        self._relay, self._generation, self._kind = relay, generation, kind
        self._work, self._current = work, current

    def run(self) -> None:
        if self._current() != self._generation:
            return  # a newer listing was asked for: this result would be stale
        try:
            value = self._work()
        except Exception as exc:  # noqa: BLE001 - reported in the panel, never a crash
            self._relay.done.emit(self._generation, "failed", str(exc))
            return
        self._relay.done.emit(self._generation, self._kind, value)


class SiteLoader(QObject):
    """The rows of one site folder, listed and checked off the GUI thread."""

    listed = Signal(object)  # list[PostRow], every post and draft
    checked = Signal(object)  # list[PostRow], a batch with checklist counts
    failed = Signal(str)
    checksFinished = Signal()  # noqa: N815 - Qt naming

    def __init__(self, root: str | Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = Path(root)
        self.index = SiteIndex(self.root)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._pending_checks = 0
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done)
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._on_changed)
        self.watcher.fileChanged.connect(self._on_changed)
        self._change_timer = QTimer(self, singleShot=True, interval=CHANGE_DELAY_MS)
        self._change_timer.timeout.connect(self.refresh)

    def refresh(self) -> None:
        """List the site again in the background (``listed`` then ``checked`` follow)."""
        self._generation += 1
        self._pending_checks = 0
        self._submit("listed", self.index.rows)

    def busy(self) -> bool:
        """Whether a listing or checklist job is queued or running."""
        return self._pool.activeThreadCount() > 0 or self._pending_checks > 0

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the jobs queued now (tests, closing)."""
        return self._pool.waitForDone(msecs)

    def stop(self) -> None:
        """Drop queued jobs and stop following the files."""
        self._generation += 1
        self._pool.clear()
        self._change_timer.stop()
        paths = self.watcher.files() + self.watcher.directories()
        if paths:
            self.watcher.removePaths(paths)

    def _submit(self, kind: str, work: Callable[[], Any]) -> None:
        self._pool.start(_Job(self._relay, self._generation, kind, work,
                              lambda: self._generation))

    def _on_done(self, generation: int, kind: str, value: Any) -> None:
        if generation != self._generation:
            return
        if kind == "failed":
            self.failed.emit(value)
        elif kind == "listed":
            self._watch(value)
            self.listed.emit(value)
            self._pending_checks += 1  # counted now: busy() until the batches are queued
            QTimer.singleShot(CHECKS_AFTER_MS, self,
                              lambda: self._check(value, generation))
        elif kind == "checked":
            self._pending_checks -= 1
            self.checked.emit(value)
            if self._pending_checks == 0:
                self.checksFinished.emit()

    def _check(self, rows: list[PostRow], generation: int) -> None:
        if generation != self._generation:
            return  # listed again meanwhile; that listing's checks follow it
        self._pending_checks -= 1
        todo = [row for row in rows if row.errors is None]
        if not todo:
            self.checksFinished.emit()
            return
        for start in range(0, len(todo), CHECK_BATCH):
            batch = todo[start:start + CHECK_BATCH]
            self._pending_checks += 1
            self._submit("checked", lambda batch=batch: self.index.add_checks(batch))

    # Following the files ---------------------------------------------------------------

    def _watch(self, rows: list[PostRow]) -> None:
        folders = [self.root / name for name in (POSTS_DIR, DRAFTS_DIR)]
        folders += sorted({(self.root / row.path).parent for row in rows})
        wanted = {str(path) for path in folders if path.is_dir()}
        wanted |= {str(self.root / row.path) for row in rows}
        if not (self.root / POSTS_DIR).is_dir() or not (self.root / DRAFTS_DIR).is_dir():
            wanted.add(str(self.root))  # a _drafts folder made later is noticed
        missing = wanted - set(self.watcher.files()) - set(self.watcher.directories())
        if missing:
            self.watcher.addPaths(sorted(missing))

    def _on_changed(self, _path: str) -> None:
        self._change_timer.start()

