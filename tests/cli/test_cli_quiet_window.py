"""The real window and screenshot, started as from a shell: nothing on stderr unless --verbose.

Under Xvfb Chromium finds no Vulkan, no GPU and no D-Bus, and Qt and Chromium both used
to say so on every start.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli.display import DESKTOP_ID

pytestmark = pytest.mark.xvfb

ROOT = Path(__file__).resolve().parents[2]

POST = (
    "---\n"
    "title: 첫 화면의 조용함\n"
    "excerpt: 터미널에 아무것도 남기지 않는 시작.\n"
    "---\n"
    "# 시작\n\n"
    "미리보기가 그려지면 창을 닫는다.\n"
)

# Run inside the window (ARTICLE_EDITOR_TEST_SCRIPT): quit once the preview has rendered.
QUIT_AFTER_RENDER = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

def rendered():
    if not window.preview.is_busy():
        print("rendered", QApplication.desktopFileName(), flush=True)
        QApplication.instance().quit()

window.preview.renderFinished.connect(rendered)
window.preview.show_post(window.document.post)
QTimer.singleShot(90000, QApplication.instance().quit)  # a ceiling, not a wait
"""


def _shell_env(**extra: str) -> dict[str, str]:
    """This display, without the switches the test process gave Qt and Chromium."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("QTWEBENGINE_CHROMIUM_FLAGS", "QT_LOGGING_RULES")}
    env.update(extra)
    return env


@pytest.fixture
def post_file(tmp_path: Path) -> Path:
    path = tmp_path / "quiet.md"
    path.write_text(POST, encoding="utf-8")
    return path


def test_screenshot_leaves_stderr_empty(post_file, tmp_path):
    """`article-editor screenshot` under Xvfb: a PNG, and not one line on stderr."""
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "editor", "screenshot", str(post_file), "-o", str(out),
         "--size", "900x600", "--offline"],
        capture_output=True, text=True, timeout=180, cwd=ROOT, env=_shell_env(),
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
    assert result.stderr == ""


def test_window_start_leaves_stderr_empty(post_file, tmp_path):
    """`article-editor FILE` opens, renders the preview, quits: stderr stays empty."""
    script = tmp_path / "quit.py"
    script.write_text(QUIT_AFTER_RENDER, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "editor", str(post_file), "--offline"],
        capture_output=True, text=True, timeout=180, cwd=ROOT,
        env=_shell_env(ARTICLE_EDITOR_TEST_SCRIPT=str(script)),
    )
    assert result.returncode == 0, result.stderr
    # The window names its desktop entry, so launchers show the entry's icon for it.
    assert result.stdout == f"rendered {DESKTOP_ID}\n"
    assert result.stderr == ""
