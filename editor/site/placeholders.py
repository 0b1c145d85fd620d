"""Template text a writer has not replaced yet, and a body heading that repeats the title.

A post started from a template carries sample sentences ("Write the first paragraph
here.", an excerpt saying "One or two sentences…"). They are fine markup, so nothing
else in the checklist notices them; published, they embarrass. Here every line of the
post's body and every front-matter text is compared with the templates' own.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.document.frontmatter import split_document
from editor.document.post import Post
from editor.document.values import value_text
from editor.markup import remove_tags

_MD_LINE_MARKER_RE = re.compile(r"^\s*(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,9}[.)]\s+)")
_MARKER_STARTS = frozenset("#>-*+0123456789")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_|`)")
_MD_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
# {title}, {date}, {slug}: filled in when the post is made, so never left as they are.
_FILLED_RE = re.compile(r"\{(?:title|date|slug)\}")
_HTML_H1_RE = re.compile(r"<h1\b[^>]*>(.*?)</h1\s*>", re.I | re.S)
_MD_H1_RE = re.compile(r"^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")


def line_text(line: str) -> str:
    """What a reader sees of one body line: no tags, markers or emphasis; spaces folded."""
    # Each step only where its characters occur: most lines of a long post need none.
    text = remove_tags(line) if "<" in line else line
    if "](" in text:
        text = _MD_LINK_RE.sub(r"\1", text)
    if text.lstrip()[:1] in _MARKER_STARTS:
        text = _MD_LINE_MARKER_RE.sub("", text)
    if "*" in text or "_" in text or "`" in text:
        text = _MD_EMPHASIS_RE.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split())


def _is_sample(text: str) -> bool:
    """Long enough to be a sample sentence, not a word a writer keeps ("Item", "When")."""
    return len(text.split()) >= 2 and not _FILLED_RE.search(text)


@dataclass(frozen=True)
class Placeholders:
    """The sample texts of some templates: body lines, and front-matter texts by key."""

    lines: frozenset[str]
    fields: dict[str, frozenset[str]]


def template_placeholders(paths: Iterable[Path]) -> Placeholders:
    """The sample texts of the templates at ``paths`` (unreadable ones are skipped)."""
    import yaml  # with the first check, not when the window starts

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    lines: set[str] = set()
    fields: dict[str, set[str]] = {}
    for path in paths:
        try:
            parts = split_document(path.read_text(encoding="utf-8"))
            # PyYAML's C loader: a tenth of the time of the round-trip parser, which
            # would make these two small files the bulk of every check.
            metadata = yaml.load(parts.yaml, Loader=loader) if parts.yaml.strip() else {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        # The house signature (a rel="dofollow" link line) is the writer's own, not a sample.
        kept = [line for line in parts.body.splitlines() if "dofollow" not in line.lower()]
        lines.update(text for text in map(line_text, kept) if _is_sample(text))
        for key, value in (metadata.items() if isinstance(metadata, dict) else ()):
            text = value_text(value) if isinstance(value, str) else ""
            if text and _is_sample(text) or text.startswith(("http://", "https://")):
                fields.setdefault(str(key), set()).add(text)
    return Placeholders(frozenset(lines), {k: frozenset(v) for k, v in fields.items()})


@dataclass(frozen=True)
class Leftover:
    """A sample text still in the post: a front-matter ``key`` or a body ``line`` (1-based)."""

    text: str
    key: str | None = None
    line: int | None = None


def leftovers(post: Post, placeholders: Placeholders) -> list[Leftover]:
    """Front-matter values and body lines still equal to a template's sample text."""
    found: list[Leftover] = []
    if post.yaml_error is None:
        for key, samples in placeholders.fields.items():
            value: Any = post.get(key)
            if isinstance(value, str) and value_text(value) in samples:
                found.append(Leftover(value_text(value), key=key))
    body = post.body
    # Each sample's longest word, a rarer one, marks the lines worth a closer look.
    markers = {max(words, key=len) for words in map(str.split, placeholders.lines) if words}
    for start, end in sorted(_lines_holding(body, markers)):
        text = line_text(body[start:end])
        if text in placeholders.lines:
            found.append(Leftover(text, line=body.count("\n", 0, start) + 1))
    return sorted(found, key=lambda left: left.line or 0)


def _lines_holding(body: str, markers: Iterable[str]) -> set[tuple[int, int]]:
    """(start, end) of each line holding one of ``markers``; str.find, not a regex
    alternation, which tries every marker at every position of a long post."""
    lines: set[tuple[int, int]] = set()
    for marker in markers:
        pos = body.find(marker)
        while pos != -1:
            end = body.find("\n", pos)
            end = len(body) if end == -1 else end
            lines.add((body.rfind("\n", 0, pos) + 1, end))
            pos = body.find(marker, end)
    return lines


def title_headings(post: Post) -> list[int]:
    """Body lines (1-based) of a top heading (``# …``, ``<h1>``) that repeats the title."""
    title = " ".join(post.title.split()).casefold()
    if not title:
        return []
    repeated = []
    body = post.body
    candidates = _lines_holding(body, ("#", "<h1", "<H1"))
    for start, end in sorted(candidates):
        line = body[start:end]
        number = body.count("\n", 0, start) + 1
        heading = _MD_H1_RE.match(line) if post.format == "markdown" else None
        texts = [heading.group(1)] if heading else _HTML_H1_RE.findall(line)
        if any(line_text(text).casefold() == title for text in texts):
            repeated.append(number)
    return repeated
