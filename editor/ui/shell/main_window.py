"""The main window: form | source editor | preview around one Document, and its file commands.

Several posts can be open, one tab each (editor/ui/shell/tabs.py): the panes show the
current tab's post, and switching swaps another post into the Document and the editor.

Layout, wiring and the document lifecycle (new, open, save, revert, close) only. The
rules live in the core (Post, render, site) and in each pane; the commands live in
components that own their rows of the action table (editor/ui/shell/actions.py): the
file, edit and view commands, the pane layout, preferences, authoring, the highlights
view and export. The start page, the status fields and scroll sync are pieces of their
own. This module connects them so every edit flows widget -> Document -> signal -> the
other views.

Every dialog is asked through one injected Prompter (editor/ui/shell/prompter.py), so
tests answer them with a scripted one.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from editor.document.post import YamlError
from editor.site import jekyll as site
from editor.ui.authoring.commands import Authoring
from editor.ui.authoring.highlights_view import HighlightsView
from editor.ui.authoring.outline_panel import install_outline
from editor.ui.export.commands import ExportCommands
from editor.ui.form.front_matter import FrontMatterForm
from editor.ui.lifecycle.autosave import Autosaver
from editor.ui.lifecycle.big_file import BigFileLoader
from editor.ui.lifecycle.file_watch import FileWatch
from editor.ui.preview.pane import PreviewPane
from editor.ui.shell import actions as action_table
from editor.ui.shell.document import Document
from editor.ui.shell.document_status import DocumentStatus
from editor.ui.shell.edit_commands import EditCommands
from editor.ui.shell.file_commands import FileCommands, remember_file
from editor.ui.shell.file_drops import FileDrops
from editor.ui.shell.panes import PANE_STRETCH, PaneLayout
from editor.ui.shell.preferences import PreferencesCommands, preferred_theme
from editor.ui.shell.prompter import Prompter
from editor.ui.shell.scroll_sync import ScrollSync
from editor.ui.shell.settings import Settings
from editor.ui.shell.start_page import StartPageSwitch
from editor.ui.shell.status import StatusFields
from editor.ui.shell.tabs import PostTabs
from editor.ui.shell.view_commands import ViewCommands
from editor.ui.site.checklist_panel import ChecklistWiring
from editor.ui.site.site_commands import SiteCommands
from editor.ui.source.pane import SourceEditorPane
from editor.ui.source.spelling_window import WindowSpelling

APP_NAME = "Article Editor"
# The highlights dock's first width: a list of short phrases, not a pane to read in.
HIGHLIGHTS_DOCK_WIDTH = 230


class MainWindow(QMainWindow):
    """One editor window showing one document."""

    def __init__(self, settings: Settings | None = None, *, offline: bool | None = None,
                 prompter: Prompter | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        if offline is None:
            offline = self.settings.prefs.offline_preview

        # Every modal question goes through the prompter (a scripted one in tests).
        self.prompter = prompter.for_window(self) if prompter else Prompter(self)
        self.document = Document(parent=self)
        self._site_root: Path | None = None

        self._build_panes(offline, preferred_theme(self.settings))
        self._build_components()
        self._wire()
        self.autosave = Autosaver(
            self.document, parent=self,
            autosave_to_file=lambda: self.settings.prefs.autosave_to_file)
        self.autosave.problem.connect(lambda text: self.statusBar().showMessage(text, 10000))
        geometry = self.settings.session.window_geometry
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1400, 900)
        self.panes.restore(self.actions, offline)
        self._restore_docks()
        self.drops = FileDrops(self.editor, open_path=self.files.open_path,
                               insert_picture=self.authoring.insert_picture_file, parent=self)
        self.spelling = WindowSpelling(self)  # underlines, View > Check Spelling, menu entries
        self.preferences.spellingLanguagesChanged.connect(self.spelling.follow_post)
        self.setAcceptDrops(True)
        self._show_document()

    # Layout and components ------------------------------------------------------------

    def _build_panes(self, offline: bool, theme: str) -> None:
        """Form | source editor | preview in a splitter, the status fields below."""
        self.form = FrontMatterForm()
        self.source = SourceEditorPane()
        self.source.setObjectName("editor_pane")
        self.editor, self.find_bar = self.source.editor, self.source.find_bar
        self.document.set_body_source(self.editor.body_text)
        self.preview = PreviewPane(offline=offline, theme=theme)
        self.preview.body_edits.attach(self.editor.document())
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.setChildrenCollapsible(False)
        for stretch, pane in zip(PANE_STRETCH, (self.form, self.source, self.preview),
                                 strict=True):
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(self.splitter.indexOf(pane), stretch)
        # The open posts' tabs above the panes, or the start page while no post is open.
        self.tab_area = QWidget(self)
        column = QVBoxLayout(self.tab_area)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.splitter, 1)
        self.central = StartPageSwitch(
            self.tab_area, recent_files=lambda: self.settings.session.recent_files, parent=self)
        self.start_page = self.central.page
        self.setCentralWidget(self.central)
        self.status_fields = StatusFields(self)
        self.statusBar().addPermanentWidget(self.status_fields)
        self.preview.lookMessage.connect(self.status_fields.show_lasting)

    def _build_components(self) -> None:
        """The components, each owning its rows of the action table; then the actions."""
        status = self.statusBar().showMessage
        self.panes = PaneLayout(
            self.splitter, {"form": self.form, "editor": self.source, "preview": self.preview},
            self.settings, form=self.form, editor=self.editor, preview=self.preview,
            post=lambda: self.document.post)
        self.authoring = Authoring(
            self.editor, self.prompter, settings=self.settings,
            site_root=self.site_root, set_field=self._on_form_field_changed,
            status=lambda text: status(text, 10000), parent=self)
        self.highlights = HighlightsView(self, self.authoring, self.document, self.preview,
                                         self.settings)
        self.edit = EditCommands(self, self.source, self.preview.web_view,
                                 paste_plain_in_editor=self.authoring.paste_plain,
                                 show_editor=lambda: self.panes.show("editor"))
        self.export = ExportCommands(self, self.document, self.settings, self.editor,
                                     self.prompter, flush_form=self.form.flush_pending,
                                     status=status, site_root=self.site_root)
        # Never lose a draft: recovery journal, changes on disk, big files in the background.
        self.loader = BigFileLoader(self.editor, self.document, self.statusBar(), self.prompter,
                                    remember_file=partial(remember_file, self.settings),
                                    show_stats=self.status_fields.set_stats,
                                    pool=self.preview.pool, parent=self)
        self.file_watch = FileWatch(self.document, self.editor, self.source.layout(),
                                    self.prompter, status, parent=self)
        self.tabs = PostTabs(self)
        self.tab_area.layout().insertWidget(0, self.tabs.bar)
        self.files = FileCommands(self.document, self.settings, self.prompter, tabs=self.tabs,
                                  loader=self.loader, watch=self.file_watch,
                                  flush_form=self.form.flush_pending, status=status,
                                  site_root=self.site_root, close_window=self.close,
                                  parent=self)
        self.file_watch.saveAsRequested.connect(self.files.save_document_as)
        self.view = ViewCommands(self, self.editor, self.preview, self.settings,
                                 choose_font=self.prompter.ask_font,
                                 run_dialog=self.prompter.run_dialog, status=status)
        self.preferences = PreferencesCommands(
            self.settings, preview=self.preview, editor=self.editor,
            ask=self.prompter.ask_preferences, parent=self)
        self.actions, self.menus, self.toolbar = action_table.build(self, {
            "window": self, "files": self.files, "edit": self.edit, "panes": self.panes,
            "view": self.view, "preferences": self.preferences,
            "authoring": self.authoring, "highlights": self.highlights, "export": self.export,
            "tabs": self.tabs})
        self.preferences.bind(self.actions)
        self.central.bind(self.actions)
        self.files.bind_recent_menu(self.menus["recent"])
        self.authoring.install(self, self.menus["format"], self.toolbar,
                               after=self.actions["bold"], insert_menu=self.menus["insert"],
                               context_actions=[self.actions["bold"]])
        self.highlights.bind(self.actions["show_highlights"])
        self.outline = install_outline(self)
        if self.authoring.preset_error:
            status(self.authoring.preset_error, 15000)
        self.checklist = self.export.install(self.form, ChecklistWiring(
            self.prompter, self.settings, self.actions["publish"],
            preview_busy=self.preview.is_busy, show_pane=self.panes.show,
            save=self.files.save_document, open_path=self.files.open_path, status=status,
            pool=self.preview.pool))
        self.actions["show_checklist"].setChecked(not self.checklist.isHidden())
        self.site = SiteCommands(  # File > Open Site…, the site dock, Edit > Undo Site Rename
            self, self.prompter, document=self.document, menus=self.menus,
            open_path=self.files.open_path, save=self.files.save_document)

    # Wiring ---------------------------------------------------------------------------

    def _restore_docks(self) -> None:
        """The docks where and as big as the writer left them; narrow ones the first time."""
        state = self.settings.session.dock_state
        if state and self.restoreState(QByteArray(state)):
            self.actions["show_highlights"].setChecked(not self.highlights.dock.isHidden())
            self.actions["show_checklist"].setChecked(not self.checklist.isHidden())
        else:
            self.resizeDocks([self.highlights.dock], [HIGHLIGHTS_DOCK_WIDTH],
                             Qt.Orientation.Horizontal)

    def _wire(self) -> None:
        doc = self.document
        self.form.fieldChanged.connect(self._on_form_field_changed)
        self.form.fieldRemoved.connect(self._on_form_field_removed)
        self.form.sourceChanged.connect(doc.set_front_matter_text)
        self.preview.look.sites.follow_typing(self.editor.textEdited, self.form.typed)
        self.editor.textEdited.connect(
            lambda: doc.body_edited(self.editor.document().characterCount() - 1))
        self.document_status = DocumentStatus(
            self.status_fields, doc, self.editor, parent=self,
            stats_in_background=self.loader.stats_in_background)
        self.scroll_sync = ScrollSync(self.editor, self.source, self.preview, parent=self)
        self.find_bar.reported.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.export.body_converter.formatChanged.connect(self.status_fields.set_format)
        doc.bodyChanged.connect(self._on_body_changed)
        doc.frontMatterChanged.connect(self._on_front_matter_changed)
        doc.modifiedChanged.connect(self._update_title)
        doc.pathChanged.connect(lambda _path: self._on_path_changed())
        doc.reloaded.connect(self._show_document)
        self.files.closed.connect(self.central.show_start_page)
        self.loader.started.connect(self._on_load_started)
        self.loader.finished.connect(self._on_load_finished)
        self.start_page.newRequested.connect(self.files.new_document)
        self.start_page.openRequested.connect(self.files.open_document)
        self.start_page.recentChosen.connect(self.files.open_recent)

    def _on_form_field_changed(self, key: str, value: object) -> None:
        try:
            self.document.set_field(key, value)
        except YamlError as exc:
            # The form only edits fields while the YAML is valid; report, never crash.
            self.statusBar().showMessage(exc.message, 8000)

    def site_root(self) -> Path | None:
        """The Jekyll site the open post belongs to (found when a file is opened or saved)."""
        return self._site_root

    def _on_form_field_removed(self, key: str) -> None:
        try:
            self.document.unset_field(key)
        except YamlError as exc:
            self.statusBar().showMessage(exc.message, 8000)

    def _on_body_changed(self) -> None:
        # The preview waits for a pause (as the counts do); it reads the text then.
        doc = self.document
        self.preview.show_later(lambda: doc.post, doc.body_length(),
                                body_edit=(doc.body_format(), doc.path))

    def _on_front_matter_changed(self) -> None:
        post = self.document.post
        self.form.refresh(post)
        self.preview.show_post(post)

    # Showing the document -------------------------------------------------------------

    def _show_document(self) -> None:
        """Load every view from the document (after open, new, revert)."""
        self.central.leave_start_page()
        post = self.document.post
        self._site_root = site.find_site_root(post.path) if post.path else None
        self.editor.set_body_format(post.format)
        if not self.loader.prefilled(post) and not self.tabs.switching():
            self.editor.set_body_text(post.body)
        categories: tuple[str, ...] = ()
        tags: tuple[str, ...] = ()
        if self._site_root is not None:
            categories = tuple(site.categories_in_use(self._site_root))
            tags = tuple(site.tags_in_use(self._site_root))
        self.form.set_post(post, site_root=self._site_root, categories=categories, tags=tags)
        self.preview.show_post(post)
        self.document_status.show_post(post)
        self._update_title()
        self.actions["revert"].setEnabled(post.path is not None)
        # A message about the post shown before ("Saved a.md") would now read as this one's.
        self.statusBar().clearMessage()
        messages = list(post.notices)
        if post.yaml_error is not None:
            err = post.yaml_error
            messages.insert(0, self.tr(
                "The front matter is not valid YAML (line {line}, column {column}): it is "
                "shown as source and saved exactly as it is.").format(
                    line=err.line, column=err.column))
        if messages:
            self.statusBar().showMessage("  ".join(messages), 15000)

    def _on_path_changed(self) -> None:
        path = self.document.path
        self._site_root = site.find_site_root(path) if path else None
        self.actions["revert"].setEnabled(path is not None)
        self._update_title()
        self.preview.show_post(self.document.post)  # a new post's site page, its images

    def _on_load_started(self, path: Path) -> None:
        # Until the new post is in, the old one is no longer the writer's: say what is
        # happening, no modified mark, no checks of the old post, no form edits.
        self._update_title()
        self.checklist.show_checking()
        self.form.setEnabled(False)

    def _on_load_finished(self, _opened: bool) -> None:
        self.form.setEnabled(True)
        self._update_title()

    def _update_title(self, *_args: object) -> None:
        loading = self.loader.is_loading_path()
        if loading is not None:
            self.setWindowTitle(self.tr("Opening {name}…").format(name=loading.name)
                                + f" — {APP_NAME}")
            self.setWindowModified(False)
            return
        name = self.document.display_name() or self.tr("Untitled")
        self.setWindowTitle(f"[*]{name} — {APP_NAME}")
        self.setWindowModified(self.document.is_modified())

    def save_settings(self) -> None:
        """Remember geometry, splitter sizes and visible panes."""
        self.settings.session.window_geometry = bytes(self.saveGeometry().data())
        self.settings.session.dock_state = bytes(self.saveState().data())
        self.tabs.remember(self.settings.session)
        self.panes.save()
        self.settings.sync()

    # Events ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.tabs.confirm_close_all():  # one question about every unsaved post
            event.ignore()
            return
        self.tabs.forget_journal()  # saved, or the writer chose Discard
        self.central.leave_start_page()  # the docks are remembered as the writer had them
        self.autosave.shutdown()
        self.save_settings()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if not self.drops.accepts(event):
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        if not self.drops.drop(event):
            super().dropEvent(event)
