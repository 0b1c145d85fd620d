"""The kramdown engine's part cache: a long post re-rendered converts only what changed.

As in the house engine (``editor.render.markdown``), a post of ``PART_THRESHOLD``
characters and more is cut at top-level blocks (``editor.render.parts``), each part is
converted on its own and its HTML kept by its text. What spans the whole post:

- link reference definitions and attribute list definitions (``{:name: .cls}``) are
  guessed from the whole text, given to every part, and corrected with the ones the
  parts report defining (one in a code block is no definition);
- automatic heading ids are numbered over the joined parts, as kramdown numbers them
  over the document (``headings.settle_ids``);
- source-line anchors count from the part's first line and move with the part.

Footnotes, abbreviations and ``{:toc}`` need the whole document: a post holding one
is converted whole. Parts never end on a block attribute list (it may belong to the
block after it) nor inside ``$$`` math or a ``{::comment}``/``{::nomarkdown}`` pair.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable
from typing import NamedTuple

from editor.render import parts as render_parts
from editor.render.kramdown import attributes, code
from editor.render.parts import References
from editor.render.posmap import ATTRIBUTE

PART_THRESHOLD = 4 * 1024
# Blocks hashing to 0 modulo this end a part: about that many blocks a part.
PART_MODULUS = 16
CACHE_CHARS = 24 * 1024 * 1024

_WHOLE_DOCUMENT_RE = re.compile(r"\[\^|^\*\[|\{:[^}\n]*\btoc\b", re.MULTILINE)
_ANCHOR_RE = re.compile(rf' {ATTRIBUTE}="(\d+)"')

Definitions = dict[str, str]


class Part(NamedTuple):
    """A converted part of a long post."""

    html: str  # anchors counted from first_line, automatic ids marked
    first_line: int
    references: References  # link references its text defines
    definitions: Definitions  # attribute list definitions its text defines


# (text, first line 0-based, anchors, link references, attribute list definitions)
ConvertPart = Callable[[str, int, bool, References, Definitions], Part]


def needs_whole_document(text: str) -> bool:
    """True for footnotes, abbreviations or a ``{:toc}``: the whole text at once."""
    if "[^" not in text and "*[" not in text and "toc" not in text:
        return False
    return _WHOLE_DOCUMENT_RE.search(text) is not None


def cut(text: str, modulus: int = PART_MODULUS) -> list[tuple[str, int]]:
    """``text`` as (part text, first line index) pairs that convert on their own."""
    parts = render_parts.cut(text, modulus)
    fences = code.fence_lines(text)
    joined: list[tuple[str, int]] = []
    pending: tuple[str, int] | None = None
    for index, (part_text, first) in enumerate(parts):
        if pending is not None:
            part_text, first = pending[0] + "\n" + part_text, pending[1]
        following = parts[index + 1][1] if index + 1 < len(parts) else None
        if _open_at_end(part_text) or _inside_fence(following, fences):
            pending = (part_text, first)
        else:
            joined.append((part_text, first))
            pending = None
    if pending is not None:
        joined.append(pending)
    return joined


def _inside_fence(line: int | None, fences: list[tuple[int, int]]) -> bool:
    """Whether a part starting at ``line`` would cut one of the engine's fences (in order)."""
    if line is None or not fences:
        return False
    index = bisect_left(fences, (line, -1)) - 1  # the last fence starting above the line
    return index >= 0 and line <= fences[index][1]


def _open_at_end(text: str) -> bool:
    """Whether what ``text`` ends with must be converted with the part after it."""
    if text.count("$$") % 2:
        return True
    if "{::" in text and text.count("{::comment") + text.count("{::nomarkdown") > text.count(
        "{:/"
    ):
        return True
    last = text.rstrip().rsplit("\n", 1)[-1]
    return attributes.is_block_list(last)


def _key(values: dict) -> int:
    return hash(tuple(sorted(values.items())))


class PartCache:
    """Converted parts by their text (and what was known when they were converted)."""

    def __init__(self, limit: int = CACHE_CHARS) -> None:
        self.limit = limit
        self.modulus = PART_MODULUS
        self._parts: OrderedDict[tuple, Part] = OrderedDict()
        self._chars = 0
        # Where the guess from the whole text was wrong: (guess key, what the parts say).
        self._corrected: tuple[int, References, Definitions] | None = None

    def clear(self) -> None:
        self._parts.clear()
        self._chars = 0
        self._corrected = None

    def convert(self, text: str, anchors: bool, convert_part: ConvertPart) -> str:
        """The HTML of ``text`` joined from its parts (ids still marked)."""
        parts = cut(text, self.modulus)
        references = render_parts.guess_references(text)
        definitions = attributes.guess_definitions(text)
        guess_key = hash((_key(references), _key(definitions)))
        corrected = self._corrected
        if corrected is not None and corrected[0] == guess_key:
            references, definitions = corrected[1], corrected[2]
        html, defined_references, defined = self._join(
            parts, anchors, references, definitions, convert_part
        )
        if defined_references != references or defined != definitions:
            self._corrected = (guess_key, defined_references, defined)
            html, _, _ = self._join(parts, anchors, defined_references, defined, convert_part)
        return html

    def _remember(self, key: tuple, part: Part) -> None:
        self._parts[key] = part
        self._chars += len(key[0]) + len(part.html)
        while self._chars > self.limit and len(self._parts) > 1:
            old_key, old = self._parts.popitem(last=False)
            self._chars -= len(old_key[0]) + len(old.html)

    def _join(
        self,
        parts: list[tuple[str, int]],
        anchors: bool,
        references: References,
        definitions: Definitions,
        convert_part: ConvertPart,
    ) -> tuple[str, References, Definitions]:
        known = (_key(references), _key(definitions))
        pieces: list[str] = []
        defined_references: References = {}
        defined: Definitions = {}
        for part_text, start in parts:
            key = (part_text, anchors, known)
            part = self._parts.get(key)
            if part is None:
                part = convert_part(part_text, start, anchors, references, definitions)
                self._remember(key, part)
            else:
                self._parts.move_to_end(key)
            if anchors and part.first_line != start:
                # The part moved (lines added or removed above it): move its anchors too.
                by = start - part.first_line
                html = _ANCHOR_RE.sub(
                    lambda m, by=by: f' {ATTRIBUTE}="{int(m[1]) + by}"', part.html
                )
                part = part._replace(html=html, first_line=start)
                self._parts[key] = part
            if part.html:
                pieces.append(part.html)
            defined_references.update(part.references)
            defined.update(part.definitions)
        return "\n".join(pieces), defined_references, defined
