"""The find/replace bar shown under the source editor (not a dialog).

Matching rules live in ``editor.authoring.search``; this bar keeps the options, moves the
editor's selection, paints the matches, counts them ("3 of 12") and turns an invalid
regular expression into a message instead of an exception. Replace all is a single
undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from editor.authoring.search import (
    SearchOptions,
    SearchPatternError,
    Span,
    Utf16Index,
    expand_replacement,
    find_spans,
    match_at,
    pick_span,
    plan_replace_all,
)

if TYPE_CHECKING:
    from editor.ui.source.editor import SourceEditor

#: The find and replace fields are never narrower than this many "M"s.
FIELD_MIN_EMS = 12
#: Pause after typing (in the editor or the find field) before matches are recounted.
REFRESH_DELAY_MS = 150


class FindReplaceBar(QWidget):
    """Find field, replace field and options, acting on one source editor."""

    #: The bar was closed (Escape or the close button).
    closed = Signal()
    #: A one-off report for the window's status bar ("Replaced 3 occurrences").
    reported = Signal(str)

    def __init__(self, editor: SourceEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findReplaceBar")
        self._editor = editor
        self._spans: list[Span] | None = None
        self._index: Utf16Index | None = None
        self._text = ""
        self._error: str | None = None

        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText(self.tr("Find"))
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText(self.tr("Replace with"))
        self.replace_edit.setToolTip(
            self.tr("With regular expressions, \\1 or \\g<name> insert a captured group.")
        )
        self.regex_box = QCheckBox(self.tr("Regex"), self)
        self.regex_box.setToolTip(self.tr("Treat the search text as a regular expression"))
        self.case_box = QCheckBox(self.tr("Match case"), self)
        self.word_box = QCheckBox(self.tr("Whole word"), self)
        self.previous_button = self._button(self.tr("Previous"), self.find_previous)
        self.previous_button.setToolTip(self.tr("Find previous (Shift+Enter, Shift+F3)"))
        self.next_button = self._button(self.tr("Next"), self.find_next)
        self.next_button.setToolTip(self.tr("Find next (Enter, F3)"))
        self.replace_button = self._button(self.tr("Replace"), self.replace_current)
        self.replace_all_button = self._button(self.tr("Replace All"), self.replace_all)
        self.close_button = self._button("✕", self.close_bar)
        self.close_button.setToolTip(self.tr("Close (Escape)"))
        self.close_button.setAutoRaise(True)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("findStatus")
        self.status_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("0000 of 0000"))

        # The fields keep a usable width; the options wrap onto their own row instead of
        # widening the bar, so opening it never squeezes the preview beside the editor.
        em = self.fontMetrics().horizontalAdvance("M")
        for field in (self.find_edit, self.replace_edit):
            field.setMinimumWidth(FIELD_MIN_EMS * em)
            field.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        options = QHBoxLayout()
        options.setContentsMargins(0, 0, 0, 0)
        for widget in (self.regex_box, self.case_box, self.word_box):
            options.addWidget(widget)
        options.addStretch(1)
        options.addWidget(self.status_label)

        layout = QGridLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setVerticalSpacing(3)
        layout.addWidget(self.find_edit, 0, 0)
        layout.addWidget(self.previous_button, 0, 1)
        layout.addWidget(self.next_button, 0, 2)
        layout.addWidget(self.close_button, 0, 3)
        layout.addWidget(self.replace_edit, 1, 0)
        layout.addWidget(self.replace_button, 1, 1)
        layout.addWidget(self.replace_all_button, 1, 2)
        layout.addLayout(options, 2, 0, 1, 4)
        layout.setColumnStretch(0, 1)
        self._replace_row = (self.replace_edit, self.replace_button, self.replace_all_button)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._refresh)

        self.find_edit.textChanged.connect(self._on_query_edited)
        for box in (self.regex_box, self.case_box, self.word_box):
            box.toggled.connect(self._on_query_edited)
        self.find_edit.installEventFilter(self)
        self.replace_edit.installEventFilter(self)
        editor.bodyChanged.connect(self._on_document_changed)
        editor.documentSwapped.connect(self._on_document_swapped)

    def _button(self, text: str, slot: object) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ showing

    def show_find(self) -> None:
        """Open the bar for finding only and put the cursor in the find field."""
        self._open(replace=False)

    def show_replace(self) -> None:
        """Open the bar with the replace row."""
        self._open(replace=True)

    def _open(self, replace: bool) -> None:
        selected = self._editor.textCursor().selectedText()
        # A selection within one line is the natural thing to search for.
        if selected and "\u2029" not in selected:
            self.find_edit.setText(selected)
        for widget in self._replace_row:
            widget.setVisible(replace)
        self.show()
        # Opening the bar is the writer's own command, so the field may take focus.
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()
        self._invalidate()
        self._refresh()

    def close_bar(self) -> None:
        """Hide the bar, clear the match highlights and return to the editor."""
        self.hide()
        self._editor.set_match_highlights([])
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def replace_visible(self) -> bool:
        """Whether the replace row is shown."""
        return not self.replace_edit.isHidden()

    # ------------------------------------------------------------------ options

    def options(self) -> SearchOptions:
        """The search options as ticked in the bar."""
        return SearchOptions(
            regex=self.regex_box.isChecked(),
            case_sensitive=self.case_box.isChecked(),
            whole_word=self.word_box.isChecked(),
        )

    def message(self) -> str:
        """The text of the status area (counter or error)."""
        return self.status_label.text()

    # ------------------------------------------------------------------ matching

    def _invalidate(self) -> None:
        self._spans = None

    def _on_document_changed(self, _position: int, removed: int, added: int) -> None:
        if removed or added:
            self._invalidate()
            if self.isVisible():
                self._refresh_timer.start()

    def _on_document_swapped(self, _old: QObject, _new: QObject) -> None:
        self._on_document_changed(0, 1, 1)  # another post's text: count the matches again

    def _on_query_edited(self, *_args: object) -> None:
        self._invalidate()
        # Find as you type: the match may grow in place, so search from its start.
        if self.find_edit.text():
            self._find(backward=False, from_selection_start=True)
        else:
            self._refresh()

    def _matches(self) -> list[Span] | None:
        """Current matches, recomputed after edits; None with the error shown if invalid."""
        if self._spans is None:
            self._text = self._editor.body_text()
            self._index = Utf16Index(self._text)
            try:
                self._spans = find_spans(self._text, self.find_edit.text(), self.options())
                self._error = None
            except SearchPatternError as exc:
                self._spans = None
                self._error = exc.message
                self._show_error(exc.message)
                return None
        return self._spans

    def _show_error(self, message: str) -> None:
        self.status_label.setStyleSheet("color: #c62828;")
        self.status_label.setText(self.tr("Invalid regular expression: %1").replace("%1", message))
        self._editor.set_match_highlights([])

    def _selection_span(self) -> Span:
        cursor = self._editor.textCursor()
        assert self._index is not None
        return (
            self._index.from_utf16(cursor.selectionStart()),
            self._index.from_utf16(cursor.selectionEnd()),
        )

    def _refresh(self) -> None:
        """Recount and repaint the matches without moving the selection."""
        spans = self._matches()
        if spans is None:
            return
        selection = self._selection_span()
        current = spans.index(selection) if selection in spans else -1
        self._show_count(spans, current)

    def _show_count(self, spans: list[Span], current: int, wrapped: bool = False) -> None:
        assert self._index is not None
        self.status_label.setStyleSheet("")
        if not self.find_edit.text():
            text = ""
        elif not spans:
            text = self.tr("No results")
        elif current >= 0:
            text = self.tr("%1 of %2").replace("%1", str(current + 1))
            text = text.replace("%2", str(len(spans)))
            if wrapped:
                text += " " + self.tr("(wrapped)")
        else:
            text = self.tr("%1 matches").replace("%1", str(len(spans)))
        self.status_label.setText(text)
        to_utf16 = self._index.to_utf16
        self._editor.set_match_highlights(
            [(to_utf16(s), to_utf16(e)) for s, e in spans], current
        )

    def _find(self, backward: bool, from_selection_start: bool = False) -> bool:
        spans = self._matches()
        if spans is None:
            return False
        start, end = self._selection_span()
        if backward:
            position = start
        else:
            position = start if from_selection_start else end
        index, wrapped = pick_span(spans, position, backward=backward, wrap=True)
        if index is None:
            self._show_count(spans, -1)
            return False
        self._select(spans[index])
        self._show_count(spans, index, wrapped)
        return True

    def _select(self, span: Span) -> None:
        assert self._index is not None
        cursor = self._editor.textCursor()
        cursor.setPosition(self._index.to_utf16(span[0]))
        cursor.setPosition(self._index.to_utf16(span[1]), QTextCursor.MoveMode.KeepAnchor)
        self._editor.setTextCursor(cursor)
        self._editor.ensureCursorVisible()

    def find_next(self) -> bool:
        """Select the next match after the selection, wrapping at the end."""
        return self._find(backward=False)

    def find_previous(self) -> bool:
        """Select the previous match before the selection, wrapping at the start."""
        return self._find(backward=True)

    # ------------------------------------------------------------------ replacing

    def replace_current(self) -> bool:
        """Replace the selected match and move to the next one.

        If the selection is not a match, just find the next one; returns True only
        when something was replaced.
        """
        spans = self._matches()
        if spans is None:
            return False
        span = self._selection_span()
        options = self.options()
        match = match_at(self._text, span, self.find_edit.text(), options)
        if match is None:
            self.find_next()
            return False
        try:
            new_text = expand_replacement(match, self.replace_edit.text(), options)
        except SearchPatternError as exc:
            self._show_error(exc.message)
            return False
        cursor = self._editor.textCursor()
        cursor.beginEditBlock()
        cursor.insertText(new_text)
        cursor.endEditBlock()
        self._editor.setTextCursor(cursor)
        self._invalidate()
        self.find_next()
        return True

    def replace_all(self) -> int:
        """Replace every match as a single undo step; returns how many were replaced."""
        text = self._editor.body_text()
        try:
            plan = plan_replace_all(
                text, self.find_edit.text(), self.replace_edit.text(), self.options()
            )
        except SearchPatternError as exc:
            self._show_error(exc.message)
            return 0
        if not plan:
            self._invalidate()
            self._refresh()
            self.reported.emit(self.tr("Nothing to replace"))
            return 0
        pieces: list[str] = []
        done = 0
        for item in plan:
            pieces += [text[done:item.start], item.new_text]
            done = item.end
        pieces.append(text[done:])
        self._editor.replace_text("".join(pieces))
        self._invalidate()
        self._refresh()
        message = self._replaced_message(len(plan))
        self.status_label.setText(message)
        self.reported.emit(message)
        return len(plan)

    def _replaced_message(self, count: int) -> str:
        """"Replaced 1 occurrence" / "Replaced 3 occurrences", translated."""
        if count == 1:
            return self.tr("Replaced 1 occurrence")
        return self.tr("Replaced {count} occurrences").format(count=count)

    # ------------------------------------------------------------------ keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Enter / Shift+Enter, F3 / Shift+F3 and Escape in the two fields."""
        if event.type() == QEvent.Type.KeyPress and watched in (self.find_edit, self.replace_edit):
            if self._handle_key(event, watched):  # type: ignore[arg-type]
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Escape closes the bar from any of its controls."""
        if not self._handle_key(event):
            super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent, source: QObject | None = None) -> bool:
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Escape:
            self.close_bar()
            return True
        if key == Qt.Key.Key_F3:
            self.find_previous() if shift else self.find_next()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if source is self.replace_edit and not shift:
                self.replace_current()
            elif shift:
                self.find_previous()
            else:
                self.find_next()
            return True
        return False
