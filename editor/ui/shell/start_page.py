"""The page a window shows when no post is open: New, Open and the recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

PATH_ROLE = Qt.ItemDataRole.UserRole


class StartPage(QWidget):
    """New Post…, Open… and the recent files, one click (or Enter) away."""

    newRequested = Signal()  # noqa: N815 - Qt signal naming
    openRequested = Signal()  # noqa: N815
    recentChosen = Signal(str)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("start_page")
        heading = QLabel(self.tr("No post is open"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        heading.setFont(font)
        self.new_button = QPushButton(self.tr("New Post…"))
        self.open_button = QPushButton(self.tr("Open…"))
        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self.openRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        self.recent_label = QLabel(self.tr("Recent files"))
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("start_recent")
        self.recent_list.itemActivated.connect(self._chosen)
        self.recent_list.itemClicked.connect(self._chosen)
        column = QVBoxLayout()
        column.addWidget(heading)
        column.addLayout(buttons)
        column.addSpacing(12)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent_list, 1)
        box = QWidget()
        box.setLayout(column)
        box.setMaximumWidth(640)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 4)
        outer.addStretch(1)

    def set_recent(self, paths: list[str]) -> None:
        """List ``paths`` as "name — folder" (the full path in the tooltip)."""
        self.recent_list.clear()
        for name in paths:
            path = Path(name)
            item = QListWidgetItem(f"{path.name} — {path.parent}")
            item.setToolTip(name)
            item.setData(PATH_ROLE, name)
            self.recent_list.addItem(item)
        self.recent_label.setVisible(bool(paths))
        self.recent_list.setVisible(bool(paths))

    def _chosen(self, item: QListWidgetItem) -> None:
        self.recentChosen.emit(str(item.data(PATH_ROLE)))
