"""The "Other fields" table: front-matter keys the schema does not know, as key + YAML.

Values are shown as one line of YAML (``[a, b]``, ``2024-01-01``, ``{x: 1}``); editing a
value parses it as YAML (safe loader) and reports the new value, a value that is not
valid YAML turns the cell red with the reason in its tooltip and reports nothing.
Rows are added and removed with the buttons below; no key is ever dropped silently.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from editor.ui.form.widgets import ERROR_COLOUR, is_focus_within

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def plain(value: Any) -> Any:
    """*value* with YAML library subclasses turned into the plain Python types."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, dt.datetime):
        return dt.datetime.fromisoformat(value.isoformat())
    if isinstance(value, dt.date):
        return dt.date(value.year, value.month, value.day)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [plain(item) for item in value]
    return value


def inline_yaml(value: Any) -> str:
    """One line of YAML that reads back as *value*."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = True
    yaml.width = 1_000_000
    stream = io.StringIO()
    try:
        yaml.dump(plain(value), stream)
    except YAMLError:
        return str(value)
    text = stream.getvalue()
    if text.endswith("\n...\n"):
        text = text[: -len("\n...\n")]
    text = text.rstrip("\n")
    if "\n" in text:
        # Multi-line strings: JSON's escaped form is valid YAML on one line.
        return json.dumps(plain(value), ensure_ascii=False, default=str)
    return text


def parse_inline_yaml(text: str) -> Any:
    """The value of one YAML *text*; raises ValueError with a readable reason."""
    try:
        return plain(YAML(typ="safe", pure=True).load(text))
    except YAMLError as error:
        reason = getattr(error, "problem", None) or str(error)
        if isinstance(error, MarkedYAMLError) and error.problem_mark is not None:
            reason += f" (column {error.problem_mark.column + 1})"
        raise ValueError(reason) from error


class OtherFieldsTable(QWidget):
    """Editable table of the keys the form has no widget for."""

    edited = Signal(str, object)
    removed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Value (YAML)")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setWordWrap(False)
        self.add_button = QPushButton(self.tr("Add field"))
        self.remove_button = QPushButton(self.tr("Remove field"))
        self.remove_button.setEnabled(False)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

        self._values: dict[str, Any] = {}
        self._taken: set[str] = set()
        self._setting = False
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.table.selectedItems())))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self._fit_height()

    # -- from the document ------------------------------------------------------

    def set_values(self, values: dict[str, Any], taken: set[str] | None = None) -> None:
        """Show *values* (key -> value) without emitting; *taken* keys cannot be added."""
        self._taken = set(taken or ())
        self._setting = True
        try:
            for row in reversed(range(self.table.rowCount())):
                key = self.row_key(row)
                if key is not None and key not in values:
                    self.table.removeRow(row)
                    self._values.pop(key, None)
            rows = {self.row_key(row): row for row in range(self.table.rowCount())}
            for key, value in values.items():
                value = plain(value)
                row = rows.get(key)
                if row is None:
                    row = self._insert_committed_row(key)
                elif _same(self._values.get(key), value) and self._has_error(row):
                    continue  # the writer's unfinished text stays until they fix it
                elif _same(self._values.get(key), value) and self.value_text(row) \
                        == inline_yaml(value):
                    continue
                self._values[key] = value
                item = self.table.item(row, 1)
                item.setText(inline_yaml(value))
                self._mark(item, None)
        finally:
            self._setting = False
        self._fit_height()

    def clear(self) -> None:
        """Forget all rows, including unfinished ones (another post is being shown)."""
        self._setting = True
        try:
            self.table.setRowCount(0)
            self._values.clear()
        finally:
            self._setting = False
        self._fit_height()

    def _insert_committed_row(self, key: str) -> int:
        row = sum(1 for r in range(self.table.rowCount()) if self.row_key(r) is not None)
        self.table.insertRow(row)
        key_item = QTableWidgetItem(key)
        key_item.setData(KEY_ROLE, key)
        key_item.setFlags(key_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 0, key_item)
        self.table.setItem(row, 1, QTableWidgetItem(""))
        return row

    # -- reading the table -------------------------------------------------------

    def keys(self) -> list[str]:
        """Committed keys, in table order."""
        return [key for row in range(self.table.rowCount())
                if (key := self.row_key(row)) is not None]

    def row_key(self, row: int) -> str | None:
        """The document key of *row*, or None for a row still being filled in."""
        item = self.table.item(row, 0)
        return item.data(KEY_ROLE) if item is not None else None

    def row_of(self, key: str) -> int | None:
        """The row showing *key*."""
        for row in range(self.table.rowCount()):
            if self.row_key(row) == key:
                return row
        return None

    def value_text(self, row: int) -> str:
        """The value cell's text."""
        item = self.table.item(row, 1)
        return item.text() if item is not None else ""

    def is_editing(self) -> bool:
        """True while the writer is in the table (a refresh then leaves it alone)."""
        return (self.table.state() == QAbstractItemView.State.EditingState
                or is_focus_within(self.table))

    # -- writer's edits ------------------------------------------------------------

    def add_row(self) -> int:
        """Append an empty row and start editing its key."""
        self._setting = True
        try:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(""))
            self.table.setItem(row, 1, QTableWidgetItem(""))
        finally:
            self._setting = False
        self._fit_height()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))
        return row

    def remove_selected(self) -> None:
        """Remove the selected rows; keys already in the document are reported removed."""
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.remove_row(row)

    def remove_row(self, row: int) -> None:
        """Remove *row*, reporting its key if it was in the document."""
        key = self.row_key(row)
        self.table.removeRow(row)
        self._fit_height()
        if key is not None:
            self._values.pop(key, None)
            self.removed.emit(key)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._setting:
            return
        row = item.row()
        key = self.row_key(row)
        if key is None:
            self._try_commit(row)
            return
        if item.column() != 1:
            return
        try:
            value = parse_inline_yaml(item.text())
        except ValueError as error:
            self._mark(item, self.tr("Not valid YAML: {reason}").format(reason=error))
            return
        self._mark(item, None)
        if not _same(self._values.get(key), value):
            self._values[key] = value
            self.edited.emit(key, value)

    def _try_commit(self, row: int) -> None:
        key_item, value_item = self.table.item(row, 0), self.table.item(row, 1)
        if key_item is None or value_item is None:
            return
        key = key_item.text().strip()
        if not key:
            return
        if key in self._taken or key in self._values:
            self._mark(key_item, self.tr("The key “{key}” is already used.").format(key=key))
            return
        self._mark(key_item, None)
        if not value_item.text().strip():
            return  # wait for the value
        try:
            value = parse_inline_yaml(value_item.text())
        except ValueError as error:
            self._mark(value_item, self.tr("Not valid YAML: {reason}").format(reason=error))
            return
        self._mark(value_item, None)
        self._setting = True
        try:
            key_item.setText(key)
            key_item.setData(KEY_ROLE, key)
            key_item.setFlags(key_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        finally:
            self._setting = False
        self._values[key] = value
        self.edited.emit(key, value)

    # -- looks -----------------------------------------------------------------------

    def _mark(self, item: QTableWidgetItem, error: str | None) -> None:
        was = self._setting
        self._setting = True
        try:
            if error:
                tint = QColor(ERROR_COLOUR)
                tint.setAlpha(60)
                item.setBackground(QBrush(tint))
                item.setToolTip(error)
                item.setData(Qt.ItemDataRole.UserRole + 2, error)
            else:
                item.setBackground(QBrush())
                item.setToolTip("")
                item.setData(Qt.ItemDataRole.UserRole + 2, None)
        finally:
            self._setting = was

    def _has_error(self, row: int) -> bool:
        return any(self.cell_error(row, column) for column in (0, 1))

    def cell_error(self, row: int, column: int) -> str | None:
        """The error shown on a cell, or None."""
        item = self.table.item(row, column)
        return item.data(Qt.ItemDataRole.UserRole + 2) if item is not None else None

    def _fit_height(self) -> None:
        # The form scrolls as a whole; the table shows all its rows instead of scrolling.
        rows = max(self.table.rowCount(), 1)
        height = (self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
                  + sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
                  + (0 if self.table.rowCount() else self.table.verticalHeader()
                     .defaultSectionSize()))
        self.table.setFixedHeight(height + 2 if rows else height)
        self.table.setVisible(self.table.rowCount() > 0)


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b
