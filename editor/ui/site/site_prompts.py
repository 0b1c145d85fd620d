"""The questions the site panel asks, as plain calls a test can answer.

The names follow the window's prompter (``error``, ``run_dialog``); the site adds
``ask_site_folder`` and ``confirm_publish_draft``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

translate = QCoreApplication.translate


class SitePrompter:
    """Asks with the application's dialogs, parented to ``parent``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, text: str) -> None:
        """Tell the writer something went wrong."""
        QMessageBox.warning(self.parent, title, text)

    def run_dialog(self, dialog: QDialog) -> bool:
        """Run a prepared dialog (the rename plan); True when accepted."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def ask_site_folder(self, start: str) -> Path | None:
        """A Jekyll site's folder, starting in ``start``; None when cancelled."""
        name = QFileDialog.getExistingDirectory(
            self.parent, translate("SitePrompter", "Open Site"), start)
        return Path(name) if name else None

    def confirm_publish_draft(self, title: str) -> bool:
        """Move the draft ``title`` into _posts with today's date?"""
        answer = QMessageBox.question(
            self.parent, translate("SitePrompter", "Publish Draft"),
            translate("SitePrompter", "Publish “{title}”? The draft moves into _posts "
                      "with today's date.").format(title=title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes
