"""The publish checklist: what stops a post from building (errors) or reading well (warnings).

Each problem carries the file line it is about, so the command line can print
``FILE:LINE: error: ...`` and the window can jump there. Front-matter problems point
at their key's line, body problems at the line in the body, both in file coordinates.

Each problem's text is a :class:`~editor.messages.Message`: English for the command
line, and a code, template and values the window shows in the writer's language (the
templates are marked for Qt's translation tools in the "Checks" context).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from editor import markup as html_markup
from editor.document.post import Post
from editor.document.values import is_plain_text, value_text
from editor.messages import QT_TRANSLATE_NOOP, Message
from editor.site import placeholders
from editor.site.jekyll import POSTS_DIR, find_site_root, split_post_filename, templates

CONTEXT = "Checks"
"""The translation context of the checklist's templates."""

EXCERPT_LIMIT = 160
"""Longer excerpts get cut off in listings and search results."""

MISSING_IMAGE = QT_TRANSLATE_NOOP("Checks", "The image file does not exist: {path}")

# Elements that never have an end tag (HTML Living Standard, "void elements").
VOID_ELEMENTS = html_markup.VOID_TAGS

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

    ``text`` says what is wrong (a plain string given here becomes a message with
    nothing to translate); ``message`` is its English sentence.
    """

    level: Literal["error", "warning"]
    text: Message
    line: int | None = None
    field: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.text, str):
            object.__setattr__(self, "text", Message.plain(self.text))

    @classmethod
    def of(cls, level: Literal["error", "warning"], code: str, template: str,
           line: int | None = None, field: str | None = None, **values: object) -> Problem:
        """A problem whose message is ``template`` (of the "Checks" context) with ``values``."""
        return cls(level, Message.of(code, CONTEXT, template, **values), line, field)

    @property
    def message(self) -> str:
        """The English sentence, for the command line and logs."""
        return str(self.text)

    @property
    def code(self) -> str:
        """What kind of finding this is (``"missing-image"``), for programs."""
        return self.text.code

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
        problems.append(Problem.of("error", "yaml-invalid", QT_TRANSLATE_NOOP(
            "Checks", "Front matter is not valid YAML: {problem}"), error.line or 1,
            problem=error.message))
    else:
        problems += _front_matter_problems(post, root)
    problems += _body_problems(post, root)
    problems += _unfinished_problems(post, root)
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
        return [Problem.of("error", "file-name-no-date", QT_TRANSLATE_NOOP(
            "Checks", "Jekyll skips '{name}': a post's file name must start with its date, "
            "YYYY-MM-DD-"), 1, name=name)]
    try:
        year, month, day = (int(part) for part in written.split("-"))
        date(year, month, day)
    except ValueError:
        return [Problem.of("error", "file-name-bad-date", QT_TRANSLATE_NOOP(
            "Checks", "'{date}' in the file name is not a real date"), 1, date=written)]
    return []


# --- front matter -----------------------------------------------------------------------


def _text(value: Any) -> str:
    return value_text(value)


def _front_matter_problems(post: Post, root: Path | None) -> list[Problem]:
    problems: list[Problem] = []
    metadata = post.metadata

    def line_of(key: str) -> int:
        return post.field_line(key) or 1

    if not _text(metadata.get("title")).strip():
        problems.append(Problem.of("error", "no-title", QT_TRANSLATE_NOOP(
            "Checks", "The post has no title"), line_of("title"), "title"))
    elif not is_plain_text(metadata.get("title")):
        problems.append(Problem.of("warning", "title-not-text", QT_TRANSLATE_NOOP(
            "Checks", "The title is a list, not text: the blog shows it oddly"),
            line_of("title"), "title"))

    if "excerpt" not in metadata:
        problems.append(Problem.of("warning", "no-excerpt", QT_TRANSLATE_NOOP(
            "Checks", "No excerpt: listings will show the first paragraph"), 1, "excerpt"))
    else:
        excerpt = _text(metadata.get("excerpt")).strip()
        if not excerpt:
            problems.append(Problem.of("warning", "empty-excerpt", QT_TRANSLATE_NOOP(
                "Checks", "The excerpt is empty"), line_of("excerpt"), "excerpt"))
        elif len(excerpt) > EXCERPT_LIMIT:
            problems.append(Problem.of("warning", "long-excerpt", QT_TRANSLATE_NOOP(
                "Checks", "The excerpt has {count} characters; over {limit} get cut off"),
                line_of("excerpt"), "excerpt", count=len(excerpt), limit=EXCERPT_LIMIT))

    if "feature_text" in metadata:
        feature = _text(metadata.get("feature_text")).strip()
        if feature != _text(metadata.get("excerpt")).strip():
            problems.append(Problem.of("warning", "feature-text-differs", QT_TRANSLATE_NOOP(
                "Checks", "The feature text differs from the excerpt"),
                line_of("feature_text"), "feature_text"))

    image = metadata.get("image")
    if isinstance(image, str) and image.strip():
        missing = _missing_local_file(image.strip(), post, root)
        if missing:
            problems.append(Problem.of("error", "missing-image", MISSING_IMAGE,
                                       line_of("image"), "image", path=missing))
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


@dataclass
class _BodyScan:
    """<img> tags and tag nesting mistakes of a body, with 1-based body lines."""

    images: list[_Image]
    open: list[tuple[str, int]]  # never closed, outermost first
    unmatched: list[tuple[str, int]]  # end tags with no start tag
    unclosed_inside: list[tuple[str, int]]  # left open inside an element that was closed


def _scan_body(markup: str) -> _BodyScan:
    newlines = [m.start() for m in re.finditer("\n", markup)]
    scan = _BodyScan([], [], [], [])
    for tag in html_markup.markup(markup):
        if not isinstance(tag, html_markup.Tag):
            continue
        line = bisect_right(newlines, tag.start - 1) + 1
        if tag.name == "img" and not tag.closing:
            values = tag.attributes()
            scan.images.append(_Image(values.get("src"), values.get("alt"), line))
        # Markdown autolinks (<https://example.com>) read as tags but are no elements.
        if tag.name in VOID_ELEMENTS or not html_markup.is_element_name(tag.name):
            continue
        if not tag.closing:
            if not tag.attrs.rstrip().endswith("/"):
                scan.open.append((tag.name, line))
            continue
        names = [name for name, _ in scan.open]
        if tag.name not in names:
            scan.unmatched.append((tag.name, line))
            continue
        # Whatever is still open inside the closed element was never closed.
        while scan.open:
            name, opened = scan.open.pop()
            if name == tag.name:
                break
            scan.unclosed_inside.append((name, opened))
    return scan


def _body_problems(post: Post, root: Path | None) -> list[Problem]:
    body = post.body
    offset = post.body_start_line - 1
    markdown = post.format != "html"
    markup = _blank_code(body) if markdown else body

    scanner = _scan_body(markup)

    problems: list[Problem] = []
    for name, line in scanner.unclosed_inside + scanner.open:
        problems.append(Problem.of("warning", "unclosed-tag", QT_TRANSLATE_NOOP(
            "Checks", "<{name}> is never closed"), line + offset, name=name))
    for name, line in scanner.unmatched:
        problems.append(Problem.of("warning", "unmatched-end-tag", QT_TRANSLATE_NOOP(
            "Checks", "</{name}> has no matching <{name}>"), line + offset, name=name))

    images = scanner.images + (_markdown_images(markup) if markdown else [])
    for image in images:
        line = image.line + offset
        if image.src is None or not image.src.strip():
            problems.append(Problem.of("error", "image-no-source", QT_TRANSLATE_NOOP(
                "Checks", "An image has no source address"), line))
        else:
            missing = _missing_local_file(image.src.strip(), post, root)
            if missing:
                problems.append(Problem.of("error", "missing-image", MISSING_IMAGE, line,
                                           path=missing))
        if image.alt is None or not image.alt.strip():
            problems.append(Problem.of("warning", "image-no-alt", QT_TRANSLATE_NOOP(
                "Checks", "An image has no alt text"), line))
    return problems


# --- text the writer has not replaced yet ---------------------------------------------


def _unfinished_problems(post: Post, root: Path | None) -> list[Problem]:
    """Sample text left from a template, and a top heading repeating the title."""
    problems: list[Problem] = []
    offset = post.body_start_line - 1
    samples = placeholders.template_placeholders(templates(root).values())
    for left in placeholders.leftovers(post, samples):
        if left.key is not None:
            line = post.field_line(left.key) or 1
            problems.append(Problem.of("warning", "template-text", QT_TRANSLATE_NOOP(
                "Checks", "Still the template's sample text"), line, left.key))
        else:
            shown = left.text if len(left.text) <= 60 else left.text[:59] + "…"
            problems.append(Problem.of("warning", "template-text", QT_TRANSLATE_NOOP(
                "Checks", "Still the template's sample text: “{text}”"),
                (left.line or 1) + offset, text=shown))
    for line in placeholders.title_headings(post):
        problems.append(Problem.of("warning", "heading-repeats-title", QT_TRANSLATE_NOOP(
            "Checks", "This heading repeats the title, which the theme already shows"),
            line + offset))
    return problems
