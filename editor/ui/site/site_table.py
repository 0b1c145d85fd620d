"""The site at hand: a panel listing a Jekyll site's posts and drafts.

A table (title, date, categories, tags, state, words, checklist) filled in the background
by :class:`~editor.ui.site.site_loader.SiteLoader` and kept current as files change;
filters by text, category, tag and state; sorting by any column. Enter or a double
click asks the window to open the post (``openRequested``); Publish moves a draft into
``_posts``; Rename renames or merges a category or tag across the site after showing
the plan, and the message bar offers Undo (the bytes the files had) afterwards. Planning,
renaming and undoing run in the background (over a thousand posts they take seconds).

Every question goes through the ``prompter`` (see editor/ui/site/site_prompts.py), so
tests answer them without a modal loop.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.site import jekyll
from editor.site.index import PostRow
from editor.site.taxonomy import ApplyResult, RenamePlan, apply_plan, undo_plan
from editor.ui.site.background import Background
from editor.ui.site.rename_dialog import RenameDialog
from editor.ui.site.site_loader import SiteLoader
from editor.ui.site.site_model import COLUMN, ROW_ROLE, SiteFilterModel, SiteTableModel

COLUMN_WIDTHS = {"date": 130, "categories": 150, "tags": 190, "state": 90, "words": 70,
                 "checks": 150}


class SitePanel(QWidget):
    """The posts and drafts of one site, with filters, Publish and Rename."""

    openRequested = Signal(object)  # noqa: N815 - Qt naming; the Path to open
    undoAvailable = Signal(bool)  # noqa: N815
    listed = Signal()  # a listing is shown (tests, the status)
    checksFinished = Signal()  # noqa: N815
    renamed = Signal(object)  # ApplyResult of a rename, once written
    published = Signal(object, object)  # the draft's old path, its new path
    undone = Signal(object)  # ApplyResult of an undo

    def __init__(self, prompter: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("site_panel")
        self.prompter = prompter
        self.loader: SiteLoader | None = None
        self._undo: RenamePlan | None = None
        self._checking = False
        self._writing = False  # a rename or its undo is being written
        self.background = Background(self)
        #: Called with a draft's path before it is published; False stops (the window
        #: saves the draft first when it is open with unsaved changes).
        self.before_publish: Callable[[Path], bool] = lambda _path: True

        self.model = SiteTableModel(self)
        self.proxy = SiteFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter by title, path, category or tag"))
        self.category_box = QComboBox(self)
        self.tag_box = QComboBox(self)
        for box in (self.category_box, self.tag_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setMinimumContentsLength(10)
        self.state_box = QComboBox(self)
        for text, state in ((self.tr("Any state"), ""), (self.tr("Drafts"), "draft"),
                            (self.tr("Published"), "published"),
                            (self.tr("Unpublished"), "unpublished"),
                            (self.tr("Invalid"), "invalid")):
            self.state_box.addItem(text, state)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.publish_button = QPushButton(self.tr("Publish…"), self)
        self.rename_button = QPushButton(self.tr("Rename Category or Tag…"), self)
        self._fill_value_boxes()

        bar = QHBoxLayout()
        bar.addWidget(self.filter_edit, 2)
        for widget in (self.category_box, self.tag_box, self.state_box, self.open_button,
                       self.publish_button, self.rename_button):
            bar.addWidget(widget)

        self.message_bar = QFrame(self)
        self.message_bar.setObjectName("site_message_bar")
        self.message_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.message_label = QLabel(self.message_bar)
        self.message_label.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"), self.message_bar)
        close = QToolButton(self.message_bar)
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide this message"))
        message_row = QHBoxLayout(self.message_bar)
        message_row.setContentsMargins(8, 2, 2, 2)
        message_row.addWidget(self.message_label, 1)
        message_row.addWidget(self.undo_button)
        message_row.addWidget(close)
        self.message_bar.hide()

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMN["date"], Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COLUMN["title"], QHeaderView.ResizeMode.Stretch)
        for key, width in COLUMN_WIDTHS.items():
            header.resizeSection(COLUMN[key], width)
        self.status_label = QLabel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)

        self.filter_edit.textChanged.connect(lambda text: self.proxy.set_filter(text=text))
        self.category_box.currentIndexChanged.connect(
            lambda: self.proxy.set_filter(category=self.category_box.currentData() or ""))
        self.tag_box.currentIndexChanged.connect(
            lambda: self.proxy.set_filter(tag=self.tag_box.currentData() or ""))
        self.state_box.currentIndexChanged.connect(
            lambda: self.proxy.set_filter(state=self.state_box.currentData() or ""))
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved,
                       self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(self._update_status)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.open_button.clicked.connect(self.open_current)
        self.publish_button.clicked.connect(self.publish_current)
        self.rename_button.clicked.connect(lambda: self.rename())
        self.undo_button.clicked.connect(self.undo_rename)
        close.clicked.connect(self.message_bar.hide)
        # Ctrl+Z in the table undoes the last rename (the editor keeps its own Ctrl+Z).
        undo_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self.table)
        undo_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        undo_key.activated.connect(self.undo_rename)
        self._update_buttons()

    # The site --------------------------------------------------------------------------

    @property
    def root(self) -> Path | None:
        """The site folder shown, if any."""
        return self.loader.root if self.loader else None

    def open_site(self, root: str | Path) -> None:
        """Show the site in ``root`` (listed in the background)."""
        if self.loader is not None:
            self.loader.stop()
            self.loader.deleteLater()
        self.loader = SiteLoader(root, self)
        self.loader.listed.connect(self._on_listed)
        self.loader.checked.connect(self.model.set_checks)
        self.loader.checksFinished.connect(self._on_checks_finished)
        self.loader.failed.connect(self._on_failed)
        self.model.set_rows([])
        self._set_undo(None)
        self.message_bar.hide()
        self.status_label.setText(self.tr("Listing the posts…"))
        self.loader.refresh()

    def refresh(self) -> None:
        """List again now (also done by itself when files change)."""
        if self.loader is not None:
            self.loader.refresh()

    def close_site(self) -> None:
        """Stop following the site (the panel is closing)."""
        if self.loader is not None:
            self.loader.stop()
            self.loader.wait(5000)
        self.background.wait(30_000)  # a rename being written is finished, never cut

    def _on_listed(self, rows: list[PostRow]) -> None:
        self.model.set_rows(rows)
        self._checking = True
        self._fill_value_boxes()
        self._update_status()
        self._update_buttons()
        self.listed.emit()

    def _on_checks_finished(self) -> None:
        self._checking = False
        self._update_status()
        self.checksFinished.emit()

    def _on_failed(self, message: str) -> None:
        self.status_label.setText(self.tr("Could not list the site: {problem}")
                                  .format(problem=message))

    def _fill_value_boxes(self) -> None:
        for box, key, everything in (
                (self.category_box, "categories", self.tr("All categories")),
                (self.tag_box, "tags", self.tr("All tags"))):
            current = box.currentData() or ""
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, "")
            for value in self.model.values(key):
                box.addItem(value, value)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)
            if (box.currentData() or "") != current:  # the value is gone from the site
                box.currentIndexChanged.emit(box.currentIndex())

    def _update_status(self, *_args: object) -> None:
        rows = self.model.rows()
        drafts = sum(1 for row in rows if row.draft)
        invalid = sum(1 for row in rows if row.invalid)
        text = self.tr("{shown} of {count} posts shown · {drafts} draft(s)").format(
            shown=self.proxy.rowCount(), count=len(rows), drafts=drafts)
        if invalid:
            text += " · " + self.tr("{count} with invalid front matter").format(count=invalid)
        if self._checking:
            text += " · " + self.tr("checking…")
        self.status_label.setText(text)

    # The current post -----------------------------------------------------------------

    def current_row(self) -> PostRow | None:
        """The selected post or draft."""
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_path(self, path: str) -> bool:
        """Make the row of ``path`` (relative to the site) current; False if not shown."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ROW_ROLE).path == path:
                self.table.setCurrentIndex(index)
                return True
        return False

    def _update_buttons(self, *_args: object) -> None:
        row = self.current_row()
        self.open_button.setEnabled(row is not None)
        self.publish_button.setEnabled(row is not None and row.draft)
        self.rename_button.setEnabled(self.loader is not None and not self._writing)

    def _open_index(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if row is not None and self.root is not None:
            self.openRequested.emit(self.root / row.path)

    def open_current(self) -> None:
        """Ask the window to open the selected post."""
        self._open_index(self.table.currentIndex())

    def publish_current(self) -> Path | None:
        """Move the selected draft into ``_posts`` with today's date, after asking."""
        row = self.current_row()
        if row is None or not row.draft or self.root is None:
            return None
        source = self.root / row.path
        question = self.tr("Publish “{title}”? The draft moves into _posts with today's "
                           "date.").format(title=row.title)
        if not self.prompter.confirm(self.tr("Publish Draft"), question) \
                or not self.before_publish(source):
            return None
        try:
            target = jekyll.publish_draft(source)
        except (ValueError, OSError) as exc:
            self.prompter.error(self.tr("Could Not Publish"), str(exc))
            return None
        self.published.emit(source, target)
        self.show_message(self.tr("Published “{title}” as {path}.").format(
            title=row.title, path=target.relative_to(self.root).as_posix()))
        self.refresh()
        return target

    # Renames --------------------------------------------------------------------------

    def rename(self, kind: str = "category", old: str = "") -> bool:
        """Rename or merge a category or tag: the plan, one confirmation, then the files
        are written in the background (``renamed`` follows). False if not confirmed."""
        if self.root is None or self._writing:
            return False
        row = self.current_row()
        if not old and row is not None and row.categories:
            old = row.categories[0]
        dialog = RenameDialog(self.root, self.model.values, self.background, self,
                              kind=kind, old=old)
        try:
            if not self.prompter.run_dialog(dialog) or dialog.plan is None:
                return False
            plan = dialog.plan
        finally:
            dialog.deleteLater()
        self._write(lambda: apply_plan(plan), lambda result: self._renamed(plan, result),
                    self.tr("Renaming “{old}” in {count} file(s)…").format(
                        old=plan.old, count=len(plan.changes)))
        return True

    def _renamed(self, plan: RenamePlan, result: ApplyResult) -> None:
        if result.written:
            self._set_undo(plan)
        self._report(result, self.tr("“{old}” renamed to “{new}” in {count} file(s).").format(
            old=plan.old, new=plan.new, count=len(result.written)), undo=bool(result.written))
        self.renamed.emit(result)

    def can_undo(self) -> bool:
        """Whether the last rename can be undone."""
        return self._undo is not None and not self._writing

    def undo_rename(self) -> bool:
        """Put back the files of the last rename (those not changed since); ``undone``
        follows. False if there is nothing to undo."""
        plan = self._undo
        if plan is None or self._writing:
            return False
        self._set_undo(None)
        self._write(lambda: undo_plan(plan), lambda result: self._undone(plan, result),
                    self.tr("Undoing the rename of “{old}”…").format(old=plan.old))
        return True

    def _undone(self, plan: RenamePlan, result: ApplyResult) -> None:
        self._report(result, self.tr("Rename undone: “{old}” is back in {count} file(s).")
                     .format(old=plan.old, count=len(result.written)), undo=False)
        self.undone.emit(result)

    def _write(self, work: Any, done: Any, doing: str) -> None:
        self._writing = True
        self._update_buttons()
        self.show_message(doing)

        def finished(result: ApplyResult) -> None:
            self._writing = False
            self._update_buttons()
            done(result)
            self.refresh()

        def failed(message: str) -> None:
            self._writing = False
            self._update_buttons()
            self.message_bar.hide()
            self.prompter.error(self.tr("Some Files Were Left Unchanged"), message)

        self.background.run(work, finished, failed)

    def _set_undo(self, plan: RenamePlan | None) -> None:
        self._undo = plan
        self.undo_button.setVisible(plan is not None)
        self.undoAvailable.emit(plan is not None)

    def _report(self, result: ApplyResult, done: str, *, undo: bool) -> None:
        self.show_message(done, undo=undo)
        if result.failed:
            self.prompter.error(
                self.tr("Some Files Were Left Unchanged"),
                "\n".join(f"{path}: {reason}" for path, reason in result.failed))

    def show_message(self, text: str, *, undo: bool = False) -> None:
        """A line above the table, with Undo when ``undo``."""
        self.message_label.setText(text)
        self.undo_button.setVisible(undo and self._undo is not None)
        self.message_bar.show()
