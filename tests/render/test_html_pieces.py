"""Piece maps of HTML bodies: an edit renders only its pieces, and agrees with a whole render."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.document.post import Post
from editor.render import core as render
from editor.render import preview_jobs
from editor.render.html import scan_top_level
from editor.render.html_pieces import PieceMap


def body_of(count: int) -> str:
    return "\n\n".join(
        f'<p>문단 {n}: 바람이 <span style="color: #ee2323;">차가운</span> 저녁.</p>'
        for n in range(count)
    ) + "\n"


def whole(body: str) -> preview_jobs.Page:
    post = Post.new({"title": "조각"}, body, fmt="html")
    return preview_jobs.page_job(render.Renderer(jekyll=False), post.text(), None, "html",
                                 "default", None, "frame")


def utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def edited(body: str, find: str, replace: str, after: str = "") -> tuple[str, tuple]:
    """The body after the edit, and the edit as the editor reports it (UTF-16)."""
    start = body.index(find, body.index(after) if after else 0)
    new = body[:start] + replace + body[start + len(find):]
    return new, (utf16(body, start), utf16(find, len(find)), utf16(replace, len(replace)))


@pytest.mark.parametrize(("find", "replace", "after"), [
    ("바람이", "바람이 세게", "문단 4:"),
    ("저녁.", "저녁.\n새 줄", "문단 2:"),
    ("저녁.</p>", "저녁.</p>\n\n<h2>사이</h2>\n\n<p>더</p>", "문단 6:"),
    ("저녁.</p>\n\n<p>문단 8:", "저녁, 이어서", "문단 7:"),
    ("<p>문단 0:", "앞글 <p>문단 0:", ""),
    ("차가운", "차가운 🌙", "문단 9:"),
])
def test_an_edit_gives_the_keys_starts_and_lines_of_a_whole_render(find, replace, after):
    body = body_of(12)
    page = whole(body)
    pieces = PieceMap(page.layout, page.keys, utf16(body, len(body)))
    new, change = edited(body, find, replace, after)
    pieces.edit(*change)
    start, end = pieces.dirty_span()
    units = new.encode("utf-16-le")
    part = units[start * 2:end * 2].decode("utf-16-le")
    update = pieces.update(part, None, "frame")
    assert update is not None and len(part) < len(new) // 2
    pieces.apply(update)
    again = whole(new)
    assert pieces.keys == list(again.keys)
    assert tuple(pieces.starts) == again.layout.starts
    assert tuple(pieces.lines) == again.layout.lines
    assert pieces.dirty is None


def test_markup_left_open_at_the_cut_is_not_shown_alone():
    body = body_of(6)
    page = whole(body)
    pieces = PieceMap(page.layout, page.keys, len(body))
    new, change = edited(body, "바람이", "<!-- 바람이", "문단 2:")
    pieces.edit(*change)
    start, end = pieces.dirty_span()
    assert pieces.update(new[start:end], None, "frame") is None


def test_edits_far_apart_make_one_stretch_from_the_first_to_the_last():
    body = body_of(10)
    page = whole(body)
    pieces = PieceMap(page.layout, page.keys, len(body))
    pieces.edit(body.index("문단 2:"), 0, 1)
    pieces.edit(body.index("문단 7:") + 1, 0, 1)
    assert pieces.dirty == (3, 8)
    start, end = pieces.dirty_span()
    assert start == page.layout.starts[2]
    assert end == page.layout.starts[8] + 2


@pytest.mark.parametrize(("text", "clean"), [
    ("<p>가</p>\n\n", True),
    ("<p>가 <b>나</b>", True),  # an open <p> is closed by the next block
    ("<p>가</p> 1 < 2", True),
    ("<p>가 <!-- 나", False),
    ('<p>가 <a href="x', False),
    ("<p>가</p><b", False),
    ("<script>let a", False),
    ("<div><p>가</p>", False),
    ("<p>가</p><!-- 주석 -->", True),
    ('<p><img alt="</b>"\n\n', False),  # the "<" of <img opens a tag the cut cut off
    ("<p>가</p>\n<script>a<b</script>", True),
    ("<p>가 <b>굵게</p>\n\n", False),  # a browser carries the <b> on into what follows
    ("<p>가</p>", False),  # not asked: no answer but False
])
def test_a_scan_says_whether_text_can_be_cut_after_it(text, clean):
    asked = text != "<p>가</p>"
    assert scan_top_level(text, check_cut=asked).clean is clean


def test_scan_counts_lines_from_the_first_line_given():
    scan = scan_top_level("<p>가</p>\n\n<h2>나</h2>\n<hr>", first_line=10)
    assert [(block.start, block.line) for block in scan.blocks] == [(0, 10), (10, 12),
                                                                   (21, 13)]


BLOCKS = [
    "<p>첫 문단 <b>굵게</b></p>",
    '<h2 id="a">제목</h2>',
    "<ul>\n<li>하나</li>\n<li>둘</li>\n</ul>",
    "<!-- 주석 -->",
    '<pre><code class="language-python">x = 1\n</code></pre>',
    "<div>\n<p>안쪽</p>\n</div>",
    "맨 글",
    "<hr>",
    '<p><img src="a.png" alt="그림"></p>',
]


# What an edit puts in: letters, markup characters, whole and broken tags.
TYPED = [*'ab가 <>/p"=!-\n\'', "</p>", "<p>", "<div>", "</div>", "<!--", "-->", "<b>",
         "<script>", "</script>", "<iframe src=x>", "</iframe>", "<pre>", "<li>", "\n\n"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(BLOCKS), min_size=3, max_size=9),
       st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 6),
                          st.lists(st.sampled_from(TYPED), max_size=4).map("".join)),
                min_size=1, max_size=3))
def test_whatever_the_edits_an_update_given_agrees_with_a_whole_render(blocks, edits):
    body = "\n\n".join(blocks) + "\n"
    page = whole(body)
    if page.layout is None:
        return
    pieces = PieceMap(page.layout, page.keys, len(body))
    text = body
    for at, removed, added in edits:
        at = at % (len(text) + 1)
        removed = min(removed, len(text) - at)
        text = text[:at] + added + text[at + removed:]
        pieces.edit(at, removed, len(added))  # no astral characters: units are indexes
    start, end = pieces.dirty_span()
    update = pieces.update(text[start:end], None, "frame")
    if update is None:
        return  # rendered whole instead
    pieces.apply(update)
    again = whole(text)
    assert again.layout is not None
    assert pieces.keys == list(again.keys)
    assert tuple(pieces.starts) == again.layout.starts
    assert tuple(pieces.lines) == again.layout.lines


def test_a_body_whose_blocks_carry_formatting_on_has_no_layout():
    assert whole("<p>가 <b>굵게</p>\n\n<p>나</p>\n").layout is None
    assert whole("<p>가 <b>굵게</b></p>\n\n<p>나</p>\n").layout is not None
