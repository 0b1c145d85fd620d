"""Pixel tests of the live preview: what Chromium actually paints (run under Xvfb)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from editor.document.post import Post
from editor.ui.preview.pane import PreviewPane

TIMEOUT = 20_000

pytestmark = pytest.mark.xvfb

MARKER = (33, 83, 133, 0.153)  # #21538527 read the browser way: #RRGGBBAA
RED = (238, 35, 35)  # #ee2323


def over_white(red: int, green: int, blue: int, alpha: float) -> tuple[int, int, int]:
    """The colour of ``rgba(red, green, blue, alpha)`` painted on white."""
    return tuple(round(255 + (c - 255) * alpha) for c in (red, green, blue))


def js(qtbot, pane: PreviewPane, script: str):
    """Run ``script`` in the pane's isolated world and return its result."""
    box: dict[str, object] = {}
    pane.run_js(script, lambda value: box.setdefault("value", value))
    qtbot.waitUntil(lambda: "value" in box, timeout=TIMEOUT)
    return box["value"]


def pixels(image: QImage, rect: dict) -> list[tuple[int, int, int]]:
    """Every pixel of ``image`` inside ``rect`` (CSS pixels, scaled to the image)."""
    scale = image.devicePixelRatio()
    left, top = int(rect["left"] * scale) + 1, int(rect["top"] * scale) + 1
    right = min(int((rect["left"] + rect["width"]) * scale) - 1, image.width())
    bottom = min(int((rect["top"] + rect["height"]) * scale) - 1, image.height())
    out = []
    for y in range(top, bottom):
        for x in range(left, right):
            colour = image.pixelColor(x, y)
            out.append((colour.red(), colour.green(), colour.blue()))
    return out


def near(pixel: tuple[int, int, int], target: tuple[int, int, int], tolerance: int) -> bool:
    """True if every channel of ``pixel`` is within ``tolerance`` of ``target``."""
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, target, strict=True))


@pytest.fixture
def painted(qtbot, fixtures_dir):
    """The house post shown in a real window, scrolled so the highlights are visible."""
    pane = PreviewPane(offline=True)
    qtbot.addWidget(pane)
    pane.resize(1000, 800)
    pane.show()
    qtbot.waitExposed(pane)
    with qtbot.waitSignal(pane.renderFinished, timeout=TIMEOUT):
        pane.show_post(Post.load(fixtures_dir / "house-post.md"))
    js(qtbot, pane, "document.querySelector('span[style*=\"#ee2323\"]').scrollIntoView(); 1")
    qtbot.wait(800)  # let Chromium paint the scrolled frame
    rects = js(
        qtbot,
        pane,
        """(() => {
          const box = (selector) => {
            const r = document.querySelector(selector).getClientRects()[0];
            return {left: r.left, top: r.top, width: r.width, height: r.height};
          };
          return {marker: box('span[style*="background-color"]'),
                  red: box('span[style*="#ee2323"]')};
        })()""",
    )
    image = pane.view.grab().toImage()
    yield pane, image, rects
    # Delete the page (and its profile) while the web engine is still up.
    pane.deleteLater()
    qtbot.wait(50)


def test_marker_paints_pale_blue_wash(painted):
    """The marker's background pixels are rgba(33, 83, 133, 0.153) blended on white."""
    _pane, image, rects = painted
    expected = over_white(*MARKER)
    assert near(expected, (222, 229, 237), 2)  # the pale blue the blog shows
    area = pixels(image, rects["marker"])
    assert len(area) > 500
    wash = [p for p in area if near(p, expected, 3)]
    # Glyphs cover part of the box; the wash fills the rest of it.
    assert len(wash) > len(area) * 0.4


def test_red_emphasis_paints_red_glyphs(painted):
    """The red emphasis span paints pixels of its own red (#ee2323)."""
    _pane, image, rects = painted
    area = pixels(image, rects["red"])
    reds = [p for p in area if near(p, RED, 12)]
    assert len(reds) > 50
    assert not any(near(p, over_white(*MARKER), 3) for p in reds)
