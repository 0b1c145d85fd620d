"""The publish checklist panel and Publish: what to fix before a draft goes into _posts.

The panel runs the core's :func:`editor.site.checks.check` on the open post half a second
after the last edit (for a long post, in the render helper process) and lists its
errors and warnings; clicking one puts the cursor on the line in the source editor, or
in the form field the problem is about. Publish (editor/ui/site/publishing.py) moves a
draft from ``_drafts/`` into ``_posts/`` with today's date and opens the moved file; it
refuses while errors remain unless the writer overrides.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.site.checks import Problem, check, check_text
from editor.ui.lifecycle.big_file import BIG_BODY_CHARS
from editor.ui.shell.plurals import plural
from editor.ui.site.check_messages import problem_message
from editor.ui.site.publishing import Publisher

if TYPE_CHECKING:
    from editor.ui.form.front_matter import FrontMatterForm
    from editor.ui.shell.document import Document
    from editor.ui.shell.prompter import Prompter
    from editor.ui.shell.settings import Settings
    from editor.ui.source.editor import SourceEditor


@dataclass(frozen=True)
class ChecklistWiring:
    """What the checklist works with besides the document, the form and the editor."""

    prompter: Prompter
    settings: Settings
    publish_action: QAction  # the window's File > Publish (the panel's button)
    preview_busy: Callable[[], bool]  # long checks wait while the preview renders
    show_pane: Callable[[str], None]  # "form", "editor" or "checklist", shown
    save: Callable[[], bool]  # File > Save
    open_path: Callable[[Path], object]  # opens the published post
    status: Callable[[str, int], None]
    pool: Any = None  # helper processes for long checks (the preview's); None: checked here

log = logging.getLogger(__name__)

CHECK_DELAY_MS = 500
#: How often a check of a long post asks again whether the preview has finished rendering.
PREVIEW_FIRST_MS = 150
# A post with thousands of unclosed tags would fill the list for seconds; the count says it.
MAX_LISTED = 300
PROBLEM_ROLE = Qt.ItemDataRole.UserRole


class _Relay(QObject):
    """Carries a background check's result to the GUI thread."""

    checked = Signal(int, object)  # generation, list[Problem]


