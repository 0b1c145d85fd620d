"""Article Editor side by side with ReText, on the same posts, in the same run.

For each editor, fresh processes (offscreen by default) open the same file and report:

* start -> text editable: from spawning the process until the window is shown with the
  post's text in its editor (ours started as ``article-editor POST`` starts);
* start -> first preview: until the preview first shows the post (ours: the web page's
  renderFinished; ReText 8.1 with its default QTextBrowser preview, live preview on:
  the preview's first setHtml);
* keystroke -> preview: a key typed into the source until the preview shows it, on the
  reference-sized post and on a 1 MB HTML post.

ReText is installed (``pip install ReText PyQt6 PyQt6-WebEngine``) into its own venv, by
default ``benchmarks/.peer-venv``, created on first use; ``--retext-python`` (or
``$RETEXT_PYTHON``) names another interpreter that has it. Prints medians, and ratios
ours / ReText (below 1: we are faster).

Run: ``python benchmarks/bench_peer.py [--starts 5] [--keys 15] [--size-mb 1]``
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

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "house-post.md"
PEER_VENV = Path(__file__).resolve().parent / ".peer-venv"
CHILD_TIMEOUT_S = 300

# Both children print "<label> <ms since spawn>" at each point, then one "KEY <ms>" line
# per keystroke; {keys} keystrokes are typed once the first preview is shown.
COMMON = r"""
import os, sys, time
T0 = float(os.environ["BENCH_T0"])
def stamp(label):
    print(f"{{label}} {{(time.time() - T0) * 1000:.1f}}", flush=True)
"""

OURS = COMMON + r"""
sys.path.insert(0, {root!r})
from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from editor.ui.shell import app as app_module
from pathlib import Path

def measure(*_args):
    # Runs in place of the event loop of ``article-editor POST`` (app.run), its window up.
    qapp = QApplication.instance()
    window = next(w for w in qapp.topLevelWidgets() if hasattr(w, "preview"))
    shown = []  # the post's own preview (not the untitled one shown while a long one loads)
    window.preview.renderFinished.connect(
        lambda: shown.append(True) if not window.preview.is_busy()
        and window.document.path == Path({post!r}) else None)
    while window.editor.document().characterCount() < {chars}:  # long posts load in steps
        qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    qapp.processEvents()
    stamp("EDITABLE")
    ceiling = time.monotonic() + 60
    while not shown and time.monotonic() < ceiling:
        qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    if not shown:
        sys.exit("no preview")
    stamp("PREVIEW")
    while not getattr(window, "is_built", lambda: True)():  # the code before: built at once
        qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    editor = window.editor
    cursor = editor.textCursor()
    cursor.setPosition(min(200, editor.document().characterCount() - 1))
    editor.setTextCursor(cursor)
    for i in range({keys}):
        while window.preview.is_busy():
            qapp.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        loop = QEventLoop()
        window.preview.renderFinished.connect(loop.quit)
        guard = QTimer(singleShot=True, interval=20000)
        guard.timeout.connect(loop.quit)
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, "a"))
        guard.start()
        loop.exec()
        window.preview.renderFinished.disconnect(loop.quit)
        if guard.isActive():
            print(f"KEY {{(time.perf_counter() - start) * 1000:.1f}}", flush=True)
        guard.stop()
    os._exit(0)

QApplication.exec = measure
app_module.run({post!r})
"""

RETEXT = COMMON + r"""
import multiprocessing
multiprocessing.set_start_method("spawn")
from PyQt6.QtCore import QEvent, QEventLoop, Qt, QTimer
from PyQt6.QtGui import QKeyEvent
from PyQt6.QtWidgets import QApplication
app = QApplication(sys.argv)
app.setOrganizationName("ReText project")
app.setApplicationName("ReText")
from ReText import globalSettings
globalSettings.defaultPreviewState = "live-preview"
globalSettings.openLastFilesOnStartup = False
from ReText.window import ReTextWindow
window = ReTextWindow()
window.resize(1400, 900)
window.show()
window.openFileWrapper({post!r})
tab = window.currentTab
while tab.editBox.document().characterCount() < {chars}:
    app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
app.processEvents()
stamp("EDITABLE")
def wait_for_preview(ceiling_ms):
    loop = QEventLoop()
    tab.previewBox.textChanged.connect(loop.quit)
    guard = QTimer(singleShot=True, interval=ceiling_ms)
    guard.timeout.connect(loop.quit)
    guard.start()
    loop.exec()
    tab.previewBox.textChanged.disconnect(loop.quit)
    shown = guard.isActive()
    guard.stop()
    return shown
if not tab.previewBox.toPlainText().strip() and not wait_for_preview(60000):
    sys.exit("no preview")
stamp("PREVIEW")
editor = tab.editBox
cursor = editor.textCursor()
cursor.setPosition(min(200, editor.document().characterCount() - 1))
editor.setTextCursor(cursor)
for i in range({keys}):
    while tab.conversionPending:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    start = time.perf_counter()
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, "a"))
    if wait_for_preview(20000):
        print(f"KEY {{(time.perf_counter() - start) * 1000:.1f}}", flush=True)
