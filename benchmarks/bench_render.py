"""Rendering speed: medians of fragment() + page() for a typical post and a 1 MB Markdown post.

Targets: a typical post (tests/fixtures/house-post.md, a few KB) <= 3 ms for
fragment + page; a 1 MB Markdown post <= 400 ms. Long Markdown posts are cached by
parts (the engine of editor.render.markdown), so the 1 MB figures are given several ways:
re-rendering unchanged text, re-rendering after a one-word edit (what the preview
does while the writer types), and a first render of a post never rendered before
(each run a different one, so no cache of this process or of the render helper
helps). A first render shares its parts with the render helper processes (one on
a two-core machine; started by the warm-up run, as the editor starts them early);
the same in this process alone is shown too. The 1 MB post has a tenth of its
blocks fenced Python code, each block different; highlighting them is a good part
of a first render, so a post of mostly prose (1% code) is shown as well.

Run: python benchmarks/bench_render.py [--runs N] [--no-speedups]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from editor.document.post import Post  # noqa: E402
from editor.render import core as render  # noqa: E402
from editor.render.html import highlight_code  # noqa: E402
from editor.render.markdown import PythonMarkdownEngine  # noqa: E402
from editor.render.pool import RenderPool  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"

WORDS = (
    "도서관 열람실 주민 운영 시간 예약 좌석 안내 계획 소식 이용자 공부 조명 난방 "
    "library reading room night hours booking seat notice plan neighbours study"
).split()


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random) -> str:
    sentences = [_sentence(rng, rng.randint(6, 14)) for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.5:
        sentences[0] = f"**{sentences[0]}**"
    if rng.random() < 0.3:
        sentences[-1] += ' <b><span style="color: #ee2323;">강조 문장입니다.</span></b>'
    return " ".join(sentences)


def large_markdown(size: int = 1_000_000, seed: int = 7, code_share: float = 0.10) -> str:
    """About ``size`` characters of Markdown: headings, paragraphs, lists, tables, quotes,
    and ``code_share`` of the blocks fenced Python code (each block different)."""
    rng = random.Random(seed)
    blocks: list[str] = []
    total = 0
    section = 0
    while total < size:
        if rng.random() < code_share:
            body = "\n".join(
                f"    total += value_{i} * {rng.randint(2, 99)}  # step {i}"
                for i in range(rng.randint(3, 10))
            )
            name = rng.choice(WORDS[-13:])
            block = f"```python\ndef {name}():\n    total = 0\n{body}\n    return total\n```"
        elif (roll := rng.random()) < 0.09:
            section += 1
            block = f"## Section {section}: {_sentence(rng, 3)[:-1]}"
        elif roll < 0.67:
            block = _paragraph(rng)
        elif roll < 0.84:
            marker = "-" if rng.random() < 0.5 else "1."
            block = "\n".join(f"{marker} {_sentence(rng, 5)}" for _ in range(rng.randint(2, 6)))
        elif roll < 0.95:
            rows = "\n".join(
                f"| {rng.choice(WORDS)} | {_sentence(rng, 4)} |" for _ in range(rng.randint(2, 6))
            )
            block = f"| 항목 | 내용 |\n|:---:|:---:|\n{rows}"
        else:
            block = f"> {_sentence(rng, 10)}"
        blocks.append(block)
        total += len(block) + 2
    return "\n\n".join(blocks) + "\n"


def median_ms(action: Callable[[], object], runs: int) -> float:
    """Median wall time of ``action`` over ``runs`` runs, in milliseconds."""
    action()  # warm-up: builds the converter, fills the CSS caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    """Print the medians next to their targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="runs for the small posts")
    parser.add_argument("--large-runs", type=int, default=21, help="runs for the 1 MB post")
    parser.add_argument("--cold-runs", type=int, default=7, help="first renders of 1 MB posts")
    parser.add_argument("--no-speedups", action="store_true",
                        help="the stock Python-Markdown converter (editor.render.speedups off)")
    args = parser.parse_args()
    # The editor's preview holds a renderer and a pool like these.
    pool = RenderPool()
    engine = PythonMarkdownEngine(speedups=not args.no_speedups, pool=pool)
    renderer = render.Renderer(engine, pool=pool)

    house = Post.load(FIXTURES / "house-post.md")
    plain = Post.load(FIXTURES / "plain-markdown.md")
    # A Markdown post the size of the house post file.
    typical_md = Post.new({"title": "Typical"}, large_markdown(len(house.text()), seed=3))
    large_text = large_markdown()
    large = Post.new({"title": "Large"}, large_text)

    def both(post: Post, anchors: bool = True) -> Callable[[], object]:
        return lambda: renderer.page(post, body_html=renderer.fragment(post, anchors))

    def cold(post: Post) -> Callable[[], object]:
        def action() -> object:
            engine.clear_cache()
            highlight_code.cache_clear()
            return renderer.page(post, body_html=renderer.fragment(post))

        return action

    seeds = iter(range(100, 10_000))

    def first(count: int, parallel: bool = True, code_share: float = 0.10) -> Callable[[], object]:
        texts = [large_markdown(seed=next(seeds), code_share=code_share) for _ in range(count)]
        posts = iter([Post.new({"title": "New"}, text) for text in texts])

        def action() -> object:
            post = next(posts)
            limit = engine.parallel_chars
            if not parallel:
                engine.parallel_chars = sys.maxsize
            try:
                return renderer.page(post, body_html=renderer.fragment(post))
            finally:
                engine.parallel_chars = limit

        return action

    # Typing: every run sees the post with one more word in a different paragraph.
    paragraphs = [i for i, line in enumerate(large_text.split("\n")) if line[:1].isalpha()]
    step = max(1, len(paragraphs) // (args.large_runs + 2))
    edits = iter(paragraphs[::step])

    def typed() -> object:
        lines = large_text.split("\n")
        index = next(edits)
        lines[index] += " 추가"
        large.body = "\n".join(lines)
        return renderer.page(large, body_html=renderer.fragment(large))

    size = f"{len(large_text):,} chars"
    runs = args.runs
    rows = [
        (f"house post, HTML ({len(house.body):,} chars): fragment+page", both(house), runs, 3),
        ("house post, HTML, anchors off: fragment+page", both(house, False), runs, 3),
        (f"plain-markdown.md ({len(plain.body):,} chars): fragment+page", both(plain), runs, 3),
        (f"Markdown, {len(typical_md.body):,} chars: fragment+page", both(typical_md), runs, 3),
        (f"Markdown, {len(typical_md.body):,} chars, caches cleared", cold(typical_md), runs, 3),
        (
            f"Markdown, {size}: fragment+page, re-render unchanged",
            both(large),
            args.large_runs,
            400,
        ),
        (f"Markdown, {size}: fragment+page after a one-word edit", typed, args.large_runs, 400),
        (f"Markdown, {size}: first render", first(args.cold_runs + 1), args.cold_runs, 400),
        (
            f"Markdown, {size}: first render, in one process",
            first(args.cold_runs + 1, parallel=False),
            args.cold_runs,
            None,
        ),
        (
            "Markdown, 1 MB, 1% code blocks: first render",
            first(args.cold_runs + 1, code_share=0.01),
            args.cold_runs,
            400,
        ),
        (
            "page() alone with a ready fragment (house post)",
            lambda: renderer.page(house, body_html=house.body),
            runs,
            None,
        ),
    ]
    for label, action, count, target in rows:
        value = median_ms(action, count)
        verdict = "" if target is None else ("  ok" if value <= target else "  OVER")
        limit = "" if target is None else f"  (target <= {target} ms)"
        print(f"{label:<66} median {value:8.2f} ms over {count} runs{limit}{verdict}")
    pool.shutdown()


if __name__ == "__main__":
    main()
