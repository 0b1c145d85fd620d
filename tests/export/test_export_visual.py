"""The paste-ready fragment looks like the preview page: screenshots by headless Chromium.

Chromium here is Debian's ``chromium`` package, the browser our writers' readers use;
the test fails (does not skip) when it is missing, because then nothing checks that the
inlined styles reproduce the theme.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from editor.document.post import Post
from editor.export import exporter as export
from editor.render import core as render

CHROMIUM = "/usr/bin/chromium"
WINDOW = (900, 1400)

# A pixel counts as different when any channel differs by more than this (of 255):
# anti-aliasing of the same glyph drawn at the same place never moves a channel that far.
CHANNEL_TOLERANCE = 32
# At most this share of pixels may differ. Measured: 0 pixels differ for the house post.
# Regressions it must catch, measured on the same post: the red highlight's colour lost
# changes 0.20% of the pixels, the blue marker's background lost 0.67%, the language
# (and so the Korean line breaking) lost 3.2%. 0.1% sits below the smallest of these.
MAX_DIFFERENT_SHARE = 0.001


def _chromium() -> str:
    path = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
    if path is None:
        pytest.fail("Debian's chromium is required for this test (apt install chromium)")
    return path


def _screenshot(html_file: Path, png: Path, profile: Path) -> QImage:
    """Chromium's headless screenshot of ``html_file`` at the test's window size."""
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--hide-scrollbars",
        # Shoot once the page has loaded its picture and fonts, not at the first paint
        # (a screenshot taken before now and then differed by a few tenths of a percent).
        "--virtual-time-budget=10000",
        "--run-all-compositor-stages-before-draw",
        f"--user-data-dir={profile}",
        f"--screenshot={png}",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        html_file.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert png.is_file(), f"chromium wrote no screenshot: {result.stderr[-2000:]}"
    image = QImage(str(png))
    assert not image.isNull()
    return image.convertToFormat(QImage.Format.Format_RGB32)


def _different_share(first: QImage, second: QImage) -> float:
    """Share of pixels whose colour differs by more than CHANNEL_TOLERANCE in a channel."""
    assert (first.width(), first.height()) == (second.width(), second.height())
    width, height = first.width(), first.height()
    different = 0
    for y in range(height):
        row_a = bytes(first.constScanLine(y))[: width * 4]
        row_b = bytes(second.constScanLine(y))[: width * 4]
        if row_a == row_b:
            continue  # most rows are identical: skip the per-pixel work
        for x in range(0, width * 4, 4):
            if any(abs(row_a[x + c] - row_b[x + c]) > CHANNEL_TOLERANCE for c in range(3)):
                different += 1
    return different / (width * height)


@pytest.fixture
def local_house_post(fixtures_dir: Path, tmp_path: Path) -> Post:
    """The house post with its web images pointed at a local picture (no network, same load)."""
    picture = QImage(64, 36, QImage.Format.Format_RGB32)
    picture.fill(QColor(70, 110, 160))
    assert picture.save(str(tmp_path / "lead.png"))
    text = (fixtures_dir / "house-post.md").read_text(encoding="utf-8")
    text = text.replace("https://example.com/images/library-night.jpg", "lead.png")
    return Post.from_text(text, path=tmp_path / "house-post.md")


def test_fragment_screenshot_matches_preview(local_house_post, tmp_path):
    """Fragment (inline styles only, header included) and preview page render alike.

    The preview is ``render.page`` with the theme's ``<style>``; the fragment is pasted
    into a bare document whose body is white with no margin, as a blog's content area.
    """
    page_file = tmp_path / "preview.html"
    page_file.write_text(render.page(local_house_post, anchors=False), encoding="utf-8")
    fragment = export.fragment_html(local_house_post, include_header=True)
    assert "<style" not in fragment and "class=" not in fragment
    bare_file = tmp_path / "fragment.html"
    bare_file.write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n'
        '<body style="margin: 0; background: #ffffff;">\n' + fragment + "</body></html>\n",
        encoding="utf-8",
    )
    preview = _screenshot(page_file, tmp_path / "preview.png", tmp_path / "profile-a")
    pasted = _screenshot(bare_file, tmp_path / "fragment.png", tmp_path / "profile-b")
    share = _different_share(preview, pasted)
    assert share <= MAX_DIFFERENT_SHARE, f"{share:.4%} of the pixels differ"


def test_comparison_notices_a_lost_highlight(local_house_post, tmp_path):
    """The measure is sharp enough: a fragment missing one highlight colour fails it."""
    page_file = tmp_path / "preview.html"
    page_file.write_text(render.page(local_house_post, anchors=False), encoding="utf-8")
    fragment = export.fragment_html(local_house_post, include_header=True)
    broken = fragment.replace('style="color: #ee2323;"', "", 1)
    assert broken != fragment
    bare_file = tmp_path / "broken.html"
    bare_file.write_text(
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n'
        '<body style="margin: 0; background: #ffffff;">\n' + broken + "</body></html>\n",
        encoding="utf-8",
    )
    preview = _screenshot(page_file, tmp_path / "preview.png", tmp_path / "profile-a")
    pasted = _screenshot(bare_file, tmp_path / "broken.png", tmp_path / "profile-b")
    assert _different_share(preview, pasted) > MAX_DIFFERENT_SHARE
