"""Tests for editor.render.core: fragments, source-line anchors, header, page and themes."""

from __future__ import annotations

import re
import threading
import zlib

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown.extensions.fenced_code import FencedBlockPreprocessor

from editor.document.post import Post
from editor.render import core as render
from editor.render import markdown as render_markdown
from editor.render import parts as render_parts
from editor.render.html import top_level_anchors
from editor.render.markdown import PythonMarkdownEngine
from editor.render.pool import RenderPool
from editor.render.posmap import fences_in

ANCHOR_RE = re.compile(r'<([a-zA-Z0-9]+)([^>]*?) data-source-line="(\d+)"([^>]*)>')


@pytest.fixture
def engine() -> PythonMarkdownEngine:
    """A renderer's engine of its own: its converter and part cache start empty."""
    return PythonMarkdownEngine()


@pytest.fixture
def renderer(engine) -> render.Renderer:
    return render.Renderer(engine)


def md_post(body: str, **metadata) -> Post:
    return Post.new(metadata, body, fmt="markdown")


def html_post(body: str, **metadata) -> Post:
    return Post.new(metadata, body, fmt="html")


def strip_anchors(html: str) -> str:
    return re.sub(r' data-source-line="\d+"', "", html)


def squeeze(html: str) -> str:
    """HTML with the whitespace between tags removed (it does not render)."""
    return re.sub(r">\s+<", "><", html)


def anchors_of(html: str) -> list[tuple[str, str, int]]:
    """(tag, attributes, line) for each anchored start tag."""
    return [(m[1], m[2] + m[4], int(m[3])) for m in ANCHOR_RE.finditer(html)]


def markdown_block_starts(tag: str, attributes: str, line: str, next_line: str) -> bool:
    """Whether a Markdown source line can be the first line of a block rendered as ``tag``."""
    text = line.lstrip()
    if re.fullmatch(r"h[1-6]", tag):
        return text.startswith("#") or bool(re.fullmatch(r"[=-]+\s*", next_line))
    if tag in ("ul", "ol"):
        return bool(re.match(r"([*+-]|\d+[.)])\s", text))
    if tag == "blockquote":
        return text.startswith(">")
    if tag == "table":
        return "|" in text
    if tag == "hr":
        return bool(re.fullmatch(r"([-*_] ?){3,}\s*", text))
    if tag == "div" and 'class="highlight"' in attributes:
        return text.startswith(("```", "~~~"))
    if tag == "dl":
        return next_line.startswith(":")
    if text.startswith("<"):
        return text.lower().startswith(f"<{tag}")
    return tag == "p" and (text[:1].isalnum() or text.startswith(("*", "_", "[", "!")))


RICH_MARKDOWN = """\
# Title line

Intro paragraph with **bold** text
that runs over two lines.

## Second heading
Paragraph right under the heading.

- one
- two

- loose item

    indented continuation

1. first
2. second

> quoted
> lines

> second quote paragraph

Term
: definition

```python
def f():

    return 1
```

| key | value |
|-----|-------|
| a   | 1     |

---

<p>raw <b>paragraph</b></p>
<p>raw second</p>

<div>

raw block with blank lines

</div>

<div markdown="1">

*markdown* inside

</div>

Closing words.
"""


# -- Markdown features ------------------------------------------------------


def test_markdown_table_renders_header_and_cells(fixtures_dir):
    """A pipe table becomes a <table> with <th> header cells and <td> body cells."""
    html = render.fragment(Post.load(fixtures_dir / "plain-markdown.md"))
    assert "<table" in html
    assert "<th>Tea</th>" in html
    assert "<td>Green</td>" in html


def test_headings_get_toc_ids_including_korean():
    """Headings get ids from toc; Korean letters are kept in the slug."""
    html = render.fragment(md_post("## Water first\n\n## 운영 시간\n"))
    assert 'id="water-first"' in html
    assert 'id="운영-시간"' in html


def test_fenced_code_is_highlighted_with_pygments_classes(fixtures_dir):
    """A ```python fence becomes a div.highlight with Pygments token classes."""
    html = render.fragment(Post.load(fixtures_dir / "plain-markdown.md"), anchors=False)
    assert '<div class="highlight"' in html
    assert '<span class="k">def</span>' in html
    assert '<span class="nf">steep</span>' in html


def test_md_in_html_converts_markdown_inside_marked_div():
    """md_in_html: Markdown inside <div markdown="1"> is converted."""
    html = render.fragment(md_post('<div markdown="1">\n\n*inside*\n\n</div>\n'), anchors=False)
    assert "<em>inside</em>" in html
    assert 'markdown="1"' not in html


