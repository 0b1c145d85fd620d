"""What the main window builds after it has shown the post: its components.

The window shows the post's text with the panes alone (editor/ui/shell/main_window.py),
then its menus and toolbar; the commands behind them, the docks (highlights, outline,
checklist, site), spelling, autosave, the file watch and the big-file loader come from
here, once the first preview is in. Importing this module is most of what a start
costs, so the window imports it only then.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt

from editor.ui.authoring.commands import Authoring
from editor.ui.authoring.highlights_view import HighlightsView
from editor.ui.authoring.outline_panel import install_outline
from editor.ui.export.commands import ExportCommands
from editor.ui.lifecycle.autosave import Autosaver
from editor.ui.lifecycle.big_file import BigFileLoader
from editor.ui.lifecycle.file_watch import FileWatch
from editor.ui.preview import graphics
from editor.ui.shell.document_status import DocumentStatus
from editor.ui.shell.edit_commands import EditCommands
from editor.ui.shell.file_commands import FileCommands, remember_file
from editor.ui.shell.file_drops import FileDrops
from editor.ui.shell.preferences import PreferencesCommands
from editor.ui.shell.prompter import Prompter
from editor.ui.shell.scroll_sync import ScrollSync
from editor.ui.shell.tabs import PostTabs
from editor.ui.shell.view_commands import ViewCommands
from editor.ui.site.checklist_panel import ChecklistWiring
from editor.ui.site.site_commands import SiteCommands
from editor.ui.source.spelling_window import WindowSpelling

if TYPE_CHECKING:
    from editor.ui.shell.main_window import MainWindow

# The highlights dock's first width: a list of short phrases, not a pane to read in.
HIGHLIGHTS_DOCK_WIDTH = 230


def install_rest(window: MainWindow) -> None:
    """After the wiring: autosave, the View switches, the docks, drops and spelling."""
    window.autosave = Autosaver(
        window.document, parent=window,
        autosave_to_file=lambda: window.settings.prefs.autosave_to_file)
    window.autosave.problem.connect(
        lambda text: window.statusBar().showMessage(text, 10000))
    restore_docks(window)
    window.drops = FileDrops(window.editor, open_path=window.files.open_path,
                             insert_picture=window.authoring.insert_picture_file,
                             parent=window)
    window.spelling = WindowSpelling(window)  # underlines, View > Check Spelling, menu entries
    window.preferences.spellingLanguagesChanged.connect(window.spelling.follow_post)
    window.setAcceptDrops(True)


def build_components(window: MainWindow) -> None:
    """The components, each owning its rows of the action table (made before them)."""
    graphics.prepare_web_engine()  # also for a first web page that is not the preview's
    if window.prompter is None:
        window.prompter = Prompter(window)
    status = window.statusBar().showMessage
    editor, preview, document = window.editor, window.preview, window.document
    window.authoring = Authoring(
        editor, window.prompter, settings=window.settings,
        site_root=window.site_root, set_field=window.set_field,
        status=lambda text: status(text, 10000), parent=window)
    window.highlights = HighlightsView(window, window.authoring, document, preview,
                                       window.settings)
    window.edit = EditCommands(window, window.source, preview.web_view,
                               paste_plain_in_editor=window.authoring.paste_plain,
                               show_editor=lambda: window.panes.show("editor"))
    window.export = ExportCommands(window, document, window.settings, editor,
                                   window.prompter, flush_form=window.form.flush_pending,
                                   status=status, site_root=window.site_root)
    # Never lose a draft: recovery journal, changes on disk, big files in the background.
    window.loader = BigFileLoader(editor, document, window.statusBar(), window.prompter,
                                  remember_file=partial(remember_file, window.settings),
                                  show_stats=window.status_fields.set_stats,
                                  pool=preview.pool, parent=window)
    window.file_watch = FileWatch(document, editor, window.source.layout(),
                                  window.prompter, status, parent=window)
    window.tabs = PostTabs(window)
    window.files = FileCommands(document, window.settings, window.prompter, tabs=window.tabs,
                                loader=window.loader, watch=window.file_watch,
                                flush_form=window.form.flush_pending, status=status,
                                site_root=window.site_root, close_window=window.close,
                                parent=window)
    window.file_watch.saveAsRequested.connect(window.files.save_document_as)
    window.view = ViewCommands(window, editor, preview, window.settings,
                               choose_font=window.prompter.ask_font,
                               run_dialog=window.prompter.run_dialog, status=status)
    window.preferences = PreferencesCommands(
        window.settings, preview=preview, editor=editor,
        ask=window.prompter.ask_preferences, parent=window)
    window.preferences.bind(window.actions)
    window.central.bind(window.actions)
    window.files.bind_recent_menu(window.menus["recent"])
    window.authoring.install(window, window.menus["format"], window.toolbar,
                             after=window.actions["bold"], insert_menu=window.menus["insert"],
                             context_actions=[window.actions["bold"]])
    window.highlights.bind(window.actions["show_highlights"])
    window.outline = install_outline(window)
    if window.authoring.preset_error:
        status(window.authoring.preset_error, 15000)
    window.checklist = window.export.install(window.form, ChecklistWiring(
        window.prompter, window.settings, window.actions["publish"],
        preview_busy=preview.is_busy, show_pane=window.panes.show,
        save=window.files.save_document, open_path=window.files.open_path, status=status,
        pool=preview.pool))
    window.actions["show_checklist"].setChecked(not window.checklist.isHidden())
    window.document_status = DocumentStatus(
        window.status_fields, document, editor, parent=window,
        stats_in_background=window.loader.stats_in_background)
    window.scroll_sync = ScrollSync(editor, window.source, preview, parent=window)
    window.site = SiteCommands(  # File > Open Site…, the site dock, Edit > Undo Site Rename
        window, window.prompter, document=document, menus=window.menus,
        open_path=window.files.open_path, save=window.files.save_document)


def restore_docks(window: MainWindow) -> None:
    """The docks where and as big as the writer left them; narrow ones the first time."""
    state = window.settings.session.dock_state
    if state and window.restoreState(QByteArray(state)):
        window.actions["show_highlights"].setChecked(not window.highlights.dock.isHidden())
        window.actions["show_checklist"].setChecked(not window.checklist.isHidden())
    else:
        window.resizeDocks([window.highlights.dock], [HIGHLIGHTS_DOCK_WIDTH],
                           Qt.Orientation.Horizontal)
