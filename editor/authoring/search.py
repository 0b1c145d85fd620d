"""Find and replace in plain text: options, matching spans and replacement plans.

The editor's find bar is a thin view over these functions, so the matching rules
(regular expression, match case, whole word) are testable without a display and can
be reused by anything else that searches a post body.

Offsets are Python string indices (code points). Qt counts UTF-16 code units, which
differ as soon as a text holds characters outside the Basic Multilingual Plane (emoji);
``Utf16Index`` converts between the two.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from editor.errors import EditorError

Span = tuple[int, int]


class SearchPatternError(EditorError, ValueError):
    """The query or the replacement template is not a valid regular expression."""

    def __init__(self, message: str, offset: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True)
class SearchOptions:
    """How a query matches: as a regular expression, case-sensitively, whole words only."""

    regex: bool = False
    case_sensitive: bool = False
    whole_word: bool = False


@dataclass(frozen=True)
class Replacement:
    """Replace ``text[start:end]`` with ``new_text``."""

    start: int
    end: int
    new_text: str


def compile_query(query: str, options: SearchOptions) -> re.Pattern[str]:
    """Compile ``query`` under ``options``; raise SearchPatternError if it is invalid.

    ``^`` and ``$`` match at line boundaries, as writers expect in an editor.
    """
    source = query if options.regex else re.escape(query)
    if options.whole_word:
        # \b would treat a query that starts or ends with punctuation oddly;
        # look-arounds ask exactly "no word character right outside the match".
        source = rf"(?<!\w)(?:{source})(?!\w)"
    flags = re.MULTILINE
    if not options.case_sensitive:
        flags |= re.IGNORECASE
    try:
        return re.compile(source, flags)
    except re.error as exc:
        raise SearchPatternError(exc.msg, exc.pos) from exc


def find_spans(
    text: str, query: str, options: SearchOptions, limit: int | None = None
) -> list[Span]:
    """All non-empty matches of ``query`` in ``text`` as (start, end) spans, in order.

    An empty query finds nothing. Empty matches (``^``, ``a*``) are skipped: they
    cannot be selected or counted meaningfully. ``limit`` stops early.
    """
    if not query:
        return []
    pattern = compile_query(query, options)
    spans: list[Span] = []
    for match in pattern.finditer(text):
        if match.end() > match.start():
            spans.append(match.span())
            if limit is not None and len(spans) >= limit:
                break
    return spans


def expand_replacement(match: re.Match[str], replacement: str, options: SearchOptions) -> str:
    r"""The text that replaces ``match``.

    Literal, or in regex mode a template with ``\1`` / ``\g<name>`` group references.
    """
    if not options.regex:
        return replacement
    try:
        return match.expand(replacement)
    except (re.error, IndexError) as exc:
        raise SearchPatternError(str(exc)) from exc


def match_at(text: str, span: Span, query: str, options: SearchOptions) -> re.Match[str] | None:
    """The match of ``query`` that covers exactly ``span`` in ``text``, if any.

    Used to replace the current selection only when it really is a match.
    """
    pattern = compile_query(query, options)
    start, end = span
    # Match at the span start within the whole text so look-arounds (whole word)
    # still see the characters around the span.
    match = pattern.match(text, start)
    if match is not None and match.end() == end:
        return match
    return None


def plan_replace_all(
    text: str, query: str, replacement: str, options: SearchOptions
) -> list[Replacement]:
    """Every replacement that "replace all" makes, in document order.

    Raises SearchPatternError for an invalid query or template, before anything
    is changed, so a failed replace all never leaves a half-edited text.
    """
    if not query:
        return []
    pattern = compile_query(query, options)
    plan: list[Replacement] = []
    for match in pattern.finditer(text):
        if match.end() > match.start():
            new_text = expand_replacement(match, replacement, options)
            plan.append(Replacement(match.start(), match.end(), new_text))
    return plan


def apply_replacements(text: str, plan: list[Replacement]) -> str:
    """``text`` with a replace-all plan applied (for tests and for non-Qt callers)."""
    parts: list[str] = []
    pos = 0
    for item in plan:
        parts.append(text[pos : item.start])
        parts.append(item.new_text)
        pos = item.end
    parts.append(text[pos:])
    return "".join(parts)


def pick_span(
    spans: list[Span], position: int, backward: bool = False, wrap: bool = True
) -> tuple[int | None, bool]:
    """Index of the match to go to from a cursor ``position``, and whether it wrapped.

    Forward: the first span starting at or after ``position``. Backward: the last span
    ending at or before ``position``. With ``wrap`` the search continues from the other
    end of the document; without it ``None`` is returned.
    """
    if not spans:
        return None, False
    if not backward:
        starts = [s for s, _ in spans]
        index = bisect_left(starts, position)
        if index < len(spans):
            return index, False
        return (0, True) if wrap else (None, False)
    ends = [e for _, e in spans]
    index = bisect_left(ends, position + 1) - 1
    if index >= 0:
        return index, False
    return (len(spans) - 1, True) if wrap else (None, False)


def changed_range(old: str, new: str) -> tuple[int, int, int]:
    """The smallest edit turning ``old`` into ``new``: (start, old_end, new_end).

    ``old[start:old_end]`` is replaced by ``new[start:new_end]``; the common prefix
    and suffix stay, so an editor can keep the cursor, scroll and highlighting there.
    """
    limit = min(len(old), len(new))
    start = 0
    # Compare in chunks first: a 1 MB body with an edit near the end stays fast.
    chunk = 4096
    while start + chunk <= limit and old[start : start + chunk] == new[start : start + chunk]:
        start += chunk
    while start < limit and old[start] == new[start]:
        start += 1
    old_end, new_end = len(old), len(new)
    while old_end - chunk >= start and new_end - chunk >= start and (
        old[old_end - chunk : old_end] == new[new_end - chunk : new_end]
    ):
        old_end -= chunk
        new_end -= chunk
    while old_end > start and new_end > start and old[old_end - 1] == new[new_end - 1]:
        old_end -= 1
        new_end -= 1
    return start, old_end, new_end


class Utf16Index:
    """Converts offsets in one text between code points (Python) and UTF-16 units (Qt)."""

    def __init__(self, text: str) -> None:
        astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if _has_astral(text) else []
        # UTF-16 start of each astral character: each earlier one added one extra unit.
        self._astral = astral
        self._astral_utf16 = [index + k for k, index in enumerate(astral)]

    @property
    def trivial(self) -> bool:
        """True when both counts agree everywhere (no character outside the BMP)."""
        return not self._astral

    def to_utf16(self, index: int) -> int:
        """UTF-16 offset of code point ``index``."""
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)

    def from_utf16(self, offset: int) -> int:
        """Code point index of UTF-16 ``offset`` (rounded down inside a surrogate pair)."""
        if not self._astral:
            return offset
        return offset - bisect_left(self._astral_utf16, offset)


def _has_astral(text: str) -> bool:
    # str.isascii is a fast path; otherwise the UTF-16 length tells in one C call.
    return not text.isascii() and len(text.encode("utf-16-le")) != 2 * len(text)


def utf16_length(text: str) -> int:
    """Length of ``text`` in UTF-16 code units (what Qt calls its length)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2
