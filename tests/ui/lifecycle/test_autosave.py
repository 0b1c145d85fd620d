"""Tests for the autosave journal writer: timing, content, removal, autosave to file, failures."""

from __future__ import annotations

import errno
import os
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from editor.document.journal import Journal
from editor.document.post import DiskStamp
from editor.ui.lifecycle import autosave
from editor.ui.shell import dialogs
from editor.ui.shell.main_window import MainWindow

POST = "---\ntitle: Rain on the harbour\n---\nThe ferries ran late.\n"


@pytest.fixture
def errors(prompter):
    """Messages the window showed through its prompter."""
    return prompter.errors


@pytest.fixture
def post_file(tmp_path) -> Path:
    """A small post on disk."""
    path = tmp_path / "harbour.md"
    path.write_text(POST, "utf-8")
    return path


def type_text(window: MainWindow, text: str) -> None:
    """Type at the end of the body as a writer would."""
    window.editor.setFocus()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    QTest.keyClicks(window.editor, text)


def entry_text(window: MainWindow) -> str | None:
    """The journal's text for the window's document, or None if it has no entry."""
    window.autosave.flush()
    try:
        return window.autosave.journal.read(window.autosave.entry_id).text
    except KeyError:
        return None


def wait_for_entry(qtbot, window: MainWindow, expected: str, timeout: int = 4000) -> None:
    """Wait until the journal holds exactly ``expected`` for the window's document."""
    qtbot.waitUntil(lambda: entry_text(window) == expected, timeout=timeout)


def test_journal_written_after_pause_not_per_keystroke(qtbot, window, post_file):
    """Typing writes nothing at once; a second after the pause the whole text is journaled."""
    window.files.open_path(post_file)
    writes = []
    window.autosave.journalWritten.connect(lambda ok, _msg: writes.append(ok))
    type_text(window, " Gulls waited.")
    assert entry_text(window) is None  # no write on the keystrokes themselves
    assert window.autosave.is_pending()
    started = time.monotonic()
    expected = POST + " Gulls waited."
    wait_for_entry(qtbot, window, expected)
    assert time.monotonic() - started <= autosave.MAX_WAIT_MS / 1000 + 0.5
    qtbot.waitUntil(lambda: writes == [True], timeout=2000)
    entry = window.autosave.journal.read(window.autosave.entry_id)
    assert entry.path == str(post_file)
    assert entry.base == DiskStamp.of(post_file)
    assert entry.pid == os.getpid()


def test_continuous_typing_still_written_within_max_wait(qtbot, window, post_file):
    """Keys every 150 ms never leave a one-second pause, yet a write lands within 2 s."""
    window.files.open_path(post_file)
    typed = ""
    started = time.monotonic()
    seen_at = None
    while time.monotonic() - started < 3.2:
        type_text(window, "x")
        typed += "x"
        qtbot.wait(150)
        text = entry_text(window)
        if text is not None and seen_at is None:
            seen_at = time.monotonic() - started
            assert text.startswith(POST + "x") and len(text) <= len(POST + typed)
    assert seen_at is not None
    assert seen_at <= autosave.MAX_WAIT_MS / 1000 + 0.4


def test_untitled_document_is_journaled(qtbot, window):
    """A never-saved document gets an entry too, with no path."""
    type_text(window, "Draft without a name")
    qtbot.waitUntil(lambda: (entry_text(window) or "").endswith("Draft without a name"),
                    timeout=4000)
    entry = window.autosave.journal.read(window.autosave.entry_id)
    assert entry.path is None
    assert entry.display_name == "Untitled"


def test_save_removes_entry(qtbot, window, post_file):
    """Saving the document removes its journal entry."""
    window.files.open_path(post_file)
    type_text(window, " Saved now.")
    wait_for_entry(qtbot, window, POST + " Saved now.")
    assert window.files.save_document()
    assert entry_text(window) is None
    assert post_file.read_text("utf-8") == POST + " Saved now."


def test_undo_to_saved_text_removes_entry(qtbot, window, post_file):
    """Undoing back to the text on disk leaves nothing to recover."""
    window.files.open_path(post_file)
    type_text(window, "!")
    wait_for_entry(qtbot, window, POST + "!")
    window.editor.undo()
    assert not window.document.is_modified()
    assert entry_text(window) is None


def test_close_with_discard_removes_entry(qtbot, window, post_file):
    """Closing the window and answering Discard deletes the entry."""
    window.files.open_path(post_file)
    type_text(window, " Dropped.")
    wait_for_entry(qtbot, window, POST + " Dropped.")
    journal = window.autosave.journal
    window.prompter.answer("ask_save_discard", dialogs.DISCARD)
    assert window.close()
    assert journal.entries() == []


def test_close_cancelled_keeps_entry(qtbot, window, post_file):
    """Cancelling the close keeps the window, the text and the entry."""
    window.files.open_path(post_file)
    type_text(window, " Kept.")
    wait_for_entry(qtbot, window, POST + " Kept.")
    window.prompter.answer("ask_save_discard", dialogs.CANCEL)
    assert not window.close()
    assert entry_text(window) == POST + " Kept."


