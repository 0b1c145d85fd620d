"""Red wavy underlines under misspelt words in a plain-text editor, checked in the background.

:class:`SpellingService` owns the spelling helper process (``spelling_helper``), which
holds the dictionaries (opening them takes a second or more; a worker thread waits for
it) and does the checking, so the window's interpreter lock stays free for typing.

:class:`SpellingUnderlines` follows one ``QPlainTextEdit``. After a typing pause a worker
thread hands the text (the change since the last check) to the helper, which re-checks
only the lines that changed since the last check (all of the text when a change of
markup, such as an opened code fence, changed what counts as prose elsewhere), the
visible part first. Underlines are waves drawn over the viewport (``spelling_waves``),
so they sit on top of the syntax colours and the house-highlight tints without touching
them. Each misspelling is a QTextCursor, so Qt keeps it on its word while the writer
types elsewhere; only the misspellings in view are drawn, so a long post with thousands
of them costs a keystroke nothing.
"""

from __future__ import annotations

import itertools
import logging
import time
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from editor.authoring.spelling import PersonalWords
from editor.authoring.spelling_helper import CheckRequest, SpellingHelper
from editor.authoring.spelling_incremental import CheckResult
from editor.ui.source.editor import SourceEditor
from editor.ui.source.spelling_switches import SpellingSwitches
from editor.ui.source.spelling_waves import WaveOverlay
from editor.ui.source.text_mirror import TextMirror

log = logging.getLogger(__name__)

#: Pause after the last keystroke before the changed lines are checked again.
CHECK_DELAY_MS = 400
#: UTF-16 units beyond each edge of the viewport whose misspellings are painted too
#: (the viewport's corners are found by position: a line may reach further).
PAINT_MARGIN = 2_000
SUGGEST_WAIT_S = 0.5
#: Separate edited places remembered between checks; more, and everything is checked.
MAX_DIRTY_PLACES = 64
#: Each underliner's texts are one session of the helper.
SESSION_IDS = itertools.count(1)


class SpellingRelay(QObject):
    opened = Signal(object, object)  # languages key, None | str (what is missing)
    checked = Signal(int, object)  # generation, CheckResult


class _OpenJob(QRunnable):
    def __init__(self, key: tuple[str, ...], helper: SpellingHelper,
                 relay: SpellingRelay) -> None:
        super().__init__()
        self._key, self._helper, self._relay = key, helper, relay

    def run(self) -> None:
        try:
            found = self._helper.open(self._key)
        except Exception as exc:  # noqa: BLE001 - a broken dictionary must not end the window
            log.exception("opening spelling dictionaries failed")
            found = str(exc)
        try:
            self._relay.opened.emit(self._key, found)
        except RuntimeError:  # the service is gone (window closed)
            pass


class SpellingService(QObject):
    """The application's spelling helper, and which languages it has opened.

    One for the whole application (:meth:`shared`): dictionaries are opened once, in the
    helper process (started when the first editor asks for them, after the window is up).
    """

    #: A checker finished opening (languages key).
    opened = Signal(object)
    #: Dictionaries could not be opened: what to install.
    unavailable = Signal(str)

    def __init__(self, parent: QObject | None = None,
                 helper: SpellingHelper | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spelling_service")
        self.helper = helper if helper is not None else SpellingHelper()
        self._open: dict[tuple[str, ...], bool | str | None] = {}  # None while opening
        self._relay = SpellingRelay()
        self._relay.opened.connect(self._on_opened)
        helper_ = self.helper
        self.destroyed.connect(lambda *_: helper_.shutdown())

    def ready(self, languages: Sequence[str]) -> bool:
        """Whether ``languages`` are open; if not, they start opening (``opened``
        follows, or ``unavailable``)."""
        key = tuple(languages)
        found = self._open.get(key, False)
        if found is False:
            self._open[key] = None
            QThreadPool.globalInstance().start(_OpenJob(key, self.helper, self._relay))
            return False
        return found is True

    def wait_opened(self, languages: Sequence[str], timeout_s: float = 30.0) -> bool:
        """Block until ``languages`` are open (benchmarks, scripts); False on failure."""
        self.ready(languages)
        deadline = time.monotonic() + timeout_s
        key = tuple(languages)
        while self._open.get(key) is None and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.01)
        return self._open.get(key) is True

    def _on_opened(self, key: tuple[str, ...], problem: object) -> None:
        self._open[key] = True if problem is None else str(problem)
        if problem is not None:
            self.unavailable.emit(str(problem))
        else:
            self.opened.emit(key)

    def suggest(self, languages: Sequence[str], word: str, limit: int = 5) -> list[str]:
        """Up to ``limit`` corrections of ``word`` (none while the dictionaries open)."""
        # The window waits for a running check's piece, not for dictionaries opening.
        if not self.ready(languages):
            return []
        return self.helper.suggest(tuple(languages), word, SUGGEST_WAIT_S)[:limit]

    @staticmethod
    def shared() -> SpellingService:
        """The application's service (made on first use, owned by the application)."""
        app = QCoreApplication.instance()
        found = app.findChild(SpellingService, "spelling_service") if app else None
        return found if found is not None else SpellingService(app)


