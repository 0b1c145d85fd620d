"""Spelling checked in a helper process, so that checking never holds the window's
interpreter lock.

Enchant calls are quick, but between them a check runs Python (cutting the text into
words, looking verdicts up): in a thread of the window's process it holds the lock a
keystroke needs in pieces of a few milliseconds, all through a re-check. Here one
spawned process (not forked: the window runs Qt threads) holds the dictionaries and,
per text it checks (a *session*: the source editor, a form field), the last text and
prose mask, so an edit is checked where it changed. The window's side sends each
check's text as the change since the text it sent before, then fetches the results
piece by piece, the visible part first; a thread waiting on a pipe holds no lock.

If the process cannot start or dies, the check runs in the calling thread instead (as
it did before there was a helper), and the next check starts a new process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from editor import helper_processes
from editor.authoring.search import Utf16Index, changed_range
from editor.authoring.spelling import SpellChecker, SpellingUnavailable
from editor.authoring.spelling_incremental import (
    CheckerHandle,
    CheckResult,
    check_piece,
    plan,
    visible_first,
)

if TYPE_CHECKING:
    import concurrent.futures

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckRequest:
    """One check of a session's text.

    ``text`` is the whole text (raw, paragraph separators allowed), or None with
    ``splice`` = (start, old end, new text, new length): the change since the text this
    session sent before. ``fresh`` forgets what was checked (everything is checked);
    ``dirty`` and ``visible`` are UTF-16 ranges, like the results.
    """

    session: int
    text: str | None
    fmt: str
    fresh: bool
    dirty: list[tuple[int, int]]
    visible: tuple[int, int]
    languages: tuple[str, ...]
    ignored: frozenset[str]
    personal: frozenset[str]
    splice: tuple[int, int, str, int] | None = None


@dataclass
class _Running:
    text: str
    mask: str
    index: Utf16Index
    pieces: list[tuple[int, int]]
    checker: CheckerHandle
    ignored: frozenset[str]
    personal: frozenset[str]


class Sessions:
    """What a checking process keeps: dictionaries, and each session's texts.

    Used by the helper process, and by the window's process when there is no helper
    (``lock`` then keeps two threads out of Hunspell at once).
    """

    def __init__(self, lock: threading.Lock | None = None) -> None:
        self._lock = lock or threading.Lock()
        self._checkers: dict[tuple[str, ...], CheckerHandle] = {}
        self._texts: dict[int, str] = {}  # the raw text each session sent last
        self._checked: dict[int, tuple[str, str]] = {}  # text and mask of its last check
        self._running: dict[int, _Running] = {}

    def open(self, languages: tuple[str, ...]) -> CheckerHandle:
        """The checker for ``languages`` (opened on first use; SpellingUnavailable)."""
        found = self._checkers.get(languages)
        if found is None:
            with self._lock:
                found = CheckerHandle(SpellChecker(languages), self._lock)
            self._checkers[languages] = found
        return found

    def begin(self, request: CheckRequest) -> int | None:
        """Plan a check; the number of pieces to fetch with :meth:`piece`. None when a
        splice does not fit the text this session holds (send the whole text)."""
        session = request.session
        if request.text is not None:
            raw = request.text
        else:
            old = self._texts.get(session)
            start, old_end, added, length = request.splice  # type: ignore[misc]
            if old is None or old_end > len(old):
                return None
            raw = old[:start] + added + old[old_end:]
            if len(raw) != length:
                return None
        self._texts[session] = raw
        checker = self.open(request.languages)
        text = raw.replace("\u2029", "\n")
        index = Utf16Index(text)
        previous = None if request.fresh else self._checked.get(session)
        also = [(index.from_utf16(a), index.from_utf16(b)) for a, b in request.dirty]
        found = plan(text, request.fmt, previous, also)
        pieces = visible_first(text, found.spans, index, request.visible)
        self._running[session] = _Running(text, found.mask, index, pieces, checker,
                                          request.ignored, request.personal)
        return len(pieces)

    def piece(self, session: int, number: int) -> CheckResult:
        """The misspellings of piece ``number`` of the session's running check (without
        the text and mask: the window has no use for them)."""
        run = self._running[session]
        final = number == len(run.pieces) - 1
        result = check_piece(run.text, run.mask, run.index, run.pieces[number], run.checker,
                             run.ignored, run.personal, final)
        if final:
            self._checked[session] = (run.text, run.mask)
            del self._running[session]
        return replace(result, text="", mask="")

    def suggest(self, languages: tuple[str, ...], word: str, timeout_s: float) -> list[str]:
        """Corrections of ``word``; none if the dictionaries stay busy ``timeout_s``."""
        handle = self.open(languages)
        if not handle.lock.acquire(timeout=timeout_s):
            return []
        try:
            return handle.checker.suggest(word)
        finally:
            handle.lock.release()

    def forget(self, session: int) -> None:
        """Drop a session's texts (its editor is gone)."""
        for store in (self._texts, self._checked, self._running):
            store.pop(session, None)


