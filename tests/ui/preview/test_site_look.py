"""The preview's Site look: a post of a Jekyll site inside its own built page, and the
bundled theme (with the reason in one line) while there is none."""

from __future__ import annotations

import pytest

from editor.document.post import Post
from editor.render.themes import SITE_LOOK
from editor.site.build import jekyll_command
from editor.ui.preview.pane import PreviewPane
from tests.ui.preview.jekyll_site import make_site

TIMEOUT = 60_000


def js(qtbot, pane: PreviewPane, script: str):
    box: dict[str, object] = {}
    pane.run_js(script, lambda value: box.setdefault("value", value))
    qtbot.waitUntil(lambda: "value" in box, timeout=TIMEOUT)
    return box["value"]


@pytest.fixture
def site_post(tmp_path):
    assert jekyll_command(), "the jekyll program (Debian package jekyll) is needed"
    return make_site(tmp_path / "site")


def show(qtbot, pane: PreviewPane, post: Post) -> None:
    with qtbot.waitSignal(pane.renderFinished, timeout=TIMEOUT):
        pane.show_post(post)


def wait_for_site_page(qtbot, pane: PreviewPane) -> None:
    qtbot.waitUntil(lambda: pane.look.shown_name() == "site" and not pane.is_busy(),
                    timeout=TIMEOUT)


def test_site_post_shows_in_the_site_page_once_built(qtbot, site_pane, site_post):
    """First the bundled theme (building), then the site's page with the live body."""
    post = Post.load(site_post)
    show(qtbot, site_pane, post)
    assert site_pane.look.shown_name() == "default"
    assert js(qtbot, site_pane, "!!document.getElementById('post-header')")
    assert "building" in site_pane.look.text
    wait_for_site_page(qtbot, site_pane)
    state = js(qtbot, site_pane, """(() => ({
        masthead: document.querySelector('.masthead').textContent,
        inEntry: document.querySelector('.entry > #post-body') !== null,
        text: document.getElementById('post-body').textContent,
        colour: getComputedStyle(document.querySelector('.masthead')).backgroundColor,
    }))()""")
    assert state["masthead"] == "작은 정원"
    assert state["inEntry"]
    assert "사과 한 알" in state["text"]
    assert state["colour"] == "rgb(184, 51, 106)"  # the site's Sass reached the page
    assert site_pane.look.text == ""


def test_typing_patches_only_the_body_of_the_site_page(qtbot, site_pane, site_post):
    post = Post.load(site_post)
    show(qtbot, site_pane, post)
    wait_for_site_page(qtbot, site_pane)
    js(qtbot, site_pane, "document.querySelector('.masthead').dataset.kept = 'yes'")
    post.body = post.body.replace("마지막 문단", "새로 쓴 문단")
    show(qtbot, site_pane, post)
    state = js(qtbot, site_pane, """(() => ({
        kept: document.querySelector('.masthead').dataset.kept,
        text: document.getElementById('post-body').textContent}))()""")
    assert state["kept"] == "yes"  # the page was patched, not loaded again
    assert "새로 쓴 문단" in state["text"]
    assert "마지막 문단" not in state["text"]


def test_a_bundled_theme_replaces_the_site_page_and_back(qtbot, site_pane, site_post):
    post = Post.load(site_post)
    show(qtbot, site_pane, post)
    wait_for_site_page(qtbot, site_pane)
    with qtbot.waitSignal(site_pane.renderFinished, timeout=TIMEOUT):
        site_pane.set_theme("dark")
    assert site_pane.look.shown_name() == "dark"
    assert js(qtbot, site_pane, "document.querySelector('.masthead') === null")
    with qtbot.waitSignal(site_pane.renderFinished, timeout=TIMEOUT):
        site_pane.set_theme(SITE_LOOK)
    assert site_pane.look.shown_name() == "site"
    assert js(qtbot, site_pane, "document.querySelector('.masthead') !== null")


def test_a_post_outside_a_site_keeps_the_bundled_theme_and_says_why(qtbot, site_pane, tmp_path):
    path = tmp_path / "loose.md"
    path.write_text("---\ntitle: 혼자\n---\n문단.\n", encoding="utf-8")
    show(qtbot, site_pane, Post.load(path))
    assert site_pane.look.shown_name() == "default"
    assert site_pane.look.text == ""  # nothing to say: that is how such a post looks
    assert not site_pane.look.sites.is_building()


def test_without_jekyll_the_bundled_theme_stays(qtbot, site_pane, site_post, monkeypatch):
    monkeypatch.setattr("editor.ui.preview.site_look.jekyll_command", lambda: None)
    show(qtbot, site_pane, Post.load(site_post))
    assert site_pane.look.shown_name() == "default"
    assert "jekyll is not installed" in site_pane.look.text
    assert not site_pane.look.sites.is_building()


def test_a_failed_build_keeps_the_bundled_theme_and_says_what_jekyll_said(
        qtbot, site_pane, site_post):
    root = site_post.parent.parent
    (root / "_layouts" / "post.html").write_text("{% if %}broken", encoding="utf-8")
    with qtbot.waitSignal(site_pane.look.sites.failed, timeout=TIMEOUT):
        show(qtbot, site_pane, Post.load(site_post))
    qtbot.waitUntil(lambda: "could not be built" in site_pane.look.text, timeout=TIMEOUT)
    assert site_pane.look.shown_name() == "default"
    assert "\n" not in site_pane.look.text


def test_a_change_of_the_sites_sass_rebuilds_and_shows_the_new_look(qtbot, site_pane, site_post):
    root = site_post.parent.parent
    show(qtbot, site_pane, Post.load(site_post))
    wait_for_site_page(qtbot, site_pane)
    sass = root / "_sass" / "_look.scss"
    with qtbot.waitSignal(site_pane.look.sites.built, timeout=TIMEOUT):
        sass.write_text(sass.read_text(encoding="utf-8").replace("#b8336a", "#1f7a3a"),
                        encoding="utf-8")
    qtbot.waitUntil(lambda: not site_pane.is_busy(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: js(
        qtbot, site_pane, "getComputedStyle(document.querySelector('.masthead')).backgroundColor"
    ) == "rgb(31, 122, 58)", timeout=TIMEOUT)


def test_the_build_goes_to_the_cache_never_into_the_site(qtbot, site_pane, site_post):
    root = site_post.parent.parent
    show(qtbot, site_pane, Post.load(site_post))
    wait_for_site_page(qtbot, site_pane)
    assert not (root / "_site").exists()
    assert not (root / ".jekyll-cache").exists()
