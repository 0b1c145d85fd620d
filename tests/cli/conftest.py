"""Command-line tests: what main() does to the environment is undone after each test."""

from __future__ import annotations

import pytest

# The window's start quiets Qt through these; a test calling main() must not leave them.
GUI_VARIABLES = ("QT_LOGGING_RULES", "QTWEBENGINE_CHROMIUM_FLAGS")


@pytest.fixture(autouse=True)
def restore_gui_environment(monkeypatch):
    """Record the variables main() may set, so monkeypatch restores them afterwards."""
    import os

    for name in GUI_VARIABLES:
        if name in os.environ:
            monkeypatch.setenv(name, os.environ[name])
        else:
            # delenv alone records nothing for an absent variable: set it first, so
            # that undoing removes it again.
            monkeypatch.setenv(name, "")
            monkeypatch.delenv(name)
