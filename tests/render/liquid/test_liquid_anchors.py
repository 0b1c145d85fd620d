"""Anchors of the converted text point at body lines; errors show before their block."""

from __future__ import annotations

from editor.render.liquid import (
    LiquidSite,
    remap_anchors,
    render_liquid,
    with_error_markers,
)
from editor.render.markdown import PythonMarkdownEngine

BODY = """\
# Title

{% comment %}
a note to self
over three lines
{% endcomment %}

First paragraph.

{% for i in (1..3) %}
- item {{ i }}
{% endfor %}

{{ 1 | divided_by: 0 }}

Last paragraph.
"""


def markdown_to_html(text: str) -> str:
    """``text`` converted by an engine of its own."""
    return PythonMarkdownEngine().convert(text)


def _line_of(html: str, text: str) -> int:
    before = html[: html.index(text)]
    return int(before.rsplit('data-source-line="', 1)[1].split('"', 1)[0])


def test_anchors_point_at_body_lines_after_liquid():
    """Blocks after a collapsed comment and an expanded loop keep their body lines."""
    result = render_liquid(BODY, {}, LiquidSite(None))
    html = remap_anchors(markdown_to_html(result.text), result)
    lines = BODY.split("\n")
    assert lines[_line_of(html, "First paragraph") - 1] == "First paragraph."
    assert lines[_line_of(html, "Last paragraph") - 1] == "Last paragraph."
    assert _line_of(html, "Title") == 1


def test_error_marker_sits_before_the_block_at_its_line():
    """The divided_by error (line 14) shows right before the paragraph of line 16."""
    result = render_liquid(BODY, {}, LiquidSite(None))
    assert [problem.line for problem in result.errors] == [14]
    html = with_error_markers(remap_anchors(markdown_to_html(result.text), result), result)
    marker = html.index('<div class="liquid-error" data-source-line="14">')
    assert html.index("item 3") < marker < html.index("Last paragraph")
    assert "divided_by" in html[marker : html.index("Last paragraph")]


def test_error_after_every_block_goes_at_the_end():
    """An error below the last anchored block is appended after it."""
    result = render_liquid("Text.\n\n{{ 1 | divided_by: 0 }}", {}, None)
    html = with_error_markers(remap_anchors(markdown_to_html(result.text), result), result)
    assert html.rstrip().endswith("</div>")
    assert html.index("Text.") < html.index("liquid-error")


def test_without_liquid_anchors_are_untouched():
    """No Liquid ran: the HTML is returned as it is."""
    result = render_liquid("Plain.\n", {}, None)
    html = markdown_to_html(result.text)
    assert remap_anchors(html, result) == html == with_error_markers(html, result)