def test_fence_with_attributes_still_highlighted():
    """Fences with {attributes} go through Python-Markdown's own fence code path."""
    html = render.fragment(md_post("``` { .python }\nimport os\n```\n"), anchors=False)
    assert '<span class="kn">import</span>' in html


# -- HTML bodies ------------------------------------------------------------


def test_html_body_passes_through_byte_for_byte_without_anchors(fixtures_dir):
    """With anchors off, the house post's HTML body comes back exactly as written."""
    post = Post.load(fixtures_dir / "house-post.md")
    assert post.format == "html"
    assert render.fragment(post, anchors=False) == post.body


def test_html_anchors_only_add_attributes(fixtures_dir):
    """With anchors on, removing the attributes gives the body back exactly."""
    post = Post.load(fixtures_dir / "house-post.md")
    html = render.fragment(post)
    assert html != post.body
    assert strip_anchors(html) == post.body


def test_html_anchors_point_at_the_lines_of_their_start_tags(fixtures_dir):
    """Each anchored top-level element starts on the body line its anchor names."""
    post = Post.load(fixtures_dir / "house-post.md")
    lines = post.body.split("\n")
    found = anchors_of(render.fragment(post))
    assert [tag for tag, _, _ in found].count("p") >= 8
    assert {"h2", "hr", "table"} <= {tag for tag, _, _ in found}
    for tag, _, number in found:
        assert lines[number - 1].lstrip().startswith(f"<{tag}"), (tag, number)
    # Top-level only: nothing inside the table is anchored.
    assert not {"tr", "td", "th", "thead", "b", "span", "img", "a"} & {t for t, _, _ in found}


def test_html_scanner_handles_comments_scripts_void_and_unclosed_tags():
    """Comments, script text, void elements and implied </p> do not confuse the scanner."""
    body = (
        "<!-- <div> in a comment -->\n"
        "<p>first\n"
        "<div title='a > b'>\n"
        "<script>var s = '<div>';</script>\n"
        "<img src=x.png>\n"
        "</div>\n"
        "<hr>\n"
        "<ul><li>a<li>b</ul>\n"
        "<section><div><p>deep</p></div></section>\n"
    )
    lines = body.split("\n")
    found = [(body[offset - 10 : offset], line) for offset, line in top_level_anchors(body)]
    tags = [re.search(r"<(\w+)$", text)[1] for text, _ in found]
    assert tags == ["p", "div", "hr", "ul", "section"]
    for (_, line), tag in zip(found, tags, strict=True):
        assert lines[line - 1].startswith(f"<{tag}")


def test_html_code_block_with_language_is_highlighted():
    """<pre><code class="language-python"> is unescaped, then highlighted by Pygments."""
    body = (
        "<p>before</p>\n"
        '<pre><code class="language-python">if a &lt; b and c &amp; d:\n    pass</code></pre>\n'
        "<p>after</p>\n"
    )
    html = render.fragment(html_post(body), anchors=False)
    assert html.startswith("<p>before</p>\n<div class=\"highlight\">")
    assert '<span class="k">if</span>' in html
    assert '<span class="o">&lt;</span>' in html
    assert "&amp;lt;" not in html  # unescaped first, so not escaped twice
    assert html.endswith("</code></pre></div>\n<p>after</p>\n")


def test_html_top_level_code_block_keeps_its_anchor():
    """A highlighted top-level <pre> carries the anchor of the line where it started."""
    body = '<p>x</p>\n\n<pre><code class="language-js">let a = 1;</code></pre>\n'
    html = render.fragment(html_post(body))
    assert '<div data-source-line="3" class="highlight">' in html
    assert '<p data-source-line="1">' in html


def test_html_code_block_with_unknown_language_is_untouched():
    """An unknown language leaves the block exactly as written."""
    body = '<pre><code class="language-nosuchlang">x &lt; y</code></pre>'
    assert render.fragment(html_post(body), anchors=False) == body


# -- Markdown anchors -------------------------------------------------------


def test_markdown_anchors_do_not_change_the_output():
    """Rendering with anchors and removing them gives the anchor-free rendering."""
    post = md_post(RICH_MARKDOWN)
    with_anchors = render.fragment(post)
    without = render.fragment(post, anchors=False)
    assert "data-source-line" not in without
    assert squeeze(strip_anchors(with_anchors)) == squeeze(without)


