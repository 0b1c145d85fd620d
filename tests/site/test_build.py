"""Tests for editor.site.build: the site's own look, built by the real Jekyll into the cache."""

from __future__ import annotations

import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from editor.site.build import (
    MARKER,
    BuildRun,
    SiteBuildCancelled,
    SiteBuilder,
    SiteBuildError,
    jekyll_command,
    look_stamp,
)
from tests.tools.processes import state

LAYOUT = """<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>{{ page.title }}</title>
<link rel="stylesheet" href="{{ '/assets/css/site.css' | relative_url }}"></head>
<body><header class="masthead">{{ site.title }}</header>
<main><h1 class="title">{{ page.title }}</h1><div class="entry">{{ content }}</div></main>
{% include footer.html %}</body></html>
"""


def make_site(root: Path) -> Path:
    """A small site with its own layout, include, Sass and one post and one draft."""
    (root / "_layouts").mkdir(parents=True)
    (root / "_includes").mkdir()
    (root / "_sass").mkdir()
    (root / "assets" / "css").mkdir(parents=True)
    (root / "_posts").mkdir()
    (root / "_drafts").mkdir()
    (root / "_config.yml").write_text(
        "title: 작은 블로그\nbaseurl: /blog\ndefaults:\n  - scope: {path: ''}\n"
        "    values: {layout: post}\n", encoding="utf-8")
    (root / "_layouts" / "post.html").write_text(LAYOUT, encoding="utf-8")
    (root / "_includes" / "footer.html").write_text(
        '<footer class="foot">끝</footer>\n', encoding="utf-8")
    (root / "_sass" / "_colours.scss").write_text("$ink: #223344;\n", encoding="utf-8")
    (root / "assets" / "css" / "site.scss").write_text(
        '---\n---\n@import "colours";\nbody { color: $ink; }\n', encoding="utf-8")
    post = root / "_posts" / "2026-03-01-spring.md"
    post.write_text("---\ntitle: 봄 소식\n---\n첫 문단입니다.\n", encoding="utf-8")
    (root / "_drafts" / "autumn.md").write_text(
        "---\ntitle: 가을 초안\n---\n초안 문단.\n", encoding="utf-8")
    return post


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_mtime_ns, p.stat().st_size)
            for p in root.rglob("*")}


@pytest.fixture
def site(tmp_path):
    assert jekyll_command(), "the jekyll program (Debian package jekyll) is needed"
    root = tmp_path / "site"
    post = make_site(root)
    return root, post


def test_build_shows_a_post_in_its_layout_with_the_body_left_open(site, tmp_path):
    """The built page has the site's layout and include; the body is the marker's place."""
    root, post = site
    built = SiteBuilder(root, tmp_path / "cache").build()
    page = built.page_for(post)
    assert page is not None
    assert '<header class="masthead">작은 블로그</header>' in page.before
    assert '<h1 class="title">봄 소식</h1><div class="entry">' in page.before
    assert page.after.startswith("</div></main>")
    assert '<footer class="foot">끝</footer>' in page.after
    assert "첫 문단" not in page.before + page.after
    wrapped = page.wrap("<p>새 본문</p>", "post-body")
    assert '<div id="post-body" style="display: contents"><p>새 본문</p></div>' in wrapped
    assert MARKER not in wrapped
    # baseurl is emptied, so the stylesheet is found inside the built folder
    assert 'href="/assets/css/site.css"' in page.before
    css = (page.output / "assets" / "css" / "site.css").read_text(encoding="utf-8")
    assert "color: #223344" in css


def test_drafts_have_pages_too(site, tmp_path):
    """A draft being written is built, so the preview can show it in the site's look."""
    root, _post = site
    built = SiteBuilder(root, tmp_path / "cache").build()
    page = built.page_for(root / "_drafts" / "autumn.md")
    assert page is not None and '<h1 class="title">가을 초안</h1>' in page.before


def test_the_site_folder_is_left_untouched(site, tmp_path):
    """No _site/, no .jekyll-cache, no changed file in the writer's site."""
    root, _post = site
    before = snapshot(root)
    SiteBuilder(root, tmp_path / "cache").build()
    assert snapshot(root) == before
    assert not (root / "_site").exists()


