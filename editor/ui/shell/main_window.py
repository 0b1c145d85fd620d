"""The main window: form | source editor | preview around one Document, and its file commands.

Several posts can be open, one tab each (editor/ui/shell/tabs.py): the panes show the
current tab's post, and switching swaps another post into the Document and the editor.

Layout, wiring and the document lifecycle (new, open, save, revert, close) only. The
rules live in the core (Post, render, site) and in each pane; the commands live in
components that own their rows of the action table (editor/ui/shell/actions.py): the
file, edit and view commands, the pane layout, preferences, authoring, the highlights
view and export. The start page, the status fields and scroll sync are pieces of their
own. This module connects them so every edit flows widget -> Document -> signal -> the
other views. The components are made by window_parts.py, after the first paint when
the window is started from the command line (see the class).

Every dialog goes through one injected Prompter (ui/shell/prompter.py); tests script it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from editor.document.post import Post, YamlError
from editor.site import jekyll as site
from editor.ui.form.front_matter import FrontMatterForm
from editor.ui.preview.pane import PreviewPane
from editor.ui.shell import window_bars
from editor.ui.shell.document import Document
from editor.ui.shell.first_paint import FirstPaint
from editor.ui.shell.panes import PANE_STRETCH, PaneLayout
from editor.ui.shell.preferences import preferred_theme
from editor.ui.shell.settings import Settings
from editor.ui.shell.start_page import StartPageSwitch
from editor.ui.shell.status import StatusFields
from editor.ui.source.pane import SourceEditorPane

if TYPE_CHECKING:
    from collections.abc import Callable

    from editor.ui.shell.prompter import Prompter

APP_NAME = "Article Editor"
# The components wait for the first preview at most this long after the first paint.
PREVIEW_FIRST_MS = 1000


class MainWindow(QMainWindow):
    """One editor window showing one document, built in two steps: the panes (form,
    source editor with ``first_post``'s text, preview), then the components
    (``finish_build``: commands, menus, docks, spelling, autosave...). With
    ``build_later`` the second waits for the first paint and preview (``buildFinished``
    says it is done: ``article-editor POST``); else the constructor runs both.
    """

    buildFinished = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, settings: Settings | None = None, *, offline: bool | None = None,
                 prompter: Prompter | None = None, first_post: Post | None = None,
                 build_later: bool = False) -> None:
        super().__init__()
        self.settings = settings or Settings()
        if offline is None:
            offline = self.settings.prefs.offline_preview

        # Every modal question goes through the prompter (a scripted one in tests; the
        # application's own comes with the components, its dialogs' modules being many).
        self.prompter: Prompter | None = prompter.for_window(self) if prompter else None
        self.document = Document(parent=self)
        self._site_root: Path | None = None
        self._built = False
        self._first_post = first_post
        self._first_preview_sent = False

        self._build_panes(offline, preferred_theme(self.settings))
        geometry = self.settings.session.window_geometry
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1400, 900)
        self.panes.restore(offline)
        if first_post is not None or build_later:  # painted first: an empty post if none
            self._show_first(first_post if first_post is not None else self.document.post)
        if build_later:  # the bars take their places now, their commands come after
            window_bars.reserve(self)
            self._first_paint = FirstPaint(self, self._after_first_paint)
        else:
            self.finish_build()

    def _after_first_paint(self) -> None:
        """The menus and toolbar at once, then the first post's preview: rendered in its
        thread and loaded by the web engine in its processes; the components are built
        once it shows (or has taken too long)."""
        self.editor.highlighter.hold_all(False)
        if not hasattr(self, "menus"):
            self.build_menus()
        if self._first_post is None or not self.preview.isVisible():
            self.finish_build()
            return
        self.preview.show_post(self._first_post)
        self._first_preview_sent = True
        self.preview.renderFinished.connect(
            lambda: QTimer.singleShot(0, self, self.finish_build),
            Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(PREVIEW_FIRST_MS, self, self.finish_build)

    def build_menus(self) -> None:
        """The menus, toolbar and shortcuts (``finish_build`` makes them if not yet); one
        used before the components exist makes them first."""
        from editor.ui.shell import actions as action_table

        self.actions, self.menus, self.toolbar = action_table.build(self, self._owner)
        self.panes.bind(self.actions)

    def _owner(self, name: str) -> object:
        """The component named in the action table (the window itself: "window")."""
        self.finish_build()
        return self if name == "window" else getattr(self, name)

    def finish_build(self) -> None:
        """Make and wire the components, then show the document in every view (once)."""
        if self._built:
            return
        self._built = True
        self.editor.highlighter.hold_all(False)
        if not hasattr(self, "menus"):
            self.build_menus()
        from editor.ui.shell import window_parts  # most of a start's imports

        window_parts.build_components(self)
        self._wire()
        window_parts.install_rest(self)
        if self._first_post is not None:
            self.document.announce()  # the views made just now learn of it (no reload)
        else:
            self._show_document()
        self.buildFinished.emit()

    def is_built(self) -> bool:
        """Whether ``finish_build`` has run (the menus, commands and docks exist)."""
        return self._built

    def when_built(self, then: Callable[[], object]) -> None:
        """Run ``then`` once the window is built (now if it is)."""
        if self._built:
            then()
        else:
            self.buildFinished.connect(then, Qt.ConnectionType.SingleShotConnection)

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
        self.panes = PaneLayout(
            self.splitter, {"form": self.form, "editor": self.source, "preview": self.preview},
            self.settings, form=self.form, editor=self.editor, preview=self.preview,
            post=lambda: self.document.post)
        # What the writer types before the components exist still reaches the Document.
        self.form.fieldChanged.connect(self.set_field)
        self.form.fieldRemoved.connect(self._on_form_field_removed)
        self.form.sourceChanged.connect(self.document.set_front_matter_text)
        self.editor.textEdited.connect(
            lambda: self.document.body_edited(self.editor.document().characterCount() - 1))

    def _show_first(self, post: Post) -> None:
        """The post in the form and the source editor, before the components exist."""
        self.document.replace(post)
        self._site_root = site.find_site_root(post.path) if post.path else None
        self.editor.highlighter.hold_all(True)  # coloured once the text is on screen
        self.editor.set_body_format(post.format)
        self.editor.set_body_text(post.body)
        self.form.set_post(post, site_root=self._site_root)
        name = self.document.display_name() or self.tr("Untitled")
        self.setWindowTitle(f"[*]{name} — {APP_NAME}")

    # Wiring ---------------------------------------------------------------------------

    def _wire(self) -> None:
        doc = self.document
        # The Site look's build pauses while the writer types (in the source or the form).
        self.preview.look.sites.follow_typing(self.editor.textEdited, self.form.typed)
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

    def set_field(self, key: str, value: object) -> None:
        """Set a front-matter field (the form's and the tools' edits)."""
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
        # The first post's text is in already (and may have been typed in since).
        shown_first, self._first_post = post is self._first_post, None
        if not (self.loader.prefilled(post) or self.tabs.switching() or shown_first):
            self.editor.set_body_text(post.body)
        categories: tuple[str, ...] = ()
        tags: tuple[str, ...] = ()
        if self._site_root is not None:
            categories = tuple(site.categories_in_use(self._site_root))
            tags = tuple(site.tags_in_use(self._site_root))
        self.form.set_post(post, site_root=self._site_root, categories=categories, tags=tags)
        sent, self._first_preview_sent = self._first_preview_sent, False
        if not (shown_first and sent) or self.document.is_modified():  # else it is on the way
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
        if self._first_post is None:  # (the first post's preview is on its way already)
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
        self.finish_build()  # closed at once: still asked about unsaved edits
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