def test_autosave_to_file_is_off_by_default(qtbot, window, post_file):
    """By default only the journal is written; the file stays as it was."""
    window.files.open_path(post_file)
    type_text(window, " Journal only.")
    wait_for_entry(qtbot, window, POST + " Journal only.")
    assert post_file.read_text("utf-8") == POST
    assert window.document.is_modified()


def test_autosave_to_file_saves_after_pause(qtbot, window, post_file):
    """With the option on, the pause also saves the file, and the entry goes away."""
    window.settings.prefs.autosave_to_file = True
    window.files.open_path(post_file)
    type_text(window, " Straight to disk.")
    qtbot.waitUntil(lambda: post_file.read_text("utf-8") == POST + " Straight to disk.",
                    timeout=4000)
    assert not window.document.is_modified()
    assert entry_text(window) is None
    assert not window.file_watch.bar.isVisible()  # our own save is not "changed on disk"


def test_autosave_to_file_never_overwrites_external_change(qtbot, window, post_file):
    """If the file changed on disk, autosave to file leaves it alone; the journal keeps ours."""
    window.settings.prefs.autosave_to_file = True
    window.files.open_path(post_file)
    type_text(window, " Mine.")
    post_file.write_text("---\ntitle: Someone else\n---\nTheirs.\n", "utf-8")
    wait_for_entry(qtbot, window, POST + " Mine.")
    assert post_file.read_text("utf-8") == "---\ntitle: Someone else\n---\nTheirs.\n"


def test_save_onto_full_disk_keeps_everything(qtbot, window, errors, small_tmpfs, tmp_path,
                                              fail_data_fsync):
    """A full filesystem: a clear message, the original intact, the text in editor and journal."""
    folder = small_tmpfs or tmp_path
    path = folder / "full.md"
    path.write_text(POST, "utf-8")
    window.files.open_path(path)
    big = " filler" * 12_000  # 84 KB: more than the 64 KiB tmpfs holds
    type_text(window, "")
    window.editor.insertPlainText(big)
    if small_tmpfs is None:
        fail_data_fsync(errno.ENOSPC)
    assert not window.files.save_document()
    assert len(errors) == 1
    assert "disk is full" in errors[0][1] and "unchanged" in errors[0][1]
    assert path.read_text("utf-8") == POST
    assert [p.name for p in folder.iterdir()] == ["full.md"]
    assert window.editor.body_text().endswith(big)
    assert window.document.is_modified()
    wait_for_entry(qtbot, window, window.document.post.text())


def test_save_into_read_only_folder_keeps_everything(qtbot, window, errors, small_tmpfs,
                                                     tmp_path):
    """A read-only place: a clear message, the original intact, the text in editor and journal."""
    folder = small_tmpfs or tmp_path / "locked"
    folder.mkdir(exist_ok=True)
    path = folder / "locked.md"
    path.write_text(POST, "utf-8")
    window.files.open_path(path)
    type_text(window, " Cannot land.")
    if small_tmpfs is not None:
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        words = "read-only"
    else:
        folder.chmod(0o555)
        words = "permission"
    try:
        if small_tmpfs is None and os.access(folder, os.W_OK):
            pytest.fail("this machine lets every user write into read-only folders; "
                        "run as root so the tmpfs variant is used")
        assert not window.files.save_document()
    finally:
        if small_tmpfs is None:
            folder.chmod(0o755)
    assert len(errors) == 1 and words in errors[0][1]
    assert path.read_text("utf-8") == POST
    assert window.editor.body_text().endswith(" Cannot land.")
    wait_for_entry(qtbot, window, POST + " Cannot land.")


def test_journal_write_failure_is_reported_not_raised(qtbot, window, tmp_path):
    """If the journal folder cannot be written, the editor keeps working and says so."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    window.autosave.journal = Journal(blocker / "recovery")
    results = []
    window.autosave.journalWritten.connect(lambda ok, msg: results.append((ok, msg)))
    type_text(window, "still typing")
    qtbot.waitUntil(lambda: bool(results), timeout=4000)
    assert results[0][0] is False and results[0][1]
    assert window.editor.body_text().endswith("still typing")
    assert "recovery copy" in window.statusBar().currentMessage()
    type_text(window, "!")
    assert window.editor.body_text().endswith("still typing!")


def test_preferences_turn_autosave_to_file_on(qtbot, window):
    """The preferences dialog shows the option off by default and remembers it turned on."""
    from editor.ui.shell.dialogs import Preferences, PreferencesDialog

    current = Preferences(theme="default", language="en", offline=False, word_wrap=True,
                          autosave_to_file=window.settings.prefs.autosave_to_file)
    dialog = PreferencesDialog(current, ["default"], window)
    qtbot.addWidget(dialog)
    assert not dialog.autosave_box.isChecked()
    dialog.autosave_box.setChecked(True)
    window.preferences.apply(dialog.preferences())
    assert window.settings.prefs.autosave_to_file is True
