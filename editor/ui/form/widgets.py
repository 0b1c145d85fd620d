"""Editors for single front-matter fields: the shared base, one line and multi-line text.

Each editor shows one value and reports the writer's edits through two signals:
``edited(value)`` with the new Python value and ``removed()`` when the writer cleared an
optional field (the key should go rather than hold an empty string). ``set_value``
never emits, so the form can refresh them from the document at any time. The other
editors: :mod:`~editor.ui.form.list_field` (chips), :mod:`~editor.ui.form.date_choice_fields`
(date, choice, yes/no) and :mod:`~editor.ui.form.image_field`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor.document.values import is_plain_text, value_text
from editor.site.schema import Field

TYPING_DELAY_MS = 300
"""Pause in typing after which an edit is reported, so the preview follows the writer."""

ERROR_COLOUR = "#c0392b"
WARNING_COLOUR = "#b9770e"

ABSENT = object()


def is_focus_within(widget: QWidget) -> bool:
    """True when *widget* or one of its children has the keyboard focus."""
    focus = widget.window().focusWidget() if widget.window() else None
    if focus is None:
        return False
    return focus is widget or widget.isAncestorOf(focus)


class FieldEditor(QWidget):
    """Base of the field editors: remembers the document's value and emits only real edits."""

    edited = Signal(object)
    removed = Signal()

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._known: Any = ABSENT

    def set_value(self, value: Any, present: bool = True) -> None:
        """Show the document's value (absent keys have present=False) without emitting."""
        self._known = value if present else ABSENT
        self._show(value if present else None, present)

    def is_editing(self) -> bool:
        """True while the writer is in this editor (refreshes leave it alone then)."""
        return is_focus_within(self)

    def _show(self, value: Any, present: bool) -> None:
        raise NotImplementedError

    def _report(self, value: Any) -> None:
        """Emit *value* (or removal for None) unless the document already holds it."""
        new = ABSENT if value is None else value
        if same_value(new, self._known):
            return
        self._known = new
        if new is ABSENT:
            self.removed.emit()
        else:
            self.edited.emit(value)


def same_value(a: Any, b: Any) -> bool:
    """Equal and of the same kind (True is not 1, a date is not its text)."""
    if a is ABSENT or b is ABSENT:
        return a is b
    return _kind(a) is _kind(b) and a == b


def _kind(value: Any) -> type:
    # Order matters: bool is an int, datetime is a date.
    for kind in (bool, dt.datetime, dt.date, int, float, str, dict):
        if isinstance(value, kind):
            return kind
    if isinstance(value, list | tuple):
        return list
    return type(value)


def message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setVisible(False)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


def set_message(label: QLabel, text: str, colour: str | None) -> None:
    label.setText(text)
    label.setStyleSheet(f"color: {colour};" if colour else "")
    label.setVisible(bool(text))


class FocusOutWatcher(QObject):
    """Calls back when the watched widget loses focus (flushes a pending edit)."""

    def __init__(self, watched: QWidget, callback) -> None:
        super().__init__(watched)
        self._callback = callback
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.FocusOut:
            self._callback()
        return False


def make_debouncer(parent: QObject, callback) -> QTimer:
    """A single-shot timer that calls *callback* once typing pauses for TYPING_DELAY_MS."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(TYPING_DELAY_MS)
    timer.timeout.connect(callback)
    return timer


class LineFieldEditor(FieldEditor):
    """One-line text; empty removes an optional key, a required one shows an error."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText(str(field.option("placeholder", "")))
        self.message = message_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.message)
        self._shown = ""  # the document's value as displayed; unchanged text is never written
        self._not_text = False  # the value is a list or mapping shown as text
        self._timer = make_debouncer(self, self.flush)
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self.flush)

    def _typed(self, _text: str) -> None:
        self._validate()
        self._timer.start()

    def flush(self) -> None:
        """Report the text now (Enter, leaving the field, or after the typing pause)."""
        self._timer.stop()
        text = self.line.text()
        if text == self._shown and self._known is not ABSENT:
            return  # untouched: keep the value as written (a list stays a list, 7 stays 7)
        if not text and (not self.field.required or self._known is ABSENT):
            # An empty optional field goes; a missing required one is not invented.
            self._report(None)
        else:
            self._report(text)

    def _show(self, value: Any, present: bool) -> None:
        self._not_text = present and not is_plain_text(value)
        text = value_text(value) if self._not_text else "" if value is None else str(value)
        self._shown = text
        if self.line.text() != text:
            self.line.setText(text)
        self._validate()

    def has_error(self) -> bool:
        """True when a required field is empty."""
        return self.field.required and not self.line.text().strip()

    def _validate(self) -> None:
        limit = self.field.option("max_length_warning")
        if self.has_error():
            self.line.setStyleSheet(f"QLineEdit {{ border: 2px solid {ERROR_COLOUR}; "
                                    "border-radius: 3px; padding: 1px; }")
            set_message(self.message, self.tr("This field is required."), ERROR_COLOUR)
        elif self._not_text and self.line.text() == self._shown:
            self.line.setStyleSheet(f"QLineEdit {{ border: 2px solid {WARNING_COLOUR}; "
                                    "border-radius: 3px; padding: 1px; }")
            set_message(self.message, self.tr(
                "This is a YAML list, not text, and would publish oddly. Typing here "
                "replaces it with text."), WARNING_COLOUR)
        elif limit and len(self.line.text()) > limit:
            self.line.setStyleSheet("")
            set_message(self.message,
                         self.tr("{count} characters; more than {limit} may be cut short.")
                         .format(count=len(self.line.text()), limit=limit), WARNING_COLOUR)
        else:
            self.line.setStyleSheet("")
            set_message(self.message, "", None)


