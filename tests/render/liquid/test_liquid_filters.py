"""Jekyll's filters give what Jekyll 4.3.1 printed for the same input.

Each expected value was produced by the real ``jekyll build`` from the same Liquid.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from editor.render.liquid import LiquidSite, render_liquid

WHEN = datetime(2024, 11, 21, 9, 5, tzinfo=UTC)
ITEMS = [{"n": "b", "k": 2}, {"n": "a"}, {"n": "c", "k": 1}]


def liquid(source: str, **page: object) -> str:
    site = LiquidSite(None, {"timezone": "UTC", "baseurl": "/blog", "url": "https://example.org"})
    result = render_liquid(source, page, site, None)
    assert result.errors == ()
    return result.text


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ page.date | date_to_string }}", "21 Nov 2024"),
        ('{{ page.date | date_to_string: "ordinal" }}', "21st Nov 2024"),
        ('{{ page.date | date_to_string: "ordinal", "US" }}', "Nov 21st, 2024"),
        ("{{ page.date | date_to_long_string }}", "21 November 2024"),
        ('{{ page.date | date_to_long_string: "ordinal", "US" }}', "November 21st, 2024"),
        ('{{ "2024-12-13" | date_to_long_string: "ordinal" }}', "13th December 2024"),
        ('{{ "2024-02-03" | date_to_string }}', "03 Feb 2024"),
        ("{{ page.date | date_to_xmlschema }}", "2024-11-21T09:05:00+00:00"),
        ("{{ page.date | date_to_rfc822 }}", "Thu, 21 Nov 2024 09:05:00 +0000"),
        ("{{ page.date }}", "2024-11-21 09:05:00 +0000"),
    ],
)
def test_date_filters(source, expected):
    """Dates print as Jekyll prints them, ordinals included."""
    assert liquid(source, date=WHEN) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('{{ "Hello World, It\'s me!" | slugify }}', "hello-world-it-s-me"),
        ('{{ "Hello World_x.y" | slugify: "pretty" }}', "hello-world_x.y"),
        ('{{ "Hello World_x.y" | slugify: "raw" }}', "hello-world_x.y"),
        ('{{ "Hélló" | slugify: "latin" }}', "hello"),
        ('{{ "Hélló 한국" | slugify: "ascii" }}', "h-ll"),
        ('{{ "Hélló 한국" | slugify: "none" }}', "hélló 한국"),
        ('{{ "서울 도서관, 밤에도 연다!" | slugify }}', "서울-도서관-밤에도-연다"),
        ("{{ 'say \"hi\" & <b>' | xml_escape }}", "say &quot;hi&quot; &amp; &lt;b&gt;"),
        ('{{ "a b&c/d?e=é" | cgi_escape }}', "a+b%26c%2Fd%3Fe%3D%C3%A9"),
        ('{{ "It\'s" | cgi_escape }}', "It%27s"),
        ('{{ "a b&c/d?e=é[]" | uri_escape }}', "a%20b&c/d?e=%C3%A9[]"),
        ('{{ "one two  three" | number_of_words }}', "3"),
        ('{{ "한국어 제목입니다 hello" | number_of_words: "cjk" }}', "9"),
        ('{{ "한국어 hi" | number_of_words: "auto" }}', "4"),
        ('{{ "hi there" | number_of_words: "auto" }}', "2"),
        ('{{ "<p>hi <b>x</b></p>" | strip_html }}', "hi x"),
        ('{{ "<!-- c --><script>x</script>t" | strip_html }}', "t"),
        ('{{ "  x  " | normalize_whitespace }}', "x"),
        ('{{ "서울" | jsonify }}', '"서울"'),
        ('{{ "a,b" | split: "," | push: "c" | array_to_sentence_string }}', "a, b, and c"),
        ('{{ "a,b,c" | split: "," | array_to_sentence_string: "or" }}', "a, b, or c"),
        ('{{ "a,b" | split: "," | array_to_sentence_string }}', "a and b"),
        ("{{ 3.7 | to_integer }}", "3"),
        ('{{ "/a.png" | relative_url }}', "/blog/a.png"),
        ('{{ "a.png" | relative_url }}', "/blog/a.png"),
        ('{{ "/a.png" | absolute_url }}', "https://example.org/blog/a.png"),
        ('{{ "https://x.org/a" | relative_url }}', "https://x.org/a"),
        ('{{ "/사진.png" | relative_url }}', "/blog/%EC%82%AC%EC%A7%84.png"),
        ("{{ page.nothing | relative_url }}", ""),
        ('{{ "" | relative_url }}', "/blog"),
        ('{{ "a" | inspect }}', "&quot;a&quot;"),
        ("{{ nil | jsonify }}", "null"),
        ("{{ 'He said \"hi\" -- ok...' | smartify }}", "He said \u201chi\u201d \u2013 ok\u2026"),
        (
            "{{ \"it's <b>so</b> --- 'quoted'\" | smartify }}",
            "it\u2019s <b>so</b> \u2014 \u2018quoted\u2019",
        ),
    ],
)
def test_text_filters(source, expected):
    """Slugs, escapes, counts and URLs match Jekyll's."""
    assert liquid(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('{{ page.list | sort: "k" | map: "n" | join }}', "a c b"),
        ('{{ page.list | sort: "k", "last" | map: "n" | join }}', "c b a"),
        ('{{ page.list | where: "k", 2 | map: "n" | join }}', "b"),
        ('{{ page.list | group_by: "k" | map: "name" | jsonify }}', '["2","","1"]'),
        ('{{ page.list | where_exp: "i", "i.k > 1" | map: "n" | join }}', "b"),
        ('{{ page.list | find: "n", "c" | jsonify }}', '{"n":"c","k":1}'),
        ('{{ page.list | find_exp: "i", "i.n == \'a\'" | jsonify }}', '{"n":"a"}'),
        (
            "{{ page.list | inspect }}",
            "[{&quot;n&quot;=&gt;&quot;b&quot;, &quot;k&quot;=&gt;2}, "
            "{&quot;n&quot;=&gt;&quot;a&quot;}, "
            "{&quot;n&quot;=&gt;&quot;c&quot;, &quot;k&quot;=&gt;1}]",
        ),
    ],
)
def test_array_filters(source, expected):
    """where, where_exp, find, sort (nils first or last) and group_by as in Jekyll."""
    assert liquid(source, list=ITEMS) == expected


def test_where_matches_inside_list_properties():
    """A list property matches when it contains the value (tags, categories)."""
    posts = [{"t": "x", "tags": ["a", "b"]}, {"t": "y", "tags": ["c"]}]
    assert liquid('{{ page.p | where: "tags", "b" | map: "t" | join }}', p=posts) == "x"


def test_markdownify_uses_the_given_converter():
    """The Markdown engine is injectable; the default is Python-Markdown."""
    site = LiquidSite(None, {}, markdownify=lambda text: f"<kramdown>{text}</kramdown>")
    assert render_liquid("{{ '*a*' | markdownify }}", {}, site).text == "<kramdown>*a*</kramdown>"
    assert liquid("{{ '*md* text' | markdownify }}") == "<p><em>md</em> text</p>\n"
