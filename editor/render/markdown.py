"""Markdown to HTML with one shared Python-Markdown converter, and a part cache for long posts.

The converter is built once (extra, toc, sane_lists, md_in_html, codehilite, the
source-line extension and the shortcuts of ``render_fastpaths``) and ``reset()``
before each use; a lock guards it because the UI renders off its own thread.

Long posts (``PART_THRESHOLD`` characters and more) are cut at top-level block
boundaries into parts of a few dozen blocks each; each part is converted on its own
and its HTML cached by its text, so re-rendering after an edit converts only the
part that changed. What spans the whole document is carried across the parts:

- link reference definitions are guessed from the whole text first, and corrected
  with the ones the parts report defining;
- heading ids made by ``toc`` are made unique over the joined result, as ``toc``
  does for a whole document (``editor.render.part_ids``);
- source-line anchors count from the part's first line, and move with the part.

A first render of a long post (``PARALLEL_CHARS`` of parts not in the cache) shares
the parts with the helper processes of ``editor.render.pool``, on machines with the
cores to run them side by side.

Posts with footnotes, abbreviations or a ``[TOC]`` marker need the whole document
at once and are always converted whole.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import NamedTuple

import markdown
from markdown.blockprocessors import ReferenceProcessor

from editor.render import part_ids as render_part_ids
from editor.render import pool as render_pool
from editor.render.html import CSS_CLASS
from editor.render.posmap import (
    ATTRIBUTE,
    SourceLineExtension,
    split_points,
    strip_leftover_markers,
)
from editor.render.speedups import fastpaths as render_fastpaths

log = logging.getLogger(__name__)

PART_THRESHOLD = 64 * 1024
# A part ends at a block whose first line hashes to 0 modulo this: boundaries depend
# on nearby content only, so an edit does not shift the parts after it (see _parts).
_BOUNDARY_MODULUS = 32
_MAX_PART_CHARS = 32 * 1024
_CACHE_CHARS = 24 * 1024 * 1024
PARALLEL_CHARS = 256 * 1024

_WHOLE_DOCUMENT_RE = re.compile(r"\[\^|^\*\[|^\[TOC\][ \t]*$", re.MULTILINE)
_ANCHOR_RE = re.compile(rf' {ATTRIBUTE}="(\d+)"')

References = dict[str, tuple[str, str | None]]


class Part(NamedTuple):
    """A converted part of a long post."""

    html: str  # anchors counted from first_line
    ids: tuple[str, ...]  # ids its tree had before toc gave headings theirs
    first_line: int
    defined: References  # link references its text defines


class _NotedReferences(dict):
    """A conversion's link references, noting the ones its own text defines."""

    def __init__(self, known: References | None) -> None:
        super().__init__(known or {})
        self.defined: References = {}

    def __setitem__(self, key: str, value: tuple[str, str | None]) -> None:
        super().__setitem__(key, value)
        self.defined[key] = value


@dataclass
class Converter:
    """A Python-Markdown converter and the extensions of ours it is switched through."""

    markdown: markdown.Markdown
    source_lines: SourceLineExtension
    part_ids: render_part_ids.PartIdsExtension


_lock = threading.Lock()
_converter: Converter | None = None
_cache: OrderedDict[tuple[str, bool, int], Part] = OrderedDict()
_cache_chars = 0
# The link references of the last long post, where guessing them from its text went
# wrong (a definition inside a table, a quote): (what the guess was, what they are).
_corrected_references: tuple[int, References] | None = None


def build_converter(fast: bool = True) -> Converter:
    """A converter with our extensions; ``fast=False`` leaves out ``render_fastpaths``."""
    source_lines = SourceLineExtension()
    part_ids = render_part_ids.PartIdsExtension()
    converter = (render_fastpaths.FastMarkdown if fast else markdown.Markdown)(
        extensions=[
            "extra", "toc", "sane_lists", "md_in_html", "codehilite", source_lines, part_ids
        ],
        extension_configs={
            # No guessing: unlabelled code stays plain, and guessing is slow.
            "codehilite": {"css_class": CSS_CLASS, "guess_lang": False},
            # Keeps Korean letters in heading ids instead of dropping them.
            "toc": {"slugify": part_ids.slugify},
        },
    )
    if fast:
        render_fastpaths.install(converter)
    return Converter(converter, source_lines, part_ids)