class TextFieldEditor(FieldEditor):
    """Multi-line text with a live character count and an optional length warning.

    With ``same_as`` it also carries a "Same as …" box: while ticked the text is read-only
    and mirrors the other field (the form does the mirroring).
    """

    textLive = Signal(str)  # noqa: N815 (Qt-style signal name, follows every keystroke)
    sameToggled = Signal(bool)  # noqa: N815 (emitted only when the writer clicks the box)

    def __init__(self, field: Field, parent: QWidget | None = None,
                 same_as_label: str = "") -> None:
        super().__init__(field, parent)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(str(field.option("placeholder", "")))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lines = 4
        height = self.text.fontMetrics().lineSpacing() * lines + 12
        self.text.setFixedHeight(height)
        self.counter = QLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        font = self.counter.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.counter.setFont(font)
        self.message = message_label()
        self.same_box: QCheckBox | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        if field.option("same_as"):
            self.same_box = QCheckBox(same_as_label)
            self.same_box.clicked.connect(self._same_clicked)
            layout.addWidget(self.same_box, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.message, 1)
        row.addWidget(self.counter, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)

        self._suffix = ""
        self._setting = False
        self._pending = False
        self._timer = make_debouncer(self, self.flush)
        self.text.textChanged.connect(self._changed)
        FocusOutWatcher(self.text, self.flush)
        self._update_count()

    def is_same(self) -> bool:
        """True while the "Same as …" box is ticked."""
        return self.same_box is not None and self.same_box.isChecked()

    def set_same(self, same: bool) -> None:
        """Tick or clear the "Same as …" box without emitting."""
        if self.same_box is None:
            return
        self.same_box.setChecked(same)
        self.text.setReadOnly(same)

    def shown_text(self) -> str:
        """The text as the writer sees it (the document value without its final newline)."""
        raw = self.text.document().toRawText()
        # toRawText keeps no-break spaces that toPlainText would turn into plain spaces.
        return raw.replace("\u2029", "\n").replace("\u2028", "\n")

    def current_value(self) -> str | None:
        """The value this editor would write, or None when it is empty."""
        text = self.shown_text()
        return text + self._suffix if text else None

    def show_text(self, value: str | None) -> None:
        """Display *value* (used while mirroring another field); emits nothing."""
        text, suffix = _split_suffix(value)
        if suffix:
            self._suffix = suffix
        if self.shown_text() != text:
            self._setting = True
            try:
                self.text.setPlainText(text)
            finally:
                self._setting = False
        self._update_count()

    def _show(self, value: Any, present: bool) -> None:
        self._suffix = ""
        if value is not None and not is_plain_text(value):
            value = value_text(value)  # shown as text; written back only if the writer types
        self.show_text(None if value is None else str(value))

    def _changed(self) -> None:
        self._update_count()
        if self._setting:
            return
        self.textLive.emit(self.shown_text())
        self._pending = True
        self._timer.start()

    def flush(self) -> None:
        """Report typed text now (leaving the field, or after the typing pause)."""
        self._timer.stop()
        if self._pending:
            self._pending = False
            self._report(self.current_value())

    def report_mirrored(self, value: str | None) -> None:
        """Show and report *value* copied from the field this one is the same as."""
        self.show_text(value)
        self._report(value)

    def _same_clicked(self, checked: bool) -> None:
        self.text.setReadOnly(checked)
        self.sameToggled.emit(checked)

    def _update_count(self) -> None:
        count = len(self.shown_text())
        limit = self.field.option("max_length_warning")
        self.counter.setText(self.tr("Characters: {count}").format(count=count))
        if limit and count > limit:
            self.counter.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
            set_message(self.message,
                         self.tr("Longer than {limit} characters; listings and search "
                                 "results may cut it short.").format(limit=limit),
                         WARNING_COLOUR)
        else:
            self.counter.setStyleSheet("")
            set_message(self.message, "", None)

    def over_limit(self) -> bool:
        """True when the text is longer than the field's ``max_length_warning``."""
        limit = self.field.option("max_length_warning")
        return bool(limit) and len(self.shown_text()) > limit


def _split_suffix(value: str | None) -> tuple[str, str]:
    """Split the final newlines off (YAML block scalars end with one)."""
    if not value:
        return "", ""
    text = value.rstrip("\n")
    return text, value[len(text):]
