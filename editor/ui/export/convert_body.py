"""Format > Convert Body to Markdown / to HTML: one undoable step in the source editor.

The new body replaces the text through the editor's one edit path, so Edit > Undo
brings the old body back in one step. The body format is not part of the editor's text,
so it is kept in step by remembering each conversion's before and after: whenever the
body becomes exactly one of them again (undo, redo), the matching format is restored.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor

from editor.ui.shell.document import Document
from editor.ui.source.editor import SourceEditor

# Conversions remembered for undo/redo; older ones are long out of reach in practice.
MAX_REMEMBERED = 8


@dataclass(frozen=True)
class _Conversion:
    old_body: str
    old_format: str
    new_body: str
    new_format: str

    @cached_property
    def editor_lengths(self) -> tuple[int, int]:
        """The two bodies' lengths as the editor counts them (UTF-16 code units)."""
        return (len(self.old_body.encode("utf-16-le")) // 2,
                len(self.new_body.encode("utf-16-le")) // 2)


class BodyConverter(QObject):
    """Converts the open document's body and keeps its format in step with undo/redo."""

    #: The body format changed through a conversion, its undo or its redo.
    formatChanged = Signal(str)

    def __init__(self, editor: SourceEditor, document: Document,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.document = document
        self._steps: list[_Conversion] = []
        self._converting = False
        document.bodyChanged.connect(self._sync_format)
        document.reloaded.connect(self._steps.clear)

    def convert(self, to_format: str) -> bool:
        """Rewrite the body in ``to_format`` ("markdown" or "html"); False if it already is.

        Raises ValueError for an unknown format.
        """
        post = self.document.post
        if post.format == to_format:
            return False
        old_body, old_format = post.body, post.format
        # Imported here: the converter is heavy and only needed when the writer converts.
        from editor.export.convert import convert_body

        new_body = convert_body(post, to_format)
        self._converting = True
        try:
            # Format first, so the body change below renders once, in the new format.
            self.document.set_format(to_format)
            self.editor.replace_text(new_body)
            # The editor reports the edit through textEdited; make sure the model has it.
            self.document.set_body(self.editor.body_text())
        finally:
            self._converting = False
        self._steps.append(_Conversion(old_body, old_format, self.document.post.body,
                                       to_format))
        del self._steps[:-MAX_REMEMBERED]
        self.editor.setTextCursor(QTextCursor(self.editor.document()))
        self._show_format(to_format)
        return True

    def _sync_format(self) -> None:
        if self._converting or not self._steps:
            return
        length = self.editor.document().characterCount() - 1
        if all(length not in step.editor_lengths for step in self._steps):
            return  # no remembered body is this long: no need to read the text
        body = self.document.post.body
        wanted: str | None = None
        for step in reversed(self._steps):
            if body == step.new_body:
                wanted = step.new_format
                break
            if body == step.old_body:
                wanted = step.old_format
                break
        if wanted is None or wanted == self.document.post.format:
            return
        self.document.set_format(wanted)
        # Re-colouring changes the text document's formats: not inside its undo handling.
        QTimer.singleShot(0, lambda: self._show_format(wanted))

    def format_name(self, fmt: str) -> str:
        """The writer-facing name of a body format."""
        return self.tr("Markdown") if fmt == "markdown" else self.tr("HTML")

    def already_message(self, fmt: str) -> str:
        """What to tell the writer when the body is already in ``fmt``."""
        return self.tr("The body is already in {format}.").format(format=self.format_name(fmt))

    def _show_format(self, fmt: str) -> None:
        if self.document.post.format != fmt:
            return  # undone again meanwhile
        self.editor.set_body_format(fmt)
        self.formatChanged.emit(fmt)
