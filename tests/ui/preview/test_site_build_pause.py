"""The Site look's background build gives way to typing: stopped (SIGSTOP to its process
group) while the writer types, going on after a pause, ended cleanly by a rebuild or
when the pane goes; a build started while stopped still finishes and shows the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.document.post import Post
from editor.site.build import jekyll_command
from editor.ui.preview import site_look
from tests.tools.processes import state
from tests.ui.preview.jekyll_site import make_site
from tests.ui.preview.test_site_look import TIMEOUT, show, wait_for_site_page

PAUSE_MS = 1000


@pytest.fixture(autouse=True)
def short_pause(monkeypatch):
    monkeypatch.setattr(site_look, "TYPING_PAUSE_MS", PAUSE_MS)


@pytest.fixture
def site_root(tmp_path) -> Path:
    assert jekyll_command(), "the jekyll program (Debian package jekyll) is needed"
    return make_site(tmp_path / "site").parent.parent


@pytest.fixture
def look(qtbot, tmp_path):
    sites = site_look.SiteLook(cache=tmp_path / "cache")
    yield sites
    sites.stop()
    sites.wait(TIMEOUT)


def running_pid(qtbot, look, root: Path) -> int:
    qtbot.waitUntil(lambda: look.run_of(root) is not None and look.run_of(root).pid() is not None,
                    timeout=TIMEOUT)
    return look.run_of(root).pid()


def test_typing_stops_the_build_and_a_pause_lets_it_finish(qtbot, look, site_root):
    look.build(site_root)
    pid = running_pid(qtbot, look, site_root)
    look.typing()
    qtbot.waitUntil(lambda: state(pid) == "T", timeout=TIMEOUT)
    # Keys keep coming for longer than the pause: the build stays stopped throughout.
    for _ in range(6):
        qtbot.wait(PAUSE_MS // 5)
        look.typing()
        assert state(pid) == "T"
    assert look.is_building(site_root)
    with qtbot.waitSignal(look.built, timeout=TIMEOUT):
        pass  # no more keys: it goes on and finishes
    assert state(pid) is None  # ended and reaped
    assert look.site(site_root).page_for(next((site_root / "_posts").iterdir())) is not None


def test_a_rebuild_ends_a_stopped_build_and_the_new_one_finishes(qtbot, look, site_root):
    look.build(site_root)
    pid = running_pid(qtbot, look, site_root)
    look.typing()
    qtbot.waitUntil(lambda: state(pid) == "T", timeout=TIMEOUT)
    built: list[object] = []
    look.built.connect(built.append)
    look.build(site_root)  # the site changed: the stopped build is out of date
    qtbot.waitUntil(lambda: state(pid) is None, timeout=TIMEOUT)  # no zombie left
    with qtbot.waitSignal(look.built, timeout=TIMEOUT):
        pass
    assert built == [site_root]  # one build reported: the new one
    assert look.error(site_root) is None


def test_stopping_ends_a_stopped_build(qtbot, look, site_root):
    look.build(site_root)
    pid = running_pid(qtbot, look, site_root)
    look.typing()
    qtbot.waitUntil(lambda: state(pid) == "T", timeout=TIMEOUT)
    look.stop()  # the window closes
    assert look.wait(TIMEOUT)
    assert state(pid) is None


@pytest.fixture
def long_pause(monkeypatch):
    # Long enough to see the build stopped before the pause ends, however slow the start.
    monkeypatch.setattr(site_look, "TYPING_PAUSE_MS", 3000)


def test_a_build_started_while_typing_starts_stopped_and_still_shows_the_site(
        qtbot, long_pause, site_pane, site_root):
    sites = site_pane.look.sites
    sites.typing()  # the writer is typing when the post's site is first built
    post = Post.load(next((site_root / "_posts").iterdir()))
    show(qtbot, site_pane, post)
    pid = running_pid(qtbot, sites, site_root)
    assert sites.run_of(site_root).paused
    qtbot.waitUntil(lambda: state(pid) == "T", timeout=TIMEOUT)
    assert site_pane.look.shown_name() == "default"
    wait_for_site_page(qtbot, site_pane)
    assert site_pane.look.text == ""


def test_showing_a_post_of_no_site_ends_a_stopped_build(qtbot, long_pause, site_pane, site_root,
                                                        tmp_path):
    """The writer closed the site's post (another post shows): its build goes, cleanly."""
    sites = site_pane.look.sites
    show(qtbot, site_pane, Post.load(next((site_root / "_posts").iterdir())))
    pid = running_pid(qtbot, sites, site_root)
    sites.typing()
    qtbot.waitUntil(lambda: state(pid) == "T", timeout=TIMEOUT)
    loose = tmp_path / "loose.md"
    loose.write_text("---\ntitle: 혼자\n---\n문단.\n", encoding="utf-8")
    show(qtbot, site_pane, Post.load(loose))
    qtbot.waitUntil(lambda: not sites.is_building(), timeout=TIMEOUT)
    assert state(pid) is None
    assert sites.error(site_root) is None  # ended, not failed
