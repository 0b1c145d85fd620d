"""The outline of a post body: its headings, their nesting, and moving whole sections.

Headings are found in one regular-expression scan over the body, fast enough to run
after every pause in typing on a 1 MB post:

- HTML ``<h1>``–``<h6>`` in both body formats (the house's section headings are
  ``<h2 data-ke-size="size26">``, size23 for h3, size20 for h4; the house's
  ``<p data-ke-size="size16">`` is a paragraph, never a heading);
- in Markdown bodies also ATX (``## Title``) and setext (a line underlined with
  ``===`` or ``---``) headings, as Python-Markdown (our renderer) reads them: ``#``
  at the very start of a line, no space needed (``#tag`` is an h1 in the preview too).

Nothing inside HTML comments, ``<pre>``/``<script>``/``<style>``/``<textarea>``,
fenced or indented code blocks, or inline code spans counts as a heading.

A heading's *section* is the heading and everything up to the next heading of the
same or a higher level (a smaller number), or the end of the body (the house's
signature footer line stays last: it belongs to no section). Sections start at
the beginning of the heading's line, so moving one carries whole lines. Offsets are
code points (Python string indexes); lines are 1-based.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from editor.authoring.blocks import find_signature
from editor.markup import strip_tags

BODY_FORMATS = ("html", "markdown")

# The scanner: one regular expression whose alternatives are named groups; the first
# to match at a position wins, so the regions where nothing is a heading come before
# the headings they could contain. Every alternative starts with "<", "`" or the
# newline before a line, written out as a literal so the regex engine jumps from one
# such character to the next instead of trying each position of a 1 MB body (a
# scoped (?i:) flag would stop that: tag names are matched by character classes).
# Possessive repeats (*+, ++) keep a failed attempt from backtracking along its line.
_RAW_NAMES = "|".join("".join(f"[{c}{c.upper()}]" for c in name)
                      for name in ("pre", "script", "style", "textarea"))
_TAG_PARTS = (
    r"<(?:(?P<comment>!--.*?(?:-->|\Z))"
    r"|(?P<raw>(?:{raw})\b[^>]*>.*?(?:</(?:{raw})\s*>|\Z))"
    # A heading's content stops at the next heading tag: an unclosed one ends there.
    r"|(?P<html>[hH](?P<html_level>[1-6])(?:\s[^>]*)?>"
    r"(?P<html_inner>(?:[^<]++|<(?!/?[hH][1-6]))*+)</[hH](?P=html_level)\s*>))"
).replace("{raw}", _RAW_NAMES)
# Markdown only. The body is scanned with two newlines in front, so its first line
# counts as following a blank line.
_LINE_PARTS = (
    r"\n(?:(?P<fence>[ ]{0,3}(?P<fence_mark>(?P<fence_char>[`~])(?P=fence_char){2,})"
    r"[^\n]*+(?:.*?\n[ ]{0,3}(?P=fence_mark)(?P=fence_char)*[ \t]*(?=\n|\Z)|.*\Z))"
    # An indented code block follows a blank line; blank lines inside it belong to it.
    r"|(?P<indented>[ \t]*\n(?:[ ]{4}|\t)[^\n]*+"
    r"(?:\n(?:[ ]{4}|\t)[^\n]*+|\n[ \t]*(?=\n|\Z))*+)"
    r"|(?P<atx>(?P<atx_marks>#{1,6})(?P<atx_text>[^\n]*+))"
    # The text line is checked for being non-blank afterwards (else a rule).
    r"|(?P<setext>(?![ ]{4}|\t)(?P<setext_text>[^\n]*+)\n"
    r"(?P<setext_mark>=+|-+)[ \t]*(?=\n|\Z)))"
)
_CODE_SPAN = r"`(?P<span>(?P<ticks>`*)[^`\n](?:[^\n]*?[^`\n])??`(?P=ticks)(?!`))"
_LEAD = "\n\n"

_HTML_SCAN = re.compile(_TAG_PARTS, re.DOTALL)
_MARKDOWN_SCAN = re.compile("|".join((_LINE_PARTS, _TAG_PARTS, _CODE_SPAN)), re.DOTALL)

_ATX_CLOSING = re.compile(r"(?:^|[ \t])#+[ \t]*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`+)(?=\S)(.+?)(?<=\S)\1")


@dataclass(frozen=True)
class Heading:
    """One heading of the body."""

    level: int  # 1..6
    text: str  # plain text: tags stripped, entities decoded, spaces collapsed
    start: int  # offset of its first character (``<`` or ``#``, or the setext text)
    end: int  # offset just past it (the closing tag, the ``#`` line or the underline)
    line: int  # 1-based line of ``start``
    kind: str  # "html", "atx" or "setext"


@dataclass
class OutlineNode:
    """A heading in the outline tree, with the headings nested under it."""

    index: int  # position in the flat heading list
    heading: Heading
    children: list[OutlineNode] = field(default_factory=list)


@dataclass(frozen=True)
class SectionMove:
    """The result of ``move_section``: the new body and the one span that changed.

    ``old[start:old_end]`` was replaced by ``text[start:new_end]``; an editor applies
    that replacement as one undo step. The moved section now occupies
    ``text[moved_start:moved_end]``; an offset inside it before the move is ``shift``
    further along afterwards.
    """

    text: str
    start: int
    old_end: int
    new_end: int
    moved_start: int
    moved_end: int
    shift: int


def plain_text(markup: str) -> str:
    """``markup`` as a reader sees it: no comments or tags, entities decoded, one-line."""
    if "<" in markup or "&" in markup:
        markup = strip_tags(markup)
    return " ".join(markup.split())


def _markdown_text(raw: str) -> str:
    """The plain text of a Markdown heading's inline content."""
    text = raw
    if "](" in text:
        text = _MD_LINK.sub(r"\1", text)
    previous = None
    while previous != text and ("*" in text or "_" in text or "`" in text):
        # Nested emphasis (**bold _and_ more**) takes one round per level.
        previous, text = text, _MD_EMPHASIS.sub(r"\2", text)
    return plain_text(text)


