"""The "Outline" panel: the body's headings nested by level, and moving whole sections.

The list follows the source editor after a short pause in typing (like the highlights
panel) and marks the section the cursor is in as the cursor moves. Clicking a heading
puts the cursor on it and scrolls the preview to its line. Move Section Up/Down swap
the current section (its heading and everything up to the next heading of its level,
subsections included) with its neighbour under the same parent, as ONE undo step, and
leave the cursor where it was inside the moved text.

``install_outline`` creates the panel, its dock and its three actions (View > Outline
and the two moves in the Edit menu) for a main window; the panel owns its actions.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QStyle,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.authoring.outline import (
    Heading,
    OutlineNode,
    SectionMove,
    find_headings,
    move_section,
    outline_tree,
    section_start,
    sibling,
)
from editor.authoring.search import Utf16Index
from editor.ui.shell import actions as action_table
from editor.ui.shell.actions import ActionSpec
from editor.ui.source.editor import SourceEditor

translate = QCoreApplication.translate

#: Wait for this pause in typing before rescanning (a 1 MB body takes tens of ms).
REFRESH_DELAY_MS = 300
#: Characters of a heading shown in the list (the tooltip has all of it).
TITLE_CHARS = 80
_INDEX_ROLE = Qt.ItemDataRole.UserRole

#: The panel's actions: rows like the window's action table, created by
#: ``install_outline`` and handled by ``OutlineCommands``.
OUTLINE_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("show_outline", QT_TRANSLATE_NOOP("Actions", "Out&line"), "view",
               "set_outline_visible", "Ctrl+6", checkable=True,
               tip=QT_TRANSLATE_NOOP("Actions", "List the post's headings; move whole "
                                     "sections")),
    ActionSpec("move_section_up", QT_TRANSLATE_NOOP("Actions", "&Move Section Up"), "edit",
               "move_section_up", "Ctrl+Shift+Up", separator_before=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Swap the section at the cursor with the "
                                     "one above it")),
    ActionSpec("move_section_down", QT_TRANSLATE_NOOP("Actions", "Move Section &Down"),
               "edit", "move_section_down", "Ctrl+Shift+Down",
               tip=QT_TRANSLATE_NOOP("Actions", "Swap the section at the cursor with the "
                                     "one below it")),
)


class OutlinePanel(QWidget):
    """Lists the headings of the editor's body as a tree and moves sections."""

    #: A heading was chosen: (body offset of the heading, 1-based body line).
    headingChosen = Signal(int, int)  # noqa: N815 - Qt signal naming
    #: The section at the cursor changed (its heading index, -1 before the first).
    currentChanged = Signal(int)  # noqa: N815 - Qt signal naming

    def __init__(self, editor: SourceEditor, preview: Any = None,
                 parent: QWidget | None = None, delay_ms: int = REFRESH_DELAY_MS) -> None:
        super().__init__(parent)
        self.setObjectName("outlinePanel")
        self.editor = editor
        # Anything with scroll_to_source_line(line), or None.
        self.preview = preview
        self._delay_ms = delay_ms
        self._text = ""
        self._format = ""
        self._headings: list[Heading] = []
        self._starts_utf16: list[int] = []  # section starts, in Qt's units
        self._items: list[QTreeWidgetItem] = []
        self._current = -1
        self._stale = False  # the text changed while the panel was hidden
        # Headings the writer folded, by (level, title): kept folded across rescans.
        self._collapsed: set[tuple[int, str]] = set()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("outlineSummary")
        top.addWidget(self.summary, 1)
        self.up_button = self._button("outlineUp", QStyle.StandardPixmap.SP_ArrowUp,
                                      self.tr("Move the current section up"))
        self.down_button = self._button("outlineDown", QStyle.StandardPixmap.SP_ArrowDown,
                                        self.tr("Move the current section down"))
        top.addWidget(self.up_button)
        top.addWidget(self.down_button)
        layout.addLayout(top)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("outlineTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Heading"), self.tr("Line")])
        self.tree.setUniformRowHeights(True)
        self.tree.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Tab from the editor skips it
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree, 1)

        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._rescan)
        # Bound methods, not lambdas, so the panel is not kept alive by its connections.
        self.editor.bodyChanged.connect(self._on_contents_change)
        self.editor.documentSwapped.connect(self._on_document_swapped)
        self.editor.cursorPositionChanged.connect(self._follow_cursor)
        self.tree.itemClicked.connect(self._on_item_clicked)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.itemCollapsed.connect(self._remember_folding)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_context_menu)
        self.tree.itemExpanded.connect(self._remember_folding)
        self.up_button.clicked.connect(self.move_up)
        self.down_button.clicked.connect(self.move_down)
        self.refresh()

    def _button(self, name: str, icon: QStyle.StandardPixmap, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setIcon(self.style().standardIcon(icon))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the editor
        return button

    # ------------------------------------------------------------------ state

    def headings(self) -> list[Heading]:
        """The headings found in the last scan, in document order."""
        return list(self._headings)

    def current_index(self) -> int:
        """Index of the heading whose section holds the cursor (-1: before the first)."""
        return self._current

    def is_pending(self) -> bool:
        """True while a rescan waits for a pause in typing."""
        return self._timer.isActive()

    def items(self) -> list[QTreeWidgetItem]:
        """The tree items, one per heading, in document order."""
        return list(self._items)

    # ------------------------------------------------------------------ scanning

    def _on_contents_change(self, _position: int, removed: int, added: int) -> None:
        if not (removed or added):
            return  # highlighter formatting, not a text change
        self._timer.start(self._delay_ms + len(self._text) // 50000)

    def _on_document_swapped(self, _old: QObject, _new: QObject) -> None:
        self._timer.start(self._delay_ms)  # another post's text (a tab)

    def _rescan(self) -> None:
        if not self.isVisible():
            self._stale = True  # a hidden panel does no work; showEvent catches up
            return
        self.refresh()

    def request_refresh(self) -> None:
        """Rescan now if shown (after a load or a format change), else when shown."""
        self._timer.stop()
        self._rescan()

    def refresh(self) -> None:
        """Rescan the editor's text now and rebuild the list if the headings changed."""
        self._timer.stop()
        self._stale = False
        text = self.editor.body_text()
        body_format = self.editor.body_format()
        headings = find_headings(text, body_format)
        same = body_format == self._format and _listed_alike(headings, self._headings)
        self._text, self._format, self._headings = text, body_format, headings
        utf16 = Utf16Index(text)
        self._starts_utf16 = [utf16.to_utf16(section_start(text, h)) for h in headings]
        if same:
            # Typing inside a section moves offsets and lines only: update the lines.
            for item, heading in zip(self._items, headings, strict=True):
                if item.text(1) != str(heading.line):
                    item.setText(1, str(heading.line))
        else:
            self._fill_tree()
        self._follow_cursor(force=True)

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """Catch up with edits made while the panel was hidden."""
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self._rescan)

    # ------------------------------------------------------------------ the list

    def _fill_tree(self) -> None:
        vertical = self.tree.verticalScrollBar().value()
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        self._items = [QTreeWidgetItem() for _ in self._headings]
        self._current = -1

        def add(nodes: list[OutlineNode], parent: QTreeWidgetItem | None) -> None:
            for node in nodes:
                item = self._items[node.index]
                self._describe(item, node.index, node.heading)
                if parent is None:
                    self.tree.addTopLevelItem(item)
                else:
                    parent.addChild(item)
                add(node.children, item)

        add(outline_tree(self._headings), None)
        self.tree.blockSignals(True)  # folding done here is not the writer's
        self.tree.expandAll()
        for item, heading in zip(self._items, self._headings, strict=True):
            if (heading.level, heading.text) in self._collapsed:
                item.setExpanded(False)
        self.tree.blockSignals(False)
        self.tree.setUpdatesEnabled(True)
        self.tree.verticalScrollBar().setValue(vertical)
        count = len(self._headings)
        self.summary.setText(self.tr("{count} headings").format(count=count) if count
                             else self.tr("No headings"))

    def _remember_folding(self, item: QTreeWidgetItem) -> None:
        index = item.data(0, _INDEX_ROLE)
        if index is None or not 0 <= index < len(self._headings):
            return
        key = (self._headings[index].level, self._headings[index].text)
        if item.isExpanded():
            self._collapsed.discard(key)
        else:
            self._collapsed.add(key)

    def _describe(self, item: QTreeWidgetItem, index: int, heading: Heading) -> None:
        title = heading.text
        shown = title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS - 1] + "…"
        item.setText(0, shown or self.tr("(empty heading)"))
        item.setText(1, str(heading.line))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setData(0, _INDEX_ROLE, index)
        item.setToolTip(0, self.tr("Level {level}: {title}").format(
            level=heading.level, title=title))

    def _follow_cursor(self, force: bool = False) -> None:
        """Mark the section holding the cursor (cheap: a search in the section starts)."""
        position = self.editor.textCursor().position()
        current = bisect_right(self._starts_utf16, position) - 1
        if current == self._current and not force:
            return
        if 0 <= self._current < len(self._items):
            self._mark(self._items[self._current], False)
        self._current = current
        if current >= 0:
            item = self._items[current]
            self._mark(item, True)
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
        else:
            self.tree.setCurrentItem(None)
            self.tree.clearSelection()
        self._update_buttons()
        self.currentChanged.emit(current)

    @staticmethod
    def _mark(item: QTreeWidgetItem, current: bool) -> None:
        font = QFont(item.font(0))
        font.setBold(current)
        item.setFont(0, font)

    def _update_buttons(self) -> None:
        index = self._current
        self.up_button.setEnabled(index >= 0 and sibling(self._headings, index, -1) is not None)
        self.down_button.setEnabled(
            index >= 0 and sibling(self._headings, index, 1) is not None)

    # ------------------------------------------------------------------ choosing

    def _on_item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self.go_to_heading(item.data(0, _INDEX_ROLE), focus_editor=False)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.go_to_heading(item.data(0, _INDEX_ROLE), focus_editor=True)

    def _up_to_date(self) -> None:
        if self.is_pending() or self.editor.body_text() != self._text:
            self.refresh()  # the list may be one pause behind the text

    def go_to_heading(self, index: int, *, focus_editor: bool = False) -> None:
        """Put the cursor on heading ``index`` and scroll the preview to its line."""
        if index is None:
            return
        self._up_to_date()
        if not 0 <= index < len(self._headings):
            return
        heading = self._headings[index]
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(Utf16Index(self._text).to_utf16(heading.start))
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        if self.preview is not None:
            self.preview.scroll_to_source_line(heading.line)
        if focus_editor:
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.headingChosen.emit(heading.start, heading.line)

    def context_menu(self, item: QTreeWidgetItem) -> QMenu:
        """The right-click menu of ``item``: its section moved up or down."""
        self.go_to_heading(item.data(0, _INDEX_ROLE))
        menu = QMenu(self)
        for row, move, button in ((OUTLINE_ACTIONS[1], self.move_up, self.up_button),
                                  (OUTLINE_ACTIONS[2], self.move_down, self.down_button)):
            action = menu.addAction(translate("Actions", row.text), move)
            action.setEnabled(button.isEnabled())
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        item = self.tree.itemAt(position)
        if item is not None:
            self.context_menu(item).exec(self.tree.viewport().mapToGlobal(position))

    # ------------------------------------------------------------------ moving

    def move_up(self) -> bool:
        """Move the section at the cursor above its previous sibling (False: cannot)."""
        return self.move_current(-1)

    def move_down(self) -> bool:
        """Move the section at the cursor below its next sibling (False: cannot)."""
        return self.move_current(1)

    def move_current(self, direction: int) -> bool:
        """Swap the section at the cursor with its sibling that way, as one undo step."""
        self._up_to_date()
        if self.editor.isReadOnly() or self._current < 0:
            return False
        moved = move_section(self._text, self._headings, self._current, direction)
        if moved is None:
            return False
        self._apply(moved)
        return True

    def _apply(self, moved: SectionMove) -> None:
        old = Utf16Index(self._text)
        position = old.from_utf16(self.editor.textCursor().position())
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        cursor.setPosition(old.to_utf16(moved.start))
        cursor.setPosition(old.to_utf16(moved.old_end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(moved.text[moved.start:moved.new_end])
        cursor.endEditBlock()
        # The cursor was inside the moved section (it is the section at the cursor).
        target = min(max(position + moved.shift, moved.moved_start), moved.moved_end)
        placed = QTextCursor(self.editor.document())
        placed.setPosition(Utf16Index(moved.text).to_utf16(target))
        self.editor.setTextCursor(placed)
        self.editor.ensureCursorVisible()
        self.refresh()
        if self.preview is not None and 0 <= self._current < len(self._headings):
            self.preview.scroll_to_source_line(self._headings[self._current].line)


def _listed_alike(new: list[Heading], old: list[Heading]) -> bool:
    """Whether two scans list the same headings (levels and titles, in order)."""
    return len(new) == len(old) and all(
        (a.level, a.text) == (b.level, b.text) for a, b in zip(new, old, strict=True))


def make_dock(window: QMainWindow, panel: OutlinePanel) -> QDockWidget:
    """A dock for ``panel`` on the window's left edge."""
    dock = QDockWidget(translate("OutlinePanel", "Outline"), window)
    dock.setObjectName("outlineDock")
    dock.setWidget(panel)
    dock.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea
                         | Qt.DockWidgetArea.RightDockWidgetArea
                         | Qt.DockWidgetArea.BottomDockWidgetArea)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    return dock


class OutlineCommands(QObject):
    """The outline for one main window: panel, dock, actions, remembered visibility.

    The window needs ``editor``, ``preview``, ``settings``, ``menus`` (with "view" and
    "edit") and, optionally, ``actions`` (checked for clashing shortcuts) and
    ``document.reloaded``.
    """

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.panel = OutlinePanel(window.editor, preview=getattr(window, "preview", None))
        self.dock = make_dock(window, self.panel)
        self.actions: dict[str, QAction] = {}
        taken = {key.toString() for action in getattr(window, "actions", {}).values()
                 for key in action.shortcuts()}
        for row in OUTLINE_ACTIONS:
            action = action_table.make_action(window, row, getattr(self, row.handler))
            if any(key.toString() in taken for key in action.shortcuts()):
                action.setShortcuts([])  # never an ambiguous shortcut
            taken.update(key.toString() for key in action.shortcuts())
            menu = window.menus[row.menu]
            if row.separator_before and not menu.isEmpty():
                menu.addSeparator()
            menu.addAction(action)
            self.actions[row.id] = action
        document = getattr(window, "document", None)
        if document is not None and hasattr(document, "reloaded"):
            document.reloaded.connect(self.panel.request_refresh)
        visible = self.settings.session.pane_visible("outline")
        self.dock.setVisible(visible)
        self.actions["show_outline"].setChecked(visible)
        self.dock.visibilityChanged.connect(self._sync_action)

    def set_outline_visible(self, visible: bool) -> None:
        """View > Outline (remembered)."""
        self.dock.setVisible(visible)
        self.settings.session.set_pane_visible("outline", visible)
        if visible:
            self.panel.request_refresh()

    def move_section_up(self) -> None:
        """Edit > Move Section Up."""
        self.panel.move_up()

    def move_section_down(self) -> None:
        """Edit > Move Section Down."""
        self.panel.move_down()

    def _sync_action(self, visible: bool) -> None:
        # The dock's own close button hides it without the menu action.
        if not visible and not self.dock.isHidden():
            return  # only covered by another tabbed dock
        action = self.actions["show_outline"]
        if action.isChecked() != visible and self.window.isVisible():
            action.setChecked(visible)


def install_outline(window: QMainWindow) -> OutlineCommands:
    """Give ``window`` the outline panel, its dock and its actions."""
    return OutlineCommands(window)

