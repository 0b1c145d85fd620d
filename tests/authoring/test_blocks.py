"""Tests for editor.authoring.blocks: house block markup, Markdown equivalents and the signature."""

from __future__ import annotations

import markdown
import pytest

from editor.authoring import blocks


@pytest.mark.parametrize(("level", "size"), [(2, "size26"), (3, "size23"), (4, "size20")])
def test_heading_html_uses_house_sizes(level, size):
    """h2/h3/h4 carry data-ke-size size26/size23/size20 and escape the text."""
    assert blocks.heading(level, "A & B", "html") == (
        f'<h{level} data-ke-size="{size}">A &amp; B</h{level}>'
    )


def test_heading_markdown_and_bad_level():
    """Markdown headings are ATX; levels outside 2..4 and blank text are refused."""
    assert blocks.heading(3, "  야간  열람실 ", "markdown") == "### 야간 열람실"
    with pytest.raises(ValueError):
        blocks.heading(1, "x")
    with pytest.raises(ValueError):
        blocks.heading(2, "   ")


def test_spacer_and_rule():
    """Spacer is the house paragraph in both formats; the rule is <hr /> or ***."""
    assert blocks.spacer("html") == '<p data-ke-size="size16">&nbsp;</p>'
    assert blocks.spacer("markdown") == blocks.spacer("html")
    assert blocks.rule("html") == "<hr />"
    assert blocks.rule("markdown") == "***"


def test_markdown_rule_after_text_stays_a_rule():
    """*** right under a line renders as <hr>, where --- would make a heading."""
    rendered = markdown.markdown("Some text\n" + blocks.rule("markdown"))
    assert "<hr" in rendered and "<h2>" not in rendered


def test_markdown_spacer_survives_rendering():
    """The raw spacer paragraph passes through Markdown rendering unchanged."""
    rendered = markdown.markdown("one\n\n" + blocks.spacer("markdown") + "\n\ntwo")
    assert blocks.spacer("html") in rendered


def test_link_escapes_attributes_and_refuses_scripts():
    """Quotes in URLs are escaped; javascript: and data: URLs raise ValueError."""
    assert blocks.link("a<b", 'https://x.org/?q="1"&r=2', "html") == (
        '<a href="https://x.org/?q=&quot;1&quot;&amp;r=2">a&lt;b</a>'
    )
    for bad in ("javascript:alert(1)", " JavaScript :alert(1)", "data:text/html,x"):
        with pytest.raises(ValueError):
            blocks.link("x", bad)


def test_link_markdown_escapes_brackets_and_spaces():
    """Markdown links escape ] in text and use <...> for URLs with spaces or parentheses."""
    assert blocks.link("a [b]", "https://x.org/a b", "markdown") == (
        r"[a \[b\]](<https://x.org/a b>)"
    )
    rendered = markdown.markdown(blocks.link("wiki", "https://x.org/A_(b)", "markdown"))
    assert 'href="https://x.org/A_(b)"' in rendered


def test_image_requires_alt_and_escapes():
    """Images need alt text; src and alt are attribute-escaped."""
    assert blocks.image("https://x.org/a.jpg", '야간 "열람실"', "html") == (
        '<p><img src="https://x.org/a.jpg" alt="야간 &quot;열람실&quot;" /></p>'
    )
    assert blocks.image("/assets/a.jpg", "alt", "markdown") == "![alt](/assets/a.jpg)"
    with pytest.raises(ValueError):
        blocks.image("https://x.org/a.jpg", "  ")


def test_signature_shape():
    """The signature is text, a space and a rel="dofollow" link, as the house writes it."""
    assert blocks.signature("동네 소식,", "example.org", "https://example.org") == (
        '동네 소식, <a href="https://example.org" rel="dofollow">example.org</a>'
    )


def test_set_signature_updates_existing_line(fixtures_dir):
    """On the fixture, setting the signature replaces its last line instead of adding one."""
    body = (fixtures_dir / "house-post.md").read_text(encoding="utf-8")
    updated = blocks.set_signature(body, "새 소식,", "news.example", "https://news.example")
    assert updated.count('rel="dofollow"') == 1
    assert updated.splitlines()[-1] == (
        '새 소식, <a href="https://news.example" rel="dofollow">news.example</a>'
    )
    assert updated.splitlines()[:-1] == body.splitlines()[:-1]


def test_set_signature_inserts_once():
    """Without a signature it is appended; setting it twice leaves exactly one."""
    body = "<p>마지막 문단.</p>\n\n"
    once = blocks.set_signature(body, "소식,", "a.org", "https://a.org")
    assert once == '<p>마지막 문단.</p>\n소식, <a href="https://a.org" rel="dofollow">a.org</a>\n'
    twice = blocks.set_signature(once, "소식,", "b.org", "https://b.org")
    assert twice.count("rel=\"dofollow\"") == 1 and "https://b.org" in twice


def test_set_signature_markdown_keeps_blank_line():
    """In Markdown the signature follows a blank line so it does not join the paragraph."""
    result = blocks.set_signature("Last paragraph.\n", "", "a.org", "https://a.org", "markdown")
    assert result.startswith("Last paragraph.\n\n<a href")


def test_paragraph_with_dofollow_link_is_not_the_signature():
    """A body paragraph holding a dofollow link is content: the signature is added after it."""
    body = '<p>See <a href="https://a.org" rel="dofollow">a</a>.</p>'
    result = blocks.set_signature(body, "소식,", "b.org", "https://b.org")
    assert result.startswith(body) and result.count("dofollow") == 2


def test_insert_block_moves_out_of_paragraph():
    """A block inserted with the cursor inside a paragraph lands after it, blank lines around."""
    body = "<p>one two</p>\n<p>three</p>"
    edit = blocks.insert_block(body, body.index("two"), "<hr />")
    assert edit.text == "<p>one two</p>\n\n<hr />\n\n<p>three</p>"
    assert edit.text[edit.start:edit.end] == "<hr />"


def test_insert_block_at_line_start_and_end():
    """At a line start the block goes before that line; at the end of the body it is appended."""
    body = "para one\n\npara two\n"
    before = blocks.insert_block(body, body.index("para two"), "***")
    assert before.text == "para one\n\n***\n\npara two\n"
    after = blocks.insert_block(body, len(body), "***")
    assert after.text == "para one\n\npara two\n\n***\n"


def test_insert_block_leaves_nested_blocks_whole():
    """An offset inside a div inside a div moves past the outer one's end tag."""
    body = "<div><div>안쪽</div> 바깥</div>\n"
    edit = blocks.insert_block(body, body.index("바깥"), "<hr />")
    assert edit.text == "<div><div>안쪽</div> 바깥</div>\n\n<hr />\n"
