"""Guards against PySide6 6.12 reference-count bugs on Python 3.11.

PySide6 6.12.0 releases one reference to ``None`` every time Python calls a Qt
method that returns ``void`` (``setText``, ``setFormat``, ``setInterval`` ...) and
never took one. On Python 3.12+ ``None`` is immortal and nothing happens; on 3.11
its count starts near 5,000, so a few thousand calls later the interpreter aborts
with "Fatal Python error: none_dealloc" (the syntax highlighter alone makes that
many calls loading a long post). Giving ``None`` a count that no run can use up
makes it immortal in practice, as newer Pythons do.

``True`` loses references the same way on some paths (seen while typing and
scrolling in a QPlainTextEdit: about one per key press), so the booleans get the
same treatment.
"""

from __future__ import annotations

import ctypes
import sys

#: Added to None's reference count: ~10^12 leaked releases before it could matter.
_HEADROOM = 1 << 40


def make_singletons_immortal() -> None:
    """Raise the counts of None, True and False beyond reach on CPython < 3.12 (idempotent)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _HEADROOM // 2:
            count.value += _HEADROOM


make_singletons_immortal()
