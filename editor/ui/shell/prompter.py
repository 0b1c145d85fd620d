"""Every modal question a window asks, in one object handed to the parts that ask.

Components never open message boxes or file dialogs themselves: they get a ``Prompter``
(the window's) and call it. The answers are plain values (a path, a choice, a bool, the
dialog's result), so a scripted prompter (tests/ui/prompter.py) answers them in tests
without a modal loop, and records what was asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QFontDialog, QInputDialog, QMessageBox, QWidget

from editor.ui.authoring import block_dialogs, preset_dialog
from editor.ui.export.dialog import ask_publish_anyway
from editor.ui.lifecycle import file_watch, recovery_dialog
from editor.ui.shell import dialogs
from editor.ui.site import site_prompts
from editor.ui.source import diff_view

if TYPE_CHECKING:
    from editor.authoring.highlights import Preset
    from editor.authoring.tables import Row
    from editor.document.journal import JournalEntry
    from editor.site.checks import Problem
    from editor.ui.authoring.block_dialogs import ImageChoice, Signature


class Prompter:
    """Asks with the application's dialogs, parented to one window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def for_window(self, window: QWidget) -> Prompter:
        """The prompter of another window opened from this one (its dialogs sit on it)."""
        return Prompter(window)

    # Messages ---------------------------------------------------------------------------

    def error(self, title: str, text: str) -> None:
        """Tell the writer something went wrong (a warning box)."""
        dialogs.show_error(self.parent, title, text)

    def info(self, title: str, text: str) -> None:
        """Tell the writer something worth knowing."""
        dialogs.show_info(self.parent, title, text)

    def show_diff(self, title: str, diff: str) -> None:
        """Show a unified diff (the file on disk against the text being edited)."""
        diff_view.show_diff(self.parent, title, diff)

    # Documents --------------------------------------------------------------------------

    def ask_save_discard(self, name: str) -> str:
        """Unsaved changes in ``name``: dialogs.SAVE, DISCARD or CANCEL."""
        return dialogs.ask_save_changes(self.parent, name)

    def ask_save_all(self, names: list[str]) -> str:
        """Unsaved changes in several posts (closing the window): dialogs.SAVE (all),
        DISCARD (all) or CANCEL."""
        return dialogs.ask_save_all_changes(self.parent, names)

    def confirm_revert(self, name: str) -> bool:
        """Drop the unsaved changes of ``name`` and reload it?"""
        return dialogs.ask_revert(self.parent, name)

    def ask_overwrite_changed(self, name: str) -> str:
        """``name`` changed on disk since we read it: file_watch.OVERWRITE, SAVE_AS or CANCEL."""
        return file_watch.ask_overwrite(self.parent, name)

    def ask_file_open(self, folder: str) -> Path | None:
        """A post file to open, starting in ``folder``; None when cancelled."""
        return dialogs.ask_open_path(self.parent, folder)

    def ask_file_save(self, suggested: Path) -> Path | None:
        """Where to save, suggesting ``suggested``; None when cancelled."""
        return dialogs.ask_save_path(self.parent, suggested)

    def ask_site_folder(self, start: str) -> Path | None:
        """A Jekyll site's folder (File > Open Site…), starting in ``start``; None when
        cancelled."""
        return site_prompts.ask_site_folder(self.parent, start)

    def choose_template(self, templates: list[Path]) -> Path | None:
        """The template a new post starts from; None when cancelled."""
        return dialogs.choose_template(self.parent, templates)

    def choose_recovery(self, entries: list[JournalEntry]) -> dict[str, str]:
        """What to do with texts left by editors that are gone: entry id -> decision."""
        return recovery_dialog.ask_recovery(self.parent, entries)

    def confirm(self, title: str, question: str) -> bool:
        """A yes/cancel question (e.g. replace an existing file); True for yes."""
        answer = QMessageBox.question(
            self.parent, title, question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    # Values -----------------------------------------------------------------------------

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        """One line of text; None when cancelled."""
        answer, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return answer if ok else None

    def ask_preferences(self, current: dialogs.Preferences,
                        themes: list[str]) -> dialogs.Preferences | None:
        """The preferences dialog; the new values or None."""
        return dialogs.ask_preferences(self.parent, current, themes)

    def confirm_publish_anyway(self, problems: list[Problem]) -> bool:
        """Publish although the checklist found ``problems`` (errors)?"""
        return ask_publish_anyway(self.parent, problems)

    def ask_font(self, current: QFont) -> QFont | None:
        """A font from the font dialog, starting at ``current``; None when cancelled."""
        ok, font = QFontDialog.getFont(current, self.parent)
        return font if ok else None

    def run_dialog(self, dialog: QDialog) -> bool:
        """Run a prepared dialog (export, batch export); True when accepted."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    # Authoring --------------------------------------------------------------------------

    def ask_link(self, text: str, url: str) -> tuple[str, str] | None:
        """Link text and address; None when cancelled."""
        return block_dialogs.ask_link(self.parent, text, url)

    def ask_image(self, site_root: Path | None) -> ImageChoice | None:
        """A picture (file or address), its alt text and whether it leads the post."""
        return block_dialogs.ask_image(self.parent, site_root)

    def ask_table(self, headers: tuple[str, str], rows: list[Row],
                  editing: bool) -> tuple[tuple[str, str], list[Row]] | None:
        """The summary table's headers and rows; None when cancelled."""
        return block_dialogs.ask_table(self.parent, headers, rows, editing)

    def ask_signature(self, current: Signature) -> Signature | None:
        """The signature line's text and link; None when cancelled."""
        return block_dialogs.ask_signature(self.parent, current)

    def ask_presets(self, presets: list[Preset]) -> list[Preset] | None:
        """The preset dialog; the saved list or None when cancelled."""
        return preset_dialog.ask_presets(self.parent, presets)

    def ask_alt_text(self, title: str) -> str | None:
        """What a picture shows (its alt text); None when cancelled."""
        return self.ask_text(title, QCoreApplication.translate(
            "Prompter", "What the picture shows (alt text):"))