class CheckRunnable(QRunnable):
    def __init__(self, generation: int, relay: SpellingRelay, work: Callable[..., None],
                 *args: object) -> None:
        super().__init__()
        self._generation, self._relay, self._work, self._args = generation, relay, work, args

    def run(self) -> None:
        def emit(result: CheckResult) -> None:
            try:
                self._relay.checked.emit(self._generation, result)
            except RuntimeError:  # the editor was closed meanwhile
                pass

        try:
            self._work(*self._args, emit)
        except Exception:  # noqa: BLE001 - underlines stay as they were; typing goes on
            log.exception("spelling check failed")
            emit(CheckResult([], [], "", "", True))


def _first_from(cursors: list[QTextCursor], position: int) -> int:
    """Index of the first cursor starting at or after ``position`` (they are in text
    order; a binary search asks only a few of them where they are now)."""
    return bisect_left(cursors, position, key=QTextCursor.selectionStart)


def _moved(position: int, edits: list[tuple[int, int, int]], after: bool) -> int:
    """``position`` moved through ``edits``; inside an edit, to its start or end."""
    for at, removed, added in edits:
        if position >= at + removed:
            position += added - removed
        elif position > at:
            position = at + added if after else at
    return position


def _moved_word(start: int, end: int, word: str,
                edits: list[tuple[int, int, int]]) -> tuple[int, int, str]:
    """A found word moved through ``edits``; start -1 when an edit touched it."""
    for at, removed, added in edits:
        if end < at:
            continue
        if start > at + removed:
            start, end = start + added - removed, end + added - removed
        else:
            return -1, -1, word
    return start, end, word


class _Cursors:
    """The QTextCursors into one document, emptied when the document goes: a cursor
    destroyed after its document would crash."""

    def __init__(self) -> None:
        self.words: list[QTextCursor] = []  # the misspellings, in text order
        self.dirty: list[QTextCursor] = []  # places edited since the last check
        self.checking: list[QTextCursor] = []  # the dirty places a running check covers
        self.painted: list[QTextCursor] = []  # the misspellings near the view

    def clear(self, *_args: object) -> None:
        self.words.clear()
        self.dirty.clear()
        self.checking.clear()
        self.painted.clear()


