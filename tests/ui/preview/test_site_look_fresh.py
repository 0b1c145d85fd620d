"""The Site look after a rebuild: files the site's stylesheet loads (fonts, pictures) are
the rebuilt ones, never what the web engine kept of the build before."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editor.document.post import Post
from editor.render.themes import SITE_LOOK
from editor.site.build import jekyll_command
from editor.ui.preview.pane import PreviewPane
from tests.ui.preview.jekyll_site import make_site
from tests.ui.preview.test_site_look import TIMEOUT, js, show, wait_for_site_page

FONTS = Path("/usr/share/fonts/truetype/dejavu")
WIDE, NARROW = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSansCondensed.ttf"
WIDTH = """(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('.masthead'));
    return document.fonts.check('28px Face') ? range.getBoundingClientRect().width : -1;
})()"""


@pytest.fixture
def pane(qtbot):
    pane = PreviewPane(offline=True, theme=SITE_LOOK)
    qtbot.addWidget(pane)
    pane.resize(800, 600)
    yield pane
    pane.look.sites.wait(TIMEOUT)
    pane.deleteLater()
    qtbot.wait(50)


@pytest.mark.skipif(not (WIDE.is_file() and NARROW.is_file()), reason="needs DejaVu fonts")
def test_a_font_of_the_sites_stylesheet_is_fresh_after_a_rebuild(qtbot, pane, tmp_path):
    assert jekyll_command(), "the jekyll program (Debian package jekyll) is needed"
    post = make_site(tmp_path / "site")
    root = post.parent.parent
    config = root / "_config.yml"  # a masthead in letters the fonts have
    config.write_text(config.read_text(encoding="utf-8").replace("작은 정원", "Garden Notes"),
                      encoding="utf-8")
    fonts = root / "assets" / "fonts"
    fonts.mkdir(parents=True)
    shutil.copyfile(WIDE, fonts / "face.ttf")
    sass = root / "_sass" / "_look.scss"
    sass.write_text(sass.read_text(encoding="utf-8") + (
        '@font-face { font-family: Face; src: url("/assets/fonts/face.ttf"); }\n'
        ".masthead { font: 28px Face; letter-spacing: 0; }\n"), encoding="utf-8")
    show(qtbot, pane, Post.load(post))
    wait_for_site_page(qtbot, pane)
    qtbot.waitUntil(lambda: js(qtbot, pane, WIDTH) > 0, timeout=TIMEOUT)
    wide = js(qtbot, pane, WIDTH)

    with qtbot.waitSignal(pane.look.sites.built, timeout=TIMEOUT):
        shutil.copyfile(NARROW, fonts / "face.ttf")  # same name, other letters
    qtbot.waitUntil(lambda: not pane.is_busy(), timeout=TIMEOUT)
    wait_for_site_page(qtbot, pane)
    qtbot.waitUntil(lambda: 0 < js(qtbot, pane, WIDTH) < wide * 0.97, timeout=TIMEOUT)