def test_markdown_anchors_point_at_block_start_lines():
    """Every anchor names a body line that starts a block of the anchored kind."""
    post = md_post(RICH_MARKDOWN)
    lines = post.body.split("\n") + [""]
    found = anchors_of(render.fragment(post))
    for tag, attributes, number in found:
        assert markdown_block_starts(tag, attributes, lines[number - 1], lines[number]), (
            tag,
            number,
            lines[number - 1],
        )
    tags = [tag for tag, _, _ in found]
    assert tags.count("h1") == 1 and tags.count("h2") == 1
    assert {"ul", "ol", "blockquote", "dl", "table", "hr"} <= set(tags)
    # Raw HTML blocks and fences are anchored through their stashed markup.
    assert any(tag == "div" and "highlight" in attrs for tag, attrs, _ in found)
    raw_lines = [n for tag, _, n in found if lines[n - 1].startswith("<")]
    assert len(raw_lines) == 4  # two raw <p>, the raw <div>, the markdown <div>


def test_markdown_anchor_on_paragraph_under_heading_without_blank_line():
    """A paragraph right under an ATX heading gets its own line, not the heading's."""
    post = md_post("## Heading\nText under it.\n")
    html = render.fragment(post)
    assert '<h2 data-source-line="1"' in html
    assert '<p data-source-line="2">Text under it.</p>' in html


def test_markdown_raw_html_with_blank_lines_is_kept_exactly():
    """Markers that land inside raw HTML blocks are removed without a trace."""
    raw = "<div>\n\ninner text\n\n\n<pre>\n\n  keep  \n\n</pre>\n\n</div>"
    html = render.fragment(md_post(f"Intro.\n\n{raw}\n\nOutro.\n"))
    assert strip_anchors(html).count(raw) == 1
    assert '<div data-source-line="3">' in html


def test_markdown_loose_list_and_quote_stay_one_block():
    """Blank lines inside a loose list or between quote paragraphs do not split them."""
    html = render.fragment(md_post("- a\n\n- b\n\n> x\n\n> y\n"))
    assert html.count("<ul") == 1
    assert html.count("<blockquote") == 1


# -- converter reuse --------------------------------------------------------


def test_converter_state_does_not_leak_between_renders(renderer):
    """Footnotes and toc ids of one render do not reappear in the next (reset works)."""
    first = renderer.fragment(md_post("## Same\n\nText[^1].\n\n[^1]: A note.\n"))
    assert 'class="footnote"' in first
    second = renderer.fragment(md_post("## Same\n\nNo notes here.\n"))
    assert "footnote" not in second
    assert "A note." not in second
    assert 'id="same"' in second  # not "same_1": ids from the first render are forgotten


def test_converter_is_built_once(renderer, engine):
    """The same Markdown converter object serves every render of a renderer."""
    renderer.fragment(md_post("one"))
    converter = engine._converter
    renderer.fragment(md_post("two"))
    assert converter is not None
    assert engine._converter is converter


def test_renderers_share_nothing():
    """Two renderers have their own engines; the module's fragment() makes a new one."""
    first, second = render.Renderer(), render.Renderer()
    assert first.engine is not second.engine
    post = md_post("## Same\n\nText.\n")
    assert first.fragment(post) == second.fragment(post) == render.fragment(post)
    assert second.engine._converter is not first.engine._converter


def test_another_engine_plugs_in():
    """Any object with name and convert(text, anchors) renders Markdown bodies."""

    class Shouting:
        name = "shouting"

        def convert(self, text: str, anchors: bool = True) -> str:
            line = ' data-source-line="1"' if anchors else ""
            return f"<p{line}>{text.strip().upper()}</p>"

    renderer = render.Renderer(engine=Shouting())
    assert isinstance(renderer.engine, render.MarkdownEngine)
    assert renderer.fragment(md_post("quiet words\n")) == '<p data-source-line="1">QUIET WORDS</p>'
    assert "<p>QUIET WORDS</p>" in renderer.page(md_post("quiet words\n"), anchors=False)
    assert renderer.fragment(html_post("<p>kept</p>"), anchors=False) == "<p>kept</p>"


def test_a_failing_engine_shows_the_text_instead_of_raising():
    """Whatever an engine raises, the fragment is the text, escaped, with a note."""

    class Broken:
        name = "broken"

        def convert(self, text: str, anchors: bool = True) -> str:
            raise ValueError("no luck")

    html = render.Renderer(engine=Broken()).fragment(md_post("a <b> & c\n"))
    assert "could not be rendered (ValueError: no luck)" in html
    assert "<pre>a &lt;b&gt; &amp; c\n</pre>" in html


