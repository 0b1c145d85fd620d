"""Speed of the core's HTML readers on a long house-style body, before and after editor.markup.

Each figure is the median of several runs of one reader over the fixture post's body
repeated to ``--size-mb`` megabytes: finding highlights (the panel's scan), applying
a preset in the middle, text statistics (status bar), the publish checklist's body
scan and the source editor's tints and bold ranges for every line.

"Before" runs the same work in a clean checkout of the code before the markup layer
(``--before``, default /work/base, whose modules still sit flat in ``editor/``);
"after" runs this tree. Both run as child processes so neither imports the other.

Run: ``python benchmarks/bench_markup.py [--size-mb 1] [--runs 5] [--before /work/base]``
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "house-post.md"

# Module names in each tree: the flat layout before, the rooms after.
LAYOUTS = {
    "before": {"highlights": "editor.highlights", "stats": "editor.stats",
               "checks": "editor.checks", "tints": "editor.tokens", "post": "editor.post"},
    "after": {"highlights": "editor.authoring.highlights", "stats": "editor.authoring.stats",
              "checks": "editor.site.checks", "tints": "editor.authoring.source_tints",
              "post": "editor.document.post"},
}

CHILD = r"""
import importlib, json, statistics, sys, time
names, size_mb, runs, fixture = json.loads(sys.argv[1])
hl = importlib.import_module(names["highlights"])
stats = importlib.import_module(names["stats"])
checks = importlib.import_module(names["checks"])
tints = importlib.import_module(names["tints"])
Post = importlib.import_module(names["post"]).Post
body = open(fixture, encoding="utf-8").read().split("---\n", 2)[2]
body = body * max(1, int(size_mb * 1_000_000 / len(body.encode("utf-8"))))
presets = hl.load_presets().presets
post = Post.from_text("---\ntitle: t\nexcerpt: e\n---\n" + body)
post.format = "html"
lines = body.split("\n")
middle = body.index("<p>", len(body) // 2)

def median(work):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)

def line_marks():
    for line in lines:
        tints.house_tints(line)
        tints.bold_ranges(line)

print(json.dumps({
    "find highlights": median(lambda: hl.find_highlights(body, presets)),
    "apply a preset": median(lambda: hl.apply_preset(body, middle, middle + 20, presets[0],
                                                     presets)),
    "text statistics": median(lambda: stats.text_stats(body, "html")),
    "checklist body scan": median(lambda: checks._body_problems(post, None)),
    "tints + bold, every line": median(line_marks),
}))
"""


def measure(tree: Path, layout: str, size_mb: float, runs: int) -> dict[str, float]:
    """Medians (seconds) of each reader in ``tree``, measured in a child process."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    args = json.dumps([LAYOUTS[layout], size_mb, runs, str(FIXTURE)])
    out = subprocess.run([sys.executable, "-c", CHILD, args], env=env, cwd=tree,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    """Print before/after medians side by side.

    Before and after take turns, one run each per round, so a machine whose load
    changes meanwhile weighs on both alike.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", type=Path, default=Path("/work/base"))
    args = parser.parse_args()
    has_before = (args.before / "editor" / "highlights.py").exists()
    rounds: dict[str, list[dict[str, float]]] = {"before": [], "after": []}
    for _ in range(args.runs):
        if has_before:
            rounds["before"].append(measure(args.before, "before", args.size_mb, 1))
        rounds["after"].append(measure(ROOT, "after", args.size_mb, 1))
    print(f"{args.size_mb:g} MB house-style body, median of {args.runs} alternating runs")
    print(f"{'reader':<28}{'before':>10}{'after':>10}")
    for name in rounds["after"][0]:
        after = statistics.median(r[name] for r in rounds["after"])
        old = statistics.median(r[name] for r in rounds["before"]) if has_before else None
        shown = f"{old * 1000:8.1f}ms" if old is not None else f"{'-':>10}"
        print(f"{name:<28}{shown}{after * 1000:8.1f}ms")


if __name__ == "__main__":
    main()
