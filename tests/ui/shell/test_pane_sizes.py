"""How the window shares its width: the preview widest, docks narrow, sizes remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.windows import scripted_window


def test_preview_is_the_widest_pane_with_the_highlights_dock_open(qtbot, window):
    """At 1400 px with the highlights dock shown, the preview is wider than each other pane."""
    window.resize(1400, 900)
    window.actions["show_highlights"].setChecked(True)
    qtbot.waitUntil(lambda: window.highlights.dock.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: window.preview.width() > 0, timeout=5000)
    preview = window.preview.width()
    assert preview > window.source.width()
    assert preview > window.form.width()
    assert preview > window.highlights.dock.width()
    assert preview >= 480
    assert window.highlights.dock.width() <= 300


def test_dock_sizes_are_remembered_for_the_next_window(qtbot):
    """The highlights dock's width and visibility come back in the next window."""
    first = scripted_window(qtbot)
    first.resize(1200, 700)
    first.actions["show_highlights"].setChecked(True)
    qtbot.waitUntil(lambda: first.highlights.dock.isVisible(), timeout=5000)
    first.resizeDocks([first.highlights.dock], [340], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: abs(first.highlights.dock.width() - 340) <= 4, timeout=5000)
    first.close()

    second = scripted_window(qtbot)
    assert second.actions["show_highlights"].isChecked()
    qtbot.waitUntil(lambda: second.highlights.dock.isVisible(), timeout=5000)
    assert abs(second.highlights.dock.width() - 340) <= 4
    second.close()
