"""The question only the site asks: which folder (the window's Prompter asks it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

translate = QCoreApplication.translate


def ask_site_folder(parent: QWidget | None, start: str) -> Path | None:
    """A Jekyll site's folder, starting in ``start``; None when cancelled."""
    name = QFileDialog.getExistingDirectory(
        parent, translate("SitePrompter", "Open Site"), start)
    return Path(name) if name else None
