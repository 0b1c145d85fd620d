"""Outline speed on 1 MB bodies: the heading scan, a section move, the panel's refresh.

Prints medians (ms) of:
* ``find_headings`` on the house fixture's HTML body repeated to the size, on Korean
  Markdown prose (a heading every few paragraphs, code fences, comments), and on a
  stress body of very short Markdown lines (one candidate line start every 10 chars);
* ``move_section`` of a section in the middle of the HTML body, and of the last one
  (which looks for the signature footer from the end);
* ``OutlinePanel.refresh`` (scan, UTF-16 section starts, list update) with the panel
  shown, as after a pause in typing, once unchanged and once with a new heading.

The outline is new: there is no "before" to compare with.
Run: ``python benchmarks/bench_outline.py [--size-mb 1] [--repeat 7]``
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

from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor.authoring.outline import find_headings, move_section  # noqa: E402
from editor.document.post import Post  # noqa: E402
from editor.ui.authoring.outline_panel import OutlinePanel  # noqa: E402
from editor.ui.source.editor import SourceEditor  # noqa: E402

FIXTURE = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "house-post.md"

PARAGRAPH = ("국방 협력은 여러 해에 걸쳐 꾸준히 이어져 왔으며, 올해 회의에서는 `교류 계획`과 "
             "**실무 협의**의 일정이 [발표](https://example.com/a)되었다. ") * 3
MARKDOWN_UNIT = ("## 절 제목\n\n" + (PARAGRAPH + "\n\n") * 4 + "### 작은 제목\n\n"
                 + (PARAGRAPH + "\n\n") * 3 + "- 목록 하나\n- 목록 둘\n\n"
                 + "```python\n# 주석\nx = '<h2>'\n```\n\n<!-- 메모 -->\n")
SHORT_UNIT = ("## Heading **two**\n\nSome prose with `code`.\nMore 한국어.\n\n"
              "```python\n# comment\nx = 1\n```\n\nSub\n---\n\n    indented code\n\n")


def repeated(unit: str, size_mb: float) -> str:
    """``unit`` repeated to about ``size_mb`` megabytes of UTF-8."""
    size = int(size_mb * 1_000_000)
    return unit * (size // len(unit.encode("utf-8")) + 1)


def median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    html = repeated(Post.load(FIXTURE).body, args.size_mb)
    bodies = (("HTML house post", html, "html"),
              ("Markdown Korean prose", repeated(MARKDOWN_UNIT, args.size_mb), "markdown"),
              ("Markdown short lines (stress)", repeated(SHORT_UNIT, args.size_mb), "markdown"))
    print(f"find_headings, {args.size_mb:g} MB bodies (median of {args.repeat}):")
    for name, body, fmt in bodies:
        count = len(find_headings(body, fmt))
        took = median_ms(lambda b=body, f=fmt: find_headings(b, f), args.repeat)
        print(f"  {name:32} {body.count(chr(10)) + 1:7} lines {count:6} headings "
              f"{took:7.1f} ms")

    headings = find_headings(html)
    middle = len(headings) // 2
    took = median_ms(lambda: move_section(html, headings, middle, -1), args.repeat)
    print(f"move_section in the middle of the HTML body:           {took:7.1f} ms")
    took = median_ms(lambda: move_section(html, headings, len(headings) - 1, -1), args.repeat)
    print(f"move_section of the last section (signature search):   {took:7.1f} ms")

    app = QApplication.instance() or QApplication([])
    editor = SourceEditor()
    editor.set_body_text(html)
    panel = OutlinePanel(editor)
    panel.show()
    app.processEvents()
    took = median_ms(panel.refresh, args.repeat)
    print(f"OutlinePanel.refresh, headings unchanged:              {took:7.1f} ms")

    def add_heading() -> None:
        cursor = QTextCursor(editor.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText("<h2>새 절</h2>\n")
        panel.refresh()

    took = median_ms(add_heading, args.repeat)
    print(f"OutlinePanel.refresh after a new heading (list rebuilt): {took:5.1f} ms")


if __name__ == "__main__":
    main()