# ---------------------------------------------------------------- in the helper process

_HERE = Sessions()


def _pid() -> int:
    import os

    return os.getpid()


def _open(languages: tuple[str, ...]) -> str | None:
    try:
        _HERE.open(languages)
    except SpellingUnavailable as exc:
        return str(exc)
    return None


def _begin(request: CheckRequest) -> int | None:
    return _HERE.begin(request)


def _piece(session: int, number: int) -> CheckResult:
    return _HERE.piece(session, number)


def _suggest(languages: tuple[str, ...], word: str) -> list[str]:
    return _HERE.suggest(languages, word, 0.0)


def _forget(session: int) -> None:
    _HERE.forget(session)


# ---------------------------------------------------------------- in the window's process


def _broken() -> tuple[type[BaseException], ...]:
    from concurrent.futures.process import BrokenProcessPool

    return OSError, EOFError, BrokenProcessPool


class _Unavailable(Exception):
    """The helper process cannot run the call."""


class _Busy(Exception):
    """The helper process did not answer in time."""


class SpellingHelper:
    """The window's side: one helper process, started on first use, or checks in the
    calling thread when it cannot run. Calls may come from several threads at once."""

    def __init__(self, use_process: bool = True) -> None:
        self.use_process = use_process
        self._lock = threading.Lock()
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._local = Sessions()
        self._sent: dict[int, str] = {}  # the raw text the process holds per session

    # -- the process ---------------------------------------------------------------

    def _executor(self) -> concurrent.futures.ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = helper_processes.spawn_pool(1)
            return self._pool

    def _call(self, fn: Callable[..., Any], *args: Any, timeout_s: float | None = None) -> Any:
        """``fn(*args)`` in the helper process; _Unavailable if it cannot run it."""
        if not self.use_process:
            raise _Unavailable
        pool = None
        try:
            pool = self._executor()
            future = pool.submit(fn, *args)
            try:
                return future.result(timeout_s)
            except TimeoutError:  # an OSError: the process is merely busy
                raise _Busy from None
        except (*_broken(), RuntimeError) as exc:
            log.warning("spelling process unavailable (%s); checking in this process", exc)
            with self._lock:
                if self._pool is pool:
                    self._pool = None
                    self._sent.clear()
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
            raise _Unavailable from exc

    def warm_up(self) -> None:
        """Start the process in the background (the first check need not wait for it)."""
        if not self.use_process:
            return
        try:
            self._executor().submit(helper_processes.ready)
        except (*_broken(), RuntimeError) as exc:
            log.warning("spelling process unavailable: %s", exc)

    def process_id(self) -> int | None:
        """The helper process's id (starting it); None when checks run in this process."""
        try:
            return self._call(_pid)
        except _Unavailable:
            return None

    def shutdown(self) -> None:
        """Stop the process; it starts again when needed."""
        with self._lock:
            pool, self._pool = self._pool, None
            self._sent.clear()
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    # -- what the window asks ------------------------------------------------------

    def open(self, languages: tuple[str, ...]) -> str | None:
        """Open the dictionaries for ``languages`` (blocks); None, or what is missing."""
        try:
            return self._call(_open, languages)
        except _Unavailable:
            try:
                self._local.open(languages)
            except SpellingUnavailable as exc:
                return str(exc)
            return None

    def check(self, request: CheckRequest, emit: Callable[[CheckResult], None]) -> None:
        """Check ``request`` (its whole text), handing each piece's result to ``emit``."""
        try:
            self._check_there(request, emit)
        except _Unavailable:
            local = self._local
            count = local.begin(replace(request, fresh=True, splice=None)) or 0
            for number in range(count):
                emit(local.piece(request.session, number))

    def _check_there(self, request: CheckRequest, emit: Callable[[CheckResult], None]) -> None:
        text = request.text or ""
        session = request.session
        sent = self._sent.pop(session, None)
        count = None
        if sent is not None:
            start, old_end, new_end = changed_range(sent, text)
            count = self._call(_begin, replace(
                request, text=None, splice=(start, old_end, text[start:new_end], len(text))))
        if count is None:
            count = self._call(_begin, request)
        self._sent[session] = text
        for number in range(count):
            emit(self._call(_piece, session, number))

    def suggest(self, languages: tuple[str, ...], word: str, timeout_s: float) -> list[str]:
        """Corrections of ``word``; none if no answer comes within ``timeout_s``."""
        try:
            return self._call(_suggest, languages, word, timeout_s=timeout_s)
        except _Busy:
            return []
        except _Unavailable:
            return self._local.suggest(languages, word, timeout_s)

    def forget(self, session: int) -> None:
        """Drop what the process keeps for ``session`` (its editor is gone)."""
        self._sent.pop(session, None)
        self._local.forget(session)
        with self._lock:
            pool = self._pool
        if pool is not None:
            try:
                pool.submit(_forget, session)
            except RuntimeError:  # shut down meanwhile
                pass
