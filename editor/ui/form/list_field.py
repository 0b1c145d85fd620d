"""The list field editor: values shown as removable chips in a wrapping row, with completion."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QPoint,
    QRect,
    QSize,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.site.schema import Field
from editor.ui.form.widgets import (
    FieldEditor,
)


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