def test_speedups_fall_back_to_the_stock_library(monkeypatch, engine):
    """A shortcut that fails costs nothing: the stock converter renders the text."""
    text = "## Title\n\nSome *words*.\n"
    expected = PythonMarkdownEngine(speedups=False).convert(text)
    converter = engine._converter_for(True)

    def broken(lines):
        raise RuntimeError("shortcut broke")

    monkeypatch.setattr(converter.markdown.preprocessors["plain_fenced_code"], "run", broken)
    assert engine.convert(text) == expected


def test_speedups_can_be_switched_off():
    """Without speed-ups the converter is the stock library with our extensions only."""
    engine = PythonMarkdownEngine(speedups=False)
    assert engine.convert("Plain *text*.\n") == '<p data-source-line="1">Plain <em>text</em>.</p>'
    assert "plain_fenced_code" not in engine._converter_for(False).markdown.preprocessors
    assert "plain_fenced_code" in PythonMarkdownEngine()._converter_for(True).markdown.preprocessors


def test_concurrent_renders_give_the_same_results(renderer):
    """Renders from several threads at once match renders done one by one."""
    posts = [md_post(f"# Post {i}\n\nBody {i} with [^n].\n\n[^n]: note {i}\n") for i in range(8)]
    expected = [renderer.fragment(post) for post in posts]
    results: dict[int, str] = {}

    def work(index: int) -> None:
        for _ in range(20):
            results[index] = renderer.fragment(posts[index])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(posts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[i] for i in range(len(posts))] == expected


# -- long posts, rendered by parts ------------------------------------------


def long_markdown(blocks: int) -> str:
    """A long Markdown text with repeated headings, lists, fences, tables and quotes."""
    pieces = []
    for i in range(blocks):
        kind = i % 7
        if kind == 0:
            pieces.append("## Summary")  # the same heading again and again
        elif kind == 1:
            pieces.append(f"Paragraph {i} with a [link][site] and *emphasis* " + "word " * 40)
        elif kind == 2:
            pieces.append(f"- item {i}\n- item {i + 1}")
        elif kind == 3:
            pieces.append(f"```python\nvalue_{i} = {i}\n```")
        elif kind == 4:
            pieces.append(f"| a | b |\n|---|---|\n| {i} | x |")
        elif kind == 5:
            pieces.append(f"> quote {i}")
        else:
            pieces.append(f"<p>raw {i}</p>\n<p>raw next {i}</p>")
    pieces.append("[site]: https://example.org")
    return "\n\n".join(pieces) + "\n"


def test_long_post_rendered_by_parts_matches_whole_rendering(renderer, engine):
    """A long post converted by parts equals one whole conversion (up to inter-tag space)."""
    text = long_markdown(1400)
    assert len(text) > render_markdown.PART_THRESHOLD
    by_parts = renderer.fragment(md_post(text))
    whole = engine.convert_whole(text, True)
    assert squeeze(by_parts) == squeeze(whole)
    assert 'id="summary_199"' in by_parts  # ids unique over the whole document
    assert 'href="https://example.org"' in by_parts  # reference defined in the last part


def test_first_render_shared_with_helpers_matches_one_process(monkeypatch):
    """A long first render split across helper processes gives what one process gives."""
    text = long_markdown(1400) + "\n```python\nprint('helper')\n```\n"
    alone = render.Renderer().fragment(md_post(text))
    pool = RenderPool()
    renderer = render.Renderer(pool=pool)
    helpers = []
    real_submit = pool.submit

    def counting_submit(fn, *args):
        helpers.append(len(args[1]))  # (engine, share, anchors, references)
        return real_submit(fn, *args)

    renderer.engine.parallel_chars = 1000
    monkeypatch.setattr(render_markdown.os, "cpu_count", lambda: 3)
    monkeypatch.setattr(pool, "submit", counting_submit)
    try:
        shared = renderer.fragment(md_post(text))
    finally:
        pool.shutdown()
    assert len(helpers) == pool.workers and all(helpers)
    assert shared == alone


def test_a_renderer_without_a_pool_renders_long_posts_here(monkeypatch):
    """No pool, no helper processes: the first render happens in this process."""
    renderer = render.Renderer()
    renderer.engine.parallel_chars = 1000
    monkeypatch.setattr(render_markdown.os, "cpu_count", lambda: 3)
    text = long_markdown(700)
    assert renderer.fragment(md_post(text)) == render.Renderer().fragment(md_post(text))


