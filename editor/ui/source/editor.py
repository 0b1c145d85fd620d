"""The body source editor: a plain-text editor with line numbers and highlighting.

Rules it keeps for the rest of the window:

* ``set_body_text`` loads text as the new clean state (no undo step, not modified)
  and never emits ``textEdited``; ``textEdited`` means "the writer changed the text".
* Nothing replaces the text while an input method composition (Korean Hangul
  being assembled) is in progress: programmatic replacements wait until the
  composition ends, so a preview update can never break a syllable.
* The editor never takes keyboard focus by itself.
* ``body_text()`` is the faithful text: unlike ``QPlainTextEdit.toPlainText`` it
  keeps non-breaking spaces (Tistory bodies are full of ``&nbsp;`` typed as U+00A0).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from editor.authoring.search import Utf16Index, changed_range
from editor.ui.source.fonts import editor_font
from editor.ui.source.highlighter import BodyHighlighter
from editor.ui.source.line_numbers import LineNumberGutter, paint_line_numbers
from editor.ui.source.match_marks import match_selections

_GUTTER_PADDING = 6


class SourceEditor(QPlainTextEdit):
    """Plain-text editor for a post body with gutter, highlighting and IME care."""

    #: The writer changed the text (typing, paste, undo, replace); not emitted by
    #: ``set_body_text``. Debounce it in the window, not here.
    textEdited = Signal()
    #: 1-based number of the first visible line, whenever it changes (scroll sync).
    topVisibleLineChanged = Signal(int)
    #: An input method composition started (True) or ended (False).
    compositionChanged = Signal(bool)
    #: (position, removed, added) of the text shown, as its QTextDocument's contentsChange
    #: says, whichever document that is: connect once, it follows ``swap_document``.
    bodyChanged = Signal(int, int, int)
    #: ``swap_document`` put another QTextDocument in (old, new): its text is new.
    documentSwapped = Signal(object, object)

    def __init__(self, parent: QWidget | None = None, body_format: str = "html") -> None:
        super().__init__(parent)
        self._loading = False
        self._preedit = ""
        self._pending: tuple[str, str, tuple[int, int] | None] | None = None
        self._insert_spaces = False
        self._tab_width = 4
        self._top_line = 1
        self._match_selections: list[QTextEdit.ExtraSelection] = []
        self._spelling_selections: list[QTextEdit.ExtraSelection] = []

        self.setFont(editor_font())
        self.setCenterOnScroll(False)
        self._gutter = LineNumberGutter(self)
        self._highlighter = BodyHighlighter(self.document(), body_format)
        self.set_word_wrap(True)
        self.set_tab_width(4)

        self.blockCountChanged.connect(self._update_gutter_width)
        self.updateRequest.connect(self._update_gutter)
        self.cursorPositionChanged.connect(self._update_extra_selections)
        self.document().contentsChange.connect(self._on_contents_change)
        self.verticalScrollBar().valueChanged.connect(self._check_top_line)

        self._apply_colours()
        self._update_gutter_width()
        self._update_extra_selections()

    # ------------------------------------------------------------------ text

    def body_text(self) -> str:
        """The body as the file holds it: ``\\n`` newlines, non-breaking spaces kept."""
        return self.document().toRawText().replace("\u2029", "\n")

    def toPlainText(self) -> str:  # noqa: N802 - keeps Python callers on the faithful text
        """Same as ``body_text``; Qt's own version turns U+00A0 into plain spaces."""
        return self.body_text()

    def set_body_text(self, text: str) -> bool:
        """Load ``text`` as the clean state: no undo history, not modified, no textEdited.

        During an input method composition the load waits until it ends; returns
        False in that case (True when applied now).
        """
        if self._preedit:
            self._pending = ("load", text, None)
            return False
        self._loading = True
        try:
            self._highlighter.prepare_for_load(text.count("\n") + 1)
            self.setPlainText(text)
            self.document().clearUndoRedoStacks()
            self.document().setModified(False)
        finally:
            self._loading = False
        self._check_top_line()
        return True

    def swap_document(self, document: QTextDocument) -> None:
        """Show ``document`` (a QPlainTextDocumentLayout one) instead, with its undo stack."""
        old, wrap = self.document(), self.word_wrap()
        old.contentsChange.disconnect(self._on_contents_change)
        document.setDefaultFont(self.font())
        # Recoloured first: uncolouring the old text must reach its listeners while shown.
        self._highlighter.setDocument(document)
        self._highlighter.setParent(document)  # lives as long as the document it colours
        self.setDocument(document)
        document.contentsChange.connect(self._on_contents_change)
        self.set_word_wrap(wrap)
        self.set_tab_width(self._tab_width)
        self.documentSwapped.emit(old, document)

    def set_loading(self, loading: bool) -> None:
        """While True, text changes are a load, not an edit: no textEdited is emitted.

        A very long file is put into the editor in slices between event-loop turns
        (see big_file); this keeps those slices from reaching the document as typing.
        """
        self._loading = loading

    def replace_text(self, text: str, select: tuple[int, int] | None = None) -> bool:
        """Replace the text as ONE undo step: the one way commands change the writer's text.

        Only the changed middle stretch is replaced, so the rest keeps its highlighting,
        the cursor keeps its place when the edit is elsewhere and the scroll position
        stays. ``select`` (Python indexes into ``text``) is then selected and shown.
        Emits ``textEdited`` when the text changed. Waits for a running input method
        composition like ``set_body_text``; returns False then (True when applied).
        """
        if self._preedit:
            self._pending = ("replace", text, select)
            return False
        old = self.body_text()
        start, old_end, new_end = changed_range(old, text)
        if not start == old_end == new_end:
            index = Utf16Index(old)
            vertical = self.verticalScrollBar().value()
            horizontal = self.horizontalScrollBar().value()
            cursor = QTextCursor(self.document())
            cursor.beginEditBlock()
            cursor.setPosition(index.to_utf16(start))
            cursor.setPosition(index.to_utf16(old_end), QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(text[start:new_end])
            cursor.endEditBlock()
            self.verticalScrollBar().setValue(vertical)
            self.horizontalScrollBar().setValue(horizontal)
        if select is not None:
            self.select_range(text, *select)
        return True

    def select_range(self, text: str, start: int, end: int) -> None:
        """Select ``[start, end)`` (Python indexes into ``text``, the editor's text) and show it."""
        index = Utf16Index(text)
        cursor = QTextCursor(self.document())
        cursor.setPosition(index.to_utf16(start))
        cursor.setPosition(index.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def selection_range(self) -> tuple[str, int, int]:
        """(text, start, end): the editor's text and its selection in Python indexes."""
        text = self.body_text()
        cursor = self.textCursor()
        index = Utf16Index(text)
        return (text, index.from_utf16(cursor.selectionStart()),
                index.from_utf16(cursor.selectionEnd()))

    # ------------------------------------------------------------------ clipboard

    #: Turns pasted or dropped data into the text to insert; None from it (or no hook)
    #: leaves Qt's plain-text paste, "" means the hook dealt with it (a picture put in
    #: as a block, a paste refused). The window cleans rich text with it (ui/paste.py).
    mime_text_hook: Callable[[QMimeData], str | None] | None = None

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        """Paste through ``mime_text_hook`` (one undo step, like Qt's own paste)."""
        text = self.mime_text_hook(source) if self.mime_text_hook is not None else None
        if text is None:
            super().insertFromMimeData(source)
            return
        if not text:
            return
        cursor = self.textCursor()
        cursor.insertText(text)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt override
        """Rich text without a plain-text part, and pictures, can be pasted too (through
        the hook)."""
        return super().canInsertFromMimeData(source) or (
            self.mime_text_hook is not None and (source.hasHtml() or source.hasImage()))

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt override
        """Copy the source as plain text only: Qt would add the selection as HTML,
        coloured by the highlighter, and pasted back its markup would be escaped."""
        data = QMimeData()
        data.setText(self.textCursor().selectedText().replace("\u2029", "\n")
                     .replace("\u2028", "\n"))
        return data

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        # Format-only changes arrive with nothing added or removed.
        if not self._loading and (removed or added):
            self.textEdited.emit()
        self.bodyChanged.emit(position, removed, added)

    # ------------------------------------------------------------------ input method

    def is_composing(self) -> bool:
        """True while an input method shows uncommitted (preedit) text."""
        return bool(self._preedit)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt override
        """Track the preedit string so replacements never land mid-composition."""
        was_composing = bool(self._preedit)
        self._preedit = event.preeditString()
        super().inputMethodEvent(event)
        if was_composing != bool(self._preedit):
            self.compositionChanged.emit(bool(self._preedit))
        if not self._preedit and self._pending is not None:
            # After the commit string has landed, not inside Qt's handler.
            QTimer.singleShot(0, self._apply_pending)

    def _apply_pending(self) -> None:
        if self._preedit or self._pending is None:
            return
        kind, text, select = self._pending
        self._pending = None
        if kind == "load":
            self.set_body_text(text)
        else:
            self.replace_text(text, select)

    # ------------------------------------------------------------------ settings

    @property
    def highlighter(self) -> BodyHighlighter:
        """The syntax highlighter attached to this editor's document."""
        return self._highlighter

    def set_body_format(self, body_format: str) -> None:
        """Colour the text as ``"html"`` or ``"markdown"``."""
        self._highlighter.set_body_format(body_format)

    def body_format(self) -> str:
        """The format the highlighter colours the text as."""
        return self._highlighter.body_format

    def set_theme(self, theme: str) -> None:
        """Switch syntax colours and the editor palette to ``"default"`` or ``"dark"``."""
        self._highlighter.set_theme(theme)
        self._apply_colours()

    def theme(self) -> str:
        """The current theme name."""
        return self._highlighter.theme

    def set_word_wrap(self, wrap: bool) -> None:
        """Wrap long lines at the window edge (Korean text may break between syllables)."""
        if wrap:
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        else:
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)

    def word_wrap(self) -> bool:
        """Whether long lines wrap."""
        return self.lineWrapMode() != QPlainTextEdit.LineWrapMode.NoWrap

    def set_tab_width(self, spaces: int) -> None:
        """Width of a tab stop, in spaces."""
        self._tab_width = max(1, spaces)
        self.setTabStopDistance(QFontMetricsF(self.font()).horizontalAdvance(" ") * self._tab_width)

    def set_insert_spaces(self, insert_spaces: bool) -> None:
        """Make the Tab key insert spaces up to the next tab stop instead of a tab."""
        self._insert_spaces = insert_spaces

    def setFont(self, font: QFont) -> None:  # noqa: N802 - keep gutter and tabs in step
        """Change the font; the gutter width and tab stops follow."""
        super().setFont(font)
        if hasattr(self, "_gutter"):
            self.set_tab_width(self._tab_width)
            self._update_gutter_width()

    def undo(self) -> None:
        """Undo one step, leaving the cursor where that step changed the text."""
        self._step_history(super().undo)

    def redo(self) -> None:
        """Redo one step, leaving the cursor where that step changed the text."""
        self._step_history(super().redo)

    def _step_history(self, step: Callable[[], None]) -> None:
        # Qt puts the cursor at the start of the document when undoing a step made
        # by a command's own cursor (replace_text); follow the change instead.
        changes: list[tuple[int, int]] = []

        def note(position: int, _removed: int, added: int) -> None:
            changes.append((position, added))

        document = self.document()
        vertical = self.verticalScrollBar().value()
        document.contentsChange.connect(note)
        try:
            step()
        finally:
            document.contentsChange.disconnect(note)
        if not changes:
            return
        position, added = changes[-1]
        cursor = self.textCursor()
        cursor.setPosition(min(position + added, document.characterCount() - 1))
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(vertical)
        self.ensureCursorVisible()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Tab as spaces when asked; Shift+Enter makes a real newline, not U+2028."""
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            return
        if event.matches(QKeySequence.StandardKey.Redo):
            self.redo()
            return
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.textCursor().insertText("\n")
            self.ensureCursorVisible()
            return
        if (
            key == Qt.Key.Key_Tab
            and self._insert_spaces
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            column = self.textCursor().positionInBlock()
            self.textCursor().insertText(" " * (self._tab_width - column % self._tab_width))
            self.ensureCursorVisible()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ navigation

    def line_count(self) -> int:
        """Number of lines in the body."""
        return self.document().blockCount()

    def cursor_line_column(self) -> tuple[int, int]:
        """1-based line and column of the cursor (columns count characters)."""
        cursor = self.textCursor()
        block = cursor.block()
        column = Utf16Index(block.text()).from_utf16(cursor.positionInBlock())
        return block.blockNumber() + 1, column + 1

    def go_to_line(self, line: int) -> int:
        """Put the cursor at the start of 1-based ``line`` (clamped) and show it.

        Returns the line actually reached. Does not move keyboard focus.
        """
        line = max(1, min(line, self.line_count()))
        block = self.document().findBlockByNumber(line - 1)
        self.setTextCursor(QTextCursor(block))
        self.centerCursor()
        return line

    def scroll_to_line(self, line: int) -> None:
        """Scroll so 1-based ``line`` is the first visible line (as far as possible)."""
        line = max(1, min(line, self.line_count()))
        block = self.document().findBlockByNumber(line - 1)
        bar = self.verticalScrollBar()
        # The scroll bar counts visual lines: a wrapped block takes several.
        bar.setValue(block.firstLineNumber())
        # Wrapped blocks that were never laid out count as one line, so the first
        # guess may land short; a few corrections settle it.
        for _ in range(4):
            top = self.firstVisibleBlock().blockNumber()
            if top == line - 1 or bar.value() in (bar.minimum(), bar.maximum()):
                break
            shown = self.firstVisibleBlock().firstLineNumber()
            bar.setValue(bar.value() + block.firstLineNumber() - shown)
        self._check_top_line()

    def top_visible_line(self) -> int:
        """1-based number of the first visible line."""
        return self.firstVisibleBlock().blockNumber() + 1

    def _check_top_line(self, *_args: object) -> None:
        top = self.top_visible_line()
        if top != self._top_line:
            self._top_line = top
            self.topVisibleLineChanged.emit(top)

    # ------------------------------------------------------------------ matches

    def set_match_highlights(self, ranges: list[tuple[int, int]], current: int = -1) -> None:
        """Paint find matches given as Qt (UTF-16) document positions; ``current`` stronger."""
        self._match_selections = match_selections(
            self.document(), ranges, current, self._highlighter.colours().dark)
        self._update_extra_selections()

    def set_spelling_selections(self, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Paint spelling underlines (from editor.ui.source.spelling) under the find matches."""
        self._spelling_selections = selections
        self._update_extra_selections()

    def _update_extra_selections(self) -> None:
        line = QTextEdit.ExtraSelection()
        line.format.setBackground(QColor(self._highlighter.colours().current_line))
        line.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        line.cursor = self.textCursor()
        line.cursor.clearSelection()
        self.setExtraSelections([line, *self._spelling_selections, *self._match_selections])
        self._gutter.update()

    # ------------------------------------------------------------------ colours

    def _apply_colours(self) -> None:
        colours = self._highlighter.colours()
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(colours.background))
        palette.setColor(QPalette.ColorRole.Text, QColor(colours.foreground))
        palette.setColor(QPalette.ColorRole.Highlight, QColor(colours.selection))
        palette.setColor(
            QPalette.ColorRole.HighlightedText,
            QColor(colours.foreground if colours.dark else "#000000"),
        )
        self.setPalette(palette)
        self._update_extra_selections()
        self._gutter.update()

    # ------------------------------------------------------------------ gutter

    def gutter_width(self) -> int:
        """Pixels the line-number gutter needs for the current line count."""
        digits = max(2, len(str(self.line_count())))
        return 2 * _GUTTER_PADDING + round(self.fontMetrics().horizontalAdvance("9") * digits)

    def gutter(self) -> LineNumberGutter:
        """The line-number gutter widget."""
        return self._gutter

    def _update_gutter_width(self, *_args: object) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _update_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self._gutter.scroll(0, dy)
        else:
            self._gutter.update(0, rect.y(), self._gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_gutter_width()
        self._check_top_line()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Keep the gutter beside the viewport."""
        super().resizeEvent(event)
        area = self.contentsRect()
        self._gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), area.height()))

    def paint_gutter(self, event: QPaintEvent) -> None:
        """Paint the line numbers of the visible blocks (called by the gutter)."""
        paint_line_numbers(self, self._gutter, event, self._highlighter.colours(),
                           _GUTTER_PADDING)
