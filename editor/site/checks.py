"""The publish checklist: what stops a post from building (errors) or reading well (warnings).

Each problem carries the file line it is about, so the command line can print
``FILE:LINE: error: ...`` and the window can jump there. Front-matter problems point
at their key's line, body problems at the line in the body, both in file coordinates.

Messages are English; each also keeps its template and values, so the window shows
it in the writer's language (the templates are marked for Qt's translation tools).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from editor.document.post import Post
from editor.site.jekyll import POSTS_DIR, find_site_root, split_post_filename


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the tools' name
    """Mark ``text`` for Qt's translation tools (lupdate); returns it unchanged."""
    return text


EXCERPT_LIMIT = 160
"""Longer excerpts get cut off in listings and search results."""

MISSING_IMAGE = QT_TRANSLATE_NOOP("Checks", "The image file does not exist: {path}")

# Elements that never have an end tag (HTML Living Standard, "void elements").
VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)
# Names html.parser reports for things that are not elements: Markdown autolinks such as
# <https://example.com> or <me@example.com> arrive as start tags "https:" or "me@example.com".
_ELEMENT_NAME = re.compile(r"^[a-z][a-z0-9-]*$")

# Markdown images: ![alt](src "title") and ![alt][ref] with a [ref]: src definition.
_MD_INLINE_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*<?(?P<src>[^)\s>]*)>?(?:\s+[^)]*)?\)")
_MD_REF_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\[(?P<ref>[^\]]*)\]")
_MD_REF_DEF = re.compile(r"^ {0,3}\[(?P<ref>[^\]]+)\]:\s*<?(?P<src>\S+?)>?(?:\s.*)?$", re.MULTILINE)
# Fenced code and inline code hold examples, not markup of the post.
_MD_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_MD_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)


@dataclass(frozen=True)
class Problem:
    """One finding: ``line`` is 1-based in the file, ``field`` the front-matter key if any.

    ``message`` is ``template`` filled with ``values``.
    """

    level: Literal["error", "warning"]
    message: str
    line: int | None = None
    field: str | None = None
    template: str = ""
    values: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, level: Literal["error", "warning"], template: str, line: int | None = None,
           field: str | None = None, **values: object) -> Problem:
        """A problem whose message is ``template.format(**values)``."""
        texts = {key: str(value) for key, value in values.items()}
        return cls(level, template.format(**texts), line, field, template,
                   tuple(texts.items()))

    def to_dict(self) -> dict[str, Any]:
        """The problem as plain JSON-ready values."""
        return {"level": self.level, "message": self.message, "line": self.line,
                "field": self.field}


@dataclass(frozen=True)
class _Image:
    src: str | None
    alt: str | None
    line: int  # 1-based within the body


def check(post: Post, *, site_root: str | Path | None = None) -> list[Problem]:
    """Run the publish checklist on ``post``; problems come in file order.

    ``site_root`` resolves ``/assets/...`` image paths; by default it is the site that
    holds the post's file (if any).
    """
    if site_root is None and post.path is not None:
        site_root = find_site_root(post.path)
    root = Path(site_root) if site_root is not None else None
    problems: list[Problem] = []
    problems += _file_name_problems(post)
    if post.yaml_error is not None:
        error = post.yaml_error
        problems.append(Problem.of("error", QT_TRANSLATE_NOOP(
            "Checks", "Front matter is not valid YAML: {problem}"), error.line or 1,
            problem=error.message))
    else:
        problems += _front_matter_problems(post, root)
    problems += _body_problems(post, root)
    return sorted(problems, key=lambda p: (p.line or 0, p.level != "error"))


def check_text(text: str, path: str | None, fmt: str) -> list[Problem]:
    """``check`` of a post given by its text, file path and body format.

    What a helper process receives when a long post is checked away from the window.
    """
    post = Post.from_text(text, path)
    post.format = fmt
    return check(post)


# --- the file name ----------------------------------------------------------------------


def _file_name_problems(post: Post) -> list[Problem]:
    if post.path is None or POSTS_DIR not in Path(post.path).absolute().parent.parts:
        return []
    name = Path(post.path).name
    written, _ = split_post_filename(name)
    if written is None:
        return [Problem.of("error", QT_TRANSLATE_NOOP(
            "Checks", "Jekyll skips '{name}': a post's file name must start with its date, "
            "YYYY-MM-DD-"), 1, name=name)]
    try:
        year, month, day = (int(part) for part in written.split("-"))
        date(year, month, day)
    except ValueError:
        return [Problem.of("error", QT_TRANSLATE_NOOP(
            "Checks", "'{date}' in the file name is not a real date"), 1, date=written)]
    return []


