"""Autosave: keeps the open document's unsaved text in the recovery journal, a moment after edits.

The journal entry is rewritten about a second after the writer pauses, and at least
every two seconds while they keep typing, so a crash or a kill loses at most
``MAX_WAIT_MS`` of typing (plus one write). Nothing is written per keystroke: each
change only restarts a timer. Writes run on one background thread so a large post
never stalls typing; removals go through the same thread, so a late write can never
bring back an entry that saving or discarding removed.

Optionally (setting ``files/autosave_to_file``, off by default) the same pause also
saves the file itself, but only when the file on disk is still the one we loaded or
saved: an external change is never overwritten behind the writer's back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from editor.document.journal import Journal
from editor.document.post import DiskStamp, SaveError
from editor.ui.shell.document import Document

# A pause this long after the last edit triggers a journal write.
IDLE_MS = 1000
# Continuous typing still gets a write this long after the first unwritten edit.
MAX_WAIT_MS = 2000


@dataclass
class JournalSlot:
    """One open post's place in the journal (each tab keeps its own)."""

    entry_id: str = field(default_factory=Journal.new_id)
    has_entry: bool = False
    editing: bool = False
    base: DiskStamp | None = None  # the file on disk when editing began


class Autosaver(QObject):
    """Writes one document's unsaved text to the journal; removes it when saved or discarded."""

    # The entry was written (True) or could not be written (False, with the reason).
    journalWritten = Signal(bool, str)
    # The file itself was saved by the optional autosave-to-file.
    fileAutosaved = Signal(object)  # Path
    # A sentence for the status bar when a write failed (the text is still in memory).
    problem = Signal(str)

    def __init__(self, document: Document, *, journal: Journal | None = None,
                 autosave_to_file: Callable[[], bool] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.journal = journal or Journal()
        self.entry_id = Journal.new_id()
        # Asked at each pause so a changed preference applies at once.
        self._autosave_to_file = autosave_to_file or (lambda: False)
        self._base: DiskStamp | None = None  # the file on disk when editing began
        self._editing = False
        self._has_entry = False
        self._lock = threading.Lock()
        self._last_future: Future | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._stopped = False

        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._idle.timeout.connect(self.write_now)
        self._max_wait = QTimer(self, singleShot=True, interval=MAX_WAIT_MS)
        self._max_wait.timeout.connect(self.write_now)

        document.bodyChanged.connect(self._on_changed)
        document.frontMatterChanged.connect(self._on_changed)
        document.modifiedChanged.connect(self._on_modified_changed)
        document.reloaded.connect(self._on_reloaded)
        document.pathChanged.connect(lambda _path: self._on_changed())
        self.journalWritten.connect(self._report)

    # Public ---------------------------------------------------------------------------

    def is_pending(self) -> bool:
        """True while an edit waits for its journal write."""
        return self._idle.isActive() or self._max_wait.isActive()

    def use_entry(self, entry_id: str) -> None:
        """Continue an existing entry (a restored one) instead of starting a new one."""
        self.entry_id = entry_id
        self._has_entry = True

    def take_slot(self) -> JournalSlot:
        """The shown post's journal place, its pending edits written (it goes to the
        background; ``put_slot`` brings it back)."""
        if self.is_pending():
            self.write_now()
        return JournalSlot(self.entry_id, self._has_entry, self._editing, self._base)

    def put_slot(self, slot: JournalSlot) -> None:
        """Keep the journal entry of the post shown from now on in ``slot``."""
        self._idle.stop()
        self._max_wait.stop()
        self.entry_id, self._has_entry = slot.entry_id, slot.has_entry
        self._editing, self._base = slot.editing, slot.base

    def discard_slot(self, slot: JournalSlot) -> None:
        """Forget a background post's entry (its tab closed, its changes dropped)."""
        if slot.has_entry:
            slot.has_entry = False
            self._submit(self.journal.remove, slot.entry_id)

    def write_now(self) -> None:
        """Write the journal entry now (if there are unsaved changes); stops the timers."""
        self._idle.stop()
        self._max_wait.stop()
        if self._stopped or not self.document.is_modified():
            return
        if not self._editing:
            self._begin_editing()
        post = self.document.post
        text, path, base = post.text(), post.path, self._base
        self._has_entry = True
        self._submit(self._write_entry, self.entry_id, text, path, base)
        if self._autosave_to_file():
            self._save_file()

    def discard(self) -> None:
        """Forget the entry: the writer chose to drop the changes (or the window closed)."""
        self._idle.stop()
        self._max_wait.stop()
        self._editing = False
        if self._has_entry:
            self._has_entry = False
            self._submit(self.journal.remove, self.entry_id)

    def flush(self, timeout: float | None = 10.0) -> None:
        """Wait until every write and removal asked for so far has reached the disk."""
        future = self._last_future
        if future is not None:
            future.result(timeout)

    def shutdown(self) -> None:
        """Stop the timers and wait for the background thread (the window is closing)."""
        self._idle.stop()
        self._max_wait.stop()
        self._stopped = True
        if self._executor is not None:
            self._executor.shutdown(wait=True)
            self._executor = None

    # Internals ------------------------------------------------------------------------

    def _begin_editing(self) -> None:
        self._editing = True
        self._base = self.document.post.disk_stamp

    def _on_changed(self) -> None:
        if not self.document.is_modified(exact=False):
            return
        if not self._editing:
            self._begin_editing()
        self._idle.start()  # restarted by every change: waits for a pause
        if not self._max_wait.isActive():
            self._max_wait.start()  # not restarted: bounds what continuous typing can lose

    def _on_modified_changed(self, modified: bool) -> None:
        if modified:
            self._on_changed()
        else:
            # Saved, reverted, undone back to the saved text or replaced: nothing to keep.
            self.discard()

    def _on_reloaded(self) -> None:
        self._editing = False
        if not self.document.is_modified():
            self.discard()

    def _report(self, ok: bool, message: str) -> None:
        if not ok:
            self.problem.emit(self.tr("The recovery copy could not be written: {problem}")
                              .format(problem=message))

    def _save_file(self) -> None:
        post = self.document.post
        if post.path is None or DiskStamp.of(post.path) != post.disk_stamp:
            return  # never saved, or changed on disk: only the journal keeps the text
        try:
            self.document.save()
        except (SaveError, OSError) as exc:
            self.journalWritten.emit(False, getattr(exc, "message", str(exc)))
            return
        self.fileAutosaved.emit(post.path)

    def _submit(self, fn: Callable[..., object], *args: object) -> None:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(1, thread_name_prefix="journal")
            self._last_future = self._executor.submit(fn, *args)

    def _write_entry(self, entry_id: str, text: str, path: Path | None,
                     base: DiskStamp | None) -> None:
        try:
            self.journal.write(entry_id, text, path=path, base=base)
        except (SaveError, OSError) as exc:
            # Reported on the GUI thread via a queued signal; the text is still in memory.
            self.journalWritten.emit(False, getattr(exc, "message", str(exc)))
            return
        self.journalWritten.emit(True, "")
