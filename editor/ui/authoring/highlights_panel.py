"""The "Highlights in this post" panel: every highlighted phrase, its preset, and warnings.

The list follows the source editor as the writer types (after a short pause, so a
long post is not rescanned on every key) and never takes keyboard focus by itself.
Clicking an entry selects the phrase in the source and scrolls the preview to its
line. Highlights that match no preset (a typo in a colour), empty ones and nested
ones are flagged with the core's explanation.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.authoring.highlights import Highlight, Preset, find_highlights
from editor.authoring.search import Utf16Index
from editor.messages import Message
from editor.ui.authoring.preset_dialog import preset_icon, preset_name, swatch_icon
from editor.ui.shell.plurals import plural
from editor.ui.shell.translated import translated
from editor.ui.source.editor import SourceEditor

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

#: Wait for this pause in typing before rescanning; long posts wait a little longer.
REFRESH_DELAY_MS = 300
#: Characters of a phrase shown in the list (the tooltip has the whole phrase).
PHRASE_CHARS = 80
#: Longer bodies are scanned in a worker thread (a 4 MB body takes about a second).
BACKGROUND_SCAN_CHARS = 200_000
#: How often a background scan asks again whether the preview has finished rendering.
PREVIEW_FIRST_MS = 150
#: At most this many phrases are listed; the counts always cover every highlight.
MAX_ENTRIES = 1000

ALL = "all"
UNMATCHED = "unmatched"
PROBLEMS = "problems"
_INDEX_ROLE = Qt.ItemDataRole.UserRole

def problem_text(problem: Message) -> str:
    """A warning of ``find_highlights`` in the interface language."""
    return translated(problem)


def _listed_alike(a: Highlight, b: Highlight) -> bool:
    """Whether ``a`` and ``b`` are listed the same (phrase, line, preset, warnings)."""
    return (a.text, a.line, a.preset_id, a.kind, a.color, a.problems) == (
        b.text, b.line, b.preset_id, b.kind, b.color, b.problems)


class _ScanRelay(QObject):
    """Carries a worker's scan back to the UI thread (queued signal)."""

    done = Signal(int, object)


class _ScanJob(QRunnable):
    def __init__(self, generation: int, text: str, presets: list[Preset],
                 relay: _ScanRelay, pool: Any = None) -> None:
        super().__init__()
        self._pool = pool  # the preview's helper processes, if there is a preview
        self._generation, self._text, self._presets = generation, text, presets
        self._relay = relay

    def run(self) -> None:
        # In a helper process: a long scan in this thread would hold Python's lock
        # and stall the keystrokes typed meanwhile.
        try:
            found = (self._pool.run(find_highlights, self._text, self._presets)
                     if self._pool is not None else find_highlights(self._text, self._presets))
        except Exception:  # noqa: BLE001 - the panel keeps its list; the window stays up
            log.exception("finding highlights failed")
            found = None
        try:
            self._relay.done.emit(self._generation, (self._text, found))
        except RuntimeError:  # the window was closed meanwhile
            pass


