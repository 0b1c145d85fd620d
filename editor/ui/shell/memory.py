"""Python's garbage collection, paced so that a full collection never lands on a keystroke.

A full collection looks at every container object the interpreter tracks: with the
window, Qt's wrappers and a long post open, 100,000 objects and more, 50–100 ms. Left
to itself Python runs one every so many allocations, which while typing means in the
middle of a keystroke. So here:

* automatic full collections are off; a :class:`GarbagePacer` runs one when the writer
  has paused (no key, click or wheel for :data:`IDLE_S` in the widget with the keyboard
  focus), and only if enough objects have lived through young collections since the
  last one;
* should nobody pause for a long time (a long batch job, typing for minutes on end),
  one runs anyway once :data:`FORCE_AFTER` times as much has piled up as Python's
  default would allow, so memory stays bounded;
* at the first such pause after start-up, what start-up made (modules, classes, the
  window's widgets) is moved out of the collected generations (``gc.freeze``): it lives
  as long as the application, and later collections need not look at it again.

Young collections (a few milliseconds at most) run as Python decides.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

#: Seconds without input after which a pending full collection runs.
IDLE_S = 1.5
#: How often the pacer looks whether one is due (ms).
POLL_MS = 500
#: Middle-generation collections that make a full one due (Python's default threshold).
DUE_AFTER = 10
#: Beyond this many times that, a full collection runs even while the writer types.
FORCE_AFTER = 20
#: Python's automatic full collections, effectively never.
NEVER = 1_000_000
_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
                    QEvent.Type.InputMethod})


class GarbagePacer(QObject):
    """Runs full garbage collections in the writer's pauses (one per application)."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("garbage_pacer")
        self._last_input = time.monotonic()
        self._frozen = False
        self.collections = 0  # full collections run by the pacer (tests, benchmarks)
        young, middle, _old = gc.get_threshold()
        gc.set_threshold(young, middle, NEVER)
        # The focus widget's input, not the application's: an application-wide filter
        # in Python is called for objects still being constructed (Qt's web engine makes
        # some), which crashes PySide.
        focus_changed = getattr(app, "focusChanged", None)
        if focus_changed is not None:
            focus_changed.connect(self._follow_focus)
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _follow_focus(self, old: QObject | None, new: QObject | None) -> None:
        for widget, follow in ((old, False), (new, True)):
            if widget is None:
                continue
            try:
                if follow:
                    widget.installEventFilter(self)
                else:
                    widget.removeEventFilter(self)
            except RuntimeError:  # already deleted
                pass

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in _INPUT:
            self._last_input = time.monotonic()
        return False

    def pending(self) -> int:
        """Middle-generation collections since the last full one."""
        return gc.get_count()[2]

    def _poll(self) -> None:
        pending = self.pending()
        idle = time.monotonic() - self._last_input >= IDLE_S
        if (idle and (pending >= DUE_AFTER or not self._frozen)) \
                or pending >= DUE_AFTER * FORCE_AFTER:
            self.collect()

    def collect(self) -> None:
        """A full collection now (the first also freezes what survives it)."""
        gc.collect()
        self.collections += 1
        if not self._frozen:
            self._frozen = True
            gc.freeze()


def pace_garbage_collection(app: QCoreApplication) -> GarbagePacer:
    """The application's pacer (made on the first call)."""
    found = app.findChild(GarbagePacer, "garbage_pacer")
    return found if found is not None else GarbagePacer(app)
