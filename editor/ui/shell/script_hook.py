"""A test-only hook: run a Python script inside the real application after it starts.

Fault-injection tests start the editor as a separate process and then kill it. To type
into that real process (not a mock) they name a script in ``ARTICLE_EDITOR_TEST_SCRIPT``;
once the event loop runs, the script is executed with ``window`` (the MainWindow) in its
globals and typically schedules ``QTest.keyClicks`` on ``window.editor`` with QTimers.
Without the variable this module does nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

ENV_VAR = "ARTICLE_EDITOR_TEST_SCRIPT"


def schedule(window: Any) -> bool:
    """Run the script named by ARTICLE_EDITOR_TEST_SCRIPT once the event loop runs."""
    name = os.environ.get(ENV_VAR)
    if not name:
        return False
    QTimer.singleShot(0, lambda: run_script(window, Path(name)))
    return True


def run_script(window: Any, script: Path) -> dict[str, Any]:
    """Execute ``script`` with ``window`` in its globals; returns those globals."""
    namespace: dict[str, Any] = {"window": window, "__name__": "__article_editor_script__",
                                 "__file__": str(script)}
    exec(compile(script.read_text("utf-8"), str(script), "exec"), namespace)  # noqa: S102
    return namespace
