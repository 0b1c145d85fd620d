"""Watching the open file: changes, deletions and renames behind our back, and save protection.

A QFileSystemWatcher follows the file and its folder. Editors (ours included) save by
writing a new file and renaming it over the old one; that replaces the inode and the
file watch silently ends, so every check re-arms it, and the folder watch notices the
rename in the first place. Whether the file really changed is decided by comparing its
DiskStamp with the one the Post recorded when we last loaded or saved it, so our own
saves never look like someone else's.

- Changed on disk, no local edits: reloaded silently, cursor and scroll kept.
- Changed on disk, local edits: a bar above the editor offers Reload (dropping ours),
  Keep mine, and Compare (a diff view).
- Deleted or renamed: the bar says so and the text is kept as unsaved.
- Save asks Overwrite / Save As / Cancel if the file changed since we loaded or saved it
  (``before_save``; the question is the prompter's ``ask_overwrite_changed``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from editor.document.post import DiskStamp, Post, PostError
from editor.document.storage import remove_stale_temps
from editor.ui.source import diff_view

if TYPE_CHECKING:
    from editor.ui.shell.document import Document
    from editor.ui.shell.prompter import Prompter
    from editor.ui.source.editor import SourceEditor

translate = QCoreApplication.translate

# Saves arrive as several events (temp file, rename, folder); check once they settle.
CHECK_DELAY_MS = 150

OVERWRITE = "overwrite"
SAVE_AS = "save_as"
CANCEL = "cancel"
SAVE = "save"


class ChangedOnDiskBar(QFrame):
    """The bar above the editor that says the file changed, vanished or could not be read."""

    reloadClicked = Signal()
    keepClicked = Signal()
    compareClicked = Signal()
    saveAsClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changed_on_disk_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#changed_on_disk_bar { background: #fff4ce; color: #3b3000; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.label, 1)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.setToolTip(self.tr("Load the file from disk; your edits are dropped"))
        self.keep_button = QPushButton(self.tr("Keep Mine"), self)
        self.keep_button.setToolTip(self.tr("Keep your text; saving will replace the file"))
        self.compare_button = QPushButton(self.tr("Compare…"), self)
        self.save_as_button = QPushButton(self.tr("Save As…"), self)
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        for button in (self.reload_button, self.keep_button, self.compare_button,
                       self.save_as_button, self.close_button):
            row.addWidget(button)
        self.reload_button.clicked.connect(self.reloadClicked)
        self.keep_button.clicked.connect(self.keepClicked)
        self.compare_button.clicked.connect(self.compareClicked)
        self.save_as_button.clicked.connect(self.saveAsClicked)
        self.close_button.clicked.connect(self.hide)
        self.state = ""  # "changed" | "missing" | "unreadable" while shown
        self.hide()

    def show_changed(self, name: str) -> None:
        """The file changed on disk while we have edits of our own."""
        self.state = "changed"
        self.label.setText(self.tr("“{name}” was changed on disk by another program. "
                                   "You have unsaved edits here.").format(name=name))
        self._show_buttons(self.reload_button, self.keep_button, self.compare_button)

    def show_missing(self, name: str) -> None:
        """The file was deleted or renamed; our text stays, unsaved."""
        self.state = "missing"
        self.label.setText(self.tr("“{name}” was deleted or renamed on disk. The text here is "
                                   "kept as unsaved; save it to write the file again.")
                           .format(name=name))
        self._show_buttons(self.save_as_button, self.close_button)

    def show_unreadable(self, name: str, problem: str) -> None:
        """The changed file could not be read back."""
        self.state = "unreadable"
        self.label.setText(self.tr("“{name}” changed on disk but could not be read: {problem}")
                           .format(name=name, problem=problem))
        self._show_buttons(self.keep_button)

    def _show_buttons(self, *shown: QPushButton) -> None:
        for button in (self.reload_button, self.keep_button, self.compare_button,
                       self.save_as_button, self.close_button):
            button.setVisible(button in shown)
        self.show()

    def dismiss(self) -> None:
        """Hide the bar."""
        self.state = ""
        self.hide()


def ask_overwrite(parent: QWidget | None, name: str) -> str:
    """Ask what to do when saving over a file that changed on disk: OVERWRITE, SAVE_AS, CANCEL."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("FileWatch", "File Changed on Disk"))
    box.setText(translate("FileWatch", "“{name}” was changed on disk since you opened or "
                                       "saved it.").format(name=name))
    box.setInformativeText(translate("FileWatch", "Overwrite it with your text, save your "
                                                  "text elsewhere, or cancel?"))
    overwrite = box.addButton(translate("FileWatch", "Overwrite"),
                              QMessageBox.ButtonRole.DestructiveRole)
    save_as = box.addButton(translate("FileWatch", "Save As…"),
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)
    box.exec()
    clicked = box.clickedButton()
    if clicked is overwrite:
        return OVERWRITE
    if clicked is save_as:
        return SAVE_AS
    return CANCEL


