"""The main window: form | source editor | preview around one Document, and its file commands.

Layout and wiring only. The rules live in the core (Post, render, site) and in each
pane; this module connects them so every edit flows widget -> Document -> signal ->
the other views, and runs the document lifecycle (new, open, save, revert, close).

Dialogs are reached through hook attributes (``confirm_discard``, ``show_error``, ...)
so tests can answer them without a modal loop.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QVBoxLayout, QWidget

import editor
from editor.authoring.stats import text_stats
from editor.document.post import Post, PostError, SaveError, YamlError
from editor.render import core as render
from editor.site import assets
from editor.site import jekyll as site
from editor.ui.authoring.commands import AuthoringCommands
from editor.ui.export.commands import ExportCommands
from editor.ui.form.front_matter import FrontMatterForm
from editor.ui.lifecycle import file_watch
from editor.ui.lifecycle.autosave import SETTING_AUTOSAVE_TO_FILE, Autosaver
from editor.ui.lifecycle.big_file import BigFileLoader
from editor.ui.preview.pane import PreviewPane
from editor.ui.shell import actions as action_table
from editor.ui.shell import dialogs
from editor.ui.shell.document import Document
from editor.ui.shell.settings import Settings
from editor.ui.shell.status import StatusFields
from editor.ui.source.editor import SourceEditor
from editor.ui.source.find_replace import FindReplaceBar

APP_NAME = "Article Editor"
# Stats walk the whole body; wait for a pause in typing, longer for long documents.
STATS_DELAY_MS = 300
SCROLL_ECHO_MS = 250
DEFAULT_PANE_WIDTHS = (380, 520, 600)


def _utf16_offset(text: str, index: int) -> int:
    """QTextCursor positions count UTF-16 units; Python indexes count code points."""
    prefix = text[:index]
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


def _py_index(text: str, offset: int) -> int:
    """Inverse of _utf16_offset."""
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


class MainWindow(AuthoringCommands, ExportCommands, QMainWindow):
    """One editor window showing one document."""

    def __init__(self, settings: Settings | None = None, *, offline: bool | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        if offline is None:
            offline = bool(self.settings.get("preview/offline"))
        theme = str(self.settings.get("preview/theme"))
        if theme not in render.theme_names():
            theme = "default"

        # Hooks for every modal question, replaceable in tests.
        self.confirm_discard: Callable[[str], str] = (
            lambda name: dialogs.ask_save_changes(self, name))
        self.confirm_revert: Callable[[str], bool] = lambda name: dialogs.ask_revert(self, name)
        self.show_error: Callable[[str, str], None] = (
            lambda title, text: dialogs.show_error(self, title, text))
        self.show_info: Callable[[str, str], None] = (
            lambda title, text: dialogs.show_info(self, title, text))
        self.choose_open_path: Callable[[str], Path | None] = (
            lambda folder: dialogs.ask_open_path(self, folder))
        self.choose_save_path: Callable[[Path], Path | None] = (
            lambda suggested: dialogs.ask_save_path(self, suggested))
        self.choose_template: Callable[[list[Path]], Path | None] = (
            lambda templates: dialogs.choose_template(self, templates))

        self.document = Document(parent=self)
        self._scroll_source: str | None = None
        self._site_root: Path | None = None

        # Panes ------------------------------------------------------------------------
        self.form = FrontMatterForm()
        self.editor = SourceEditor()
        self.document.set_body_source(self.editor.body_text)
        self.find_bar = FindReplaceBar(self.editor)
        self.preview = PreviewPane(offline=offline, theme=theme)
        self.preview.view.setAcceptDrops(False)  # a dropped file opens here, not in the pane

        editor_pane = QWidget()
        editor_pane.setObjectName("editor_pane")
        column = QVBoxLayout(editor_pane)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.editor)
        column.addWidget(self.find_bar)
        self.find_bar.hide()  # shown by Find / Replace
        self.editor_pane = editor_pane

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("main_splitter")
        self.splitter.setChildrenCollapsible(False)
        for pane in (self.form, editor_pane, self.preview):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 3)
        self.setCentralWidget(self.splitter)
        self._panes = {"form": self.form, "editor": editor_pane, "preview": self.preview}

        self.status_fields = StatusFields(self)
        self.statusBar().addPermanentWidget(self.status_fields)

        # Actions, menus, toolbar --------------------------------------------------------
        # Highlight preset actions are added by setup_authoring (they follow the presets).
        self.actions, self.menus, self.toolbar = action_table.build(self)
        self.menus["recent"].aboutToShow.connect(self._fill_recent_menu)

        # Timers -----------------------------------------------------------------------
        self._stats_timer = QTimer(self, singleShot=True, interval=STATS_DELAY_MS)
        self._stats_timer.timeout.connect(self._update_stats)
        self._scroll_echo_timer = QTimer(self, singleShot=True, interval=SCROLL_ECHO_MS)
        self._scroll_echo_timer.timeout.connect(self._end_scroll_sync)

        self._wire()
        # Never lose a draft: recovery journal, changes on disk, big files in the background.
        self.autosave = Autosaver(
            self.document, parent=self,
            autosave_to_file=lambda: bool(self.settings.get(SETTING_AUTOSAVE_TO_FILE)))
        self.autosave.problem.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.file_watch = file_watch.FileWatch(self)
        self.loader = BigFileLoader(self)
        self.setup_export_commands()  # checklist dock, PDF page, export hooks
        self.setup_authoring()  # presets, block tools, highlights panel, rich paste
        self._restore_settings(offline)
        self.form.set_offline(offline)
        self.setAcceptDrops(True)
        self.editor.viewport().installEventFilter(self)
        self._show_document()

    # Wiring ---------------------------------------------------------------------------

    def _wire(self) -> None:
        doc = self.document
        self.form.fieldChanged.connect(self._on_form_field_changed)
        self.form.fieldRemoved.connect(self._on_form_field_removed)
        self.form.sourceChanged.connect(self._on_form_source_changed)
        self.editor.textEdited.connect(self._on_editor_text_changed)
        self.editor.cursorPositionChanged.connect(self._update_position)
        self.editor.topVisibleLineChanged.connect(self._on_editor_scrolled)
        self.preview.sourceLineScrolled.connect(self._on_preview_scrolled)
        doc.bodyChanged.connect(self._on_body_changed)
        doc.frontMatterChanged.connect(self._on_front_matter_changed)
        doc.modifiedChanged.connect(self._update_title)
        doc.pathChanged.connect(lambda _path: self._on_path_changed())
        doc.reloaded.connect(self._show_document)

    def _on_form_field_changed(self, key: str, value: object) -> None:
        try:
            self.document.set_field(key, value)
        except YamlError as exc:
            # The form only edits fields while the YAML is valid; report, never crash.
            self.statusBar().showMessage(exc.message, 8000)

    def _on_form_field_removed(self, key: str) -> None:
        try:
            self.document.unset_field(key)
        except YamlError as exc:
            self.statusBar().showMessage(exc.message, 8000)

    def _on_form_source_changed(self, text: str) -> None:
        self.document.set_front_matter_text(text)

    def _on_editor_text_changed(self) -> None:
        self.document.body_edited(self.editor.document().characterCount() - 1)

    def _on_body_changed(self) -> None:
        # The preview and the counts wait for a pause; they read the text then.
        length = self.document.body_length()
        self.preview.show_later(lambda: self.document.post, length)
        self._stats_timer.start(STATS_DELAY_MS + length // 4000)

    def _on_front_matter_changed(self) -> None:
        post = self.document.post
        self.form.refresh(post)
        self.preview.show_post(post)

    def _on_editor_scrolled(self, line: int) -> None:
        if self._scroll_source == "preview" or not self.preview.isVisible():
            return
        self._scroll_source = "editor"
        self._scroll_echo_timer.start()
        self.preview.scroll_to_source_line(line)

    def _on_preview_scrolled(self, line: int) -> None:
        if self._scroll_source == "editor" or not self.editor_pane.isVisible():
            return
        self._scroll_source = "preview"
        self._scroll_echo_timer.start()
        self.editor.scroll_to_line(line)

    def _end_scroll_sync(self) -> None:
        self._scroll_source = None

    # Showing the document -------------------------------------------------------------

    def _show_document(self) -> None:
        """Load every view from the document (after open, new, revert)."""
        post = self.document.post
        self._site_root = site.find_site_root(post.path) if post.path else None
        self.editor.set_body_format(post.format)
        if not self.loader.prefilled(post):
            self.editor.set_body_text(post.body)
        categories: tuple[str, ...] = ()
        tags: tuple[str, ...] = ()
        if self._site_root is not None:
            categories = tuple(site.categories_in_use(self._site_root))
            tags = tuple(site.tags_in_use(self._site_root))
        self.form.set_post(post, site_root=self._site_root, categories=categories, tags=tags)
        self.preview.show_post(post)
        self.status_fields.set_format(post.format)
        self.status_fields.set_encoding(post.encoding, post.bom, post.newline)
        self._update_position()
        self._update_stats()
        self._update_title()
        self.actions["revert"].setEnabled(post.path is not None)
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

    def _update_title(self, *_args: object) -> None:
        name = self.document.display_name() or self.tr("Untitled")
        self.setWindowTitle(f"[*]{name} — {APP_NAME}")
        self.setWindowModified(self.document.is_modified())

    def _update_position(self) -> None:
        line, column = self.editor.cursor_line_column()
        self.status_fields.set_position(line, column)

    def _update_stats(self) -> None:
        post = self.document.post
        if self.loader.stats_in_background(post):
            return
        self.status_fields.set_stats(text_stats(post.body, post.format))

    # Settings -------------------------------------------------------------------------

    def _restore_settings(self, offline: bool) -> None:
        geometry = self.settings.get("window/geometry")
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1400, 900)
        sizes = self.settings.get("window/splitter_sizes")
        if not (len(sizes) == 3 and all(isinstance(s, int) and s > 0 for s in sizes)):
            sizes = list(DEFAULT_PANE_WIDTHS)
        self._pane_widths = [int(s) for s in sizes]
        self.splitter.setSizes(self._pane_widths)
        for pane in self._panes:
            visible = bool(self.settings.get(f"panes/{pane}"))
            self.actions[f"show_{pane}"].setChecked(visible)
            self._panes[pane].setVisible(visible)
        self.actions["word_wrap"].setChecked(bool(self.settings.get("editor/word_wrap")))
        self.editor.set_word_wrap(self.actions["word_wrap"].isChecked())
        self.actions["offline"].blockSignals(True)
        self.actions["offline"].setChecked(offline)
        self.actions["offline"].blockSignals(False)

    def save_settings(self) -> None:
        """Remember geometry, splitter sizes and visible panes."""
        self.settings.set("window/geometry", bytes(self.saveGeometry().data()))
        # A hidden pane reports 0: keep its last real width so showing it restores it.
        sizes = [size or old for size, old in
                 zip(self.splitter.sizes(), self._pane_widths, strict=True)]
        self.settings.set("window/splitter_sizes", sizes)
        for pane, action in (("form", "show_form"), ("editor", "show_editor"),
                             ("preview", "show_preview")):
            self.settings.set(f"panes/{pane}", self.actions[action].isChecked())
        self.settings.sync()

    # Document lifecycle ---------------------------------------------------------------

    def templates(self) -> list[Path]:
        """Post templates: the bundled ones plus the current site's own (see site.templates)."""
        return list(site.templates(self._site_root).values())

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel if there are unsaved changes; True to go on."""
        self.form.flush_pending()  # a title typed a moment ago counts as a change
        if not self.document.is_modified():
            return True
        name = self.document.display_name() or self.tr("Untitled")
        answer = self.confirm_discard(name)
        if answer == dialogs.SAVE:
            return self.save_document()
        return answer == dialogs.DISCARD

    def new_document(self) -> bool:
        """File > New: pick a template and start an untitled post from it."""
        if not self.maybe_save():
            return False
        templates = self.templates()
        template = self.choose_template(templates) if templates else None
        if templates and template is None:
            return False
        self._replace_with_template(template)
        return True

    def start_from_default_template(self) -> None:
        """An untitled post from the first template (the window's state with no file)."""
        templates = self.templates()
        preferred = [t for t in templates if t.stem in ("news-article", "blank", "default")]
        self._replace_with_template((preferred or templates or [None])[0])

    def _replace_with_template(self, template: Path | None) -> None:
        if template is None:
            self.document.replace(Post.new({"title": ""}, "", "markdown"))
            return
        try:
            post = Post.load(template)
            _fill_template(post)
        except (PostError, YamlError) as exc:
            self.show_error(self.tr("Could Not Open Template"),
                            f"{template.name}: {exc.message}")
            post = Post.new({"title": ""}, "", "markdown")
        post.path = None
        self.document.replace(post)

    def open_document(self) -> bool:
        """File > Open: pick a file and open it."""
        path = self.choose_open_path(self._start_folder())
        return self.open_path(path) if path else False

    def open_path(self, path: str | Path) -> bool:
        """Open ``path`` in this window (after asking about unsaved changes)."""
        path = Path(path)
        if not self.maybe_save():
            return False
        if self.loader.wants(path):
            return self.loader.start(path)  # the document switches when it has loaded
        try:
            post = Post.load(path)
        except PostError as exc:
            self.show_error(
                self.tr("Could Not Open File"),
                self.tr("“{name}” could not be opened.\n\n{problem}").format(
                    name=path.name, problem=exc.message))
            return False
        self.document.replace(post)
        self._remember_file(path)
        return True

    def _remember_file(self, path: Path) -> None:
        self.settings.add_recent_file(path)
        self.settings.set("files/last_folder", str(path.resolve().parent))

    def _start_folder(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        return str(self.settings.get("files/last_folder") or Path.home())

    def _fill_recent_menu(self) -> None:
        menu = self.menus["recent"]
        menu.clear()
        recent = self.settings.recent_files()
        for name in recent:
            action = menu.addAction(Path(name).name)
            action.setToolTip(name)
            action.setStatusTip(name)
            action.triggered.connect(lambda _checked=False, n=name: self.open_recent(n))
        if not recent:
            menu.addAction(self.tr("No recent files")).setEnabled(False)

    def open_recent(self, name: str) -> bool:
        """Open a file from the recent list; a file that vanished is removed with a message."""
        if not Path(name).is_file():
            self.settings.remove_recent_file(name)
            self.show_info(self.tr("File Not Found"),
                           self.tr("“{name}” no longer exists; it was removed from the recent "
                                   "files.").format(name=name))
            return False
        return self.open_path(name)

    def save_document(self) -> bool:
        """File > Save (asks for a name while untitled)."""
        if self.document.path is None:
            return self.save_document_as()
        answer = self.file_watch.before_save()  # changed on disk since we loaded it?
        if answer == file_watch.SAVE_AS:
            return self.save_document_as()
        if answer == file_watch.CANCEL:
            return False
        return self._save_to(None)

    def save_document_as(self) -> bool:
        """File > Save As, suggesting the Jekyll file name when a site root is found."""
        target = self.choose_save_path(self.suggested_save_path())
        if target is None:
            return False
        if not target.suffix:
            target = target.with_suffix(self._extension())
        return self._save_to(target)

    def _save_to(self, target: Path | None) -> bool:
        self.form.flush_pending()
        try:
            if target is not None and not target.parent.exists() \
                    and target.parent.parent.is_dir():
                target.parent.mkdir()  # _drafts/ or _posts/ in a fresh site
            self.document.save(target)
        except SaveError as exc:
            self.show_error(self.tr("Could Not Save"), exc.message)
            return False
        except OSError as exc:
            self.show_error(self.tr("Could Not Save"), str(exc))
            return False
        path = self.document.path
        if path is not None:
            self._remember_file(path)
            self.statusBar().showMessage(self.tr("Saved {name}").format(name=path.name), 4000)
        return True

    def _extension(self) -> str:
        post = self.document.post
        if post.path is not None and post.path.suffix:
            return post.path.suffix
        return ".html" if post.format == "html" else ".md"

    def suggested_save_path(self) -> Path:
        """Where Save As starts: the Jekyll name under the site root, else beside the file."""
        post = self.document.post
        ext = self._extension()
        if post.path is not None:
            folder = post.path.parent
        else:
            folder = Path(self.settings.get("files/last_folder") or Path.home())
        root = site.find_site_root(folder)
        title = post.title or self.tr("untitled")
        if root is not None:
            date = post.get("date")
            if isinstance(date, datetime.datetime):
                date = date.date()
            if isinstance(date, datetime.date):
                return site.post_path(root, title, date, ext)
            return site.draft_path(root, title, ext)
        if post.path is not None:
            return post.path
        return folder / (site.slugify(title) + ext)

    def revert_document(self) -> bool:
        """File > Revert: reload from disk after asking."""
        path = self.document.path
        if path is None:
            return False
        if self.document.is_modified() and not self.confirm_revert(path.name):
            return False
        try:
            self.document.revert()
        except PostError as exc:
            self.show_error(self.tr("Could Not Revert"), exc.message)
            return False
        return True

    def close_document(self) -> None:
        """File > Close: an empty untitled post replaces the document; if it already is one,
        the window closes."""
        untitled_blank = self.document.path is None and not self.document.is_modified()
        if untitled_blank:
            self.close()
            return
        if self.maybe_save():
            self._replace_with_template(None)

    def quit_application(self) -> None:
        """File > Quit: close every window (each asks about its own changes)."""
        QApplication.closeAllWindows()

    # Edit ------------------------------------------------------------------------------

    def undo(self) -> None:
        """Edit > Undo in the source editor."""
        self.editor.undo()

    def redo(self) -> None:
        """Edit > Redo in the source editor."""
        self.editor.redo()

    def cut_text(self) -> None:
        """Edit > Cut, in the focused text field or the source editor."""
        self._edit_focused("cut")

    def copy_text(self) -> None:
        """Edit > Copy, in the focused field, the preview's selection or the source editor."""
        self._edit_focused("copy")

    def paste_text(self) -> None:
        """Edit > Paste (rich text from the clipboard is cleaned in the source editor)."""
        self._edit_focused("paste")

    def select_all(self) -> None:
        """Edit > Select All, in the focused field, list or the source editor."""
        self._edit_focused("selectAll")

    def _edit_focused(self, name: str) -> None:
        # A key press reaches the focused widget itself; this is for the menu and toolbar.
        focus = QApplication.focusWidget()
        view = self.preview.view
        if focus is not None and (focus is view or view.isAncestorOf(focus)):
            actions = {"copy": QWebEnginePage.WebAction.Copy,
                       "selectAll": QWebEnginePage.WebAction.SelectAll}
            if name in actions:
                view.page().triggerAction(actions[name])
            return
        if focus is None or not self.isAncestorOf(focus):
            focus = self.editor
        method = getattr(focus, name, None)
        if callable(method):
            method()

    def find(self) -> None:
        """Edit > Find."""
        self._ensure_editor_visible()
        self.find_bar.show_find()

    def replace(self) -> None:
        """Edit > Replace."""
        self._ensure_editor_visible()
        self.find_bar.show_replace()

    def go_to_line(self) -> None:
        """Edit > Go to Line."""
        self._ensure_editor_visible()
        self.editor.ask_go_to_line()

    def _ensure_editor_visible(self) -> None:
        if not self.actions["show_editor"].isChecked():
            self.actions["show_editor"].setChecked(True)

    def show_preferences(self) -> None:
        """Edit > Preferences: theme, language, offline, word wrap, saving by itself."""
        current = dialogs.Preferences(
            theme=str(self.settings.get("preview/theme")),
            language=str(self.settings.get("ui/language")),
            offline=self.actions["offline"].isChecked(),
            word_wrap=self.actions["word_wrap"].isChecked(),
            autosave_to_file=bool(self.settings.get(SETTING_AUTOSAVE_TO_FILE)),
        )
        chosen = dialogs.ask_preferences(self, current, list(render.theme_names()))
        if chosen is not None:
            self.apply_preferences(chosen)

    def apply_preferences(self, prefs: dialogs.Preferences) -> None:
        """Apply and remember preferences (the language applies at the next start)."""
        self.settings.set("ui/language", prefs.language)
        self.settings.set(SETTING_AUTOSAVE_TO_FILE, prefs.autosave_to_file)
        self.set_theme(prefs.theme)
        self.actions["offline"].setChecked(prefs.offline)
        self.actions["word_wrap"].setChecked(prefs.word_wrap)

    def set_theme(self, name: str) -> None:
        """Switch the preview (and source colours) to theme ``name``."""
        self.settings.set("preview/theme", name)
        self.preview.set_theme(name)
        self.editor.set_theme(name)

    # View ------------------------------------------------------------------------------

    def _set_pane_visible(self, pane: str, visible: bool) -> None:
        widget = self._panes[pane]
        index = self.splitter.indexOf(widget)
        if not visible and widget.isVisible():
            self._pane_widths[index] = self.splitter.sizes()[index] or self._pane_widths[index]
        widget.setVisible(visible)
        self.settings.set(f"panes/{pane}", visible)
        if visible:
            # The splitter lays the shown pane out later; size it after that.
            QTimer.singleShot(0, lambda: self._give_width(index))
        if pane == "preview" and visible:
            self.preview.show_post(self.document.post)

    def _give_width(self, index: int) -> None:
        """A pane shown again gets its last width back, taken from the widest other pane."""
        sizes = self.splitter.sizes()
        if sizes[index] > 0 or sum(sizes) == 0:
            return
        want = self._pane_widths[index]
        donor = max((i for i in range(len(sizes)) if i != index), key=lambda i: sizes[i])
        want = min(want, max(sizes[donor] // 2, 1))
        sizes[donor] -= want
        sizes[index] = want
        self.splitter.setSizes(sizes)

    def set_form_visible(self, visible: bool) -> None:
        """View > Front Matter Form."""
        self._set_pane_visible("form", visible)

    def set_editor_visible(self, visible: bool) -> None:
        """View > Source Editor."""
        self._set_pane_visible("editor", visible)

    def set_preview_visible(self, visible: bool) -> None:
        """View > Preview."""
        self._set_pane_visible("preview", visible)

    def set_word_wrap(self, on: bool) -> None:
        """View > Word Wrap."""
        self.editor.set_word_wrap(on)
        self.settings.set("editor/word_wrap", on)

    def set_offline(self, on: bool) -> None:
        """View > Offline Preview: block every network request (remembered)."""
        self.preview.set_offline(on)
        self.form.set_offline(on)
        self.settings.set("preview/offline", on)

    # Format ----------------------------------------------------------------------------

    def make_bold(self) -> None:
        """Format > Bold: <b>…</b> in HTML bodies (toggles), **…** in Markdown."""
        if self.document.post.format == "markdown":
            self._wrap_selection("**", "**")
            return
        bold = next((p for p in self.presets if p.kind == "bold"), None)
        if bold is None:
            self._wrap_selection("<b>", "</b>")
        else:
            self.apply_highlight(bold.id)

    def apply_highlight(self, preset_id: str) -> None:
        """Format > a highlight preset: wrap (or unwrap) the selection in its markup."""
        if self.authoring.apply_preset(preset_id):
            self.editor.setFocus()

    def _wrap_selection(self, opening: str, closing: str) -> None:
        text = self.editor.body_text()
        cursor = self.editor.textCursor()
        start = _py_index(text, cursor.selectionStart())
        end = _py_index(text, cursor.selectionEnd())
        new = text[:start] + opening + text[start:end] + closing + text[end:]
        self._apply_text_edit(text, new, start + len(opening), end + len(opening))

    def _apply_text_edit(self, old: str, new: str, sel_start: int, sel_end: int) -> None:
        """Replace only the changed stretch of the editor's text, as one undo step."""
        prefix = 0
        limit = min(len(old), len(new))
        while prefix < limit and old[prefix] == new[prefix]:
            prefix += 1
        suffix = 0
        while (suffix < limit - prefix
               and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]):
            suffix += 1
        cursor = QTextCursor(self.editor.document())
        cursor.beginEditBlock()
        cursor.setPosition(_utf16_offset(old, prefix))
        cursor.setPosition(_utf16_offset(old, len(old) - suffix),
                           QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(new[prefix:len(new) - suffix])
        cursor.endEditBlock()
        selection = QTextCursor(self.editor.document())
        selection.setPosition(_utf16_offset(new, sel_start))
        selection.setPosition(_utf16_offset(new, sel_end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(selection)
        self.editor.setFocus()

    # Help ------------------------------------------------------------------------------

    def show_about(self) -> None:
        """Help > About."""
        dialogs.show_about(self, editor.__version__)

    # Events ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.maybe_save():
            event.ignore()
            return
        self.autosave.discard()  # saved, or the writer chose Discard
        self.autosave.shutdown()
        self.save_settings()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if _dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        path = _dropped_file(event)
        if path is None:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        # After the drop returns: a modal prompt inside a drop handler blocks the source.
        if assets.is_picture_file(path):
            QTimer.singleShot(0, lambda: self.authoring.insert_picture_file(path))
        else:
            QTimer.singleShot(0, lambda: self.open_path(path))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # The source editor would paste a dropped file's URL as text: a picture goes in
        # where it is dropped, another file is opened.
        if watched is self.editor.viewport() and event.type() in (
                QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            path = _dropped_file(event)
            if path is not None:
                if event.type() == QEvent.Type.Drop:
                    if assets.is_picture_file(path) and not self.editor.isReadOnly():
                        where = self.editor.cursorForPosition(event.position().toPoint())
                        self.editor.setTextCursor(where)
                    self.dropEvent(event)
                else:
                    event.acceptProposedAction()
                return True
        return super().eventFilter(watched, event)


def _fill_template(post: Post) -> None:
    """Fill a template's {title}/{date}/{slug} placeholders for an untitled post.

    The title stays empty for the writer to type; values go through Post.set so the
    YAML around them is kept as the template wrote it.
    """
    values = {"title": "", "slug": "", "date": datetime.date.today().isoformat()}

    def fill(value: object) -> object:
        if isinstance(value, str):
            return site.fill_placeholders(value, values)
        if isinstance(value, list):
            return [fill(item) for item in value]
        return value

    for key, value in post.metadata.items():
        filled = fill(value)
        if filled != value:
            post.set(key, filled)
    post.body = site.fill_placeholders(post.body, values)


def _dropped_file(event: QDropEvent | QDragEnterEvent | QEvent) -> Path | None:
    mime = event.mimeData() if hasattr(event, "mimeData") else None
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            return Path(url.toLocalFile())
    return None
