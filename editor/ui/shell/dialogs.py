"""The window's dialogs: save prompt, error and info boxes, file pickers, templates, preferences.

Each function shows one modal dialog and returns a plain value, so the main window can
swap any of them for a scripted answer in tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from editor.authoring.spelling import DEFAULT_LANGUAGES, installed_dictionaries, is_hangul_language
from editor.render.themes import SITE_LOOK

translate = QCoreApplication.translate

SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"


def post_file_filters() -> str:
    """File-dialog filters for posts."""
    return ";;".join([
        translate("Dialogs", "Posts (*.md *.markdown *.html *.htm)"),
        translate("Dialogs", "All files (*)"),
    ])


def ask_save_changes(parent: QWidget | None, name: str) -> str:
    """Ask whether to save ``name`` before it is closed: SAVE, DISCARD or CANCEL."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Dialogs", "Unsaved Changes"))
    box.setText(translate("Dialogs", "Save the changes to “{name}”?").format(name=name))
    box.setInformativeText(
        translate("Dialogs", "Your changes will be lost if you don’t save them."))
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def ask_save_all_changes(parent: QWidget | None, names: list[str]) -> str:
    """Several posts have unsaved changes (the window is closing): SAVE (all of them),
    DISCARD (all) or CANCEL, asked once with the posts listed."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Dialogs", "Unsaved Changes"))
    box.setText(translate("Dialogs", "Save the changes to these {count} posts?").format(
        count=len(names)))
    box.setInformativeText("\n".join(f"• {name}" for name in names) + "\n\n" + translate(
        "Dialogs", "Your changes will be lost if you don’t save them."))
    save = box.addButton(translate("Dialogs", "&Save All"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(translate("Dialogs", "&Discard All"),
                            QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    box.exec()
    if box.clickedButton() is save:
        return SAVE
    return DISCARD if box.clickedButton() is discard else CANCEL


def ask_revert(parent: QWidget | None, name: str) -> bool:
    """Ask before dropping unsaved changes to reload ``name`` from disk."""
    answer = QMessageBox.question(
        parent,
        translate("Dialogs", "Revert"),
        translate("Dialogs", "Drop your unsaved changes and reload “{name}” from disk?")
        .format(name=name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """An error box with a title and a plain-language message."""
    QMessageBox.warning(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    """An information box."""
    QMessageBox.information(parent, title, text)


def ask_open_path(parent: QWidget | None, folder: str) -> Path | None:
    """Pick a post file to open (None: cancelled)."""
    title = translate("Dialogs", "Open Post")
    name, _ = QFileDialog.getOpenFileName(parent, title, folder, post_file_filters())
    return Path(name) if name else None


def ask_save_path(parent: QWidget | None, suggested: Path) -> Path | None:
    """Pick where to save, starting from ``suggested`` (None: cancelled)."""
    name, _ = QFileDialog.getSaveFileName(
        parent, translate("Dialogs", "Save Post As"), str(suggested), post_file_filters()
    )
    return Path(name) if name else None


def choose_template(parent: QWidget | None, templates: list[Path]) -> Path | None:
    """Let the writer pick one of ``templates`` for a new post (None: cancelled)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("Dialogs", "New Post"))
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(translate("Dialogs", "Start from a template:"), dialog))
    listing = QListWidget(dialog)
    for path in templates:
        item = QListWidgetItem(_template_label(path), listing)
        item.setData(Qt.ItemDataRole.UserRole, str(path))
        item.setToolTip(path.name)
    if templates:
        listing.setCurrentRow(0)
    layout.addWidget(listing)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    listing.itemDoubleClicked.connect(lambda _item: dialog.accept())
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted or listing.currentItem() is None:
        return None
    return Path(listing.currentItem().data(Qt.ItemDataRole.UserRole))


# Names of the bundled templates (resources/templates/), so they read well and translate.
TEMPLATE_NAMES = {
    "news-article": QT_TRANSLATE_NOOP("Dialogs", "News article"),
    "plain-markdown": QT_TRANSLATE_NOOP("Dialogs", "Plain Markdown post"),
}


def _template_label(path: Path) -> str:
    """A readable name for a template file: "house-post.html" -> "House post (HTML)"."""
    if path.stem in TEMPLATE_NAMES:
        return translate("Dialogs", TEMPLATE_NAMES[path.stem])
    words = path.stem.replace("-", " ").replace("_", " ").strip()
    kind = "HTML" if path.suffix.lower() in (".html", ".htm") else "Markdown"
    return f"{words[:1].upper()}{words[1:]} ({kind})"


@dataclass
class Preferences:
    """What the preferences dialog edits."""

    theme: str
    language: str  # "system" | "en" | "ko"
    offline: bool
    word_wrap: bool
    autosave_to_file: bool = False
    window_theme: str = "system"  # "system" | "light" | "dark"
    spelling_languages: str = ",".join(DEFAULT_LANGUAGES)  # dictionary tags, comma-separated
    reopen_posts: bool = True  # the posts open at quit come back at the next start


