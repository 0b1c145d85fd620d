"""Editors for single front-matter fields: line, text, chips list, date, yes/no, choice.

Each editor shows one value and reports the writer's edits through two signals:
``edited(value)`` with the new Python value and ``removed()`` when the writer cleared an
optional field (the key should go rather than hold an empty string). ``set_value``
never emits, so the form can refresh them from the document at any time. The image
editor lives in :mod:`editor.ui.form.image_field`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QDate,
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.site.schema import Field

TYPING_DELAY_MS = 300
"""Pause in typing after which an edit is reported, so the preview follows the writer."""

ERROR_COLOUR = "#c0392b"
WARNING_COLOUR = "#b9770e"

_ABSENT = object()


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
        self._known: Any = _ABSENT

    def set_value(self, value: Any, present: bool = True) -> None:
        """Show the document's value (absent keys have present=False) without emitting."""
        self._known = value if present else _ABSENT
        self._show(value if present else None, present)

    def is_editing(self) -> bool:
        """True while the writer is in this editor (refreshes leave it alone then)."""
        return is_focus_within(self)

    def _show(self, value: Any, present: bool) -> None:
        raise NotImplementedError

    def _report(self, value: Any) -> None:
        """Emit *value* (or removal for None) unless the document already holds it."""
        new = _ABSENT if value is None else value
        if _same(new, self._known):
            return
        self._known = new
        if new is _ABSENT:
            self.removed.emit()
        else:
            self.edited.emit(value)


def _same(a: Any, b: Any) -> bool:
    """Equal and of the same kind (True is not 1, a date is not its text)."""
    if a is _ABSENT or b is _ABSENT:
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


def _message_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setVisible(False)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    return label


def _set_message(label: QLabel, text: str, colour: str | None) -> None:
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
        self.message = _message_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.message)
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
        if not text and (not self.field.required or self._known is _ABSENT):
            # An empty optional field goes; a missing required one is not invented.
            self._report(None)
        else:
            self._report(text)

    def _show(self, value: Any, present: bool) -> None:
        text = "" if value is None else str(value)
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
            _set_message(self.message, self.tr("This field is required."), ERROR_COLOUR)
        elif limit and len(self.line.text()) > limit:
            self.line.setStyleSheet("")
            _set_message(self.message,
                         self.tr("{count} characters; more than {limit} may be cut short.")
                         .format(count=len(self.line.text()), limit=limit), WARNING_COLOUR)
        else:
            self.line.setStyleSheet("")
            _set_message(self.message, "", None)


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
        self.message = _message_label()
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
            _set_message(self.message,
                         self.tr("Longer than {limit} characters; listings and search "
                                 "results may cut it short.").format(limit=limit),
                         WARNING_COLOUR)
        else:
            self.counter.setStyleSheet("")
            _set_message(self.message, "", None)

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


class FlowLayout(QLayout):
    """Lays children out left to right and wraps them onto new lines, like words."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt override)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt override)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt override)
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt override)
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt override)
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt override)
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line_height > 0:
                x = rect.x()
                y += line_height + self._spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y()


class Chip(QFrame):
    """A small rounded label with a × button that removes it."""

    removeClicked = Signal()  # noqa: N815 (Qt-style signal name)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chip")
        self.setStyleSheet(
            "#chip { background: rgba(33, 83, 133, 0.15);"
            " border: 1px solid rgba(33, 83, 133, 0.35); border-radius: 10px; }"
            "#chip QToolButton { border: none; padding: 0px; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 2, 1)
        layout.setSpacing(2)
        self.label = QLabel(text)
        self.button = QToolButton()
        self.button.setText("×")
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.setToolTip(self.tr("Remove “{item}”").format(item=text))
        self.button.setAccessibleName(self.tr("Remove “{item}”").format(item=text))
        self.button.clicked.connect(self.removeClicked)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)


class ListFieldEditor(FieldEditor):
    """A list of short values shown as chips; typing and Enter adds one, × removes it."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self._items: list[Any] = []
        self.chips_area = QWidget()
        self.flow = FlowLayout(self.chips_area)
        self.input = QLineEdit()
        self.input.setClearButtonEnabled(True)
        if field.key == "categories":
            self.input.setPlaceholderText(self.tr("Add a category…"))
        elif field.key == "tags":
            self.input.setPlaceholderText(self.tr("Add a tag…"))
        else:
            self.input.setPlaceholderText(self.tr("Add an item…"))
        self._model = QStringListModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.input.setCompleter(self.completer)
        self.completer.activated.connect(self._completion_chosen)
        self.input.returnPressed.connect(self._add_typed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.chips_area)
        layout.addWidget(self.input)

    def set_completions(self, words: Iterable[str]) -> None:
        """Values offered while typing (e.g. categories already used in the site)."""
        self._model.setStringList(sorted({str(w) for w in words if str(w).strip()},
                                         key=str.casefold))

    def items(self) -> list[Any]:
        """The values in the order shown."""
        return list(self._items)

    def add_item(self, text: str) -> None:
        """Add *text* (comma-separated values add several) and report the new list."""
        added = False
        for part in re.split(r"[,，、]", text):
            part = part.strip()
            if part and part not in [str(item) for item in self._items]:
                self._items.append(part)
                added = True
        if added:
            self._rebuild()
            self._report(list(self._items))

    def remove_item(self, index: int) -> None:
        """Remove the value at *index*; an empty list removes the key."""
        del self._items[index]
        self._rebuild()
        self._report(list(self._items) if self._items else None)

    def _add_typed(self) -> None:
        text = self.input.text()
        self.input.clear()
        self.add_item(text)

    def _completion_chosen(self, text: str) -> None:
        self.add_item(text)
        # The completer writes its text into the line edit after this signal.
        QTimer.singleShot(0, self.input.clear)

    def _show(self, value: Any, present: bool) -> None:
        if value is None:
            items: list[Any] = []
        elif isinstance(value, list | tuple):
            items = list(value)
        else:
            # Jekyll also accepts a single string; show it as one chip, write it back as is.
            items = [value]
        if items != self._items:
            self._items = items
            self._rebuild()

    def _rebuild(self) -> None:
        while self.flow.count():
            item = self.flow.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()
        for index, value in enumerate(self._items):
            chip = Chip(str(value))
            chip.removeClicked.connect(lambda i=index: self.remove_item(i))
            self.flow.addWidget(chip)
        self.chips_area.setVisible(bool(self._items))
        self.flow.invalidate()
        self.chips_area.updateGeometry()

    def chip_widgets(self) -> list[Chip]:
        """The chip widgets shown, in order (for tests and accessibility tools)."""
        chips = []
        for index in range(self.flow.count()):
            widget = self.flow.itemAt(index).widget()
            if isinstance(widget, Chip):
                chips.append(widget)
        return chips


