"""The questions the site panel asks: a site folder, and whether to publish a draft.

Plain functions returning plain values, so the window's prompter can ask them and a test
can answer them without a modal loop. :class:`SitePrompter` asks them (and the rename
dialog, and errors) for a window that has no prompter of its own.
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


def confirm_publish_draft(parent: QWidget | None, title: str) -> bool:
    """Move the draft ``title`` into _posts with today's date?"""
    answer = QMessageBox.question(
        parent, translate("SitePrompter", "Publish Draft"),
        translate("SitePrompter", "Publish “{title}”? The draft moves into _posts "
                  "with today's date.").format(title=title),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


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

    def confirm_publish_draft(self, title: str) -> bool:
        """Move the draft ``title`` into _posts with today's date?"""
        return confirm_publish_draft(self.parent, title)
