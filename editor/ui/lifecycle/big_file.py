"""Opening large posts without freezing the window, and counting their words off the UI thread.

A 10 MB post takes seconds to read, decode, count and put into the editor. Here the
file is read and its statistics counted on a worker thread, then the editor receives
the text in slices between event-loop turns (a progress bar in the status bar shows
how far it got), and only then does the document switch to the new post. The preview
already renders long posts in a helper process. Word counts of a long body, which
the status bar refreshes after each pause in typing, also run on a worker thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QProgressBar, QStatusBar

from editor.authoring.stats import TextStats, text_stats
from editor.document.post import Post, PostError
from editor.render.pool import RenderPool

if TYPE_CHECKING:
    from editor.ui.shell.document import Document
    from editor.ui.shell.prompter import Prompter
    from editor.ui.source.editor import SourceEditor

T = TypeVar("T")

# Files from this size on open in the background.
BIG_FILE_BYTES = 1_000_000
# Bodies from this length on have their statistics counted in the background.
BIG_BODY_CHARS = 200_000
# Characters put into the editor per event-loop turn (about 20 ms each).
SLICE_CHARS = 65_536
# Each slice gets at most this long before the loop is let in.
SLICE_BUDGET_MS = 25.0


def _in_helper(pool: RenderPool, fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` in a helper process of the preview's ``pool``, else here.

    Reading and counting a long post are long runs of regular-expression calls that hold
    Python's lock for hundreds of milliseconds each, even on a worker thread; in the
    helper process they cannot delay the window at all.
    """
    try:
        return pool.run(fn, *args)
    except PostError:
        raise
    except Exception:  # noqa: BLE001 - e.g. a result that cannot be pickled: do it here
        return fn(*args)


def _emit(signal: Any, *args: Any) -> None:
    """Emit from a worker; a window closed meanwhile just does not get the result."""
    try:
        signal.emit(*args)
    except RuntimeError:
        pass


class _Relay(QObject):
    """Carries worker results to the GUI thread (queued because it lives there)."""

    loaded = Signal(object, object, object)  # path, Post | PostError, TextStats | None
    counted = Signal(object, object)  # body, TextStats


