"""Tests for offering back journal entries at start: the dialog, Restore, Discard and Later."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.document.journal import Journal
from editor.document.post import DiskStamp
from editor.ui.lifecycle import recovery_dialog
from editor.ui.lifecycle.recovery_dialog import DISCARD, LATER, RESTORE, RecoveryDialog

ROOT = Path(__file__).resolve().parents[3]
ON_DISK = "---\ntitle: Orchard notes\n---\nThe apples are not ripe yet.\n"
KEPT = "---\ntitle: Orchard notes, revised\n---\nThe apples are not ripe yet.\nPears are.\n"


def orphan(text: str, path: Path | None) -> str:
    """Write a journal entry from another process that then exits (as a killed editor would)."""
    code = (
        "import sys; from pathlib import Path; from editor.document.journal import Journal\n"
        "from editor.document.post import DiskStamp\n"
        "path = Path(sys.argv[2]) if sys.argv[2] else None\n"
        "entry = Journal().write(Journal.new_id(), sys.argv[1], path=path,\n"
        "                        base=DiskStamp.of(path) if path else None)\n"
        "print(entry.id)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, text, str(path or "")], cwd=ROOT,
                          capture_output=True, text=True, check=True, env=os.environ.copy())
    return done.stdout.strip()


@pytest.fixture
def post_file(tmp_path) -> Path:
    """The post the kept text belongs to."""
    path = tmp_path / "orchard.md"
    path.write_text(ON_DISK, "utf-8")
    return path


def test_only_entries_of_dead_processes_are_offered(window, post_file):
    """Our own live entries are not orphans; a dead writer's entry is."""
    entry_id = orphan(KEPT, post_file)
    Journal().write("mine0000live", "still being edited", path=None, base=None)
    asked = []
    recovery_dialog.offer_recovery(window, choose=lambda found: asked.extend(found) or {})
    assert [e.id for e in asked] == [entry_id]


def test_nothing_to_offer_asks_nothing(window):
    """Without orphans the dialog is not shown."""
    def never(_found):
        raise AssertionError("asked although nothing was left behind")
    assert recovery_dialog.offer_recovery(window, choose=never) == {}


def test_restore_opens_unsaved_document_bound_to_file(qtbot, window, post_file):
    """Restore shows the kept text, unsaved, with the original path; the file is untouched."""
    entry_id = orphan(KEPT, post_file)
    recovery_dialog.offer_recovery(window, choose=lambda found: {entry_id: RESTORE})
    assert window.document.post.text() == KEPT
    assert window.editor.body_text() == "The apples are not ripe yet.\nPears are.\n"
    assert window.document.path == post_file
    assert window.document.is_modified()
    assert window.isWindowModified()
    assert post_file.read_text("utf-8") == ON_DISK
    # The entry now belongs to this editor: kept until saved, no longer an orphan.
    window.autosave.flush()
    assert window.autosave.entry_id == entry_id
    assert Journal().read(entry_id).pid == os.getpid()
    assert Journal().orphans() == []
    # Undo goes back to what is on disk: the restore was one edit.
    window.editor.undo()
    assert window.editor.body_text() == "The apples are not ripe yet.\n"


def test_restored_text_saved_removes_entry(qtbot, window, post_file):
    """Saving a restored document writes the file and clears the journal."""
    entry_id = orphan(KEPT, post_file)
    recovery_dialog.offer_recovery(window, choose=lambda found: {entry_id: RESTORE})
    assert window.files.save_document()
    window.autosave.flush()
    assert post_file.read_text("utf-8") == KEPT
    assert Journal().entries() == []


def test_discard_and_later(window, post_file, tmp_path):
    """Discard deletes an entry; Later keeps it for the next start; neither opens anything."""
    other = tmp_path / "other.md"
    other.write_text(ON_DISK, "utf-8")
    dropped = orphan(KEPT, post_file)
    kept = orphan(KEPT + "more\n", other)
    recovery_dialog.offer_recovery(window, choose=lambda found: {dropped: DISCARD, kept: LATER})
    assert [e.id for e in Journal().orphans()] == [kept]
    assert not window.document.is_modified()


def test_restore_of_vanished_file_and_untitled(qtbot, window, tmp_path):
    """A text whose file is gone, and one never saved, both come back as unsaved documents."""
    gone = tmp_path / "gone.md"
    first = orphan(KEPT, gone)
    second = orphan("---\ntitle: Loose\n---\nNo file ever.\n", None)
    recovery_dialog.offer_recovery(window, choose=lambda found: {first: RESTORE,
                                                                 second: RESTORE})
    tabs = window.tabs
    assert tabs.count() == 2  # each in a tab of the one window
    by_path = {tabs.post_at(i).path: tabs.post_at(i) for i in range(2)}
    assert set(by_path) == {gone, None}
    assert by_path[gone].text() == KEPT
    assert not gone.exists()
    assert by_path[None].text() == "---\ntitle: Loose\n---\nNo file ever.\n"
    assert all(tabs.is_modified(i) for i in range(2))


def test_dialog_lists_entries_with_difference_and_decisions(qtbot, post_file):
    """The dialog shows file, time and the difference from disk; buttons set each decision."""
    orphan(KEPT, post_file)
    post_file.write_text(ON_DISK.replace("not ripe", "nearly ripe"), "utf-8")  # changed since
    orphan("Untitled text\n", None)
    entries = Journal().orphans()
    dialog = RecoveryDialog(entries)
    qtbot.addWidget(dialog)
    assert dialog.listing.count() == 2
    # Both were written within the same second: find each row by its entry, not by order.
    row = next(i for i, e in enumerate(entries) if e.path == str(post_file))
    other_row = 1 - row
    first = entries[row]
    dialog.listing.setCurrentRow(row)
    assert str(post_file) in dialog.details_label.text()
    assert "changed after" in dialog.details_label.text()
    assert "+Pears are." in dialog.preview.toPlainText()
    assert dialog.decisions[first.id] == RESTORE
    dialog.discard_button.click()
    assert dialog.decisions[first.id] == DISCARD
    assert "Discard" in dialog.listing.item(row).text()
    dialog.listing.setCurrentRow(other_row)
    assert "Untitled" in dialog.details_label.text()
    dialog.later_button.click()
    assert dialog.decisions[entries[other_row].id] == LATER
    assert dialog.decisions[first.id] == DISCARD

def test_entry_base_records_disk_state_when_editing_began(post_file):
    """An orphan's base stamp is the file's stamp when editing began (what the diff trusts)."""
    entry_id = orphan(KEPT, post_file)
    data = json.loads((Journal().folder / f"{entry_id}.json").read_text("utf-8"))
    assert DiskStamp(**data["base"]) == DiskStamp.of(post_file)
    assert not recovery_dialog.changed_since(Journal().read(entry_id))