# --- front matter -----------------------------------------------------------------------


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _front_matter_problems(post: Post, root: Path | None) -> list[Problem]:
    problems: list[Problem] = []
    metadata = post.metadata

    def line_of(key: str) -> int:
        return post.field_line(key) or 1

    if not _text(metadata.get("title")).strip():
        problems.append(Problem.of("error", QT_TRANSLATE_NOOP(
            "Checks", "The post has no title"), line_of("title"), "title"))

    if "excerpt" not in metadata:
        problems.append(Problem.of("warning", QT_TRANSLATE_NOOP(
            "Checks", "No excerpt: listings will show the first paragraph"), 1, "excerpt"))
    else:
        excerpt = _text(metadata.get("excerpt")).strip()
        if not excerpt:
            problems.append(Problem.of("warning", QT_TRANSLATE_NOOP(
                "Checks", "The excerpt is empty"), line_of("excerpt"), "excerpt"))
        elif len(excerpt) > EXCERPT_LIMIT:
            problems.append(Problem.of("warning", QT_TRANSLATE_NOOP(
                "Checks", "The excerpt has {count} characters; over {limit} get cut off"),
                line_of("excerpt"), "excerpt", count=len(excerpt), limit=EXCERPT_LIMIT))

    if "feature_text" in metadata:
        feature = _text(metadata.get("feature_text")).strip()
        if feature != _text(metadata.get("excerpt")).strip():
            problems.append(Problem.of("warning", QT_TRANSLATE_NOOP(
                "Checks", "The feature text differs from the excerpt"),
                line_of("feature_text"), "feature_text"))

    image = metadata.get("image")
    if isinstance(image, str) and image.strip():
        missing = _missing_local_file(image.strip(), post, root)
        if missing:
            problems.append(Problem.of("error", MISSING_IMAGE, line_of("image"), "image",
                                       path=missing))
    return problems


# --- images -----------------------------------------------------------------------------


def _missing_local_file(src: str, post: Post, root: Path | None) -> str | None:
    """``src`` as written if it names a local file that is not there, else None."""
    if "{{" in src or "{%" in src:
        return None  # Liquid fills it in at build time
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or src.startswith("#"):
        return None  # web address, data: URL, protocol-relative or in-page link
    relative = unquote(parts.path)
    if not relative:
        return None
    if relative.startswith("/"):
        if root is None:
            return None  # cannot tell without the site
        target = root / relative.lstrip("/")
    else:
        if post.path is None:
            return None
        target = Path(post.path).absolute().parent / relative
    return None if target.exists() else src


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _blank_code(body: str) -> str:
    """The Markdown body with code blocks and spans replaced by spaces, lines kept."""
    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return _MD_CODE_SPAN.sub(blank, _MD_FENCE.sub(blank, body))


def _markdown_images(body: str) -> list[_Image]:
    definitions = {m.group("ref").strip().lower(): m.group("src")
                   for m in _MD_REF_DEF.finditer(body)}
    images = [_Image(m.group("src"), m.group("alt"), _line_at(body, m.start()))
              for m in _MD_INLINE_IMAGE.finditer(body)]
    for m in _MD_REF_IMAGE.finditer(body):
        ref = (m.group("ref") or m.group("alt")).strip().lower()
        if ref in definitions:  # otherwise Markdown shows the text, not an image
            images.append(_Image(definitions[ref], m.group("alt"), _line_at(body, m.start())))
    return images


# --- the body ---------------------------------------------------------------------------


class _BodyScanner(HTMLParser):
    """Collects <img> tags and tag nesting mistakes, with 1-based body lines."""

    images: list[_Image]
    open: list[tuple[str, int]]
    unmatched: list[tuple[str, int]]
    unclosed_inside: list[tuple[str, int]]

    def reset(self) -> None:
        super().reset()
        self.images = []
        self.open = []
        self.unmatched = []
        self.unclosed_inside = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if tag == "img":
            values = dict(attrs)
            self.images.append(_Image(values.get("src"), values.get("alt"), line))
        if tag not in VOID_ELEMENTS and _ELEMENT_NAME.match(tag):
            self.open.append((tag, line))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br />, <img ... />: complete in themselves.
        if tag == "img":
            values = dict(attrs)
            self.images.append(_Image(values.get("src"), values.get("alt"), self.getpos()[0]))

    def handle_endtag(self, tag: str) -> None:
        line = self.getpos()[0]
        if tag in VOID_ELEMENTS or not _ELEMENT_NAME.match(tag):
            return
        names = [name for name, _ in self.open]
        if tag not in names:
            self.unmatched.append((tag, line))
            return
        # Whatever is still open inside the closed element was never closed.
        while self.open:
            name, opened = self.open.pop()
            if name == tag:
                break
            self.unclosed_inside.append((name, opened))


def _body_problems(post: Post, root: Path | None) -> list[Problem]:
    body = post.body
    offset = post.body_start_line - 1
    markdown = post.format != "html"
    markup = _blank_code(body) if markdown else body

    scanner = _BodyScanner()
    scanner.feed(markup)
    scanner.close()

    problems: list[Problem] = []
    for name, line in scanner.unclosed_inside + scanner.open:
        problems.append(Problem.of("warning", QT_TRANSLATE_NOOP(
            "Checks", "<{name}> is never closed"), line + offset, name=name))
    for name, line in scanner.unmatched:
        problems.append(Problem.of("warning", QT_TRANSLATE_NOOP(
            "Checks", "</{name}> has no matching <{name}>"), line + offset, name=name))

    images = scanner.images + (_markdown_images(markup) if markdown else [])
    for image in images:
        line = image.line + offset
        if image.src is None or not image.src.strip():
            problems.append(Problem.of("error", QT_TRANSLATE_NOOP(
                "Checks", "An image has no source address"), line))
        else:
            missing = _missing_local_file(image.src.strip(), post, root)
            if missing:
                problems.append(Problem.of("error", MISSING_IMAGE, line, path=missing))
        if image.alt is None or not image.alt.strip():
            problems.append(Problem.of("warning", QT_TRANSLATE_NOOP(
                "Checks", "An image has no alt text"), line))
    return problems
