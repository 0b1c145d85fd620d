"""The document: one post's front matter, body and file facts, with lossless edits.

Every view of the editor (form, source editor, preview) and every script reads
and changes a post through this class. It keeps the exact text of the front
matter, so untouched parts are saved byte for byte.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.document import frontmatter
from editor.document.frontmatter import Parsed, Parts, YamlError
from editor.document.storage import SaveError, atomic_write
from editor.document.textfile import DecodeError, EncodeError, TextFormat, decode, encode
from editor.document.values import value_text
from editor.errors import EditorError

__all__ = ["DiskStamp", "Post", "PostError", "SaveError", "YamlError"]

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mkd", ".mkdn", ".mdown"}
HTML_SUFFIXES = {".html", ".htm"}

_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n")


class PostError(EditorError):
    """A file cannot be opened as a post; ``message`` says why."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True)
class DiskStamp:
    """What the file on disk looked like when we last read or wrote it."""

    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: Path) -> DiskStamp | None:
        """The stamp of ``path`` now, or None if it does not exist."""
        try:
            st = path.stat()
        except OSError:
            return None
        return cls(st.st_mtime_ns, st.st_size)


def detect_format(body: str, path: Path | None = None) -> str:
    """``"html"`` or ``"markdown"``: from the extension, then from what the body looks like.

    Posts pasted from a blog platform are HTML even in a ``.md`` file; a body whose
    blocks mostly open with a tag is treated as HTML.
    """
    suffix = path.suffix.lower() if path else ""
    if suffix in HTML_SUFFIXES:
        return "html"
    blocks = [b.lstrip() for b in _BLOCK_SPLIT.split(body) if b.strip()]
    if blocks:
        tagged = sum(1 for b in blocks if re.match(r"<[a-zA-Z!/]", b))
        if tagged / len(blocks) >= 0.6:
            return "html"
    return "markdown"