def test_a_broken_site_reports_what_jekyll_said(site, tmp_path):
    """A layout with a Liquid syntax error gives a SiteBuildError naming the problem."""
    root, _post = site
    (root / "_layouts" / "post.html").write_text("{% if %}\n{{ content }}", encoding="utf-8")
    with pytest.raises(SiteBuildError) as caught:
        SiteBuilder(root, tmp_path / "cache").build()
    assert caught.value.message.startswith("Liquid Exception: Liquid syntax error (line 1)")
    assert "post.html" in caught.value.message and "\x1b" not in caught.value.message


def test_missing_jekyll_is_a_clear_error(site, tmp_path, monkeypatch):
    root, _post = site
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(SiteBuildError, match="jekyll is not installed"):
        SiteBuilder(root, tmp_path / "cache").build()


def test_look_stamp_changes_with_the_look_not_with_posts(site):
    """Layouts, includes, Sass, assets and the config count; a post's text does not."""
    root, post = site
    first = look_stamp(root)
    post.write_text("---\ntitle: 봄 소식\n---\n고친 문단.\n", encoding="utf-8")
    assert look_stamp(root) == first
    (root / "_sass" / "_colours.scss").write_text("$ink: #111111;\n", encoding="utf-8")
    assert look_stamp(root) != first


def test_builds_run_at_idle_priority_where_the_system_offers_it(monkeypatch):
    """Typing comes first: the build asks for the idle scheduling class, else nice."""
    import shutil

    from editor.site.build import SiteBuilder

    tools = {"chrt": "/usr/bin/chrt", "nice": "/usr/bin/nice"}
    monkeypatch.setattr(shutil, "which", lambda name: tools.get(name))
    assert SiteBuilder._gently(["jekyll", "build"]) == [
        "/usr/bin/chrt", "--idle", "0", "/usr/bin/nice", "-n", "19", "jekyll", "build"]
    del tools["chrt"]
    assert SiteBuilder._gently(["jekyll"]) == ["/usr/bin/nice", "-n", "19", "jekyll"]
    tools.clear()
    assert SiteBuilder._gently(["jekyll"]) == ["jekyll"]


def _sleeper(seconds: float) -> subprocess.Popen:
    return subprocess.Popen(["sleep", str(seconds)], start_new_session=True)


def test_time_stopped_does_not_count_against_the_timeout():
    """A build stopped for longer than its timeout still finishes: only running counts."""
    run = BuildRun()
    run.pause()  # stopped from the start (the writer was typing)
    process = _sleeper(0.5)
    started = time.monotonic()
    threading.Timer(2.0, run.resume).start()
    assert run.follow(process, timeout=1.5) == 0
    assert time.monotonic() - started >= 2.0
    assert state(process.pid) is None


def test_a_build_running_longer_than_its_timeout_is_killed():
    process = _sleeper(30)
    started = time.monotonic()
    assert BuildRun().follow(process, timeout=0.5) is None
    assert time.monotonic() - started < 10
    assert state(process.pid) is None


def test_cancelling_a_stopped_build_ends_it_without_a_zombie():
    run = BuildRun()
    process = _sleeper(30)
    waiting = threading.Thread(target=lambda: run.follow(process, timeout=60))
    waiting.start()
    run.pause()
    deadline = time.monotonic() + 10
    while state(process.pid) != "T" and time.monotonic() < deadline:
        time.sleep(0.02)
    assert state(process.pid) == "T"
    run.cancel()
    waiting.join(10)
    assert not waiting.is_alive()
    assert process.returncode == -signal.SIGTERM
    assert state(process.pid) is None


def test_a_cancelled_build_raises_cancelled(site, tmp_path):
    root, _post = site
    run = BuildRun()
    run.cancel()
    with pytest.raises(SiteBuildCancelled):
        SiteBuilder(root, tmp_path / "cache").build(run=run)


def test_the_manifest_keeps_the_title_the_page_was_built_with(site, tmp_path):
    """The plugin records the live fields' values: the preview finds where they show."""
    root, post = site
    built = SiteBuilder(root, tmp_path / "cache").build()
    page = built.page_for(post)
    assert page is not None
    assert page.fields == {"title": "봄 소식"}
    assert page.generation == built.started > 0
    assert page.served.name == f"_site.{built.started}"
    assert page.served_file == page.served / page.file.relative_to(page.output)
