"""Preferences page for highlight presets: add, edit, reorder and delete, with colour pickers.

Colours are shown the way a browser paints them: CSS hex colours put alpha last
(``#21538527`` is rgba(33, 83, 133, 0.153)), while Qt's own colour names put it first,
so every swatch here is drawn by hand as the rgba colour over a white page, beside
its ``#rrggbbaa`` text. The list is saved to the user's config folder with
``editor.authoring.highlights.save_presets`` and survives upgrades.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor.authoring import highlights
from editor.authoring.highlights import Preset, PresetError
from editor.markup import hex_to_rgba, rgba_css
from editor.ui.shell import actions as action_table

translate = QCoreApplication.translate

# The colour a new preset starts with: the house red.
NEW_PRESET_COLOR = "#ee2323"


# --------------------------------------------------------------------------- colours


def qcolor_from_css(css: str) -> QColor:
    """A QColor from a CSS hex colour, reading alpha last as browsers do."""
    r, g, b, a = hex_to_rgba(css)
    return QColor(r, g, b, round(a * 255))


def css_from_qcolor(color: QColor) -> str:
    """``#rrggbb`` for an opaque colour, ``#rrggbbaa`` (alpha last) otherwise."""
    text = f"#{color.red():02x}{color.green():02x}{color.blue():02x}"
    return text if color.alpha() == 255 else f"{text}{color.alpha():02x}"


def preset_name(preset: Preset) -> str:
    """The preset's name, translated when it is one of the bundled names."""
    return translate("Highlights", preset.name)


def sample_pixmap(kind: str, color: str | None, size: QSize, text: str = "") -> QPixmap:
    """A swatch as the blog paints the preset: its markup over a white page.

    Text colours show bold sample text in that colour; backgrounds show the rgba
    wash composited over white with dark bold text; plain bold shows bold text.
    """
    ratio = 2.0  # drawn at twice the size so it stays crisp on high-density screens
    pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(0, 0, size.width(), size.height())
    ink = QColor("#222222")
    if kind == "background" and color:
        painter.fillRect(rect, qcolor_from_css(color))  # alpha blends over the white
    elif kind == "color" and color:
        ink = qcolor_from_css(color)
    if text:
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(max(8, round(size.height() * 0.6)))
        painter.setFont(font)
        painter.setPen(ink)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    elif kind == "color" and color:
        painter.fillRect(rect.adjusted(2, 2, -2, -2), ink)
    painter.setPen(QPen(QColor("#9a9a9a"), 1))
    painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    painter.end()
    return pixmap


def preset_icon(preset: Preset, size: int = 16) -> QIcon:
    """Menu, toolbar and list icon for a preset: a bold letter painted as the preset paints."""
    return swatch_icon(preset.kind, preset.color, size)


def swatch_icon(kind: str, color: str | None, size: int = 16) -> QIcon:
    """The icon of a highlight of ``kind`` in ``color``, preset or not."""
    letter = "B" if kind == "bold" else "A"
    return QIcon(sample_pixmap(kind, color, QSize(size, size), letter))


# --------------------------------------------------------------------------- colour button


class ColorButton(QPushButton):
    """A button showing a colour as the browser paints it; clicking opens a picker with alpha."""

    colorChanged = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, color: str = NEW_PRESET_COLOR, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color = color
        #: Picks a colour starting from the given one; None when cancelled. Replaceable
        #: in tests (the default is Qt's colour dialog with its alpha channel shown).
        self.pick_color: Callable[[QColor], QColor | None] = self._ask_color
        self.setIconSize(QSize(40, 20))
        self.clicked.connect(self.choose)
        self._show()

    def color(self) -> str:
        """The colour as CSS hex (``#rrggbb`` or ``#rrggbbaa``)."""
        return self._color

    def set_color(self, color: str) -> None:
        """Show ``color`` (CSS hex); emits colorChanged when it differs."""
        color = color.lower()
        if color == self._color:
            return
        self._color = color
        self._show()
        self.colorChanged.emit(color)

    def choose(self) -> None:
        """Open the colour picker and take its answer."""
        chosen = self.pick_color(qcolor_from_css(self._color))
        if chosen is not None and chosen.isValid():
            self.set_color(css_from_qcolor(chosen))

    def _ask_color(self, initial: QColor) -> QColor | None:
        chosen = QColorDialog.getColor(
            initial, self, self.tr("Highlight Colour"),
            QColorDialog.ColorDialogOption.ShowAlphaChannel)
        return chosen if chosen.isValid() else None

    def _show(self) -> None:
        self.setIcon(QIcon(sample_pixmap("background", self._color, QSize(40, 20))))
        # The text names the colour both ways the writer may meet it: the markup's hex
        # and the browser's computed rgba().
        self.setText(f"{self._color}   {rgba_css(self._color)}")


# --------------------------------------------------------------------------- the dialog

