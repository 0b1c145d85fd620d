"""The preview's Site look: what it costs while typing. Prints medians (and p99).

* keystroke -> preview updated for a post of a small Jekyll site (the reference post's
  body, or the house fixture where the reference is absent), shown in the bundled
  default theme and in the Site look (the site's built page), same run, same window
  (target: Site look no more than 5 ms above the bundled theme);
* keypress handling in the source editor while idle and while the site's background
  build runs (a build started again as soon as one ends), in bursts of keys with pauses
  between them (the writer's rhythm): the build left running as before, and the build
  stopped while the writer types and going on in the pauses (target: p99 unchanged);
* how late a 10 ms timer fires on the UI thread, idle and while building: whether
  anything of the build holds the UI thread (the jekyll process only shares the CPU).

Run: ``python benchmarks/bench_site_look.py [--keys 20] [--bursts 3] [--rounds 4]``
(offscreen by default; needs the jekyll program).
"""

from __future__ import annotations

import argparse
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
REFERENCE = Path("/work/shared/reference/reference-post.md")
FIXTURE = ROOT / "tests" / "fixtures" / "house-post.md"


def wait(app, condition, seconds: float = 120) -> None:
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("timed out waiting for the preview")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def timer_lateness(app, seconds: float) -> list[float]:
    """Milliseconds each tick of a 10 ms timer came late: how long the UI thread was held."""
    from PySide6.QtCore import QEventLoop, QTimer

    late: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        late.append(max(0.0, (now - last[0]) * 1000 - 10))
        last[0] = now

    timer = QTimer(interval=10)
    timer.timeout.connect(tick)
    timer.start()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    timer.stop()
    return late


def measure_bursts(app, window, bursts: int, keys: int, label: str) -> list[float]:
    """Keypress times over ``bursts`` bursts of ``keys`` keys, each after a pause longer than
    the one after which a stopped build goes on (so every burst starts on a running build)."""
    from bench_window import measure_keypress

    from editor.ui.preview import site_look

    times: list[float] = []
    for _ in range(bursts):
        pause_end = time.monotonic() + site_look.TYPING_PAUSE_MS / 1000 + 0.5
        while time.monotonic() < pause_end:
            app.processEvents()
            time.sleep(0.005)
        times += measure_keypress(app, window, keys, label)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=20, help="keystrokes per measurement")
    parser.add_argument("--bursts", type=int, default=3, help="bursts of keys per measurement")
    parser.add_argument("--rounds", type=int, default=4, help="rounds of each, in turn")
    args = parser.parse_args()

    from bench_window import measure_keystrokes, percentile

    from editor.render.themes import SITE_LOOK
    from editor.site.build import jekyll_command
    from tests.ui.preview.jekyll_site import make_site

    if jekyll_command() is None:
        print("jekyll is not installed")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("CONFIG", "DATA", "CACHE"):
            os.environ[f"ARTICLE_EDITOR_{name}_DIR"] = str(Path(tmp) / name.lower())
        source = REFERENCE if REFERENCE.is_file() else FIXTURE
        body = source.read_text(encoding="utf-8").split("---\n", 2)[2]
        root = Path(tmp) / "site"
        post = make_site(root, body)
        print(f"post: {source.name} body ({len(body)} characters) in a test site")

        from editor.ui.shell import app as app_module

        app = app_module.application()
        from editor.ui.shell.main_window import MainWindow

        window = MainWindow()
        window.resize(1400, 900)
        window.show()
        window.files.open_path(post)
        preview = window.preview
        # The builds measured against typing run in SiteLooks of their own, so what the
        # keys meet is the build alone, not the preview loading each new build's page:
        # one leaves its builds running (as before), one stops them while keys come.
        from editor.ui.preview.site_look import SiteLook

        plain = SiteLook(window)
        paused = SiteLook(window)
        paused.follow_typing(window.editor.textEdited, window.form.typed)
        bundled, site, idle, calm = [], [], [], []
        busy: dict[str, list[float]] = {"running": [], "stopped while typing": []}
        held: dict[str, list[float]] = {name: [] for name in busy}
        builds: dict[str, int] = dict.fromkeys(busy, 0)

        def measure_building(name: str, look: SiteLook) -> None:
            def again(_root: object) -> None:
                builds[name] += 1
                look.build(root)

            look.built.connect(again)
            look.build(root)
            wait(app, lambda: look.is_building(root))
            busy[name] += measure_bursts(app, window, args.bursts, args.keys,
                                         f"site building, {name}")
            held[name] += timer_lateness(app, 3)
            look.built.disconnect(again)
            look.stop()
            look.wait(120_000)
            app.processEvents()

        # Rounds in turn, so the machine's load falls on all sides alike.
        for round_number in range(args.rounds):
            window.preferences.set_theme("default")
            wait(app, lambda: preview.look.shown_name() == "default" and not preview.is_busy())
            bundled += measure_keystrokes(app, window, args.keys, "bundled default theme")
            window.preferences.set_theme(SITE_LOOK)
            wait(app, lambda: preview.look.shown_name() == "site" and not preview.is_busy())
            site += measure_keystrokes(app, window, args.keys, "Site look")
            idle += measure_bursts(app, window, args.bursts, args.keys, "no build")
            calm += timer_lateness(app, 3)
            order = [("running", plain), ("stopped while typing", paused)]
            for name, look in order if round_number % 2 == 0 else reversed(order):
                measure_building(name, look)
            print(f"-- round {round_number + 1} done", flush=True)
        print()
        print(f"keystroke -> preview, bundled theme: median {statistics.median(bundled):.1f} ms,"
              f" p90 {percentile(bundled, 0.9):.1f} ms ({len(bundled)} keys)")
        print(f"keystroke -> preview, Site look:     median {statistics.median(site):.1f} ms,"
              f" p90 {percentile(site, 0.9):.1f} ms ({len(site)} keys)")
        print(f"  Site look - bundled: median "
              f"{statistics.median(site) - statistics.median(bundled):+.1f} ms")
        print(f"keypress, idle:          median {statistics.median(idle):.2f} ms, "
              f"p99 {percentile(idle, 0.99):.2f} ms ({len(idle)} keys); first key of a "
              f"burst: median {statistics.median(idle[::args.keys]):.2f} ms")
        for name, times in busy.items():
            print(f"keypress, site building, build {name}: median "
                  f"{statistics.median(times):.2f} ms, p99 {percentile(times, 0.99):.2f} ms "
                  f"({len(times)} keys, {builds[name]} builds finished meanwhile); first key "
                  f"of a burst: median {statistics.median(times[::args.keys]):.2f} ms")
            print(f"  building - idle: p99 "
                  f"{percentile(times, 0.99) - percentile(idle, 0.99):+.2f} ms, median "
                  f"{statistics.median(times) - statistics.median(idle):+.2f} ms "
                  f"(ratio p99 {percentile(times, 0.99) / percentile(idle, 0.99):.2f}, "
                  f"median {statistics.median(times) / statistics.median(idle):.2f})")
        print(f"UI thread, 10 ms timer lateness: idle median {statistics.median(calm):.2f} ms, "
              f"p99 {percentile(calm, 0.99):.2f} ms")
        for name, late in held.items():
            print(f"  building, build {name}: median {statistics.median(late):.2f} ms, "
                  f"p99 {percentile(late, 0.99):.2f} ms")
        for look in (plain, paused):
            look.wait(120_000)
        app_module.dispose(window)
    return 0


if __name__ == "__main__":
    sys.exit(main())
