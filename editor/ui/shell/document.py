"""The open document: a QObject around the core Post that tells the views what changed.

The form, the source editor and the preview are views of this one model. Edits come in
through ``set_field``/``unset_field``/``set_front_matter_text``/``set_body`` (all of them
the core's lossless operations) and go out as signals. "Modified" means the text differs
from the text last loaded or saved, so undoing back to the saved state clears it.

Typing in the source editor reports that the body changed (``body_edited``). A long
body is then copied out of the editor when something reads ``post``, not on every
key, which would cost milliseconds per keystroke; once modified, whether it is back
at the saved text is settled after a short pause in typing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from editor.document.post import Post

# Bodies this long are read from the editor only when needed.
LAZY_LENGTH = 64 * 1024
# How long after the last keystroke the modified state of a long body is settled.
SETTLE_MS = 250


@dataclass
class DocumentState:
    """A post put aside (a background tab): the post and the text it was saved as."""

    post: Post
    saved: tuple[str | None, str] | tuple[None, None]

    @classmethod
    def fresh(cls, post: Post) -> DocumentState:
        """``post`` as just loaded: not modified."""
        return cls(post, (post.front_matter_text, post.body))

    def is_modified(self) -> bool:
        """True when the post's text differs from what was last loaded or saved."""
        return (self.post.front_matter_text, self.post.body) != self.saved


