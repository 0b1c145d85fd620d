"""Main windows for GUI tests: closed after each test without asking about unsaved edits."""

from __future__ import annotations

from typing import Any

from editor.ui.shell import dialogs
from editor.ui.shell.main_window import MainWindow
from editor.ui.shell.settings import Settings
from tests.ui.prompter import ScriptedPrompter


def discard_on_close(window: Any) -> None:
    """Answer Discard when closing ``window`` asks about unsaved changes."""
    # A real Prompter would open a modal box here and hang the run.
    assert isinstance(window.prompter, ScriptedPrompter), "test windows need a scripted prompter"
    window.prompter.answer("ask_save_discard", dialogs.DISCARD)
    window.prompter.answer("ask_save_all", dialogs.DISCARD)


def track_window(qtbot: Any, window: Any, *, show: bool = True) -> Any:
    """Have ``qtbot`` close ``window`` after the test, dropping its edits.

    Shown and exposed unless ``show`` is False. Returns ``window``.
    """
    qtbot.addWidget(window, before_close_func=discard_on_close)
    if show:
        window.show()
        qtbot.waitExposed(window)
    return window


def scripted_window(qtbot: Any, settings: Settings | None = None, *, show: bool = True,
                    **kwargs: Any) -> MainWindow:
    """A tracked main window answered by its own ScriptedPrompter (``window.prompter``)."""
    window = MainWindow(settings or Settings(), prompter=ScriptedPrompter(), **kwargs)
    return track_window(qtbot, window, show=show)
