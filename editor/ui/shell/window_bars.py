"""The window's menu titles, main toolbar and post tab bar, made before the first paint.

The commands behind them come a moment later (``actions.build`` fills these menus and
this toolbar, ``tabs.PostTabs`` takes over the tab bar). Made first, they already take
their places on screen, so the panes do not jump down when the commands arrive.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QTabBar, QToolBar, QToolButton

MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("Menus", "&File")),
    ("edit", QT_TRANSLATE_NOOP("Menus", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("Menus", "&View")),
    ("format", QT_TRANSLATE_NOOP("Menus", "F&ormat")),
    ("insert", QT_TRANSLATE_NOOP("Menus", "&Insert")),
    ("help", QT_TRANSLATE_NOOP("Menus", "&Help")),
)


def top_menus(window: QMainWindow) -> dict[str, QMenu]:
    """The menu bar's menus by id, made on the first call."""
    bar = window.menuBar()
    made = {menu.objectName(): menu for menu in bar.findChildren(QMenu)}
    menus: dict[str, QMenu] = {}
    for menu_id, title in MENUS:
        menu = made.get(f"menu_{menu_id}")
        if menu is None:
            menu = bar.addMenu(QCoreApplication.translate("Menus", title))
            menu.setObjectName(f"menu_{menu_id}")
        menus[menu_id] = menu
    return menus


def main_toolbar(window: QMainWindow) -> QToolBar:
    """The main toolbar, made on the first call as tall as its buttons will make it."""
    found = window.findChild(QToolBar, "main_toolbar")
    if found is not None:
        return found
    toolbar = QToolBar(QCoreApplication.translate("Menus", "Main Toolbar"), window)
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    probe = QToolButton()  # one button as the toolbar will show it
    probe.setIconSize(toolbar.iconSize())
    probe.setIcon(toolbar.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
    probe.setAutoRaise(True)
    margins = toolbar.layout().contentsMargins()
    toolbar.setMinimumHeight(probe.sizeHint().height() + margins.top() + margins.bottom())
    window.addToolBar(toolbar)
    return toolbar


def post_tab_bar(window: QMainWindow) -> QTabBar:
    """The tab bar of the open posts above the panes (``window.tab_area``), made on the
    first call with one tab, named after the post shown."""
    found = window.tab_area.findChild(QTabBar, "post_tabs")
    if found is not None:
        return found
    bar = QTabBar()
    bar.setObjectName("post_tabs")
    bar.setDocumentMode(True)
    bar.setTabsClosable(True)
    bar.setMovable(True)
    bar.setExpanding(False)
    bar.setElideMode(Qt.TextElideMode.ElideMiddle)
    path = window.document.path
    bar.addTab(path.name if path is not None else "")
    window.tab_area.layout().insertWidget(0, bar)
    return bar


def reserve(window: QMainWindow) -> None:
    """The menu titles, the toolbar's place and the tab bar, before the commands behind
    them exist."""
    top_menus(window)
    main_toolbar(window)
    post_tab_bar(window)
