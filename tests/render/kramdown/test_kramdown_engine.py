"""Tests for editor.render.kramdown: options, anchors, robustness of the kramdown engine.

What Jekyll makes of the defaults is checked by ``test_kramdown_differential``; these
check what that cannot: the site's own ``kramdown:`` options, source-line anchors, and
that no input makes the engine raise.
"""

from __future__ import annotations

import pickle
import re
import threading

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.render.kramdown import KramdownEngine, KramdownOptions
from editor.render.kramdown.lists import ListReader
from editor.render.kramdown.typography import Typographer

ANCHOR_RE = re.compile(r'<(\w+)[^>]*? data-source-line="(\d+)"')


def anchors(html: str) -> list[tuple[str, int]]:
    return [(tag, int(line)) for tag, line in ANCHOR_RE.findall(html)]


def test_engine_has_its_name():
    """The engine says which it is, for the engine switch of the render core."""
    assert KramdownEngine.name == "kramdown"


def test_options_default_to_jekylls():
    """Without a ``kramdown:`` mapping the options are Jekyll's defaults."""
    options = KramdownOptions.from_config(None)
    assert options.gfm and options.auto_ids and not options.hard_wrap
    assert options.footnote_nr == 1
    assert options.smart_quotes == ("\u2018", "\u2019", "\u201c", "\u201d")
    assert options.toc_levels == (1, 2, 3, 4, 5, 6)
    assert options.syntax_highlighter == "rouge"


def test_ill_typed_options_keep_their_defaults():
    """A site's odd values (wrong types, broken ranges) do not break rendering."""
    options = KramdownOptions.from_config({
        "auto_ids": "yes", "footnote_nr": "3", "smart_quotes": "a,b",
        "toc_levels": "x..y", "input": 5,
    })
    assert options == KramdownOptions()


def test_smart_quotes_option_sets_the_quotes():
    """``smart_quotes: apos,apos,quot,quot`` gives straight quotes (entity names)."""
    engine = KramdownEngine({"smart_quotes": "apos,apos,quot,quot"})
    assert engine.convert("\"Hi\" and 'yo'", anchors=False) == "<p>\"Hi\" and 'yo'</p>"


def test_smart_quotes_take_numbers_and_lists():
    """Quotes may be given as code points, in a YAML list."""
    engine = KramdownEngine({"smart_quotes": [171, 187, 171, 187]})
    assert engine.convert('"Hi"', anchors=False) == "<p>\u00abHi\u00bb</p>"


def test_typographic_symbols_option_replaces_a_symbol():
    """``typographic_symbols: {hellip: ...}`` writes what the site asks for."""
    engine = KramdownEngine({"typographic_symbols": {"hellip": "..."}})
    assert engine.convert("Wait...", anchors=False) == "<p>Wait...</p>"


def test_kramdown_quote_rules():
    """Quotes decided by kramdown's rules, where SmartyPants would decide otherwise."""
    typographer = Typographer(KramdownOptions())
    assert typographer.educate("5'10\" tall") == "5\u201910\u201d tall"
    assert typographer.educate("rock 'n' roll") == "rock \u2018n\u2019 roll"
    assert typographer.educate("the '80s") == "the \u201980s"
    assert typographer.educate("<< a >>") == "\u00ab\u00a0a\u00a0\u00bb"


def test_inline_html_beside_angle_brackets_stays_html():
    """Two pieces of inline HTML side by side are no ``<<`` guillemets."""
    html = KramdownEngine().convert("a <b><i>x</i></b> << b", anchors=False)
    assert html == "<p>a <b><i>x</i></b> \u00ab\u00a0b</p>"


def test_auto_ids_off():
    """``auto_ids: false`` leaves headings without ids; ``{#id}`` still sets one."""
    engine = KramdownEngine({"auto_ids": False})
    html = engine.convert("# One\n\n# Two {#two}\n", anchors=False)
    assert html == '<h1>One</h1>\n<h1 id="two">Two</h1>'


def test_auto_id_prefix():
    """``auto_id_prefix`` goes before every made id."""
    engine = KramdownEngine({"auto_id_prefix": "sec-"})
    assert engine.convert("## A B", anchors=False) == '<h2 id="sec-a-b">A B</h2>'


def test_kramdown_input_makes_ascii_ids():
    """``input: kramdown`` makes ids as kramdown's own converter: ASCII, else ``section``."""
    engine = KramdownEngine({"input": "kramdown"})
    html = engine.convert("# 한국어\n\n# 한국어\n\n# 3 Apples!\n", anchors=False)
    assert re.findall(r'id="([^"]+)"', html) == ["section", "section-1", "apples"]


def test_footnote_number_option():
    """``footnote_nr: 5`` numbers the first footnote 5 and starts the list there."""
    engine = KramdownEngine({"footnote_nr": 5})
    html = engine.convert("Text[^a].\n\n[^a]: Note.\n", anchors=False)
    assert '<a class="footnote" href="#fn:a" rel="footnote">5</a>' in html
    assert '<ol start="5">' in html


def test_toc_levels_option():
    """``toc_levels: 2..2`` lists only second-level headings in the toc."""
    engine = KramdownEngine({"toc_levels": "2..2"})
    html = engine.convert("* toc\n{:toc}\n\n# Top\n\n## Mid\n\n### Low\n", anchors=False)
    toc = html.split("</ul>")[0]
    assert "#mid" in toc and "#top" not in toc and "#low" not in toc


def test_without_rouge_code_is_a_bare_pre():
    """``syntax_highlighter: null``: kramdown's plain ``pre`` with the language class."""
    engine = KramdownEngine({"syntax_highlighter": None})
    html = engine.convert("```py\nx = 1\n```\n", anchors=False)
    assert html == '<pre><code class="language-py">x = 1\n</code></pre>'


