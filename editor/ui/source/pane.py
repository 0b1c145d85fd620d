"""The source editor pane: the editor with its find/replace bar attached underneath."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from editor.ui.source.editor import SourceEditor
from editor.ui.source.find_replace import FindReplaceBar


class SourceEditorPane(QWidget):
    """The source editor with its find/replace bar attached underneath."""

    def __init__(self, parent: QWidget | None = None, body_format: str = "html") -> None:
        super().__init__(parent)
        self.editor = SourceEditor(self, body_format)
        self.find_bar = FindReplaceBar(self.editor, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.find_bar)
        self.find_bar.hide()
