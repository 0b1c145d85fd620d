"""Tests for the source editor's core: line tokens with carried state, house tints, colours."""

from __future__ import annotations

from pygments.token import Comment, Generic, Name, String, Token

from editor.authoring.source_colours import editor_colours, style_name_for_theme, token_style
from editor.authoring.source_tints import (
    TEXT_COLOUR_TINT_ALPHA,
    bold_ranges,
    house_tints,
    style_tint,
)
from editor.authoring.tokens import ROOT_STATE, describe_state, tokenize_line


def tokens_of(line, body_format="html", state=ROOT_STATE):
    """(text, token) pairs of one line, and the end state."""
    runs, end = tokenize_line(line, body_format, state)
    return [(line[r.start : r.start + r.length], r.token) for r in runs], end


def tokenize_lines(lines, body_format="html"):
    """Tokenise lines in sequence, carrying the state like the highlighter does."""
    state = ROOT_STATE
    result = []
    for line in lines:
        pairs, state = tokens_of(line, body_format, state)
        result.append((pairs, state))
    return result


def test_html_tags_attributes_and_values():
    """Tag names, attribute names and quoted values get their own token types."""
    pairs, end = tokens_of('<h2 data-ke-size="size26">제목</h2>')
    assert ("h2", Name.Tag) in pairs
    assert ("data-ke-size", Name.Attribute) in pairs
    assert ('"size26"', String) in pairs
    assert end == ROOT_STATE


def test_runs_cover_the_line_exactly():
    """Runs are contiguous, in order, and end at the line's end (no newline)."""
    line = '<p>시립 <b>도서관</b> &nbsp;</p>'
    runs, _ = tokenize_line(line, "html")
    position = 0
    for run in runs:
        assert run.start == position
        position += run.length
    assert position == len(line)


def test_multiline_html_comment_state_carries_over():
    """An unclosed comment keeps the following lines comments until '-->'."""
    result = tokenize_lines(["<p>a</p> <!-- note", "<b>not a tag</b>", "end --> <i>x</i>"])
    assert describe_state(result[0][1])[-1] == "comment"
    assert result[1][0] == [("<b>not a tag</b>", Comment.Multiline)]
    assert result[2][0][0] == ("end -->", Comment.Multiline)
    assert ("i", Name.Tag) in result[2][0]
    assert result[2][1] == ROOT_STATE


def test_tag_split_over_lines_keeps_attributes():
    """Attributes on the line after an unfinished tag are still attributes."""
    result = tokenize_lines(['<table', '  style="width: 100%;">'])
    assert describe_state(result[0][1])[-1] == "tag"
    assert ("style", Name.Attribute) in result[1][0]
    assert result[1][1] == ROOT_STATE


def test_script_content_spans_lines():
    """Lines inside <script> are JavaScript until the closing tag."""
    result = tokenize_lines(["<script>", "var x = 1;", "</script>"])
    assert describe_state(result[1][1])[-1] == "script-content"
    assert any(token in Token.Keyword for _, token in result[1][0])
    assert result[2][1] == ROOT_STATE


def test_markdown_headings_emphasis_and_inline_html():
    """Markdown lines give heading, emphasis, strong and tag tokens."""
    heading, _ = tokens_of("## 운영 시간", "markdown")
    assert heading == [("## 운영 시간", Generic.Subheading)]
    body, _ = tokens_of('*a* and **b** <span style="color: #ee2323;">c</span>', "markdown")
    assert ("*a*", Generic.Emph) in body
    assert ("**b**", Generic.Strong) in body
    assert ("span", Name.Tag) in body


def test_markdown_fenced_code_state():
    """Fenced code is tracked across lines and ends at the closing fence."""
    result = tokenize_lines(["```python", "# not a heading", "```", "# heading"], "markdown")
    assert describe_state(result[0][1])[0] == "fence"
    assert all(token is not Generic.Heading for _, token in result[1][0])
    assert result[2][1] == ROOT_STATE
    assert result[3][0] == [("# heading", Generic.Heading)]


def test_house_tints_text_colour_and_background():
    """A colour span tints its inner text lightly; a background span uses its own colour."""
    line = (
        '<b><span style="color: #ee2323;">빨강</span></b> '
        '<b><span style="background-color: #21538527;">표시</span></b>'
    )
    tints = house_tints(line)
    assert [line[t.start : t.end] for t in tints] == ["빨강", "표시"]
    assert tints[0].rgba == (0xEE, 0x23, 0x23, TEXT_COLOUR_TINT_ALPHA)
    assert tints[1].rgba == (33, 83, 133, round(0x27 / 255, 3))


def test_house_tints_tolerate_spacing_case_and_open_spans():
    """Uppercase hex, odd spacing, single quotes and unclosed spans still tint."""
    line = "<SPAN STYLE = 'COLOR : #1A5490 ;'>파랑 계속"
    tints = house_tints(line)
    assert len(tints) == 1
    assert line[tints[0].start : tints[0].end] == "파랑 계속"
    assert tints[0].rgba[:3] == (0x1A, 0x54, 0x90)
    assert house_tints('<span class="x">plain</span>') == []


def test_style_tint_prefers_background():
    """With both colour and background, the background (what readers see) wins."""
    assert style_tint("color: #000; background-color: rgb(1, 2, 3)") == (1, 2, 3, 1.0)
    assert style_tint("font-weight: bold") is None


def test_bold_ranges_b_and_strong():
    """<b> and <strong> inner ranges are reported, nested tags included."""
    line = "<b><span>x</span></b> and <STRONG>y</STRONG>"
    ranges = bold_ranges(line)
    assert [line[s:e] for s, e in ranges] == ["<span>x</span>", "y"]


def test_themes_give_different_token_colours_and_palettes():
    """The dark theme has a dark background and different tag colours from the light one."""
    light, dark = style_name_for_theme("default"), style_name_for_theme("dark")
    assert light != dark
    assert token_style(light, Name.Tag).color != token_style(dark, Name.Tag).color
    assert not editor_colours(light).dark
    assert editor_colours(dark).dark
    assert editor_colours(dark).background != editor_colours(light).background
    assert style_name_for_theme("unknown") == light


def test_house_tints_skip_commented_spans_and_data_style_attributes():
    """A span inside a comment tints nothing, nor does an attribute merely named like style."""
    line = '<!-- <span style="color: #ee2323;">x</span> --><span data-style="color: red">y</span>'
    assert house_tints(line) == []
    assert bold_ranges("<!-- <b>x</b> -->") == []
