"""Find and replace inside the main window: the shortcut, the bar's size and its report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

BODY = "<p>cat and cat</p>\n<p>one more cat</p>\n"


def test_ctrl_h_opens_replace_and_the_menu_shows_it(qtbot, window):
    """Ctrl+H (as the README promises) opens the replace row; Edit > Replace… shows it."""
    window.editor.set_body_text(BODY)
    window.editor.setFocus()
    assert window.actions["replace"].shortcut() == QKeySequence("Ctrl+H")
    qtbot.keyClick(window.editor, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.find_bar.isVisible(), timeout=5000)
    assert window.find_bar.replace_visible()


def test_find_bar_keeps_usable_fields_and_the_preview_wide(qtbot, window):
    """Opening the replace bar at 1400 px leaves fields ≥ 150 px and the preview ≥ 400 px."""
    window.resize(1400, 900)
    window.editor.set_body_text(BODY)
    window.actions["replace"].trigger()
    qtbot.waitUntil(lambda: window.find_bar.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: window.find_bar.find_edit.width() >= 150, timeout=5000)
    assert window.find_bar.replace_edit.width() >= 150
    assert window.preview.width() >= 400
    assert window.find_bar.minimumSizeHint().width() <= 420


def test_replace_all_reports_the_count_in_the_status_bar(qtbot, window):
    """Replace All says how many it replaced, with the right plural."""
    window.editor.set_body_text(BODY)
    window.actions["replace"].trigger()
    bar = window.find_bar
    bar.find_edit.setText("cat")
    bar.replace_edit.setText("dog")
    assert bar.replace_all() == 3
    assert window.statusBar().currentMessage() == "Replaced 3 occurrences"
    bar.find_edit.setText("one")
    assert bar.replace_all() == 1
    assert window.statusBar().currentMessage() == "Replaced 1 occurrence"
