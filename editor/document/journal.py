"""The recovery journal: unsaved text kept on disk so a crash or a kill loses nothing.

Each open document with unsaved changes has one entry, rewritten atomically a
moment after the writer stops typing, and removed when the document is saved or
its changes are discarded. Entries left behind by a process that is gone are
what the next start offers back.
"""

from __future__ import annotations

import difflib
import json
import os
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from editor.document.post import DiskStamp
from editor.document.storage import atomic_write
from editor.paths import data_dir

_SUFFIX = ".json"


@dataclass(frozen=True)
class JournalEntry:
    """One document's unsaved text and where it came from."""

    id: str
    text: str
    path: str | None  # the post's file, None for a document never saved
    saved_at: str  # ISO time of this journal write
    pid: int  # the process that wrote it
    base: DiskStamp | None  # the file on disk when editing began

    @property
    def time(self) -> datetime:
        """When the entry was written."""
        return datetime.fromisoformat(self.saved_at)

    @property
    def size(self) -> int:
        """Length of the text in UTF-8 bytes."""
        return len(self.text.encode("utf-8"))

    @property
    def display_name(self) -> str:
        """The file name, or 'Untitled' for a never-saved document."""
        return Path(self.path).name if self.path else "Untitled"

    def difference_from_disk(self, max_lines: int = 40) -> str:
        """A unified diff from the file on disk (or nothing) to the journal's text."""
        old = ""
        if self.path:
            try:
                old = Path(self.path).read_text("utf-8", errors="replace").replace("\r\n", "\n")
            except OSError:
                old = ""
        lines = list(difflib.unified_diff(
            old.splitlines(True), self.text.splitlines(True),
            fromfile="on disk", tofile="recovered", n=1))
        if len(lines) > max_lines:
            lines = lines[:max_lines] + [f"… {len(lines) - max_lines} more lines\n"]
        return "".join(lines)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Journal:
    """The folder of entries; the default lives in the user's data folder."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or data_dir() / "recovery"

    @staticmethod
    def new_id() -> str:
        """A fresh entry id for a document opened in this process."""
        return uuid.uuid4().hex[:12]

    def _file(self, entry_id: str) -> Path:
        if not entry_id.isalnum():
            raise KeyError(f"No recovery entry {entry_id!r}.")
        return self.folder / f"{entry_id}{_SUFFIX}"

    def write(self, entry_id: str, text: str, *, path: Path | None,
              base: DiskStamp | None) -> JournalEntry:
        """Store ``text`` for the document ``entry_id`` atomically, replacing its last entry."""
        entry = JournalEntry(entry_id, text, str(path) if path else None,
                             datetime.now().astimezone().isoformat(timespec="seconds"),
                             os.getpid(), base)
        self.folder.mkdir(parents=True, exist_ok=True)
        data = asdict(entry)
        atomic_write(self._file(entry_id), json.dumps(data, ensure_ascii=False).encode("utf-8"))
        return entry

    def remove(self, entry_id: str) -> None:
        """Forget a document's entry (after it was saved or its changes discarded)."""
        try:
            self._file(entry_id).unlink()
        except (FileNotFoundError, KeyError):
            pass

    def read(self, entry_id: str) -> JournalEntry:
        """One entry; KeyError if there is none or it cannot be read."""
        try:
            data = json.loads(self._file(entry_id).read_text("utf-8"))
            base = data.get("base")
            return JournalEntry(data["id"], data["text"], data.get("path"), data["saved_at"],
                                int(data.get("pid", 0)), DiskStamp(**base) if base else None)
        except (OSError, ValueError, TypeError) as exc:
            raise KeyError(f"No readable recovery entry {entry_id!r}.") from exc

    def entries(self) -> list[JournalEntry]:
        """All readable entries, oldest first."""
        found = []
        for file in self.folder.glob(f"*{_SUFFIX}"):
            try:
                found.append(self.read(file.stem))
            except KeyError:
                continue
        return sorted(found, key=lambda e: e.saved_at)

    def orphans(self) -> list[JournalEntry]:
        """Entries whose process is gone: what a crash or a kill left behind."""
        return [e for e in self.entries() if not _alive(e.pid)]
