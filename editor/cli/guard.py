"""What the command line says when things go wrong outside the expected problems.

A mistyped sub-command is told apart from a post to open, and an unexpected exception in
a sub-command becomes one line naming the file (and line, when the error knows it)
instead of a traceback: exit code 1, the traceback only with ``--verbose``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO

# A bare word such as "exprot": no folder, no suffix, letters and dashes only.
_COMMAND_LIKE = re.compile(r"[A-Za-z][A-Za-z-]*\Z")


def unknown_command(word: str, commands: Iterable[str]) -> str | None:
    """The message for ``word`` when it is a mistyped command rather than a post, else None.

    A word that names an existing file or folder, or has a suffix or a folder in it, is
    a post for the window to open.
    """
    if not _COMMAND_LIKE.match(word) or Path(word).exists():
        return None
    import difflib

    names = sorted(commands)
    close = difflib.get_close_matches(word.lower(), names, n=1, cutoff=0.6)
    if close:
        return f"unknown command {word!r} (did you mean {close[0]!r}?)"
    return f"unknown command {word!r} (commands: {', '.join(names)})"


def first_word(argv: Iterable[str]) -> str | None:
    """The first argument that is no option (``--verbose exprot``); None after ``--``,
    which makes what follows a file name whatever it looks like."""
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return arg
    return None


def _error_line(exc: BaseException) -> int | None:
    """The line of the post an error points at, when it carries one (our errors do)."""
    line = getattr(exc, "line", None)
    return line if isinstance(line, int) and not isinstance(line, bool) and line > 0 else None


def _subject(args: argparse.Namespace | None) -> str | None:
    """The file a sub-command was working on, if it names one."""
    for name in ("file", "draft"):
        value = getattr(args, name, None)
        if isinstance(value, str) and value:
            return value
    return None


def describe_unexpected(exc: BaseException, args: argparse.Namespace | None) -> str:
    """One line for an exception no sub-command expected: ``FILE:LINE: message``."""
    text = " ".join(str(exc).split()) or "no details"
    message = f"internal error: {type(exc).__name__}: {text} (--verbose shows the details)"
    subject = _subject(args)
    if subject is None:
        return message
    line = _error_line(exc)
    return f"{subject}:{line}: {message}" if line else f"{subject}: {message}"


def report_unexpected(exc: BaseException, args: argparse.Namespace | None, prog: str,
                      stderr: IO[str], *, verbose: bool) -> int:
    """Print the one line (and with ``verbose`` the traceback first); the exit code, 1."""
    if verbose:
        import traceback

        traceback.print_exception(exc, file=stderr)
    print(f"{prog}: {describe_unexpected(exc, args)}", file=stderr)
    return 1


def silence_stdout() -> None:
    """After a broken pipe: point stdout at the null device, so that Python's own flush
    on the way out does not complain a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # stdout is no real file (a test's capture): nothing to flush
