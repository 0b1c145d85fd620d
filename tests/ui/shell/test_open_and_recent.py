"""Opening files: checked before asking about unsaved changes; Open Recent tells posts apart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor


def write_post(path: Path, title: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\n---\n\n<p>{title} body.</p>\n", encoding="utf-8")
    return path


def edit(window, text: str) -> None:
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.insertPlainText(text)


def test_unopenable_file_is_reported_without_asking_to_save(qtbot, window, prompter, tmp_path):
    """A binary file: one error, no Save/Discard question, the edited post stays."""
    first = write_post(tmp_path / "first.md", "First")
    assert window.files.open_path(first)
    edit(window, "unsaved")
    binary = tmp_path / "picture.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    assert not window.files.open_path(binary)
    assert prompter.questions("ask_save_discard") == []
    assert len(prompter.errors) == 1 and "picture.md" in prompter.errors[0][1]
    assert window.document.path == first
    assert window.document.post.body.endswith("unsaved")


def test_missing_big_or_small_file_is_checked_first(qtbot, window, prompter, tmp_path):
    """A file that does not exist is reported before any question."""
    first = write_post(tmp_path / "first.md", "First")
    assert window.files.open_path(first)
    edit(window, "unsaved")
    assert not window.files.open_path(tmp_path / "nowhere.md")
    assert prompter.questions("ask_save_discard") == []
    assert window.isWindowModified()


def test_opening_the_open_file_again_keeps_its_edits(qtbot, window, prompter, tmp_path):
    """The file is open already: its tab stays, edits and all, and nothing is asked."""
    first = write_post(tmp_path / "first.md", "First")
    assert window.files.open_path(first)
    edit(window, "kept")
    assert window.files.open_path(first)
    assert window.tabs.count() == 1
    assert window.document.post.body.endswith("kept")
    assert window.isWindowModified()
    assert prompter.questions("ask_save_discard") == []


def test_open_recent_names_the_folder_and_can_be_cleared(qtbot, window, tmp_path):
    """Two posts named alike show their folders; Clear Recent Files empties the list."""
    one = write_post(tmp_path / "blog-a" / "_drafts" / "notes.md", "A")
    two = write_post(tmp_path / "blog-b" / "_drafts" / "notes.md", "B")
    assert window.files.open_path(one)
    assert window.files.open_path(two)
    menu = window.menus["recent"]
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[0].startswith("notes.md — ") and "blog-b" in texts[0]
    assert texts[1].startswith("notes.md — ") and "blog-a" in texts[1]
    clear = next(a for a in menu.actions() if a.objectName() == "action_clear_recent")
    assert clear.isEnabled()
    clear.trigger()
    assert window.settings.session.recent_files == []
    menu.aboutToShow.emit()
    clear = next(a for a in menu.actions() if a.objectName() == "action_clear_recent")
    assert not clear.isEnabled()
