"""Tests for the application set-up that must happen before Qt starts."""

from __future__ import annotations

import os

from editor.ui.preview import graphics
from editor.ui.shell import app as app_module


def test_no_zygote_only_without_the_sandbox(monkeypatch):
    """The zygote processes are skipped only where the sandbox is off."""
    monkeypatch.setenv("QTWEBENGINE_DISABLE_SANDBOX", "1")
    assert app_module._chromium_flags() == ["--no-zygote"]
    monkeypatch.delenv("QTWEBENGINE_DISABLE_SANDBOX")
    assert app_module._chromium_flags() == []


def test_prepare_environment_appends_to_existing_flags(monkeypatch):
    """Flags already set are kept, once each."""
    monkeypatch.setenv("QTWEBENGINE_DISABLE_SANDBOX", "1")
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "--lang=ko --no-zygote")
    app_module.prepare_environment()
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == "--lang=ko --no-zygote"


def test_software_opengl_renderers_are_recognised():
    """Mesa's CPU renderers (and no OpenGL at all) count as software; GPU drivers do not."""
    assert graphics.is_software("llvmpipe (LLVM 15.0.6, 256 bits)")
    assert graphics.is_software("softpipe")
    assert graphics.is_software(None)
    assert not graphics.is_software("Mesa Intel(R) UHD Graphics 620 (KBL GT2)")
    assert not graphics.is_software("NVIDIA GeForce RTX 3060/PCIe/SSE2")


def test_gpu_device_nodes(tmp_path):
    """A render node or an NVIDIA device means a GPU may be there; none means software."""
    assert graphics.no_gpu_device(tmp_path)
    (tmp_path / "dri").mkdir()
    (tmp_path / "dri" / "card0").touch()
    assert graphics.no_gpu_device(tmp_path)
    (tmp_path / "dri" / "renderD128").touch()
    assert not graphics.no_gpu_device(tmp_path)
    (tmp_path / "dri" / "renderD128").unlink()
    (tmp_path / "nvidia0").touch()
    assert not graphics.no_gpu_device(tmp_path)


def test_renderer_choice_made_by_the_user_is_kept(monkeypatch, qapp):
    """With QT_QUICK_BACKEND set, the window's drawing is left as the user chose."""
    monkeypatch.setenv("QT_QUICK_BACKEND", "rhi")
    monkeypatch.setenv("QTWEBENGINE_CHROMIUM_FLAGS", "")
    assert graphics.choose_renderer() is False
    assert os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] == ""


def test_offscreen_draws_in_software(qapp):
    """Offscreen there is no OpenGL: the scene graph and Chromium draw in software."""
    from PySide6.QtQuick import QQuickWindow

    assert graphics.opengl_renderer() is None
    assert QQuickWindow.sceneGraphBackend() == "software"
    assert "--disable-gpu" in os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split()
