"""File > Export…: pick a target and its options, choose where it goes, and run the export.

The exporters live in the core (:mod:`editor.export.exporter`); this dialog only gathers choices,
remembers them in the settings, and shows errors through the window's Prompter. PDF printing
runs QtWebEngine's own event loop, so the dialog keeps repainting (with a busy bar) while
Chromium lays the pages out; one offscreen printer page is kept per window and reused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.document.post import Post
from editor.export import exporter as export
from editor.export.exporter import EXPORT_ERRORS, TARGETS, ExportOptions, ExportRefused
from editor.site import jekyll as site
from editor.site.checks import Problem
from editor.ui.export.options import ExportOptionsBox, TargetChoice, add_targets
from editor.ui.export.pdf_printers import PdfPrinters
from editor.ui.shell.plurals import plural
from editor.ui.shell.settings import Settings
from editor.ui.site.check_messages import problem_message

if TYPE_CHECKING:
    from editor.ui.shell.prompter import Prompter
    pass

# File names that tell the fragment and the page apart when both sit in one folder.
NAME_ENDINGS = {
    "html": ".html",
    "fragment": ".fragment.html",
    "pdf": ".pdf",
    "markdown": ".md",
    "html-body": ".html",
}


def ask_publish_anyway(parent: QWidget | None, problems: list[Problem]) -> bool:
    """Ask whether to publish although the checklist found errors; True to go ahead."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ExportDialog", "Checklist Errors"))
    count = len(problems)
    box.setText(plural(
        count,
        QCoreApplication.translate("ExportDialog",
                                   "The publish checklist found {count} error. Publish anyway?"),
        QCoreApplication.translate("ExportDialog",
                                   "The publish checklist found {count} errors. Publish anyway?")))
    box.setInformativeText("\n".join(_problem_line(problem) for problem in problems[:12]))
    publish = box.addButton(QCoreApplication.translate("ExportDialog", "Publish Anyway"),
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is publish


def _problem_line(problem: Problem) -> str:
    if problem.line:
        return QCoreApplication.translate("ExportDialog", "Line {line}: {message}").format(
            line=problem.line, message=problem_message(problem))
    return problem_message(problem)


class ExportDialog(TargetChoice, QDialog):
    """File > Export…: target, options, output path; Export runs it and closes on success."""

    def __init__(
        self,
        post: Post,
        settings: Settings,
        prompter: Prompter,
        parent: QWidget | None = None,
        *,
        printers: PdfPrinters | None = None,
        default_theme: str = "default",
    ) -> None:
        super().__init__(parent)
        self.prompter = prompter  # errors and "publish anyway?"
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("Export"))
        self.post = post
        self.settings = settings
        self.printers = printers
        self.written: Path | None = None
        self._owned_printers: PdfPrinters | None = None

        # The dialog's own file questions, replaceable in tests.
        self.choose_file: Callable[[Path], Path | None] = self._ask_file
        self.choose_folder: Callable[[Path], Path | None] = self._ask_folder

        self.target_combo = QComboBox()
        self.target_combo.setObjectName("export_target")
        add_targets(self.target_combo)
        self.target_combo.setCurrentIndex(max(self.target_combo.findData(
            settings.session.export_target), 0))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("export_summary")

        self.options_box = ExportOptionsBox(settings, default_theme)

        self.path_label = QLabel()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("export_path")
        self.path_edit.setMinimumWidth(420)
        self.path_edit.textEdited.connect(self._path_typed)
        self.browse_button = QPushButton(self.tr("&Browse…"))
        self.browse_button.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        self.path_label.setBuddy(self.path_edit)

        self.busy_label = QLabel(self.tr("Exporting…"))
        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("export_busy")
        self.busy_bar.setRange(0, 0)  # no known length: a moving busy bar
        self.busy_bar.setTextVisible(False)
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy_bar, 1)
        self.busy_widget = QWidget()
        self.busy_widget.setLayout(busy_row)
        self.busy_widget.hide()

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            self.tr("&Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("export_button")
        self.export_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.run_export)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        label = QLabel(self.tr("Export &as:"))
        label.setBuddy(self.target_combo)
        form.addRow(label, self.target_combo)
        form.addRow(self.summary)
        form.addRow(self.options_box)
        form.addRow(self.path_label, path_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.busy_widget)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self._path_auto = True  # follows the target until the writer types or browses
        self._showing_site = False  # the path field holds the site folder (post target)
        self._file_text = ""  # the file path put aside while the site folder is shown
        self._confirmed: Path | None = None  # chosen in a file dialog that asked already
        self._last_folder = Path(str(settings.session.export_folder or "")).expanduser()
        self.target_combo.currentIndexChanged.connect(self._target_changed)
        self._target_changed()

    # -- reading the choices -----------------------------------------------------------

    def options(self) -> ExportOptions:
        """The core's options for the chosen target."""
        return self.options_box.options()

    def output_path(self) -> Path:
        """Where the export goes (a file, or the site folder for the _posts copy)."""
        return Path(self.path_edit.text().strip()).expanduser()

    def set_output_path(self, path: str | Path) -> None:
        """Set the output path as if typed (it no longer follows the target)."""
        self.path_edit.setText(str(path))
        self._path_typed()

    # -- defaults ------------------------------------------------------------------------

    def _site_root(self) -> Path | None:
        return site.find_site_root(self.post.path) if self.post.path is not None else None

    def _default_folder(self) -> Path:
        if str(self._last_folder) not in ("", ".") and self._last_folder.is_dir():
            return self._last_folder
        if self.post.path is not None and self._site_root() is None:
            return self.post.path.absolute().parent
        # Inside a Jekyll site an exported page beside the post would be built into it.
        return Path.home()

    def _stem(self) -> str:
        if self.post.path is not None:
            return self.post.path.stem
        title = self.post.title
        return site.slugify(title) if title.strip() else self.tr("untitled")

    def default_output(self, target: str) -> Path:
        """A sensible place for ``target``: the last export folder, the post's own name."""
        if TARGETS[target].into_site:
            return self._site_root() or self._default_folder()
        path = self._default_folder() / (self._stem() + NAME_ENDINGS.get(
            target, TARGETS[target].suffix))
        if self.post.path is not None and path.absolute() == self.post.path.absolute():
            path = path.with_name(f"{self._stem()}-export{path.suffix}")
        return path

    def _target_changed(self, *_args: object) -> None:
        target = self.target()
        self.options_box.set_target(target)
        into_site = TARGETS[target].into_site
        self.path_label.setText(self.tr("Site &folder:") if into_site else self.tr("Save &to:"))
        self.summary.setText(self._summary(target))
        self._confirmed = None
        if into_site:
            if not self._showing_site:
                self._file_text = self.path_edit.text()
            self._showing_site = True
            self.path_edit.setText(str(self.default_output(target)))
            return
        if self._showing_site:
            self.path_edit.setText(self._file_text)
            self._showing_site = False
        if self._path_auto or not self.path_edit.text().strip():
            self.path_edit.setText(str(self.default_output(target)))
            return
        # Keep the writer's folder and name; only the ending follows the target.
        current = self.output_path()
        name = current.name
        for ending in sorted(set(NAME_ENDINGS.values()), key=len, reverse=True):
            if name.endswith(ending):
                name = name[: -len(ending)]
                break
        ending = NAME_ENDINGS.get(target, TARGETS[target].suffix)
        self.path_edit.setText(str(current.with_name(name + ending)))

    def _summary(self, target: str) -> str:
        texts = {
            "html": self.tr("One page with the theme's styles, title, description and "
                            "social-media tags."),
            "fragment": self.tr("The body with every style written on its elements, for a "
                                "blog platform's HTML mode or a newsletter."),
            "pdf": self.tr("A printable document with the Korean fonts embedded."),
            "markdown": self.tr("A copy of the post with its body rewritten as Markdown; "
                                "the front matter stays as it is."),
            "html-body": self.tr("A copy of the post with its body rewritten as HTML; the "
                                 "front matter stays as it is."),
            "post": self.tr("A dated copy in the site's _posts folder, after the publish "
                            "checklist."),
        }
        return texts.get(target, "")

    def _path_typed(self, *_args: object) -> None:
        if not self._showing_site:
            self._path_auto = False
        self._confirmed = None

    # -- choosing a path -----------------------------------------------------------------

    def browse(self) -> None:
        """Browse… for the output file (or the site folder)."""
        current = self.output_path()
        if TARGETS[self.target()].into_site:
            chosen = self.choose_folder(current)
            if chosen is not None:
                self.set_output_path(chosen)
            return
        chosen = self.choose_file(current)
        if chosen is not None:
            self.set_output_path(chosen)
            self._confirmed = chosen  # the file dialog asked about replacing it

    def _ask_file(self, suggested: Path) -> Path | None:
        target = self.target()
        suffix = TARGETS[target].suffix
        filters = {
            ".html": self.tr("Web pages (*.html *.htm)"),
            ".pdf": self.tr("PDF documents (*.pdf)"),
            ".md": self.tr("Markdown posts (*.md *.markdown)"),
        }
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export To"), str(suggested),
            ";;".join([filters.get(suffix, ""), self.tr("All files (*)")]).lstrip(";"))
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(suffix)

    def _ask_folder(self, start: Path) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Choose the Site Folder"),
                                                str(start))
        return Path(name) if name else None

    # -- running -------------------------------------------------------------------------

    def run_export(self) -> Path | None:
        """Export with the current choices; close on success, report and stay on failure."""
        target = self.target()
        out = self.output_path()
        title = self.tr("Could Not Export")
        if not str(out) or str(out) == ".":
            self.prompter.error(title, self.tr("Choose where the export should go."))
            return None
        if not TARGETS[target].into_site:
            if self.post.path is not None and out.absolute() == self.post.path.absolute():
                self.prompter.error(title, self.tr("The export would replace the post itself; "
                                               "choose another name."))
                return None
            if out.is_dir():
                self.prompter.error(title, self.tr("“{path}” is a folder; add a file name.")
                                .format(path=out))
                return None
            if out.exists() and out != self._confirmed and not self.prompter.confirm(
                    self.tr("Replace File"),
                    self.tr("“{name}” already exists. Replace it?").format(name=out.name)):
                return None
        written = self._run(target, out, self.options())
        if written is None:
            return None
        self.written = written
        self._remember(target, out)
        self.accept()
        return written

    def _run(self, target: str, out: Path, options: ExportOptions) -> Path | None:
        title = self.tr("Could Not Export")
        self._set_busy(True)
        try:
            try:
                return self._export(target, out, options)
            except ExportRefused as refused:
                self._set_busy(False)
                if not self.prompter.confirm_publish_anyway(refused.problems):
                    return None
                self._set_busy(True)
                return self._export(target, out, replace(options, force=True))
        except EXPORT_ERRORS as exc:
            self.prompter.error(title, str(getattr(exc, "message", exc)))
        except OSError as exc:
            self.prompter.error(title, str(exc))
        except ValueError as exc:  # an unreadable converter input, a bad option value
            self.prompter.error(title, str(exc))
        finally:
            self._set_busy(False)
        return None

    def _export(self, target: str, out: Path, options: ExportOptions) -> Path:
        if target == "pdf":
            printers = self.printers
            if printers is None:
                # A dialog without a window: its own page, closed with the dialog.
                printers = self._owned_printers = self._owned_printers or PdfPrinters(self)
            printer = printers.printer(allow_remote=options.allow_remote)
            return export.export_pdf(self.post, out, options, printer=printer)
        return export.export(self.post, target, out, options)

    def _set_busy(self, busy: bool) -> None:
        if busy == self.busy_widget.isVisible():
            return
        self.busy_widget.setVisible(busy)
        for widget in (self.buttons, self.target_combo, self.options_box, self.path_edit,
                       self.browse_button):
            widget.setEnabled(not busy)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            # Paint the busy bar before the export starts working.
            QCoreApplication.processEvents()
        else:
            QApplication.restoreOverrideCursor()

    def _remember(self, target: str, out: Path) -> None:
        self.settings.session.export_target = target
        self.options_box.remember()
        if not TARGETS[target].into_site:
            folder = str(out.absolute().parent)
            self.settings.session.export_folder = folder

    def done(self, result: int) -> None:  # noqa: D102 - Qt override
        if self._owned_printers is not None:
            self._owned_printers.close()
        super().done(result)

    def reject(self) -> None:  # noqa: D102 - Qt override
        if self.busy_widget.isVisible():
            return  # the export finishes first (PDF printing cannot be interrupted)
        super().reject()
