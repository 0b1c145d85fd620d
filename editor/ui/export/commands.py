"""The window's export and publish commands: Export…, Export Folder…, Copy for Blog,
Publish…, Convert Body and the Publish Checklist panel.

A component of the main window: the action table names these methods as handlers.
It works on the document, the settings and the source editor, reports through a status
sink and asks through the window's Prompter; ``install`` (once the actions exist) adds
the checklist dock.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMainWindow

from editor.export.exporter import EXPORT_ERRORS
from editor.ui.export.clipboard import copy_for_blog
from editor.ui.export.convert_body import BodyConverter
from editor.ui.export.pdf_printers import PdfPrinters
from editor.ui.shell.document import Document
from editor.ui.shell.settings import Settings
from editor.ui.site.checklist_panel import ChecklistPanel, ChecklistWiring
from editor.ui.source.editor import SourceEditor

if TYPE_CHECKING:
    from editor.ui.form.front_matter import FrontMatterForm
    from editor.ui.shell.prompter import Prompter

CHECKLIST_HEIGHT = 150


class ExportCommands(QObject):
    """Export, publish and body-conversion commands of one window."""

    def __init__(self, window: QMainWindow, document: Document, settings: Settings,
                 editor: SourceEditor, prompter: Prompter, *,
                 flush_form: Callable[[], object], status: Callable[[str, int], None],
                 site_root: Callable[[], Path | None]) -> None:
        super().__init__(window)
        self.window = window  # parent of the dialogs, host of the checklist dock
        self.document = document
        self.settings = settings
        self.prompter = prompter
        self.flush_form = flush_form
        self.status = status
        self.site_root = site_root
        self.pdf_printers = PdfPrinters(window)
        self.body_converter = BodyConverter(editor, document, self)
        self.checklist: ChecklistPanel | None = None

    def install(self, form: FrontMatterForm, wiring: ChecklistWiring) -> ChecklistPanel:
        """Create the checklist dock (its Publish button is the window's Publish action)."""
        window = self.window
        self.checklist = ChecklistPanel(self.document, form, self.body_converter.editor,
                                        wiring, window)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.checklist)
        # A few lines are enough; the panes above keep the height.
        window.resizeDocks([self.checklist], [CHECKLIST_HEIGHT], Qt.Orientation.Vertical)
        # Undo Publish waits in the status bar while the published post is open.
        window.statusBar().addPermanentWidget(self.checklist.publisher.undo_button)
        visible = self.settings.session.pane_visible("checklist")
        self.checklist.setVisible(visible)
        return self.checklist

    def _export_theme(self) -> str:
        theme = self.settings.session.export_theme or self.settings.prefs.theme
        from editor.render import core as render

        return theme if theme in render.theme_names() else "default"

    # File ------------------------------------------------------------------------------

    def export_document(self) -> Path | None:
        """File > Export…: the export dialog for the open post; the path written or None."""
        self.flush_form()
        from editor.ui.export.dialog import ExportDialog  # on first use: not at start-up

        dialog = ExportDialog(self.document.post, self.settings, self.prompter, self.window,
                              printers=self.pdf_printers,
                              default_theme=self.settings.prefs.theme)
        try:
            if not self.prompter.run_dialog(dialog) or dialog.written is None:
                return None
            written = dialog.written
        finally:
            dialog.deleteLater()
        self.status(self.tr("Exported to {path}").format(path=written), 8000)
        return written

    def export_folder(self) -> object | None:
        """File > Export Folder…: every post in a folder; the batch result or None."""
        start = self.site_root() or (self.document.path.parent if self.document.path
                                    else None)
        from editor.ui.export.batch_dialog import BatchExportDialog  # on first use

        dialog = BatchExportDialog(self.settings, self.prompter, self.window, start_folder=start,
                                   default_theme=self.settings.prefs.theme)
        try:
            if not self.prompter.run_dialog(dialog):
                return None
            result = dialog.result_
        finally:
            dialog.deleteLater()
        if result is not None:
            self.status(dialog.summary_text(result), 8000)
        return result

    def copy_for_blog(self) -> bool:
        """File > Copy for Blog: inline-styled HTML plus plain text on the clipboard."""
        self.flush_form()
        try:
            copy_for_blog(self.document.post, theme=self._export_theme(),
                          include_header=self.settings.session.export_include_header)
        except EXPORT_ERRORS as exc:
            self.prompter.error(self.tr("Could Not Copy"), str(getattr(exc, "message", exc)))
            return False
        self.status(
            self.tr("Copied for a blog editor: paste it into the editor's visual mode."), 6000)
        return True

    def publish_post(self) -> Path | None:
        """File > Publish…: the draft into _posts with today's date (see ChecklistPanel)."""
        return self.checklist.publish() if self.checklist is not None else None

    # Format ----------------------------------------------------------------------------

    def convert_body(self, fmt: str) -> bool:
        """Format > Convert Body to Markdown / to HTML (one undo step)."""
        converter = self.body_converter
        try:
            done = converter.convert(fmt)
        except ValueError as exc:
            self.prompter.error(self.tr("Could Not Convert"), str(exc))
            return False
        if not done:
            self.status(converter.already_message(fmt), 5000)
            return False
        self.status(self.tr("The body is now {format}; Undo brings the old "
                                             "one back.").format(
                                                 format=converter.format_name(fmt)), 6000)
        return True

    # View ------------------------------------------------------------------------------

    def set_checklist_visible(self, visible: bool) -> None:
        """View > Publish Checklist (remembered)."""
        if self.checklist is None:
            return
        self.checklist.setVisible(visible)
        self.settings.session.set_pane_visible("checklist", visible)
        if visible:
            self.checklist.refresh()
