"""Before the window starts: is there a display to show it on, and how chatty may Qt be.

Both are decided from the environment alone, before PySide6 is imported: Qt aborts the
process (exit 134) when its platform plugin finds no display, and Chromium reads its
logging switches once, when the web engine loads.
"""

from __future__ import annotations

import sys
from collections.abc import MutableMapping
from pathlib import Path

# The desktop entry's name (resources/desktop/): the window says it belongs to it, so
# that launchers and task bars show the entry's name and icon for it.
DESKTOP_ID = "io.github.article_editor.ArticleEditor"

# Platform plugins that need a display server, and the variable that names one.
_DISPLAY_VARIABLES = {"xcb": ("DISPLAY",), "wayland": ("WAYLAND_DISPLAY",)}

# Without --verbose: Qt's warnings (Vulkan probing, "Sandboxing disabled", GPU vendor)
# and Chromium's own log lines (D-Bus, GPU) stay off stderr. Critical messages remain.
QUIET_LOGGING_RULES = "*.debug=false;*.info=false;*.warning=false"
QUIET_CHROMIUM_FLAGS = ("--log-level=3", "--disable-logging")


def _platforms(environ: MutableMapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order (its default on Linux: xcb, wayland)."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if not chosen:
        return ["xcb", "wayland"]
    # "wayland;xcb" lists fallbacks; "xcb:option=value" carries options.
    return [name.split(":", 1)[0].strip().lower() for name in chosen.split(";") if name.strip()]


def display_problem(environ: MutableMapping[str, str], platform: str = sys.platform) -> str | None:
    """One line saying why no window can open here, or None when one can (or may).

    Only the X11 and Wayland plugins are judged; offscreen, eglfs, vnc and the rest are
    left to Qt, as is every system but Linux and the BSDs.
    """
    if platform.startswith(("darwin", "win", "cygwin")):
        return None
    for name in _platforms(environ):
        family = "wayland" if name.startswith("wayland") else name
        variables = _DISPLAY_VARIABLES.get(family)
        if variables is None or any(environ.get(var) for var in variables):
            return None
        runtime = environ.get("XDG_RUNTIME_DIR")
        if family == "wayland" and runtime and Path(runtime, "wayland-0").exists():
            return None  # the compositor's default socket, used when the variable is unset
    return ("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set): "
            "start it from a desktop session, or for scripts use xvfb-run or "
            "QT_QPA_PLATFORM=offscreen")


def quiet_environment(environ: MutableMapping[str, str]) -> None:
    """Keep Qt's and Chromium's start-up noise off stderr; settings already made stay."""
    if "QT_LOGGING_RULES" not in environ:
        environ["QT_LOGGING_RULES"] = QUIET_LOGGING_RULES
    flags = environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    if not any(flag.startswith(("--log-level", "--enable-logging", "--v=", "--vmodule"))
               for flag in flags):
        flags += [flag for flag in QUIET_CHROMIUM_FLAGS if flag not in flags]
    environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)


def window_problem(environ: MutableMapping[str, str], *, verbose: bool) -> str | None:
    """Why the window cannot start here (see :func:`display_problem`), else None.

    When it can, the environment is first made quiet unless ``verbose``.
    """
    problem = display_problem(environ)
    if problem is None and not verbose:
        quiet_environment(environ)
    return problem


def announce_desktop_entry() -> None:
    """Name the desktop entry the window belongs to (before the application exists)."""
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.setDesktopFileName(DESKTOP_ID)
