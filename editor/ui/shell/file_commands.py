"""The File menu's document lifecycle: new from a template, open, recent files, save, save as,
revert, close and quit.

A component of the main window that owns these rows of the action table. It works on
the document and the settings, saves through the file watch (which guards against
overwriting someone else's change), opens big files through the background loader, and
asks its questions through the window's Prompter.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QMenu

from editor.document.post import Post, PostError, SaveError, YamlError
from editor.document.textfile import DecodeError, decode
from editor.site import jekyll as site
from editor.ui.lifecycle import file_watch
from editor.ui.shell import dialogs
from editor.ui.shell.document import Document
from editor.ui.shell.settings import Settings
from editor.ui.shell.templates import default_template, post_from_template

if TYPE_CHECKING:
    from editor.ui.lifecycle.big_file import BigFileLoader
    from editor.ui.lifecycle.file_watch import FileWatch
    from editor.ui.shell.prompter import Prompter
    from editor.ui.shell.tabs import PostTabs


#: The folder part of an Open Recent entry is elided in the middle beyond this width.
RECENT_FOLDER_WIDTH_PX = 360


def recent_label(name: str, metrics: QFontMetrics) -> str:
    """"post.md — ~/blog/_drafts": the file name, then its folder elided in the middle,
    so posts of the same name in different folders tell apart."""
    path = Path(name)
    folder = str(path.parent)
    home = str(Path.home())
    if folder == home or folder.startswith(home + "/"):
        folder = "~" + folder[len(home):]
    folder = metrics.elidedText(folder, Qt.TextElideMode.ElideMiddle, RECENT_FOLDER_WIDTH_PX)
    # "&" would turn the next letter into a menu accelerator.
    return f"{path.name} — {folder}".replace("&", "&&")


def check_readable(path: Path) -> None:
    """Raise PostError unless ``path`` can be read and decoded (its text is not parsed)."""
    data = Post.read_bytes(path)
    try:
        decode(data)
    except DecodeError as exc:
        raise PostError(f"{path.name}: {exc.message}", path) from None


def remember_file(settings: Settings, path: Path) -> None:
    """Put ``path`` first in the recent files; its folder is where Open starts next."""
    settings.session.add_recent_file(path)
    settings.session.last_folder = str(path.resolve().parent)


class FileCommands(QObject):
    """New, Open, Open Recent, Save, Save As, Revert, Close and Quit for one window."""

    #: File > Close put an empty untitled post in place: the window shows its start page.
    closed = Signal()

    def __init__(self, document: Document, settings: Settings, prompter: Prompter, *,
                 tabs: PostTabs, loader: BigFileLoader, watch: FileWatch,
                 flush_form: Callable[[], object],
                 status: Callable[[str, int], None], site_root: Callable[[], Path | None],
                 close_window: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.prompter = prompter
        self.tabs = tabs
        self.loader = loader
        self.watch = watch
        self.close_window = close_window
        self.flush_form = flush_form
        self.status = status
        self.site_root = site_root
        self.recent_menu: QMenu | None = None

    def bind_recent_menu(self, menu: QMenu) -> None:
        """Fill File > Open Recent each time it opens."""
        self.recent_menu = menu
        menu.aboutToShow.connect(self._fill_recent_menu)

    def templates(self) -> list[Path]:
        """Post templates: the bundled ones plus the current site's own (see site.templates)."""
        return list(site.templates(self.site_root()).values())

    def maybe_save(self) -> bool:
        """Ask Save / Discard / Cancel if there are unsaved changes; True to go on."""
        self.flush_form()  # a title typed a moment ago counts as a change
        if not self.document.is_modified():
            return True
        name = self.document.display_name() or self.tr("Untitled")
        answer = self.prompter.ask_save_discard(name)
        if answer == dialogs.SAVE:
            return self.save_document()
        return answer == dialogs.DISCARD

    def new_document(self) -> bool:
        """File > New: pick a template and start an untitled post from it in a new tab."""
        templates = self.templates()
        template = self.prompter.choose_template(templates) if templates else None
        if templates and template is None or not self.tabs.make_room():
            return False
        self._replace_with_template(template)
        return True

    def start_from_default_template(self) -> None:
        """An untitled post from the first template (the window's state with no file)."""
        self._replace_with_template(default_template(self.templates()))

    def _replace_with_template(self, template: Path | None) -> None:
        if template is None:
            self.document.replace(Post.new({"title": ""}, "", "markdown"))
            return
        try:
            post = post_from_template(template)
        except (PostError, YamlError) as exc:
            self.prompter.error(self.tr("Could Not Open Template"),
                            f"{template.name}: {exc.message}")
            post = Post.new({"title": ""}, "", "markdown")
        self.document.replace(post)

    def open_document(self) -> bool:
        """File > Open: pick a file and open it."""
        path = self.prompter.ask_file_open(self._start_folder())
        return self.open_path(path) if path else False

    def open_path(self, path: str | Path) -> bool:
        """Open ``path`` in this window, in a tab of its own (the tab showing it already,
        if it is open).

        The file is read and decoded first: one that cannot be opened is reported and
        the current post stays.
        """
        path = Path(path)
        index = self.tabs.find(path)
        if index is not None:
            return self.tabs.show_tab(index)
        big = self.loader.wants(path)
        post: Post | None = None
        try:
            if big:
                check_readable(path)  # a quick look; the loader reads it in the background
            else:
                post = Post.load(path)
        except PostError as exc:
            self.prompter.error(
                self.tr("Could Not Open File"),
                self.tr("“{name}” could not be opened.\n\n{problem}").format(
                    name=path.name, problem=exc.message))
            return False
        if not self.tabs.make_room():
            return False
        if post is None:
            return self.loader.start(path)  # the document switches when it has loaded
        self.document.replace(post)
        self._remember_file(path)
        return True

    def _remember_file(self, path: Path) -> None:
        remember_file(self.settings, path)

    def _start_folder(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        return str(self.settings.session.last_folder or Path.home())

    def _fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.settings.session.recent_files
        metrics = menu.fontMetrics()
        for name in recent:
            action = menu.addAction(recent_label(name, metrics))
            action.setToolTip(name)
            action.setStatusTip(name)
            action.triggered.connect(lambda _checked=False, n=name: self.open_recent(n))
        if not recent:
            menu.addAction(self.tr("No recent files")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(self.tr("Clear Recent Files"))
        clear.setObjectName("action_clear_recent")
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self.clear_recent_files)

    def clear_recent_files(self) -> None:
        """File > Open Recent > Clear Recent Files."""
        self.settings.session.clear_recent_files()
        self.status(self.tr("The recent files list is empty."), 4000)

    def open_recent(self, name: str) -> bool:
        """Open a file from the recent list; a file that vanished is removed with a message."""
        if not Path(name).is_file():
            self.settings.session.remove_recent_file(name)
            self.prompter.info(self.tr("File Not Found"),
                           self.tr("“{name}” no longer exists; it was removed from the recent "
                                   "files.").format(name=name))
            return False
        return self.open_path(name)

    def save_document(self) -> bool:
        """File > Save (asks for a name while untitled)."""
        if self.document.path is None:
            return self.save_document_as()
        answer = self.watch.before_save()  # changed on disk since we loaded it?
        if answer == file_watch.SAVE_AS:
            return self.save_document_as()
        if answer == file_watch.CANCEL:
            return False
        return self._save_to(None)

    def save_document_as(self) -> bool:
        """File > Save As, suggesting the Jekyll file name when a site root is found."""
        target = self.prompter.ask_file_save(self.suggested_save_path())
        if target is None:
            return False
        if not target.suffix:
            target = target.with_suffix(self._extension())
        return self._save_to(target)

    def _save_to(self, target: Path | None) -> bool:
        self.flush_form()
        try:
            if target is not None and not target.parent.exists() \
                    and target.parent.parent.is_dir():
                target.parent.mkdir()  # _drafts/ or _posts/ in a fresh site
            self.document.save(target)
        except SaveError as exc:
            self.prompter.error(self.tr("Could Not Save"), exc.message)
            return False
        except OSError as exc:
            self.prompter.error(self.tr("Could Not Save"), str(exc))
            return False
        path = self.document.path
        if path is not None:
            self._remember_file(path)
            self.status(self.tr("Saved {name}").format(name=path.name), 4000)
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
            folder = Path(self.settings.session.last_folder or Path.home())
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
        if self.document.is_modified() and not self.prompter.confirm_revert(path.name):
            return False
        try:
            self.document.revert()
        except PostError as exc:
            self.prompter.error(self.tr("Could Not Revert"), exc.message)
            return False
        return True

    def close_document(self) -> None:
        """File > Close (Ctrl+W): close the shown post, asking about its changes. Another
        open post is shown; after the last, an empty untitled post replaces it and the
        start page shows; if it already is one, the window closes."""
        untitled_blank = self.document.path is None and not self.document.is_modified()
        if untitled_blank and self.tabs.count() == 1:
            self.close_window()
            return
        if not self.maybe_save() or self.tabs.close_current():
            return
        self._replace_with_template(None)
        self.closed.emit()

    def quit_application(self) -> None:
        """File > Quit: close every window (each asks about its own changes)."""
        QApplication.closeAllWindows()

