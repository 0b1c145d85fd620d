"""Tests for editor.ui.authoring.preset_dialog: editing, saving and reloading highlight presets."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from editor.authoring import highlights
from editor.ui.authoring.commands import Authoring
from editor.ui.authoring.preset_dialog import (
    PresetDialog,
    css_from_qcolor,
    qcolor_from_css,
    sample_pixmap,
)
from editor.ui.source.editor import SourceEditor
from tests.ui.prompter import ScriptedPrompter


def ok_button(dialog: PresetDialog):
    """The dialog's OK button."""
    return dialog.button_box.button(QDialogButtonBox.StandardButton.Ok)


def make_dialog(qtbot) -> PresetDialog:
    """The dialog over the bundled presets, saving to the user's config folder."""
    dialog = PresetDialog(highlights.default_presets())
    qtbot.addWidget(dialog)
    return dialog


def test_css_alpha_comes_last_and_round_trips():
    """#RRGGBBAA is read as a browser reads it (alpha last) and written back the same way."""
    color = qcolor_from_css("#21538527")
    assert (color.red(), color.green(), color.blue(), color.alpha()) == (33, 83, 133, 39)
    assert css_from_qcolor(color) == "#21538527"
    assert css_from_qcolor(QColor(238, 35, 35)) == "#ee2323"


def test_marker_swatch_is_the_pale_blue_a_browser_paints_over_white(qapp):
    """The marker swatch is rgba(33, 83, 133, 0.153) over white, not Qt's olive #AARRGGBB."""
    image = sample_pixmap("background", "#21538527", QSize(20, 20)).toImage()
    pixel = image.pixelColor(image.width() // 2, image.height() // 2)
    alpha = 0x27 / 255
    expected = [round(255 * (1 - alpha) + c * alpha) for c in (33, 83, 133)]
    got = [pixel.red(), pixel.green(), pixel.blue()]
    assert all(abs(g - e) <= 2 for g, e in zip(got, expected, strict=True)), got
    assert pixel.blue() > pixel.red()  # a blue wash; #AARRGGBB would read olive


def test_colour_button_shows_hex_and_rgba(qtbot):
    """The colour button names the colour both as #rrggbbaa and as the browser's rgba()."""
    dialog = make_dialog(qtbot)
    dialog.list.setCurrentRow(2)  # Marker
    assert dialog.color_button.color() == "#21538527"
    assert dialog.color_button.text() == "#21538527   rgba(33, 83, 133, 0.153)"


def test_add_edit_delete_save_and_reload(qtbot):
    """Adding, editing and deleting presets saves the user file, which loads back the same."""
    dialog = make_dialog(qtbot)
    dialog.add_button.click()
    assert dialog.list.count() == 5
    dialog.name_edit.setText("Green note")
    dialog.name_edit.textEdited.emit("Green note")
    dialog.color_button.pick_color = lambda initial: QColor(46, 125, 50, 128)
    dialog.color_button.click()
    dialog.shortcut_edit.setKeySequence(QKeySequence("Ctrl+Alt+G"))
    assert dialog.color_button.color() == "#2e7d3280"

    assert dialog.list.currentRow() == 1  # added after the current (first) preset
    dialog.list.setCurrentRow(2)  # Blue emphasis
    index = dialog.kind_box.findData("background")
    dialog.kind_box.setCurrentIndex(index)

    dialog.list.setCurrentRow(0)
    dialog.delete_button.click()  # Red emphasis goes
    assert ok_button(dialog).isEnabled()
    ok_button(dialog).click()

    path = highlights.user_presets_file()
    assert dialog.saved_path == path and path.is_file()
    presets, error = highlights.load_presets()
    assert error is None
    assert [p.id for p in presets] == ["preset", "blue", "marker", "bold"]
    green = presets[0]
    assert (green.name, green.kind, green.color, green.shortcut) == (
        "Green note", "color", "#2e7d3280", "Ctrl+Alt+G")
    assert presets[1].kind == "background"


def test_reorder_changes_menu_order(qtbot):
    """Move Down swaps neighbours; the saved order is the menu order."""
    dialog = make_dialog(qtbot)
    dialog.list.setCurrentRow(0)
    dialog.down_button.click()
    assert dialog.list.currentRow() == 1
    assert [p.id for p in dialog.presets()] == ["blue", "red", "marker", "bold"]


def test_invalid_list_cannot_be_saved(qtbot):
    """An empty name blocks OK with the reason; a shortcut clash is named as a warning."""
    dialog = make_dialog(qtbot)
    dialog.list.setCurrentRow(0)
    dialog.name_edit.setText("")
    dialog.name_edit.textEdited.emit("")
    assert not ok_button(dialog).isEnabled()
    assert "name is missing" in dialog.problem_label.text()
    dialog.name_edit.setText("Red")
    dialog.name_edit.textEdited.emit("Red")
    dialog.shortcut_edit.setKeySequence(QKeySequence("Ctrl+S"))
    assert ok_button(dialog).isEnabled()
    assert "Ctrl+S" in dialog.problem_label.text()
    assert not highlights.user_presets_file().exists()


def test_authoring_reloads_presets_after_the_dialog(qtbot):
    """After the dialog saves, the controller loads the file and rebuilds its actions."""
    editor = SourceEditor()
    qtbot.addWidget(editor)
    authoring = Authoring(editor, ScriptedPrompter())
    seen = []
    authoring.presetsChanged.connect(seen.append)

    def answer(presets):
        dialog = PresetDialog(presets)
        dialog.list.setCurrentRow(0)
        dialog.name_edit.setText("Crimson")
        dialog.name_edit.textEdited.emit("Crimson")
        dialog.accept()
        return dialog.presets()

    authoring.prompter.answer("ask_presets", answer)
    assert authoring.edit_presets()
    assert authoring.preset("red").name == "Crimson"
    assert authoring.preset_action("red").text() == "Crimson"
    assert seen and seen[-1][0].name == "Crimson"
