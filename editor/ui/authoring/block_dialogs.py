"""Dialogs for the house blocks: link, lead image, summary table and signature settings.

Each dialog only gathers values and checks them with the core's own rules
(``editor.authoring.blocks`` refuses script URLs and blank alt text); writing the markup is the
authoring controller's job. The lead image dialog also copies a local picture into
the site's ``assets/images/`` folder, so the post can refer to it by a site URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.authoring import blocks
from editor.authoring.tables import DEFAULT_HEADERS, Row
from editor.site.assets import ASSETS_FOLDER, copy_into_assets

IMAGE_FILTER_PATTERNS = "*.png *.jpg *.jpeg *.gif *.webp *.svg *.avif"


def _ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _problem_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("problemLabel")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label


# --------------------------------------------------------------------------- link


class LinkDialog(QDialog):
    """Text and address of an inline link."""

    def __init__(self, text: str = "", url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkDialog")
        self.setWindowTitle(self.tr("Insert Link"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.text_edit = QLineEdit(text, self)
        self.text_edit.setPlaceholderText(self.tr("The address itself when left empty"))
        self.url_edit = QLineEdit(url, self)
        self.url_edit.setPlaceholderText("https://")
        form.addRow(self.tr("&Text:"), self.text_edit)
        form.addRow(self.tr("&Address:"), self.url_edit)
        self.problem = _problem_label(self)
        layout.addWidget(self.problem)
        self.buttons = _ok_cancel(self)
        layout.addWidget(self.buttons)
        self.url_edit.textChanged.connect(self._check)
        (self.text_edit if not text else self.url_edit).setFocus()
        self._check()

    def values(self) -> tuple[str, str]:
        """(text, url) as entered."""
        return self.text_edit.text(), self.url_edit.text().strip()

    def _check(self) -> None:
        text, url = self.values()
        problem = ""
        if url:
            try:
                blocks.link(text, url)
            except ValueError:
                problem = self.tr("Only web (http, https) and mail addresses can be linked.")
        self.problem.setText(problem)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(url) and not problem)


def ask_link(parent: QWidget | None, text: str = "", url: str = "") -> tuple[str, str] | None:
    """Show the link dialog; (text, url) or None when cancelled."""
    dialog = LinkDialog(text, url, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.values()


# --------------------------------------------------------------------------- lead image


@dataclass(frozen=True)
class ImageChoice:
    """What the lead image dialog produced."""

    src: str  # site URL of the copied file, or the remote address
    alt: str
    use_as_feature: bool  # also set the post's front-matter ``image``
    copied_to: Path | None = None


class ImageDialog(QDialog):
    """Lead image from a local file (copied into the site's assets) or a web address."""

    def __init__(self, site_root: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imageDialog")
        self.setWindowTitle(self.tr("Insert Lead Image"))
        self.site_root = site_root
        self.choice: ImageChoice | None = None
        #: Picks a local image; replaceable in tests (default: a file dialog).
        self.choose_file = self._ask_file

        layout = QVBoxLayout(self)
        self.local_radio = QRadioButton(self.tr("&Local file, copied into the site"), self)
        layout.addWidget(self.local_radio)
        local_row = QHBoxLayout()
        self.file_edit = QLineEdit(self)
        self.browse_button = QPushButton(self.tr("&Browse…"), self)
        local_row.addWidget(self.file_edit, 1)
        local_row.addWidget(self.browse_button)
        layout.addLayout(local_row)
        self.site_note = QLabel(self)
        self.site_note.setWordWrap(True)
        self.site_note.setEnabled(False)
        layout.addWidget(self.site_note)

        self.remote_radio = QRadioButton(self.tr("&Web address"), self)
        layout.addWidget(self.remote_radio)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://")
        layout.addWidget(self.url_edit)

        form = QFormLayout()
        layout.addLayout(form)
        self.alt_edit = QLineEdit(self)
        self.alt_edit.setPlaceholderText(self.tr("What the picture shows (required)"))
        form.addRow(self.tr("&Alt text:"), self.alt_edit)
        self.feature_box = QCheckBox(self.tr("Also use as the post’s &feature image"), self)
        self.feature_box.setChecked(True)
        form.addRow("", self.feature_box)

        self.problem = _problem_label(self)
        layout.addWidget(self.problem)
        self.buttons = _ok_cancel(self)
        layout.addWidget(self.buttons)

        if site_root is None:
            self.site_note.setText(self.tr(
                "Save the post inside a Jekyll site (a folder with _config.yml) to copy "
                "pictures into its assets/images folder."))
            self.local_radio.setEnabled(False)
            self.file_edit.setEnabled(False)
            self.browse_button.setEnabled(False)
            self.remote_radio.setChecked(True)
        else:
            self.site_note.setText(self.tr("Copied to {folder}; the post refers to it as "
                                           "/assets/images/….").format(
                folder=str(site_root.joinpath(*ASSETS_FOLDER))))
            self.local_radio.setChecked(True)
        for widget in (self.file_edit, self.url_edit, self.alt_edit):
            widget.textChanged.connect(self._check)
        self.local_radio.toggled.connect(self._check)
        self.browse_button.clicked.connect(self._browse)
        self.file_edit.textEdited.connect(lambda _t: self.local_radio.setChecked(True))
        self.url_edit.textEdited.connect(lambda _t: self.remote_radio.setChecked(True))
        self._check()

    def _ask_file(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a Picture"), str(Path.home()),
            self.tr("Images ({patterns})").format(patterns=IMAGE_FILTER_PATTERNS))
        return Path(name) if name else None

    def _browse(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.file_edit.setText(str(path))
            self.local_radio.setChecked(True)

    def _problems(self) -> str:
        local = self.local_radio.isChecked()
        if local:
            name = self.file_edit.text().strip()
            if not name:
                return " "
            if not Path(name).is_file():
                return self.tr("The file does not exist.")
        else:
            url = self.url_edit.text().strip()
            if not url:
                return " "
            try:
                blocks.image(url, "x")
            except ValueError:
                return self.tr("Only web (http, https) addresses can be used.")
        if not self.alt_edit.text().strip():
            return self.tr("Describe the picture in the alt text: the preview shows it "
                           "offline and screen readers read it aloud.")
        return ""

    def _check(self) -> None:
        problem = self._problems()
        self.problem.setText(problem.strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def accept(self) -> None:  # noqa: D102 - copies the file before closing
        if self._problems():
            return
        alt = self.alt_edit.text().strip()
        feature = self.feature_box.isChecked()
        if self.local_radio.isChecked() and self.site_root is not None:
            try:
                copied, url = copy_into_assets(Path(self.file_edit.text().strip()),
                                               self.site_root)
            except OSError as exc:
                self.problem.setText(self.tr("Could not copy the picture: {problem}")
                                     .format(problem=str(exc)))
                return
            self.choice = ImageChoice(url, alt, feature, copied)
        else:
            self.choice = ImageChoice(self.url_edit.text().strip(), alt, feature)
        super().accept()


def ask_image(parent: QWidget | None, site_root: Path | None) -> ImageChoice | None:
    """Show the lead image dialog; the choice (file already copied) or None."""
    dialog = ImageDialog(site_root, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice


# --------------------------------------------------------------------------- summary table


class TableDialog(QDialog):
    """Key/content rows of the house summary table (new, or the one at the cursor)."""

    def __init__(self, headers: tuple[str, str] = DEFAULT_HEADERS, rows: list[Row] | None = None,
                 editing: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tableDialog")
        self.setWindowTitle(self.tr("Edit Summary Table") if editing
                            else self.tr("Insert Summary Table"))
        layout = QVBoxLayout(self)
        heads = QHBoxLayout()
        self.key_header = QLineEdit(headers[0], self)
        self.value_header = QLineEdit(headers[1], self)
        heads.addWidget(QLabel(self.tr("Column titles:"), self))
        heads.addWidget(self.key_header)
        heads.addWidget(self.value_header, 2)
        layout.addLayout(heads)

        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("tableRows")
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("Content")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 160)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        layout.addWidget(self.table, 1)
        for key, value in rows or [("", ""), ("", "")]:
            self.add_row(key, value)

        row_buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add Row"), self)
        self.remove_button = QPushButton(self.tr("&Remove Row"), self)
        self.up_button = QPushButton(self.tr("Move &Up"), self)
        self.down_button = QPushButton(self.tr("Move Do&wn"), self)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)
        layout.addLayout(row_buttons)
        layout.addWidget(_ok_cancel(self))

        self.add_button.clicked.connect(lambda: self.add_row("", "", select=True))
        self.remove_button.clicked.connect(self.remove_current_row)
        self.up_button.clicked.connect(lambda: self.move_current_row(-1))
        self.down_button.clicked.connect(lambda: self.move_current_row(1))
        self.resize(560, 360)

    def add_row(self, key: str = "", value: str = "", *, select: bool = False) -> int:
        """Append a row; returns its index."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(key))
        self.table.setItem(row, 1, QTableWidgetItem(value))
        if select:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))
        return row

    def set_cell(self, row: int, column: int, text: str) -> None:
        """Put ``text`` in one cell (adding rows as needed)."""
        while self.table.rowCount() <= row:
            self.add_row()
        self.table.item(row, column).setText(text)

    def remove_current_row(self) -> None:
        """Delete the selected row."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def move_current_row(self, step: int) -> None:
        """Move the selected row up (-1) or down (+1)."""
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        values = [self._text(row, c) for c in (0, 1)]
        others = [self._text(target, c) for c in (0, 1)]
        for column in (0, 1):
            self.table.item(row, column).setText(others[column])
            self.table.item(target, column).setText(values[column])
        self.table.setCurrentCell(target, self.table.currentColumn())

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def headers(self) -> tuple[str, str]:
        """The two column titles."""
        return self.key_header.text().strip(), self.value_header.text().strip()

    def rows(self) -> list[Row]:
        """(key, content) of every row that is not empty."""
        rows = [(self._text(r, 0).strip(), self._text(r, 1).strip())
                for r in range(self.table.rowCount())]
        return [row for row in rows if row[0] or row[1]]


def ask_table(parent: QWidget | None, headers: tuple[str, str], rows: list[Row],
              editing: bool) -> tuple[tuple[str, str], list[Row]] | None:
    """Show the table dialog; (headers, rows) or None when cancelled."""
    dialog = TableDialog(headers, rows, editing, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.headers(), dialog.rows()


# --------------------------------------------------------------------------- signature


@dataclass(frozen=True)
class Signature:
    """The footer line kept in the settings."""

    text: str
    link_text: str
    url: str


class SignatureDialog(QDialog):
    """The signature footer: a short text and a link, kept in the preferences."""

    def __init__(self, current: Signature, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatureDialog")
        self.setWindowTitle(self.tr("Signature"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Insert Signature writes this line at the end of the post, "
                              "or updates the one already there."), self)
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        layout.addLayout(form)
        self.text_edit = QLineEdit(current.text, self)
        self.link_text_edit = QLineEdit(current.link_text, self)
        self.url_edit = QLineEdit(current.url, self)
        self.url_edit.setPlaceholderText("https://")
        form.addRow(self.tr("&Text before the link:"), self.text_edit)
        form.addRow(self.tr("&Link text:"), self.link_text_edit)
        form.addRow(self.tr("Link &address:"), self.url_edit)
        # A read-only line: the markup is shown as text, and a long line scrolls.
        self.sample = QLineEdit(self)
        self.sample.setReadOnly(True)
        self.sample.setObjectName("signatureSample")
        form.addRow(self.tr("Writes:"), self.sample)
        self.problem = _problem_label(self)
        layout.addWidget(self.problem)
        self.buttons = _ok_cancel(self)
        layout.addWidget(self.buttons)
        for edit in (self.text_edit, self.link_text_edit, self.url_edit):
            edit.textChanged.connect(self._check)
        self._check()
        self.resize(520, 0)

    def signature(self) -> Signature:
        """The values entered."""
        return Signature(self.text_edit.text().strip(), self.link_text_edit.text().strip(),
                         self.url_edit.text().strip())

    def _check(self) -> None:
        value = self.signature()
        problem, sample = "", ""
        if value.url:
            try:
                sample = blocks.signature(value.text, value.link_text, value.url)
            except ValueError:
                problem = self.tr("Only web (http, https) addresses can be linked.")
        self.sample.setText(sample)
        self.sample.setCursorPosition(0)
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(value.url) and not problem)


def ask_signature(parent: QWidget | None, current: Signature) -> Signature | None:
    """Show the signature dialog; the new values or None when cancelled."""
    dialog = SignatureDialog(current, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.signature()
