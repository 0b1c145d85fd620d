"""The Site look's page pieces without a browser: live front-matter fields marked where
the built page prints them, root paths pointed at the build as served, field calls."""

from __future__ import annotations

import json
from pathlib import Path

from editor.document.post import Post
from editor.render import preview_jobs
from editor.render.preview_page import point_css_root_urls
from editor.render.site_preview import FIELD_ATTRIBUTE, mark_fields, point_root_links

PAGE = """<html><head><title>봄 &amp; 정원 | 블로그</title></head><body>
<header class="masthead">블로그</header>
<h1 class="title">
  봄 &amp; 정원
</h1><nav><a href="/x">봄 & 정원</a></nav><p>봄 & 정원 이야기</p>
<!-- 봄 & 정원 --><textarea>봄 & 정원</textarea></body></html>"""


def test_elements_printing_the_built_title_show_the_live_one_and_are_marked():
    marked = mark_fields(PAGE, {"title": "봄 & 정원"}, {"title": "<가을> 정원"})
    assert f'<h1 class="title" {FIELD_ATTRIBUTE}="title">\n  &lt;가을&gt; 정원\n</h1>' in marked
    assert f'<a href="/x" {FIELD_ATTRIBUTE}="title">&lt;가을&gt; 정원</a>' in marked
    # Text that only contains the title, raw text and comments are left alone.
    assert "<p>봄 & 정원 이야기</p>" in marked
    assert "<title>봄 &amp; 정원 | 블로그</title>" in marked
    assert "<textarea>봄 & 정원</textarea>" in marked
    assert "<!-- 봄 & 정원 -->" in marked
    assert marked.count(FIELD_ATTRIBUTE) == 2


def test_a_field_the_post_no_longer_sets_keeps_its_built_value():
    marked = mark_fields(PAGE, {"title": "봄 & 정원"}, {})
    assert f'<a href="/x" {FIELD_ATTRIBUTE}="title">봄 &amp; 정원</a>' in marked


def test_no_built_values_leave_the_page_as_it_is():
    assert mark_fields(PAGE, {}, {"title": "x"}) is PAGE
    assert mark_fields(PAGE, {"title": "  "}, {"title": "x"}) is PAGE


def test_the_field_call_carries_the_posts_values():
    post = Post.from_text("---\ntitle: 새 제목\ndescription: 설명\n---\n본문\n")
    call = preview_jobs.field_call(post)
    assert call.startswith("window.__articlePreview.setFields(")
    assert json.loads(call[call.index("(") + 1:-1]) == {"title": "새 제목", "description": "설명"}


def test_root_paths_point_into_the_build_as_served(tmp_path):
    served = tmp_path / "_site.123"
    prefix = f"article-preview://{Path(served).resolve()}/"
    assert point_root_links('<link href="/a.css"><a href="//h/x">', served) == (
        f'<link href="{prefix}a.css"><a href="//h/x">')
    css = ('@font-face{src:url("/f/a.woff2"),url(/f/a.ttf)} b{background:url(x.png)}'
           ' @import "/more.css"; i{background:url(//cdn/x.png)}')
    assert point_css_root_urls(css, served) == (
        f'@font-face{{src:url("{prefix}f/a.woff2"),url({prefix}f/a.ttf)}} '
        f'b{{background:url(x.png)}} @import "{prefix}more.css"; '
        "i{background:url(//cdn/x.png)}")
