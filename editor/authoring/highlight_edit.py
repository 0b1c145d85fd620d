"""Applying a highlight preset to a selection: wrap, unwrap, toggle and replace as text edits.

Markdown bodies use the very same inline HTML as HTML bodies, so every operation
here works on both formats; only the paragraph splitting differs (``</p><p>``
boundaries in HTML, lines in Markdown).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from editor.authoring.highlight_scan import Highlight, find_highlights
from editor.authoring.presets import Preset
from editor.markup import (
    BLOCK_TAGS,
    Comment,
    Element,
    Tag,
    entity_spans,
    markup,
    pair_elements,
    strip_tags,
)


@dataclass(frozen=True)
class Edit:
    """Result of a text operation: the new body and the selection to show in it."""

    text: str
    start: int
    end: int


def _snap(body: str, pos: int, tags: list[Tag | Comment], *, is_start: bool) -> int:
    """Move ``pos`` out of a tag or entity: starts move forward, ends backward."""
    for spans in (((t.start, t.end) for t in tags), entity_spans(body)):
        for s, e in spans:
            if s < pos < e:
                return e if is_start else s
            if s >= pos:
                break
    return pos


def _remove_ranges(text: str, ranges: list[tuple[int, int]]) -> tuple[str, Any]:
    """Delete ``ranges`` (non-overlapping) and return the text and an offset mapper."""
    ranges = sorted(ranges)
    pieces, last = [], 0
    for s, e in ranges:
        pieces.append(text[last:s])
        last = e
    pieces.append(text[last:])

    def mapper(pos: int) -> int:
        shift = 0
        for s, e in ranges:
            if pos >= e:
                shift += e - s
            elif pos > s:
                shift += pos - s
        return pos - shift

    return "".join(pieces), mapper


def _unwrap(text: str, highlights: list[Highlight]) -> tuple[str, Any]:
    cuts: list[tuple[int, int]] = []
    for h in highlights:
        cuts += [(h.start, h.inner_start), (h.inner_end, h.end)]
    return _remove_ranges(text, cuts)


_MD_MARKER_RE = re.compile(r"[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)")
# Lines that hold no inline text: rules, code fences, table delimiter rows.
_MD_SKIP_LINE_RE = re.compile(
    r"[ \t]*(?:(?:[-*_][ \t]*){3,}|`{3,}.*|~{3,}.*|\|?[ \t:|-]+\|[ \t:|-]*)"
)


_PIPE_RE = re.compile(r"(?<!\\)\|")


def _line_at(text: str, pos: int) -> str:
    end = text.find("\n", pos)
    return text[text.rfind("\n", 0, pos) + 1:len(text) if end == -1 else end]


def _after_line_marker(text: str, pos: int) -> int:
    """A caret inside a Markdown line's "## " / "- " / "> " prefix moves past it."""
    line_start = text.rfind("\n", 0, pos) + 1
    marker_end = line_start
    while (m := _MD_MARKER_RE.match(text, marker_end)) and m.end() > marker_end:
        marker_end = m.end()
    return max(pos, marker_end)