def _markdown_converter() -> Converter:
    """The one converter, built on first use (call with ``_lock`` held)."""
    global _converter
    if _converter is None:
        _converter = build_converter()
    return _converter


def _convert(text: str, anchors: bool, references: References | None = None) -> str:
    """One conversion with the shared converter (call with ``_lock`` held)."""
    return _convert_noting(text, anchors, references)[0]


def _convert_noting(
    text: str, anchors: bool, references: References | None
) -> tuple[str, References]:
    """The HTML of ``text`` and the link references it defines (call with ``_lock`` held)."""
    converter = _markdown_converter()
    converter.source_lines.enabled = anchors
    converter.markdown.reset()
    noted = converter.markdown.references = _NotedReferences(references)
    try:
        return converter.markdown.convert(text), noted.defined
    finally:
        # Let go of the document's tree and stash; a long post is a lot to keep.
        converter.markdown.reset()


def _convert_part(text: str, first_line: int, anchors: bool, references: References) -> Part:
    """One part of a long post starting at ``first_line`` (0-based) of the whole text.

    Its heading ids are left to ``render_part_ids.settle``.
    """
    converter = _markdown_converter()
    converter.part_ids.enabled = True
    converter.source_lines.first_line = first_line
    try:
        html, defined = _convert_noting(text, anchors, references)
        return Part(html, tuple(converter.part_ids.explicit), first_line, defined)
    finally:
        converter.part_ids.enabled = False
        converter.part_ids.explicit = []
        converter.source_lines.first_line = 0


def markdown_to_html(text: str, anchors: bool = True) -> str:
    """Markdown text to an HTML fragment, with ``data-source-line`` anchors if asked."""
    with _lock:
        if len(text) < PART_THRESHOLD or _needs_whole_document(text):
            result = _convert(text, anchors)
        else:
            result = _convert_in_parts(text, anchors)
    return strip_leftover_markers(result)


def _needs_whole_document(text: str) -> bool:
    # Substrings first: the multi-line pattern alone takes ~12 ms on 1 MB.
    if "[^" not in text and "*[" not in text and "[TOC]" not in text:
        return False
    return _WHOLE_DOCUMENT_RE.search(text) is not None


def clear_cache() -> None:
    """Forget every cached part (for measurements of a first render)."""
    global _cache_chars
    with _lock:
        _cache.clear()
        _cache_chars = 0


def _references(text: str) -> References:
    """Link reference definitions of the whole text, as far as one pattern can tell.

    Python-Markdown takes no definition from a table and does from a quote; the parts
    report the ones they define (``_convert_in_parts`` corrects the guess with them).
    """
    if "]:" not in text:
        return {}
    found = {}
    for match in ReferenceProcessor.RE.finditer(text):
        title = match.group(5) or match.group(6)
        found[match.group(1).strip().lower()] = (match.group(2).lstrip("<").rstrip(">"), title)
    return found