def stock_html(text: str, anchors: bool = True) -> str:
    """``text`` converted by a stock converter (our extensions, no speed-ups)."""
    return render_markdown.build_converter(speedups=False).convert(text, anchors)[0]


def fast_html(text: str, anchors: bool = True) -> str:
    """``text`` converted whole by a converter with the speed-ups (no fallback)."""
    return render_markdown.build_converter(speedups=True).convert(text, anchors)[0]


def test_shortcuts_leave_the_output_unchanged():
    """Skipped plain text, narrowed inline patterns and skipped passes give the same HTML."""
    text = (
        "Plain words only here.\n\nWith **bold** and a [link](x) and `code`.\n\n"
        "| plain | cells |\n|---|---|\n| 1 | two words |\n\n- plain item\n- *em* item\n\n"
        "Line ending in two spaces  \nnext line\n\nTerm\n: plain definition\n\n"
        "# Heading {: #custom }\n\nPlain paragraph\n{: .note }\n\n&amp; entity and <b>tag</b>\n"
    )
    fast = fast_html(text)
    assert fast == stock_html(text)
    assert 'id="custom"' in fast and 'class="note"' in fast and "<br />" in fast


@pytest.mark.parametrize(
    "text",
    [
        "Only *stars* here, and __under__ too.",
        "An [inline](https://example.org) link and ![a picture](p.png).",
        "Mail <me@example.org>, a page <https://example.org> and <i>tags</i>.",
        "Escaped \\*star\\* and `code with *stars*` and &copy;.",
        "[TOC]\n\n# One\n\n## Two {: #second }",
        "Paragraph\n{: .note #para }\n\n- item {: .x }",
        "Plain sentence with no marks at all.",
    ],
)
def test_each_shortcut_gives_the_stock_html(text):
    """Texts that leave out or keep each group of inline patterns and passes."""
    for anchors in (True, False):
        assert fast_html(text, anchors) == stock_html(text, anchors)


def test_long_post_anchors_point_at_block_start_lines(renderer):
    """Anchors of a long post, shifted per part, still name the blocks' first lines."""
    text = long_markdown(1400)
    lines = text.split("\n") + [""]
    found = anchors_of(renderer.fragment(md_post(text)))
    assert len(found) > 1000
    for tag, attributes, number in found:
        assert markdown_block_starts(tag, attributes, lines[number - 1], lines[number])


def test_long_post_anchors_follow_parts_that_moved(renderer):
    """Lines added above cached parts move their anchors; removing them moves them back."""
    text = long_markdown(1400)
    first = renderer.fragment(md_post(text))
    longer = "New line one\nand two\n\n" + text
    lines = longer.split("\n") + [""]
    found = anchors_of(renderer.fragment(md_post(longer)))
    assert len(found) > 1000
    for tag, attributes, number in found:
        assert markdown_block_starts(tag, attributes, lines[number - 1], lines[number])
    assert renderer.fragment(md_post(text)) == first


def test_long_post_edit_changes_only_the_edited_block(renderer):
    """After an edit, re-rendering reuses cached parts and only the edited block differs."""
    text = long_markdown(1400)
    before = renderer.fragment(md_post(text))
    edited = text.replace("> quote 705\n", "> quote 705 edited\n")
    after = renderer.fragment(md_post(edited))
    assert before != after
    assert after == before.replace("quote 705</p>", "quote 705 edited</p>")


def test_parts_stay_in_place_after_an_edit_in_text_repeating_a_few_blocks():
    """Where no block hashes to a boundary, parts still end where the content says,
    not at a size counted from the top: an edit there leaves the later parts alone."""
    unit = [f"<p>되풀이되는 문단 {k}: " + "낱말 " * 40 + "</p>" for k in range(8)]
    lines = "\n\n".join(unit * 300).split("\n")
    assert all(
        zlib.crc32(line.encode()) % render_parts.BOUNDARY_MODULUS for line in unit
    )
    before = render_parts.part_starts(lines)
    assert len(before) > 8
    lines[0] = lines[0].replace("낱말", "낱말 " * 100, 1)  # a part of the first part longer
    assert render_parts.part_starts(lines) == before


# -- header and page --------------------------------------------------------


