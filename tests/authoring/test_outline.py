"""Tests for editor.authoring.outline: headings found, nested, and sections moved exactly."""

from __future__ import annotations

import pytest

from editor.authoring.outline import (
    find_headings,
    move_section,
    outline_tree,
    parents,
    section_at,
    section_range,
)

# A house-style HTML body: lead image, spacers around size26/size23 headings.
HOUSE = "\n".join([
    '<p><img src="https://example.com/lead.png" alt="표지" /></p>',
    '<p data-ke-size="size16">&nbsp;</p>',
    '<h2 data-ke-size="size26">첫째 마당: 준비 &amp; 계획</h2>',
    '<p data-ke-size="size16">&nbsp;</p>',
    "<p>봄마다 도서관 뒤뜰에서 씨앗을 나눈다.</p>",
    '<h3 data-ke-size="size23">씨앗 <b>고르기</b></h3>',
    "<p>작은 봉투에 이름을 적는다.</p>",
    '<h2 data-ke-size="size26">둘째 마당</h2>',
    "<p>여름에는 물을 자주 준다.</p>",
    '<h2 data-ke-size="size26">셋째 마당</h2>',
    '<p data-ke-size="size16">가을에 거둔다.</p>',
    "",
])


def titles(body: str, fmt: str = "html") -> list[tuple[int, str]]:
    return [(h.level, h.text) for h in find_headings(body, fmt)]


def test_house_headings_with_levels_plain_text_offsets_and_lines():
    """size26/size23 headings are h2/h3; spacer and body paragraphs are not headings."""
    headings = find_headings(HOUSE)
    assert [(h.level, h.text, h.line) for h in headings] == [
        (2, "첫째 마당: 준비 & 계획", 3), (3, "씨앗 고르기", 6),
        (2, "둘째 마당", 8), (2, "셋째 마당", 10)]
    first = headings[0]
    assert HOUSE[first.start:first.end] == \
        '<h2 data-ke-size="size26">첫째 마당: 준비 &amp; 계획</h2>'
    assert {h.kind for h in headings} == {"html"}


def test_html_headings_of_every_level_case_and_attributes():
    body = "<H1 class='t'>One</H1>\n<h4>Four<br>lines</h4><h6 id=x>\n  Six  </h6>\n<h7>no</h7>"
    assert titles(body) == [(1, "One"), (4, "Fourlines"), (6, "Six")]


def test_html_comments_and_raw_elements_hide_headings():
    body = ("<!-- <h2>hidden</h2>\n<h3>also</h3> -->\n<pre><h2>code</h2></pre>\n"
            "<script>'<h2>js</h2>'</script><style>/* <h2> */</style>\n<h2>shown</h2>\n"
            "<PRE>\n<h4>upper</h4></pre>")
    assert titles(body) == [(2, "shown")]


def test_an_unclosed_heading_does_not_swallow_the_next():
    assert titles("<h2>open\n<p>text</p>\n<h2>closed</h2>") == [(2, "closed")]


def test_markdown_atx_and_setext():
    """As Python-Markdown (the preview) reads them: seven #s make an h6 of "# seven"."""
    body = ("# Title #\n\nText\n\n## Second **bold** and [link](http://x) ##\n"
            "###### Six\n####### seven\nUnder one\n=========\n\nUnder two\n---\n\n---\n")
    headings = find_headings(body, "markdown")
    assert [(h.level, h.text, h.line, h.kind) for h in headings] == [
        (1, "Title", 1, "atx"), (2, "Second bold and link", 5, "atx"),
        (6, "Six", 6, "atx"), (6, "# seven", 7, "atx"), (1, "Under one", 8, "setext"),
        (2, "Under two", 11, "setext")]
    setext = headings[4]
    assert body[setext.start:setext.end] == "Under one\n========="


def test_markdown_code_blocks_comments_and_spans_are_not_headings():
    body = "\n".join([
        "```python", "# comment in a fence", "<h2>in fence</h2>", "```",
        "~~~~", "## tilde fence", "~~~~",
        "",
        "    # indented code", "    <h2>indented</h2>",
        "",
        "<!--", "# in a comment", "-->",
        "Inline `<h2>span</h2>` stays text",
        "  # not at the line start",
        "## Real",
        "<h3>Raw HTML heading</h3>",
    ])
    assert titles(body, "markdown") == [(2, "Real"), (3, "Raw HTML heading")]


def test_an_unclosed_fence_hides_the_rest():
    assert titles("# Before\n```\n# inside\n", "markdown") == [(1, "Before")]


def test_markdown_markers_are_not_headings_in_an_html_body():
    assert titles("# not a heading\n<h2>yes</h2>\n") == [(2, "yes")]


def test_first_line_and_korean_titles():
    body = "# 한국어 제목\n본문\n## 둘째 — 부제\n"
    headings = find_headings(body, "markdown")
    assert [(h.text, h.start, h.line) for h in headings] == [
        ("한국어 제목", 0, 1), ("둘째 — 부제", body.index("## 둘째"), 3)]


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        find_headings("", "rst")


def test_tree_nests_by_level():
    body = "# A\n## A1\n### A1a\n## A2\n# B\n### B1\n"
    headings = find_headings(body, "markdown")
    tree = outline_tree(headings)
    shape = [(n.heading.text, [(c.heading.text, [g.heading.text for g in c.children])
                               for c in n.children]) for n in tree]
    assert shape == [("A", [("A1", ["A1a"]), ("A2", [])]), ("B", [("B1", [])])]
    assert parents(headings) == [None, 0, 1, 0, None, 4]


