"""Shared test setup: headless Qt and private settings/data folders per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Offscreen unless a test run chose a display (the Xvfb pixel tests do).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Chromium refuses to start its sandbox as root (CI runs as root).
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path_factory, monkeypatch):
    """Point settings and the recovery journal at a fresh temporary folder."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("ARTICLE_EDITOR_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("ARTICLE_EDITOR_DATA_DIR", str(base / "data"))
    return base


@pytest.fixture
def fixtures_dir() -> Path:
    """Folder of the hand-written posts the tests read."""
    return FIXTURES
