"""Jekyll's tags and the standard ones, errors at their lines, and the line map."""

from __future__ import annotations

from pathlib import Path

from editor.render.liquid import LiquidSite, highlight_block, render_liquid


def render(root: Path, body: str, post: str = "_posts/2024-03-05-bridges.md", **page):
    site = LiquidSite.read(root)
    return render_liquid(body, page, site, root / post)


def test_highlight_is_rouge_markup():
    """Jekyll's figure/pre/code wrapper with Pygments' short class names, quotes unescaped."""
    out = highlight_block("\ndef foo\n  puts 'x' < 1\nend\n\n", "ruby")
    assert out == (
        '<figure class="highlight"><pre><code class="language-ruby" data-lang="ruby">'
        '<span class="k">def</span> <span class="nf">foo</span>\n'
        '  <span class="nb">puts</span> <span class="s1">\'x\'</span> '
        '<span class="o">&lt;</span> <span class="mi">1</span>\n'
        '<span class="k">end</span></code></pre></figure>'
    )


def test_highlight_with_linenos_is_rouge_table():
    """``linenos`` gives rouge's table: a gutter of numbers and the code, each line ended."""
    out = highlight_block("a\nb", "text", linenos=True)
    assert out == (
        '<figure class="highlight"><pre><code class="language-text" data-lang="text">'
        '<table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1\n2\n'
        '</pre></td><td class="code"><pre>a\nb\n</pre></td></tr></tbody></table>'
        "</code></pre></figure>"
    )


def test_highlight_tag_renders_liquid_inside_and_unknown_language(site_root):
    """Liquid inside the block runs first; an unknown language is plain escaped text."""
    body = "{% highlight nosuchlang %}\n<{{ site.title }}>\n{% endhighlight %}"
    text = render(site_root, body).text
    assert text == (
        '<figure class="highlight"><pre><code class="language-nosuchlang" '
        'data-lang="nosuchlang">&lt;Riverside notes&gt;</code></pre></figure>'
    )
    assert 'class="language-c-" data-lang="c+"' not in render(site_root, body).text
    plus = render(site_root, "{% highlight c++ %}int x;{% endhighlight %}").text
    assert 'class="language-c--" data-lang="c++"' in plus


def test_raw_keeps_liquid_as_text(site_root):
    """``raw`` shows Liquid literally."""
    assert render(site_root, "{% raw %}{{ x }} {% if %}{% endraw %}").text == "{{ x }} {% if %}"


def test_include_with_parameters(site_root):
    """``include.x`` holds the parameters: quoted strings and variables."""
    body = '{% include note.html kind="tip" text=page.title %}'
    assert render(site_root, body, title="Hi").text == '<aside class="note tip">Hi</aside>\n'
    body = '{% include note.html kind=\'warn\' text="say \\"so\\"" %}'
    assert render(site_root, body).text == '<aside class="note warn">say "so"</aside>\n'


def test_include_name_from_a_variable(site_root):
    """A file name may come from ``{{ }}``."""
    body = '{% include {{ page.box }} kind="x" %}'
    assert render(site_root, body, box="note.html").text.startswith('<aside class="note x">')


def test_include_relative_reads_beside_the_page(site_root, write_file):
    """``include_relative`` reads from the page's own folder."""
    write_file(site_root, "_posts/snippet.txt", "beside {{ page.title }}")
    text = render(site_root, "{% include_relative snippet.txt %}", title="T").text
    assert text == "beside T"


def test_post_url_and_link(site_root):
    """post_url and link give the post's URL with baseurl; folders above _posts make categories."""
    assert render(site_root, "{% post_url 2024-01-02-ferry-times %}").text == (
        "/blog/travel/2024/01/02/ferry-times.html"
    )
    assert render(site_root, "{% post_url guides/2024-02-10-night-reading %}").text == (
        "/blog/2024/02/10/night-reading.html"
    )
    assert render(site_root, "{% link _posts/2024-01-02-ferry-times.md %}").text == (
        "/blog/travel/2024/01/02/ferry-times.html"
    )
    assert render(site_root, "{% link about.md %}").text == "/blog/about.html"
    assert render(site_root, "{% link assets/map.pdf %}").text == "/blog/assets/map.pdf"