def test_hard_wrap_option():
    """``hard_wrap: true`` breaks lines inside paragraphs."""
    engine = KramdownEngine({"hard_wrap": True})
    assert "<br />" in engine.convert("one\ntwo", anchors=False)


def test_unknown_language_is_a_bare_pre():
    """A language no lexer knows: kramdown's plain ``pre``, as when rouge has no lexer."""
    html = KramdownEngine().convert("```nosuchlang\na < b\n```", anchors=False)
    assert html == '<pre><code class="language-nosuchlang">a &lt; b\n</code></pre>'


def test_anchors_mark_top_level_blocks():
    """Each top-level block carries the 1-based line where it starts."""
    text = (
        "# Title\n\nA lead.\n{: .lead}\n\n- one\n  - nested\n- two\n\n"
        "```python\nx = 1\n```\n\n| a |\n|---|\n| 1 |\n\nEnd.\n"
    )
    assert anchors(KramdownEngine().convert(text)) == [
        ("h1", 1), ("p", 3), ("ul", 6), ("div", 10), ("table", 14), ("p", 18),
    ]


def test_anchors_off_leave_no_trace():
    """Without anchors the output has no ``data-source-line`` and no marker text."""
    html = KramdownEngine().convert("# T\n\nText.\n\n- a\n", anchors=False)
    assert "data-source-line" not in html and "\x1e" not in html


def test_attribute_list_before_a_block_applies_to_it():
    """A block attribute list after a blank line belongs to the block below it."""
    html = KramdownEngine().convert("Intro.\n\n{: .note}\nThe note.\n", anchors=False)
    assert html == '<p>Intro.</p>\n<p class="note">The note.</p>'


def test_tistory_code_fence_with_style_attribute_renders():
    """A fence with ``{… style=…}`` renders as kramdown does (inline code), no error."""
    text = '``` {#code_1 .python style="background-color: #f8f8f8;" ke-type="codeblock"}\n'
    html = KramdownEngine().convert(text + 'print("hi")\n```\n')
    assert "<code" in html and 'print("hi")' in html


def test_list_nesting_follows_the_text_column():
    """Content under ``1. `` at three spaces nests; Python-Markdown's four spaces result."""
    lines = ["1. one", "   - two", "", "text"]
    assert ListReader().read(lines) == ["1. one", "    - two", "", "text"]


def test_code_in_a_list_item_keeps_its_blank_lines():
    """A fence in an item holds blank lines and list-like lines as code."""
    text = "- item\n\n  ```\n  - not an item\n\n  # not a heading\n  ```\n- next\n"
    html = KramdownEngine().convert(text, anchors=False)
    assert "<code>- not an item\n\n# not a heading\n</code>" in html
    assert html.count("<li>") == 2


def test_unclosed_fence_in_a_list_item_is_text():
    """A fence that never closes is text, its blank lines blank again (no marks left)."""
    html = KramdownEngine().convert("- a\n\n  ```\n  x\n\n  y\n", anchors=False)
    assert "\x1f" not in html and "<p>y</p>" in html


def test_one_engine_serves_threads():
    """Conversions from several threads at once each get their own right answer."""
    engine = KramdownEngine()
    results: dict[int, str] = {}

    def convert(number: int) -> None:
        results[number] = engine.convert(f"# Title {number}\n\nText {number}.", anchors=False)

    threads = [threading.Thread(target=convert, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for number, html in results.items():
        assert f'<h1 id="title-{number}">Title {number}</h1>' in html


def test_engine_pickles_as_its_options():
    """A render pool sends the engine to helper processes: it arrives with its options."""
    engine = KramdownEngine({"auto_id_prefix": "p-"})
    copy = pickle.loads(pickle.dumps(engine))
    assert copy.options == engine.options
    assert copy.convert("# A", anchors=False) == engine.convert("# A", anchors=False)


def test_documents_do_not_leak_into_each_other():
    """Definitions, footnotes and ids of one conversion are gone in the next."""
    engine = KramdownEngine()
    engine.convert("{:warn: .warning}\n\n# Same\n\nA[^1].\n\n[^1]: Note.\n")
    html = engine.convert("# Same\n\nText.\n{: warn}\n", anchors=False)
    assert html == '<h1 id="same">Same</h1>\n<p>Text.</p>'


# Engines reused for every example: reuse across documents is part of what is tested.
_ENGINES = (
    KramdownEngine(),
    KramdownEngine({"input": "kramdown", "hard_wrap": True, "syntax_highlighter": None}),
)
_PIECES = st.sampled_from([
    "# ", "## ", "- ", "  - ", "1. ", "> ", "    ", "```", "```py", "~~~", "{: .a}",
    "{:b: #c}", "{: style=\"x: 1;\"}", "{:toc}", "[^1]", "[^1]: ", "*", "**", "_", "`",
    "\"", "'", "--", "...", "<<", ">>", "<div>", "</div>", "<div markdown=\"1\">", "<p>",
    "| a |", "|---|", "[x](y)", "![i](s)", "{::comment}", "{:/comment}", "{::nomarkdown}",
    "{:/}", "{#id}", "- [ ] ", "~~", "\\", "&amp;", "\t", "\n", "\n\n", "text", "한글",
    "  ```", "   ", "$$", "10. ",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_no_input_makes_the_engine_raise(text):
    """Markdown, HTML and attribute-list fragments in any order render without error."""
    for engine in _ENGINES:
        for anchored in (True, False):
            html = engine.convert(text, anchors=anchored)
            assert isinstance(html, str)
            assert not any(mark in html for mark in "\x1d\x1e\x1f")

