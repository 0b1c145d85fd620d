"""The three panes side by side (form | source | preview): shown, hidden, sized, remembered."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QWidget

from editor.document.post import Post
from editor.ui.form.front_matter import FrontMatterForm
from editor.ui.preview.pane import PreviewPane
from editor.ui.shell.settings import Settings
from editor.ui.source.editor import SourceEditor

# The preview shows the post as readers see it: it gets the most room, the form the least.
DEFAULT_PANE_WIDTHS = (300, 460, 640)
#: How the panes share a change in window width (form, source, preview).
PANE_STRETCH = (1, 2, 3)
PANE_NAMES = ("form", "editor", "preview")


class PaneLayout(QObject):
    """Owns the splitter of a window and the View menu's pane, wrap and offline switches."""

    def __init__(self, splitter: QSplitter, panes: Mapping[str, QWidget], settings: Settings,
                 *, form: FrontMatterForm, editor: SourceEditor, preview: PreviewPane,
                 post: Callable[[], Post]) -> None:
        super().__init__(splitter)
        self.splitter = splitter
        self.panes = dict(panes)
        self.settings = settings
        self.form, self.editor, self.preview = form, editor, preview
        self._post = post
        self.actions: Mapping[str, QAction] = {}
        self._pane_widths = list(DEFAULT_PANE_WIDTHS)
        self._offline = False

    def restore(self, offline: bool) -> None:
        """Pane widths, visible panes, word wrap and offline as remembered."""
        sizes = self.settings.session.splitter_sizes
        if not (len(sizes) == 3 and all(isinstance(s, int) and s > 0 for s in sizes)):
            sizes = list(DEFAULT_PANE_WIDTHS)
        self._pane_widths = [int(s) for s in sizes]
        self.splitter.setSizes(self._pane_widths)
        for pane in PANE_NAMES:
            self.panes[pane].setVisible(self.settings.session.pane_visible(pane))
        self.editor.set_word_wrap(self.settings.prefs.word_wrap)
        self._offline = offline
        self.form.set_offline(offline)

    def bind(self, actions: Mapping[str, QAction]) -> None:
        """The View menu's switches (``actions``, the window's) show the restored state
        and are kept in step from now on."""
        self.actions = actions
        states = {f"show_{pane}": self.settings.session.pane_visible(pane)
                  for pane in PANE_NAMES}
        states.update(word_wrap=self.editor.word_wrap(), offline=self._offline)
        for name, checked in states.items():
            # What they switch is as they say already: nothing to do on the way.
            actions[name].blockSignals(True)
            actions[name].setChecked(checked)
            actions[name].blockSignals(False)

    def save(self) -> None:
        """Remember splitter sizes and visible panes."""
        # A hidden pane reports 0: keep its last real width so showing it restores it.
        sizes = [size or old for size, old in
                 zip(self.splitter.sizes(), self._pane_widths, strict=True)]
        self.settings.session.splitter_sizes = sizes
        for pane in PANE_NAMES:
            self.settings.session.set_pane_visible(pane, self.actions[f"show_{pane}"].isChecked())

    def show(self, pane: str) -> None:
        """Show ``pane`` through its View-menu switch (so the menu stays in step)."""
        action = self.actions[f"show_{pane}"]
        if not action.isChecked():
            action.setChecked(True)

    def set_visible(self, pane: str, visible: bool) -> None:
        """View > Front Matter Form / Source Editor / Preview."""
        widget = self.panes[pane]
        index = self.splitter.indexOf(widget)
        if not visible and widget.isVisible():
            self._pane_widths[index] = self.splitter.sizes()[index] or self._pane_widths[index]
        widget.setVisible(visible)
        self.settings.session.set_pane_visible(pane, visible)
        if visible:
            # The splitter lays the shown pane out later; size it after that.
            QTimer.singleShot(0, lambda: self._give_width(index))
        if pane == "preview" and visible:
            self.preview.show_post(self._post())

    def _give_width(self, index: int) -> None:
        """A pane shown again gets its last width back, taken from the widest other pane."""
        sizes = self.splitter.sizes()
        if sizes[index] > 0 or sum(sizes) == 0:
            return
        want = self._pane_widths[index]
        donor = max((i for i in range(len(sizes)) if i != index), key=lambda i: sizes[i])
        want = min(want, max(sizes[donor] // 2, 1))
        sizes[donor] -= want
        sizes[index] = want
        self.splitter.setSizes(sizes)

    def set_word_wrap(self, on: bool) -> None:
        """View > Word Wrap."""
        self.editor.set_word_wrap(on)
        self.settings.prefs.word_wrap = on

    def set_offline(self, on: bool) -> None:
        """View > Offline Preview: block every network request (remembered)."""
        self.preview.set_offline(on)
        self.form.set_offline(on)
        self.settings.prefs.offline_preview = on
