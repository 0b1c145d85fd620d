"""File > Export Folder…: export every post under a folder, with a cancellable progress dialog.

The work is :func:`editor.export.batch.export_folder`; this dialog gathers the folder, target,
output and options, then drives a QProgressDialog from the batch's ``on_progress`` and
``should_cancel`` callbacks. The batch runs on the GUI thread (PDF printing needs it) and
lets the event loop run between files, so the dialog repaints and Cancel is heard; the
batch stops before the next file. A summary at the end lists every file that failed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.export import batch
from editor.export.batch import BatchResult, Progress
from editor.export.exporter import TARGETS, ExportError
from editor.ui.export.options import ExportOptionsBox, TargetChoice, add_targets
from editor.ui.shell.settings import Settings

# Failures listed in the summary's main text; the rest are in its details.
SUMMARY_LINES = 10

if TYPE_CHECKING:
    from editor.ui.shell.prompter import Prompter


class BatchExportDialog(TargetChoice, QDialog):
    """Choose a folder, a target and an output folder; Export runs the batch."""

    #: One file was handled (the batch's Progress); also while the progress dialog shows.
    fileDone = Signal(object)

    def __init__(self, settings: Settings, prompter: Prompter, parent: QWidget | None = None,
                 *, start_folder: Path | None = None, default_theme: str = "default") -> None:
        super().__init__(parent)
        self.prompter = prompter
        self.setObjectName("batch_dialog")
        self.setWindowTitle(self.tr("Export Folder"))
        self.settings = settings
        self.result_: BatchResult | None = None
        self.progress: QProgressDialog | None = None

        # The dialog's own questions, replaceable in tests.
        self.show_summary: Callable[[BatchResult], None] = self._show_summary
        self.choose_folder: Callable[[str, Path], Path | None] = self._ask_folder

        remembered = settings.session.batch_source
        source = Path(remembered) if remembered and Path(remembered).is_dir() else (
            start_folder or Path.home())
        self.source_edit = QLineEdit(str(source))
        self.source_edit.setObjectName("batch_source")
        self.source_edit.setMinimumWidth(420)
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("batch_target")
        add_targets(self.target_combo)
        self.target_combo.setCurrentIndex(max(self.target_combo.findData(
            settings.session.batch_target), 0))
        output = settings.session.batch_output or str(source.parent / (
            source.name + "-export"))
        self.output_edit = QLineEdit(output)
        self.output_edit.setObjectName("batch_output")
        self.options_box = ExportOptionsBox(settings, default_theme)

        source_row = self._with_browse(self.source_edit, self.tr("Folder of Posts"))
        output_row = self._with_browse(self.output_edit, self.tr("Output Folder"))
        form = QFormLayout()
        source_label = QLabel(self.tr("&Posts in:"))
        source_label.setBuddy(self.source_edit)
        form.addRow(source_label, source_row)
        form.addRow(self.tr("Export &as:"), self.target_combo)
        form.addRow(self.options_box)
        self.output_label = QLabel()
        self.output_label.setBuddy(self.output_edit)
        form.addRow(self.output_label, output_row)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("batch_export_button")
        self.export_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.run_batch)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.target_combo.currentIndexChanged.connect(self._target_changed)
        self._target_changed()

    def _with_browse(self, edit: QLineEdit, caption: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        button = QPushButton(self.tr("Browse…"))
        button.clicked.connect(lambda: self._browse(edit, caption))
        row.addWidget(button)
        return row

    def _browse(self, edit: QLineEdit, caption: str) -> None:
        chosen = self.choose_folder(caption, Path(edit.text().strip() or Path.home()))
        if chosen is not None:
            edit.setText(str(chosen))

    def _ask_folder(self, caption: str, start: Path) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, caption, str(start))
        return Path(name) if name else None

    def _target_changed(self, *_args: object) -> None:
        target = self.target()
        self.options_box.set_target(target)
        self.output_label.setText(self.tr("&Site folder:") if TARGETS[target].into_site
                                  else self.tr("&Output folder:"))

    # -- choices -------------------------------------------------------------------------

    def set_folders(self, source: str | Path, output: str | Path) -> None:
        """Set the folder of posts and the output folder."""
        self.source_edit.setText(str(source))
        self.output_edit.setText(str(output))

    # -- running -------------------------------------------------------------------------

    def run_batch(self) -> BatchResult | None:
        """Export the folder with a progress dialog; show the summary and close when done."""
        title = self.tr("Could Not Export")
        source = Path(self.source_edit.text().strip()).expanduser()
        output = Path(self.output_edit.text().strip()).expanduser()
        target = self.target()
        if not self.source_edit.text().strip() or not source.is_dir():
            self.prompter.error(title, self.tr("“{path}” is not a folder.").format(path=source))
            return None
        if not self.output_edit.text().strip():
            self.prompter.error(title, self.tr("Choose the output folder."))
            return None
        exclude = None if TARGETS[target].into_site else output
        total = len(batch.find_posts(source, exclude=exclude))
        if total == 0:
            self.prompter.error(title, self.tr("There are no posts (*.md, *.markdown, *.html) "
                                           "in “{path}”.").format(path=source))
            return None

        progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0, total, self)
        progress.setObjectName("batch_progress")
        progress.setWindowTitle(self.tr("Export Folder"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        progress.show()
        self.progress = progress

        def on_progress(step: Progress) -> None:
            progress.setValue(step.done)
            progress.setLabelText(self.tr("{done} of {total}: {name}").format(
                done=step.done, total=step.total, name=step.source.name))
            self.fileDone.emit(step)
            QCoreApplication.processEvents()

        def should_cancel() -> bool:
            QCoreApplication.processEvents()
            return progress.wasCanceled()

        try:
            result = batch.export_folder(source, target, output, self.options_box.options(),
                                         on_progress=on_progress, should_cancel=should_cancel)
        except ExportError as exc:
            self.prompter.error(title, exc.message)
            return None
        finally:
            progress.close()
            self.progress = None
        self.result_ = result
        self._remember(source, target, output)
        self.show_summary(result)
        self.accept()
        return result

    def _remember(self, source: Path, target: str, output: Path) -> None:
        self.settings.session.batch_source = str(source)
        self.settings.session.batch_target = target
        self.settings.session.batch_output = str(output)
        self.options_box.remember()

    # -- summary -------------------------------------------------------------------------

    def summary_text(self, result: BatchResult) -> str:
        """The summary's headline: counts, and whether the batch was cancelled."""
        text = self.tr("{exported} exported, {failed} failed.").format(
            exported=len(result.exported), failed=len(result.failed))
        if result.cancelled:
            skipped = result.total - len(result.exported) - len(result.failed)
            text += " " + self.tr("Cancelled: {count} not done.").format(count=skipped)
        return text

    def failure_lines(self, result: BatchResult) -> list[str]:
        """One line per failed file: its name and the reason."""
        return [self.tr("{name}: {reason}").format(name=path.name, reason=reason)
                for path, reason in result.failed]

    def _show_summary(self, result: BatchResult) -> None:
        box = QMessageBox(self.parentWidget() or self)
        box.setWindowTitle(self.tr("Export Folder"))
        box.setIcon(QMessageBox.Icon.Warning if result.failed else QMessageBox.Icon.Information)
        box.setText(self.summary_text(result))
        lines = self.failure_lines(result)
        if lines:
            shown = lines[:SUMMARY_LINES]
            if len(lines) > SUMMARY_LINES:
                shown.append(self.tr("… and {count} more (see the details).").format(
                    count=len(lines) - SUMMARY_LINES))
            box.setInformativeText("\n".join(shown))
            box.setDetailedText("\n".join(
                f"{path}: {reason}" for path, reason in result.failed))
        box.exec()
