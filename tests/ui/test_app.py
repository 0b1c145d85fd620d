"""Tests for the application set-up that must happen before Qt starts."""

from __future__ import annotations

import os

from editor.ui import app as app_module


def test_web_engine_flags_follow_sandbox_and_platform(monkeypatch):
    """No zygote without the sandbox, no GPU offscreen, and the writer's own flags kept."""
    monkeypatch.setenv("QTWEBENGINE_DISABLE_SANDBOX", "1")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app_module._chromium_flags() == ["--no-zygote", "--disable-gpu"]

    monkeypatch.delenv("QTWEBENGINE_DISABLE_SANDBOX")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert app_module._chromium_flags() == []


def test_prepare_environment_appends_to_existing_flags(monkeypatch):
    """Flags already set are kept once, ours follow them."""
    monkeypatch.setenv("QTWEBENGINE_DISABLE_SANDBOX", "1")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--lang=ko --disable-gpu")
    app_module.prepare_environment()
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--lang=ko --disable-gpu --no-zygote"
