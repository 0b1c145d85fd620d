"""Tests for editor.markup: offset-preserving HTML tokens, element pairing and CSS colours."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.markup import (
    AttributeSpan,
    Comment,
    Tag,
    attribute_spans,
    first_colour,
    hex_to_rgba,
    is_element_name,
    markup,
    pair_elements,
    parse_attributes,
    parse_colour,
    parse_style,
    rgba_css,
    same_colour,
    start_tag_name,
    strip_tags,
    tag_at,
    tokenize,
)


def pieces(text: str) -> list[tuple[str, str]]:
    """(kind, source text) of every token."""
    return [(type(t).__name__, text[t.start:t.end]) for t in tokenize(text)]


def test_tokens_cover_the_text_and_slice_back_to_themselves():
    """Each token's offsets slice out exactly what was written; the tokens join to the input."""
    text = ('<p data-ke-size="size16">도서관은 <b><span style="color: #ee2323;">오늘</span></b>'
            "&nbsp;열어요</p>")
    tokens = list(tokenize(text))
    assert "".join(text[t.start:t.end] for t in tokens) == text
    assert pieces(text) == [
        ("Tag", '<p data-ke-size="size16">'), ("Text", "도서관은 "), ("Tag", "<b>"),
        ("Tag", '<span style="color: #ee2323;">'), ("Text", "오늘"), ("Tag", "</span>"),
        ("Tag", "</b>"), ("Text", "&nbsp;열어요"), ("Tag", "</p>"),
    ]
    first = tokens[0]
    assert isinstance(first, Tag) and first.name == "p" and not first.closing
    assert first.attributes() == {"data-ke-size": "size16"}


@given(st.text(alphabet=st.sampled_from(list("<>/=\"'!-ab p가 \n&;")), max_size=60))
def test_any_text_round_trips(text):
    """Whatever the input, hostile or broken, the tokens are contiguous and lose nothing."""
    tokens = list(tokenize(text))
    assert "".join(text[t.start:t.end] for t in tokens) == text
    assert all(t.start < t.end for t in tokens)
    for tag in tokens:
        if isinstance(tag, Tag):
            assert text[tag.start] == "<" and text[tag.end - 1] == ">"


def test_greater_than_inside_quoted_attributes_does_not_end_the_tag():
    """A '>' inside a quoted value belongs to the value, in double or single quotes."""
    text = """<a title="a > b" data-x='c>d' href=/x>link</a>"""
    tag = next(markup(text))
    assert text[tag.start:tag.end] == """<a title="a > b" data-x='c>d' href=/x>"""
    assert tag.attributes() == {"title": "a > b", "data-x": "c>d", "href": "/x"}


def test_comments_hide_markup_and_run_to_the_end_when_unclosed():
    """Tags inside a comment are not tags; an unclosed comment swallows the rest, as in browsers."""
    text = "a<!-- <b>no</b> -->b<!-- open <i>x</i>"
    assert pieces(text) == [("Text", "a"), ("Comment", "<!-- <b>no</b> -->"), ("Text", "b"),
                            ("Comment", "<!-- open <i>x</i>")]
    assert [type(t) for t in markup("<!DOCTYPE html><p>")] == [Comment, Tag]


def test_raw_text_elements_hold_no_tags():
    """script and style content is text up to the end tag; pre content is markup, as in HTML."""
    text = '<script>if (a<b) { x = "</p>"; }</script><style>p>b{}</style><pre><b>k</b></pre>'
    names = [(t.name, t.closing) for t in markup(text)]
    assert names == [("script", False), ("script", True), ("style", False), ("style", True),
                     ("pre", False), ("b", False), ("b", True), ("pre", True)]
    assert pieces("<script>never <b>closed")[1] == ("Text", "never <b>closed")


def test_broken_markup_is_text():
    """A '<' that starts no tag, and a tag never finished, stay text; nothing is dropped."""
    assert pieces("1 < 2 and <b") == [("Text", "1 < 2 and <b")]
    assert pieces("a </ b> c") == [("Text", "a </ b> c")]
    assert pieces("<b>x</b") == [("Tag", "<b>"), ("Text", "x</b")]


