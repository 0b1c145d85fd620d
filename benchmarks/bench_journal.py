"""Recovery-journal write time for a typical post and a 1 MB post (median of runs).

Targets: typical <= 5 ms, 1 MB <= 50 ms. The window writes the journal once,
about a second after the last keystroke, never on every keystroke; the worst
case loss is that delay plus one write. Run: python benchmarks/bench_journal.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.document.journal import Journal  # noqa: E402

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "house-post.md"


def main() -> None:
    typical = FIXTURE.read_text("utf-8")
    big = typical * (1_048_576 // len(typical.encode()) + 1)
    with tempfile.TemporaryDirectory() as tmp:
        journal = Journal(Path(tmp))
        for name, text, runs in (("typical", typical, 200), ("1 MB", big, 40)):
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                journal.write("bench", text, path=None, base=None)
                times.append((time.perf_counter() - start) * 1000)
            print(f"journal write {name:8} ({len(text.encode()) / 1024:7.1f} KiB): "
                  f"median {statistics.median(times):6.2f} ms, max {max(times):6.2f} ms")


if __name__ == "__main__":
    main()
