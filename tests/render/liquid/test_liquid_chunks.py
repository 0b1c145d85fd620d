"""Liquid by chunks (editor.render.liquid.chunks): the same result as the body whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from editor.render.liquid import LiquidSites, render_liquid
from editor.render.liquid.chunks import LiquidCache, chunk_starts
from tests.render.test_never_raises import LIQUID, bodies

SECTION = """\
## Section {n} of {{{{ page.title }}}}

A paragraph about {{{{ site.title | upcase }}}} with a
[link]({{{{ "/a/{n}.png" | relative_url }}}}).
It goes on for a second line.

{{% if page.title %}}
Shown when the title is set ({n}).

Still inside the if.
{{% endif %}}

{{% for i in (1..2) %}}
- item {{{{ i }}}} of {n}
{{% endfor %}}

{{% raw %}}{{{{ not Liquid {n} }}}}

with a blank line inside{{% endraw %}}

{{% comment %}}hidden {n}

also hidden{{% endcomment %}}

{{% highlight python %}}
print({n})

print("after a blank line")
{{% endhighlight %}}

Plain text {n} with {{{{ page.missing | default: "a default" }}}}.
"""


def long_body(sections: int = 150) -> str:
    return "\n".join(SECTION.format(n=n) for n in range(sections))


@pytest.fixture
def site_and_post(tmp_path: Path):
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Chunked\nbaseurl: /b\n", encoding="utf-8")
    path = root / "_posts" / "2024-03-01-long.md"
    path.write_text("---\ntitle: Long\n---\nx\n", encoding="utf-8")
    return LiquidSites().for_post(path), path


def test_chunks_give_what_the_whole_body_gives(site_and_post):
    site, path = site_and_post
    body = long_body()
    assert len(body) > LiquidCache().chunk_threshold
    starts = chunk_starts(body)
    assert starts is not None and len(starts) > 5
    whole = render_liquid(body, {"title": "Long"}, site, path)
    chunked = LiquidCache().render(body, {"title": "Long"}, site, path)
    assert chunked.text == whole.text
    assert chunked.line_map == whole.line_map
    assert chunked.errors == whole.errors == ()


def test_an_edit_rerenders_to_the_same_as_whole(site_and_post):
    site, path = site_and_post
    cache = LiquidCache()
    body = long_body()
    cache.render(body, {"title": "Long"}, site, path)
    edited = body.replace("Plain text 70 ", "Plain text 70 {{ 1 | plus: 1 }}\n\nand ")
    whole = render_liquid(edited, {"title": "Long"}, site, path)
    chunked = cache.render(edited, {"title": "Long"}, site, path)
    assert (chunked.text, chunked.line_map) == (whole.text, whole.line_map)
    retitled = cache.render(edited, {"title": "Other"}, site, path)
    assert retitled.text == render_liquid(edited, {"title": "Other"}, site, path).text


def test_an_error_is_reported_at_its_body_line(site_and_post):
    site, path = site_and_post
    body = long_body().replace("Plain text 90 ", "Plain text 90 {{ 1 | divided_by: 0 }} ")
    line = body[: body.index("Plain text 90")].count("\n") + 1
    whole = render_liquid(body, {}, site, path)
    chunked = LiquidCache().render(body, {}, site, path)
    assert [p.line for p in chunked.errors] == [p.line for p in whole.errors] == [line]


@pytest.mark.parametrize("tag", [
    "{% assign x = 1 %}", "{% capture y %}z{% endcapture %}", "{% increment n %}",
    "{% include note.html %}", "{% if true %}never closed", "{{ left open",
])
def test_state_across_chunks_or_open_tags_mean_whole(tag):
    assert chunk_starts(long_body(40) + "\n" + tag + "\n") is None


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies(tuple(LIQUID)))
def test_property_chunks_give_the_whole(body, site_and_post):
    """For generated bodies, Liquid by chunks gives the text, lines and errors of whole."""
    site, path = site_and_post
    cache = LiquidCache()
    cache.chunk_threshold = 0
    cache.chunk_modulus = 1  # a chunk at every blank line that allows one
    whole = render_liquid(body, {"title": "T"}, site, path)
    chunked = cache.render(body, {"title": "T"}, site, path)
    assert chunked.text == whole.text
    if whole.ran:
        assert chunked.line_map == whole.line_map
        assert chunked.errors == whole.errors