def test_header_shows_front_matter_fields(fixtures_dir):
    """The header has categories, the title, the excerpt as lead and the feature image."""
    post = Post.load(fixtures_dir / "house-post.md")
    html = render.header(post)
    assert html.startswith('<header class="post-header" id="post-header">')
    assert '<span class="post-category">News</span>' in html
    assert f'<h1 class="post-title">{post.title}</h1>' in html
    assert "class=\"post-excerpt\">시립 도서관이" in html
    assert 'class="feature-image" src="https://example.com/images/library-night.jpg"' in html
    assert f'alt="{post.title}"' in html


def test_header_escapes_values():
    """Title, categories and image are HTML-escaped: no markup gets through."""
    post = md_post(
        "",
        title='<script>alert("x")</script>',
        categories=["<b>Cat</b>"],
        image='x.png" onerror="alert(1)',
    )
    html = render.header(post)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert 'onerror="' not in html


def test_header_uses_feature_text_without_excerpt_and_omits_missing_fields():
    """feature_text stands in for a missing excerpt; absent fields leave no element."""
    html = render.header(md_post("", feature_text="Hero text\n"))
    assert '<p class="post-excerpt">Hero text</p>' in html
    assert "<h1" not in html and "<img" not in html and "post-category" not in html


def test_page_is_a_complete_document(fixtures_dir):
    """page() has charset, title, description, theme and Pygments CSS, header and body."""
    post = Post.load(fixtures_dir / "house-post.md")
    html = render.page(post, base_url="file:///posts/", extra_css="body { margin: 1px }")
    assert html.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in html
    assert f"<title>{post.title}</title>" in html
    assert '<meta name="description" content="시립 도서관이' in html
    assert '<base href="file:///posts/">' in html
    assert f'<style id="theme-css">\n{render.theme_css("default")}' in html
    assert f'<style id="pygments-css">\n{render.pygments_css("default")}' in html
    assert "body { margin: 1px }" in html
    assert '<article class="post">' in html
    assert render.header(post) in html
    assert f'<div class="post-body" id="post-body">\n{render.fragment(post)}\n</div>' in html
    assert '<html lang="ko">' in html


def test_page_without_anchors_and_with_given_fragment():
    """page() can leave anchors out, or reuse a fragment rendered beforehand."""
    post = md_post("Para.\n", title="T")
    assert "data-source-line" not in render.page(post, anchors=False)
    assert "<p>given</p>" in render.page(post, body_html="<p>given</p>")
    assert "<base" not in render.page(post)


# -- themes -----------------------------------------------------------------


def test_bundled_themes_listed_and_dark_uses_a_dark_code_style():
    """default and dark are bundled; dark asks for a dark Pygments style."""
    names = render.theme_names()
    assert names[0] == "default" and "dark" in names
    assert render.pygments_style("dark") != render.pygments_style("default")
    css = render.pygments_css("dark")
    background = re.search(r"\.highlight \{ background: (#[0-9a-fA-F]{6})", css)
    assert background and int(background[1][1:3], 16) < 0x40


def test_themes_never_override_inline_highlight_colours():
    """Theme CSS has no span colour rules and no !important."""
    for name in ("default", "dark"):
        css = re.sub(r"/\*.*?\*/", "", render.theme_css(name), flags=re.DOTALL)
        assert "!important" not in css
        assert not re.search(r"(^|[\s,>])span\s*[,{]", css)
        assert "word-break: keep-all" in css and "text-align: justify" in css
        assert ".img-placeholder" in css and ".iframe-placeholder" in css


def test_unknown_theme_raises_theme_error():
    """An unknown theme name raises ThemeError (a KeyError) naming the theme."""
    with pytest.raises(render.ThemeError) as caught:
        render.theme_css("no-such-theme")
    assert isinstance(caught.value, KeyError)
    assert "no-such-theme" in str(caught.value)
    with pytest.raises(render.ThemeError):
        render.page(md_post("x"), theme="../default")


def test_user_theme_from_config_dir_is_listed_and_overrides(private_user_dirs):
    """User themes in <config>/themes are listed; one named like a bundled theme wins."""
    folder = private_user_dirs / "config" / "themes"
    folder.mkdir(parents=True)
    (folder / "sepia.css").write_text(
        "/* pygments-style: monokai */\nhtml { background: #f4ecd8; }\n", encoding="utf-8"
    )
    assert "sepia" in render.theme_names()
    assert "#f4ecd8" in render.theme_css("sepia")
    assert render.pygments_style("sepia") == "monokai"
    assert "#f4ecd8" in render.page(md_post("x"), theme="sepia")

    (folder / "default.css").write_text("html { color: #123456; }\n", encoding="utf-8")
    assert render.theme_css("default") == "html { color: #123456; }\n"
    assert render.theme_names().count("default") == 1