def _segments(text: str, start: int, end: int, fmt: str) -> list[tuple[int, int]]:
    """Split [start, end) into inline runs that can each take one highlight."""
    bounds = [start]
    for t in markup(text, start, end):
        if isinstance(t, Comment) or t.name in BLOCK_TAGS:
            bounds += [t.start, t.end]
    bounds.append(end)
    runs = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    if fmt != "markdown":
        return runs
    lines: list[tuple[int, int]] = []
    for s, e in runs:
        pos = s
        while pos <= e:
            nl = text.find("\n", pos, e)
            line_end = e if nl == -1 else nl
            whole_line = _line_at(text, pos)
            if _MD_SKIP_LINE_RE.fullmatch(whole_line):
                line_start = line_end
            else:
                line_start = min(_after_line_marker(text, pos), line_end)
            if whole_line.lstrip().startswith("|"):
                # A pipe-table row: each cell is its own run.
                cuts = [m.start() for m in _PIPE_RE.finditer(text, line_start, line_end)]
                edges = [line_start, *[c for cut in cuts for c in (cut, cut + 1)], line_end]
                lines += [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
            else:
                lines.append((line_start, line_end))
            if nl == -1:
                break
            pos = nl + 1
    return lines


def _balance(text: str, s: int, e: int, elements: list[Element]) -> tuple[int, int]:
    """Grow [s, e) so it never cuts an inline element (a link, italics) in half."""
    changed = True
    while changed:
        changed = False
        for el in elements:
            if el.name in BLOCK_TAGS:
                continue
            opens_inside = s <= el.open_start < e
            closes_inside = s < el.close_end <= e
            if opens_inside and not closes_inside:
                e, changed = el.close_end, True
            elif closes_inside and not opens_inside:
                s, changed = el.open_start, True
    return s, e


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _wrap_runs(text: str, start: int, end: int, preset: Preset, fmt: str) -> Edit:
    elements = pair_elements(markup(text))
    runs = []
    for s, e in _segments(text, start, end, fmt):
        s, e = _trim(text, s, e)
        if s >= e:
            continue
        s, e = _balance(text, s, e, elements)
        if strip_tags(text[s:e]).strip():
            runs.append((s, e))
    if not runs:
        return Edit(text, start, end)
    open_tag, close_tag = preset.open_tag(), preset.close_tag()
    pieces, last = [], 0
    for s, e in runs:
        pieces += [text[last:s], open_tag, text[s:e], close_tag]
        last = e
    pieces.append(text[last:])
    added = (len(open_tag) + len(close_tag)) * len(runs)
    return Edit("".join(pieces), runs[0][0], runs[-1][1] + added)


def apply_preset(body: str, start: int, end: int, preset: Preset, presets: list[Preset],
                 fmt: str = "html") -> Edit:
    """Apply ``preset`` to the selection ``[start, end)`` of ``body``.

    - Plain text is wrapped; a selection spanning paragraphs (``</p>…<p>`` or other
      block tags; lines in Markdown, skipping list/heading/quote markers) is wrapped
      per paragraph so markup never crosses a block boundary.
    - If everything selected is already highlighted with ``preset``, the highlight is
      removed (toggle); highlights of other presets inside the selection are replaced.
    - A selection touching or inside a highlight acts on that whole highlight, so
      highlights are never nested. Edges inside a tag or entity snap out of it; a
      partly selected link or italic run is taken whole.
    - With an empty selection inside a highlight, that highlight is toggled/replaced;
      elsewhere an empty pair of tags is inserted with the caret between them.

    Returns the new text and the new selection (covering the written markup).
    """
    start, end = sorted((max(0, min(start, len(body))), max(0, min(end, len(body)))))
    tags = list(markup(body))
    start = _snap(body, start, tags, is_start=True)
    end = max(start, _snap(body, end, tags, is_start=False))
    highlights = find_highlights(body, presets)

    if start == end:
        around = [h for h in highlights if h.start < start < h.end]
        heading = None if around else heading_text_range(body, start, fmt)
        if heading is not None:
            start, end = heading  # a caret in a heading emphasises the heading's text
        elif not around:
            if fmt == "markdown":
                if _MD_SKIP_LINE_RE.fullmatch(_line_at(body, start)):
                    return Edit(body, start, start)  # a rule or fence holds no inline text
                start = _after_line_marker(body, start)
            caret = start + len(preset.open_tag())
            return Edit(body[:start] + preset.wrap("") + body[start:], caret, caret)
        else:
            start, end = around[-1].start, around[-1].end

    changed = True
    while changed:
        changed = False
        for h in highlights:
            overlaps = h.start < end and start < h.end
            if overlaps and not (start <= h.start and h.end <= end):
                start, end, changed = min(start, h.start), max(end, h.end), True

    inside = [h for h in highlights if start <= h.start and h.end <= end]
    mine = [h for h in inside if h.preset_id == preset.id]
    if mine and _covered(body, start, end, mine):
        text, mapper = _unwrap(body, mine)
        return Edit(text, mapper(start), mapper(end))

    text, mapper = _unwrap(body, inside)
    return _wrap_runs(text, mapper(start), mapper(end), preset, fmt)


_HTML_HEADING_RE = re.compile(r"<(h[1-6])\b[^>]*>(.*?)</\1\s*>", re.I | re.S)
_MD_HEADING_RE = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")


def heading_text_range(body: str, pos: int, fmt: str) -> tuple[int, int] | None:
    """The inner text of the heading the caret ``pos`` is in, or None outside headings.

    ``<h2 …>text</h2>`` gives the span of ``text``; in Markdown a ``## text`` line too.
    """
    line_start = body.rfind("\n", 0, pos) + 1
    line_end = body.find("\n", pos)
    line_end = len(body) if line_end == -1 else line_end
    if fmt == "markdown" and (m := _MD_HEADING_RE.fullmatch(body, line_start, line_end)):
        return (m.start(1), m.end(1)) if m.group(1).strip() else None
    for m in _HTML_HEADING_RE.finditer(body, max(0, body.rfind("<h", 0, pos + 1) - 1)):
        if m.start() <= pos <= m.end():
            return (m.start(2), m.end(2)) if strip_tags(m.group(2)).strip() else None
        if m.start() > pos:
            break
    return None


def _covered(body: str, start: int, end: int, highlights: list[Highlight]) -> bool:
    """Whether every visible character in [start, end) lies inside one of ``highlights``."""
    pos = start
    for tag in [*markup(body, start, end), None]:
        piece_end = end if tag is None else tag.start
        s, e = _trim(body, pos, piece_end)
        if s < e and not any(h.inner_start <= s and e <= h.inner_end for h in highlights):
            return False
        if tag is not None:
            pos = tag.end
    return True
