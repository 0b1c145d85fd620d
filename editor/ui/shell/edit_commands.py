"""The Edit menu's undo, clipboard and search commands, aimed at the focused widget.

A key press reaches the focused widget by itself; these handlers are for the menu and
the toolbar, which take the focus's place: the preview's selection, a form field or,
by default, the source editor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from editor.ui.authoring.paste import clipboard_plain_text
from editor.ui.source.go_to_line import ask_go_to_line
from editor.ui.source.pane import SourceEditorPane

if TYPE_CHECKING:
    from PySide6.QtWebEngineWidgets import QWebEngineView

# What the preview does for Edit > Copy and Select All (QWebEnginePage.WebAction names).
_PREVIEW_ACTIONS = {"copy": "Copy", "selectAll": "SelectAll"}


class EditCommands(QObject):
    """Undo, Redo, Cut, Copy, Paste, Paste as Plain Text, Select All, Find, Replace, Go to Line."""

    def __init__(self, root: QWidget, source: SourceEditorPane,
                 preview_view: Callable[[], QWebEngineView | None],
                 *, paste_plain_in_editor: Callable[[], object],
                 show_editor: Callable[[], None]) -> None:
        super().__init__(root)
        self.root = root  # focus outside it (another window) falls back to the editor
        self.source = source
        self.editor = source.editor
        self.preview_view = preview_view  # the preview's web view, None until it exists
        self._paste_plain_in_editor = paste_plain_in_editor
        self._show_editor = show_editor

    def undo(self) -> None:
        """Edit > Undo in the source editor."""
        self.editor.undo()

    def redo(self) -> None:
        """Edit > Redo in the source editor."""
        self.editor.redo()

    def cut(self) -> None:
        """Edit > Cut, in the focused text field or the source editor."""
        self._edit_focused("cut")

    def copy(self) -> None:
        """Edit > Copy, in the focused field, the preview's selection or the source editor."""
        self._edit_focused("copy")

    def paste(self) -> None:
        """Edit > Paste (rich text from the clipboard is cleaned in the source editor)."""
        self._edit_focused("paste")

    def select_all(self) -> None:
        """Edit > Select All, in the focused field, list or the source editor."""
        self._edit_focused("selectAll")

    def paste_plain(self) -> None:
        """Edit > Paste as Plain Text into the focused text field (else the source editor)."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit) and not focus.isReadOnly():
            focus.insert(" ".join(clipboard_plain_text().split()))
        elif isinstance(focus, (QPlainTextEdit, QTextEdit)) and focus is not self.editor \
                and not focus.isReadOnly():
            focus.insertPlainText(clipboard_plain_text())
        else:
            self._paste_plain_in_editor()

    def _edit_focused(self, name: str) -> None:
        focus = QApplication.focusWidget()
        view = self.preview_view()
        if focus is not None and view is not None and (
                focus is view or view.isAncestorOf(focus)):
            if name in _PREVIEW_ACTIONS:
                from PySide6.QtWebEngineCore import QWebEnginePage

                action = getattr(QWebEnginePage.WebAction, _PREVIEW_ACTIONS[name])
                view.page().triggerAction(action)
            return
        if focus is None or not self.root.isAncestorOf(focus):
            focus = self.editor
        method = getattr(focus, name, None)
        if callable(method):
            method()

    def find(self) -> None:
        """Edit > Find."""
        self._show_editor()
        self.source.find_bar.show_find()

    def replace(self) -> None:
        """Edit > Replace."""
        self._show_editor()
        self.source.find_bar.show_replace()

    def go_to_line(self) -> None:
        """Edit > Go to Line."""
        self._show_editor()
        ask_go_to_line(self.editor)
