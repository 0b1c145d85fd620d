"""First render of a 1 MB post as the preview makes it, in several trees side by side.

The preview's page job (fragment, page, the preview's adjustments, the piece keys)
for a 1 MB HTML post and a 1 MB Markdown post, each run a post never rendered
before, in one process (no render helpers). Each tree runs in its own process with
``PYTHONPATH`` set to it; trees of the older layout (``editor.ui.preview_jobs``)
work too. Prints medians and ratios to the first tree.

Run: ``python benchmarks/bench_markup_layer.py [--runs 5] TREE [TREE ...]``
(default: this checkout).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import statistics, sys, time
sys.path.insert(0, {root!r})
try:
    from editor.render import core as render
    from editor.render import preview_jobs
    renderer = render.Renderer(jekyll=False)
    def job(text, fmt):
        return preview_jobs.page_job(renderer, text, None, fmt, "default", None, "frame")
except ImportError:  # the older layout
    from editor.ui import preview_jobs
    def job(text, fmt):
        return preview_jobs.page_job(text, None, fmt, "default", None, "frame")

fixture = open({fixture!r}, encoding="utf-8").read()
head, _, unit = fixture.partition("\n---\n")

def html_post(seed):
    pieces, size, index = [], 0, 0
    while size < 2**20:
        piece = f"<p>글 {{seed}}-{{index}}</p>\n\n" + unit
        pieces.append(piece)
        size += len(piece.encode("utf-8"))
        index += 1
    return head + "\n---\n" + "".join(pieces)

def markdown_post(seed):
    blocks, size, index = [], 0, 0
    while size < 2**20:
        kind = index % 10
        if kind == 0:
            block = f"## 구역 {{seed}}-{{index}}: the reading room at night"
        elif kind == 3:
            block = "\n".join(f"- 항목 {{index}}.{{i}} with *emphasis*" for i in range(4))
        elif kind == 6:
            block = f"```python\ndef step_{{index}}(value):\n    return value * {{seed}}\n```"
        elif kind == 8:
            block = f'<div class="note">\n<p>메모 {{index}}: open <b>late</b></p>\n</div>'
        else:
            block = (f"문단 {{index}}: neighbours study late in the **reading room**, and "
                     f"the library plans more seats ({{seed}}). " * 3).strip()
        blocks.append(block)
        size += len(block.encode("utf-8")) + 2
        index += 1
    return "---\ntitle: 긴 글\n---\n" + "\n\n".join(blocks) + "\n"

for label, make, fmt in (("HTML", html_post, "html"), ("Markdown", markdown_post, "markdown")):
    job(make(0), fmt)  # imports, lexers, themes
    times = []
    for run in range({runs}):
        text = make(run + 1)
        start = time.perf_counter()
        job(text, fmt)
        times.append((time.perf_counter() - start) * 1000)
    print(label, statistics.median(times), flush=True)
"""


def measure(tree: Path, runs: int) -> dict[str, float]:
    """Median milliseconds per post kind for one tree, in a fresh process."""
    script = CHILD.format(root=str(tree), runs=runs,
                          fixture=str(ROOT / "tests" / "fixtures" / "house-post.md"))
    env = dict(os.environ, PYTHONPATH=str(tree))
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, check=False, timeout=1800)
    figures = {}
    for line in done.stdout.splitlines():
        label, value = line.rsplit(" ", 1)
        figures[label] = float(value)
    if not figures:
        raise RuntimeError(f"{tree}: {done.stderr[-2000:]}")
    return figures


def main() -> int:
    """Measure every tree and print medians and ratios to the first."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="*", type=Path, default=[ROOT])
    parser.add_argument("--runs", type=int, default=5, help="first renders per post kind")
    args = parser.parse_args()
    results = [(tree, measure(tree.resolve(), args.runs)) for tree in args.trees]
    first = results[0][1]
    for tree, figures in results:
        shown = ", ".join(
            f"{label} 1 MB first render {value:7.0f} ms ({value / first[label]:.2f}x)"
            for label, value in figures.items())
        print(f"{str(tree):>28}: {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
