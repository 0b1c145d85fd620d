"""Offering back unsaved texts a crash or a kill left in the recovery journal, at start.

The dialog lists each orphaned entry (file, time, how it differs from the file on disk)
and lets the writer choose Restore, Discard or Later for each. Restoring opens the text
as an unsaved document bound to its original file: the file itself is only written when
the writer saves. Later keeps the entry for the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.document.journal import Journal, JournalEntry
from editor.document.post import DiskStamp, Post, PostError
from editor.ui.source.diff_view import DiffView

if TYPE_CHECKING:
    from editor.ui.shell.main_window import MainWindow

translate = QCoreApplication.translate

RESTORE = "restore"
DISCARD = "discard"
LATER = "later"

def changed_since(entry: JournalEntry) -> bool:
    """True if the entry's file on disk changed after editing began (someone else saved it)."""
    if not entry.path or entry.base is None:
        return False
    return DiskStamp.of(Path(entry.path)) != entry.base


class RecoveryDialog(QDialog):
    """Lists orphaned journal entries; each gets Restore, Discard or Later."""

    def __init__(self, entries: list[JournalEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover Unsaved Text"))
        self.resize(900, 560)
        self.entries = entries
        self.decisions: dict[str, str] = {e.id: RESTORE for e in entries}

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The editor was closed without saving these texts (a crash or "
                               "a forced quit). Choose what to do with each one."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.listing = QListWidget(splitter)
        details = QWidget(splitter)
        column = QVBoxLayout(details)
        column.setContentsMargins(0, 0, 0, 0)
        self.details_label = QLabel(details)
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.details_label)
        self.preview = DiffView("", details)
        column.addWidget(self.preview, 1)
        row = QHBoxLayout()
        self.restore_button = QPushButton(self.tr("Restore"), details)
        self.restore_button.setToolTip(self.tr("Open the text as an unsaved document"))
        self.discard_button = QPushButton(self.tr("Discard"), details)
        self.discard_button.setToolTip(self.tr("Delete the kept text"))
        self.later_button = QPushButton(self.tr("Later"), details)
        self.later_button.setToolTip(self.tr("Keep the text and ask again at the next start"))
        for button, decision in ((self.restore_button, RESTORE),
                                 (self.discard_button, DISCARD),
                                 (self.later_button, LATER)):
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, d=decision: self.decide(d))
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

        for entry in entries:
            item = QListWidgetItem(self.listing)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(entry.path or self.tr("Untitled"))
        self._refresh_items()
        self.listing.currentRowChanged.connect(self._show_entry)
        if entries:
            self.listing.setCurrentRow(0)

    def decide(self, decision: str, row: int | None = None) -> None:
        """Set Restore / Discard / Later for the entry at ``row`` (default: the selected one)."""
        row = self.listing.currentRow() if row is None else row
        if not 0 <= row < len(self.entries):
            return
        self.decisions[self.entries[row].id] = decision
        self._refresh_items()
        self._show_buttons(decision)

    def _label(self, decision: str) -> str:
        return {RESTORE: self.tr("Restore"), DISCARD: self.tr("Discard"),
                LATER: self.tr("Later")}[decision]

    def _refresh_items(self) -> None:
        for row, entry in enumerate(self.entries):
            name = entry.display_name if entry.path else self.tr("Untitled")
            when = entry.time.strftime("%Y-%m-%d %H:%M:%S")
            self.listing.item(row).setText(
                f"{name}\n{when} — {self._label(self.decisions[entry.id])}")

    def _show_buttons(self, decision: str) -> None:
        for button, value in ((self.restore_button, RESTORE), (self.discard_button, DISCARD),
                              (self.later_button, LATER)):
            button.setChecked(value == decision)

    def _show_entry(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        entry = self.entries[row]
        lines = [
            entry.path or self.tr("Untitled (never saved)"),
            self.tr("Kept at {time}, {size} bytes").format(
                time=entry.time.strftime("%Y-%m-%d %H:%M:%S"), size=entry.size),
        ]
        if entry.path and not Path(entry.path).exists():
            lines.append(self.tr("The file no longer exists on disk."))
        elif changed_since(entry):
            lines.append(self.tr("The file on disk was changed after this text was written; "
                                 "compare before saving."))
        self.details_label.setText("\n".join(lines))
        self.preview.setPlainText(entry.difference_from_disk(max_lines=200)
                                  or self.tr("The text is the same as the file on disk."))
        self._show_buttons(self.decisions[entry.id])


def ask_recovery(parent: QWidget | None, entries: list[JournalEntry]) -> dict[str, str]:
    """Show the dialog; entry id -> RESTORE / DISCARD / LATER (closing it: all LATER)."""
    dialog = RecoveryDialog(entries, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return {e.id: LATER for e in entries}
    return dict(dialog.decisions)


def restore_entry(window: MainWindow, entry: JournalEntry) -> None:
    """Open ``entry``'s text in ``window`` as an unsaved document bound to its original file.

    The document starts from the file on disk (keeping its encoding and line endings) and
    the kept text is applied as one edit, so the title shows it unsaved and Undo shows
    what is on disk. The entry lives on as this document's journal entry.
    """
    path = Path(entry.path) if entry.path else None
    recovered = Post.from_text(entry.text, path=path)
    base: Post | None = None
    if path is not None:
        try:
            base = Post.load(path)
        except PostError:
            base = None
    if base is None:
        base = Post.from_text("", path=path)
        base.format = recovered.format
    window.document.replace(base)
    window.document.set_front_matter_text(recovered.front_matter_text)
    # Through the editor, as an edit: it reaches the document the way typing does.
    window.editor.replace_text(recovered.body)
    if window.document.is_modified():
        window.autosave.use_entry(entry.id)
        window.autosave.write_now()
    else:
        window.autosave.journal.remove(entry.id)  # identical to the file: nothing to keep


def offer_recovery(window: MainWindow, journal: Journal | None = None,
                   choose: Callable[[list[JournalEntry]], dict[str, str]] | None = None
                   ) -> dict[str, str]:
    """If the journal holds texts of editors that are gone, ask what to do and do it.

    Each restored text opens in a tab of ``window``: the tab of its post when that is
    open and untouched, the shown one when it is an untouched untitled post, else a new
    one. Returns the decisions (empty when there was nothing to offer).
    """
    journal = journal or window.autosave.journal
    entries = journal.orphans()
    if not entries:
        return {}
    choose = choose or window.prompter.choose_recovery
    decisions = choose(entries)
    tabs, document = window.tabs, window.document
    for entry in entries:
        decision = decisions.get(entry.id, LATER)
        if decision == DISCARD:
            journal.remove(entry.id)
        elif decision == RESTORE:
            found = tabs.find(entry.path) if entry.path else None
            if found is not None:
                tabs.show_tab(found)
            if document.is_modified() or (found is None and document.path is not None):
                tabs.add_tab()
            restore_entry(window, entry)
    return decisions
