"""Main windows for GUI tests: closed after each test without asking about unsaved edits."""

from __future__ import annotations

from typing import Any

from editor.ui.shell import dialogs


def discard_on_close(window: Any) -> None:
    """Answer Discard when closing ``window`` asks about unsaved changes."""
    window.confirm_discard = lambda name: dialogs.DISCARD


def track_window(qtbot: Any, window: Any, *, show: bool = True) -> Any:
    """Have ``qtbot`` close ``window`` after the test, dropping its edits.

    Shown and exposed unless ``show`` is False. Returns ``window``.
    """
    qtbot.addWidget(window, before_close_func=discard_on_close)
    if show:
        window.show()
        qtbot.waitExposed(window)
    return window
