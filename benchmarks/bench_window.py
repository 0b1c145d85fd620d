"""Whole-window speed and memory: what a writer feels when typing and starting the editor.

Prints medians (and the 99th percentile where the target is one):

* keystroke -> preview updated: a key event sent to the source editor until the preview
  emits renderFinished, for the typical fixture post and a 1 MB post
  (targets: median <= 50 ms and <= 300 ms; includes the preview's size-scaled pause);
* keypress handling in a 1 MB document: the key event handled plus pending events
  processed (target: p99 <= 16 ms);
* cold start to first preview: a fresh Python process that imports the editor, opens
  the window with the typical post and waits for the preview's first renderFinished
  (target: <= 1.5 s);
* memory: resident set size of that process plus its web engine children, read from
  /proc (target: <= 400 MB); the sum of RSS counts Chromium's shared libraries once
  per process, so the proportional set size (PSS) sum is printed beside it. What the
  sum holds depends on the session: offscreen the web engine loads no OpenGL stack,
  and without the sandbox (as root) it starts no zygote processes; on a desktop with
  the sandbox, two zygotes (about 50 MB RSS each, 20 MB PSS) and the GPU driver add to it.

Run: ``python benchmarks/bench_window.py [--keys 30] [--starts 3] [--size-mb 1]`` (offscreen by
default; under ``xvfb-run -a`` with QT_QPA_PLATFORM=xcb it measures real painting).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIXTURE = ROOT / "tests" / "fixtures" / "house-post.md"

# The child process of the cold-start measurement: prints READY once the preview has
# rendered, then its memory, then exits.
CHILD = r"""
import os, sys, time
sys.path.insert(0, {root!r})
from editor.ui.shell import app as app_module
qapp = app_module.application()
from editor.ui.shell.main_window import MainWindow
from editor.ui.shell.settings import Settings
from pathlib import Path
window = MainWindow(Settings(Path({config!r}) / "settings.ini"))
window.show()
getattr(window, "files", window).open_path({post!r})  # older trees: the window opens
ok = app_module.wait_for_render(window, 20000)
print("READY" if ok else "TIMEOUT", flush=True)
sys.path.insert(0, {bench!r})
from bench_window import tree_pss_mb, tree_rss_mb
app_module.wait_for_render(window, 2000)
print(f"RSS {{tree_rss_mb(os.getpid()):.1f}} {{tree_pss_mb(os.getpid()):.1f}}", flush=True)
app_module.dispose(window)
"""


def percentile(values: list[float], fraction: float) -> float:
    """The value below which ``fraction`` of ``values`` fall (nearest rank)."""
    ordered = sorted(values)
    rank = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[rank]


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # Field 4 is the parent pid; the command name (field 2) may contain spaces.
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            kids.append(int(entry.name))
    return kids


def _status_kb(pid: int, path: str, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/{path}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo.extend(_children(current))
    return pids


def tree_rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and all its descendants (web engine processes), in MB.

    Pages the processes share (Chromium's libraries) count once per process here.
    """
    return sum(_status_kb(p, "status", "VmRSS:") for p in _tree(pid)) / 1024


def tree_pss_mb(pid: int) -> float:
    """Proportional memory of the same processes: shared pages split between them, in MB."""
    return sum(_status_kb(p, "smaps_rollup", "Pss:") for p in _tree(pid)) / 1024


def big_post_text(size_mb: float) -> str:
    """The fixture's front matter with its body repeated to ``size_mb`` megabytes."""
    from editor.document.post import Post

    post = Post.load(FIXTURE)
    unit = post.body
    repeat = max(1, int(size_mb * 2**20) // len(unit.encode("utf-8")) + 1)
    post.body = unit * repeat
    return post.text()


def big_markdown_text(size_mb: float) -> str:
    """A Markdown post of ``size_mb`` megabytes: headings, paragraphs, lists, quotes and
    a tenth of the blocks fenced Python code, each block different."""
    blocks = []
    total = 0
    index = 0
    while total < size_mb * 2**20:
        kind = index % 10
        if kind == 0:
            block = f"## 구역 {index}: the reading room at night"
        elif kind == 3:
            block = "\n".join(f"- 항목 {index}.{i} with *emphasis* and a seat" for i in range(4))
        elif kind == 6:
            block = f"```python\ndef step_{index}(value):\n    return value * {index}  # note\n```"
        elif kind == 8:
            block = f"> 인용 {index}: the library stays open until midnight."
        else:
            block = (f"문단 {index}: neighbours study late in the **reading room**, and the "
                     f"library plans more seats. " * 3).strip()
        blocks.append(block)
        total += len(block.encode("utf-8")) + 2
        index += 1
    return "---\ntitle: 긴 마크다운 글\n---\n" + "\n\n".join(blocks) + "\n"


def measure_keystrokes(app, window, keys: int, label: str) -> list[float]:
    """Milliseconds from a key event in the editor to the preview's renderFinished."""
    from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QKeyEvent, QTextCursor
    from PySide6.QtWidgets import QApplication

    from editor.ui.shell import app as app_module

    app_module.wait_for_render(window, 30000)
    editor = window.editor
    cursor = editor.textCursor()
    # Type inside the first paragraph, where a writer would be.
    cursor.setPosition(min(200, editor.document().characterCount() - 1))
    editor.setTextCursor(cursor)
    editor.setFocus()
    times = []
    for i in range(keys):
        while window.preview.is_busy():
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        loop = QEventLoop()
        window.preview.renderFinished.connect(loop.quit)
        guard = QTimer(singleShot=True, interval=10000)
        guard.timeout.connect(loop.quit)
        text = "가나다라마"[i % 5]
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     text))
        guard.start()
        loop.exec()
        elapsed = (time.perf_counter() - start) * 1000
        window.preview.renderFinished.disconnect(loop.quit)
        if guard.isActive():
            times.append(elapsed)
        guard.stop()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    print(f"keystroke -> preview ({label}): median {statistics.median(times):.1f} ms, "
          f"p90 {percentile(times, 0.9):.1f} ms over {len(times)} keys")
    return times


