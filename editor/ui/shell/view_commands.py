"""View > Zoom, the source font, the Help menu and the window's light/dark theme.

Zoom acts on the pane a writer is working in, as browsers and editors do: the source
editor or the preview, whichever has the keyboard focus; from anywhere else (the form,
a dock) both panes zoom together. Each pane's zoom is remembered.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor import __version__
from editor.ui.preview.pane import PreviewPane
from editor.ui.shell import actions as action_table
from editor.ui.shell import dialogs, window_bars
from editor.ui.shell.settings import Settings
from editor.ui.source.editor import SourceEditor
from editor.ui.source.fonts import editor_font

#: Source font sizes a zoom step can reach (points), and one step.
SOURCE_MIN_PT, SOURCE_MAX_PT, SOURCE_STEP_PT = 6.0, 48.0, 1.0
#: Preview zoom factors (Chromium's own limits are 0.25 .. 5).
PREVIEW_ZOOMS = (0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)


class ViewCommands(QObject):
    """Zoom in/out/reset, the source font, the shortcut list and About of one window."""

    def __init__(self, window: QWidget, editor: SourceEditor, preview: PreviewPane,
                 settings: Settings, *, choose_font: Callable[[QFont], QFont | None],
                 run_dialog: Callable[[QDialog], object],
                 status: Callable[[str, int], None]) -> None:
        super().__init__(window)
        self.window = window
        self.editor = editor
        self.preview = preview
        self.settings = settings
        self._choose_font = choose_font
        self._run_dialog = run_dialog
        self._status = status
        self.actions: Mapping[str, QAction] = {}
        self._apply_source_font()
        self.preview.set_zoom_factor(self._preview_zoom())

    # Fonts and zoom ---------------------------------------------------------------------

    def base_font(self) -> QFont:
        """The chosen source font (View > Source Font…), else the bundled choice."""
        font = editor_font()
        saved = self.settings.prefs.source_font
        if saved:
            chosen = QFont()
            if chosen.fromString(saved):
                font = chosen
        return font

    def source_point_size(self) -> float:
        """The source editor's font size now (the chosen font's size plus the zoom)."""
        return self.editor.font().pointSizeF()

    def _apply_source_font(self) -> None:
        font = self.base_font()
        size = font.pointSizeF() + self.settings.session.source_zoom
        font.setPointSizeF(min(max(size, SOURCE_MIN_PT), SOURCE_MAX_PT))
        self.editor.setFont(font)

    def _preview_zoom(self) -> float:
        zoom = self.settings.session.preview_zoom
        return zoom if PREVIEW_ZOOMS[0] <= zoom <= PREVIEW_ZOOMS[-1] else 1.0

    def _targets(self) -> tuple[bool, bool]:
        """(source, preview): which panes a zoom command acts on, from the focus."""
        focus = QApplication.focusWidget()
        view = self.preview.web_view()
        if focus is not None and (focus is self.editor or self.editor.isAncestorOf(focus)):
            return True, False
        if focus is not None and view is not None and (
                focus is view or view.isAncestorOf(focus)):
            return False, True
        return True, True

    def zoom_in(self) -> None:
        """View > Zoom In (Ctrl++)."""
        self._zoom(+1)

    def zoom_out(self) -> None:
        """View > Zoom Out (Ctrl+-)."""
        self._zoom(-1)

    def zoom_reset(self) -> None:
        """View > Reset Zoom (Ctrl+0)."""
        self._zoom(0)

    def _zoom(self, direction: int) -> None:
        source, preview = self._targets()
        if source:
            steps = self.settings.session.source_zoom
            base = self.base_font().pointSizeF()
            steps = 0.0 if direction == 0 else steps + direction * SOURCE_STEP_PT
            steps = min(max(base + steps, SOURCE_MIN_PT), SOURCE_MAX_PT) - base
            self.settings.session.source_zoom = steps
            self._apply_source_font()
        if preview:
            zoom = self._preview_zoom()
            if direction == 0:
                zoom = 1.0
            elif direction > 0:
                zoom = next((z for z in PREVIEW_ZOOMS if z > zoom + 1e-6), PREVIEW_ZOOMS[-1])
            else:
                zoom = next((z for z in reversed(PREVIEW_ZOOMS) if z < zoom - 1e-6),
                            PREVIEW_ZOOMS[0])
            self.settings.session.preview_zoom = zoom
            self.preview.set_zoom_factor(zoom)
        parts = []
        if source:
            parts.append(self.tr("Source {size} pt").format(size=round(self.source_point_size())))
        if preview:
            parts.append(self.tr("Preview {percent}%").format(
                percent=round(self._preview_zoom() * 100)))
        self._status(" · ".join(parts), 3000)

    def choose_source_font(self) -> None:
        """View > Source Font…: any installed font for the source editor (remembered)."""
        chosen = self._choose_font(self.base_font())
        if chosen is None:
            return
        self.settings.prefs.source_font = chosen.toString()
        self.settings.session.source_zoom = 0.0
        self._apply_source_font()

    # Keyboard shortcuts -----------------------------------------------------------------

    def shortcuts_dialog(self) -> QDialog:
        """Help > Keyboard Shortcuts: every action with a shortcut, by menu, from the table."""
        dialog = QDialog(self.window)
        dialog.setObjectName("shortcuts_dialog")
        dialog.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = []
        menus = dict(window_bars.MENUS)
        for action in self.window.findChildren(QAction):
            keys = action.shortcuts()
            row_id = action.objectName().removeprefix("action_")
            if not keys or not action.text():
                continue
            try:
                menu = action_table.translate("Menus", menus[action_table.spec(row_id).menu])
            except KeyError:
                menu = action_table.translate("Menus", menus["format"])  # highlight presets
            shortcut = ", ".join(k.toString(k.SequenceFormat.NativeText) for k in keys)
            rows.append((menu.replace("&", ""), action.text().replace("&", ""), shortcut))
        table = QTableWidget(len(rows), 3, dialog)
        table.setObjectName("shortcuts_table")
        table.setHorizontalHeaderLabels([self.tr("Menu"), self.tr("Command"),
                                         self.tr("Shortcut")])
        for index, row in enumerate(rows):
            for column, text in enumerate(row):
                table.setItem(index, column, QTableWidgetItem(text))
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(560, 520)
        return dialog

    def show_shortcuts(self) -> None:
        """Help > Keyboard Shortcuts (F1)."""
        self._run_dialog(self.shortcuts_dialog())

    def show_about(self) -> None:
        """Help > About."""
        dialogs.show_about(self.window, __version__)