class SpellingUnderlines(SpellingSwitches):
    """Keeps misspellings of one editor underlined, checking after each typing pause.

    ``body_format`` says how to read the text ("html" or "markdown"; fields are "html":
    their markup is blanked like a body's).
    """

    #: A check finished and the underlines are current (number of misspellings).
    checked = Signal(int)

    def __init__(self, editor: QPlainTextEdit, service: SpellingService,
                 body_format: Callable[[], str] = lambda: "html",
                 personal: PersonalWords | None = None,
                 delay_ms: int = CHECK_DELAY_MS) -> None:
        super().__init__(editor, service, delay_ms)
        self.editor = editor
        self._session = next(SESSION_IDS)
        self.destroyed.connect(partial(service.helper.forget, self._session))
        self.personal = personal if personal is not None else PersonalWords()
        self._body_format = body_format
        self._store = _Cursors()
        self._mirror = TextMirror(editor.document())
        editor.document().destroyed.connect(self._store.clear)
        # Whether the helper has a check of this text to compare the next one with.
        self._compared = False
        # Edits since the running check took its text: its results are moved through them.
        self._edits: list[tuple[int, int, int]] = []
        self.overlay = WaveOverlay(editor, self._painted)
        self._relay = SpellingRelay()
        self._relay.checked.connect(self._on_checked)
        if isinstance(editor, SourceEditor):  # its changes follow the document shown (tabs)
            editor.bodyChanged.connect(self._on_contents_change)
            editor.documentSwapped.connect(self._on_document_swapped)
        else:  # form fields keep their one document
            editor.document().contentsChange.connect(self._on_contents_change)
        editor.verticalScrollBar().valueChanged.connect(self._paint)

    # ------------------------------------------------------------------ settings

    def recheck_all(self) -> None:
        """Forget what was checked and check the whole text after a short pause."""
        self._compared = False
        self._store.dirty.clear()
        super().recheck_all()

    def forget_word(self, word: str) -> None:
        """Take the underlines off every ``word`` (added to the dictionary or ignored)."""
        kept = [c for c in self._store.words if c.selectedText() != word]
        if len(kept) != len(self._store.words):
            self._store.words[:] = kept
            self._paint()

    # ------------------------------------------------------------------ queries

    def misspellings(self) -> list[tuple[int, int, str]]:
        """The underlined words now: UTF-16 start, end and the word, in text order."""
        return [(c.selectionStart(), c.selectionEnd(), c.selectedText()) for c in self._store.words
                if c.hasSelection()]

    def misspelling_at(self, position: int) -> QTextCursor | None:
        """The underlined word around UTF-16 ``position`` (a copy of its cursor), if any."""
        at = _first_from(self._store.words, position + 1) - 1
        if at >= 0:
            cursor = self._store.words[at]
            inside = cursor.selectionStart() <= position <= cursor.selectionEnd()
            if cursor.hasSelection() and inside:
                return QTextCursor(cursor)
        return None

    def is_busy(self) -> bool:
        """True while a check runs or waits for the typing pause or the dictionaries."""
        return self._enabled and (self._running or self._timer.isActive() or self._waiting())

    def _waiting(self) -> bool:
        return bool(self._languages) and not self.service.ready(self._languages) \
            and not self._compared

    # ------------------------------------------------------------------ checking

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if not self._enabled:
            self._mirror.forget()
            return
        if not (removed or added):
            return
        self._mirror.apply(position, removed, added)
        self._edits.append((position, removed, added))
        self._mark_dirty(position, added)
        # A word being corrected loses its underline at once, not after the pause.
        words_ = self._store.words
        low = max(0, _first_from(words_, position) - 1)
        high = _first_from(words_, position + added + 1)
        kept = [c for c in self._store.words[low:high]
                if c.hasSelection() and (c.selectionEnd() < position
                                         or c.selectionStart() > position + added)]
        if len(kept) != high - low:
            self._store.words[low:high] = kept
            self._paint()
        self._timer.start(self._delay)

    def _mark_dirty(self, position: int, added: int) -> None:
        last = self._store.dirty[-1] if self._store.dirty else None
        if last is not None and last.selectionStart() <= position <= last.selectionEnd():
            end = min(position + added, self.editor.document().characterCount() - 1)
            if end > last.selectionEnd():  # typing on at the same place
                last.setPosition(last.selectionStart())
                last.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            return
        if len(self._store.dirty) >= MAX_DIRTY_PLACES:
            self._compared = False  # edits all over: check everything
            self._store.dirty.clear()
            return
        document = self.editor.document()
        last_position = document.characterCount() - 1  # a load reports one unit more
        cursor = QTextCursor(document)
        cursor.setPosition(min(position, last_position))
        cursor.setPosition(min(position + added, last_position), QTextCursor.MoveMode.KeepAnchor)
        self._store.dirty.append(cursor)

    def _start_check(self) -> None:
        if not self._begin_check():
            return
        self._edits = []
        # The mirror spares copying the text out of Qt; the helper turns its paragraph
        # separators into newlines.
        text = self._mirror.text()
        self._store.checking[:] = list(self._store.dirty)
        dirty = [(c.selectionStart(), c.selectionEnd()) for c in self._store.dirty]
        request = CheckRequest(self._session, text, self._body_format(), not self._compared,
                               dirty, self._visible_range(), self._languages,
                               frozenset(self._ignored), frozenset(self.personal.words))
        QThreadPool.globalInstance().start(CheckRunnable(
            self._generation, self._relay, self.service.helper.check, request))

    def _on_checked(self, generation: int, result: CheckResult) -> None:
        if result.final:
            self._running = False
        if generation == self._generation and self._enabled:
            # Typed meanwhile: the findings move with the text; where it was edited the
            # next check (the edits are dirty places) looks again.
            found = [(a, b, w) for a, b, w in
                     (_moved_word(s, e, w, self._edits) for s, e, w in result.found) if a >= 0]
            ranges = [(_moved(start, self._edits, False), _moved(end, self._edits, True))
                      for start, end in result.ranges]
            for start, end in ranges:
                self._replace(start, end, found)
            if result.final and result.ranges:
                # The helper compares the next check with the text it checked.
                self._compared = True
                checked = {id(c) for c in self._store.checking}
                self._store.dirty[:] = [c for c in self._store.dirty if id(c) not in checked]
                if not self._edits:
                    self.checked.emit(len(self._store.words))
            if result.final or any(self._near_view(start, end) for start, end in ranges):
                # A piece far from the view changes nothing painted: no new selections.
                self._paint()
        if result.final and (self._again or self._edits):
            self._schedule()

    def _replace(self, start: int, end: int, found: list[tuple[int, int, str]]) -> None:
        document = self.editor.document()
        words_ = self._store.words
        low, high = _first_from(words_, start), _first_from(words_, end)
        fresh = []
        for s, e, _word in found:
            if start <= s < end or start == end:
                cursor = QTextCursor(document)
                cursor.setPosition(s)
                cursor.setPosition(e, QTextCursor.MoveMode.KeepAnchor)
                fresh.append(cursor)
        self._store.words[low:high] = fresh

    # ------------------------------------------------------------------ painting

    def _visible_range(self) -> tuple[int, int]:
        editor = self.editor
        first = editor.cursorForPosition(editor.viewport().rect().topLeft()).position()
        last = editor.cursorForPosition(editor.viewport().rect().bottomRight()).position()
        block = editor.document().findBlock(last)
        return first, block.position() + block.length()

    def _on_document_swapped(self, _old: QObject, new: QObject) -> None:
        # Another post's text (a tab): its underlines are found afresh.
        self._mirror = TextMirror(new)  # type: ignore[arg-type]
        self._clear()
        if self._enabled:
            self.recheck_all()

    def _near_view(self, start: int, end: int) -> bool:
        first, last = self._visible_range()
        return start <= last + PAINT_MARGIN and end >= first - PAINT_MARGIN

    def _clear(self) -> None:
        self._store.clear()
        self._compared = False
        self.overlay.update()

    def _painted(self) -> list[QTextCursor]:
        return self._store.painted if self._enabled else []

    def _paint(self, *_args: object) -> None:
        if not self._enabled:
            return
        first, last = self._visible_range()
        words_ = self._store.words
        low = _first_from(words_, first - PAINT_MARGIN)
        high = _first_from(words_, last + PAINT_MARGIN)
        self._store.painted[:] = words_[low:high]
        self.overlay.update()
