"""The open document: a QObject around the core Post that tells the views what changed.

The form, the source editor and the preview are views of this one model. Edits come in
through ``set_field``/``unset_field``/``set_front_matter_text``/``set_body`` (all of them
the core's lossless operations) and go out as signals. "Modified" means the text differs
from the text last loaded or saved, so undoing back to the saved state clears it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from editor.post import Post


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
        return self._post

    @property
    def path(self) -> Path | None:
        """The file this document was loaded from or saved to; None while untitled."""
        return self._post.path

    def display_name(self) -> str:
        """File name for titles and prompts ("" while untitled; the window names it)."""
        return self._post.path.name if self._post.path else ""

    def is_modified(self) -> bool:
        """True when the text differs from what was last loaded or saved."""
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

    def set_body(self, text: str) -> None:
        """Replace the body text (the source editor calls this on every edit)."""
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
        self._post = post
        self._saved = self._snapshot()
        self.reloaded.emit()
        self._update_modified()
        if post.path != old_path:
            self.pathChanged.emit(post.path)

    def mark_unsaved(self) -> None:
        """Treat the text as saved nowhere (its file was deleted or renamed on disk)."""
        self._saved = (None, None)  # matches no snapshot: bodies are always strings
        self._update_modified()

    # Internals ------------------------------------------------------------------------

    def _snapshot(self) -> tuple[str | None, str]:
        # Comparing the two parts is as exact as comparing post.text() and avoids
        # building a whole-document string on every keystroke.
        return (self._post.front_matter_text, self._post.body)

    def _update_modified(self) -> None:
        modified = self._snapshot() != self._saved
        if modified != self._modified:
            self._modified = modified
            self.modifiedChanged.emit(modified)
