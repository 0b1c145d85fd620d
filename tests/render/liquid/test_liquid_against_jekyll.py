"""Differential test: our Liquid step against the real ``jekyll build`` (Jekyll 4.3, Debian).

A site written for the test is built by ``jekyll`` into a temporary folder; each post's
body is read back between markers the layout puts around ``{{ content }}`` and compared
with :func:`render_liquid` (plus Python-Markdown for the Markdown post). HTML posts are
not converted by Jekyll, so for them the whole body must match byte for byte.

These tests need the ``jekyll`` command (``.ci/setup test`` installs it). Without it they
fail, they never skip.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import markdown
import pytest

from editor.document.frontmatter import parse, split_document
from editor.render.liquid import LiquidSites, render_liquid

pytestmark = pytest.mark.jekyll

CONFIG = """\
title: Riverside notes
url: https://example.org
baseurl: /blog
timezone: UTC
author:
  name: Kim
defaults:
  - scope:
      path: ""
      type: posts
    values:
      layout: post
      kind: article
  - scope:
      path: "news"
    values:
      kind: news
"""

LAYOUT = '<html><body><div id="ae-body">{{ content }}</div><!-- /ae-body --></body></html>\n'

NOTE = '<aside class="note {{ include.kind }}">{{ include.text }} ({{ page.title }})</aside>\n'

LIQUID_POST = """\
---
title: "Bridges & <ferries>"
date: 2024-03-05 14:30:00 +0900
tags: [river, boats]
ferry: Mapo
---
<h2>{{ page.title | xml_escape }}</h2>
{% raw %}<p>{{ kept }} {% if %}</p>{% endraw %}
{% include note.html kind="tip" text=page.ferry %}
{% include note.html kind='warn' text="a \\"quoted\\" word" %}
<a href="{% post_url 2024-01-02-ferry-times %}">ferries</a>
<a href="{% post_url 2024-04-01-서울-산책 %}">walk</a>
<a href="{% link _posts/2024-01-02-ferry-times.md %}">link</a>
<a href="{% link about.md %}">about</a>
<img src="{{ "/images/bridge.png" | relative_url }}"> <img src="{{ "x.png" | absolute_url }}">
{% highlight ruby %}
def crossing(river)
  puts "over #{river}" if river.length > 3
end
{% endhighlight %}
{% highlight ruby linenos %}
x = [1, 2]
x.each { |i| puts i }
{% endhighlight %}
<p>{{ site.title }} by {{ site.author.name }}; {{ page.kind }}; {{ page.url }}; {{ page.path }}</p>
<p>{{ page.date }} | {{ page.date | date_to_string }} | {{ page.date | date_to_xmlschema }}</p>
<p>{{ site.data.city.name }}: {{ site.data.city.bridges | array_to_sentence_string }}</p>
{% assign n = site.posts | size %}{% capture label %}{{ n }} posts{% endcapture %}
<p>{{ label }}{% if n > 2 %} (many){% else %} (few){% endif %}</p>
<ul>{% for post in site.posts %}<li>{{ post.title }} {{ post.url }}
{{ post.date | date: "%Y" }}</li>{% endfor %}</ul>
<p>{% for tag in page.tags %}{{ tag | upcase }}
{% unless forloop.last %},{% endunless %}{% endfor %}</p>
<p>{{ site.tags.river | map: "title" | join: "+" }} {{ site.categories.news | size }}</p>
<p>{% comment %}not shown{% endcomment %}
{% case page.kind %}{% when "article" %}A{% else %}B{% endcase %}</p>
<p>{{ "Hello, 서울 World!" | slugify }} {{ "a b" | cgi_escape }}
{{ page.title | number_of_words }}</p>
"""

CONTROL_POST = """\
---
title: Control "flow"
tags: [x, y]
arr: [one, two, three]
---
{%- assign xs = page.arr -%}
<p>{{- page.title -}}</p>
{% include list.html items=page.arr %}
{% for x in xs limit: 2 offset: 1 %}{{ x }}{% unless forloop.last %}|{% endunless %}{% endfor %}
{% for x in xs reversed %}{{ forloop.rindex }}{{ x }}{% endfor %}
{% if page.tags contains "y" and page.arr.size > 2 %}yes{% elsif false %}no{% endif %}
{{ page.missing | default: "dflt" }} {{ page.date | date: "%b %-d, %Y" }}
{% cycle "a", "b" %}{% cycle "a", "b" %} {% increment n %}{% increment n %}
{{ page.previous.title }}/{{ page.next.title }} {{ page.id }} {{ page.slug }}
{{ page.categories | size }} {{ page.collection }} {{ page.name }}
{{ page.title | escape }} {{ "a-b c" | replace: "-", "+" | split: " " | first }}
{{ 3.14159 | round: 2 }} {{ -5 | abs }}
{% tablerow x in xs cols:2 %}{{ x }}{% endtablerow %}
{{ page.tags | array_to_sentence_string }} {{ site.tags.river | size }}
"""

LIST_INCLUDE = """\
<ul>{% for item in include.items %}<li>{{ forloop.index }}:{{ item }}\
{% include item.html v=item %}</li>{% endfor %}</ul>
"""

MARKDOWN_POST = """\
---
title: Markdown with Liquid
---
Intro paragraph with a [link]({% post_url 2024-01-02-ferry-times %}).