def _parts(lines: list[str]) -> list[int]:
    """First line index of each part.

    Parts end at blocks whose first line hashes to 0 modulo _BOUNDARY_MODULUS. A part
    longer than _MAX_PART_CHARS is cut again at its blocks hashing to 0 modulo half
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
    return [0] + _cuts(candidates, 0, end, _BOUNDARY_MODULUS, always=True)


def _cuts(
    candidates: list[tuple[int, int, int]], start: int, end: int, modulus: int, always: bool
) -> list[int]:
    """Line indexes cutting the text from character ``start`` to ``end`` (holding
    ``candidates``) into parts; ``always``: cut at the hashes even if not too long."""
    if not candidates or not always and end - start <= _MAX_PART_CHARS:
        return []
    if modulus < 2:
        cuts = []
        for index, offset, _ in candidates:
            if offset - start >= _MAX_PART_CHARS:
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


def convert_parts(
    parts: list[tuple[str, int]], anchors: bool, references: References, locked: bool = False
) -> list[Part]:
    """Convert each (text, first line) on its own, uncached (what a helper process does).

    ``locked``: the caller holds ``_lock`` already.
    """
    if not locked:
        with _lock:
            return convert_parts(parts, anchors, references, locked=True)
    return [_convert_part(text, line, anchors, references) for text, line in parts]


def _convert_missing(
    parts: list[tuple[str, int]], anchors: bool, references: References
) -> list[Part]:
    """Convert (text, first line) parts the cache lacks, sharing them with helpers when
    there is a lot."""
    total = sum(len(text) for text, _ in parts)
    ways = min(os.cpu_count() or 1, render_pool.WORKERS + 1)
    if total < PARALLEL_CHARS or ways < 2 or render_pool.in_helper():
        return convert_parts(parts, anchors, references, locked=True)
    # Consecutive shares of about equal size; this process converts the first.
    shares: list[list[tuple[str, int]]] = [[]]
    size = 0
    for part in parts:
        if size >= total * len(shares) / ways and len(shares) < ways:
            shares.append([])
        shares[-1].append(part)
        size += len(part[0])
    futures = [
        render_pool.submit(convert_parts, share, anchors, references) for share in shares[1:]
    ]
    converted = convert_parts(shares[0], anchors, references, locked=True)
    for share, future in zip(shares[1:], futures, strict=True):
        try:
            theirs = future.result() if future is not None else None
        except Exception as exc:  # noqa: BLE001 - a dead helper must not lose the render
            log.warning("render helper failed (%s); converting here", exc)
            theirs = None
        converted += (
            theirs if theirs is not None else convert_parts(share, anchors, references, True)
        )
    return converted


def _remember(key: tuple[str, bool, int], part: Part) -> None:
    global _cache_chars
    _cache[key] = part
    _cache_chars += len(key[0]) + len(part.html)
    while _cache_chars > _CACHE_CHARS and len(_cache) > 1:
        (old_text, _, _), old_part = _cache.popitem(last=False)
        _cache_chars -= len(old_text) + len(old_part.html)


def _convert_in_parts(text: str, anchors: bool) -> str:
    global _corrected_references
    lines = text.split("\n")
    starts = _parts(lines) + [len(lines)]
    parts = [
        ("\n".join(lines[start:end]), start) for start, end in zip(starts, starts[1:], strict=False)
    ]
    guess = _references(text)
    guess_key = _references_key(guess)
    references = guess
    if _corrected_references is not None and _corrected_references[0] == guess_key:
        references = _corrected_references[1]
    html, defined = _join_parts(parts, anchors, references)
    if defined != references:
        _corrected_references = (guess_key, defined)
        html, _ = _join_parts(parts, anchors, defined)
    return html


def _references_key(references: References) -> int:
    return hash(tuple(sorted(references.items())))


def _join_parts(
    parts: list[tuple[str, int]], anchors: bool, references: References
) -> tuple[str, References]:
    """The HTML of the parts joined, and the link references they define."""
    references_key = _references_key(references)
    keys = [(part, anchors, references_key) for part, _ in parts]
    missing = {
        key: start for key, (_, start) in zip(keys, parts, strict=True) if key not in _cache
    }
    converted = _convert_missing(
        [(key[0], start) for key, start in missing.items()], anchors, references
    )
    for key, part in zip(missing, converted, strict=True):
        _remember(key, part)
    pieces = []
    explicit_ids: list[str] = []
    defined: References = {}
    for key, (_, start) in zip(keys, parts, strict=True):
        part = _cache.get(key)
        if part is None:  # pushed out again by the parts just added (a huge post)
            part = _convert_part(key[0], start, anchors, references)
        else:
            _cache.move_to_end(key)
        html = part.html
        if anchors and part.first_line != start:
            # The part moved (lines added or removed above it): move its anchors too.
            html = _ANCHOR_RE.sub(
                lambda m, by=start - part.first_line: f' {ATTRIBUTE}="{int(m[1]) + by}"', html
            )
            _cache[key] = part._replace(html=html, first_line=start)
        pieces.append(html)
        explicit_ids += part.ids
        defined.update(part.defined)
    joined = "\n".join(piece for piece in pieces if piece)
    return render_part_ids.settle(joined, explicit_ids), defined
