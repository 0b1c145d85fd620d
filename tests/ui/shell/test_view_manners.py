"""Zoom, the source font, the shortcut list and the window's light/dark colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QTableWidget

from editor.ui.shell import actions as action_table
from editor.ui.shell.window_theme import apply_window_theme
from tests.ui.windows import scripted_window


def test_ctrl_plus_zooms_the_focused_source_only_and_ctrl_0_resets(qtbot, window):
    """Ctrl++ in the source grows its font, not the preview; Ctrl+0 goes back."""
    window.editor.setFocus()
    qtbot.waitUntil(lambda: window.editor.hasFocus(), timeout=5000)
    before = window.editor.font().pointSizeF()
    qtbot.keyClick(window.editor, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.editor, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.font().pointSizeF() == before + 2
    assert window.preview.view.zoomFactor() == 1.0
    qtbot.keyClick(window.editor, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.font().pointSizeF() == before + 1
    qtbot.keyClick(window.editor, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.editor.font().pointSizeF() == before


def test_zoom_from_the_form_zooms_both_panes_and_is_remembered(qtbot):
    """With the focus in the form both panes zoom; the next window starts zoomed."""
    first = scripted_window(qtbot)
    first.form.editor("title").line.setFocus()
    qtbot.waitUntil(lambda: first.form.editor("title").line.hasFocus(), timeout=5000)
    before = first.editor.font().pointSizeF()
    first.actions["zoom_in"].trigger()
    assert first.editor.font().pointSizeF() == before + 1
    assert first.preview.view.zoomFactor() > 1.0
    zoom = first.preview.view.zoomFactor()
    first.close()
    second = scripted_window(qtbot)
    assert second.editor.font().pointSizeF() == before + 1
    assert second.preview.view.zoomFactor() == zoom
    second.actions["zoom_reset"].trigger()  # the form has no focus: both go back
    second.close()


def test_source_font_is_chosen_and_remembered(qtbot, window, prompter):
    """View > Source Font… applies the chosen font to the source editor and keeps it."""
    chosen = QFont("DejaVu Serif", 15)
    prompter.answer("ask_font", lambda current: chosen)
    window.actions["source_font"].trigger()
    assert window.editor.font().family() == chosen.family()
    assert window.editor.font().pointSizeF() == 15
    assert window.settings.get("editor/font") == chosen.toString()


def test_keyboard_shortcuts_list_is_generated_from_the_actions(qtbot, window, prompter):
    """F1 lists every shortcut of the action table, Ctrl+H for Replace among them."""
    shown = []
    prompter.answer("run_dialog", lambda dialog: shown.append(dialog) or False)
    assert window.actions["shortcuts"].shortcut().toString() == "F1"
    window.actions["shortcuts"].trigger()
    assert len(shown) == 1
    table = shown[0].findChild(QTableWidget, "shortcuts_table")
    rows = {(table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}
    assert ("Replace…", "Ctrl+H") in rows
    with_keys = [row for row in action_table.ACTIONS if row.shortcut is not None]
    assert table.rowCount() >= len(with_keys)


def test_dark_window_theme_uses_a_dark_palette(qapp):
    """Dark gives a dark window background; light a light one."""
    original_style, original_palette = qapp.style().name(), qapp.palette()
    try:
        assert apply_window_theme(qapp, "dark") == "dark"
        assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 100
        assert apply_window_theme(qapp, "light") == "light"
        assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 150
    finally:
        qapp.setStyle(original_style)
        qapp.setPalette(original_palette)


def test_preferences_choose_the_window_theme(qtbot, window, prompter, qapp):
    """Preferences > Window colours: Dark is applied and remembered."""
    original_style, original_palette = qapp.style().name(), qapp.palette()
    try:
        prompter.answer("ask_preferences", lambda current, themes: type(current)(
            theme=current.theme, language=current.language, offline=current.offline,
            word_wrap=current.word_wrap, autosave_to_file=current.autosave_to_file,
            window_theme="dark"))
        window.actions["preferences"].trigger()
        assert window.settings.get("ui/window_theme") == "dark"
        assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 100
    finally:
        qapp.setStyle(original_style)
        qapp.setPalette(original_palette)


def test_a_hand_edited_zoom_setting_falls_back_to_no_zoom(qtbot, tmp_path):
    """A zoom that is not a number reads as the default instead of stopping the window."""
    from PySide6.QtCore import QSettings

    from editor.ui.shell.settings import Settings

    path = tmp_path / "settings.ini"
    edited = QSettings(str(path), QSettings.Format.IniFormat)
    edited.setValue("view/preview_zoom", '"big"')
    edited.setValue("view/source_zoom", "true")
    edited.sync()
    settings = Settings(path)
    assert settings.get("view/preview_zoom") == 1.0
    assert settings.get("view/source_zoom") == 0.0
    window = scripted_window(qtbot, settings)
    assert window.preview.view.zoomFactor() == 1.0