![Bridge]({{ "/images/bridge.png" | relative_url }})

{% include note.html kind="tip" text="Bring a coat" %}

{% highlight ruby %}
puts "hi"
{% endhighlight %}
"""


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_site(root: Path) -> None:
    write(root, "_config.yml", CONFIG)
    write(root, "_layouts/post.html", LAYOUT)
    write(root, "_layouts/page.html", LAYOUT)
    write(root, "_includes/note.html", NOTE)
    write(root, "_includes/list.html", LIST_INCLUDE)
    write(root, "_includes/item.html", "[{{ include.v | upcase }}]\n")
    write(root, "_data/city.yml", "name: Seoul\nbridges: [Hangang, Mapo, Wonhyo]\n")
    write(root, "about.md", "---\ntitle: About\nlayout: page\n---\nAbout.\n")
    write(root, "_posts/2024-01-02-ferry-times.md", "---\ntitle: Ferry times\n---\nx\n")
    write(root, "_posts/2024-04-01-서울-산책.md", "---\ntitle: Walk\ntags: river\n---\nx\n")
    write(root, "news/_posts/2024-02-10-night.md", "---\ntitle: Night\ncategories: late\n---\n")
    write(root, "_posts/2024-03-05-liquid.html", LIQUID_POST)
    write(root, "_posts/2024-03-06-control.html", CONTROL_POST)
    write(root, "_posts/2024-05-06-markdown.md", MARKDOWN_POST)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """The site and Jekyll's build of it."""
    jekyll = shutil.which("jekyll")
    assert jekyll, "the differential Liquid tests need `jekyll` (apt-get install jekyll)"
    root = tmp_path_factory.mktemp("jekyll") / "site"
    _write_site(root)
    out = root.parent / "built"
    run = subprocess.run(
        [jekyll, "build", "--quiet", "--source", str(root), "--destination", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC", "JEKYLL_ENV": "development"},
    )
    assert run.returncode == 0, run.stderr
    return root, out


def _jekyll_body(out: Path, url: str) -> str:
    page = (out / url.lstrip("/")).read_text(encoding="utf-8")
    match = re.search(r'<div id="ae-body">(.*)</div><!-- /ae-body -->', page, re.S)
    assert match, page
    return match.group(1)


def _ours(root: Path, relative: str):
    path = root / relative
    parts = split_document(path.read_text(encoding="utf-8"))
    site = LiquidSites().for_post(path)
    return render_liquid(parts.body, parse(parts.yaml).data, site, path)


def _token_classes_dropped(html: str) -> str:
    return re.sub(r'<span class="[^"]*">', "<span>", html)


def test_html_post_matches_jekyll_byte_for_byte(built):
    """Every Liquid tag and filter in an HTML post gives exactly Jekyll's text.

    Accepted difference: the class of a highlighted token where rouge's and Pygments'
    lexers disagree (rouge calls ``.`` in ``river.length`` punctuation ``p`` and
    ``length`` a function ``nf``; Pygments says ``o`` and ``n``). Everything else,
    spans included, is byte for byte.
    """
    root, out = built
    ours = _ours(root, "_posts/2024-03-05-liquid.html")
    assert ours.errors == ()
    theirs = _jekyll_body(out, "2024/03/05/liquid.html")
    assert _token_classes_dropped(ours.text) == _token_classes_dropped(theirs)
    differing = set(re.findall(r'class="(\w+)"', ours.text)) ^ set(
        re.findall(r'class="(\w+)"', theirs)
    )
    assert differing <= {"p", "o", "n", "nf"}, differing


def test_control_flow_and_nested_includes_match_jekyll(built):
    """Whitespace control, loops and their variables, nested includes with parameters,
    cycle/increment/tablerow, previous/next: byte for byte."""
    root, out = built
    ours = _ours(root, "_posts/2024-03-06-control.html")
    assert ours.errors == ()
    assert ours.text == _jekyll_body(out, "2024/03/06/control.html")


def test_post_urls_match_jekyll_files(built):
    """Each post's ``url`` (folders above _posts, Korean slugs) names the file Jekyll wrote."""
    root, out = built
    site = LiquidSites().for_post(root / "_config.yml")
    assert site is not None
    for post in site.posts:
        from urllib.parse import unquote

        assert (out / unquote(post["url"]).lstrip("/")).is_file(), post["url"]
    assert {post["url"] for post in site.posts} >= {
        "/news/late/2024/02/10/night.html",
        "/2024/04/01/%EC%84%9C%EC%9A%B8-%EC%82%B0%EC%B1%85.html",
    }


def _liquid_parts(html: str) -> dict[str, list[str]]:
    return {
        "figure": re.findall(r'<figure class="highlight">.*?</figure>', html, re.S),
        "aside": re.findall(r"<aside.*?</aside>", html, re.S),
        "href": re.findall(r'href="([^"]*)"', html),
        "src": re.findall(r'src="([^"]*)"', html),
    }


def test_markdown_post_liquid_parts_match_jekyll(built):
    """After Markdown conversion the Liquid-made parts equal Jekyll's (kramdown's) page."""
    root, out = built
    ours = _ours(root, "_posts/2024-05-06-markdown.md")
    assert ours.errors == ()
    html = markdown.markdown(ours.text)
    jekyll = _liquid_parts(_jekyll_body(out, "2024/05/06/markdown.html"))
    mine = _liquid_parts(html)
    assert mine == jekyll
    assert all(jekyll.values()), jekyll


def test_highlight_python_structure_matches_jekyll(tmp_path):
    """Python code: same wrapper and text as rouge; token classes may differ.

    Accepted difference: rouge's Python lexer marks a double-quoted string ``s``, Pygments
    ``s2`` (and similar fine-grained names); the figure, the text and line numbers agree.
    """
    jekyll = shutil.which("jekyll")
    assert jekyll, "the differential Liquid tests need `jekyll` (apt-get install jekyll)"
    root = tmp_path / "site"
    write(root, "_config.yml", "timezone: UTC\n")
    write(root, "_layouts/default.html", LAYOUT)
    code = "def f(x):\n    return \"a\" + 'b' < 3  # hi\n"
    body = "{% highlight py linenos %}\n" + code + "{% endhighlight %}"
    write(root, "_posts/2024-06-07-py.html", "---\nlayout: default\n---\n" + body)
    rebuilt = tmp_path / "out"
    subprocess.run(
        [jekyll, "build", "--quiet", "--source", str(root), "--destination", str(rebuilt)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    theirs = _jekyll_body(rebuilt, "2024/06/07/py.html")
    ours = _ours(root, "_posts/2024-06-07-py.html").text

    def shape(text: str) -> str:
        return re.sub(r'<span class="[^"]*">|</span>', "", text)

    assert shape(ours) == shape(theirs)
    assert ours.count("<span") == theirs.count("<span")
