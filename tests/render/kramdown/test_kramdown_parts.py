"""The kramdown engine's part cache: a post converted by parts is the post converted whole.

What spans parts (link references, attribute list definitions, repeated heading ids,
an attribute list before its block, math and comments over blank lines) is written
into long texts here, and the parts' HTML must equal ``convert_whole``'s.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings

from editor.render.kramdown import KramdownEngine
from editor.render.kramdown import parts as kramdown_parts
from tests.render.test_never_raises import KRAMDOWN, bodies
from tests.render.test_render import squeeze

FIXTURES = Path(__file__).parent / "fixtures"


def section(n: int) -> str:
    return (
        f"## Seats and lamps\n\nThe room's {n}th \"quiet\" corner -- see [the notice][notice].\n"
        "{: seat}\n\n"
        f"- first {n}\n  - nested\n- second\n\n"
        f"```python\nprint({n})\n```\n\n"
        f"{{: .before-table}}\n\n| a | b |\n|---|---|\n| {n} | x |\n\n"
        f"Plain paragraph number {n} with *emphasis*\nand `code` in paragraph {n}.\n"
    )


def long_text(sections: int = 60) -> str:
    body = "\n".join(section(n) for n in range(sections))
    return (
        "{:seat: .seat data-kind=\"chair\"}\n\n"
        + body
        + "\n$$\na + b\n\n= c\n$$\n\n{::comment}\nhidden\n\nstill hidden\n{:/comment}\n\n"
        + "```\n{:fake: .not-a-definition}\n[fake]: /not-a-reference\n```\n\n"
        + '[notice]: https://example.org/notice "Notice"\n'
    )


def blocks(html: str) -> str:
    """``html`` less the whitespace between blocks (parts are joined by one newline,
    Python-Markdown joins some blocks by two; neither renders)."""
    return re.sub(r"\n+", "\n", squeeze(html))


def engine(threshold: int = 0) -> KramdownEngine:
    converter = KramdownEngine()
    converter.part_threshold = threshold
    return converter


@pytest.mark.parametrize("anchors", [True, False])
def test_parts_add_up_to_the_whole_post(anchors):
    """References and definitions from far away, repeated ids: the same as whole."""
    text = long_text()
    assert len(kramdown_parts.cut(text)) > 5
    converter = engine()
    by_parts = converter.convert(text, anchors)
    assert by_parts == converter.convert_whole(text, anchors)
    assert 'class="seat"' in by_parts and 'href="https://example.org/notice"' in by_parts
    assert 'id="seats-and-lamps-59"' in by_parts


def test_an_edit_keeps_parts_the_same_as_whole():
    """After edits (a line added above, a definition changed), parts still add up."""
    text = long_text()
    converter = engine()
    converter.convert(text)
    edited = text.replace("Plain paragraph number 7 ", "Plain\nparagraph number 7 ")
    assert converter.convert(edited) == converter.convert_whole(edited)
    edited = edited.replace("Plain paragraph number 9 ", "# A heading\n\nParagraph 9 ")
    assert converter.convert(edited) == converter.convert_whole(edited)
    changed = edited.replace('data-kind="chair"', 'data-kind="stool"')
    html = converter.convert(changed)
    assert html == converter.convert_whole(changed)
    assert 'data-kind="stool"' in html and 'data-kind="chair"' not in html


def test_a_definition_in_a_code_block_is_no_definition():
    """The guess from the whole text counts it; the parts correct the guess."""
    text = long_text().replace("[the notice][notice]", "[the fake][fake] {: fake}")
    html = engine().convert(text)
    assert html == engine().convert_whole(text)
    assert "/not-a-reference" not in html.split("<pre")[0]


def test_an_attribute_list_before_a_block_stays_with_it():
    """A part never ends on an attribute list that belongs to the block after it."""
    for part_text, _ in kramdown_parts.cut(long_text()):
        assert not part_text.rstrip().endswith("{: .before-table}")


def test_footnotes_and_toc_convert_whole():
    assert kramdown_parts.needs_whole_document("a[^1]\n\n[^1]: note")
    assert kramdown_parts.needs_whole_document("* list\n{:toc}")
    assert kramdown_parts.needs_whole_document("*[HTML]: Hyper Text")
    assert not kramdown_parts.needs_whole_document(long_text())


@pytest.mark.parametrize("name", sorted(path.stem for path in FIXTURES.glob("*.md")))
def test_every_fixture_converts_the_same_by_parts(name):
    text = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
    converter = engine()
    assert converter.convert(text) == converter.convert_whole(text)


def test_a_keystroke_converts_only_the_part_it_is_in():
    text = long_text()
    converter = engine()
    converter.convert(text)
    converted = []
    convert_part = converter._convert_part

    def counting(*args):
        converted.append(args[0])
        return convert_part(*args)

    converter._convert_part = counting
    # Not the first line of its block: no part boundary moves.
    converter.convert(text.replace("in paragraph 30.", "in paragraph 30 and more."))
    assert len(converted) == 1 and "paragraph 30 and more" in converted[0]


@settings(max_examples=300, deadline=None)
@given(bodies(tuple(KRAMDOWN)))
@example("# Heading\n<p>para</p>\n\n$$x + y$$\n")
@example("```{#code_1 #code_1}\ncode()\n```\n\n```{ke-type=\"x\"}\ncode()\n```\n")
def test_property_parts_add_up_to_the_whole(body):
    """For generated Markdown, attribute lists and kramdown tags: parts give the whole."""
    converter = engine()
    converter.part_modulus = 2  # parts of about two blocks
    for anchors in (True, False):
        by_parts = converter.convert(body, anchors)
        assert blocks(by_parts) == blocks(converter.convert_whole(body, anchors))


@pytest.mark.parametrize("options", [
    {"input": "kramdown"}, {"auto_id_prefix": "p-"}, {"auto_ids": False},
])
def test_heading_ids_by_parts_follow_the_sites_options(options):
    """Repeated ids are numbered over the whole post as the site's input numbers them."""
    converter = KramdownEngine(options)
    converter.part_threshold = 0
    text = long_text(30) + "\n## 1999 Seats and lamps\n\n## Seats and lamps {#own}\n"
    by_parts = converter.convert(text)
    assert by_parts == converter.convert_whole(text)
    assert "\x1f" not in by_parts
