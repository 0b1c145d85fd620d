"""Load + save figures for the post model: a typical post and a 1 MB post (median of runs).

Target: 1 MB load+save <= 50 ms. Run: python benchmarks/bench_io.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.document.post import Post  # noqa: E402

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "house-post.md"


def big_post(size: int = 1 << 20) -> bytes:
    """A post of about ``size`` bytes: the fixture's front matter and a repeated body."""
    text = FIXTURE.read_text("utf-8")
    head, body = text.split("---\n", 2)[1], text.split("---\n", 2)[2]
    repeats = size // len(body.encode()) + 1
    return ("---\n" + head + "---\n" + body * repeats).encode()


def median_ms(fn, runs: int) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, data, runs in (("typical", FIXTURE.read_bytes(), 200),
                                 ("1 MB", big_post(), 30)):
            path = Path(tmp) / "post.md"
            path.write_bytes(data)

            def load_save(path=path):
                post = Post.load(path)
                post.save()

            def load_edit_save(path=path):
                post = Post.load(path)
                post.set("title", "바뀐 제목")
                post.save()

            print(f"{name:8} ({len(data) / 1024:7.1f} KiB)  load+save median "
                  f"{median_ms(load_save, runs):6.2f} ms   load+edit+save median "
                  f"{median_ms(load_edit_save, runs):6.2f} ms")


if __name__ == "__main__":
    main()
