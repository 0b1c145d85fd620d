"""Edit > Go to Line: a small dialog asking for a line number of the source editor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from editor.ui.source.editor import SourceEditor


def go_to_line_dialog(editor: SourceEditor) -> QInputDialog:
    """The dialog ``ask_go_to_line`` shows, set up with the editor's current bounds."""
    dialog = QInputDialog(editor)
    dialog.setObjectName("goToLineDialog")
    # The texts keep the source editor's translation context.
    dialog.setWindowTitle(QCoreApplication.translate("SourceEditor", "Go to Line"))
    dialog.setInputMode(QInputDialog.InputMode.IntInput)
    count = editor.line_count()
    label = QCoreApplication.translate("SourceEditor", "Line number (1–%1):")
    dialog.setLabelText(label.replace("%1", str(count)))
    dialog.setIntRange(1, count)
    dialog.setIntValue(editor.cursor_line_column()[0])
    return dialog


def ask_go_to_line(editor: SourceEditor) -> int | None:
    """Ask for a line number (1..line count) and go there; None if cancelled."""
    dialog = go_to_line_dialog(editor)
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return None
    return editor.go_to_line(dialog.intValue())
