"""Output that is no ordinary file: stdout (``-o -``, ``/dev/stdout``), pipes and devices.

An ordinary file is written beside itself and renamed into place, so that it is never
half written; a stream cannot be renamed, and ``/dev/stdout`` resolved to a path would
lose an appending redirection (``>>``). These are written straight through instead.
"""

from __future__ import annotations

import os
import re
import stat
from typing import IO

STDOUT_FD, STDERR_FD = 1, 2
_FD_PATH = re.compile(r"/dev/(?P<name>stdout|stderr)|/(?:dev|proc/self)/fd/(?P<fd>\d+)")


def stream_of(output: str) -> int | str | None:
    """Where ``-o OUTPUT`` goes when it is no ordinary file: a file descriptor for ``-``,
    ``/dev/stdout`` or ``/dev/fd/N``; the path itself for a pipe or device that exists
    (written straight through, no temporary file beside it); None for a plain file."""
    if output == "-":
        return STDOUT_FD
    match = _FD_PATH.fullmatch(output)
    if match:
        return STDOUT_FD if match["name"] == "stdout" else (
            STDERR_FD if match["name"] == "stderr" else int(match["fd"]))
    try:
        mode = os.stat(output).st_mode
    except OSError:
        return None
    return None if stat.S_ISREG(mode) or stat.S_ISDIR(mode) else output


def send(stream: int | str, data: bytes, stdout: IO[str], stderr: IO[str]) -> str | None:
    """Write ``data`` to ``stream`` (from :func:`stream_of`); None, or the problem in one
    line. A reader that went away (BrokenPipeError) is the caller's to handle."""
    try:
        if stream in (STDOUT_FD, STDERR_FD):
            _write_bytes(stdout if stream == STDOUT_FD else stderr, data)
        elif isinstance(stream, int):
            _write_fd(stream, data)
        else:
            with open(stream, "wb") as file:
                file.write(data)
    except BrokenPipeError:
        raise
    except OSError as exc:
        name = stream if isinstance(stream, str) else f"file descriptor {stream}"
        return f"{name}: cannot write: {exc.strerror or exc}"
    return None


def isatty(stream: IO[str]) -> bool:
    """Whether ``stream`` is a terminal (False for anything without a file behind it)."""
    return bool(getattr(stream, "isatty", lambda: False)())


def _write_bytes(stream: IO[str], data: bytes) -> None:
    """Bytes to a text stream: through its buffer when it has one (binary stays exact)."""
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:
        stream.write(data.decode("utf-8"))
        stream.flush()


def _write_fd(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
