"""Keystroke -> preview patched, on a 1 MB HTML post and the reference post, two trees side by side.

For each tree (``--before`` and ``--after``, default: this checkout for both) a fresh
process opens the post in the window, waits for the first preview, then types keys
into the first paragraph and times each from the key event until the preview has
patched the page (its ``renderFinished``, sent once the page's update script has
answered). Typing starts once the source editor has highlighted the whole post
(``--no-settle``: at once, while a long post is still being highlighted in the
background). Prints medians and 90th percentiles, and after/before ratios.

Run: ``python benchmarks/bench_html_keystroke.py --before /path/to/old/tree [--keys 20]``
(offscreen by default).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_peer import big_post

ROOT = Path(__file__).resolve().parent.parent
# The reference post sits in ../shared beside the checkout (or beside its worktrees).
REFERENCE = next((folder / "shared" / "reference" / "reference-post.md"
                  for folder in (ROOT.parent, ROOT.parent.parent)
                  if (folder / "shared" / "reference" / "reference-post.md").is_file()),
                 ROOT.parent / "shared" / "reference" / "reference-post.md")
CHILD_TIMEOUT_S = 600

CHILD = r"""
import os, sys, time
sys.path.insert(0, {root!r})
from editor.ui.shell import app as app_module
qapp = app_module.application()
from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from editor.ui.shell.main_window import MainWindow
window = MainWindow()
window.resize(1400, 900)
window.show()
getattr(window, "files", window).open_path({post!r})
while window.editor.document().characterCount() < {chars}:  # long posts load in steps
    qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
if not app_module.wait_for_render(window, 120000):
    sys.exit("no preview")
editor = window.editor
# Steady state: the background highlighting of a freshly opened long post is done.
highlighter = getattr(editor, "highlighter", None)
while {settle} and highlighter is not None and not highlighter.is_complete():
    qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
cursor = editor.textCursor()
cursor.setPosition(min(200, editor.document().characterCount() - 1))
editor.setTextCursor(cursor)
editor.setFocus()
for i in range({keys}):
    while window.preview.is_busy():
        qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    loop = QEventLoop()
    window.preview.renderFinished.connect(loop.quit)
    guard = QTimer(singleShot=True, interval=30000)
    guard.timeout.connect(loop.quit)
    text = "가나다라마"[i % 5]
    start = time.perf_counter()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, text))
    guard.start()
    loop.exec()
    elapsed = (time.perf_counter() - start) * 1000
    window.preview.renderFinished.disconnect(loop.quit)
    if guard.isActive():
        print(f"KEY {{elapsed:.2f}}", flush=True)
    guard.stop()
app_module.dispose(window)
"""


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run(tree: Path, post: Path, keys: int, config: Path, settle: bool = True) -> list[float]:
    """Keystroke times (ms) of one fresh process of ``tree`` typing into ``post``."""
    chars = len(post.read_text(encoding="utf-8").partition("\n---\n")[2])
    env = dict(os.environ, PYTHONPATH=str(tree), QT_QPA_PLATFORM=os.environ.get(
        "QT_QPA_PLATFORM", "offscreen"), ARTICLE_EDITOR_CONFIG_DIR=str(config),
        ARTICLE_EDITOR_DATA_DIR=str(config))
    script = CHILD.format(root=str(tree), post=str(post), chars=chars, keys=keys, settle=settle)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=CHILD_TIMEOUT_S, check=False)
    times = [float(line.split()[1]) for line in done.stdout.splitlines()
             if line.startswith("KEY ")]
    if not times:
        raise RuntimeError(f"{tree}: no keystrokes timed:\n{done.stderr[-2000:]}")
    return times


def main() -> int:
    """Time both trees on both posts and print the figures side by side."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, default=ROOT, help="the tree before the change")
    parser.add_argument("--after", type=Path, default=ROOT, help="the tree after the change")
    parser.add_argument("--keys", type=int, default=20, help="keystrokes per post and tree")
    parser.add_argument("--size-mb", type=float, default=1.0, help="size of the long post")
    parser.add_argument("--no-settle", action="store_true",
                        help="type at once after opening, while the source editor still "
                             "highlights the long post in the background")
    parser.add_argument("--reference", type=Path, default=REFERENCE,
                        help="the reference-sized post")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        posts = {f"{args.size_mb:g} MB HTML": big_post(folder, args.size_mb)}
        if args.reference.is_file():
            posts["reference post"] = args.reference
        for label, post in posts.items():
            figures = {}
            for name, tree in (("before", args.before), ("after", args.after)):
                config = folder / f"config-{name}"
                config.mkdir(exist_ok=True)
                times = run(tree.resolve(), post, args.keys, config, not args.no_settle)
                figures[name] = times
                print(f"{label:>16} {name:>6}: median {statistics.median(times):8.1f} ms, "
                      f"p90 {percentile(times, 0.9):8.1f} ms  ({len(times)} keys)", flush=True)
            ratio = statistics.median(figures["after"]) / statistics.median(figures["before"])
            ratio90 = percentile(figures["after"], 0.9) / percentile(figures["before"], 0.9)
            print(f"{label:>16}  ratio: median {ratio:.2f}, p90 {ratio90:.2f} (after/before)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
