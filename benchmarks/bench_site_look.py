"""The preview's Site look: what it costs while typing. Prints medians (and p99).

* keystroke -> preview updated for a post of a small Jekyll site (the reference post's
  body, or the house fixture where the reference is absent), shown in the bundled
  default theme and in the Site look (the site's built page), same run, same window
  (target: Site look no more than 5 ms above the bundled theme);
* keypress handling in the source editor while the site's background build runs (a
  build started again as soon as one ends) and while idle (target: p99 unchanged);
* how late a 10 ms timer fires on the UI thread, idle and while building: whether
  anything of the build holds the UI thread (the jekyll process only shares the CPU).

Run: ``python benchmarks/bench_site_look.py [--keys 20] [--rounds 4]`` (offscreen by default; needs
the jekyll program).
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=20, help="keystrokes per measurement")
    parser.add_argument("--rounds", type=int, default=4, help="rounds of each, in turn")
    args = parser.parse_args()

    from bench_window import measure_keypress, measure_keystrokes, percentile

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
        # The builds measured against typing run in a SiteLook of their own, so what the
        # keys meet is the build alone, not the preview loading each new build's page.
        from editor.ui.preview.site_look import SiteLook

        look = SiteLook(window)
        bundled, site, idle, busy, calm, held = [], [], [], [], [], []
        builds = []

        def again(_root: object) -> None:
            builds.append(time.monotonic())
            look.build(root)

        # Rounds in turn, so the machine's load falls on both sides alike.
        for round_number in range(args.rounds):
            window.preferences.set_theme("default")
            wait(app, lambda: preview.look.shown_name() == "default" and not preview.is_busy())
            bundled += measure_keystrokes(app, window, args.keys, "bundled default theme")
            window.preferences.set_theme(SITE_LOOK)
            wait(app, lambda: preview.look.shown_name() == "site" and not preview.is_busy())
            site += measure_keystrokes(app, window, args.keys, "Site look")
            idle += measure_keypress(app, window, args.keys * 3, "no build")
            calm += timer_lateness(app, 3)
            look.built.connect(again)
            look.build(root)
            wait(app, lambda: look.is_building(root))
            busy += measure_keypress(app, window, args.keys * 3, "site building")
            held += timer_lateness(app, 3)
            look.built.disconnect(again)
            look.wait(120_000)
            print(f"-- round {round_number + 1} done", flush=True)
        print()
        print(f"keystroke -> preview, bundled theme: median {statistics.median(bundled):.1f} ms,"
              f" p90 {percentile(bundled, 0.9):.1f} ms ({len(bundled)} keys)")
        print(f"keystroke -> preview, Site look:     median {statistics.median(site):.1f} ms,"
              f" p90 {percentile(site, 0.9):.1f} ms ({len(site)} keys)")
        print(f"  Site look - bundled: median "
              f"{statistics.median(site) - statistics.median(bundled):+.1f} ms")
        print(f"keypress, idle:          median {statistics.median(idle):.2f} ms, "
              f"p99 {percentile(idle, 0.99):.2f} ms ({len(idle)} keys)")
        print(f"keypress, site building: median {statistics.median(busy):.2f} ms, "
              f"p99 {percentile(busy, 0.99):.2f} ms ({len(busy)} keys, "
              f"{len(builds)} builds finished meanwhile)")
        print(f"  building - idle: p99 {percentile(busy, 0.99) - percentile(idle, 0.99):+.2f} ms,"
              f" median {statistics.median(busy) - statistics.median(idle):+.2f} ms")
        print(f"UI thread, 10 ms timer lateness: idle median {statistics.median(calm):.2f} ms, "
              f"p99 {percentile(calm, 0.99):.2f} ms; building median "
              f"{statistics.median(held):.2f} ms, p99 {percentile(held, 0.99):.2f} ms")
        look.wait(120_000)
        app_module.dispose(window)
    return 0


if __name__ == "__main__":
    sys.exit(main())
