"""Front-matter field editors that pick a value: a date that may be absent, a choice, yes/no."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import (
    QDate,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from editor.site.schema import Field
from editor.ui.form.widgets import (
    ABSENT,
    WARNING_COLOUR,
    FieldEditor,
    message_label,
    same_value,
    set_message,
)

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
        self.note = message_label()
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
        #: The date in a ``_posts/YYYY-MM-DD-`` file name, shown while the key is absent.
        self.file_date: dt.date | None = None
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
            elif self.file_date is not None:
                day = self.file_date  # the effective date, greyed: nothing is written
                self.date_edit.setDate(QDate(day.year, day.month, day.day))
            else:
                self.date_edit.setDate(_NO_DATE)
            if present and value is not None and day is None:
                set_message(self.note, self.tr("Not a date: “{text}” (kept as written)")
                             .format(text=value), WARNING_COLOUR)
            else:
                self._show_file_date_hint(not (present and value is not None))
        finally:
            self._setting = False

    def _show_file_date_hint(self, show: bool) -> None:
        if show and self.file_date is not None:
            set_message(self.note, self.tr(
                "From the file name: Jekyll dates the post {date}. Tick the box to "
                "write a date here instead.").format(date=self.file_date.isoformat()), None)
        else:
            set_message(self.note, "", None)

    def _box_clicked(self, checked: bool) -> None:
        self.date_edit.setEnabled(checked)
        self._show_file_date_hint(not checked)
        self._setting = True
        try:
            if checked and self.date_edit.date() == _NO_DATE:
                self.date_edit.setDate(QDate.currentDate())
            elif not checked:
                day = self.file_date
                self.date_edit.setDate(QDate(day.year, day.month, day.day) if day else _NO_DATE)
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
        self._fill(ABSENT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        self.combo.activated.connect(self._activated)

    def _offered(self) -> list[tuple[str, Any]]:
        return [(str(value), value) for value in self.field.option("choices", [])]

    def _fill(self, extra: Any) -> None:
        self.combo.clear()
        self._values = [ABSENT]
        self.combo.addItem(self.tr("Not set"))
        for text, value in self._choices:
            self.combo.addItem(text)
            self._values.append(value)
        if extra is not ABSENT and not any(same_value(extra, value) for value in self._values):
            # A value the list does not offer is shown as it is, not replaced.
            self.combo.addItem(str(extra))
            self._values.append(extra)

    def current_value(self) -> Any:
        """The selected value, or None for "Not set"."""
        value = self._values[self.combo.currentIndex()]
        return None if value is ABSENT else value

    def _show(self, value: Any, present: bool) -> None:
        wanted = value if present and value is not None else ABSENT
        self._fill(wanted)
        for index, candidate in enumerate(self._values):
            if same_value(candidate, wanted):
                self.combo.setCurrentIndex(index)
                return

    def _activated(self, index: int) -> None:
        value = self._values[index]
        self._report(None if value is ABSENT else value)


class BoolFieldEditor(ChoiceFieldEditor):
    """Yes, no or not set (Jekyll's default applies when the key is absent)."""

    def _offered(self) -> list[tuple[str, Any]]:
        return [(self.tr("Yes"), True), (self.tr("No"), False)]
