"""Before the window starts: is there a display to show it on, and how chatty may Qt be.

Both are decided before PySide6 is imported, from the environment (and, for a local X
display, a knock on its socket): Qt aborts the process (exit 134) when its platform
plugin finds no display, and Chromium reads its logging switches once, when the web
engine loads.
"""

from __future__ import annotations

import os
import re
import socket
import sys
from collections.abc import Callable, MutableMapping
from pathlib import Path

# The desktop entry's name (resources/desktop/): the window says it belongs to it, so
# that launchers and task bars show the entry's name and icon for it.
DESKTOP_ID = "io.github.article_editor.ArticleEditor"

# A display on this machine: ":0", ":1.0", "unix:2".
_LOCAL_X = re.compile(r"(?:unix)?:(\d+)(?:\.\d+)?")

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


def x_display_reachable(display: str) -> bool:
    """Whether a local X display (``:0``, ``unix:1.0``) accepts connections.

    Any other form (a remote ``host:10`` from ssh, a launchd path) is for Qt to judge:
    True. A DISPLAY left over from a session that has ended answers nowhere.
    """
    match = _LOCAL_X.fullmatch(display)
    if match is None:
        return True
    path = f"/tmp/.X11-unix/X{match[1]}"
    for address in ("\0" + path, path):  # Linux's abstract socket, then the file
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(2.0)
            try:
                probe.connect(address)
            except OSError:
                continue
            return True
    return False


def _wayland_socket(environ: MutableMapping[str, str]) -> Path | None:
    """The compositor's socket the Wayland plugin would use (WAYLAND_DISPLAY, else
    wayland-0 in the runtime folder), or None when it has no folder to look in."""
    name = environ.get("WAYLAND_DISPLAY") or "wayland-0"
    if os.path.isabs(name):
        return Path(name)
    runtime = environ.get("XDG_RUNTIME_DIR")
    return Path(runtime, name) if runtime else None


def display_problem(environ: MutableMapping[str, str], platform: str = sys.platform, *,
                    x_reachable: Callable[[str], bool] = x_display_reachable) -> str | None:
    """One line saying why no window can open here, or None when one can (or may).

    Only the X11 and Wayland plugins are judged; offscreen, eglfs, vnc and the rest are
    left to Qt, as is every system but Linux and the BSDs.
    """
    if platform.startswith(("darwin", "win", "cygwin")):
        return None
    unreachable = []
    for name in _platforms(environ):
        if name == "xcb":
            display = environ.get("DISPLAY")
            if display and x_reachable(display):
                return None
            if display:
                unreachable.append(f"no X server answers on DISPLAY={display}")
        elif name.startswith("wayland"):
            path = _wayland_socket(environ)
            if path is not None and path.exists():
                return None
            if environ.get("WAYLAND_DISPLAY"):
                unreachable.append(f"no compositor at WAYLAND_DISPLAY={environ['WAYLAND_DISPLAY']}")
        else:
            return None
    reason = "; ".join(unreachable) or "DISPLAY and WAYLAND_DISPLAY are not set"
    return (f"no display to open the window on ({reason}): start it from a desktop "
            "session, or for scripts use xvfb-run or QT_QPA_PLATFORM=offscreen")


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
