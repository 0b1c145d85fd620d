"""How much typing a kill can cost, and how a 10 MB post opens and edits (event-loop latency).

1. Typing lost: the real editor is started offscreen with a script that types one key
   every 60 ms without pause (ARTICLE_EDITOR_TEST_SCRIPT) and logs each key's time; it
   is SIGKILLed at a random moment, and the journal's text is compared with what was
   typed. Reported: seconds and keystrokes of typing lost (target: at most 2 s).
2. Big post: a 10 MB post is opened in a window while a 5 ms timer measures how long
   the event loop is kept from running (its worst gaps), then 100 keys are typed into
   it one per 50 ms (journal writes, word counts and preview run meanwhile).

Run: python benchmarks/bench_recovery.py [--runs N] [--skip-kill] [--skip-big]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KEY_INTERVAL_MS = 60
TYPIST = """
import time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

log = open(Path(__import__("os").environ["BENCH_KEY_LOG"]), "w", buffering=1)
state = {"n": 0}

def key():
    QTest.keyClick(window.editor, "abcdefghij"[state["n"] % 10])
    state["n"] += 1
    log.write(f"{time.time()}\\n")

def begin():
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    timer.start()

timer = QTimer(window, interval=KEY_INTERVAL_MS)
timer.timeout.connect(key)
QTimer.singleShot(500, begin)
""".replace("KEY_INTERVAL_MS", str(KEY_INTERVAL_MS))


def one_kill(rng: random.Random) -> tuple[float, int]:
    """Type into a real editor, kill it at a random moment; (seconds lost, keys lost)."""
    with tempfile.TemporaryDirectory(prefix="bench-kill-") as tmp:
        base = Path(tmp)
        post = base / "post.md"
        start_text = "---\ntitle: Kill test\n---\n"
        post.write_text(start_text, "utf-8")
        script = base / "typist.py"
        script.write_text(TYPIST, "utf-8")
        log = base / "keys.log"
        env = os.environ.copy()
        env.update({"QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1",
                    "ARTICLE_EDITOR_DATA_DIR": str(base / "data"),
                    "ARTICLE_EDITOR_CONFIG_DIR": str(base / "config"),
                    "ARTICLE_EDITOR_TEST_SCRIPT": str(script), "BENCH_KEY_LOG": str(log)})
        process = subprocess.Popen([sys.executable, "-m", "editor", str(post)], cwd=ROOT,
                                   env=env, start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while not (log.exists() and log.stat().st_size > 0):
            time.sleep(0.02)
        time.sleep(rng.uniform(2.5, 6.0))
        killed_at = time.time()
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        times = [float(line) for line in log.read_text().split()]
        entries = list((base / "data" / "recovery").glob("*.json"))
        saved = 0
        if entries:
            text = json.loads(entries[0].read_text("utf-8"))["text"]
            saved = len(text) - len(start_text)
        lost_keys = len(times) - saved
        lost_seconds = killed_at - times[saved] if lost_keys > 0 else 0.0
        return lost_seconds, lost_keys


def bench_kills(runs: int) -> None:
    rng = random.Random(2)
    results = [one_kill(rng) for _ in range(runs)]
    seconds = [s for s, _ in results]
    keys = [k for _, k in results]
    print(f"typing lost at a SIGKILL ({runs} kills, one key per {KEY_INTERVAL_MS} ms): "
          f"median {statistics.median(seconds):.2f} s ({statistics.median(keys):.0f} keys), "
          f"worst {max(seconds):.2f} s ({max(keys)} keys); target <= 2 s")


def bench_big_post() -> None:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtTest import QTest

    from editor.ui.shell.app import application, dispose

    application()
    from editor.ui.shell.main_window import MainWindow
    from editor.ui.shell.settings import Settings

    with tempfile.TemporaryDirectory(prefix="bench-big-") as tmp:
        os.environ["ARTICLE_EDITOR_DATA_DIR"] = str(Path(tmp) / "data")
        path = Path(tmp) / "big.md"
        paragraph = ("Every ship that passed the point was written down with its flag, its "
                     "cargo and the hour, and on [calm days](https://example.org) the list "
                     "ran long.\n\n")
        path.write_text("---\ntitle: Logbook\n---\n"
                        + paragraph * (10_000_000 // len(paragraph) + 1), "utf-8")
        window = MainWindow(Settings(Path(tmp) / "settings.ini"))
        window.show()
        clock = QElapsedTimer()
        gaps: list[float] = []
        last = [0.0]

        def tick() -> None:
            now = clock.nsecsElapsed() / 1e6
            gaps.append(now - last[0])
            last[0] = now

        ticker = QTimer(interval=5)
        ticker.timeout.connect(tick)
        loop = QEventLoop()
        window.loader.finished.connect(lambda _ok: loop.quit())
        clock.start()
        ticker.start()
        started = time.perf_counter()
        getattr(window, "files", window).open_path(path)  # older trees: the window opens
        returned = time.perf_counter() - started
        loop.exec()
        loaded = time.perf_counter() - started
        load_gaps, gaps[:] = sorted(gaps), []
        print(f"open 10 MB ({path.stat().st_size / 1e6:.1f} MB): open_path returned in "
              f"{returned * 1000:.0f} ms, text in the editor after {loaded:.2f} s; event-loop "
              f"gap median {statistics.median(load_gaps):.0f} ms, "
              f"p99 {load_gaps[int(len(load_gaps) * 0.99)]:.0f} ms, max {load_gaps[-1]:.0f} ms")

        window.editor.setFocus()
        key_times: list[float] = []
        typed = [0]

        def key() -> None:
            if typed[0] >= 100:
                typer.stop()
                QTimer.singleShot(3000, loop.quit)  # let the last journal write and count run
                return
            begin = time.perf_counter()
            QTest.keyClick(window.editor, "x")
            key_times.append((time.perf_counter() - begin) * 1000)
            typed[0] += 1

        typer = QTimer(interval=50)
        typer.timeout.connect(key)
        typer.start()
        loop.exec()
        ticker.stop()
        edit_gaps = sorted(gaps)
        print(f"typing into it (100 keys, one per 50 ms): keypress median "
              f"{statistics.median(key_times):.1f} ms, max {max(key_times):.1f} ms; event-loop "
              f"gap p99 {edit_gaps[int(len(edit_gaps) * 0.99)]:.0f} ms, "
              f"max {edit_gaps[-1]:.0f} ms")
        window.autosave.discard()
        window.autosave.shutdown()
        dispose(window)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=8, help="kills to measure (default 8)")
    parser.add_argument("--skip-kill", action="store_true")
    parser.add_argument("--skip-big", action="store_true")
    args = parser.parse_args()
    if not args.skip_kill:
        bench_kills(args.runs)
    if not args.skip_big:
        bench_big_post()


if __name__ == "__main__":
    main()