class BigFileLoader(QObject):
    """Opens big files in the background for a window; small ones stay synchronous.

    It fills ``editor``, then switches ``document``; progress goes to ``status_bar``,
    errors to ``prompter``, the opened file to ``remember_file`` and the counts to
    ``show_stats``.
    """

    # A load began (the path): the window says so instead of showing the old post as its own.
    started = Signal(object)
    # The load ended: True when the document now shows the file.
    finished = Signal(bool)
    # A background count arrived and the status bar shows it: the body counted, its stats.
    countShown = Signal(object, object)  # noqa: N815 (Qt signal naming)

    def __init__(self, editor: SourceEditor, document: Document, status_bar: QStatusBar,
                 prompter: Prompter, *, remember_file: Callable[[Path], object],
                 show_stats: Callable[[TextStats], object],
                 pool: RenderPool | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Helper processes for reading and counting (the preview's, shared); without
        # one given, a pool of the loader's own, shut down with it.
        if pool is None:
            pool = RenderPool()
            self.destroyed.connect(lambda *_, own=pool: own.shutdown())
        self.pool = pool
        self.editor = editor
        self.document = document
        self.status_bar = status_bar
        self.prompter = prompter
        self.remember_file = remember_file
        self.show_stats = show_stats
        self.progress = QProgressBar()
        self.progress.setObjectName("load_progress")
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        status_bar.addPermanentWidget(self.progress)
        self._relay = _Relay(self)
        self._relay.loaded.connect(self._on_loaded)
        self._relay.counted.connect(self._on_counted)
        self._slice_timer = QTimer(self, singleShot=False, interval=0)
        self._slice_timer.timeout.connect(self._fill_slice)
        self._loading: Path | None = None
        self._post: Post | None = None
        self._stats: TextStats | None = None
        self._offset = 0
        self._cursor: QTextCursor | None = None
        # The post whose body the editor already holds (skip a second, blocking load).
        self._prefilled: Post | None = None
        self._counting = False
        self._count_next: tuple[str, str] | None = None
        self.load_started_at = 0.0
        self.load_seconds = 0.0
        # Keys typed while the text is read-only are not dropped silently.
        editor.installEventFilter(self)

    # Opening --------------------------------------------------------------------------

    @staticmethod
    def wants(path: Path) -> bool:
        """True for files big enough to open in the background."""
        try:
            return path.is_file() and path.stat().st_size >= BIG_FILE_BYTES
        except OSError:
            return False

    def is_loading(self) -> bool:
        """True from start() until finished is emitted."""
        return self._loading is not None

    def is_loading_path(self) -> Path | None:
        """The file being opened, None when no load runs."""
        return self._loading

    def start(self, path: Path) -> bool:
        """Read ``path`` on a worker thread; the document switches when the editor is filled."""
        if self._loading is not None:
            return False
        self._loading = path
        self.load_started_at = time.perf_counter()
        self.editor.setReadOnly(True)
        self.progress.setRange(0, 0)  # busy until the size of the text is known
        self.progress.setFormat(self.tr("Opening…"))
        self.progress.show()
        self.status_bar.showMessage(
            self.tr("Opening “{name}”…").format(name=path.name))
        threading.Thread(target=self._read, args=(path, self.pool),
                         name="open-post", daemon=True).start()
        self.started.emit(path)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """A key typed into the editor while it loads gets a word in the status bar."""
        if (self._loading is not None and watched is self.editor
                and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.text().strip()):
            self.status_bar.showMessage(self.tr(
                "Still opening “{name}”: the text can be edited once it has loaded.").format(
                    name=self._loading.name))
            return True
        return super().eventFilter(watched, event)

    def _read(self, path: Path, pool: RenderPool) -> None:
        try:
            post = _in_helper(pool, Post.load, path)
        except PostError as exc:
            _emit(self._relay.loaded, path, exc, None)
            return
        stats = _in_helper(pool, text_stats, post.body, post.format)
        _emit(self._relay.loaded, path, post, stats)

    def _on_loaded(self, path: Path, result: Post | PostError, stats: TextStats | None) -> None:
        if isinstance(result, PostError):
            self._end()
            self.status_bar.clearMessage()
            self.prompter.error(
                self.tr("Could Not Open File"),
                self.tr("“{name}” could not be opened.\n\n{problem}").format(
                    name=path.name, problem=result.message))
            self.finished.emit(False)
            return
        self._post, self._stats = result, stats
        editor = self.editor
        editor.set_loading(True)
        editor.set_body_format(result.format)  # now, while empty: no re-highlight later
        editor.clear()
        editor.highlighter.prepare_for_load(result.body.count("\n") + 1)
        editor.highlighter.hold_steps(True)  # lines past the first screens wait for the steps
        self._cursor = QTextCursor(editor.document())
        self._offset = 0
        self.progress.setRange(0, max(1, len(result.body)))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Opening… %p%"))
        self._slice_timer.start()

    def _fill_slice(self) -> None:
        post, cursor = self._post, self._cursor
        if post is None or cursor is None:
            self._slice_timer.stop()
            return
        body = post.body
        started = time.perf_counter()
        while self._offset < len(body):
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(body[self._offset:self._offset + SLICE_CHARS])
            self._offset += SLICE_CHARS
            if (time.perf_counter() - started) * 1000 >= SLICE_BUDGET_MS:
                break
        self.progress.setValue(min(self._offset, len(body)))
        if self._offset >= len(body):
            self._slice_timer.stop()
            self._complete()

    def _complete(self) -> None:
        post, path = self._post, self._loading
        editor = self.editor
        editor.document().clearUndoRedoStacks()
        editor.document().setModified(False)
        editor.moveCursor(QTextCursor.MoveOperation.Start)
        editor.set_loading(False)
        editor.highlighter.hold_steps(False)
        self._prefilled = post
        self._end()
        self.document.replace(post)
        self._prefilled = None
        if path is not None:
            self.remember_file(path)
            self.status_bar.showMessage(self.tr("Opened “{name}”").format(name=path.name), 4000)
        self.load_seconds = time.perf_counter() - self.load_started_at
        self.finished.emit(True)

    def _end(self) -> None:
        self._loading = None
        self._cursor = None
        self.editor.setReadOnly(False)
        self.progress.hide()

    def prefilled(self, post: Post) -> bool:
        """True while the document switches to ``post`` whose body the editor already holds."""
        return self._prefilled is post

    # Statistics -----------------------------------------------------------------------

    def stats_in_background(self, post: Post) -> bool:
        """Count a long body's statistics off the UI thread; False for short ones (count now).

        The status bar is updated when the count arrives; one count runs at a time and
        the newest text waiting is counted next.
        """
        if self._stats is not None and post is self._post:
            stats, self._stats = self._stats, None  # counted while the file was read
            self.show_stats(stats)
            return True
        if len(post.body) < BIG_BODY_CHARS:
            return False
        self._count_next = (post.body, post.format)
        if not self._counting:
            self._count()
        return True

    def _count(self) -> None:
        if self._count_next is None:
            return
        body, fmt = self._count_next
        self._count_next = None
        self._counting = True
        pool = self.pool

        def work() -> None:
            _emit(self._relay.counted, body, _in_helper(pool, text_stats, body, fmt))

        threading.Thread(target=work, name="count-words", daemon=True).start()

    def _on_counted(self, body: str, stats: TextStats) -> None:
        self._counting = False
        if body is self.document.post.body or self._count_next is None:
            self.show_stats(stats)
            self.countShown.emit(body, stats)
        self._count()