def test_section_range_runs_to_the_next_heading_of_the_same_or_higher_level():
    headings = find_headings(HOUSE)
    start, end = section_range(HOUSE, headings, 0)
    assert HOUSE[start:end].startswith('<h2 data-ke-size="size26">첫째')
    assert HOUSE[end:].startswith('<h2 data-ke-size="size26">둘째')
    assert "씨앗 <b>고르기</b>" in HOUSE[start:end]  # the subsection comes along
    start, end = section_range(HOUSE, headings, 1)
    assert HOUSE[start:end] == '<h3 data-ke-size="size23">씨앗 <b>고르기</b></h3>\n' \
        "<p>작은 봉투에 이름을 적는다.</p>\n"
    assert section_range(HOUSE, headings, 3)[1] == len(HOUSE)


def test_section_at_finds_the_innermost_section():
    headings = find_headings(HOUSE)
    assert section_at(HOUSE, headings, 0) is None
    assert section_at(HOUSE, headings, HOUSE.index("봄마다")) == 0
    assert section_at(HOUSE, headings, HOUSE.index("작은 봉투")) == 1
    assert section_at(HOUSE, headings, len(HOUSE)) == 3


BODY = "Lead\n## A\na\n### A1\na1\n### A2\na2\n## B\nb\n## C\nc\n"


def moved(body: str, index: int, direction: int, fmt: str = "markdown") -> str | None:
    result = move_section(body, find_headings(body, fmt), index, direction)
    if result is None:
        return None
    # The changed span describes the edit exactly.
    assert body[:result.start] + result.text[result.start:result.new_end] + \
        body[result.old_end:] == result.text
    return result.text


def test_moving_the_first_and_last_sections_is_refused_at_the_edges():
    assert moved(BODY, 0, -1) is None  # A is the first top-level section
    assert moved(BODY, 4, 1) is None  # C is the last
    assert moved(BODY, 1, -1) is None  # A1 is the first under A
    assert moved(BODY, 2, 1) is None  # A2 is the last under A
    assert moved(BODY, 9, 1) is None and moved(BODY, 0, 0) is None


def test_moving_a_middle_section_up_and_down_byte_exact():
    assert moved(BODY, 3, -1) == "Lead\n## B\nb\n## A\na\n### A1\na1\n### A2\na2\n## C\nc\n"
    assert moved(BODY, 3, 1) == "Lead\n## A\na\n### A1\na1\n### A2\na2\n## C\nc\n## B\nb\n"


def test_a_section_moves_with_its_subsections():
    assert moved(BODY, 0, 1) == "Lead\n## B\nb\n## A\na\n### A1\na1\n### A2\na2\n## C\nc\n"


def test_subsections_move_within_their_parent():
    assert moved(BODY, 2, -1) == "Lead\n## A\na\n### A2\na2\n### A1\na1\n## B\nb\n## C\nc\n"


def test_moving_up_then_down_restores_the_text():
    once = moved(BODY, 3, -1)
    assert moved(once, 0, 1) == BODY


def test_house_sections_move_with_their_spacers_and_korean_text():
    text = moved(HOUSE, 2, 1, "html")
    assert text is not None and sorted(text) == sorted(HOUSE)
    assert text.index("셋째 마당") < text.index("둘째 마당")
    assert text.index("첫째 마당") < text.index("씨앗") < text.index("셋째 마당")
    assert text.endswith("<p>여름에는 물을 자주 준다.</p>\n")


def test_last_section_without_a_final_newline():
    body = "## A\na\n## B\nb"
    result = move_section(body, find_headings(body, "markdown"), 1, -1)
    assert result.text == "## B\nb\n## A\na"
    assert result.text[result.moved_start:result.moved_end] == "## B\nb\n"
    assert moved(body, 0, 1) == "## B\nb\n## A\na"


def test_shift_maps_an_offset_inside_the_moved_section():
    result = move_section(BODY, find_headings(BODY, "markdown"), 3, -1)
    offset = BODY.index("b\n## C")
    assert result.text[offset + result.shift] == "b"
    assert result.text[result.moved_start:result.moved_end] == "## B\nb\n"


def test_heading_in_the_middle_of_a_line_starts_its_section_there():
    body = "<div><h2>A</h2>\n<p>a</p></div>\n<h2>B</h2>\n<p>b</p>\n"
    result = move_section(body, find_headings(body), 1, -1)
    assert result.text == "<div><h2>B</h2>\n<p>b</p>\n<h2>A</h2>\n<p>a</p></div>\n"


def test_a_one_megabyte_post_is_scanned_in_one_pass():
    """A 1 MB house post: every heading found, lines counted right (speed: benchmarks/)."""
    body = HOUSE * (1_000_000 // len(HOUSE) + 1)
    headings = find_headings(body)
    copies = 1_000_000 // len(HOUSE) + 1
    assert len(headings) == 4 * copies
    assert headings[-1].line == (copies - 1) * HOUSE.count("\n") + 10


def test_the_signature_footer_stays_last():
    """The house signature line closes the post: the last section moves without it."""
    body = ("<h2>A</h2>\n<p>a</p>\n<h2>B</h2>\n<p>b</p>\n"
            '동네 소식, <a href="https://example.org" rel="dofollow">example.org</a>\n')
    headings = find_headings(body)
    assert body[section_range(body, headings, 1)[1]:].startswith("동네 소식")
    assert moved(body, 1, -1, "html") == (
        "<h2>B</h2>\n<p>b</p>\n<h2>A</h2>\n<p>a</p>\n"
        '동네 소식, <a href="https://example.org" rel="dofollow">example.org</a>\n')
