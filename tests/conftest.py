"""Shared test setup: headless Qt and private settings/data folders per test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Offscreen unless a test run chose a display (the Xvfb pixel tests do).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Chromium refuses to start its sandbox as root (CI runs as root).
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def qapp(tmp_path_factory):
    """The application as the editor makes it (web engine switches, how it draws), in English.

    Made before any test: code that makes its own when there is none (PDF export)
    would otherwise decide how everything after it draws.
    """
    from editor.ui.shell import app as app_module

    with pytest.MonkeyPatch.context() as patch:
        # Never the real settings, not even to read the interface language.
        patch.setenv("ARTICLE_EDITOR_CONFIG_DIR", str(tmp_path_factory.mktemp("appconfig")))
        application = app_module.application([sys.argv[0]])
    app_module.install_translators("en")
    # The window registers the preview's URL scheme with its first web view, before
    # anything else starts Chromium; in one test process a PDF export may come first.
    import editor.ui.preview.web  # noqa: F401
    return application


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path_factory, monkeypatch):
    """Point settings, the recovery journal and the cache at a fresh temporary folder."""
    base = tmp_path_factory.mktemp("userdirs")
    monkeypatch.setenv("ARTICLE_EDITOR_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("ARTICLE_EDITOR_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("ARTICLE_EDITOR_CACHE_DIR", str(base / "cache"))
    return base


@pytest.fixture
def small_tmpfs(tmp_path):
    """A real 64 KiB tmpfs where the machine allows mounting (root), else None."""
    mount_point = tmp_path / "mnt"
    mount_point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
                            capture_output=True)
    if result.returncode != 0:
        yield None
        return
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


@pytest.fixture
def fail_data_fsync(monkeypatch):
    """Call with an errno: data writes then fail at fsync the way a full or locked disk would."""
    from editor.document import storage

    real_fsync = os.fsync

    def inject(code: int) -> None:
        def failing_fsync(fd):
            if os.path.isdir(f"/proc/self/fd/{fd}"):  # the folder's fsync after the rename
                return real_fsync(fd)
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(storage.os, "fsync", failing_fsync)

    return inject


@pytest.fixture
def fixtures_dir() -> Path:
    """Folder of the hand-written posts the tests read."""
    return FIXTURES


@pytest.fixture
def empty_site(tmp_path: Path) -> Path:
    """A Jekyll site with nothing in it but its config file."""
    root = tmp_path / "blog"
    root.mkdir()
    (root / "_config.yml").write_text("title: blog\n", encoding="utf-8")
    return root




def _delete_later_now() -> None:
    """Carry out pending deleteLater() calls (pytest-qt closes test windows that way)."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets else None
    if app is not None:
        from PySide6.QtCore import QEvent

        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """Delete each test's closed windows before the next test, not at interpreter exit.

    A web page still alive when Python shuts down outlives its profile, and
    Chromium crashes on the way out.
    """
    _delete_later_now()


def pytest_sessionfinish(session, exitstatus):
    """Delete any window a test left open, pages before their profiles."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    app = widgets.QApplication.instance() if widgets else None
    if app is None:
        return
    import shiboken6

    from editor.ui.shell import dialogs

    for widget in app.topLevelWidgets():
        if shiboken6.isValid(widget) and widget.parent() is None:
            prompter = getattr(widget, "prompter", None)
            if prompter is not None:
                # A window no test closed must not stop the run with a modal question.
                prompter.ask_save_discard = lambda *_args, **_kwargs: dialogs.DISCARD
            widget.close()
            widget.deleteLater()
    _delete_later_now()
    # Clipboard data left behind would be freed after the platform plugin at exit: a crash.
    app.clipboard().clear()
    _delete_later_now()
