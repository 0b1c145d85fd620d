"""Every action of the main window in one table; menus and the toolbar are built from it.

Each row names the action, its text (translated at build time), its shortcut (a
``QKeySequence.StandardKey`` wherever Qt has one, so platform conventions apply), the menu
it sits in, whether it is checkable, and its handler: a method of the component that owns
the action (``owner``: the window, its file commands, edit commands, panes, view commands,
preferences, authoring tools, highlights view, export commands), called with the row's
``args``. Nothing else in the window creates a QAction, so shortcuts cannot clash unnoticed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar

from editor.authoring.highlights import Preset
from editor.ui.shell import window_bars

StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    """One row of the action table."""

    id: str
    text: str  # English source text; translated in the "Actions" context
    menu: str  # id of the menu it belongs to (see window_bars.MENUS)
    handler: str  # name of the owner's method called when triggered
    shortcut: StandardKey | str | tuple[str, ...] | None = None
    checkable: bool = False
    toolbar: bool = False
    icon: str | None = None  # a QStyle.StandardPixmap name
    separator_before: bool = False
    tip: str = ""
    context: str = "Actions"  # translation context of ``text``
    owner: str = "window"  # the component whose ``handler`` method runs (see OWNERS)
    args: tuple[object, ...] = ()  # passed to the handler before a checkable's state


#: The components that own actions (the keys ``build`` expects in its ``owners``).
OWNERS = ("window", "files", "edit", "panes", "view", "preferences", "authoring", "highlights",
          "export", "tabs")

# (id, title) in menu-bar order. "recent" is a submenu of "file", filled when it opens.
RECENT_MENU_TITLE = QT_TRANSLATE_NOOP("Menus", "Open &Recent")
RECENT_MENU_AFTER = "open"  # the submenu goes right after this action

ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("new", QT_TRANSLATE_NOOP("Actions", "&New…"), "file", "new_document",
               StandardKey.New, toolbar=True, icon="SP_FileIcon",
               tip=QT_TRANSLATE_NOOP("Actions", "Start a new post from a template"), owner="files"),
    ActionSpec("open", QT_TRANSLATE_NOOP("Actions", "&Open…"), "file", "open_document",
               StandardKey.Open, toolbar=True, icon="SP_DialogOpenButton",
               tip=QT_TRANSLATE_NOOP("Actions", "Open a post file"), owner="files"),
    ActionSpec("save", QT_TRANSLATE_NOOP("Actions", "&Save"), "file", "save_document",
               StandardKey.Save, toolbar=True, icon="SP_DialogSaveButton",
               separator_before=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Save the post"), owner="files"),
    ActionSpec("save_as", QT_TRANSLATE_NOOP("Actions", "Save &As…"), "file",
               "save_document_as", StandardKey.SaveAs, owner="files"),
    ActionSpec("revert", QT_TRANSLATE_NOOP("Actions", "Re&vert"), "file", "revert_document",
               tip=QT_TRANSLATE_NOOP("Actions", "Drop unsaved changes and reload the file"),
               owner="files"),
    # File: export and publish (editor/ui/export/commands.py)
    ActionSpec("export", QT_TRANSLATE_NOOP("Actions", "&Export…"), "file", "export_document",
               "Ctrl+Shift+E", separator_before=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Export the post as a web page, paste-ready "
                                     "HTML, PDF or converted post"), owner="export"),
    ActionSpec("export_folder", QT_TRANSLATE_NOOP("Actions", "Export &Folder…"), "file",
               "export_folder",
               tip=QT_TRANSLATE_NOOP("Actions", "Export every post in a folder"), owner="export"),
    ActionSpec("copy_for_blog", QT_TRANSLATE_NOOP("Actions", "Copy for &Blog"), "file",
               "copy_for_blog", "Ctrl+Shift+C",
               tip=QT_TRANSLATE_NOOP("Actions", "Copy the post as inline-styled HTML to "
                                     "paste into a blog editor"), owner="export"),
    ActionSpec("publish", QT_TRANSLATE_NOOP("Actions", "&Publish…"), "file", "publish_post",
               tip=QT_TRANSLATE_NOOP("Actions", "Move this draft into _posts with today's "
                                     "date"), owner="export"),
    ActionSpec("close", QT_TRANSLATE_NOOP("Actions", "&Close"), "file", "close_document",
               StandardKey.Close, separator_before=True, owner="files"),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), "file", "quit_application",
               StandardKey.Quit, owner="files"),
    # Edit
    ActionSpec("undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), "edit", "undo",
               StandardKey.Undo, toolbar=True, icon="SP_ArrowBack", separator_before=True,
               owner="edit"),
    ActionSpec("redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), "edit", "redo",
               StandardKey.Redo, toolbar=True, icon="SP_ArrowForward", owner="edit"),
    # Edit: clipboard and search (editor/ui/shell/edit_commands.py)
    ActionSpec("cut", QT_TRANSLATE_NOOP("Actions", "Cu&t"), "edit", "cut",
               StandardKey.Cut, separator_before=True, owner="edit"),
    ActionSpec("copy", QT_TRANSLATE_NOOP("Actions", "&Copy"), "edit", "copy",
               StandardKey.Copy, owner="edit"),
    ActionSpec("paste", QT_TRANSLATE_NOOP("Actions", "&Paste"), "edit", "paste",
               StandardKey.Paste, owner="edit"),
    ActionSpec("paste_plain", QT_TRANSLATE_NOOP("Actions", "Paste as Plain Te&xt"), "edit",
               "paste_plain", "Ctrl+Shift+V",
               tip=QT_TRANSLATE_NOOP("Actions", "Paste the clipboard's text without any "
                                     "formatting"), owner="edit"),
    ActionSpec("select_all", QT_TRANSLATE_NOOP("Actions", "Select &All"), "edit", "select_all",
               StandardKey.SelectAll, owner="edit"),
    ActionSpec("find", QT_TRANSLATE_NOOP("Actions", "&Find…"), "edit", "find",
               StandardKey.Find, separator_before=True, owner="edit"),
    ActionSpec("replace", QT_TRANSLATE_NOOP("Actions", "R&eplace…"), "edit", "replace",
               "Ctrl+H", owner="edit"),  # Qt has no Replace key binding on Linux
    ActionSpec("go_to_line", QT_TRANSLATE_NOOP("Actions", "&Go to Line…"), "edit",
               "go_to_line", "Ctrl+G", owner="edit"),
    ActionSpec("preferences", QT_TRANSLATE_NOOP("Actions", "Prefere&nces…"), "edit",
               "show_preferences", StandardKey.Preferences, separator_before=True,
               owner="preferences"),
    ActionSpec("highlight_presets", QT_TRANSLATE_NOOP("Actions", "&Highlight Presets…"), "edit",
               "edit_presets",
               tip=QT_TRANSLATE_NOOP("Actions", "Add, change, reorder or delete highlight "
                                     "presets"), owner="authoring"),
    ActionSpec("signature_settings", QT_TRANSLATE_NOOP("Actions", "S&ignature…"), "edit",
               "edit_signature",
               tip=QT_TRANSLATE_NOOP("Actions", "The footer line Insert Signature writes"),
               owner="authoring"),
    # View
    ActionSpec("show_form", QT_TRANSLATE_NOOP("Actions", "Front &Matter Form"), "view",
               "set_visible", "Ctrl+1", checkable=True, owner="panes", args=("form",)),
    ActionSpec("show_editor", QT_TRANSLATE_NOOP("Actions", "&Source Editor"), "view",
               "set_visible", "Ctrl+2", checkable=True, owner="panes", args=("editor",)),
    ActionSpec("show_preview", QT_TRANSLATE_NOOP("Actions", "&Preview"), "view",
               "set_visible", "Ctrl+3", checkable=True, owner="panes", args=("preview",)),
    ActionSpec("word_wrap", QT_TRANSLATE_NOOP("Actions", "&Word Wrap"), "view",
               "set_word_wrap", checkable=True, separator_before=True, owner="panes"),
    ActionSpec("offline", QT_TRANSLATE_NOOP("Actions", "&Offline Preview"), "view",
               "set_offline", checkable=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Block every network request from the preview"),
               owner="panes"),
    ActionSpec("show_checklist", QT_TRANSLATE_NOOP("Actions", "Publish &Checklist"), "view",
               "set_checklist_visible", "Ctrl+4", checkable=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Show what to fix before publishing"),
               owner="export"),
    ActionSpec("show_highlights", QT_TRANSLATE_NOOP("Actions", "&Highlights in This Post"),
               "view", "set_visible", "Ctrl+5", checkable=True,
               tip=QT_TRANSLATE_NOOP("Actions", "List every highlighted phrase by preset"),
               owner="highlights"),
    # View: the open posts, one tab each (editor/ui/shell/tabs.py)
    ActionSpec("next_tab", QT_TRANSLATE_NOOP("Actions", "Ne&xt Post"), "view", "next_tab",
               ("Ctrl+Tab", "Ctrl+PgDown"), separator_before=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Show the next open post"), owner="tabs"),
    ActionSpec("previous_tab", QT_TRANSLATE_NOOP("Actions", "Pre&vious Post"), "view",
               "previous_tab", ("Ctrl+Shift+Tab", "Ctrl+Shift+Backtab", "Ctrl+PgUp"),
               tip=QT_TRANSLATE_NOOP("Actions", "Show the previous open post"), owner="tabs"),
    # View: zoom and the source font (editor/ui/shell/view_commands.py)
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom &In"), "view", "zoom_in",
               ("Ctrl++", "Ctrl+="), separator_before=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Larger text in the focused pane (the form: "
                                     "source and preview)"), owner="view"),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom O&ut"), "view", "zoom_out",
               StandardKey.ZoomOut, owner="view"),
    ActionSpec("zoom_reset", QT_TRANSLATE_NOOP("Actions", "&Reset Zoom"), "view",
               "zoom_reset", "Ctrl+0", owner="view"),
    ActionSpec("source_font", QT_TRANSLATE_NOOP("Actions", "Source &Font…"), "view",
               "choose_source_font",
               tip=QT_TRANSLATE_NOOP("Actions", "The font of the source editor"),
               owner="view"),
    # Format
    ActionSpec("bold", QT_TRANSLATE_NOOP("Actions", "&Bold"), "format", "make_bold",
               StandardKey.Bold, toolbar=True, separator_before=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Make the selection bold"), owner="authoring"),
    ActionSpec("convert_to_markdown", QT_TRANSLATE_NOOP("Actions", "Convert Body to &Markdown"),
               "format", "convert_body", separator_before=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Rewrite the HTML body as Markdown (one undo "
                                     "step)"), owner="export", args=("markdown",)),
    ActionSpec("convert_to_html", QT_TRANSLATE_NOOP("Actions", "Convert Body to &HTML"),
               "format", "convert_body",
               tip=QT_TRANSLATE_NOOP("Actions", "Rewrite the Markdown body as HTML (one undo "
                                     "step)"), owner="export", args=("html",)),
    # Insert: house blocks (editor/ui/authoring/commands.py)
    ActionSpec("insert_heading2", QT_TRANSLATE_NOOP("Actions", "Section &Heading"), "insert",
               "insert_heading", "Ctrl+Alt+2", owner="authoring", args=(2,)),
    ActionSpec("insert_heading3", QT_TRANSLATE_NOOP("Actions", "&Subheading"), "insert",
               "insert_heading", "Ctrl+Alt+3", owner="authoring", args=(3,)),
    ActionSpec("insert_heading4", QT_TRANSLATE_NOOP("Actions", "&Minor Heading"), "insert",
               "insert_heading", "Ctrl+Alt+4", owner="authoring", args=(4,)),
    ActionSpec("insert_spacer", QT_TRANSLATE_NOOP("Actions", "S&pacer Paragraph"), "insert",
               "insert_spacer", separator_before=True,
               tip=QT_TRANSLATE_NOOP("Actions", "An empty paragraph the house puts around "
                                     "headings"), owner="authoring"),
    ActionSpec("insert_rule", QT_TRANSLATE_NOOP("Actions", "Horizontal &Rule"), "insert",
               "insert_rule", owner="authoring"),
    ActionSpec("insert_link", QT_TRANSLATE_NOOP("Actions", "&Link…"), "insert", "insert_link",
               "Ctrl+K", separator_before=True, owner="authoring"),
    ActionSpec("insert_image", QT_TRANSLATE_NOOP("Actions", "Lead &Image…"), "insert",
               "insert_image",
               tip=QT_TRANSLATE_NOOP("Actions", "A picture from a file (copied into the "
                                     "site) or a web address"), owner="authoring"),
    ActionSpec("insert_table", QT_TRANSLATE_NOOP("Actions", "Summary &Table…"), "insert",
               "insert_table",
               tip=QT_TRANSLATE_NOOP("Actions", "Insert a key/content table, or edit the one "
                                     "at the cursor"), owner="authoring"),
    ActionSpec("insert_signature", QT_TRANSLATE_NOOP("Actions", "Si&gnature"), "insert",
               "insert_signature", separator_before=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Write the signature line at the end, or "
                                     "update it"), owner="authoring"),
    # Help
    ActionSpec("shortcuts", QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"), "help",
               "show_shortcuts", StandardKey.HelpContents, owner="view"),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About Article Editor"), "help",
               "show_about", owner="view"),
)


def translate(context: str, text: str) -> str:
    """Translate a table entry (the table holds untranslated source texts)."""
    return QCoreApplication.translate(context, text)


def spec(action_id: str) -> ActionSpec:
    """The table row with ``action_id`` (KeyError if there is none)."""
    for row in ACTIONS:
        if row.id == action_id:
            return row
    raise KeyError(action_id)


def shortcut_keys(value: StandardKey | str | tuple[str, ...]) -> list[QKeySequence]:
    if isinstance(value, str):
        return [QKeySequence(value)]
    if isinstance(value, tuple):
        return [QKeySequence(key) for key in value]
    keys = QKeySequence.keyBindings(value)
    return keys


def make_action(
    parent: QObject, row: ActionSpec, handler: Callable[..., object]
) -> QAction:
    """Create the QAction for ``row`` and connect it to ``handler``."""
    action = QAction(translate(row.context, row.text), parent)
    action.setObjectName(f"action_{row.id}")
    if row.shortcut is not None:
        action.setShortcuts(shortcut_keys(row.shortcut))
    if row.tip:
        action.setStatusTip(translate("Actions", row.tip))
        action.setToolTip(translate("Actions", row.tip))
    if row.icon and isinstance(parent, QMainWindow):
        pixmap = getattr(QStyle.StandardPixmap, row.icon)
        action.setIcon(parent.style().standardIcon(pixmap))
    if row.checkable:
        action.setCheckable(True)
        action.toggled.connect(handler)
    else:
        action.triggered.connect(lambda _checked=False: handler())
    return action


def _run(owner: Callable[[str], object], row: ActionSpec, *state: object) -> object:
    return getattr(owner(row.owner), row.handler)(*row.args, *state)


def build(
    window: QMainWindow, owner: Callable[[str], object]
) -> tuple[dict[str, QAction], dict[str, QMenu], QToolBar]:
    """Create every action of ``window`` from the table, its menus and its toolbar.

    Each row's handler is the method ``row.handler`` of ``owner(row.owner)``, looked up
    when the action is used (the window makes its menus before the components that
    own them), called with ``row.args`` (and a checkable action's new state).
    """
    actions: dict[str, QAction] = {}
    rows = ACTIONS
    for row in rows:
        actions[row.id] = make_action(window, row, functools.partial(_run, owner, row))

    menus = window_bars.top_menus(window)  # made before the first paint when started
    for row in rows:
        menu = menus[row.menu]
        if row.separator_before and not menu.isEmpty():
            menu.addSeparator()
        menu.addAction(actions[row.id])
        if row.id == RECENT_MENU_AFTER:
            recent = menu.addMenu(translate("Menus", RECENT_MENU_TITLE))
            recent.setObjectName("menu_recent")
            menus["recent"] = recent

    toolbar = window_bars.main_toolbar(window)
    for row in rows:
        if row.toolbar:
            if row.separator_before and toolbar.actions():
                toolbar.addSeparator()
            toolbar.addAction(actions[row.id])
    return actions, menus, toolbar


HIGHLIGHT_PREFIX = "highlight:"

# Names of the bundled highlight presets (resources/highlights.yaml), so they translate.
PRESET_NAMES = (
    QT_TRANSLATE_NOOP("Highlights", "Red emphasis"),
    QT_TRANSLATE_NOOP("Highlights", "Blue emphasis"),
    QT_TRANSLATE_NOOP("Highlights", "Marker"),
    QT_TRANSLATE_NOOP("Highlights", "Bold"),
)


def highlight_rows(presets: list[Preset]) -> tuple[ActionSpec, ...]:
    """Format-menu rows for the highlight presets (handler ``apply_preset(action_id)``).

    The "bold" kind is the Bold action itself. A preset shortcut that another action
    already uses is left off rather than made ambiguous.
    """
    taken = set()
    for row in ACTIONS:
        if row.shortcut is not None:
            taken.update(k.toString() for k in shortcut_keys(row.shortcut))
    rows = []
    for index, preset in enumerate(p for p in presets if p.kind != "bold"):
        shortcut = preset.shortcut or None
        if shortcut and QKeySequence(shortcut).toString() in taken:
            shortcut = None
        if shortcut:
            taken.add(QKeySequence(shortcut).toString())
        rows.append(ActionSpec(
            HIGHLIGHT_PREFIX + preset.id, preset.name, "format", "apply_preset", shortcut,
            separator_before=index == 0, context="Highlights", owner="authoring"))
    return tuple(rows)

