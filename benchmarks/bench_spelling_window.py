"""Spelling in the window: does checking in the background cost a keystroke anything?

In one run, on the same 1 MB post (bench_window's long post: the house fixture's body
repeated), prints side by side:

* keypress handling with View > Check Spelling off, then on: a key event handled plus the
  events it queued (target: p99 <= 16 ms, and no worse with spelling on). Keys come in
  bursts of ten at typing speed with a pause just over the checking delay between bursts,
  so each burst is typed while the re-check of the previous one runs in its thread;
* how long after opening the post the visible part is underlined, and the whole post;
* while the whole post is checked again, how long each round of event handling takes;
* how long a re-check after a typing pause takes (pause end to underlines current).

Run: ``python benchmarks/bench_spelling_window.py [--bursts 15] [--size-mb 1]`` (offscreen by
default; under ``xvfb-run -a`` with QT_QPA_PLATFORM=xcb it measures real painting).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_window import big_post_text, percentile  # noqa: E402

BURST = 10
KEY_GAP_S = 0.03  # ~30 keys per second
ROUNDS = 3


def wait(app, condition, timeout_s: float = 60.0, stalls: list[float] | None = None) -> float:
    """Seconds until ``condition()`` holds, processing events meanwhile; ``stalls`` gets
    how long each round of event handling took (ms)."""
    start = time.perf_counter()
    while not condition() and time.perf_counter() - start < timeout_s:
        before = time.perf_counter()
        app.processEvents()
        if stalls is not None:
            stalls.append((time.perf_counter() - before) * 1000)
        time.sleep(0.002)
    return time.perf_counter() - start


class CollectionClock:
    """How long each garbage collection takes (generation, ms), while ``on``."""

    def __init__(self) -> None:
        self.on = False
        self.times: list[tuple[int, float]] = []
        self._start = 0.0
        gc.callbacks.append(self._tick)

    def _tick(self, phase: str, info: dict) -> None:
        if not self.on:
            return
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.times.append((info["generation"], (time.perf_counter() - self._start) * 1000))

    def summary(self) -> str:
        full = [ms for generation, ms in self.times if generation == 2]
        longest = max((ms for _g, ms in self.times), default=0.0)
        return (f"{len(self.times)} collections ({len(full)} full), "
                f"longest {longest:.1f} ms")


def type_bursts(app, window, bursts: int,
                pause_s: float) -> tuple[list[float], list[float], list[float]]:
    """Key handling times (ms) over ``bursts`` bursts, the window thread's processor time
    for each key (ms: what the key cost, without waiting for a busy machine's processors)
    and the re-check times (ms)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    editor = window.editor
    underlines = window.spelling.source
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().characterCount() // 2)
    editor.setTextCursor(cursor)
    editor.centerCursor()
    # Keys go to the focus widget, as a writer's do (the window notices the typing).
    window.activateWindow()
    editor.setFocus()
    times, cpu, rechecks = [], [], []
    for burst in range(bursts):
        for i in range(BURST):
            text = " qwxz"[(burst + i) % 5]
            start, start_cpu = time.perf_counter(), time.thread_time()
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                app.sendEvent(editor, QKeyEvent(kind, Qt.Key.Key_A,
                                                Qt.KeyboardModifier.NoModifier, text))
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.thread_time() - start_cpu) * 1000)
            time.sleep(KEY_GAP_S)
            app.processEvents()
        pause_end = time.perf_counter() + pause_s
        while time.perf_counter() < pause_end:
            app.processEvents()
            time.sleep(0.002)
        if underlines.is_enabled() and burst == bursts - 1:
            # From the end of typing: the pause, then the check itself.
            rechecks.append((wait(app, lambda: not underlines.is_busy()) + pause_s) * 1000)
    return times, cpu, rechecks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bursts", type=int, default=15, help="bursts of ten keys per mode")
    parser.add_argument("--size-mb", type=float, default=1.0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["ARTICLE_EDITOR_CONFIG_DIR"] = tmp
        os.environ["ARTICLE_EDITOR_DATA_DIR"] = tmp
        from editor.ui.shell import app as app_module

        app = app_module.application()
        from editor.ui.shell import dialogs
        from editor.ui.shell.main_window import MainWindow
        from editor.ui.source.spelling import CHECK_DELAY_MS

        window = MainWindow()
        window.confirm_discard = lambda name: dialogs.DISCARD
        window.resize(1400, 900)
        window.show()
        big = Path(tmp) / "big-post.md"
        big.write_text(big_post_text(args.size_mb), encoding="utf-8")
        size = f"{args.size_mb:g} MB"

        # Dictionaries open once per process; opened here, not inside the timing.
        spelling = window.spelling
        service_ready = spelling.service.wait_opened(spelling.source.languages())
        print(f"dictionaries open: {service_ready}")
        underlines = spelling.source
        painted_at: list[float] = []
        original_paint = underlines._paint  # noqa: SLF001 - timing hook, benchmark only

        def paint(*args):
            original_paint(*args)
            if not painted_at and underlines.overlay.painted_words():
                painted_at.append(time.perf_counter())

        underlines._paint = paint  # noqa: SLF001
        opened = time.perf_counter()
        window.files.open_path(big)
        wait(app, lambda: not underlines.is_busy() and bool(underlines.misspellings()))
        whole = (time.perf_counter() - opened) * 1000
        visible = (painted_at[0] - opened) * 1000 if painted_at else float("nan")
        print(f"{size} post opened: visible part underlined after {visible:.0f} ms, whole post "
              f"after {whole:.0f} ms ({len(underlines.misspellings())} misspellings)")
        while not window.editor.highlighter.is_complete() or window.preview.is_busy():
            app.processEvents()
        # The whole post checked again (as after a change of languages), once the syntax
        # colours are done: how long the window's thread is held at a time meanwhile.
        stalls: list[float] = []
        underlines.recheck_all()
        rechecked = time.perf_counter()
        wait(app, lambda: not underlines.is_busy(), stalls=stalls)
        print(f"whole post re-checked in {(time.perf_counter() - rechecked) * 1000:.0f} ms; "
              f"event handling meanwhile: median {statistics.median(stalls):.2f} ms, "
              f"p99 {percentile(stalls, 0.99):.2f} ms, max {max(stalls):.2f} ms")

        pause = CHECK_DELAY_MS / 1000 + 0.05
        results: dict[bool, list[float]] = {False: [], True: []}
        processor: dict[bool, list[float]] = {False: [], True: []}
        rechecks: list[float] = []
        clocks = {False: CollectionClock(), True: CollectionClock()}
        # Off and on take turns, so a busy machine weighs on both alike.
        for mode in (False, True) * ROUNDS:
            spelling.set_enabled(mode)
            wait(app, lambda: not underlines.is_busy())
            clocks[mode].on = True
            times, cpu, checks = type_bursts(app, window, max(1, args.bursts // ROUNDS), pause)
            clocks[mode].on = False
            results[mode] += times
            processor[mode] += cpu
            rechecks += checks
        for mode, times in results.items():
            extra = (f", re-check after a pause {statistics.median(rechecks):.0f} ms"
                     if mode and rechecks else "")
            print(f"keypress handling ({size}), spelling {'on ' if mode else 'off'}: "
                  f"median {statistics.median(times):.2f} ms, "
                  f"p99 {percentile(times, 0.99):.2f} ms, max {max(times):.2f} ms "
                  f"over {len(times)} keys{extra}; garbage: {clocks[mode].summary()}; "
                  f"window thread's processor time a key: median "
                  f"{statistics.median(processor[mode]):.2f} ms, "
                  f"mean {statistics.mean(processor[mode]):.2f} ms")
        app_module.dispose(window)
    return 0


if __name__ == "__main__":
    sys.exit(main())
