"""View > Highlights in This Post: the highlights panel in a dock, shown and remembered."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from editor.ui.authoring.commands import Authoring
from editor.ui.authoring.highlights_panel import HighlightsPanel, make_dock
from editor.ui.preview.pane import PreviewPane
from editor.ui.shell.document import Document
from editor.ui.shell.settings import Settings


class HighlightsView(QObject):
    """Owns the highlights dock of a window and its View-menu action."""

    def __init__(self, window: QMainWindow, authoring: Authoring, document: Document,
                 preview: PreviewPane, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.panel = HighlightsPanel(authoring.editor, authoring.presets, preview=preview)
        self.dock = make_dock(window, self.panel)
        self.action: QAction | None = None
        authoring.presetsChanged.connect(self.panel.set_presets)
        document.reloaded.connect(self.panel.request_refresh)

    def bind(self, action: QAction) -> None:
        """Show the dock as it was last time; ``action`` (View menu) follows the dock."""
        self.action = action
        visible = self.settings.session.pane_visible("highlights")
        self.dock.setVisible(visible)
        action.setChecked(visible)
        self.dock.visibilityChanged.connect(self._sync_action)

    def set_visible(self, visible: bool) -> None:
        """View > Highlights in This Post (remembered)."""
        self.dock.setVisible(visible)
        self.settings.session.set_pane_visible("highlights", visible)
        if visible:
            self.panel.request_refresh()

    def _sync_action(self, visible: bool) -> None:
        # The dock's own close button hides it without the menu action.
        if not visible and not self.dock.isHidden():
            return  # only covered by another tabbed dock
        if self.action is not None and self.action.isChecked() != visible \
                and self.window.isVisible():
            self.action.setChecked(visible)
