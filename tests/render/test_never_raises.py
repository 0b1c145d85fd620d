"""Rendering and exporting never raise for what a post holds (Markdown, HTML, attribute lists)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editor.document.post import Post
from editor.export import exporter
from editor.render import core as render
from editor.render import markdown as render_markdown

TISTORY_FENCE = (
    '``` {#code_1 .python style="background-color: #f8f8f8;" ke-type="codeblock"}\n'
    "print('안녕')\n```\n"
)

ATTRIBUTE_KEYS = [
    "style", "lang", "src", "id", "class", "hl_lines", "linenums", "linenos", "tabsize",
    "use_pygments", "css_class", "pygments_style", "noclasses", "wrapcode", "stripnl",
    "ke-type", "data-x", "title", "startinline", "anchorlinenos", "filename", "lineanchors",
]  # fmt: skip
ATTRIBUTE_VALUES = [
    '"background-color: #f8f8f8;"', '"1 3"', '"x"', "true", "false", "0", '"-1"', '""',
    "'a b'", "none", '"1-2"', "7", '"<b>"', '"{"',
]  # fmt: skip


@st.composite
def attribute_lists(draw) -> str:
    """The inside of ``{...}``: ids, classes and key=value pairs as blogs write them."""
    items = draw(
        st.lists(
            st.one_of(
                st.sampled_from(["#code_1", ".python", ".js", ".no-such-language", "#x", "."]),
                st.builds(
                    lambda key, value: f"{key}={value}",
                    st.sampled_from(ATTRIBUTE_KEYS),
                    st.sampled_from(ATTRIBUTE_VALUES),
                ),
                st.sampled_from(ATTRIBUTE_KEYS),  # a key without a value
            ),
            max_size=6,
        )
    )
    return " ".join(items)


MARKDOWN = [
    "# Heading", "## 소제목 {: #sub }", "Para *em* **strong** `code`", "- item\n- item",
    "1. one\n2. two", "> quote", "| a | b |\n|---|---|\n| 1 | 2 |", "Term\n: def",
    "[link](http://example.org)", "![pic](a.png)", "[^1]\n\n[^1]: note", "*[HTML]: Hyper",
    "[TOC]", "---", "    indented code", "~~~\ncode\n~~~", "```python\nx = 1\n```",
    "```\nplain\n```", "```python hl_lines=\"1\"\nx\n```", "Text\n{: .lead }", "\\*", "&copy",
    '<div markdown="1">\n\n*md*\n\n</div>', "{:toc}", "{% raw %}x{% endraw %}", "",
]  # fmt: skip
HTML = [
    "<p>para</p>", '<pre><code class="language-python">x = 1</code></pre>',
    '<pre><code class="language-">x</code></pre>', "<div><p>open", "</div></div>",
    "<!-- comment", "<script>x</script>", '<p data-source-line="x">own</p>',
    "<span style=\"color: #ee2323;\">강조</span>", "<table><tr><td>1</td></tr></table>",
    "<h2 id=\"a\">A</h2>", "<br>", "<p title=\"a<b\">t</p>", "&amp;&#0;&#xD800;",
]  # fmt: skip


LIQUID = [
    "{{ page.title }}", "{{ site.title | upcase }}", "{{ '/a.png' | relative_url }}",
    '{% include note.html kind="tip" text=page.title %}', "{% include missing.html %}",
    "{% if page.title %}shown", "{% endif %}", "{% for i in (1..2) %}- {{ i }}\n{% endfor %}",
    "{% highlight python linenos %}\nx = 1\n{% endhighlight %}", "{% post_url nope %}",
    "{% assign a = 1 %}{{ a | plus: 'q' }}", "{{ 1 | divided_by: 0 }}", "{% raw %}", "{%",
    "}}", "{{", "{% comment %}x", "{% endcomment %}", "{% unknown_tag %}", "{{ page.x.y.z }}",
    "{% link _posts/2024-01-01-none.md %}", "{{ site.time | date: '%Y' }}",
]  # fmt: skip
KRAMDOWN = [
    "{:note: .note data-x=\"1\"}", "Para\n{: note}", "{: .before}", "{::comment}\nx",
    "{:/comment}", "{::nomarkdown}<b>x</b>{:/}", "{::options auto_ids=\"false\" /}", "$$",
    "$$x + y$$", "[ref]: /target", "[a][ref]", "## Same", "## Same {#own}", "*[ABBR]: x",
    "<div markdown=\"1\">\n*x*\n</div>", "- a\n  - b\n\n  c", "1. x\n{: .list}",
]  # fmt: skip


@st.composite
def bodies(draw, extra: tuple[str, ...] = ()) -> str:
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(MARKDOWN + list(extra)),
                st.sampled_from(HTML),
                attribute_lists().map(lambda attrs: f"```{{{attrs}}}\ncode()\n```"),
                attribute_lists().map(lambda attrs: f"~~~ {{ {attrs} }}\ncode()\n~~~"),
                attribute_lists().map(lambda attrs: f"Paragraph\n{{: {attrs} }}"),
                attribute_lists().map(lambda attrs: f"## Heading {{: {attrs} }}"),
                st.text(alphabet="`~{}#.:=\"' <>*_[]!\\\n-|abc한", max_size=30),
            ),
            min_size=1,
            max_size=8,
        )
    )
    gaps = draw(st.lists(st.sampled_from(["\n", "\n\n"]), min_size=len(pieces),
                         max_size=len(pieces)))
    return "".join(piece + gap for piece, gap in zip(pieces, gaps, strict=True))


def check_renders(body: str) -> None:
    for fmt in ("markdown", "html"):
        post = Post.new({"title": "제목", "categories": ["a"]}, body, fmt=fmt)
        renderer = render.Renderer()
        for anchors in (True, False):
            fragment = renderer.fragment(post, anchors)
            assert 'class="render-error"' not in fragment, fragment
            assert renderer.page(post, anchors=anchors).startswith("<!DOCTYPE html>")
    # Both converters themselves, not only through the renderer's safety net.
    for speedups in (True, False):
        render_markdown.build_converter(speedups=speedups).convert(body, True)


SITE_CONFIG = "title: 시험\nbaseurl: /b\nkramdown:\n  auto_id_prefix: p-\n"


@pytest.fixture(scope="module")
def site_post(tmp_path_factory) -> Path:
    """Where the generated site posts lie: a Jekyll site with an include."""
    root = tmp_path_factory.mktemp("never-raises") / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_includes").mkdir()
    (root / "_config.yml").write_text(SITE_CONFIG, encoding="utf-8")
    (root / "_includes" / "note.html").write_text(
        '<aside class="{{ include.kind }}">{{ include.text }}</aside>\n', encoding="utf-8"
    )
    return root / "_posts" / "2024-01-01-generated.md"


def check_site_post(body: str, path: Path, folder: Path) -> None:
    """A Markdown post in a Jekyll site: Liquid, then kramdown, whole and by parts."""
    post = Post.from_text(f"---\ntitle: 제목\n---\n{body}", path)
    renderer = render.Renderer()
    # Even the shortest body goes through the kramdown engine's parts and Liquid's chunks.
    site = renderer.sites.site_for(post)
    assert site is not None
    engine = renderer.sites.engine_for(site, renderer.engine)
    engine.part_threshold, engine.part_modulus = 0, 2
    renderer.sites.liquid.chunk_threshold, renderer.sites.liquid.chunk_modulus = 0, 1
    for anchors in (True, False):
        fragment = renderer.fragment(post, anchors)
        assert 'class="render-error"' not in fragment, fragment
        assert renderer.page(post, anchors=anchors).startswith("<!DOCTYPE html>")
    for target in ("html", "fragment"):
        out = folder / f"site-{target}.html"
        assert exporter.export(post, target, out) == out
        assert 'class="render-error"' not in out.read_text("utf-8")


def check_exports(body: str, folder: Path) -> None:
    for fmt in ("markdown", "html"):
        post = Post.new({"title": "제목"}, body, fmt=fmt)
        for target in ("html", "fragment"):
            out = folder / f"{fmt}-{target}.html"
            assert exporter.export(post, target, out) == out
            assert 'class="render-error"' not in out.read_text("utf-8")


def test_a_fence_with_a_style_attribute_renders_highlighted(tmp_path):
    """The fence of a post converted from Tistory: the code shows, highlighted."""
    post = Post.new({"title": "T"}, "Before\n\n" + TISTORY_FENCE + "\nAfter\n")
    html = render.Renderer().fragment(post, anchors=False)
    assert '<div class="highlight"><pre><span></span><code><span class="nb">print</span>' in html
    assert "ke-type" not in html and "render-error" not in html
    assert "<p>After</p>" in html
    for target in ("html", "fragment"):
        out = exporter.export(post, target, tmp_path / f"{target}.html")
        assert "안녕" in out.read_text("utf-8")


def test_fence_attributes_keep_what_a_fence_can_use():
    """Id, classes, hl_lines and linenums stay; the rest goes."""
    from editor.render.fences import usable_attributes

    assert usable_attributes('#c .python style="x: y;" ke-type="codeblock"') == "#c .python"
    assert usable_attributes('.py hl_lines="1 3" linenums="true"') is None  # all usable
    assert usable_attributes('.py hl_lines="x" tabsize=q') == ".py"


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(bodies())
@example(TISTORY_FENCE)
@example('```{lang="python" src="x" .py}\nx\n```\n')
def test_property_render_never_raises(body):
    check_renders(body)


@settings(max_examples=60, deadline=None)
@given(bodies())
@example(TISTORY_FENCE)
def test_property_export_never_raises(body):
    with tempfile.TemporaryDirectory() as folder:
        check_exports(body, Path(folder))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=bodies(tuple(LIQUID + KRAMDOWN)))
@example(body="{% if true %}\n\n{: .lead}\n\n## Same\n\n{% endif %}\n\n## Same\n")
@example(body="{:x: .y}\n\n[a][r]\n{: x}\n\n```\n[r]: /no\n```\n\n[r]: /yes\n")
def test_property_site_posts_render_and_export_without_raising(body, site_post):
    with tempfile.TemporaryDirectory() as folder:
        check_site_post(body, site_post, Path(folder))