def test_standard_tags(site_root):
    """if/unless/case/for/assign/capture/comment as Liquid defines them."""
    body = (
        "{% assign n = 2 %}{% capture c %}[{{ n | plus: 1 }}]{% endcapture %}{{ c }}"
        "{% if n > 1 %}big{% else %}small{% endif %}{% unless n == 2 %}no{% endunless %}"
        "{% case n %}{% when 2 %}two{% endcase %}{% comment %}hidden{% endcomment %}"
        "{% for b in site.data.city.bridges %}<{{ b }}>{% endfor %}"
    )
    assert render(site_root, body).text == "[3]bigtwo<Hangang><Mapo>"


def test_render_with_liquid_false_skips_liquid(site_root):
    """``render_with_liquid: false`` leaves the body as written."""
    body = "{{ site.title }} {% bad %}"
    result = render(site_root, body, render_with_liquid=False)
    assert result.text == body and result.errors == () and not result.ran


def test_errors_keep_the_rest_and_name_their_line(site_root):
    """An error is a value with its body line; everything else still renders."""
    body = "one\n{% nosuch %}\n{{ 1 | divided_by: 0 }}\n{% include gone.html %}\nlast {{ 2 }}\n"
    result = render(site_root, body)
    assert result.text == "one\n\n\n\nlast 2\n"
    assert [problem.line for problem in result.errors] == [2, 3, 4]
    assert "nosuch" in result.errors[0].message
    assert "gone.html" in result.errors[2].message
    html = result.errors[1].html()
    assert html.startswith('<div class="liquid-error" data-source-line="3">')
    assert "Traceback" not in result.errors_html()


def test_unclosed_block_is_reported_at_its_opening(site_root):
    """A block never closed points at its opening tag."""
    result = render(site_root, "a\n\n{% if true %}\nb\n")
    assert [(p.line, p.message) for p in result.errors] == [
        (3, "'if' is never closed: {% endif %} is missing")
    ]


def test_error_inside_an_include_names_the_file(site_root, write_file):
    """An include's error is shown at the include's line, naming the file and its line."""
    write_file(site_root, "_includes/broken.html", "fine\n{{ 1 | divided_by: 0 }}\n")
    result = render(site_root, "x\n\n{% include broken.html %}\n")
    assert result.errors[0].line == 3
    assert "_includes/broken.html, line 2" in result.errors[0].message


def test_unterminated_output_returns_the_body(site_root):
    """Text Liquid cannot parse at all comes back whole, with the error."""
    result = render(site_root, "ok\n{{ open\nmore")
    assert result.text == "ok\n{{ open\nmore"
    assert len(result.errors) == 1


def test_post_outside_a_site_still_runs_standard_liquid(tmp_path):
    """Without a site, page variables and standard tags work; includes say why they fail."""
    result = render_liquid("{{ page.title }}{% include x.html %}", {"title": "T"}, None)
    assert result.text == "T"
    assert "x.html" in result.errors[0].message


def test_body_without_liquid_is_untouched():
    """No Liquid markers: the very same text, no line map."""
    result = render_liquid("plain {text}\n", {}, None)
    assert result.text == "plain {text}\n" and result.line_map is None and not result.ran


def test_line_map_points_back_to_the_source(site_root):
    """Lines after a tag that adds or removes lines map back to their own source line."""
    body = (
        "title\n"  # 1
        "{% comment %}\nthree lines\n{% endcomment %}\n"  # 2-4
        "after comment\n"  # 5
        "{% for i in (1..3) %}\nrow {{ i }}\n{% endfor %}\n"  # 6-8
        "tail\n"  # 9
    )
    result = render(site_root, body)
    lines = result.text.split("\n")
    assert lines[result.output_line(5) - 1] == "after comment"
    assert result.source_line(lines.index("after comment") + 1) == 5
    assert result.source_line(lines.index("tail") + 1) == 9
    assert result.source_line(lines.index("row 2") + 1) in (6, 7, 8)
    assert list(result.line_map) == sorted(result.line_map)


def test_site_liquid_options_strict_filters_and_variables():
    """``liquid: strict_filters/strict_variables`` in _config.yml make unknowns errors."""
    lenient = render_liquid("{{ a.b }}{{ 'x' | nosuch }}", {}, LiquidSite(None, {}))
    assert lenient.text == "x" and lenient.errors == ()
    options = {"liquid": {"strict_filters": True, "strict_variables": True}}
    strict = render_liquid("{{ a.b }}\n{{ 'x' | nosuch }}", {}, LiquidSite(None, options))
    assert [problem.line for problem in strict.errors] == [1, 2]
