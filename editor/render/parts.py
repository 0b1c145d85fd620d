"""Cutting a long Markdown text into parts that convert on their own.

Parts end at top-level blocks whose first line hashes to 0 modulo
``BOUNDARY_MODULUS``: boundaries depend on nearby content only, so an edit does not
shift the parts after it, and the part cache of ``editor.render.markdown`` finds
them again after an edit.
"""

from __future__ import annotations

import re
import zlib

from markdown.blockprocessors import ReferenceProcessor

from editor.render.posmap import split_points

BOUNDARY_MODULUS = 32
MAX_PART_CHARS = 32 * 1024

_WHOLE_DOCUMENT_RE = re.compile(r"\[\^|^\*\[|^\[TOC\][ \t]*$", re.MULTILINE)

References = dict[str, tuple[str, str | None]]


def needs_whole_document(text: str) -> bool:
    """True for footnotes, abbreviations or a ``[TOC]`` marker: the whole text at once."""
    # Substrings first: the multi-line pattern alone takes ~12 ms on 1 MB.
    if "[^" not in text and "*[" not in text and "[TOC]" not in text:
        return False
    return _WHOLE_DOCUMENT_RE.search(text) is not None


def guess_references(text: str) -> References:
    """Link reference definitions of the whole text, as far as one pattern can tell.

    Python-Markdown takes no definition from a table and does from a quote; the parts
    report the ones they define (the engine corrects the guess with them).
    """
    if "]:" not in text:
        return {}
    found = {}
    for match in ReferenceProcessor.RE.finditer(text):
        title = match.group(5) or match.group(6)
        found[match.group(1).strip().lower()] = (match.group(2).lstrip("<").rstrip(">"), title)
    return found


def references_key(references: References) -> int:
    return hash(tuple(sorted(references.items())))


def part_starts(lines: list[str], modulus: int | None = None) -> list[int]:
    """First line index of each part.

    Parts end at blocks whose first line hashes to 0 modulo ``modulus`` (by default
    BOUNDARY_MODULUS). A part
    longer than MAX_PART_CHARS is cut again at its blocks hashing to 0 modulo half
    that, and so on; only where no block of a long part hashes so (text repeating one
    block) is it cut by size. Every cut depends on the part's own text, so an edit
    moves no boundary outside the part it is in.
    """
    # (line index, characters before it, hash of its line) of each possible start.
    candidates: list[tuple[int, int, int]] = []
    offset = 0
    previous = 0
    for index in split_points(lines):
        if index == 0:
            continue
        offset += sum(map(len, lines[previous:index])) + index - previous
        previous = index
        candidates.append((index, offset, zlib.crc32(lines[index].encode())))
    end = sum(map(len, lines)) + len(lines)
    modulus = BOUNDARY_MODULUS if modulus is None else modulus
    return [0] + _cuts(candidates, 0, end, modulus, always=True)


def _cuts(
    candidates: list[tuple[int, int, int]], start: int, end: int, modulus: int, always: bool
) -> list[int]:
    """Line indexes cutting the text from character ``start`` to ``end`` (holding
    ``candidates``) into parts; ``always``: cut at the hashes even if not too long."""
    if not candidates or not always and end - start <= MAX_PART_CHARS:
        return []
    if modulus < 2:
        cuts = []
        for index, offset, _ in candidates:
            if offset - start >= MAX_PART_CHARS:
                cuts.append(index)
                start = offset
        return cuts
    cuts = []
    piece: list[tuple[int, int, int]] = []
    for candidate in candidates:
        if candidate[2] % modulus == 0:
            cuts += _cuts(piece, start, candidate[1], modulus // 2, always=False)
            cuts.append(candidate[0])
            start = candidate[1]
            piece = []
        else:
            piece.append(candidate)
    return cuts + _cuts(piece, start, end, modulus // 2, always=False)


def cut(text: str, modulus: int | None = None) -> list[tuple[str, int]]:
    """``text`` as (part text, first line index) pairs (about ``modulus`` blocks a part)."""
    lines = text.split("\n")
    starts = part_starts(lines, modulus) + [len(lines)]
    return [
        ("\n".join(lines[start:end]), start) for start, end in zip(starts, starts[1:], strict=False)
    ]
