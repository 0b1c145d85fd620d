"""Fixtures of the preview's tests."""

from __future__ import annotations

import pytest

from editor.render.themes import SITE_LOOK
from editor.ui.preview.pane import PreviewPane

# Site builds run the real jekyll: generous on a busy machine.
SITE_TIMEOUT_MS = 60_000


@pytest.fixture
def site_pane(qtbot):
    """An offline preview pane in the Site look, 800×600; its site builds end with it."""
    pane = PreviewPane(offline=True, theme=SITE_LOOK)
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    yield pane
    pane.shutdown()
    pane.look.sites.wait(SITE_TIMEOUT_MS)
    pane.deleteLater()
    qtbot.wait(50)
