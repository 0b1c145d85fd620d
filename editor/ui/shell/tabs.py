"""Several posts open in one window: a tab bar above the panes, one tab per post.

The panes (form, source editor, preview, docks) are one set. Each tab keeps what makes
its post its own while another is shown: the Post and the text it was saved as, its
QTextDocument (so each post has its own undo history), cursor and scroll position, and
its place in the recovery journal. Switching puts the shown tab's state aside and swaps
the chosen tab's in; the views then reload from the Document as after an open.

A background post's file is checked for changes on disk when its tab comes to the
front: nothing on disk is missed and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextDocumentLayout

from editor.document.post import Post
from editor.ui.lifecycle.autosave import JournalSlot
from editor.ui.shell import dialogs, window_bars
from editor.ui.shell.document import DocumentState

if TYPE_CHECKING:
    from editor.ui.shell.main_window import MainWindow
    from editor.ui.shell.settings import Session

#: Shown after a post's name in its tab while it has unsaved changes.
UNSAVED_MARK = " •"


@dataclass
class Tab:
    """One open post; ``state`` is None while it is the one shown (the Document has it)."""

    text: QTextDocument
    state: DocumentState | None = None
    slot: JournalSlot = field(default_factory=JournalSlot)
    cursor: tuple[int, int] = (0, 0)  # anchor, position
    scroll: tuple[int, int] = (0, 0)  # vertical, horizontal
    top_line: int = 1  # the first line shown, kept across restarts


def _same_file(one: Path | None, other: Path) -> bool:
    if one is None:
        return False
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return one == other


class PostTabs(QObject):
    """The window's open posts: the tab bar, switching, closing them all at once, and
    the list that comes back at the next start."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.bar = window_bars.post_tab_bar(window)
        first = window.editor.document()
        first.setParent(window.editor)  # its text control would delete it when swapped out
        self._tabs = [Tab(first)]
        self._current = 0
        self._switching = False
        self._reopen_queue: list[Path] = []
        self._then: Callable[[], object] | None = None
        self._missing: list[str] = []  # names of reopened posts that are gone
        self._places: dict[str, dict] = {}  # path -> where the writer was (see places())
        self._front = ""  # the post shown at the last close, brought forward once all are in
        self._reopening: Path | None = None  # a big post being reopened in the background
        self._order: list[Path] = []  # the posts being reopened, in their tab order
        window.loader.finished.connect(self._on_load_finished)
        self.bar.currentChanged.connect(self._on_bar_changed)
        self.bar.tabMoved.connect(self._on_tab_moved)
        self.bar.tabCloseRequested.connect(self._on_close_requested)
        # The preview's piece-by-piece updates follow the text shown (a tab's own).
        window.editor.documentSwapped.connect(
            lambda _old, new: window.preview.body_edits.attach(new))
        doc = window.document
        doc.modifiedChanged.connect(lambda _modified: self._label_current())
        doc.pathChanged.connect(lambda _path: self._label_current())
        doc.reloaded.connect(self._label_current)
        self._label_current()

    # Reading ----------------------------------------------------------------------------

    def count(self) -> int:
        """How many posts are open (one while the start page shows)."""
        return len(self._tabs)

    def current_index(self) -> int:
        """The index of the tab shown."""
        return self._current

    def switching(self) -> bool:
        """True while a tab's post is being swapped in (the editor already has its text)."""
        return self._switching

    def post_at(self, index: int) -> Post:
        """The post of tab ``index``."""
        state = self._tabs[index].state
        return self.window.document.post if state is None else state.post

    def is_modified(self, index: int) -> bool:
        """Whether tab ``index``'s post has unsaved changes."""
        state = self._tabs[index].state
        return self.window.document.is_modified() if state is None else state.is_modified()

    def name_at(self, index: int) -> str:
        """The post's file name, or "Untitled"."""
        path = self.post_at(index).path
        return path.name if path is not None else self.tr("Untitled")

    def find(self, path: str | Path) -> int | None:
        """The tab showing the file ``path`` (compared as resolved paths), if any."""
        path = Path(path)
        for index in range(self.count()):
            if _same_file(self.post_at(index).path, path):
                return index
        return None

    def open_paths(self) -> list[str]:
        """The files of the open posts, in tab order (untitled ones have none)."""
        return [str(post.path) for post in map(self.post_at, range(self.count()))
                if post.path is not None]

    def places(self) -> list[dict[str, object]]:
        """Where the writer was in each open post with a file: its cursor and first
        visible line, in tab order (kept in the session, restored by ``reopen``)."""
        editor = self.window.editor
        found: list[dict[str, object]] = []
        for index, tab in enumerate(self._tabs):
            path = self.post_at(index).path
            if path is None:
                continue
            if index == self._current:
                cursor = editor.textCursor()
                anchor, position = cursor.anchor(), cursor.position()
                line = editor.top_visible_line()
            else:
                (anchor, position), line = tab.cursor, tab.top_line
            found.append({"path": str(path), "anchor": anchor, "position": position,
                          "line": line})
        return found

    def remember(self, session: Session) -> None:
        """Keep the open posts, where the writer was in each and which one was shown."""
        session.open_posts = self.open_paths()
        session.post_places = self.places()
        current = self.window.document.path
        session.current_post = str(current) if current is not None else ""

    # Switching --------------------------------------------------------------------------

    def show_tab(self, index: int) -> bool:
        """Bring tab ``index`` to the front; False while a big file is still loading."""
        if index == self._current:
            return True
        if not 0 <= index < self.count() or not self._can_switch():
            self._select_in_bar(self._current)
            return False
        window = self.window
        editor = window.editor
        self._put_aside(self._tabs[self._current])
        tab = self._tabs[index]
        self._current = index
        window.autosave.put_slot(tab.slot)
        state, tab.state = tab.state, None
        self._switching = True
        try:
            editor.swap_document(tab.text)
            window.document.restore(state)
        finally:
            self._switching = False
        cursor = editor.textCursor()
        end = tab.text.characterCount() - 1
        cursor.setPosition(min(tab.cursor[0], end))
        cursor.setPosition(min(tab.cursor[1], end), cursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.verticalScrollBar().setValue(tab.scroll[0])
        editor.horizontalScrollBar().setValue(tab.scroll[1])
        self._select_in_bar(index)
        window.file_watch.check_now()  # changed on disk while it was in the background?
        return True

    def next_tab(self) -> None:
        """View > Next Post (Ctrl+Tab, Ctrl+PgDown): the tab to the right, round to the first."""
        self.show_tab((self._current + 1) % self.count())

    def previous_tab(self) -> None:
        """View > Previous Post (Ctrl+Shift+Tab, Ctrl+PgUp)."""
        self.show_tab((self._current - 1) % self.count())

    def add_tab(self) -> bool:
        """A new tab with an empty untitled post, shown; False while a big file loads."""
        if not self._can_switch():
            return False
        text = QTextDocument(self.window.editor)
        text.setDocumentLayout(QPlainTextDocumentLayout(text))
        self._tabs.append(Tab(text, DocumentState.fresh(Post.new({"title": ""}, "", "markdown"))))
        self.bar.blockSignals(True)
        self.bar.addTab(self.tr("Untitled"))
        self.bar.blockSignals(False)
        return self.show_tab(self.count() - 1)

    def make_room(self) -> bool:
        """Before a post is opened or started: a new tab unless the shown one is an
        untouched untitled post (or the start page) to reuse. False when none can be made."""
        document = self.window.document
        if self.window.central.is_showing_start_page() or (
                document.path is None and not document.is_modified()):
            return True
        return self.add_tab()

    def close_current(self) -> bool:
        """Drop the shown tab (its changes were saved or discarded) and show a neighbour;
        False when it is the last one (the window shows the start page instead)."""
        if self.count() < 2 or not self._can_switch():
            return False
        self.window.autosave.discard()
        closing = self._current
        self.show_tab(closing + 1 if closing + 1 < self.count() else closing - 1)
        tab = self._tabs.pop(closing)
        if self._current > closing:
            self._current -= 1
        self.bar.blockSignals(True)
        self.bar.removeTab(closing)
        self.bar.blockSignals(False)
        self._select_in_bar(self._current)
        tab.text.deleteLater()
        return True

    # Closing the window -----------------------------------------------------------------

    def confirm_close_all(self) -> bool:
        """Closing the window: ask once about every post with unsaved changes; True to go on.

        One such post gets the usual Save / Discard / Cancel; several get one question
        listing them (Save All / Discard All / Cancel). Save saves each in turn and
        stops (keeping the window open) if one is not saved.
        """
        window = self.window
        window.form.flush_pending()
        unsaved = [i for i in range(self.count()) if self.is_modified(i)]
        if len(unsaved) < 2:
            if unsaved:
                self.show_tab(unsaved[0])
            return window.files.maybe_save()
        answer = window.prompter.ask_save_all([self.name_at(i) for i in unsaved])
        if answer == dialogs.DISCARD:
            return True
        if answer != dialogs.SAVE:
            return False
        for index in unsaved:
            if not self.show_tab(index) or not window.files.save_document():
                return False
        return True

    def forget_journal(self) -> None:
        """The window closes with every post saved or discarded: no journal entry stays."""
        for tab in self._tabs:
            if tab.state is not None:
                self.window.autosave.discard_slot(tab.slot)
        self.window.autosave.discard()

    # Reopening at start -----------------------------------------------------------------

    def reopen(self, paths: list[str], then: Callable[[], object] | None = None) -> None:
        """Open ``paths`` (the posts open at the last close), each in its tab at the place
        the writer left it, the one then shown in front; files that are gone are skipped
        with a message. ``then`` runs when all are in."""
        missing = [name for name in paths if not Path(name).is_file()]
        self._missing = [Path(name).name for name in missing]
        self._reopen_queue = [Path(name) for name in paths if name not in missing]
        session = self.window.settings.session
        self._places = {str(place["path"]): place for place in session.post_places
                        if isinstance(place, dict) and isinstance(place.get("path"), str)}
        self._front = session.current_post if self._reopen_queue else ""
        self._order = list(self._reopen_queue)
        self._then = then
        self._reopen_next()

    def _on_load_finished(self, opened: bool) -> None:
        document = self.window.document
        if not opened and document.path is None and not document.is_modified():
            self.close_current()  # the big file's tab stayed empty (when it is not the last)
        elif opened and self._reopening is not None:
            self._restore_place(self._reopening)
        self._reopening = None
        self._reopen_next()  # a big file is in: open the next one

    def _reopen_next(self) -> None:
        loader = self.window.loader
        while self._reopen_queue:
            if loader.is_loading():
                return  # a big file: the loader's finished signal calls again
            path = self._reopen_queue.pop(0)
            if self.window.files.open_path(path):
                if loader.is_loading():
                    self._reopening = path
                else:
                    self._restore_place(path)
        if loader.is_loading():
            return
        self._keep_order()
        front, self._front = self._front, ""
        if front and (index := self.find(front)) is not None:
            self.show_tab(index)
        if self._missing:  # said once every post is in (opening one clears the status)
            self.window.statusBar().showMessage(
                self.tr("Not reopened (no longer there): {names}").format(
                    names=", ".join(self._missing)), 15000)
            self._missing = []
        then, self._then = self._then, None
        if then is not None:
            QTimer.singleShot(0, then)

    def _keep_order(self) -> None:
        """The reopened posts first, in their order of the last close (the one painted
        at start-up opened before the others)."""
        order, self._order = self._order, []
        target = 0
        for path in order:
            index = self.find(path)
            if index is None:
                continue  # could not be opened
            if index != target:
                self.bar.moveTab(index, target)  # tabMoved keeps _tabs in step
            target += 1

    def _restore_place(self, path: Path) -> None:
        """Put the cursor and the first visible line where they were at the last close
        (the preview follows the source once its page is in)."""
        place = self._places.pop(str(path), None)
        if place is None or not _same_file(self.window.document.path, path):
            return
        editor = self.window.editor
        end = editor.document().characterCount() - 1
        anchor, position, line = (place.get(key) for key in ("anchor", "position", "line"))
        if isinstance(anchor, int) and isinstance(position, int):
            cursor = editor.textCursor()
            cursor.setPosition(max(0, min(anchor, end)))
            cursor.setPosition(max(0, min(position, end)), cursor.MoveMode.KeepAnchor)
            editor.setTextCursor(cursor)
        if isinstance(line, int) and line > 1:
            editor.scroll_to_line(line)

    # Internals --------------------------------------------------------------------------

    def _can_switch(self) -> bool:
        loading = self.window.loader.is_loading_path()
        if loading is None:
            return True
        self.window.statusBar().showMessage(
            self.tr("Still opening {name}…").format(name=loading.name), 4000)
        return False

    def _put_aside(self, tab: Tab) -> None:
        window = self.window
        editor = window.editor
        window.form.flush_pending()
        tab.slot = window.autosave.take_slot()  # its pending edits reach the journal first
        tab.state = window.document.state()
        cursor = editor.textCursor()
        tab.cursor = (cursor.anchor(), cursor.position())
        tab.scroll = (editor.verticalScrollBar().value(), editor.horizontalScrollBar().value())
        tab.top_line = editor.top_visible_line()

    def _label_current(self) -> None:
        index = self._current
        if index >= self.bar.count():
            return
        path = self.window.document.path
        label = self.name_at(index) + (UNSAVED_MARK if self.is_modified(index) else "")
        self.bar.setTabText(index, label)
        self.bar.setTabToolTip(index, str(path) if path is not None else "")

    def _select_in_bar(self, index: int) -> None:
        self.bar.blockSignals(True)
        self.bar.setCurrentIndex(index)
        self.bar.blockSignals(False)
        self._label_current()

    def _on_bar_changed(self, index: int) -> None:
        if index >= 0:
            self.show_tab(index)

    def _on_tab_moved(self, source: int, to: int) -> None:
        self._tabs.insert(to, self._tabs.pop(source))
        self._current = self.bar.currentIndex()

    def _on_close_requested(self, index: int) -> None:
        if self.show_tab(index):
            self.window.files.close_document()
