"""The site panel in the main window: File > Open Site…, the dock, Edit > Undo Rename.

Kept apart from the window's own action table so the window needs one statement to have
it: this object adds its actions to the File and Edit menus, creates the dock when a site
is first opened, opens a post the panel asks for with ``open_path``, and saves the open
draft with ``save`` before the panel publishes it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from editor.site.jekyll import DRAFTS_DIR, POSTS_DIR, find_site_root

if TYPE_CHECKING:
    from editor.ui.site.site_table import SitePanel

DOCK_HEIGHT = 320


def is_site(folder: Path) -> bool:
    """A Jekyll site: a ``_config.yml`` there, or a ``_posts``/``_drafts`` folder."""
    return find_site_root(folder) == folder.absolute() or any(
        (folder / name).is_dir() for name in (POSTS_DIR, DRAFTS_DIR))


class SiteCommands(QObject):
    """Owns the site dock and its menu entries for one window."""

    def __init__(self, window: QMainWindow, prompter: Any, *, document: Any,
                 menus: dict[str, QMenu], open_path: Callable[[Path], object],
                 save: Callable[[], bool]) -> None:
        super().__init__(window)
        self.window = window
        self.prompter = prompter  # the window's Prompter: every question goes through it
        self.document = document  # the window's Document: its path and unsaved state
        self._open_path = open_path
        self._save = save
        self.dock: QDockWidget | None = None
        self.panel: SitePanel | None = None

        self.open_action = QAction(self.tr("Open S&ite…"), window)
        self.open_action.setObjectName("open_site")
        self.open_action.setStatusTip(self.tr("List a Jekyll site's posts and drafts"))
        self.open_action.triggered.connect(lambda: self.open_site())
        self.open_post_site_action = QAction(self.tr("Open This Post’s Si&te"), window)
        self.open_post_site_action.setObjectName("open_post_site")
        self.open_post_site_action.triggered.connect(self.open_post_site)
        self.undo_action = QAction(self.tr("Undo Site Rename"), window)
        self.undo_action.setObjectName("undo_site_rename")
        self.undo_action.setEnabled(False)
        self.undo_action.triggered.connect(self.undo_rename)

        file_menu: QMenu | None = menus.get("file")
        if file_menu is not None:
            before = _after_recent(file_menu, menus.get("recent"))
            file_menu.insertActions(before, [self.open_action, self.open_post_site_action])
            file_menu.aboutToShow.connect(self._update_post_site_action)
        edit_menu: QMenu | None = menus.get("edit")
        if edit_menu is not None:
            edit_menu.addSeparator()
            edit_menu.addAction(self.undo_action)
        self._update_post_site_action()

    def post_site(self) -> Path | None:
        """The site holding the open post, if it lies in one."""
        path = self.document.path
        return find_site_root(path) if path else None

    def _update_post_site_action(self) -> None:
        root = self.post_site()
        self.open_post_site_action.setEnabled(root is not None)
        self.open_post_site_action.setVisible(root is not None)

    def open_site(self, root: str | Path | None = None) -> bool:
        """File > Open Site…: pick a site folder (or use ``root``) and list it."""
        if root is None:
            start = self.post_site() or (self.panel.root if self.panel else None) or Path.home()
            root = self.prompter.ask_site_folder(str(start))
            if root is None:
                return False
        root = Path(root)
        if not root.is_dir() or not is_site(root):
            self.prompter.error(
                self.tr("Not a Jekyll Site"),
                self.tr("“{folder}” has no _config.yml, _posts or _drafts.").format(
                    folder=root))
            return False
        panel = self._ensure_dock()
        panel.open_site(root)
        self.dock.setWindowTitle(self.tr("Site: {name}").format(name=root.name))
        self.dock.show()
        self.dock.raise_()
        panel.table.setFocus()
        return True

    def open_post_site(self) -> bool:
        """List the site the open post lies in."""
        root = self.post_site()
        return self.open_site(root) if root else False

    def undo_rename(self) -> None:
        """Edit > Undo Site Rename."""
        if self.panel is not None:
            self.panel.undo_rename()

    def _save_if_open(self, draft: Path) -> bool:
        """A draft open with unsaved changes is saved before it moves (or it stays)."""
        if _same_file(self.document.path, draft) and self.document.is_modified():
            return bool(self._save())
        return True

    def _follow_published(self, draft: Path, target: Path) -> None:
        """The open draft was published: the editor follows it to its new path."""
        if _same_file(self.document.path, draft):
            self._open_path(target)

    def _ensure_dock(self) -> SitePanel:
        if self.panel is None:
            from editor.ui.site.site_table import SitePanel  # the dock is made on first use

            self.panel = SitePanel(self.prompter)
            self.panel.openRequested.connect(self._open_path)
            self.panel.before_publish = self._save_if_open
            self.panel.published.connect(self._follow_published)
            self.panel.undoAvailable.connect(self.undo_action.setEnabled)
            self.dock = QDockWidget(self.window)
            self.dock.setObjectName("site_dock")
            self.dock.setWidget(self.panel)
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
            self.window.resizeDocks([self.dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)
        return self.panel


def _same_file(a: Path | None, b: Path) -> bool:
    return a is not None and a.absolute().resolve() == b.absolute().resolve()


def _after_recent(menu: QMenu, recent: QMenu | None) -> QAction | None:
    """The action after File > Open Recent (new entries go there), or None (the end)."""
    actions = menu.actions()
    anchor = recent.menuAction() if recent is not None else None
    if anchor in actions:
        index = actions.index(anchor)
        return actions[index + 1] if index + 1 < len(actions) else None
    return None