def test_tag_names_run_to_space_slash_or_gt_like_browsers():
    """An autolink reads as a tag named 'https:' and is told apart from an element."""
    tags = list(markup("<https://example.com> <me@example.com> <my-card>"))
    assert [t.name for t in tags] == ["https:", "me@example.com", "my-card"]
    assert [is_element_name(t.name) for t in tags] == [False, False, True]


def test_korean_offsets_are_code_points():
    """Offsets count characters, so Korean text before a tag does not shift it."""
    text = "한국어 문장 <b>굵게</b> 끝"
    tag = next(markup(text))
    assert tag.start == text.index("<b>")
    assert strip_tags(text) == "한국어 문장 굵게 끝"


def test_pair_elements_nests_and_ignores_strays():
    """Start and end tags pair by a stack; void, self-closed and unclosed ones pair with nothing."""
    text = "<div><p>a<br><img src=x /></p></i><span>open</div>"
    elements = pair_elements(markup(text))
    assert [(e.name, text[e.open_start:e.close_end]) for e in elements] == [
        ("div", text), ("p", "<p>a<br><img src=x /></p>")]


def test_attributes_and_styles():
    """Attribute names are lower-cased, values unquoted and unescaped; the first of twins wins."""
    assert parse_attributes(' HREF="a&amp;b" checked x=1 x=2') == {
        "href": "a&b", "checked": "", "x": "1"}
    assert parse_style("COLOR : #EE2323 ;; background: RED !important") == {
        "color": "#ee2323", "background": "red"}


def test_strip_tags_decodes_entities_and_no_break_spaces():
    """The visible text of a fragment: no tags or comments, entities decoded, &nbsp; a space."""
    assert strip_tags("<b>a&amp;b</b>&nbsp;<!-- c -->d") == "a&b d"


# ------------------------------------------------------------------ colours


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#21538527", (33, 83, 133, 0.153)),
        ("#ee2323", (238, 35, 35, 1.0)),
        ("#EE2323", (238, 35, 35, 1.0)),
        ("#f00", (255, 0, 0, 1.0)),
        ("#f008", (255, 0, 0, 0.533)),
    ],
)
def test_css_color_follows_browser_rules(value, expected):
    """Hex colours read as #RRGGBBAA (alpha last) like browsers, alpha to three decimals."""
    assert hex_to_rgba(value) == expected


def test_rgba_css_serialises_like_computed_style():
    """Translucent colours serialise as rgba(), opaque ones as rgb(), as Chromium reports."""
    assert rgba_css("#21538527") == "rgba(33, 83, 133, 0.153)"
    assert rgba_css("#ee2323") == "rgb(238, 35, 35)"
    assert rgba_css((0, 0, 0, 0.5)) == "rgba(0, 0, 0, 0.5)"


def test_css_color_rejects_non_hex():
    """Anything but #rgb/#rgba/#rrggbb/#rrggbbaa is a ValueError."""
    for bad in ("ee2323", "#ee232", "red", "#gggggg"):
        with pytest.raises(ValueError):
            hex_to_rgba(bad)


def test_parse_css_color_reads_rgb_functions():
    """rgb()/rgba() in comma and space syntax give the same tuple as the hex form."""
    assert parse_colour("rgb(238, 35, 35)") == hex_to_rgba("#ee2323")
    assert parse_colour("RGBA(33 83 133 / 15.3%)") == hex_to_rgba("#21538527")
    assert parse_colour("windowtext") is None


def test_named_colours_and_clamping():
    """Named colours of house and pasted markup read like browsers; channels are clamped."""
    assert parse_colour("Red") == (255, 0, 0, 1.0)
    assert parse_colour("transparent") == (0, 0, 0, 0.0)
    assert parse_colour("rgb(300, -5, 50%)") == (255, 0, 128, 1.0)
    assert parse_colour("rgba(1, 2, 3, 2)") == (1, 2, 3, 1.0)
    assert parse_colour("rgb(1, 2)") is None
    assert parse_colour("rgb(a, b, c)") is None


def test_first_colour_in_a_declaration_value():
    """A shorthand value yields its first hex or rgb() colour."""
    assert first_colour("#fff url(a.png) no-repeat") == (255, 255, 255, 1.0)
    assert first_colour("url(a.png)") is None


