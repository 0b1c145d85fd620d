"""File > Publish…: a draft moves from ``_drafts/`` into ``_posts/``, asked first, undoable.

The writer confirms the move (from → to, through the Prompter); afterwards an
"Undo Publish" button in the status bar moves the file back while the published post
is still the one open. Publish is disabled for a post already in ``_posts/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton

from editor.site import jekyll as site

if TYPE_CHECKING:
    from editor.ui.site.checklist_panel import ChecklistPanel


def is_published_path(path: Path | None) -> bool:
    """True for a file in a site's ``_posts/`` folder (publishing it again makes no sense)."""
    return path is not None and path.absolute().parent.name == site.POSTS_DIR


def site_relative(path: Path) -> str:
    """``_drafts/name.md``: the path from the site folder, as the writer knows it."""
    path = path.absolute()
    return f"{path.parent.name}/{path.name}"


class Publisher(QObject):
    """Publishes the checklist panel's document, and takes the last publish back."""

    def __init__(self, panel: ChecklistPanel) -> None:
        super().__init__(panel)
        self.panel = panel
        self.document = panel.document
        self.wiring = panel.wiring
        self._last: tuple[Path, Path] | None = None  # (draft it was, published file)
        self.undo_action = QAction(self.tr("&Undo Publish"), self)
        self.undo_action.setObjectName("action_undo_publish")
        self.undo_action.setToolTip(self.tr("Move the post back into _drafts"))
        self.undo_action.triggered.connect(self.undo)
        self.undo_button = QToolButton()
        self.undo_button.setObjectName("undo_publish")
        self.undo_button.setDefaultAction(self.undo_action)
        self.undo_button.setAutoRaise(True)
        self._publish_tip = self.wiring.publish_action.toolTip()
        self._set_undoable(None)
        self.document.pathChanged.connect(self._path_changed)
        self._path_changed(self.document.path)

    # -- state ---------------------------------------------------------------------------

    def _path_changed(self, path: Path | None) -> None:
        published = is_published_path(path)
        action = self.wiring.publish_action
        action.setEnabled(not published)
        action.setToolTip(self.tr("This post is already in _posts: it is published")
                          if published else self._publish_tip)
        if self._last is not None and path != self._last[1]:
            self._set_undoable(None)  # another post is open: the undo would surprise

    def _set_undoable(self, last: tuple[Path, Path] | None) -> None:
        self._last = last
        self.undo_action.setEnabled(last is not None)
        self.undo_button.setVisible(last is not None)

    def can_undo(self) -> bool:
        """True while the last publish can be taken back."""
        return self._last is not None

    # -- publishing ----------------------------------------------------------------------

    def publish(self) -> Path | None:
        """Checklist, confirm, save, move into _posts, reopen; the new path or None."""
        wiring, panel = self.wiring, self.panel
        panel.form.flush_pending()
        title = self.tr("Could Not Publish")
        path = self.document.path
        if path is None:
            wiring.prompter.error(title, self.tr("Save the post as a draft in the site's _drafts "
                                                 "folder first."))
            return None
        if is_published_path(path):
            wiring.prompter.error(title, self.tr("“{name}” is already in _posts: it is "
                                                 "published.").format(name=path.name))
            return None
        if path.absolute().parent.name != site.DRAFTS_DIR:
            wiring.prompter.error(title, self.tr("Only drafts in a site's _drafts folder are "
                                                 "published this way; “{name}” is not in one. "
                                                 "File > Export… can copy it into _posts.")
                                  .format(name=path.name))
            return None
        problems = panel.refresh()
        errors = [problem for problem in problems if problem.level == "error"]
        if errors:
            wiring.show_pane("checklist")
            if not wiring.prompter.confirm_publish_anyway(errors):
                return None
        try:
            target = site.publish_target(path)
        except (ValueError, OSError) as exc:
            wiring.prompter.error(title, str(exc))
            return None
        question = self.tr("Move “{source}” to “{target}”? Jekyll publishes it on the next "
                           "build; Undo Publish moves it back.").format(
                               source=site_relative(path), target=site_relative(target))
        if not wiring.prompter.confirm(self.tr("Publish"), question):
            return None
        if self.document.is_modified() and not wiring.save():
            return None
        try:
            published = site.publish_draft(path)
        except (ValueError, OSError) as exc:
            wiring.prompter.error(title, str(exc))
            return None
        wiring.settings.session.remove_recent_file(str(path.absolute().resolve()))
        wiring.open_path(published)
        self._set_undoable((path, published))
        wiring.status(self.tr("Published as {name}").format(name=published.name), 8000)
        return published

    def undo(self) -> Path | None:
        """Move the last published post back to its draft path and open it there."""
        if self._last is None:
            return None
        draft, published = self._last
        wiring = self.wiring
        if self.document.is_modified() and not wiring.save():
            return None
        try:
            back = site.unpublish(published, draft)
        except (ValueError, OSError) as exc:
            wiring.prompter.error(self.tr("Could Not Undo Publish"), str(exc))
            return None
        self._set_undoable(None)
        wiring.settings.session.remove_recent_file(str(published.absolute().resolve()))
        wiring.open_path(back)
        wiring.status(self.tr("Moved back to {path}").format(path=site_relative(back)), 8000)
        return back
