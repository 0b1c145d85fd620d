"""The Site look after a rebuild: files the site's stylesheet loads (fonts, pictures) are
the rebuilt ones, never what the web engine kept of the build before."""

from __future__ import annotations

import shutil
from pathlib import Path

from editor.document.post import Post
from editor.site.build import jekyll_command
from tests.ui.preview.jekyll_site import make_site
from tests.ui.preview.test_site_look import TIMEOUT, js, show, wait_for_site_page

FONTS = Path("/usr/share/fonts/truetype/dejavu")
WIDE, NARROW = FONTS / "DejaVuSans.ttf", FONTS / "DejaVuSansCondensed.ttf"
WIDTH = """(() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('.masthead'));
    return document.fonts.check('28px Face') ? range.getBoundingClientRect().width : -1;
})()"""


def test_a_font_of_the_sites_stylesheet_is_fresh_after_a_rebuild(qtbot, site_pane, tmp_path):
    assert jekyll_command(), "the jekyll program (Debian package jekyll) is needed"
    assert WIDE.is_file() and NARROW.is_file(), "DejaVu fonts (Debian fonts-dejavu-core)"
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
    show(qtbot, site_pane, Post.load(post))
    wait_for_site_page(qtbot, site_pane)
    qtbot.waitUntil(lambda: js(qtbot, site_pane, WIDTH) > 0, timeout=TIMEOUT)
    wide = js(qtbot, site_pane, WIDTH)

    with qtbot.waitSignal(site_pane.look.sites.built, timeout=TIMEOUT):
        shutil.copyfile(NARROW, fonts / "face.ttf")  # same name, other letters
    qtbot.waitUntil(lambda: not site_pane.is_busy(), timeout=TIMEOUT)
    wait_for_site_page(qtbot, site_pane)
    qtbot.waitUntil(lambda: 0 < js(qtbot, site_pane, WIDTH) < wide * 0.97, timeout=TIMEOUT)
