"""Tests for Format > Convert Body: one undo step that restores the exact body and format."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from editor.document.post import Post
from editor.ui.shell.main_window import MainWindow


def type_at_end(window: MainWindow, text: str) -> None:
    """Type ``text`` at the end of the source editor, one key event per character."""
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(window.editor,
                                   QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def test_html_to_markdown_is_one_undo_step(qtbot, window, tmp_path, fixtures_dir):
    """Convert the house post to Markdown; one Undo restores the exact HTML body and format."""
    path = tmp_path / "house-post.md"
    shutil.copyfile(fixtures_dir / "house-post.md", path)
    window.files.open_path(path)
    old_body = window.document.post.body
    assert window.document.post.format == "html"

    assert window.export.convert_body("markdown")
    post = window.document.post
    assert post.format == "markdown"
    assert "## 야간 열람실 운영 시간" in post.body
    assert window.editor.body_text() == post.body
    assert window.isWindowModified()
    qtbot.waitUntil(lambda: window.editor.body_format() == "markdown")
    assert "Markdown" in window.status_fields.format_label.text()

    window.actions["undo"].trigger()
    assert window.document.post.body == old_body
    assert window.document.post.format == "html"
    qtbot.waitUntil(lambda: window.editor.body_format() == "html")
    assert not window.isWindowModified()

    window.actions["redo"].trigger()
    assert window.document.post.format == "markdown"
    assert "## 야간 열람실 운영 시간" in window.document.post.body


def test_markdown_to_html_and_typing_after_it_stays_separate(qtbot, window, fixtures_dir):
    """Markdown -> HTML; text typed afterwards is its own undo step, the format follows."""
    window.document.replace(Post.load(fixtures_dir / "plain-markdown.md"))
    old_body = window.document.post.body
    assert window.export.convert_body("html")
    converted = window.document.post.body
    assert "<p>" in converted and window.document.post.format == "html"

    type_at_end(window, "xyz")
    assert window.document.post.body == converted + "xyz"
    window.edit.undo()
    assert window.document.post.body == converted
    assert window.document.post.format == "html"
    window.edit.undo()
    assert window.document.post.body == old_body
    assert window.document.post.format == "markdown"


def test_converting_to_the_same_format_changes_nothing(qtbot, window):
    """A Markdown body converted to Markdown stays as it is and adds no undo step."""
    window.document.replace(Post.from_text("---\ntitle: t\n---\n\n# 제목\n\n본문\n"))
    steps = window.editor.document().availableUndoSteps()
    assert not window.export.convert_body("markdown")
    assert window.editor.document().availableUndoSteps() == steps
    assert "Markdown" in window.statusBar().currentMessage()


def test_typing_after_undo_keeps_the_old_format(qtbot, window):
    """Undo the conversion, then type: the conversion is gone and the format stays old."""
    window.document.replace(Post.from_text("---\ntitle: t\n---\n\n# 제목\n\n본문\n"))
    window.export.convert_body("html")
    window.edit.undo()
    type_at_end(window, "!")
    assert window.document.post.format == "markdown"
    assert window.document.post.body.endswith("본문\n!")
    assert not window.editor.document().isRedoAvailable()


def test_opening_another_file_forgets_conversions(qtbot, window, fixtures_dir):
    """After a reload the converter no longer changes formats on its own."""
    window.document.replace(Post.from_text("---\ntitle: t\n---\n\n# 제목\n"))
    window.export.convert_body("html")
    window.document.replace(Post.load(fixtures_dir / "house-post.md"))
    assert window.export.body_converter._steps == []
    assert window.document.post.format == "html"