_NO_DATE = QDate(1000, 1, 1)
_DATE_PREFIX = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


class DateFieldEditor(FieldEditor):
    """A date that may be absent; keeps the original type (date, datetime or text).

    A date stays a date. A datetime keeps its time and zone when the day changes, and a
    date written as text (``2024-03-09 10:00:00 +0900``) keeps everything after the day.
    """

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.enabled_box = QCheckBox()
        self.enabled_box.setToolTip(self.tr("Give the post a date"))
        self.enabled_box.setAccessibleName(self.tr("Give the post a date"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setKeyboardTracking(False)
        self.date_edit.setMinimumDate(_NO_DATE)
        # The minimum date stands for "no date" and is shown as this text.
        self.date_edit.setSpecialValueText(self.tr("No date"))
        self.note = _message_label()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.enabled_box)
        row.addWidget(self.date_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self._original: Any = None
        self._setting = False
        self.enabled_box.clicked.connect(self._box_clicked)
        self.date_edit.dateChanged.connect(self._date_changed)

    def _show(self, value: Any, present: bool) -> None:
        self._original = value
        self._setting = True
        try:
            day = _as_day(value)
            self.enabled_box.setChecked(present and value is not None)
            self.date_edit.setEnabled(present and value is not None)
            if day is not None:
                self.date_edit.setDate(QDate(day.year, day.month, day.day))
            elif present and value is not None:
                self.date_edit.setDate(QDate.currentDate())
            else:
                self.date_edit.setDate(_NO_DATE)
            if present and value is not None and day is None:
                _set_message(self.note, self.tr("Not a date: “{text}” (kept as written)")
                             .format(text=value), WARNING_COLOUR)
            else:
                _set_message(self.note, "", None)
        finally:
            self._setting = False

    def _box_clicked(self, checked: bool) -> None:
        self.date_edit.setEnabled(checked)
        self._setting = True
        try:
            if checked and self.date_edit.date() == _NO_DATE:
                self.date_edit.setDate(QDate.currentDate())
            elif not checked:
                self.date_edit.setDate(_NO_DATE)
        finally:
            self._setting = False
        self._report(self._value_for(self.date_edit.date()) if checked else None)

    def _date_changed(self, date: QDate) -> None:
        if self._setting or not self.enabled_box.isChecked() or date == _NO_DATE:
            return
        self._report(self._value_for(date))

    def _value_for(self, date: QDate) -> Any:
        day = dt.date(date.year(), date.month(), date.day())
        original = self._original
        if isinstance(original, dt.datetime):
            return original.replace(year=day.year, month=day.month, day=day.day)
        if isinstance(original, str) and _DATE_PREFIX.match(original):
            match = _DATE_PREFIX.match(original)
            return day.isoformat() + original[match.end():]
        return day


def _as_day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = _DATE_PREFIX.match(value)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None


class ChoiceFieldEditor(FieldEditor):
    """Pick one value from a list; the first entry leaves the key out."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.combo = QComboBox()
        self._choices = self._offered()
        self._values: list[Any] = []
        self._fill(_ABSENT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        self.combo.activated.connect(self._activated)

    def _offered(self) -> list[tuple[str, Any]]:
        return [(str(value), value) for value in self.field.option("choices", [])]

    def _fill(self, extra: Any) -> None:
        self.combo.clear()
        self._values = [_ABSENT]
        self.combo.addItem(self.tr("Not set"))
        for text, value in self._choices:
            self.combo.addItem(text)
            self._values.append(value)
        if extra is not _ABSENT and not any(_same(extra, value) for value in self._values):
            # A value the list does not offer is shown as it is, not replaced.
            self.combo.addItem(str(extra))
            self._values.append(extra)

    def current_value(self) -> Any:
        """The selected value, or None for "Not set"."""
        value = self._values[self.combo.currentIndex()]
        return None if value is _ABSENT else value

    def _show(self, value: Any, present: bool) -> None:
        wanted = value if present and value is not None else _ABSENT
        self._fill(wanted)
        for index, candidate in enumerate(self._values):
            if _same(candidate, wanted):
                self.combo.setCurrentIndex(index)
                return

    def _activated(self, index: int) -> None:
        value = self._values[index]
        self._report(None if value is _ABSENT else value)


class BoolFieldEditor(ChoiceFieldEditor):
    """Yes, no or not set (Jekyll's default applies when the key is absent)."""

    def _offered(self) -> list[tuple[str, Any]]:
        return [(self.tr("Yes"), True), (self.tr("No"), False)]