os._exit(0)
"""


def ensure_retext(python: str | None) -> str:
    """An interpreter with ReText importable: the one given, or the peer venv (made once)."""
    if python:
        return python
    peer = PEER_VENV / "bin" / "python"
    if not peer.exists():
        print(f"installing ReText into {PEER_VENV} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(peer), "-m", "pip", "install", "-q", "ReText", "PyQt6",
                        "PyQt6-WebEngine"], check=True)
    return str(peer)


def run_child(python: str, script: str, env: dict[str, str]) -> dict[str, list[float]]:
    """Spawn one editor process; its figures by label (ms)."""
    env = dict(env, BENCH_T0=repr(time.time()))
    try:
        done = subprocess.run([python, "-c", script], capture_output=True, text=True, env=env,
                              timeout=CHILD_TIMEOUT_S, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"{python}: no result in {CHILD_TIMEOUT_S} s") from exc
    figures: dict[str, list[float]] = {}
    for line in done.stdout.splitlines():
        label, _, value = line.partition(" ")
        try:
            figures.setdefault(label, []).append(float(value))
        except ValueError:
            continue
    if "PREVIEW" not in figures:
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise RuntimeError(f"{python}: no preview ({' / '.join(tail)})")
    return figures


def editors_env(folder: Path) -> dict[str, str]:
    """The environment the editors start in: their settings and caches in ``folder``,
    offscreen unless QT_QPA_PLATFORM says otherwise, and with byte-code caches, as
    installed (pip leaves ReText's; without them every start compiles our modules)."""
    env = dict(os.environ, ARTICLE_EDITOR_CONFIG_DIR=str(folder / "config"),
               ARTICLE_EDITOR_DATA_DIR=str(folder / "data"),
               ARTICLE_EDITOR_CACHE_DIR=str(folder / "cache"),
               XDG_CONFIG_HOME=str(folder / "xdg-config"),
               XDG_CACHE_HOME=str(folder / "xdg-cache"))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def big_post(folder: Path, size_mb: float) -> Path:
    """The fixture (an HTML body) repeated to ``size_mb`` megabytes."""
    text = FIXTURE.read_text(encoding="utf-8")
    head, _, body = text.partition("\n---\n")
    repeat = max(1, int(size_mb * 2**20) // len(body.encode("utf-8")) + 1)
    path = folder / "big-post.md"
    path.write_text(head + "\n---\n" + body * repeat, encoding="utf-8")
    return path


def measure(python: str, template: str, post: Path, runs: int, keys: int,
            env: dict[str, str]) -> dict[str, list[float]]:
    """``runs`` processes on ``post``: start figures from each, keystrokes from the first."""
    merged: dict[str, list[float]] = {}
    for run in range(runs):
        # The body's length: both editors hold at least that much once the text is in.
        chars = len(post.read_text(encoding="utf-8").partition("\n---\n")[2])
        script = template.format(root=str(ROOT), post=str(post), chars=chars,
                                 keys=keys if run == 0 else 0)
        for label, values in run_child(python, script, env).items():
            merged.setdefault(label, []).extend(values)
    return merged


def line(label: str, ours: list[float], peer: list[float], unit: str = "ms") -> None:
    a, b = statistics.median(ours), statistics.median(peer)
    scale = 1000 if unit == "s" else 1
    print(f"{label:<38} ours {a / scale:8.2f} {unit}   ReText {b / scale:8.2f} {unit}   "
          f"ratio {a / b:5.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=5, help="processes per editor and post")
    parser.add_argument("--keys", type=int, default=15, help="keystrokes per editor and post")
    parser.add_argument("--size-mb", type=float, default=1.0, help="size of the long post")
    parser.add_argument("--retext-python", default=os.environ.get("RETEXT_PYTHON"),
                        help="a Python that can import ReText (default: $RETEXT_PYTHON)")
    args = parser.parse_args()
    retext = ensure_retext(args.retext_python)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = editors_env(folder)
        typical = folder / "post.md"
        typical.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
        big = big_post(folder, args.size_mb)
        print(f"posts: {typical.stat().st_size / 1024:.1f} KiB and "
              f"{big.stat().st_size / 2**20:.2f} MiB; {args.starts} starts, "
              f"{args.keys} keys each; platform {env['QT_QPA_PLATFORM']}", flush=True)
        for label, post, runs in (("reference-sized post", typical, args.starts),
                                  (f"{args.size_mb:g} MB HTML post", big, 1)):
            print(f"-- {label}", flush=True)
            try:
                ours = measure(sys.executable, OURS, post, runs, args.keys, env)
                peer = measure(retext, RETEXT, post, runs, args.keys, env)
            except RuntimeError as exc:
                print(f"   not measured: {exc}")
                continue
            line("start -> text editable", ours["EDITABLE"], peer["EDITABLE"], "s")
            line("start -> first preview", ours["PREVIEW"], peer["PREVIEW"], "s")
            if ours.get("KEY") and peer.get("KEY"):
                line("keystroke -> preview", ours["KEY"], peer["KEY"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
