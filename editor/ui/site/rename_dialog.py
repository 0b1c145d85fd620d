"""Rename or merge a category or tag across a site: the plan first, then one confirmation.

The dialog asks for the kind, the old and the new name, and shows what
:func:`editor.site.taxonomy.plan_rename` would change: each file with its line numbers and
lines before and after, then the files left alone (invalid front matter, or a value the
rename cannot be written into). The plan is worked out in the background (over a big
site it reads every file), and Rename, the confirmation, is enabled only once the plan of
the names shown is there; the caller applies ``dialog.plan``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.site.taxonomy import Kind, RenamePlan, plan_rename
from editor.ui.site.background import Background

translate = QCoreApplication.translate


def plan_text(plan: RenamePlan) -> str:
    """The plan as the dialog shows it: files, lines before (-) and after (+), files left."""
    lines: list[str] = []
    for change in plan.changes:
        lines.append(change.relative)
        for hunk in change.hunks:
            for number, text in enumerate(hunk.before, hunk.line):
                lines.append(f"  {number:>4} - {text}")
            for text in hunk.after:
                lines.append(f"       + {text}")
        lines.append("")
    left = plan.invalid + plan.skipped
    if left:
        lines.append(translate("RenameDialog", "Left untouched:"))
        lines.extend(f"  {path}: {reason}" for path, reason in left)
    return "\n".join(lines).rstrip()


class RenameDialog(QDialog):
    """Names in, a plan out: ``plan`` is set when the writer confirms with Rename."""

    #: The plan for the names shown is there (None: the names cannot be renamed).
    planned = Signal(object)

    def __init__(self, root: Path, values: Callable[[str], list[str]], background: Background,
                 parent: QWidget | None = None, *, kind: Kind = "category",
                 old: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RenameDialog", "Rename Category or Tag"))
        self.root = root
        self.plan: RenamePlan | None = None
        self._values = values  # "categories"/"tags" -> the site's names
        # The panel's worker: closing the dialog never waits for a plan being worked out.
        self._background = background
        self._job: int | None = None
        self.resize(720, 520)

        self.kind_box = QComboBox(self)
        self.kind_box.addItem(translate("RenameDialog", "Category"), "category")
        self.kind_box.addItem(translate("RenameDialog", "Tag"), "tag")
        self.old_box = QComboBox(self)
        self.old_box.setEditable(True)
        self.new_edit = QLineEdit(self)
        self.new_edit.setPlaceholderText(
            translate("RenameDialog", "An existing name merges the two"))
        form = QFormLayout()
        form.addRow(translate("RenameDialog", "Rename a:"), self.kind_box)
        form.addRow(translate("RenameDialog", "Old name:"), self.old_box)
        form.addRow(translate("RenameDialog", "New name:"), self.new_edit)

        self.preview_button = QPushButton(translate("RenameDialog", "Show Changes"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.plan_view = QPlainTextEdit(self)
        self.plan_view.setReadOnly(True)
        self.plan_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.plan_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.rename_button = self.buttons.addButton(
            translate("RenameDialog", "Rename"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.rename_button.setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        layout.addWidget(self.plan_view, 1)
        layout.addWidget(self.buttons)

        self.kind_box.currentIndexChanged.connect(self._fill_old_names)
        self.kind_box.currentIndexChanged.connect(self._forget_plan)
        self.old_box.currentTextChanged.connect(self._forget_plan)
        self.new_edit.textChanged.connect(self._forget_plan)
        self.new_edit.returnPressed.connect(self.show_changes)
        self.preview_button.clicked.connect(self.show_changes)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.set_names(kind, old, "")

    def kind(self) -> Kind:
        """``"category"`` or ``"tag"``."""
        return self.kind_box.currentData()

    def set_names(self, kind: Kind, old: str, new: str) -> None:
        """Fill in the fields (as the writer would)."""
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))
        self._fill_old_names()
        self.old_box.setCurrentText(old)
        self.new_edit.setText(new)

    def _fill_old_names(self) -> None:
        current = self.old_box.currentText()
        self.old_box.blockSignals(True)
        self.old_box.clear()
        self.old_box.addItems(self._values("categories" if self.kind() == "category"
                                           else "tags"))
        self.old_box.setCurrentText(current)
        self.old_box.blockSignals(False)

    def _forget_plan(self) -> None:
        self._background.forget(self._job)  # a plan still being worked out is for other names
        self.plan = None
        self.rename_button.setEnabled(False)
        self.summary.clear()
        self.plan_view.clear()

    def show_changes(self) -> None:
        """Work out the plan for the names given (in the background) and show it; Rename
        is enabled if it changes anything. ``planned`` follows."""
        old, new = self.old_box.currentText().strip(), self.new_edit.text().strip()
        self._forget_plan()
        if not old or not new:
            self._not_planned(translate("RenameDialog", "Give both the old and the new name."))
            return
        self.summary.setText(translate("RenameDialog", "Reading every post and draft…"))
        root, kind = self.root, self.kind()  # read here: the job runs off the GUI thread
        self._job = self._background.run(lambda: plan_rename(root, kind, old, new),
                             self._show_plan, self._not_planned)

    def _not_planned(self, message: str) -> None:
        self.summary.setText(message)
        self.planned.emit(None)

    def _show_plan(self, plan: RenamePlan) -> None:
        self.plan = plan
        self.plan_view.setPlainText(plan_text(plan))
        old, new = plan.old, plan.new
        merging = new in self._values("categories" if plan.kind == "category" else "tags")
        if not plan.changes:
            text = translate("RenameDialog", "No file has “{old}”: nothing to change.")
        elif merging:
            text = translate("RenameDialog",
                             "“{old}” will be merged into “{new}” in {count} file(s).")
        else:
            text = translate("RenameDialog",
                             "“{old}” will be renamed to “{new}” in {count} file(s).")
        left = len(plan.invalid) + len(plan.skipped)
        if left:
            text += " " + translate("RenameDialog", "{left} file(s) will be left untouched "
                                    "(listed below).").format(left=left)
        self.summary.setText(text.format(old=old, new=new, count=len(plan.changes)))
        self.rename_button.setEnabled(bool(plan.changes))
        if plan.changes:
            self.rename_button.setDefault(True)
        self.planned.emit(plan)

    def done(self, result: int) -> None:  # noqa: D102 - closing: no plan is wanted any more
        self._background.forget(self._job)
        super().done(result)

    def accept(self) -> None:  # a plan of the names shown, or nothing to confirm
        if self.plan is not None and self.plan.changes:
            super().accept()

