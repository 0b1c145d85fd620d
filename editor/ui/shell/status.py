"""The status bar's permanent fields: cursor position, body format, encoding and counts."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStatusBar, QWidget

from editor.authoring.stats import TextStats
from editor.ui.shell.plurals import plural

_FORMAT_NAMES = {"html": "HTML", "markdown": "Markdown"}


class StatusFields(QWidget):
    """Line:column, format, encoding, word/character counts and reading time, in a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.position_label = QLabel(self)
        self.format_label = QLabel(self)
        self.encoding_label = QLabel(self)
        self.counts_label = QLabel(self)
        self.reading_label = QLabel(self)
        labels = (
            self.position_label,
            self.format_label,
            self.encoding_label,
            self.counts_label,
            self.reading_label,
        )
        for index, label in enumerate(labels):
            if index:
                layout.addWidget(_separator(self))
            layout.addWidget(label)
        self.set_position(1, 1)
        self.set_stats(TextStats(0, 0, 0, 0))
        self._lasting = ""

    def show_lasting(self, text: str) -> None:
        """Show a message in the status bar until its sender says "" (the preview's line
        about the Site look); a later message from elsewhere is left alone."""
        bar = self.parentWidget()
        if not isinstance(bar, QStatusBar):
            return
        if text:
            bar.showMessage(text)
        elif bar.currentMessage() == self._lasting:
            bar.clearMessage()
        self._lasting = text

    def set_position(self, line: int, column: int) -> None:
        """Show the cursor's 1-based line and column."""
        self.position_label.setText(self.tr("Ln {line}, Col {column}").format(
            line=line, column=column))

    def set_format(self, fmt: str) -> None:
        """Show the body format ("html" or "markdown")."""
        self.format_label.setText(_FORMAT_NAMES.get(fmt, fmt))
        self.format_label.setToolTip(self.tr("Body format"))

    def set_encoding(self, encoding: str, bom: bool = False, newline: str = "\n") -> None:
        """Show the file's encoding, byte-order mark and line endings."""
        text = encoding.upper()
        if bom:
            text += self.tr(" with BOM")
        if newline == "\r\n":
            text += " · CRLF"
        self.encoding_label.setText(text)
        self.encoding_label.setToolTip(self.tr("File encoding"))

    def set_stats(self, stats: TextStats) -> None:
        """Show word count, characters with/without spaces and reading time."""
        words = plural(stats.words, self.tr("{count} word"), self.tr("{count} words"))
        chars = plural(stats.characters, self.tr("{count} character"),
                       self.tr("{count} characters"))
        self.counts_label.setText(self.tr("{words} · {chars} ({bare} without spaces)").format(
            words=words, chars=chars, bare=f"{stats.characters_no_spaces:,}"))
        self.reading_label.setText(
            self.tr("{minutes} min read").format(minutes=stats.reading_minutes)
        )


def _separator(parent: QWidget) -> QFrame:
    line = QFrame(parent)
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