def test_theme_extends_another(private_user_dirs):
    """A theme that says 'extends: default' gets the default layout first, then its own rules."""
    folder = private_user_dirs / "config" / "themes"
    folder.mkdir(parents=True)
    (folder / "paper.css").write_text(
        "/* Paper colours.\n   extends: default */\n:root { --page-bg: #fbf8f1; }\n",
        encoding="utf-8",
    )
    css = render.theme_css("paper")
    assert css.startswith(render.theme_css("default"))
    assert css.rstrip().endswith(":root { --page-bg: #fbf8f1; }")
    assert render.pygments_style("paper") == render.pygments_style("default")
    # The bundled dark theme is such a variant: the default layout, its own colours.
    assert render.theme_css("dark").startswith(render.theme_css("default"))


def test_theme_extending_itself_is_an_error(private_user_dirs):
    """Two themes extending each other raise ThemeError instead of looping."""
    folder = private_user_dirs / "config" / "themes"
    folder.mkdir(parents=True)
    (folder / "a.css").write_text("/* extends: b */\n", encoding="utf-8")
    (folder / "b.css").write_text("/* extends: a */\n", encoding="utf-8")
    with pytest.raises(render.ThemeError, match="extends itself"):
        render.theme_css("a")


# -- properties over generated Markdown -------------------------------------

SNIPPETS = [
    "# Head", "## Sub head", "Para text *em*", "more text", "- item", "* star item",
    "1. num", "1) paren", "+ plus", "    indented", "\tTabbed", "  two-space", "> quote",
    "```python\nx = 1\n```", "```\n\ncode\n\n```", "~~~\nt\n~~~",
    "| a | b |\n|---|---|\n| 1 | 2 |", "---", "Term\n: def", "Setext\n===", "#tag",
    "<p>raw</p>", "<hr />", "<img src=x>", "<!-- c -->", "<!--\n\nlong comment\n\n-->",
    "<div>\n\ninside\n\n</div>", '<div markdown="1">\n\n*md*\n\n- x\n\n</div>',
    "<pre>\n\n  pre text\n\n</pre>", "<table>\n<tr><td>1</td></tr>\n</table>",
    "<details>\n<summary>s</summary>\n\nbody\n\n</details>", "HT and [link][x]", "",
    "break here  \nnext", "x &amp; y &copy;", "<https://a.example>", "\\*not em*", "`co*de`",
    "![alt](i.png)", "Para\n{: .note }", "__strong__ _em_", "a_b_c plain", "Plain words",
    "[TOC]", "## Head {: #hid }", "<me@example.org>", "[in](http://x.example) text",
    "![pic][x]", "[x]: http://x.example", "a { brace", "***both***", "x &copy y",
    "## Intro", "Text\n{: #intro }", '<h2 id="intro">Raw</h2>', "## Intro_1", "## 소개",
    "Text <b>bold</b> here", "A <!-- note --> mid", "Mid <div>x</div> tag", "a <? pi ?> b",
    "x <script>s</script> y", "a </> b", "a <!DOCTYPE x> b", "a <!-- open", "\u3000<div>ws</div>",
    "  <p>two spaces</p>", "    <p>four</p>", "Text\n<div>\nnext line\n</div>", "&copy",
    "> [q]: http://q.example", "See [q] and [x].",
]

markdown_texts = st.lists(
    st.tuples(st.sampled_from(SNIPPETS), st.sampled_from(["\n", "\n\n", "\n\n\n"])),
    min_size=1,
    max_size=25,
).map(lambda pairs: "".join(snippet + gap for snippet, gap in pairs))


@settings(max_examples=150, deadline=None)
@given(markdown_texts)
# A comment opened mid-line hides the block tag after it from Python-Markdown.
@example("a <!-- open\n<https://a.example>\n<div>\n\ninside\n\n</div>\n<!-- c -->\n")
def test_property_anchors_never_change_markdown_output(text):
    """For generated Markdown, anchors only add attributes (and space between tags)."""
    engine = PythonMarkdownEngine()
    with_anchors = engine.convert(text, anchors=True)
    without = engine.convert(text, anchors=False)
    assert squeeze(strip_anchors(with_anchors)) == squeeze(without)