def measure_keypress(app, window, keys: int, size: str = "1 MB") -> list[float]:
    """Milliseconds to handle one key press/release and the events it queued (long post)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    editor = window.editor
    # Steady state: the progressive highlighting of the freshly loaded text has finished.
    while not editor.highlighter.is_complete() or window.preview.is_busy():
        app.processEvents()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().characterCount() // 2)
    editor.setTextCursor(cursor)
    times = []
    for i in range(keys):
        text = "abcde"[i % 5]
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, text)
            app.sendEvent(editor, event)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        time.sleep(0.03)  # typing speed: ~30 keys per second
        app.processEvents()
    print(f"keypress handling ({size}): median {statistics.median(times):.2f} ms, "
          f"p99 {percentile(times, 0.99):.2f} ms over {len(times)} keys")
    return times


def measure_cold_start(starts: int) -> tuple[list[float], list[float]]:
    """Seconds from process start to the first rendered preview, and MB of memory."""
    seconds, memory = [], []
    for _ in range(starts):
        with tempfile.TemporaryDirectory() as config:
            script = CHILD.format(root=str(ROOT), config=config, post=str(FIXTURE),
                                  bench=str(Path(__file__).resolve().parent))
            env = dict(os.environ, ARTICLE_EDITOR_CONFIG_DIR=config,
                       ARTICLE_EDITOR_DATA_DIR=config)
            start = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL, text=True, env=env)
            ready = proc.stdout.readline().strip()
            elapsed = time.perf_counter() - start
            rss = proc.stdout.readline().strip()
            proc.wait(timeout=60)
            if ready == "READY":
                seconds.append(elapsed)
            if rss.startswith("RSS "):
                memory.append(tuple(float(v) for v in rss.split()[1:3]))
    if seconds:
        print(f"cold start to first preview: median {statistics.median(seconds):.2f} s "
              f"over {len(seconds)} starts")
    if memory:
        rss = statistics.median(m[0] for m in memory)
        pss = statistics.median(m[1] for m in memory)
        print(f"memory (app + web engine processes): median RSS sum {rss:.0f} MB, "
              f"PSS sum {pss:.0f} MB (shared pages counted once)")
    return seconds, memory


def main() -> int:
    """Run every measurement and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=30, help="keystrokes per measurement")
    parser.add_argument("--starts", type=int, default=3, help="cold starts to time")
    parser.add_argument("--size-mb", type=float, default=1.0,
                        help="size of the long post (the targets are for 1 MB)")
    parser.add_argument("--markdown", action="store_true",
                        help="the long post is Markdown (default: the HTML fixture repeated)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ARTICLE_EDITOR_CONFIG_DIR"] = tmp
        os.environ["ARTICLE_EDITOR_DATA_DIR"] = tmp
        from editor.ui.shell import app as app_module

        app = app_module.application()
        from editor.ui.shell import dialogs
        from editor.ui.shell.main_window import MainWindow

        window = MainWindow()
        window.confirm_discard = lambda name: dialogs.DISCARD  # older trees' hook
        window.resize(1400, 900)
        window.show()
        files = getattr(window, "files", window)  # the file commands (older trees: window)
        files.open_path(FIXTURE)
        measure_keystrokes(app, window, args.keys, "typical post")

        big = Path(tmp) / "big-post.md"
        text = big_markdown_text(args.size_mb) if args.markdown else big_post_text(args.size_mb)
        big.write_text(text, encoding="utf-8")
        files.open_path(big)
        size = f"{args.size_mb:g} MB" + (" Markdown" if args.markdown else "")
        measure_keystrokes(app, window, max(5, args.keys // 3), f"{size} post")
        measure_keypress(app, window, args.keys * 5, size)
        app_module.dispose(window)

    measure_cold_start(args.starts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