def find_headings(body: str, body_format: str = "html") -> list[Heading]:
    """Every heading of ``body`` in document order.

    ``body_format`` is "html" (only HTML headings) or "markdown" (also ``#`` and
    underlined headings).
    """
    if body_format not in BODY_FORMATS:
        raise ValueError(f"unknown body format: {body_format!r}")
    if body_format == "markdown":
        scanner, text, lead = _MARKDOWN_SCAN, _LEAD + body, len(_LEAD)
    else:
        scanner, text, lead = _HTML_SCAN, body, 0
    found: list[Heading] = []
    line, counted = 1, 0  # newlines are counted up to ``counted`` only once
    for match in scanner.finditer(text):
        kind = match.lastgroup
        if kind == "html":
            level = int(match["html_level"])
            title = plain_text(match["html_inner"])
            start = match.start()
        elif kind == "atx":
            level = len(match["atx_marks"])
            title = _markdown_text(_ATX_CLOSING.sub("", match["atx_text"]))
            start = match.start() + 1
        elif kind == "setext" and match["setext_text"].strip():
            level = 1 if match["setext_mark"][0] == "=" else 2
            title = _markdown_text(match["setext_text"])
            start = match.start() + 1
        else:
            continue  # a region where nothing is a heading
        start -= lead
        line += body.count("\n", counted, start)
        counted = start
        found.append(Heading(level, title, start, match.end() - lead, line, kind))
    return found


def outline_tree(headings: Sequence[Heading]) -> list[OutlineNode]:
    """The headings nested by level: each under the nearest earlier one of a lower level."""
    roots: list[OutlineNode] = []
    stack: list[OutlineNode] = []
    for index, heading in enumerate(headings):
        node = OutlineNode(index, heading)
        while stack and stack[-1].heading.level >= heading.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def parents(headings: Sequence[Heading]) -> list[int | None]:
    """For each heading the index of the heading it is nested under (None at the top)."""
    result: list[int | None] = []
    stack: list[int] = []
    for index, heading in enumerate(headings):
        while stack and headings[stack[-1]].level >= heading.level:
            stack.pop()
        result.append(stack[-1] if stack else None)
        stack.append(index)
    return result


def section_start(body: str, heading: Heading) -> int:
    """Where ``heading``'s section begins: its line's start if only spaces precede it."""
    line_start = body.rfind("\n", 0, heading.start) + 1
    return line_start if not body[line_start:heading.start].strip() else heading.start


def section_range(body: str, headings: Sequence[Heading], index: int) -> tuple[int, int]:
    """(start, end) of heading ``index``'s section in ``body``.

    The section is the heading and everything up to the next heading of the same or a
    higher level (its subsections included), or the end of the body (before the house
    signature footer, if there is one).
    """
    heading = headings[index]
    for later in headings[index + 1:]:
        if later.level <= heading.level:
            return section_start(body, heading), section_start(body, later)
    return section_start(body, heading), sections_end(body, headings)


def sections_end(body: str, headings: Sequence[Heading]) -> int:
    """Where the last section ends: before the signature footer line, else the body's end.

    The signature closes the post, so moving the last section leaves it in place.
    """
    found = find_signature(body)
    if found is not None and headings and found[0] >= headings[-1].end:
        return found[0]
    return len(body)


def section_at(body: str, headings: Sequence[Heading], offset: int) -> int | None:
    """Index of the innermost section holding ``offset`` (None before the first heading)."""
    current = None
    for index, heading in enumerate(headings):
        if section_start(body, heading) > offset:
            break
        current = index
    return current


def sibling(headings: Sequence[Heading], index: int, direction: int) -> int | None:
    """The heading next to ``index`` under the same parent (-1: before, +1: after)."""
    tree_parents = parents(headings)
    parent = tree_parents[index]
    step = -1 if direction < 0 else 1
    other = index + step
    while 0 <= other < len(headings):
        if tree_parents[other] == parent:
            return other
        if other == parent or headings[other].level <= headings[index].level:
            return None  # reached the parent, or (going down) the end of its section
        other += step
    return None


def move_section(body: str, headings: Sequence[Heading], index: int,
                 direction: int) -> SectionMove | None:
    """Swap section ``index`` with its sibling above (``direction`` < 0) or below (> 0).

    Subsections move with their heading. Returns None when there is no sibling that
    way (the first or last section under its parent). ``headings`` must be
    ``find_headings(body, …)``.
    """
    if not 0 <= index < len(headings) or direction == 0:
        return None
    other = sibling(headings, index, direction)
    if other is None:
        return None
    upper, lower = (other, index) if direction < 0 else (index, other)
    start, middle = section_range(body, headings, upper)
    lower_start, end = section_range(body, headings, lower)
    if lower_start != middle:  # only possible if ``headings`` does not match ``body``
        return None
    first, second = body[start:middle], body[middle:end]
    if not second.endswith("\n") and first.endswith("\n"):
        # The last section of a body without a final newline: the line break between
        # the two stays between them, and the body still ends without one.
        second, first = second + "\n", first[:-1]
    new_text = body[:start] + second + first + body[end:]
    if direction < 0:
        moved_start, moved_end = start, start + len(second)
        shift = start - middle
    else:
        moved_start, moved_end = start + len(second), end
        shift = len(second)
    return SectionMove(new_text, start, end, end, moved_start, moved_end, shift)
