"""Where one start of the window spends its time: a timeline in ms since the process began.

Runs the steps of ``article-editor POST`` (editor/ui/shell/app.py ``run``) one by one and
prints when each ended: Python up, app module imported, QApplication, main window
imported, post read, window constructed (its panes, with the post), shown, the source
editor's first paint (the text is on screen), the preview's web view made
(``viewReady``), the rest of the window built (``buildFinished``) and the first preview
(``renderFinished``). Linux only (the process start comes from /proc).
Pair it with ``python -X importtime`` for the imports.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/startup_timeline.py [POST]``
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "house-post.md"


def since_start_ms() -> float:
    """Milliseconds since this process was started (clock ticks of /proc/self/stat)."""
    with open("/proc/self/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
    return (time.clock_gettime(time.CLOCK_BOOTTIME) - started) * 1000


def stamp(label: str) -> None:
    print(f"{label:<24} {since_start_ms():7.0f} ms", flush=True)


def main() -> int:
    stamp("python up")
    post = sys.argv[1] if len(sys.argv) > 1 else str(FIXTURE)
    sys.path.insert(0, str(ROOT))
    from editor.ui.shell import app as app_module

    stamp("app imported")
    qapp = app_module.application([sys.argv[0]])
    stamp("QApplication")
    from PySide6.QtCore import QEvent, QObject, QTimer

    from editor.document.post import Post
    from editor.ui.shell.main_window import MainWindow

    stamp("main window imported")
    first = Post.load(post)
    stamp("post read")
    window = MainWindow(first_post=first, build_later=True)  # as app.run makes it
    stamp("window constructed")
    window.show()
    stamp("shown")
    window.buildFinished.connect(lambda: stamp("window built"))

    class FirstPaint(QObject):
        seen = False

        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                stamp("text painted")
            return False

    paint = FirstPaint()
    window.editor.viewport().installEventFilter(paint)
    window.preview.viewReady.connect(lambda: stamp("web view made"))

    def rendered() -> None:
        if not window.preview.is_busy():
            stamp("first preview")
            QTimer.singleShot(0, qapp.quit)

    window.preview.renderFinished.connect(rendered)
    qapp.exec()
    os._exit(0)  # the window's teardown is not what is measured


if __name__ == "__main__":
    sys.exit(main())