class FileWatch(QObject):
    """Watches a document's file and reacts to changes made by others.

    The changed-on-disk bar goes at the top of ``bar_layout`` (the source pane's);
    its Save As button emits ``saveAsRequested``.
    """

    saveAsRequested = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, document: Document, editor: SourceEditor, bar_layout: QBoxLayout,
                 prompter: Prompter, status: Callable[[str, int], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.editor = editor
        self.prompter = prompter
        self.status = status

        self.bar = ChangedOnDiskBar()
        bar_layout.insertWidget(0, self.bar)
        self.bar.reloadClicked.connect(self.reload)
        self.bar.keepClicked.connect(self.keep_mine)
        self.bar.compareClicked.connect(self.compare)
        self.bar.saveAsClicked.connect(self.saveAsRequested)

        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(self._schedule)
        self.watcher.directoryChanged.connect(self._schedule)
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)
        # The disk version the writer already answered for with Keep Mine or Dismiss.
        self._answered: DiskStamp | None = None

        self.document.pathChanged.connect(lambda _path: self._on_new_file())
        self.document.reloaded.connect(self._on_new_file)
        self._on_new_file()

    # Watching -------------------------------------------------------------------------

    def _on_new_file(self) -> None:
        self.bar.dismiss()
        self._answered = None
        self.rewatch()
        self.clean_stale_temps()

    def rewatch(self) -> None:
        """Watch exactly the document's file and folder (re-armed after renames)."""
        path = self.document.path
        wanted: set[str] = set()
        if path is not None:
            wanted.add(str(path.parent))
            if path.exists():
                wanted.add(str(path))
        current = set(self.watcher.files()) | set(self.watcher.directories())
        stale = current - wanted
        if stale:
            self.watcher.removePaths(sorted(stale))
        missing = wanted - current
        if missing:
            self.watcher.addPaths(sorted(missing))

    def _schedule(self, *_args: object) -> None:
        self._check_timer.start()

    def check_now(self) -> None:
        """Compare the file on disk with what we loaded or saved, and react."""
        self._check_timer.stop()
        self.rewatch()
        post = self.document.post
        path = post.path
        if path is None:
            self.bar.dismiss()
            return
        stamp = DiskStamp.of(path)
        known = post.disk_stamp
        if stamp == known:
            if self.bar.state in ("missing", "unreadable"):
                self.bar.dismiss()
            return
        if stamp is None:
            self._on_missing(path)
            return
        if stamp == self._answered:
            return
        if not self.document.is_modified():
            self._reload_keeping_view()
        else:
            self.bar.show_changed(path.name)

    def _on_missing(self, path: Path) -> None:
        # Nothing on disk now: a later save writes the file again without asking.
        self.document.post.disk_stamp = None
        self.document.mark_unsaved()
        self.bar.show_missing(path.name)

    # Answers from the bar -------------------------------------------------------------

    def reload(self) -> bool:
        """Load the file from disk, dropping local edits; cursor and scroll are kept."""
        return self._reload_keeping_view()

    def keep_mine(self) -> None:
        """Keep the local text; the disk version counts as seen, so Save will not ask again."""
        path = self.document.path
        if path is not None:
            self._answered = DiskStamp.of(path)
            self.document.post.disk_stamp = self._answered
        self.bar.dismiss()

    def compare(self) -> None:
        """Show how the file on disk differs from the text being edited."""
        path = self.document.path
        if path is None:
            return
        try:
            disk = Post.load(path).text()
        except PostError as exc:
            self.prompter.error(self.tr("Could Not Read File"), exc.message)
            return
        diff = diff_view.unified_diff(disk, self.document.post.text(),
                                      self.tr("on disk"), self.tr("your text"))
        self.prompter.show_diff(self.tr("Changes: {name}").format(name=path.name), diff)

    def _reload_keeping_view(self) -> bool:
        path = self.document.path
        if path is None:
            return False
        editor = self.editor
        cursor = editor.textCursor()
        position, anchor = cursor.position(), cursor.anchor()
        vertical = editor.verticalScrollBar().value()
        horizontal = editor.horizontalScrollBar().value()
        try:
            post = Post.load(path)
        except PostError as exc:
            self.bar.show_unreadable(path.name, exc.message)
            return False
        self.document.replace(post)
        end = editor.document().characterCount() - 1
        restored = editor.textCursor()
        restored.setPosition(min(anchor, end))
        restored.setPosition(min(position, end), restored.MoveMode.KeepAnchor)
        editor.setTextCursor(restored)
        editor.verticalScrollBar().setValue(vertical)
        editor.horizontalScrollBar().setValue(horizontal)
        self.status(
            self.tr("Reloaded “{name}”: it was changed on disk.").format(name=path.name), 6000)
        return True

    # Save protection ------------------------------------------------------------------

    def before_save(self) -> str:
        """SAVE if the file on disk is the one we know, else the writer's answer.

        Returns SAVE, SAVE_AS or CANCEL; Overwrite is answered as SAVE.
        """
        post = self.document.post
        if post.path is None:
            return SAVE
        stamp = DiskStamp.of(post.path)
        if stamp is None or stamp == post.disk_stamp:
            return SAVE  # unchanged, or gone: nothing of anyone's is overwritten
        answer = self.prompter.ask_overwrite_changed(post.path.name)
        if answer == OVERWRITE:
            return SAVE
        return answer if answer in (SAVE_AS, CANCEL) else CANCEL

    def clean_stale_temps(self) -> list[Path]:
        """Remove temp files an interrupted save of this file left behind (see storage)."""
        path = self.document.path
        return remove_stale_temps(path) if path is not None else []
