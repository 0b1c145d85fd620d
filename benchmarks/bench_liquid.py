"""Liquid step speed: what a keystroke costs on a post in a Jekyll site.

Prints medians (ms) over ``--runs`` for:
* the first read of the site; ``LiquidSites.for_post`` on an unchanged site, the stat
  scan that decides whether the cached site is still good, and the re-read after one
  post was saved;
* ``render_liquid`` on the reference post's body (no Liquid: the fast path), on a
  Liquid-heavy body (includes, loops over ``site.posts``, highlight, filters), and on
  the same body with an error in it.

Run: ``python benchmarks/bench_liquid.py [--posts 300] [--runs 50]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.document.frontmatter import split_document  # noqa: E402
from editor.render.liquid import LiquidSite, LiquidSites, render_liquid  # noqa: E402

REFERENCE = Path("/work/shared/reference/reference-post.md")
FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "house-post.md"

HEAVY = """\
# {{ page.title }}

{% include note.html kind="tip" text=page.title %}

![map]({{ "/images/map.png" | relative_url }}) and [older]({% post_url 2020-01-01-post-0 %})

{% highlight ruby linenos %}
def crossing(river)
  puts "over #{river}"
end
{% endhighlight %}

{% for post in site.posts limit: 20 %}
- [{{ post.title }}]({{ post.url | relative_url }}) {{ post.date | date_to_string }}
{% endfor %}

{% assign river = site.tags.river | where_exp: "p", "p.title contains '1'" %}
{{ river | size }} posts about the river; {{ site.data.city.name }}.
"""


def make_site(root: Path, posts: int) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_includes").mkdir()
    (root / "_data").mkdir()
    (root / "_config.yml").write_text("title: Bench\nbaseurl: /b\ntimezone: UTC\n")
    (root / "_includes/note.html").write_text('<aside class="{{ include.kind }}">x</aside>\n')
    (root / "_data/city.yml").write_text("name: Seoul\n")
    for number in range(posts):
        day = f"{2020 + number // 300}-{1 + number % 12:02d}-{1 + number % 28:02d}"
        (root / "_posts" / f"{day}-post-{number}.md").write_text(
            f"---\ntitle: Post {number}\ntags: [river, t{number % 7}]\n---\nBody {number}.\n"
        )
    return root / "_posts" / "2020-01-01-post-0.md"


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    reference = REFERENCE if REFERENCE.is_file() else FIXTURE
    plain_body = split_document(reference.read_text(encoding="utf-8")).body
    with tempfile.TemporaryDirectory() as folder:
        post = make_site(Path(folder) / "site", args.posts)
        first = median_ms(lambda: LiquidSite.for_post(post), max(args.runs // 10, 3))
        sites = LiquidSites()
        site = sites.for_post(post)
        cached = median_ms(lambda: sites.for_post(post), args.runs)
        rechecking = LiquidSites(recheck_seconds=0)
        rechecking.for_post(post)
        scan = median_ms(lambda: rechecking.for_post(post), args.runs)

        def save_one_post() -> None:
            post.write_text(post.read_text(encoding="utf-8") + "x", encoding="utf-8")
            rechecking.for_post(post)

        reread = median_ms(save_one_post, max(args.runs // 5, 3))
        front = {"title": "Bench post"}
        plain = median_ms(lambda: render_liquid(plain_body, front, site, post), args.runs)
        heavy = median_ms(lambda: render_liquid(HEAVY, front, site, post), args.runs)
        broken = HEAVY + "\n{% if true %}\n{{ 1 | divided_by: 0 }}\n"
        failing = median_ms(lambda: render_liquid(broken, front, site, post), args.runs)
        assert render_liquid(HEAVY, front, site, post).errors == ()
    print(f"site with {args.posts} posts, medians of {args.runs} runs")
    print(f"  read the site (first time)        {first:8.2f} ms")
    print(f"  LiquidSites.for_post, unchanged   {cached:8.2f} ms  (files looked at every 1 s)")
    print(f"  ... looking at the files          {scan:8.2f} ms")
    print(f"  ... after one post was saved      {reread:8.2f} ms  (only that post parsed)")
    print(f"  render_liquid, reference body     {plain:8.3f} ms  (no Liquid: passed through)")
    print(f"  render_liquid, Liquid-heavy body  {heavy:8.2f} ms")
    print(f"  render_liquid, with two errors    {failing:8.2f} ms")


if __name__ == "__main__":
    main()
