"""The preview's own adjustments of rendered HTML read tags, never text that looks like one."""

from __future__ import annotations

from pathlib import Path

from editor.render import preview_page

ROOT = Path("/srv/blog")
PREFIX = preview_page.folder_url(ROOT)


def test_only_src_values_of_tags_point_at_the_site_root():
    markup = ('<p>write src="/x.png" in a tag</p><img alt="a > b" src="/assets/y.png">'
              "<!-- <img src=\"/hidden.png\"> --><img src=/z.png><img src=\"//cdn/a.png\">")
    rewritten = preview_page.rewrite_site_paths(markup, ROOT)
    assert 'write src="/x.png" in a tag' in rewritten
    assert f'src="{PREFIX}assets/y.png"' in rewritten
    assert '<img src="/hidden.png">' in rewritten
    assert f"src={PREFIX}z.png>" in rewritten
    assert 'src="//cdn/a.png"' in rewritten


def test_file_urls_go_through_the_preview_scheme_without_a_site():
    markup = "<img src='FILE:///tmp/a.png' alt=\"file:///b\"> file:///c"
    assert preview_page.rewrite_site_paths(markup, None) == (
        "<img src='article-preview:///tmp/a.png' alt=\"file:///b\"> file:///c")


def test_frames_become_boxes_with_what_they_hold_and_comments_are_left_alone():
    markup = ('<p>앞 <iframe src="https://v.example/1"><b>대체</b></iframe> 뒤</p>'
              '<object data="m.swf">대체 글</object><!-- <iframe src="x"></iframe> -->'
              '<iframe src="https://open.example/2">')
    boxed = preview_page.replace_embeds(markup, "틀")
    assert "대체" not in boxed.split("<!--")[0]
    assert boxed.count('class="iframe-placeholder"') == 3
    assert 'data-src="m.swf"' in boxed and 'data-src="https://open.example/2"' in boxed
    assert '<!-- <iframe src="x"></iframe> -->' in boxed
    assert boxed.startswith("<p>앞 <span") and "</span> 뒤</p>" in boxed


def test_markup_without_frames_or_sources_is_returned_as_is():
    markup = "<p>글</p>" * 3
    assert preview_page.replace_embeds(markup, "틀") is markup
    assert preview_page.rewrite_site_paths(markup, ROOT) is markup
