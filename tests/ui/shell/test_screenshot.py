"""The screenshot command under Xvfb: a PNG of the whole window with a painted preview."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[3]


def run_screenshot(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m editor screenshot ARGS`` in the test's environment."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "xcb")
    return subprocess.run(
        [sys.executable, "-m", "editor", "screenshot", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def non_white_pixels(image: QImage, x0: int, x1: int, y0: int, y1: int) -> int:
    """Count pixels that are clearly not white in a rectangle (sampled every 4 px)."""
    count = 0
    for y in range(y0, y1, 4):
        for x in range(x0, x1, 4):
            colour = image.pixelColor(x, y)
            if min(colour.red(), colour.green(), colour.blue()) < 200:
                count += 1
    return count


@pytest.mark.xvfb
def test_screenshot_png_has_size_and_painted_preview(tmp_path, fixtures_dir):
    """The PNG has the requested size and the preview area holds real (dark) pixels."""
    out = tmp_path / "window.png"
    result = run_screenshot(str(fixtures_dir / "house-post.md"), "-o", str(out),
                            "--size", "1200x800", "--offline")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1200, 800)
    # The preview is the right-hand pane: its title and text are dark on white.
    preview_dark = non_white_pixels(image, image.width() * 2 // 3, image.width() - 20,
                                    120, image.height() - 60)
    assert preview_dark > 200


@pytest.mark.xvfb
def test_screenshot_bad_file_exits_1_with_message(tmp_path):
    """A missing or binary file exits 1 with a one-line message and writes nothing."""
    binary = tmp_path / "photo.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    out = tmp_path / "never.png"
    result = run_screenshot(str(binary), "-o", str(out))
    assert result.returncode == 1
    assert "photo.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