@pytest.mark.parametrize(("a", "b", "same"), [
    ((33, 83, 133, 0.15), "#21538527", True),
    ((33, 83, 133, 0.2), "#21538527", False),
    ((33, 83, 134, 0.153), "#21538527", False),
])
def test_same_colour_allows_rounded_alpha(a, b, same):
    """A word processor's rounded alpha still matches the preset; another colour does not."""
    assert same_colour(a, hex_to_rgba(b)) is same
    assert same_colour(None, a) is False


def test_tag_finder_reads_like_markup():
    """The quick finder gives the same tags as the full reading, comments and scripts included."""
    from editor.markup import TagFinder

    finder = TagFinder({"b", "strong"})
    for text in ['<b>a</b> <bx>no</bx> <STRONG class="x>y">c</STRONG>',
                 "<!-- <b>hidden</b> --><b>shown</b>",
                 "<script>'<b>'</script><strong>s</strong>",
                 '<a title="<b>not bold</b>">x</a><b>y</b>']:
        full = [t for t in markup(text) if isinstance(t, Tag) and t.name in finder.names]
        assert list(finder.find(text)) == full
    assert finder.replace("<p><b>x</b></p>", "*") == "<p>*x*</p>"


# ------------------------------------------------------------------ reading at a place


@pytest.mark.parametrize(("text", "pos", "name"), [
    ("<DIV class='a'>", 0, "div"),
    ("  <h2>제목", 2, "h2"),
    ('<p title="a', 0, "p"),  # the tag may go on past the line
    ("</p>", 0, None),
    ("< p>", 0, None),
    ("글 <b>", 0, None),
    ("글 <b>", 2, "b"),
])
def test_start_tag_name_reads_only_the_opening_name(text, pos, name):
    assert start_tag_name(text, pos) == name


def test_tag_at_reads_a_whole_tag_as_markup_does():
    text = '앞 <a href="x>y" title=\'z\'>링크</a>'
    tag = tag_at(text, 2)
    assert tag == next(t for t in markup(text) if isinstance(t, Tag))
    assert text[tag.start:tag.end] == '<a href="x>y" title=\'z\'>'
    assert tag_at(text, 0) is None  # no tag begins there
    assert tag_at(text, text.index("</a>")).closing
    assert tag_at('<p title="open', 0) is None  # never closed: no whole tag


def test_attribute_spans_give_values_in_place():
    text = '<img SRC="/a.png" alt=\'그림\' width=40 hidden data-x = "q">'
    tag = tag_at(text)
    base = tag.end - 1 - len(tag.attrs)
    spans = list(attribute_spans(tag.attrs))
    assert [span.name for span in spans] == ["src", "alt", "width", "hidden", "data-x"]
    values = [text[base + span.value_start:base + span.value_end] for span in spans]
    assert values == ["/a.png", "그림", "40", "", "q"]
    assert spans[3] == AttributeSpan("hidden", spans[3].value_start, spans[3].value_start)


@given(st.text(alphabet="ab =\"'<>/", max_size=30))
def test_attribute_spans_agree_with_parse_attributes(attrs):
    spans = list(attribute_spans(attrs))
    parsed = parse_attributes(attrs)
    firsts: dict[str, str] = {}
    for span in spans:
        firsts.setdefault(span.name, attrs[span.value_start:span.value_end])
    assert set(firsts) == set(parsed)
    assert all(parsed[name] == value for name, value in firsts.items())


def test_markup_reader_walks_tags_and_decoded_text_in_order():
    from editor.markup import MarkupReader

    class Recorder(MarkupReader):
        def __init__(self) -> None:
            self.events: list[tuple] = []

        def handle_starttag(self, name, attrs):
            self.events.append(("start", name, attrs))

        def handle_endtag(self, name):
            self.events.append(("end", name))

        def handle_data(self, data):
            self.events.append(("text", data))

    reader = Recorder()
    reader.feed('<P class="a>b">물 &amp; 불<!-- <i>no</i> --><br><span/>끝</p>')
    assert reader.events == [
        ("start", "p", {"class": "a>b"}), ("text", "물 & 불"), ("start", "br", {}),
        ("start", "span", {}), ("end", "span"), ("text", "끝"), ("end", "p"),
    ]
