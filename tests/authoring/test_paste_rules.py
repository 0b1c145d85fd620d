"""Tests for editor.authoring.paste_rules: each named rule on its own, then their order."""

from __future__ import annotations

from bs4 import BeautifulSoup

from editor.authoring import paste_rules as rules
from editor.authoring.highlights import default_presets
from editor.authoring.paste_rules import Paste, PasteRule, default_rules, normalise


def run(rule, html: str, keep_picture=None) -> str:
    """``html`` after ``rule`` alone, with the bundled presets."""
    soup = BeautifulSoup(html, "html.parser")
    rule(Paste(soup, default_presets(), keep_picture))
    return str(soup)


def test_drop_comments_keeps_text():
    """Comments and CDATA go, the words around them stay."""
    html = "<p>one<!-- note -->two<![CDATA[x]]></p>"
    assert run(rules.drop_comments, html) == "<p>onetwo</p>"


def test_drop_hidden_content_takes_the_content_along():
    """A script goes with its code; the paragraph beside it stays."""
    html = "<p>kept</p><script>alert(1)</script><style>p{}</style><iframe>x</iframe>"
    assert run(rules.drop_hidden_content, html) == "<p>kept</p>"


def test_free_mark_tag_becomes_a_span():
    """A pasted mark cannot pose as a preset placeholder."""
    html = '<p><mark data-preset="red">fake</mark></p>'
    assert run(rules.free_mark_tag, html) == '<p><span data-preset="red">fake</span></p>'


def test_inline_formatting_preset_colour_becomes_placeholder():
    """A span painted in a preset's colour (any notation) holds that preset's placeholder."""
    html = '<p><span style="color: rgb(238, 35, 35)">hot</span></p>'
    assert run(rules.inline_formatting, html) == (
        '<p><span style="color: rgb(238, 35, 35)"><mark data-preset="red">hot</mark></span></p>')


def test_inline_formatting_bold_and_italic_spans():
    """Weight 700 is bold; font-style italic is italics; b/strong/em become spans first."""
    html = ('<p><span style="font-weight:700">a</span><em>b</em>'
            '<b style="font-weight:normal">c</b></p>')
    assert run(rules.inline_formatting, html) == (
        '<p><span style="font-weight:700"><b>a</b></span><span><i>b</i></span>'
        '<span style="font-weight:normal">c</span></p>')


def test_clean_links_drops_tracking_and_unsafe_links():
    """Tracking parameters go; a javascript: link keeps only its text."""
    html = ('<p><a href="https://ex.org/a?utm_source=x&amp;id=3" class="c">ok</a>'
            '<a href="javascript:alert(1)">bad</a></p>')
    assert run(rules.clean_links, html) == '<p><a href="https://ex.org/a?id=3">ok</a>bad</p>'


def test_clean_href_unwraps_google_redirects():
    """Google's /url?q= redirect gives way to its target."""
    assert rules.clean_href("https://www.google.com/url?q=https://ex.org/&sa=D") == (
        "https://ex.org/")
    assert rules.clean_href("mailto:a@ex.org") == "mailto:a@ex.org"
    assert rules.clean_href("file:///etc/passwd") is None


def test_house_heading_levels():
    """h1 becomes h2 and h5/h6 become h4: the house uses h2–h4 only."""
    html = "<h1>a</h1><h3>b</h3><h5>c</h5><h6>d</h6>"
    assert run(rules.house_heading_levels, html) == "<h2>a</h2><h3>b</h3><h4>c</h4><h4>d</h4>"


def test_divs_to_paragraphs():
    """A div of text is a paragraph; a div around blocks disappears, its blocks stay."""
    html = "<div>text</div><div><p>one</p><div>two</div></div>"
    assert run(rules.divs_to_paragraphs, html) == "<p>text</p><p>one</p><p>two</p>"


def test_pictures_web_kept_local_stored_or_dropped():
    """Web pictures keep src and alt in a paragraph; data: ones are stored or go."""
    html = ('<img src="https://ex.org/a.png" alt=" a\n cat " width="5">'
            '<p><img src="data:image/png;base64,AAAA"></p>')
    assert run(rules.pictures, html) == (
        '<p><img alt="a cat" src="https://ex.org/a.png"/></p><p></p>')
    stored = run(rules.pictures, html, keep_picture=lambda src: "images/kept.png")
    assert '<p><img alt="" src="images/kept.png"/></p>' in stored


def test_single_highlights_no_nesting_no_bold_around():
    """An inner placeholder goes, a b inside goes, and a b holding only the highlight goes."""
    html = ('<p><b><span><mark data-preset="red">x<b>y</b>'
            '<mark data-preset="blue">z</mark></mark></span></b></p>')
    assert run(rules.single_highlights, html) == (
        '<p><span><mark data-preset="red">xyz</mark></span></p>')


def test_no_nested_bold():
    """Bold inside bold, or inside a highlight, is unwrapped."""
    html = '<p><b>a<b>b</b></b><mark data-preset="red"><b>c</b></mark></p>'
    assert run(rules.no_nested_bold, html) == '<p><b>ab</b><mark data-preset="red">c</mark></p>'


def test_list_item_paragraphs():
    """An item holding a single paragraph holds its text; two paragraphs stay."""
    html = "<ul><li> <p>one</p> </li><li><p>a</p><p>b</p></li></ul>"
    assert run(rules.list_item_paragraphs, html) == (
        "<ul><li> one </li><li><p>a</p><p>b</p></li></ul>")


def test_collapse_whitespace_except_in_pre():
    """Line breaks inside sentences become spaces; pre keeps its lines."""
    html = "<p>one\n   two</p><pre>a\n  b</pre>"
    assert run(rules.collapse_whitespace, html) == "<p>one two</p><pre>a\n  b</pre>"


def test_drop_empty_keeps_breaks_and_pictures():
    """Empty paragraphs and marks go; one holding a break or a picture stays."""
    html = '<p>\xa0</p><p><br/></p><p><b> </b>x</p><li></li><p><img src="a"/></p>'
    assert run(rules.drop_empty, html) == '<p><br/></p><p>x</p><p><img src="a"/></p>'


def test_default_rules_order_and_names():
    """The registry runs the rules from the highest priority; each is reachable by name."""
    registry = default_rules()
    names = [rule.name for rule in registry]
    assert names[0] == "drop-comments" and names[-1] == "drop-empty"
    # Links and divs are settled before pictures look at their parent.
    assert names.index("clean-links") < names.index("pictures")
    assert names.index("divs-to-paragraphs") < names.index("pictures")
    assert len(names) == len(set(names)) == 13
    assert registry["pictures"].apply is rules.pictures


def test_normalise_with_a_changed_registry():
    """A rule can be removed or added by name; normalise runs exactly the registry given."""
    registry = default_rules()
    registry.deregister("house-heading-levels")
    registry.register(PasteRule("shout", lambda p: p.soup.p.append("!")), "shout", 5)
    soup = BeautifulSoup("<h1>title</h1><p>text</p>", "html.parser")
    normalise(Paste(soup, default_presets()), registry)
    assert str(soup) == "<h1>title</h1><p>text!</p>"


def test_picture_in_a_text_div_needs_no_paragraph_of_its_own():
    """Divs become paragraphs before pictures are placed: the picture joins the text."""
    soup = BeautifulSoup('<div>see <img src="https://ex.org/a.png"></div>', "html.parser")
    normalise(Paste(soup, default_presets()))
    assert str(soup) == '<p>see <img alt="" src="https://ex.org/a.png"/></p>'
