"""The page a window shows when no post is open: New, Open and the recent files."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

PATH_ROLE = Qt.ItemDataRole.UserRole
# Commands that need a post, off while the start page shows.
START_PAGE_DISABLED = ("save", "save_as", "export", "copy_for_blog")
# Docks with nothing to show for no post: hidden with the start page, back with a post.
START_PAGE_HIDDEN_DOCKS = ("show_checklist", "show_highlights")


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


class StartPageSwitch(QStackedWidget):
    """A window's central widget: its panes, or the start page while no post is open."""

    def __init__(self, panes: QWidget, recent_files: Callable[[], list[str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panes = panes
        self.page = StartPage()
        self._recent_files = recent_files
        self.addWidget(panes)
        self.addWidget(self.page)
        self._actions: Mapping[str, QAction] = {}
        self._docks_before: list[str] = []

    def bind(self, actions: Mapping[str, QAction]) -> None:
        """The window's actions: the commands and dock switches the start page sets."""
        self._actions = actions

    def is_showing_start_page(self) -> bool:
        """True while the start page stands in for the panes."""
        return self.currentWidget() is self.page

    def show_start_page(self) -> None:
        """No post open: New, Open and the recent files instead of the panes and docks."""
        self.page.set_recent(self._recent_files())
        self.setCurrentWidget(self.page)
        self._docks_before = [name for name in START_PAGE_HIDDEN_DOCKS
                              if self._actions[name].isChecked()]
        for name in self._docks_before:
            self._actions[name].setChecked(False)
        for name in START_PAGE_DISABLED:
            self._actions[name].setEnabled(False)
        self.page.new_button.setFocus()

    def leave_start_page(self) -> None:
        """The panes again, with the commands and the docks the writer had."""
        if not self.is_showing_start_page():
            return
        self.setCurrentWidget(self.panes)
        for name in START_PAGE_DISABLED:
            self._actions[name].setEnabled(True)
        for name in self._docks_before:
            self._actions[name].setChecked(True)
        self._docks_before = []
