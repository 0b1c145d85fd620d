"""How the window is drawn: through the GPU where there is one, in software otherwise.

The preview pane (QtWebEngine) draws through Qt Quick's scene graph, and with OpenGL
every repaint of the window, a keystroke in the editor included, is composited by it.
Where OpenGL is itself software (Mesa's llvmpipe: virtual machines, remote and
virtual displays), that costs 10 ms and more per keystroke; Qt Quick's software
renderer with Chromium's software compositing costs a fraction of it. Offscreen there
is no OpenGL at all. A choice made with ``QT_QUICK_BACKEND`` is left alone.

The choice is made once, before the first web view (``prepare_web_engine``): Qt Quick
is loaded then, not with the window.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

GL_RENDERER = 0x1F01
# Renderer names of OpenGL drivers that draw on the CPU.
SOFTWARE_RENDERERS = ("llvmpipe", "softpipe", "swrast", "software rasterizer")


_prepared: list[bool] = []  # the choice, once made


def add_chromium_flags(*flags: str) -> None:
    """Add web engine switches (read when the engine starts), keeping those already set."""
    current = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    current += [flag for flag in flags if flag not in current]
    if current:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(current)


def prepare_web_engine() -> None:
    """Choose how the web engine draws (``choose_renderer``), once per process; call it
    before the first web view."""
    if not _prepared:
        _prepared.append(True)
        if choose_renderer():
            add_chromium_flags("--disable-gpu")


def opengl_renderer() -> str | None:
    """The OpenGL renderer's name, or None without a working OpenGL (offscreen)."""
    from PySide6.QtGui import QOffscreenSurface, QOpenGLContext

    context = QOpenGLContext()
    if not context.create():
        return None
    surface = QOffscreenSurface()
    surface.create()
    try:
        if not context.makeCurrent(surface):
            return None
        name = context.functions().glGetString(GL_RENDERER)
        context.doneCurrent()
        return str(name or "")
    finally:
        surface.destroy()


def no_gpu_device(dev: Path = Path("/dev")) -> bool:
    """On Linux, whether no GPU device node exists (then OpenGL can only be software).

    Asking OpenGL itself loads its driver, tens of megabytes kept for nothing when the
    answer is software.
    """
    if not sys.platform.startswith("linux"):
        return False
    return not any(dev.glob("dri/renderD*")) and not any(dev.glob("nvidia*"))


def is_software(renderer: str | None) -> bool:
    """Whether ``renderer`` (from ``opengl_renderer``) means drawing on the CPU."""
    return renderer is None or any(name in renderer.lower() for name in SOFTWARE_RENDERERS)


def choose_renderer() -> bool:
    """Draw the scene graph in software if OpenGL would be software; True if so.

    Call before the first web view; Chromium should then composite in software too
    (``--disable-gpu``).
    """
    if os.environ.get("QT_QUICK_BACKEND"):
        return False
    if not (no_gpu_device() or is_software(opengl_renderer())):
        return False
    from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

    QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)
    return True
