"""The recovery journal: entries written atomically, found after a crash, removed on save."""

from __future__ import annotations

import subprocess
import sys

import pytest

from editor.document.journal import Journal
from editor.document.post import DiskStamp


def test_write_read_remove(tmp_path):
    """An entry keeps the whole text, the path and the disk stamp; remove forgets it."""
    journal = Journal(tmp_path / "j")
    entry_id = journal.new_id()
    text = "---\ntitle: 복구\n---\n본문 " * 100
    journal.write(entry_id, text, path=tmp_path / "p.md", base=DiskStamp(5, 10))
    entry = journal.read(entry_id)
    assert entry.text == text and entry.path == str(tmp_path / "p.md")
    assert entry.base == DiskStamp(5, 10) and entry.display_name == "p.md"
    journal.write(entry_id, "newer", path=None, base=None)
    assert [e.text for e in journal.entries()] == ["newer"]
    journal.remove(entry_id)
    assert journal.entries() == []
    with pytest.raises(KeyError):
        journal.read(entry_id)


def test_only_entries_of_dead_processes_are_orphans(tmp_path):
    """Entries of this running process are not offered back; a dead writer's are."""
    folder = tmp_path / "j"
    mine = Journal(folder)
    mine.write(mine.new_id(), "still open here", path=None, base=None)
    code = (
        "import sys; from pathlib import Path; from editor.document.journal import Journal; "
        "Journal(Path(sys.argv[1])).write('deadbeef0001', 'left behind', path=None, base=None)"
    )
    subprocess.run([sys.executable, "-c", code, str(folder)], check=True)
    assert [e.text for e in mine.orphans()] == ["left behind"]
    assert len(mine.entries()) == 2


def test_unreadable_entries_are_skipped(tmp_path):
    """A damaged entry file does not hide the good ones."""
    journal = Journal(tmp_path)
    journal.write("abc123", "good", path=None, base=None)
    (tmp_path / "broken1.json").write_text("{not json")
    assert [e.id for e in journal.entries()] == ["abc123"]


def test_ids_cannot_escape_the_folder(tmp_path):
    """An id with path characters is refused rather than read from elsewhere."""
    with pytest.raises(KeyError):
        Journal(tmp_path).read("../../etc/passwd")


def test_difference_from_disk(tmp_path):
    """The preview diff shows what the recovered text adds to the file on disk."""
    path = tmp_path / "p.md"
    path.write_text("line one\nline two\n")
    journal = Journal(tmp_path / "j")
    journal.write("e1", "line one\nline two changed\n", path=path, base=None)
    diff = journal.read("e1").difference_from_disk()
    assert "-line two\n" in diff and "+line two changed\n" in diff