class HighlightsPanel(QWidget):
    """Lists the highlights of the editor's text, grouped or filtered by preset."""

    #: An entry was chosen: (body offset of the phrase start, 1-based body line).
    entryChosen = Signal(int, int)  # noqa: N815 - Qt signal naming

    def __init__(self, editor: SourceEditor, presets: list[Preset], preview: Any = None,
                 parent: QWidget | None = None, delay_ms: int = REFRESH_DELAY_MS) -> None:
        super().__init__(parent)
        self.setObjectName("highlightsPanel")
        self.editor = editor
        # Anything with scroll_to_source_line(line) and is_busy(), or None.
        self.preview = preview
        self._presets = list(presets)
        self._found: list[Highlight] = []
        self._text = ""
        self._delay_ms = delay_ms
        self._collapsed: set[str] = set()
        self._swatches: dict[tuple[str, str | None], QIcon] = {}
        self._relist = True  # the next scan rebuilds the list even if it finds the same
        self._generation = 0  # bumped for every scan started; late results are dropped
        self._scanning = False
        self._stale = False  # the text changed while the panel was hidden
        self._relay = _ScanRelay(self)
        self._relay.done.connect(self._on_scanned)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.filter_box = QComboBox(self)
        self.filter_box.setObjectName("highlightsFilter")
        self.filter_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.filter_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.filter_box.setMinimumContentsLength(12)
        self.group_box = QCheckBox(self.tr("&Group"), self)
        self.group_box.setToolTip(self.tr("Group the phrases by preset"))
        self.group_box.setChecked(True)
        self.group_box.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.group_box)
        layout.addLayout(top)

        self.summary = QLabel(self)
        self.summary.setObjectName("highlightsSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("highlightsTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Phrase"), self.tr("Line")])
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab from the editor skips it
        self.tree.setIconSize(QSize(16, 16))
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(
            1, self.tree.header().ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 1)

        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._rescan)
        self.editor.bodyChanged.connect(self._on_contents_change)
        self.editor.documentSwapped.connect(self._on_document_swapped)
        # Bound methods, not lambdas: a lambda holding ``self`` would keep the panel (and
        # the preview it refers to) alive until the interpreter exits.
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.itemCollapsed.connect(self._remember_collapsed)
        self.tree.itemExpanded.connect(self._remember_collapsed)
        self.filter_box.currentIndexChanged.connect(self._fill_tree)
        self.group_box.toggled.connect(self._fill_tree)
        self.refresh()

    # ------------------------------------------------------------------ state

    @property
    def presets(self) -> list[Preset]:
        """The presets highlights are matched against."""
        return list(self._presets)

    def set_presets(self, presets: list[Preset]) -> None:
        """Match against a new preset list (after the preset dialog) and rescan."""
        self._presets = list(presets)
        self._relist = True  # names and colours in the list may have changed
        self._rescan()

    def highlights(self) -> list[Highlight]:
        """The highlights found in the last scan, in document order."""
        return list(self._found)

    def counts(self) -> dict[str | None, int]:
        """Number of highlights per preset id (None: matching no preset)."""
        counts: dict[str | None, int] = {}
        for h in self._found:
            counts[h.preset_id] = counts.get(h.preset_id, 0) + 1
        return counts

    def warnings(self) -> list[Highlight]:
        """Highlights with problems (unknown colour, empty, nested)."""
        return [h for h in self._found if h.problems]

    def is_pending(self) -> bool:
        """True while a rescan waits for a pause in typing or runs in the background."""
        return self._timer.isActive() or self._scanning

    # ------------------------------------------------------------------ scanning

    def _on_contents_change(self, _position: int, removed: int, added: int) -> None:
        if not (removed or added):
            return  # highlighter formatting, not a text change
        self._timer.start(self._delay_ms + len(self._text) // 20000)

    def refresh(self) -> None:
        """Rescan the editor's text now (in this thread) and rebuild the list."""
        self._timer.stop()
        self._generation += 1
        self._scanning = False
        text = self.editor.body_text()
        self._show_scan(text, find_highlights(text, self._presets))

    def request_refresh(self) -> None:
        """Rescan soon: at once for a short body, in the background for a long one."""
        self._timer.stop()
        self._rescan()

    def _on_document_swapped(self, _old: QObject, _new: QObject) -> None:
        self._timer.start(self._delay_ms)  # another post's text (a tab)

    def _rescan(self) -> None:
        if not self.isVisible():
            self._stale = True  # a hidden panel does no work; showEvent catches up
            return
        text = self.editor.body_text()
        if len(text) < BACKGROUND_SCAN_CHARS:
            self.refresh()
            return
        if getattr(self.preview, "is_busy", bool)():
            # A long scan and the preview's render would share the processors: the
            # preview, which the writer is watching, goes first.
            self._timer.start(PREVIEW_FIRST_MS)
            return
        self._generation += 1
        self._scanning = True
        QThreadPool.globalInstance().start(
            _ScanJob(self._generation, text, list(self._presets), self._relay,
                     getattr(self.preview, "pool", None)))

    def _on_scanned(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # a newer scan (or a direct refresh) superseded this one
        self._scanning = False
        text, found = result  # type: ignore[misc]
        if found is not None:
            self._show_scan(text, found)

    def _show_scan(self, text: str, found: list[Highlight]) -> None:
        self._stale = False
        self._text = text
        unchanged = len(found) == len(self._found) and all(
            _listed_alike(new, old) for new, old in zip(found, self._found, strict=True))
        self._found = found
        if unchanged and not self._relist:
            # Typing outside every highlight moves their offsets only: the entries point
            # into the new list by index, so the list stays as it is (a long post lists
            # a thousand entries, a tenth of a second to build again).
            return
        self._relist = False
        self._fill_filter()
        self._fill_tree()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Catch up with edits made while the panel was hidden."""
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self._rescan)

    # ------------------------------------------------------------------ the list

    def filter_key(self) -> str:
        """The current filter: ALL, a preset id, UNMATCHED or PROBLEMS."""
        return self.filter_box.currentData() or ALL

    def set_filter(self, key: str) -> None:
        """Show only the entries of ``key`` (ALL, a preset id, UNMATCHED or PROBLEMS)."""
        index = self.filter_box.findData(key)
        self.filter_box.setCurrentIndex(max(0, index))

    def set_grouped(self, grouped: bool) -> None:
        """Group the entries under their preset (True) or list them in order (False)."""
        self.group_box.setChecked(grouped)

    def _fill_filter(self) -> None:
        current = self.filter_key()
        counts = self.counts()
        box = self.filter_box
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("All highlights ({count})").format(count=len(self._found)), ALL)
        for preset in self._presets:
            box.addItem(preset_icon(preset), f"{preset_name(preset)} ({counts.get(preset.id, 0)})",
                        preset.id)
        if counts.get(None):
            box.addItem(self._warning_icon(), self.tr("No preset ({count})").format(
                count=counts[None]), UNMATCHED)
        problems = len(self.warnings())
        if problems:
            box.addItem(self._warning_icon(), self.tr("With warnings ({count})").format(
                count=problems), PROBLEMS)
        box.setCurrentIndex(max(0, box.findData(current)))
        box.blockSignals(False)
        words = plural(len(self._found), self.tr("{count} highlight"),
                       self.tr("{count} highlights"))
        if problems:
            words += " · " + plural(problems, self.tr("{count} warning"),
                                    self.tr("{count} warnings"))
        self.summary.setText(words)

    def _matches_filter(self, h: Highlight) -> bool:
        key = self.filter_key()
        if key == ALL:
            return True
        if key == UNMATCHED:
            return h.preset_id is None
        if key == PROBLEMS:
            return bool(h.problems)
        return h.preset_id == key

    def _swatch(self, kind: str, color: str | None) -> QIcon:
        """The icon of a preset or colour, painted once (a long post lists hundreds)."""
        key = (kind, color)
        if key not in self._swatches:
            self._swatches[key] = swatch_icon(kind, color)
        return self._swatches[key]

    def _warning_icon(self) -> QIcon:
        return self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)

    def _group_label(self, preset_id: str | None, count: int) -> str:
        preset = next((p for p in self._presets if p.id == preset_id), None)
        name = preset_name(preset) if preset else self.tr("No preset")
        return f"{name} ({count})"

    def _fill_tree(self, *_args: object) -> None:
        vertical = self.tree.verticalScrollBar().value()
        current = self.tree.currentItem()
        current_index = current.data(0, _INDEX_ROLE) if current is not None else None
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        matching = [(i, h) for i, h in enumerate(self._found) if self._matches_filter(h)]
        shown = matching[:MAX_ENTRIES]
        grouped = self.group_box.isChecked()
        groups: dict[str | None, QTreeWidgetItem] = {}
        restore: QTreeWidgetItem | None = None
        if grouped:
            order = [p.id for p in self._presets] + [None]
            counts: dict[str | None, int] = {}
            for _i, h in matching:
                counts[h.preset_id] = counts.get(h.preset_id, 0) + 1
            for preset_id in order:
                if not counts.get(preset_id):
                    continue
                label = self._group_label(preset_id, counts[preset_id])
                group = QTreeWidgetItem(self.tree, [label])
                group.setData(0, _INDEX_ROLE, None)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                preset = next((p for p in self._presets if p.id == preset_id), None)
                group.setIcon(0, self._swatch(preset.kind, preset.color) if preset
                              else self._warning_icon())
                group.setFirstColumnSpanned(True)
                groups[preset_id] = group
        for index, h in shown:
            parent = groups.get(h.preset_id) if grouped else None
            item = QTreeWidgetItem(parent if parent is not None else self.tree)
            self._describe(item, index, h)
            if index == current_index:
                restore = item
        if len(matching) > len(shown):
            more = QTreeWidgetItem(self.tree, [self.tr(
                "… {count} more: choose a preset above to narrow the list").format(
                    count=len(matching) - len(shown))])
            more.setData(0, _INDEX_ROLE, None)
            more.setFlags(Qt.ItemFlag.ItemIsEnabled)
            more.setFirstColumnSpanned(True)
        for preset_id, group in groups.items():
            group.setExpanded(str(preset_id) not in self._collapsed)
        if restore is not None:
            self.tree.setCurrentItem(restore)
        self.tree.setUpdatesEnabled(True)
        self.tree.verticalScrollBar().setValue(vertical)

    def _describe(self, item: QTreeWidgetItem, index: int, h: Highlight) -> None:
        phrase = " ".join(h.text.split())
        shown = phrase if len(phrase) <= PHRASE_CHARS else phrase[:PHRASE_CHARS - 1] + "…"
        item.setText(0, shown or self.tr("(empty)"))
        item.setText(1, str(h.line))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setData(0, _INDEX_ROLE, index)
        tip = [phrase] if phrase else []
        if h.problems:
            item.setIcon(0, self._warning_icon())
            tip += [problem_text(p) for p in h.problems]
        elif h.preset_id is not None:
            preset = next((p for p in self._presets if p.id == h.preset_id), None)
            if preset is not None:
                item.setIcon(0, self._swatch(preset.kind, preset.color))
        elif h.color:
            item.setIcon(0, self._swatch(h.kind, h.color))
        item.setToolTip(0, "\n".join(tip))

    def _remember_collapsed(self, item: QTreeWidgetItem) -> None:
        if item.data(0, _INDEX_ROLE) is not None:
            return
        for preset_id, group in self._group_items().items():
            if group is item:
                if item.isExpanded():
                    self._collapsed.discard(str(preset_id))
                else:
                    self._collapsed.add(str(preset_id))

    def _group_items(self) -> dict[str | None, QTreeWidgetItem]:
        found = {}
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.data(0, _INDEX_ROLE) is None and item.childCount():
                first = item.child(0).data(0, _INDEX_ROLE)
                found[self._found[first].preset_id] = item
        return found

    def entry_items(self) -> list[QTreeWidgetItem]:
        """The tree items of the phrases shown, in document order."""
        items = []
        for row in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(row)
            if top.data(0, _INDEX_ROLE) is not None:
                items.append(top)
            items += [top.child(c) for c in range(top.childCount())]
        return sorted(items, key=lambda item: item.data(0, _INDEX_ROLE))

    # ------------------------------------------------------------------ choosing

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self._choose(item, focus_editor=False)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self._choose(item, focus_editor=True)

    def _choose(self, item: QTreeWidgetItem, *, focus_editor: bool) -> None:
        index = item.data(0, _INDEX_ROLE)
        if index is None:
            return
        self.select_highlight(index, focus_editor=focus_editor)

    def select_highlight(self, index: int, *, focus_editor: bool = False) -> None:
        """Select highlight ``index``'s phrase in the source and scroll the preview there."""
        if self.is_pending() or self.editor.body_text() != self._text:
            # The list may be up to one pause behind the text: rescan and find the
            # same highlight again (by its position among the highlights).
            self.refresh()
        if not 0 <= index < len(self._found):
            return
        h = self._found[index]
        utf16 = Utf16Index(self._text)
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(utf16.to_utf16(h.inner_start))
        cursor.setPosition(utf16.to_utf16(h.inner_end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        if self.preview is not None:
            self.preview.scroll_to_source_line(h.line)
        if focus_editor:
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.entryChosen.emit(h.inner_start, h.line)


def make_dock(window: QMainWindow, panel: HighlightsPanel) -> QDockWidget:
    """A dock for ``panel`` on the window's right edge; its toggle action names it."""
    dock = QDockWidget(translate("HighlightsPanel", "Highlights in This Post"), window)
    dock.setObjectName("highlightsDock")
    dock.setWidget(panel)
    dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                         | Qt.DockWidgetArea.RightDockWidgetArea
                         | Qt.DockWidgetArea.BottomDockWidgetArea)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    return dock