class ChecklistPanel(QDockWidget):
    """A dock listing the checklist's problems for the window's document, kept current."""

    #: The list was refreshed; carries the problems shown.
    checked = Signal(list)

    def __init__(self, document: Document, form: FrontMatterForm, editor: SourceEditor,
                 wiring: ChecklistWiring, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document, self.form, self.editor = document, form, editor
        self.wiring = wiring
        self.setObjectName("checklist_panel")
        self.setWindowTitle(self.tr("Publish Checklist"))
        # The View menu's action is the one switch; a close button would bypass it.
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self._problems: list[Problem] = []
        self._stale = True

        self.summary = QLabel()
        self.summary.setObjectName("checklist_summary")
        self.publish_button = QToolButton()
        self.publish_button.setObjectName("checklist_publish")
        self.publish_button.setDefaultAction(wiring.publish_action)
        self.publish_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.summary, 1)
        top.addWidget(self.publish_button)

        self.list = QListWidget()
        self.list.setObjectName("checklist_list")
        self.list.setWordWrap(True)
        self.list.setToolTip(self.tr("Click a problem to go to it"))
        self.list.itemClicked.connect(self._item_clicked)
        self.list.itemActivated.connect(self._item_clicked)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(6, 4, 6, 6)
        column.addLayout(top)
        column.addWidget(self.list, 1)
        self.setWidget(body)

        self.timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self.timer.timeout.connect(self._refresh_after_pause)
        # Results of background checks; a newer change or check makes older ones stale.
        self._generation = 0
        self._relay = _Relay(self)
        self._relay.checked.connect(self._on_checked_in_background)
        doc = document
        doc.reloaded.connect(self.show_checking)  # the last post's problems are not these
        for signal in (doc.bodyChanged, doc.frontMatterChanged, doc.reloaded):
            signal.connect(self.schedule)
        doc.pathChanged.connect(lambda _path: self.schedule())
        self.visibilityChanged.connect(self._visibility_changed)
        self.publisher = Publisher(self)

    # -- checking ------------------------------------------------------------------------

    def schedule(self) -> None:
        """Check again after a pause in typing (only while the panel is shown)."""
        self._stale = True
        self._generation += 1
        if self.isVisible():
            # Longer posts take longer to check: wait for a longer pause in typing.
            self.timer.start(CHECK_DELAY_MS + self.document.body_length() // 2000)

    def show_checking(self) -> None:
        """Empty the list until the next check of the (new) post has run."""
        self._problems = []
        self.list.clear()
        self.summary.setText(self.tr("Checking…"))

    def _visibility_changed(self, visible: bool) -> None:
        if visible and self._stale:
            self.refresh()

    def problems(self) -> list[Problem]:
        """The problems the panel shows now."""
        return list(self._problems)

    def refresh(self) -> list[Problem]:
        """Run the checklist on the current post now and show the result."""
        self.timer.stop()
        self._generation += 1
        self.form.flush_pending()
        problems = check(self.document.post)
        self.show_problems(problems)
        return problems

    def _refresh_after_pause(self) -> None:
        if self.document.body_length() < BIG_BODY_CHARS:
            self.refresh()
            return
        if self.wiring.preview_busy():
            # The check and the preview's render would share the processors: the
            # preview, which the writer is watching, goes first.
            self.timer.start(PREVIEW_FIRST_MS)
            return
        # A long post takes a tenth of a second and more to check: in a helper process.
        self.form.flush_pending()
        post = self.document.post
        args = (post.text(), str(post.path) if post.path else None, post.format)
        generation, relay = self._generation, self._relay
        pool = self.wiring.pool

        def work() -> None:
            try:
                problems = (pool.run(check_text, *args) if pool is not None
                            else check_text(*args))
            except Exception:  # noqa: BLE001 - a failed check must not take the window down
                log.exception("checking the post failed")
                return
            try:
                relay.checked.emit(generation, problems)
            except RuntimeError:  # the window was closed meanwhile
                pass

        threading.Thread(target=work, name="checklist", daemon=True).start()

    def _on_checked_in_background(self, generation: int, problems: list[Problem]) -> None:
        if generation == self._generation:
            self.show_problems(problems)

    def show_problems(self, problems: list[Problem]) -> None:
        """List ``problems`` (errors first within a line, as the checklist orders them)."""
        self._stale = False
        self._problems = list(problems)
        self.list.clear()
        style = self.style()
        error_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        warning_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in problems[:MAX_LISTED]:
            item = QListWidgetItem(self.describe(problem))
            item.setIcon(error_icon if problem.level == "error" else warning_icon)
            item.setData(PROBLEM_ROLE, problem)
            self.list.addItem(item)
        if len(problems) > MAX_LISTED:
            self.list.addItem(self.tr("… and {count} more").format(
                count=len(problems) - MAX_LISTED))
        errors = sum(1 for problem in problems if problem.level == "error")
        warnings = len(problems) - errors
        if not problems:
            self.summary.setText(self.tr("Ready to publish: nothing to fix."))
        else:
            self.summary.setText(self.tr("{errors}, {warnings}").format(
                errors=plural(errors, self.tr("{count} error"), self.tr("{count} errors")),
                warnings=plural(warnings, self.tr("{count} warning"),
                                self.tr("{count} warnings"))))
        self.checked.emit(list(problems))

    def describe(self, problem: Problem) -> str:
        """One list line: where the problem is and what it says, in the writer's language."""
        message = problem_message(problem)
        if problem.field:
            # The form's label ("Title"), as the writer sees the field, not the YAML key.
            label = self.form.label(problem.field)
            name = label.text().replace("&", "").rstrip(" *:") if label is not None else ""
            return self.tr("{field}: {message}").format(field=name or problem.field,
                                                        message=message)
        if problem.line:
            return self.tr("Line {line}: {message}").format(line=problem.line, message=message)
        return message

    # -- jumping -------------------------------------------------------------------------

    def _item_clicked(self, item: QListWidgetItem) -> None:
        problem = item.data(PROBLEM_ROLE)
        if isinstance(problem, Problem):
            self.jump_to(problem)

    def jump_to(self, problem: Problem) -> str | None:
        """Show where ``problem`` is: "field", "editor" or "source" (front-matter text)."""
        form, show_pane = self.form, self.wiring.show_pane
        post = self.document.post
        if problem.field and not form.is_showing_source():
            field_editor = form.editor(problem.field)
            if field_editor is not None:
                show_pane("form")
                form.scroll.ensureWidgetVisible(field_editor)
                _focus_inside(field_editor)
                return "field"
        line = problem.line
        if not line:
            return None
        if line >= post.body_start_line:
            show_pane("editor")
            self.editor.go_to_line(line - post.body_start_line + 1)
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
            return "editor"
        # A front-matter line without a form field: the YAML source, at that line.
        show_pane("form")
        form.show_source(True)
        source = form.source_edit
        block = source.document().findBlockByNumber(max(line - 2, 0))  # line 1 is the fence
        if block.isValid():
            source.setTextCursor(QTextCursor(block))
            source.centerCursor()
        source.setFocus(Qt.FocusReason.OtherFocusReason)
        return "source"

    # -- publishing ----------------------------------------------------------------------

    def publish(self) -> Path | None:
        """Publish the open draft (see :class:`Publisher`); the new path or None."""
        return self.publisher.publish()


def _focus_inside(widget: QWidget) -> QWidget | None:
    """Give keyboard focus to ``widget`` or its first child that takes focus."""
    candidates = [widget, *widget.findChildren(QWidget)]
    for candidate in candidates:
        if (candidate.focusPolicy() & Qt.FocusPolicy.TabFocus) and candidate.isEnabled() \
                and candidate.isVisibleTo(widget.window()):
            candidate.setFocus(Qt.FocusReason.OtherFocusReason)
            return candidate
    return None