def spelling_choices(installed: list[str]) -> list[tuple[str, str]]:
    """(label, value) of the spelling language choices: Korean and English, either alone,
    then each other installed Latin-script dictionary with and without Korean."""
    choices = [
        (QCoreApplication.translate("PreferencesDialog", "Korean and English"), "ko,en_US"),
        (QCoreApplication.translate("PreferencesDialog", "English only"), "en_US"),
        (QCoreApplication.translate("PreferencesDialog", "Korean only"), "ko"),
    ]
    for tag in installed:
        if tag in ("en_US", "ko") or is_hangul_language(tag):
            continue
        both = QCoreApplication.translate("PreferencesDialog", "Korean and {dictionary}")
        alone = QCoreApplication.translate("PreferencesDialog", "{dictionary} only")
        choices += [(both.format(dictionary=tag), f"ko,{tag}"),
                    (alone.format(dictionary=tag), tag)]
    return choices


class PreferencesDialog(QDialog):
    """Theme, language, offline preview, word wrap and saving the file by itself."""

    def __init__(
        self, current: Preferences, themes: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.theme_box = QComboBox(self)
        for name in themes:
            label = self.tr("Site (the post's own Jekyll site)") if name == SITE_LOOK else name
            self.theme_box.addItem(label, name)
        index = self.theme_box.findData(current.theme)
        self.theme_box.setCurrentIndex(max(index, 0))
        form.addRow(self.tr("Preview &theme:"), self.theme_box)

        self.language_box = QComboBox(self)
        self.language_box.addItem(self.tr("System default"), "system")
        self.language_box.addItem("English", "en")
        self.language_box.addItem("한국어", "ko")
        self.language_box.setCurrentIndex(max(self.language_box.findData(current.language), 0))
        form.addRow(self.tr("&Language:"), self.language_box)
        note = QLabel(self.tr("A new language takes effect when the editor is restarted."), self)
        note.setWordWrap(True)
        note.setEnabled(False)
        form.addRow("", note)

        self.window_theme_box = QComboBox(self)
        self.window_theme_box.addItem(self.tr("Follow the system"), "system")
        self.window_theme_box.addItem(self.tr("Light"), "light")
        self.window_theme_box.addItem(self.tr("Dark"), "dark")
        self.window_theme_box.setCurrentIndex(
            max(self.window_theme_box.findData(current.window_theme), 0))
        form.addRow(self.tr("&Window colours:"), self.window_theme_box)

        self.spelling_box = QComboBox(self)
        for label, value in spelling_choices(installed_dictionaries()):
            self.spelling_box.addItem(label, value)
        if self.spelling_box.findData(current.spelling_languages) < 0:
            self.spelling_box.addItem(current.spelling_languages, current.spelling_languages)
        self.spelling_box.setCurrentIndex(self.spelling_box.findData(current.spelling_languages))
        self.spelling_box.setToolTip(self.tr(
            "Used when neither the post's front matter nor the site's _config.yml names a "
            "lang"))
        form.addRow(self.tr("S&pelling:"), self.spelling_box)

        self.offline_box = QCheckBox(self.tr("&Offline preview (block every network request)"),
                                     self)
        self.offline_box.setChecked(current.offline)
        form.addRow("", self.offline_box)
        self.wrap_box = QCheckBox(self.tr("&Wrap long lines in the source editor"), self)
        self.wrap_box.setChecked(current.word_wrap)
        form.addRow("", self.wrap_box)
        self.autosave_box = QCheckBox(
            self.tr("&Save the file by itself after each pause in typing"), self
        )
        self.autosave_box.setToolTip(
            self.tr("Unsaved text is always kept in the recovery journal; this also writes "
                    "it to the post's file.")
        )
        self.autosave_box.setChecked(current.autosave_to_file)
        form.addRow("", self.autosave_box)
        self.reopen_box = QCheckBox(self.tr("&Reopen open posts on start"), self)
        self.reopen_box.setChecked(current.reopen_posts)
        form.addRow("", self.reopen_box)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def preferences(self) -> Preferences:
        """The values chosen in the dialog."""
        return Preferences(
            theme=self.theme_box.currentData(),
            language=self.language_box.currentData(),
            offline=self.offline_box.isChecked(),
            word_wrap=self.wrap_box.isChecked(),
            autosave_to_file=self.autosave_box.isChecked(),
            window_theme=self.window_theme_box.currentData(),
            spelling_languages=self.spelling_box.currentData(),
            reopen_posts=self.reopen_box.isChecked(),
        )


def ask_preferences(
    parent: QWidget | None, current: Preferences, themes: list[str]
) -> Preferences | None:
    """Show the preferences dialog; the new values, or None when cancelled."""
    dialog = PreferencesDialog(current, themes, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.preferences()


def show_about(parent: QWidget | None, version: str) -> None:
    """The About box."""
    QMessageBox.about(
        parent,
        translate("Dialogs", "About Article Editor"),
        translate("Dialogs", "<b>Article Editor</b> {version}<br>"
           "Edit blog posts kept as files: front matter, body and a faithful preview.")
        .format(version=version),
    )
