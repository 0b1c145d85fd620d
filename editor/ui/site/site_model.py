"""The site table's model: one row per post or draft (editor.site.index.PostRow), and the
proxy that filters by text, category, tag and state and sorts by any column.

Rows are kept by path, so a new listing after a file change touches only the rows that
changed (inserted, removed or updated in place): the selection and scroll position stay.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from editor.site.index import PostRow

translate = QCoreApplication.translate

ROW_ROLE = Qt.ItemDataRole.UserRole  # the PostRow itself
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts as a writer expects

COLUMNS: tuple[tuple[str, str], ...] = (
    ("title", QT_TRANSLATE_NOOP("SiteModel", "Title")),
    ("date", QT_TRANSLATE_NOOP("SiteModel", "Date")),
    ("categories", QT_TRANSLATE_NOOP("SiteModel", "Categories")),
    ("tags", QT_TRANSLATE_NOOP("SiteModel", "Tags")),
    ("state", QT_TRANSLATE_NOOP("SiteModel", "State")),
    ("words", QT_TRANSLATE_NOOP("SiteModel", "Words")),
    ("checks", QT_TRANSLATE_NOOP("SiteModel", "Checklist")),
)
COLUMN = {key: i for i, (key, _) in enumerate(COLUMNS)}

STATE_NAMES = {
    "draft": QT_TRANSLATE_NOOP("SiteModel", "Draft"),
    "published": QT_TRANSLATE_NOOP("SiteModel", "Published"),
    "unpublished": QT_TRANSLATE_NOOP("SiteModel", "Unpublished"),
    "invalid": QT_TRANSLATE_NOOP("SiteModel", "Invalid"),
}
ERROR_COLOR = QColor("#c62828")
WARNING_COLOR = QColor("#a15c00")
MUTED_COLOR = QColor("#757575")


def row_state(row: PostRow) -> str:
    """``invalid`` for unreadable front matter, else the row's own state."""
    return "invalid" if row.invalid else row.state


def checks_text(row: PostRow) -> str:
    """The checklist cell: "2 errors, 1 warning", "OK" or "…" while not yet checked."""
    if row.errors is None:
        return "…"
    if not row.errors and not row.warnings:
        return translate("SiteModel", "OK")
    parts = []
    if row.errors:
        parts.append(translate("SiteModel", "1 error") if row.errors == 1 else
                     translate("SiteModel", "{count} errors").format(count=row.errors))
    if row.warnings:
        parts.append(translate("SiteModel", "1 warning") if row.warnings == 1 else
                     translate("SiteModel", "{count} warnings").format(count=row.warnings))
    return ", ".join(parts)


def _display(row: PostRow, key: str) -> str:
    if key == "title":
        return row.title
    if key == "date":
        return (row.date or "")[:16].replace("T", " ")
    if key in ("categories", "tags"):
        return ", ".join(getattr(row, key))
    if key == "state":
        return translate("SiteModel", STATE_NAMES[row_state(row)])
    if key == "words":
        return f"{row.words:,}"
    return checks_text(row)


def _sort_value(row: PostRow, key: str) -> Any:
    if key == "words":
        return row.words
    if key == "checks":  # not yet checked first, then by errors, then by warnings
        return -1 if row.errors is None else row.errors * 100_000 + (row.warnings or 0)
    if key == "date":
        return row.date or ""
    return _display(row, key).casefold()


class SiteTableModel(QAbstractTableModel):
    """The rows of one site, updated in place by path."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PostRow] = []
        self._where: dict[str, int] = {}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("SiteModel", COLUMNS[section][1])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, key)
        if role == SORT_ROLE:
            return _sort_value(row, key)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.path}\n{row.invalid}" if row.invalid else row.path
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "words":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _foreground(row, key)
        return None

    # Rows --------------------------------------------------------------------------------

    def rows(self) -> list[PostRow]:
        """The rows now, in listing order."""
        return list(self._rows)

    def row_at(self, path: str) -> PostRow | None:
        """The row of ``path`` (relative to the site), if listed."""
        where = self._where.get(path)
        return None if where is None else self._rows[where]

    def set_rows(self, rows: list[PostRow]) -> None:
        """Show ``rows``: rows gone are removed, changed ones updated, new ones added."""
        if not self._rows or not rows:  # a new site, or none: one reset, not row by row
            self.beginResetModel()
            self._rows = list(rows)
            self._reindex()
            self.endResetModel()
            return
        wanted = {row.path: row for row in rows}
        for i in range(len(self._rows) - 1, -1, -1):
            if self._rows[i].path not in wanted:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
        self._reindex()
        for path, row in wanted.items():
            where = self._where.get(path)
            if where is None:
                continue
            old = self._rows[where]
            if old.errors is not None and replace(old, errors=None, warnings=None) == row:
                continue  # unchanged file: keep the counts already found
            if old != row:
                self._rows[where] = row
                self.dataChanged.emit(self.index(where, 0),
                                      self.index(where, len(COLUMNS) - 1))
        new = [row for path, row in wanted.items() if path not in self._where]
        if new:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
            self._rows.extend(new)
            self._reindex()
            self.endInsertRows()

    def set_checks(self, checked: list[PostRow]) -> None:
        """Fill in checklist counts of rows still as they were when checked."""
        for row in checked:
            where = self._where.get(row.path)
            if where is None:
                continue
            if self._rows[where] == replace(row, errors=None, warnings=None):
                self._rows[where] = row
                cell = self.index(where, COLUMN["checks"])
                self.dataChanged.emit(cell, cell)

    def _reindex(self) -> None:
        self._where = {row.path: i for i, row in enumerate(self._rows)}

    def values(self, key: str) -> list[str]:
        """Every category (``key="categories"``) or tag of the site, sorted."""
        return sorted({value for row in self._rows for value in getattr(row, key)},
                      key=str.casefold)


def _foreground(row: PostRow, key: str) -> QBrush | None:
    if row.invalid and key in ("title", "state"):
        return QBrush(ERROR_COLOR)
    if key == "checks":
        if row.errors:
            return QBrush(ERROR_COLOR)
        if row.warnings:
            return QBrush(WARNING_COLOR)
        return QBrush(MUTED_COLOR)
    if key == "state" and row_state(row) == "draft":
        return QBrush(WARNING_COLOR)
    return None


class SiteFilterModel(QSortFilterProxyModel):
    """Shows the rows matching a text, a category, a tag and a state ("" = any)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._category = ""
        self._tag = ""
        self._state = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)

    def set_filter(self, *, text: str | None = None, category: str | None = None,
                   tag: str | None = None, state: str | None = None) -> None:
        """Change any of the filters (None leaves one as it is)."""
        self.beginFilterChange()
        if text is not None:
            self._text = text.strip().casefold()
        if category is not None:
            self._category = category
        if tag is not None:
            self._tag = tag
        if state is not None:
            self._state = state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,  # noqa: N802 - Qt override
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        row: PostRow = self.sourceModel().index(source_row, 0, source_parent).data(ROW_ROLE)
        if row is None:
            return False
        if self._category and self._category not in row.categories:
            return False
        if self._tag and self._tag not in row.tags:
            return False
        if self._state and row_state(row) != self._state:
            return False
        if self._text:
            haystack = " ".join((row.title, row.path, *row.categories, *row.tags)).casefold()
            return all(word in haystack for word in self._text.split())
        return True
