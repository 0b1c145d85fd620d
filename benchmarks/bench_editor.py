"""Source editor speed on a 1 MB HTML body: loading and keypress handling.

Prints:
* tokenising the whole body line by line (the highlighter's work, without Qt);
* ``set_body_text`` of the 1 MB body (the first screens are highlighted at once, the
  rest in background steps: how long those take and how keys feel meanwhile), and
  a full synchronous rehighlight for comparison;
* per-keypress time (QKeyEvent sent, events processed) at several places in the
  document: median and 99th percentile (target: p99 <= 16 ms).

Run: ``python benchmarks/bench_editor.py [--size-mb 1] [--keys 300]``
(offscreen by default; set QT_QPA_PLATFORM=xcb under xvfb-run for real painting).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEvent, Qt  # noqa: E402
from PySide6.QtGui import QKeyEvent, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor.authoring.tokens import ROOT_STATE, tokenize_line  # noqa: E402
from editor.document.post import Post  # noqa: E402
from editor.ui.source.editor import SourceEditor  # noqa: E402
from editor.ui.source.highlighter import FIRST_BLOCKS  # noqa: E402

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "house-post.md"


def big_body(size_mb: float) -> str:
    """The fixture post's HTML body repeated to ``size_mb`` megabytes (UTF-8)."""
    unit = Post.load(FIXTURE).body
    target = int(size_mb * 1024 * 1024)
    unit_bytes = len(unit.encode("utf-8"))
    return unit * max(1, target // unit_bytes + 1)


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` fall (nearest rank)."""
    ordered = sorted(values)
    rank = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[rank]


def press(app: QApplication, editor: SourceEditor, key: Qt.Key, text: str) -> float:
    """Send one key press + release and process events; seconds taken."""
    start = time.perf_counter()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
        QApplication.sendEvent(editor, event)
    app.processEvents()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--keys", type=int, default=300, help="key presses per position")
    args = parser.parse_args()

    app = QApplication.instance() or QApplication([])
    body = big_body(args.size_mb)
    lines = body.split("\n")
    print(f"body: {len(body.encode('utf-8')) / 1024 / 1024:.2f} MB, {len(lines)} lines")

    start = time.perf_counter()
    state = ROOT_STATE
    for line in lines:
        _, state = tokenize_line(line, "html", state)
    print(f"tokenise all lines (no Qt): {(time.perf_counter() - start) * 1000:.0f} ms")

    editor = SourceEditor(body_format="html")
    editor.resize(1000, 800)
    editor.show()
    app.processEvents()

    start = time.perf_counter()
    editor.set_body_text(body)
    loaded = time.perf_counter()
    app.processEvents()
    settled = time.perf_counter()
    print(f"set_body_text (first {FIRST_BLOCKS} lines highlighted): "
          f"{(loaded - start) * 1000:.0f} ms; "
          f"first paint after: {(settled - loaded) * 1000:.0f} ms")

    # Type while the rest is highlighted in the background.
    during: list[float] = []
    editor.go_to_line(10)
    while not editor.highlighter.is_complete():
        during.append(press(app, editor, Qt.Key.Key_A, "가"))
    complete = time.perf_counter()
    print(f"background highlighting done {(complete - loaded) * 1000:.0f} ms after load; "
          f"{len(during)} keypresses meanwhile: median {statistics.median(during) * 1000:.2f} ms, "
          f"max {max(during) * 1000:.2f} ms")

    start = time.perf_counter()
    editor.highlighter.rehighlight()
    print(f"full synchronous rehighlight (what Qt would do on load): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")

    # Type on a long Korean paragraph line (wrapped), at the start, middle and end.
    paragraph = next(i for i, line in enumerate(lines) if line.startswith("<p>시립"))
    positions = {
        "start": paragraph,
        "middle": paragraph + (len(lines) // 2 // 60) * 60,
        "end": len(lines) - 30,
    }
    all_times: list[float] = []
    for name, line_number in positions.items():
        editor.go_to_line(line_number + 1)
        cursor = editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.movePosition(QTextCursor.MoveOperation.Left, n=20)
        editor.setTextCursor(cursor)
        app.processEvents()
        times = []
        for number in range(args.keys):
            if number % 10 == 9:
                times.append(press(app, editor, Qt.Key.Key_Backspace, ""))
            else:
                times.append(press(app, editor, Qt.Key.Key_A, "가"))
        all_times.extend(times)
        print(f"keypress at {name:6s} (line {line_number + 1}): "
              f"median {statistics.median(times) * 1000:.2f} ms, "
              f"p99 {percentile(times, 0.99) * 1000:.2f} ms")
    print(f"keypress overall: median {statistics.median(all_times) * 1000:.2f} ms, "
          f"p99 {percentile(all_times, 0.99) * 1000:.2f} ms (target <= 16 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
