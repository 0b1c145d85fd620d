"""Keystroke → fragment for Markdown posts in a Jekyll site (Liquid, then kramdown).

A site post of the reference post's size and one of 1 MB, each typed into: every run
adds a word to a different paragraph and renders the fragment with anchors, as the
preview does. Also shown: the same post re-rendered unchanged, a first render (caches
cleared), the Liquid step alone, and for the long post a keystroke as the preview
renders it: a patch job in a render helper process. Each tree named by ``--tree`` (default: this
checkout; ``--tree /work/base`` for a before figure) runs in a process of its own, one
after the other, and the medians are printed side by side.

Run: python benchmarks/bench_site_render.py [--tree /work/base --tree .] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = Path("/work/shared/reference/reference-post.md")

SECTION = """\
## {n}. 동네 도서관 야간 열람실 {n}

The library's night reading room opened a month ago -- and it's "busier than the
day room," says the librarian of {{{{ site.title }}}}. Here's what we learned...
{{: .lead}}

- Weekdays: 18:00--23:00
  - booking opens at noon
  - seats are held for 15 minutes
- Weekends: closed

| Floor | Seats | Lamps |
|:------|------:|:-----:|
| 2F    | 48    | yes   |

```python
def free_seats_{n}(floor, booked):
    return [seat for seat in floor.seats if seat not in booked]
```

Opening hours were set after a survey of 1,200 neighbours; most asked for "late
evenings, not early mornings." See the [notice][n] and ![map]({{{{ "/map.png" | relative_url }}}}).
The room holds eighty-four seats over two floors, each with a lamp and a socket.
"""

TAIL = '\n[n]: https://example.com/notice "Notice"\n'


def site_body(size: int) -> str:
    """About ``size`` characters of Markdown with a little Liquid, in sections."""
    sections = []
    total = 0
    n = 0
    while total < size:
        n += 1
        section = SECTION.format(n=n)
        sections.append(section)
        total += len(section) + 1
    return "\n".join(sections) + TAIL


def make_site(folder: Path, body: str, name: str) -> Path:
    (folder / "_posts").mkdir(parents=True, exist_ok=True)
    (folder / "_config.yml").write_text("title: Bench\nbaseurl: /b\n", encoding="utf-8")
    path = folder / "_posts" / f"2024-01-01-{name}.md"
    path.write_text(f"---\ntitle: {name}\n---\n{body}", encoding="utf-8")
    return path


def median_ms(action: Callable[[], object], runs: int) -> float:
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure_post(path: Path, runs: int) -> dict[str, float]:
    """Medians for the site post at ``path`` (``editor`` as found on ``sys.path``)."""
    from editor.document.post import Post
    from editor.render import core as render
    from editor.render.liquid import LiquidSites, render_liquid

    renderer = render.Renderer()
    post = Post.load(path)
    lines = post.body.split("\n")
    paragraphs = [i for i, line in enumerate(lines) if line.startswith("Opening")]
    edits = iter(range(10**9))

    def typed() -> object:
        k = next(edits)
        edited = list(lines)
        edited[paragraphs[(k * 7919) % len(paragraphs)]] += f" 추가{k}"
        post.body = "\n".join(edited)
        return renderer.fragment(post)

    site = LiquidSites().for_post(path)
    front = dict(post.metadata)
    return {
        "keystroke → fragment": median_ms(typed, runs),
        "re-render unchanged": median_ms(lambda: renderer.fragment(post), runs),
        "first render (new renderer)": median_ms(
            lambda: render.Renderer().fragment(post), max(runs // 4, 3)
        ),
        "Liquid step alone": median_ms(
            lambda: render_liquid(post.body, front, site, path), runs
        ),
    }


def measure_in_helper(path: Path, runs: int) -> dict[str, float]:
    """A keystroke as the preview renders a long post: a patch job in a render helper."""
    from editor.render import core as render
    from editor.render import preview_jobs
    from editor.render.pool import RenderPool

    pool = RenderPool()
    try:
        renderer = render.Renderer(pool=pool)
        text = path.read_text(encoding="utf-8")
        lines = text.split("\n")
        paragraphs = [i for i, line in enumerate(lines) if line.startswith("Opening")]
        edits = iter(range(10**9))

        def typed() -> object:
            k = next(edits)
            edited = list(lines)
            edited[paragraphs[(k * 7919) % len(paragraphs)]] += f" 추가{k}"
            return pool.run(preview_jobs.patch_job, renderer, "\n".join(edited), str(path),
                            "markdown", path.parent.parent, "frame")

        return {"keystroke → patch job in the render helper": median_ms(typed, runs)}
    finally:
        pool.shutdown()


def measure(runs: int, large_runs: int) -> dict[str, float]:
    reference_size = REFERENCE.stat().st_size if REFERENCE.is_file() else 6800
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for label, size, count in (
            (f"reference size ({reference_size // 1000} KB)", reference_size, runs),
            ("1 MB", 1_000_000, large_runs),
        ):
            path = make_site(Path(folder) / "site", site_body(size), f"post-{size}")
            measured = measure_post(path, count)
            if size > 100_000:
                measured.update(measure_in_helper(path, count))
            for name, value in measured.items():
                results[f"{label}: {name}"] = value
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", help="checkout to measure (repeatable)")
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--large-runs", type=int, default=15)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.runs, args.large_runs)))
        return
    trees = [str(Path(tree).resolve()) for tree in (args.tree or [str(ROOT)])]
    columns = []
    for tree in trees:
        env = dict(os.environ, PYTHONPATH=tree)
        output = subprocess.run(
            [sys.executable, __file__, "--child", "--runs", str(args.runs),
             "--large-runs", str(args.large_runs)],
            env=env, capture_output=True, text=True, check=True, cwd=tree,
        ).stdout
        columns.append(json.loads(output.strip().splitlines()[-1]))
    width = max(len(name) for name in columns[0])
    print("medians, ms".ljust(width) + "".join(f"{Path(t).name:>14}" for t in trees))
    for name in columns[0]:
        print(name.ljust(width) + "".join(f"{column.get(name, float('nan')):14.2f}"
                                          for column in columns))


if __name__ == "__main__":
    main()
