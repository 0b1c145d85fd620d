"""Shared fixtures of the GUI tests: one main window answered by a scripted prompter."""

from __future__ import annotations

import pytest

from editor.ui.shell.main_window import MainWindow
from editor.ui.shell.settings import Settings
from tests.ui.prompter import ScriptedPrompter
from tests.ui.windows import track_window


@pytest.fixture
def prompter() -> ScriptedPrompter:
    """The scripted answers to the window's questions (and the record of them)."""
    return ScriptedPrompter()


@pytest.fixture
def window(qtbot, prompter) -> MainWindow:
    """A shown main window with fresh settings whose dialogs ``prompter`` answers.

    At teardown leftover edits are discarded without a prompt.
    """
    return track_window(qtbot, MainWindow(Settings(), prompter=prompter))
