"""The question only the site asks: which folder. :class:`SitePrompter` asks it, and the
site panel's others (a yes/cancel confirmation, the rename dialog, errors), with the
same names as the window's prompter, so a test answers them without a modal loop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

translate = QCoreApplication.translate


def ask_site_folder(parent: QWidget | None, start: str) -> Path | None:
    """A Jekyll site's folder, starting in ``start``; None when cancelled."""
    name = QFileDialog.getExistingDirectory(
        parent, translate("SitePrompter", "Open Site"), start)
    return Path(name) if name else None


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
        return ask_site_folder(self.parent, start)

    def confirm(self, title: str, question: str) -> bool:
        """A yes/cancel question; True for yes."""
        answer = QMessageBox.question(
            self.parent, title, question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes
