"""Spelling: how well and how fast, on posts with planted misspellings.

Fixtures: tests/fixtures/spelling/ (Korean prose, English prose, a mixed Korean/English
Markdown post with code and Liquid, a house-style HTML post); planted.json lists the
misspellings planted in each. Printed per post and overall:

- found: planted misspellings flagged (target: all of them);
- false alarms: flagged words that are spelt right, as a share of the correctly spelt
  words checked (target: under 2%);
- how long opening the Korean and English dictionaries takes (once per process);
- median time to check a typical post (a fresh checker: nothing remembered) and the same
  post again (words remembered, as while typing), and per 100 KB of body.

There is no "before": the editor had no spelling checker. Run: python benchmarks/bench_spelling.py
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.authoring.spelling import SpellChecker  # noqa: E402
from editor.authoring.spelling_post import (  # noqa: E402
    checked_words,
    post_languages,
    post_misspellings,
)
from editor.document.post import Post  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "spelling"


def measure(name: str, planted: list[str]) -> tuple[int, int, int, list[str], list[str]]:
    """(words checked, planted found, false alarms, missed, false-alarm words) of a fixture."""
    post = Post.load(FIXTURES / name)
    checker = SpellChecker(post_languages(post))
    flagged = [m.word for m in post_misspellings(post, checker)]
    missed = [w for w in planted if w not in flagged]
    false_alarms = [w for w in flagged if w not in planted]
    return len(checked_words(post)), len(planted) - len(missed), len(false_alarms), missed, \
        false_alarms


def median_ms(fn, runs: int) -> str:
    """Median wall and CPU time of ``fn`` in milliseconds, as text (CPU: what it costs on
    a machine nobody else is using)."""
    walls, cpus = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - start_cpu) * 1000)
    return f"{statistics.median(walls):.1f} ms wall / {statistics.median(cpus):.1f} ms CPU"


def main() -> None:
    start = time.perf_counter()
    SpellChecker(["ko", "en_US"])
    print(f"opening the dictionaries (once per process): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")
    planted_by_file = json.loads((FIXTURES / "planted.json").read_text("utf-8"))
    total_words = total_planted = total_found = total_false = 0
    print(f"{'post':<12} {'words':>6} {'planted':>8} {'found':>6} {'false alarms':>13}")
    for name, planted in planted_by_file.items():
        words, found, false, missed, alarms = measure(name, planted)
        correct = words - len(planted)
        print(f"{name:<12} {words:>6} {len(planted):>8} {found:>6} "
              f"{false:>5} ({false / correct:5.2%})  {' '.join(alarms)}"
              + (f"  MISSED: {' '.join(missed)}" if missed else ""))
        total_words += words
        total_planted += len(planted)
        total_found += found
        total_false += false
    correct = total_words - total_planted
    print(f"{'all':<12} {total_words:>6} {total_planted:>8} {total_found:>6} "
          f"{total_false:>5} ({total_false / correct:5.2%})")
    print(f"found {total_found}/{total_planted} planted ({total_found / total_planted:.0%}); "
          f"false alarms {total_false}/{correct} correct words ({total_false / correct:.2%})")

    typical = Post.load(FIXTURES / "mixed.md")
    languages = post_languages(typical)
    body = typical.body
    big = (body * (100_000 // len(body.encode()) + 1)).encode()[:100_000].decode(
        "utf-8", "ignore")

    def fresh(text: str) -> None:
        SpellChecker(languages).misspellings(text, "markdown")

    warm = SpellChecker(languages)
    warm.misspellings(body, "markdown")
    warm.misspellings(big, "markdown")

    def again(text: str) -> None:
        warm.misspellings(text + " ", "markdown")  # a changed text: no mask kept

    print(f"typical post ({len(body.encode()) / 1024:.1f} KB body), medians:")
    print(f"  fresh checker  {median_ms(lambda: fresh(body), 30)}")
    print(f"  checked again  {median_ms(lambda: again(body), 30)}")
    print("per 100 KB of body, medians:")
    print(f"  fresh checker  {median_ms(lambda: fresh(big), 7)}")
    print(f"  checked again  {median_ms(lambda: again(big), 7)}")
    visible = 3000  # about a screenful of characters
    print(f"  a visible range of {visible} characters (same text): "
          f"{median_ms(lambda: warm.misspellings(big, 'markdown', 0, visible), 30)}")

if __name__ == "__main__":
    main()