class Post:
    """A post in memory: the exact text of each part and how to write it back."""

    def __init__(
        self,
        parts: Parts,
        *,
        path: Path | None = None,
        text_format: TextFormat | None = None,
        fmt: str | None = None,
        notices: tuple[str, ...] = (),
    ) -> None:
        self._parts = parts
        self.path = Path(path) if path is not None else None
        self.text_format = text_format or TextFormat()
        self.format = fmt or detect_format(parts.body, self.path)
        self.notices: list[str] = list(notices)
        self.disk_stamp: DiskStamp | None = None
        self._parsed: Parsed | None = None

    # -- opening ---------------------------------------------------------

    @staticmethod
    def read_bytes(path: Path) -> bytes:
        """The file's bytes; PostError with a readable reason if it cannot be read."""
        try:
            if path.is_dir():
                raise PostError(f"{path} is a folder, not a post file.", path)
            return path.read_bytes()
        except PostError:
            raise
        except FileNotFoundError:
            raise PostError(f"{path} does not exist.", path) from None
        except PermissionError:
            raise PostError(f"You do not have permission to read {path}.", path) from None
        except OSError as exc:
            raise PostError(f"Could not read {path}: {exc.strerror or exc}.", path) from None

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Post:
        """Read a post file; raise PostError with a readable reason if it cannot be opened."""
        path = Path(path)
        post = cls.from_bytes(cls.read_bytes(path), path)
        post.disk_stamp = DiskStamp.of(path)
        return post

    @classmethod
    def from_bytes(cls, data: bytes, path: str | os.PathLike[str] | None = None) -> Post:
        """A post from a file's bytes; raise PostError for binary or undecodable data."""
        try:
            decoded = decode(data)
        except DecodeError as exc:
            where = f"{Path(path).name}: " if path else ""
            raise PostError(where + exc.message, Path(path) if path else None) from None
        return cls(
            frontmatter.split_document(decoded.text),
            path=Path(path) if path else None,
            text_format=decoded.format,
            notices=decoded.notices,
        )

    @classmethod
    def from_text(cls, text: str, path: str | os.PathLike[str] | None = None) -> Post:
        """A post from text with ``\\n`` line endings."""
        return cls(frontmatter.split_document(text), path=Path(path) if path else None)

    @classmethod
    def new(
        cls,
        metadata: dict[str, Any] | None = None,
        body: str = "",
        fmt: str = "markdown",
        path: str | os.PathLike[str] | None = None,
    ) -> Post:
        """A new post with the given front matter fields, in order."""
        post = cls(Parts("---\n", "", "---\n", body), path=path, fmt=fmt)
        for key, value in (metadata or {}).items():
            post.set(key, value)
        return post

    # -- the parts ---------------------------------------------------------

    @property
    def encoding(self) -> str:
        """The file's text encoding, e.g. ``utf-8`` or ``cp949``."""
        return self.text_format.encoding

    @property
    def bom(self) -> bool:
        """Whether the file starts with a byte-order mark."""
        return self.text_format.bom

    @property
    def newline(self) -> str:
        """The file's line ending, ``"\\n"`` or ``"\\r\\n"``."""
        return self.text_format.newline

    @property
    def body(self) -> str:
        """The body text after the front matter, exactly as in the file."""
        return self._parts.body

    @body.setter
    def body(self, text: str) -> None:
        self._parts = Parts(self._parts.opening, self._parts.yaml, self._parts.closing, text)

    @property
    def front_matter_text(self) -> str | None:
        """The YAML between the fences, or None when the file has no front matter."""
        return self._parts.yaml if self._parts.opening is not None else None

    @front_matter_text.setter
    def front_matter_text(self, text: str | None) -> None:
        if text is None:
            self._parts = Parts(None, "", "", self._parts.body)
        else:
            if text and not text.endswith("\n"):
                text += "\n"
            opening = self._parts.opening or "---\n"
            closing = self._parts.closing or "---\n"
            self._parts = Parts(opening, text, closing, self._parts.body)
        self._parsed = None

    @property
    def has_front_matter(self) -> bool:
        """Whether the file has a front-matter block (even an empty one)."""
        return self._parts.opening is not None

    @property
    def body_start_line(self) -> int:
        """The 1-based line of the file where the body begins."""
        parts = self._parts
        if parts.opening is None:
            return 1
        head = parts.opening + parts.yaml + parts.closing
        return head.count("\n") + 1

    def text(self) -> str:
        """The whole document with ``\\n`` line endings."""
        return self._parts.join()

    def set_text(self, text: str) -> None:
        """Replace the whole document; it is split again into front matter and body."""
        self._parts = frontmatter.split_document(text)
        self._parsed = None

    # -- front matter values -------------------------------------------------

    def _parse(self) -> Parsed:
        if self._parsed is None:
            self._parsed = frontmatter.parse(self._parts.yaml)
        return self._parsed

    @property
    def metadata(self) -> dict[str, Any]:
        """The front matter's values; empty when the YAML is invalid (see ``yaml_error``)."""
        return dict(self._parse().data)

    @property
    def yaml_error(self) -> YamlError | None:
        """Why the front matter cannot be read, or None."""
        return self._parse().error

    def get(self, key: str, default: Any = None) -> Any:
        """One front-matter value."""
        return self._parse().data.get(key, default)

    @property
    def title(self) -> str:
        """The title as text ('' when missing; a list reads as its items)."""
        return value_text(self.get("title"))

    def set(self, key: str, value: Any) -> None:
        """Set one field, changing only its lines; raise YamlError if the YAML is invalid."""
        if self._parts.opening is None:
            self._parts = Parts("---\n", "", "---\n", self._parts.body)
        self._replace_yaml(frontmatter.set_field(self._parts.yaml, key, value))

    def unset(self, key: str) -> None:
        """Remove one field and only its lines; a missing key is no change."""
        if self._parts.opening is not None:
            self._replace_yaml(frontmatter.remove_field(self._parts.yaml, key))

    def field_line(self, key: str) -> int | None:
        """The 1-based file line where ``key`` is written, or None."""
        span = frontmatter.field_lines(self._parts.yaml).get(key)
        if span is None or self._parts.opening is None:
            return None
        return self._parts.opening.count("\n") + span[0] + 1

    def _replace_yaml(self, yaml_text: str) -> None:
        if yaml_text != self._parts.yaml:
            self._parts = Parts(self._parts.opening, yaml_text, self._parts.closing,
                                self._parts.body)
            self._parsed = None

    # -- writing -----------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The file's bytes: same encoding, BOM and line endings as when opened."""
        try:
            return encode(self.text(), self.text_format)
        except EncodeError as exc:
            raise SaveError(exc.message, self.path) from None

    def convert_to_utf8(self) -> None:
        """Save as UTF-8 (without a byte-order mark) from now on, keeping the line endings."""
        self.text_format = TextFormat("utf-8", False, self.text_format.newline)

    def save(self, path: str | os.PathLike[str] | None = None) -> None:
        """Write the post atomically to ``path`` (default: where it came from)."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise SaveError("This post has no file yet; choose where to save it.")
        atomic_write(target, self.to_bytes())
        self.path = target
        self.disk_stamp = DiskStamp.of(target)

    def __repr__(self) -> str:
        return f"Post(path={self.path!s}, format={self.format}, {self.text_format.label})"