# Kind labels, translated in the "PresetDialog" context.
_KINDS = (
    ("color", QT_TRANSLATE_NOOP("PresetDialog", "Text colour")),
    ("background", QT_TRANSLATE_NOOP("PresetDialog", "Background colour")),
    ("bold", QT_TRANSLATE_NOOP("PresetDialog", "Bold only")),
)


def _new_id(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "preset"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


class PresetDialog(QDialog):
    """Edit the list of highlight presets; OK saves it to the user's highlights.yaml."""

    def __init__(self, presets: list[Preset], path: Path | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presetDialog")
        self.setWindowTitle(self.tr("Highlight Presets"))
        self.path = path  # None: the user's config folder
        self.saved_path: Path | None = None
        self._items: list[dict[str, str | None]] = [p.to_dict() for p in presets]
        self._updating = False

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Presets write the bold, coloured spans of your posts. Colours are shown as a "
            "browser paints them on a white page."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        row = QHBoxLayout()
        layout.addLayout(row, 1)
        left = QVBoxLayout()
        row.addLayout(left, 1)
        self.list = QListWidget(self)
        self.list.setObjectName("presetList")
        self.list.setIconSize(QSize(22, 22))
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        left.addLayout(buttons)
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.up_button = QPushButton(self.tr("Move &Up"), self)
        self.down_button = QPushButton(self.tr("Move Do&wn"), self)
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        self.defaults_button = QPushButton(self.tr("Restore De&faults"), self)
        left.addWidget(self.defaults_button, 0, Qt.AlignmentFlag.AlignLeft)

        form_box = QWidget(self)
        form = QFormLayout(form_box)
        row.addWidget(form_box, 1)
        self.name_edit = QLineEdit(self)
        form.addRow(self.tr("&Name:"), self.name_edit)
        self.kind_box = QComboBox(self)
        for kind, label in _KINDS:
            self.kind_box.addItem(translate("PresetDialog", label), kind)
        form.addRow(self.tr("&Kind:"), self.kind_box)
        self.color_button = ColorButton(parent=self)
        form.addRow(self.tr("&Colour:"), self.color_button)
        self.shortcut_edit = QKeySequenceEdit(self)
        self.shortcut_edit.setMaximumSequenceLength(1)
        self.shortcut_edit.setClearButtonEnabled(True)
        form.addRow(self.tr("&Shortcut:"), self.shortcut_edit)
        self.sample = QLabel(self)
        self.sample.setObjectName("presetSample")
        form.addRow(self.tr("Looks like:"), self.sample)
        # Read-only text: a QLabel would render the markup instead of showing it.
        self.markup_label = QLineEdit(self)
        self.markup_label.setReadOnly(True)
        form.addRow(self.tr("Writes:"), self.markup_label)

        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("presetProblems")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)

        self.list.currentRowChanged.connect(self._show_current)
        self.add_button.clicked.connect(self.add_preset)
        self.delete_button.clicked.connect(self.delete_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.name_edit.textEdited.connect(lambda text: self._set_field("name", text))
        self.kind_box.currentIndexChanged.connect(
            lambda _i: self._set_field("kind", self.kind_box.currentData()))
        self.color_button.colorChanged.connect(lambda c: self._set_field("color", c))
        self.shortcut_edit.keySequenceChanged.connect(
            lambda seq: self._set_field(
                "shortcut", seq.toString(QKeySequence.SequenceFormat.PortableText)))

        self._fill_list(0)
        self.resize(720, 420)

    # ------------------------------------------------------------------ the list

    def presets(self) -> list[Preset]:
        """The edited list; raises PresetError if an entry is invalid."""
        return highlights.parse_presets(self._items)

    def problems(self) -> list[str]:
        """Why the list cannot be saved yet (blocking), plus shortcut clashes (warnings)."""
        found: list[str] = []
        if not self._items:
            return [self.tr("Keep at least one preset.")]
        try:
            self.presets()
        except PresetError as exc:
            found.append(str(exc))
        found += self.shortcut_warnings()
        return found

    def shortcut_warnings(self) -> list[str]:
        """Shortcuts used twice, or already taken by a menu command."""
        taken: dict[str, str] = {}
        for row in action_table.ACTIONS:
            for key in action_table.shortcut_keys(row.shortcut) if row.shortcut else []:
                taken[key.toString()] = action_table.translate(row.context, row.text)
        warnings = []
        seen: dict[str, str] = {}
        for item in self._items:
            key = QKeySequence(str(item.get("shortcut") or "")).toString()
            if not key:
                continue
            name = str(item.get("name") or "")
            if key in seen:
                warnings.append(self.tr("{key} is used by both “{a}” and “{b}”.").format(
                    key=key, a=seen[key], b=name))
            elif key in taken and item.get("kind") != "bold":
                warnings.append(self.tr("{key} already belongs to “{command}”; it will not "
                                        "apply “{name}”.").format(
                    key=key, command=taken[key].replace("&", ""), name=name))
            seen.setdefault(key, name)
        return warnings

    def add_preset(self) -> None:
        """Add a new text-colour preset after the current one and select it."""
        name = self.tr("New preset")
        taken = {str(item["id"]) for item in self._items}
        item: dict[str, str | None] = {"id": _new_id("preset", taken), "name": name,
                                       "shortcut": "", "kind": "color",
                                       "color": NEW_PRESET_COLOR}
        row = self.list.currentRow() + 1 if self._items else 0
        self._items.insert(row, item)
        self._fill_list(row)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def delete_current(self) -> None:
        """Delete the selected preset."""
        row = self.list.currentRow()
        if 0 <= row < len(self._items):
            del self._items[row]
            self._fill_list(min(row, len(self._items) - 1))

    def move_current(self, step: int) -> None:
        """Move the selected preset up (-1) or down (+1); menu order follows."""
        row = self.list.currentRow()
        target = row + step
        if 0 <= row < len(self._items) and 0 <= target < len(self._items):
            self._items[row], self._items[target] = self._items[target], self._items[row]
            self._fill_list(target)

    def restore_defaults(self) -> None:
        """Put the bundled presets back (saved only when OK is pressed)."""
        self._items = [p.to_dict() for p in highlights.default_presets()]
        self._fill_list(0)

    def accept(self) -> None:  # noqa: D102 - saves before closing
        try:
            presets = self.presets()
            self.saved_path = highlights.save_presets(presets, self.path)
        except (PresetError, OSError) as exc:
            self.problem_label.setText(self.tr("Could not save the presets: {problem}")
                                       .format(problem=str(exc)))
            return
        super().accept()

    # ------------------------------------------------------------------ internals

    def _fill_list(self, current: int) -> None:
        self._updating = True
        self.list.clear()
        for item in self._items:
            entry = QListWidgetItem(self.list)
            self._describe(entry, item)
        self._updating = False
        if self._items:
            self.list.setCurrentRow(max(0, current))
        self._show_current(self.list.currentRow())

    def _describe(self, entry: QListWidgetItem, item: dict[str, str | None]) -> None:
        name = translate("Highlights", str(item.get("name") or ""))
        shortcut = QKeySequence(str(item.get("shortcut") or "")).toString(
            QKeySequence.SequenceFormat.NativeText)
        entry.setText(f"{name}   ({shortcut})" if shortcut else name)
        kind = str(item.get("kind") or "color")
        color = item.get("color")
        try:
            entry.setIcon(QIcon(sample_pixmap(kind, str(color) if color else None,
                                              QSize(22, 22), "B" if kind == "bold" else "A")))
        except ValueError:
            entry.setIcon(QIcon())

    def _show_current(self, row: int) -> None:
        has = 0 <= row < len(self._items)
        for widget in (self.name_edit, self.kind_box, self.color_button, self.shortcut_edit,
                       self.delete_button):
            widget.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self._items) - 1)
        if has:
            item = self._items[row]
            self._updating = True
            self.name_edit.setText(translate("Highlights", str(item.get("name") or "")))
            self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(item.get("kind"))))
            if item.get("color"):
                self.color_button.set_color(str(item["color"]))
            self.shortcut_edit.setKeySequence(QKeySequence(str(item.get("shortcut") or "")))
            self._updating = False
        self._refresh_details()

    def _set_field(self, key: str, value: str) -> None:
        row = self.list.currentRow()
        if self._updating or not 0 <= row < len(self._items):
            return
        item = self._items[row]
        item[key] = value
        if key == "kind" and value != "bold" and not item.get("color"):
            item["color"] = self.color_button.color()
        if key == "kind" and value == "bold":
            item["color"] = None
        self._describe(self.list.item(row), item)
        self._refresh_details()

    def _refresh_details(self) -> None:
        row = self.list.currentRow()
        item = self._items[row] if 0 <= row < len(self._items) else None
        kind = str(item.get("kind")) if item else "color"
        self.color_button.setEnabled(item is not None and kind != "bold")
        if item is not None:
            color = str(item["color"]) if item.get("color") else None
            try:
                preview = Preset("x", "x", kind=kind, color=color)
                self.sample.setPixmap(sample_pixmap(kind, color, QSize(180, 26),
                                                    self.tr("Sample text")))
                self.markup_label.setText(preview.wrap("…"))
                self.markup_label.setCursorPosition(0)
            except ValueError:
                self.sample.clear()
                self.markup_label.clear()
        problems = self.problems()
        self.problem_label.setText("\n".join(problems))
        blocking = not self._items
        try:
            self.presets()
        except PresetError:
            blocking = True
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not blocking)


def ask_presets(parent: QWidget | None, presets: list[Preset],
                path: Path | None = None) -> list[Preset] | None:
    """Show the preset dialog; the saved list, or None when cancelled."""
    dialog = PresetDialog(presets, path, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.presets()
