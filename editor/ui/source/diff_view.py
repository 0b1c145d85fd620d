"""A read-only view of the difference between two texts, with added and removed lines tinted."""

from __future__ import annotations

import difflib

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from editor.ui.source.fonts import editor_font

translate = QCoreApplication.translate


def unified_diff(old: str, new: str, old_name: str, new_name: str, context: int = 3) -> str:
    """Unified diff of two texts (``\\n`` newlines); empty when they are equal."""
    return "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                        fromfile=old_name, tofile=new_name, n=context))


class DiffHighlighter(QSyntaxHighlighter):
    """Green for added lines, red for removed ones, grey for hunk headers."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._formats = {}
        for mark, colour in (("+", "#e6ffec"), ("-", "#ffebe9"), ("@", "#eef1f6")):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(colour))
            self._formats[mark] = fmt

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        if text.startswith(("+++", "---")):
            return
        fmt = self._formats.get(text[:1])
        if fmt is not None:
            self.setFormat(0, len(text), fmt)


class DiffView(QPlainTextEdit):
    """A unified diff in the editor's font, read-only."""

    def __init__(self, diff: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFont(editor_font())
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._highlighter = DiffHighlighter(self.document())
        self.setPlainText(diff)


class DiffDialog(QDialog):
    """Shows how the file on disk differs from the text being edited."""

    def __init__(self, title: str, diff: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        empty = translate("DiffView", "The two versions are the same.")
        self.view = DiffView(diff or empty, self)
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def show_diff(parent: QWidget | None, title: str, diff: str) -> None:
    """Show ``diff`` in a modal dialog."""
    DiffDialog(title, diff, parent).exec()
