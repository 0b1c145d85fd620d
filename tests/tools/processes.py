"""Reading a process's state, for tests of stopped and ended child processes."""

from __future__ import annotations

from pathlib import Path


def state(pid: int) -> str | None:
    """The process's state letter from /proc (T: stopped, Z: zombie), None once gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return None
    return stat[stat.rindex(")") + 2]