class Document(QObject):
    """One post being edited; the single source of truth for every pane."""

    bodyChanged = Signal()
    frontMatterChanged = Signal()
    modifiedChanged = Signal(bool)
    pathChanged = Signal(object)  # Path | None
    # The whole post was replaced (open, revert, new): views reload everything.
    reloaded = Signal()

    def __init__(self, post: Post | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._post = post if post is not None else Post.new({"title": ""}, "", "markdown")
        self._saved = self._snapshot()
        self._modified = False
        self._body_source: Callable[[], str] | None = None
        self._body_stale = False
        self._stale_length = 0
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._pull_body)

    # Construction ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, parent: QObject | None = None) -> Document:
        """Load ``path``; raises PostError (with ``.message``) when it cannot be read."""
        return cls(Post.load(Path(path)), parent)

    @classmethod
    def from_template(cls, template: str | Path, parent: QObject | None = None) -> Document:
        """A new untitled document whose text is the template's text."""
        post = Post.load(Path(template))
        post.path = None
        return cls(post, parent)

    # Reading --------------------------------------------------------------------------

    @property
    def post(self) -> Post:
        """The core post (read it freely; change it only through this object)."""
        self._pull_body()
        return self._post

    def body_length(self) -> int:
        """Length of the body without copying it out of the editor (for delays and limits:
        while the editor holds newer text, it counts UTF-16 code units)."""
        return self._stale_length if self._body_stale else len(self._post.body)

    def body_format(self) -> str:
        """The body's format ("html" or "markdown"), without reading the editor's text."""
        return self._post.format

    @property
    def path(self) -> Path | None:
        """The file this document was loaded from or saved to; None while untitled."""
        return self._post.path

    def display_name(self) -> str:
        """File name for titles and prompts ("" while untitled; the window names it)."""
        return self._post.path.name if self._post.path else ""

    def is_modified(self, *, exact: bool = True) -> bool:
        """True when the text differs from what was last loaded or saved.

        ``exact=False``: as last settled, without reading the editor's text (a body
        typed back to the saved text still counts as modified for a moment).
        """
        if exact:
            self._pull_body()
        return self._modified

    def is_raw(self) -> bool:
        """True while the front matter is not valid YAML (the form shows its source)."""
        return self._post.yaml_error is not None

    # Edits ----------------------------------------------------------------------------

    def set_field(self, key: str, value: Any) -> None:
        """Change one front-matter field losslessly; raises YamlError in raw mode."""
        self._post.set(key, value)
        self.frontMatterChanged.emit()
        self._update_modified()

    def unset_field(self, key: str) -> None:
        """Remove one front-matter field losslessly; raises YamlError in raw mode."""
        self._post.unset(key)
        self.frontMatterChanged.emit()
        self._update_modified()

    def set_front_matter_text(self, text: str | None) -> None:
        """Replace the YAML between the fences (None: no front matter). May enter raw mode."""
        if text == self._post.front_matter_text:
            return
        self._post.front_matter_text = text
        self.frontMatterChanged.emit()
        self._update_modified()

    def set_body_source(self, source: Callable[[], str] | None) -> None:
        """Where ``body_edited`` reads the body from (the source editor's text)."""
        self._body_source = source

    def body_edited(self, length: int) -> None:
        """The body source changed to about ``length`` characters; read it when needed."""
        self._body_stale = True
        self._stale_length = length
        if self._modified and length >= LAZY_LENGTH:
            self._settle.start()
        else:
            self._pull_body()  # short, or the first edit: shows as modified at once
        self.bodyChanged.emit()

    def set_body(self, text: str) -> None:
        """Replace the body text."""
        self._body_stale = False
        if text == self._post.body:
            return
        self._post.body = text
        self.bodyChanged.emit()
        self._update_modified()

    def set_format(self, fmt: str) -> None:
        """Switch the body format ("html" or "markdown") used for rendering."""
        if fmt != self._post.format:
            self._post.format = fmt
            self.bodyChanged.emit()

    # File operations ------------------------------------------------------------------

    def save(self, path: str | Path | None = None) -> None:
        """Write the post (atomically); raises SaveError and keeps the text on failure."""
        self._pull_body()
        old_path = self._post.path
        self._post.save(Path(path) if path is not None else None)
        self._saved = self._snapshot()
        self._update_modified()
        if self._post.path != old_path:
            self.pathChanged.emit(self._post.path)

    def revert(self) -> None:
        """Reload the file from disk, dropping unsaved edits; raises PostError."""
        if self._post.path is None:
            raise ValueError("an untitled document has nothing to revert to")
        self.replace(Post.load(self._post.path))

    def replace(self, post: Post) -> None:
        """Make ``post`` the document (open, revert, new) and tell every view."""
        old_path = self._post.path
        self._body_stale = False
        self._post = post
        self._saved = self._snapshot()
        self.reloaded.emit()
        self._update_modified()
        if post.path != old_path:
            self.pathChanged.emit(post.path)

    def announce(self) -> None:
        """Tell views made after the post was set about it, as ``replace`` would, keeping
        what was typed since (the window shows its first post before its components).
        The path comes first: the window's reload of its views ends the announcement."""
        if self._post.path is not None:
            self.pathChanged.emit(self._post.path)
        self.reloaded.emit()
        if self._modified:
            self.modifiedChanged.emit(True)

    def state(self) -> DocumentState:
        """The post and its saved text, to put aside while another post is shown."""
        self._pull_body()
        return DocumentState(self._post, self._saved)

    def restore(self, state: DocumentState) -> None:
        """Show a post put aside with ``state`` again, modified or not as it was."""
        old_path = self._post.path
        self._body_stale = False
        self._settle.stop()
        self._post, self._saved = state.post, state.saved
        was_modified, self._modified = self._modified, state.is_modified()
        self.reloaded.emit()  # the views (and the journal) see the restored state
        if self._modified != was_modified:
            self.modifiedChanged.emit(self._modified)
        if state.post.path != old_path:
            self.pathChanged.emit(state.post.path)

    def mark_unsaved(self) -> None:
        """Treat the text as saved nowhere (its file was deleted or renamed on disk)."""
        self._saved = (None, None)  # matches no snapshot: bodies are always strings
        self._update_modified()

    # Internals ------------------------------------------------------------------------

    def _pull_body(self) -> None:
        if self._body_stale and self._body_source is not None:
            self._body_stale = False
            self._settle.stop()
            self._post.body = self._body_source()
            self._update_modified()

    def _snapshot(self) -> tuple[str | None, str]:
        # Comparing the two parts is as exact as comparing post.text() and avoids
        # building a whole-document string on every keystroke.
        return (self._post.front_matter_text, self._post.body)

    def _update_modified(self) -> None:
        modified = self._snapshot() != self._saved
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)