@pytest.fixture
def monkeypatch_parts(monkeypatch):
    """Cut even short texts into parts of about two blocks (with ``parted``)."""
    monkeypatch.setattr(render_parts, "BOUNDARY_MODULUS", 2)


def parted() -> PythonMarkdownEngine:
    """An engine that converts every text by parts."""
    engine = PythonMarkdownEngine()
    engine.part_threshold = 0
    return engine


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(markdown_texts)
def test_property_rendering_by_parts_matches_whole(monkeypatch_parts, text):
    """For generated Markdown cut into many small parts, the result equals one conversion."""
    engine = parted()
    for anchors in (True, False):
        by_parts = engine.convert(text, anchors)
        whole = engine.convert_whole(text, anchors)
        assert squeeze(by_parts) == squeeze(whole)


@settings(max_examples=300, deadline=None)
@given(markdown_texts)
def test_property_shortcuts_never_change_output(text):
    """For generated Markdown, the editor's converter gives what a stock one gives."""
    anchors = len(text) % 2 == 0
    assert fast_html(text, anchors) == stock_html(text, anchors)


fence_texts = st.lists(
    st.sampled_from(["```", "~~~", "````", "\n", "x", " ", "```python\n", "~~~ {.py}\n", "`"]),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(fence_texts)
def test_property_fences_found_as_python_markdown_finds_them(text):
    """The quick fence search finds what Python-Markdown's fence pattern finds."""
    pattern = FencedBlockPreprocessor.FENCED_BLOCK_RE
    expected = [match.span() for match in pattern.finditer(text)]
    assert [match.span() for match in fences_in(text)] == expected


def test_heading_ids_by_parts_are_the_ids_of_the_whole(monkeypatch_parts):
    """Written ids stay as written; made ones avoid every id of the post, as toc does."""
    text = (
        "## Intro\n\n## Next {: #same }\n\nWords\n\n## Other {: #same }\n\n"
        '<h2 id="raw">Raw</h2>\n\n<h2 id="raw">Raw</h2>\n\n## Intro\n\nLast\n{: #intro }\n'
    )
    assert len(render_parts.part_starts(text.split("\n"))) > 3
    by_parts = parted().convert(text, False)
    assert "\x1f" not in by_parts
    assert re.findall(r'id="([^"]*)"', by_parts) == [
        "intro_1", "same", "same", "raw", "raw", "intro_2", "intro",
    ]
    assert squeeze(by_parts) == squeeze(fast_html(text, False))


def test_link_references_by_parts_are_the_ones_python_markdown_takes(monkeypatch_parts):
    """A definition in a table row is none, one in a quote is one, as for the whole text."""
    text = (
        "Use [t] and [q].\n\n| a | b |\n|---|---|\n| 1 | 2 |\n[t]: http://t.example\n\n"
        "Words.\n\n> [q]: http://q.example\n\nMore [q] and [t].\n"
    )
    assert len(render_parts.part_starts(text.split("\n"))) > 1
    whole = fast_html(text)
    assert 'href="http://q.example"' in whole and 'href="http://t.example"' not in whole
    engine = parted()
    for _ in range(2):  # the second time with the corrected references at once
        assert squeeze(engine.convert(text)) == squeeze(whole)


def test_parts_never_split_a_definition_list_continued_by_terms(monkeypatch_parts):
    """Terms with definitions after a paragraph join the definition list above them."""
    text = "Term\n: def\n\nPara text *em*\nTerm\n: def\n"
    engine = parted()
    assert squeeze(engine.convert(text, True)) == squeeze(engine.convert_whole(text, True))


def test_highlighting_a_long_block_is_stock_highlighting() -> None:
    """Cached highlighting gives what Pygments gives with CodeHilite's options."""
    import pygments

    from editor.render import html as render_html
    from editor.render.html import highlight_code

    code = "\n".join(
        f"def step_{i}(value: int = {i}) -> str:\n    return f'{{value}} 단계 #{i}'  # note"
        for i in range(300)
    )
    lexer, formatter = render_html._highlighter("python")
    stock = type(lexer)(**lexer.options)
    assert highlight_code(code, "python") == pygments.highlight(code, stock, formatter)


def test_header_shows_a_list_title_as_text_not_python():
    """``title: [a, b]`` reads "a, b" in the header and the page title, never ['a', 'b']."""
    post = Post.from_text("---\ntitle: [a, b]\n---\nbody\n")
    html = render.header(post)
    assert '<h1 class="post-title">a, b</h1>' in html
    assert "[" not in html
    assert post.title == "a, b"
