"""Whatever the body holds, the Liquid step returns text and errors; it never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.render.liquid import LiquidSite, render_liquid

PIECES = [
    "{% if page.x %}", "{% endif %}", "{% for i in site.posts %}", "{% endfor %}",
    "{% raw %}", "{% endraw %}", "{% highlight py %}", "{% highlight %}", "{% endhighlight %}",
    "{% include note.html a=1 %}", "{% include %}", "{% include ../x %}", "{% post_url x %}",
    "{% link a.md %}", "{{ page.title | slugify: 'x' }}", "{{ 1 | divided_by: 0 }}",
    "{{", "}}", "{%", "%}", "{% capture c %}", "{% endcapture %}", "{% comment %}",
    "{% endcomment %}", "{{ x | where_exp: 'i', 'i >' }}", "{{ site.posts | sort: 1 }}",
    "{{ 'a' | date_to_string: 'ordinal' }}", "{% case %}", "{% when 1 %}", "{% break %}",
    "{{ page | jsonify }}", "{{ page.date | date_to_xmlschema }}", "\n", " ", "text", "한글",
]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=25))
def test_render_liquid_never_raises(pieces):
    """Random mixes of tags, outputs and text give a result with lines inside the body."""
    body = "".join(pieces)
    site = LiquidSite(None, {"baseurl": "/b"})
    result = render_liquid(body, {"title": "T", "date": "2024-01-02"}, site, None)
    assert isinstance(result.text, str)
    lines = body.count("\n") + 1
    assert all(1 <= problem.line <= lines for problem in result.errors)
    if result.line_map is not None:
        assert len(result.line_map) == result.text.count("\n") + 1
        assert all(1 <= line <= lines for line in result.line_map)


def test_runaway_loop_stops_with_an_error():
    """A loop far beyond any real site's size stops with a message instead of freezing."""
    result = render_liquid("{% for i in (1..100000000) %}x{% endfor %}done", {}, None)
    assert result.text.endswith("done")
    assert "limit" in result.errors[0].message


def test_recursive_include_stops_with_an_error(tmp_path):
    """An include that includes itself ends with an error, not a crash."""
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / "_includes").mkdir()
    (tmp_path / "_includes" / "me.html").write_text("x{% include me.html %}")
    site = LiquidSite.read(tmp_path)
    result = render_liquid("a\n{% include me.html %}\nb", {}, site, tmp_path / "p.md")
    assert result.text.startswith("a\nx") and result.text.endswith("\nb")
    assert result.errors and result.errors[0].line == 2
