"""The export choices shared by File > Export… and Export Folder…: targets and their options."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QWidget

from editor.export.exporter import TARGETS, ExportOptions
from editor.render.themes import theme_names
from editor.ui.shell.settings import Settings

# Which option rows concern which target.
OPTION_TARGETS: dict[str, frozenset[str]] = {
    "theme": frozenset({"html", "fragment", "pdf"}),
    "embed_images": frozenset({"html"}),
    "include_header": frozenset({"fragment"}),
    "page_size": frozenset({"pdf"}),
    "allow_remote": frozenset({"pdf"}),
}


class ExportOptionsBox(QWidget):
    """Theme, images, header, paper: the options of one target (shared by both dialogs)."""

    def __init__(self, settings: Settings, default_theme: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("export_theme")
        for name in theme_names():
            self.theme_combo.addItem(name, name)
        theme = settings.session.export_theme or default_theme
        index = self.theme_combo.findData(theme)
        if index < 0:  # a theme that no longer exists
            index = max(self.theme_combo.findData("default"), 0)
        self.theme_combo.setCurrentIndex(index)

        self.embed_images = QCheckBox(self.tr("Embed local images in the page"))
        self.embed_images.setObjectName("export_embed_images")
        self.embed_images.setToolTip(self.tr("One file that carries its pictures: local images "
                                             "become data: addresses"))
        self.embed_images.setChecked(settings.session.export_embed_images)

        self.include_header = QCheckBox(self.tr("Include title, lead and feature image"))
        self.include_header.setObjectName("export_include_header")
        self.include_header.setChecked(settings.session.export_include_header)

        self.page_size = QComboBox()
        self.page_size.setObjectName("export_page_size")
        self.page_size.addItem(self.tr("A4"), "a4")
        self.page_size.addItem(self.tr("Letter"), "letter")
        self.page_size.setCurrentIndex(max(self.page_size.findData(
            settings.session.export_page_size), 0))

        self.allow_remote = QCheckBox(self.tr("Fetch web images (needs the network)"))
        self.allow_remote.setObjectName("export_allow_remote")
        self.allow_remote.setToolTip(self.tr("Otherwise web images print as labelled boxes"))
        self.allow_remote.setChecked(settings.session.export_allow_remote)

        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self._rows: dict[str, QWidget] = {
            "theme": self.theme_combo,
            "embed_images": self.embed_images,
            "include_header": self.include_header,
            "page_size": self.page_size,
            "allow_remote": self.allow_remote,
        }
        self.layout_.addRow(self.tr("&Theme:"), self.theme_combo)
        self.layout_.addRow(self.embed_images)
        self.layout_.addRow(self.include_header)
        self.layout_.addRow(self.tr("Pa&per:"), self.page_size)
        self.layout_.addRow(self.allow_remote)

    def set_target(self, target: str) -> None:
        """Show only the options that ``target`` reads."""
        for name, widget in self._rows.items():
            self.layout_.setRowVisible(widget, target in OPTION_TARGETS[name])

    def options(self, **extra: Any) -> ExportOptions:
        """The chosen options as the core's ExportOptions."""
        return ExportOptions(
            theme=str(self.theme_combo.currentData()),
            embed_images=self.embed_images.isChecked(),
            include_header=self.include_header.isChecked(),
            page_size=str(self.page_size.currentData()),
            allow_remote=self.allow_remote.isChecked(),
            **extra,
        )

    def remember(self) -> None:
        """Store the choices for the next dialog."""
        self.settings.session.export_theme = str(self.theme_combo.currentData())
        self.settings.session.export_embed_images = self.embed_images.isChecked()
        self.settings.session.export_include_header = self.include_header.isChecked()
        self.settings.session.export_page_size = str(self.page_size.currentData())
        self.settings.session.export_allow_remote = self.allow_remote.isChecked()


def add_targets(combo: QComboBox) -> None:
    """Fill ``combo`` with the export targets (data: the core's target name)."""
    translate = QCoreApplication.translate
    labels = {
        "html": translate("ExportTargets", "Web page (HTML with styles)"),
        "fragment": translate("ExportTargets", "Paste-ready HTML (inline styles)"),
        "pdf": translate("ExportTargets", "PDF"),
        "markdown": translate("ExportTargets", "Post with the body in Markdown"),
        "html-body": translate("ExportTargets", "Post with the body in HTML"),
        "post": translate("ExportTargets", "Copy into the site's _posts"),
    }
    for name in TARGETS:
        combo.addItem(labels.get(name, name), name)


class TargetChoice:
    """The target chosen in a dialog's ``target_combo`` (filled by ``add_targets``)."""

    target_combo: QComboBox

    def target(self) -> str:
        """The chosen target's name (a key of ``editor.export.exporter.TARGETS``)."""
        return str(self.target_combo.currentData())

    def set_target(self, name: str) -> None:
        """Choose target ``name``; KeyError if there is no such target."""
        index = self.target_combo.findData(name)
        if index < 0:
            raise KeyError(name)
        self.target_combo.setCurrentIndex(index)
