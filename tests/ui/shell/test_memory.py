"""Full garbage collections wait for a pause in typing."""

from __future__ import annotations

import gc
import time
import weakref

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from editor.ui.shell import memory


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only a full collection frees it once it is old


def _age_objects(pacer: memory.GarbagePacer) -> None:
    """Allocate until a full collection is due (objects lived through young ones)."""
    keep = []
    while pacer.pending() < memory.DUE_AFTER:
        keep += [[] for _ in range(10_000)]


def test_python_runs_no_full_collection_of_its_own(qapp):
    pacer = memory.pace_garbage_collection(qapp)
    assert pacer is memory.pace_garbage_collection(qapp)  # one per application
    assert gc.get_threshold()[2] == memory.NEVER


def test_a_due_collection_runs_in_a_pause_and_frees_old_cycles(qapp, qtbot):
    pacer = memory.pace_garbage_collection(qapp)
    node = _Node()
    gone = weakref.ref(node)
    gc.collect(1)  # the cycle is now in the oldest generation
    del node
    _age_objects(pacer)
    before = pacer.collections
    qtbot.waitUntil(lambda: pacer.collections > before,
                    timeout=int((memory.IDLE_S * 1000 + memory.POLL_MS) * 4))
    assert gone() is None
    assert pacer.pending() < memory.DUE_AFTER


def test_no_full_collection_while_keys_arrive(qapp, qtbot):
    pacer = memory.pace_garbage_collection(qapp)
    line = QLineEdit()
    qtbot.addWidget(line)
    line.show()
    line.activateWindow()
    line.setFocus()
    qtbot.waitUntil(lambda: qapp.focusWidget() is line, timeout=5000)
    qtbot.keyClick(line, Qt.Key.Key_A)
    _age_objects(pacer)
    before = pacer.collections
    end = time.monotonic() + memory.IDLE_S * 2
    while time.monotonic() < end:  # typing on, twice as long as the pause would be
        qtbot.keyClick(line, Qt.Key.Key_A)
        qtbot.wait(memory.POLL_MS // 5)
        assert pacer.collections == before
    assert pacer.pending() >= memory.DUE_AFTER
    qtbot.waitUntil(lambda: pacer.collections > before,  # then the pause comes
                    timeout=int((memory.IDLE_S * 1000 + memory.POLL_MS) * 4))
