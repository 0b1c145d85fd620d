"""Markdown to HTML with one shared Python-Markdown converter, and a part cache for long posts.

The converter is built once (extra, toc, sane_lists, md_in_html, codehilite and the
source-line extension) and ``reset()`` before each use; a lock guards it because the
UI renders off its own thread.

Long posts (``PART_THRESHOLD`` characters and more) are cut at top-level block
boundaries into parts of a few blocks each; each part is converted on its own and
its HTML cached by its text, so re-rendering after an edit converts only the part
that changed. What spans the whole document is carried across the parts:

- link reference definitions are collected from the whole text first;
- heading ids made unique again over the joined result, as ``toc`` does;
- source-line anchors are shifted by the part's first line.

A first render of a long post (``PARALLEL_CHARS`` of parts not in the cache) shares
the parts with the helper processes of ``editor.render_pool``, on machines with the
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

import markdown
from markdown.blockprocessors import ReferenceProcessor
from markdown.extensions.fenced_code import FencedBlockPreprocessor
from markdown.extensions.toc import slugify_unicode, unique
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from editor import render_pool
from editor.render_html import CSS_CLASS, highlight_code
from editor.render_posmap import (
    ATTRIBUTE,
    SourceLineExtension,
    split_points,
    strip_leftover_markers,
)

log = logging.getLogger(__name__)

PART_THRESHOLD = 64 * 1024
# A part ends at a block whose first line hashes to 0 modulo this: boundaries depend
# on nearby content only, so an edit does not shift the parts after it.
_BOUNDARY_MODULUS = 8
_MAX_PART_CHARS = 32 * 1024
_CACHE_CHARS = 24 * 1024 * 1024
PARALLEL_CHARS = 256 * 1024

_WHOLE_DOCUMENT_RE = re.compile(r"\[\^|^\*\[|^\[TOC\][ \t]*$", re.MULTILINE)
_ANCHOR_RE = re.compile(rf' {ATTRIBUTE}="(\d+)"')
_HEADING_ID_RE = re.compile(r'(<h[1-6]\b[^>]*?\sid=")([^"]*)(")')

_lock = threading.Lock()
_converter: markdown.Markdown | None = None
_source_lines: SourceLineExtension | None = None
_cache: OrderedDict[tuple[str, bool, int], str] = OrderedDict()
_cache_chars = 0


class _PlainFencePreprocessor(Preprocessor):
    """Highlight fences without ``{attributes}`` or ``hl_lines``, with a cache, in one pass.

    Python-Markdown's own fence preprocessor (which runs next and still handles the
    other fences) rebuilds the whole text once per fence, which is quadratic on long
    posts, and highlights every fence anew on every render. The markup is the same:
    both go through ``CodeHilite(...).hilite(shebang=False)`` with our settings.
    """

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "```" not in text and "~~~" not in text:
            return lines
        pieces = []
        copied = 0
        for match in FencedBlockPreprocessor.FENCED_BLOCK_RE.finditer(text):
            if match.group("attrs") is not None or match.group("hl_lines") is not None:
                continue
            html = highlight_code(match.group("code"), match.group("lang") or None)
            placeholder = self.md.htmlStash.store(html)
            pieces += (text[copied : match.start()], f"\n{placeholder}\n")
            copied = match.end()
        if not pieces:
            return lines
        pieces.append(text[copied:])
        return "".join(pieces).split("\n")


class _PlainTextTreeprocessor(Treeprocessor):
    """Mark text that no inline pattern can match as atomic, so ``inline`` skips it.

    Python-Markdown tries each of its inline patterns on every piece of text, which
    is most of the time spent on a long post, although most sentences hold none of
    the characters any pattern starts with. The output is the same either way.
    Only done while the converter's inline patterns are the ones listed here.
    """

    # The inline patterns of Python-Markdown 3.x (with extra's footnotes), and the
    # characters one of them needs to match; placeholders and our markers count too.
    KNOWN_PATTERNS = frozenset(
        "backtick escape reference link image_link image_reference short_reference "
        "short_image_ref autolink automail linebreak html entity em_strong em_strong2 "
        "not_strong strong_em strong emphasis emphasis2 footnote".split()
    )
    _TRIGGER_RE = re.compile(r"[`\\\[\]!<>&*_{}\x02\x03\x1e]|  \n")

    def run(self, root) -> None:
        patterns = self.md.inlinePatterns
        if sum(name in patterns for name in self.KNOWN_PATTERNS) != len(patterns):
            return
        trigger = self._TRIGGER_RE.search
        for element in root.iter():
            text = element.text
            if text and not isinstance(text, AtomicString) and not trigger(text):
                element.text = AtomicString(text)
            tail = element.tail
            if tail and not isinstance(tail, AtomicString) and not trigger(tail):
                element.tail = AtomicString(tail)


def _markdown_converter() -> tuple[markdown.Markdown, SourceLineExtension]:
    """The one converter, built on first use (call with ``_lock`` held)."""
    global _converter, _source_lines
    if _converter is None or _source_lines is None:
        _source_lines = SourceLineExtension()
        _converter = markdown.Markdown(
            extensions=["extra", "toc", "sane_lists", "md_in_html", "codehilite", _source_lines],
            extension_configs={
                # No guessing: unlabelled code stays plain, and guessing is slow.
                "codehilite": {"css_class": CSS_CLASS, "guess_lang": False},
                # Keep Korean letters in heading ids instead of dropping them.
                "toc": {"slugify": slugify_unicode},
            },
        )
        _converter.preprocessors.register(
            _PlainFencePreprocessor(_converter), "plain_fenced_code", 26
        )
        # Right before "inline" (20).
        _converter.treeprocessors.register(_PlainTextTreeprocessor(_converter), "plain_text", 21)
    return _converter, _source_lines


def _convert(text: str, anchors: bool, references: dict | None = None) -> str:
    """One conversion with the shared converter (call with ``_lock`` held)."""
    converter, source_lines = _markdown_converter()
    source_lines.enabled = anchors
    converter.reset()
    try:
        if references:
            converter.references.update(references)
        return converter.convert(text)
    finally:
        # Let go of the document's tree and stash; a long post is a lot to keep.
        converter.reset()


def markdown_to_html(text: str, anchors: bool = True) -> str:
    """Markdown text to an HTML fragment, with ``data-source-line`` anchors if asked."""
    with _lock:
        if len(text) < PART_THRESHOLD or _WHOLE_DOCUMENT_RE.search(text):
            result = _convert(text, anchors)
        else:
            result = _convert_in_parts(text, anchors)
    return strip_leftover_markers(result)


def clear_cache() -> None:
    """Forget every cached part (for measurements of a first render)."""
    global _cache_chars
    with _lock:
        _cache.clear()
        _cache_chars = 0


def _references(text: str) -> dict[str, tuple[str, str | None]]:
    """Link reference definitions of the whole text, read as Python-Markdown reads them."""
    if "]:" not in text:
        return {}
    found = {}
    for match in ReferenceProcessor.RE.finditer(text):
        title = match.group(5) or match.group(6)
        found[match.group(1).strip().lower()] = (match.group(2).lstrip("<").rstrip(">"), title)
    return found


def _parts(lines: list[str]) -> list[int]:
    """First line index of each part."""
    starts = [0]
    size = 0
    previous = 0
    for index in split_points(lines):
        if index == 0:
            continue
        size += sum(len(line) + 1 for line in lines[previous:index])
        previous = index
        if size >= _MAX_PART_CHARS or zlib.crc32(lines[index].encode()) % _BOUNDARY_MODULUS == 0:
            starts.append(index)
            size = 0
    return starts


def convert_parts(parts: list[str], anchors: bool, references: dict) -> list[str]:
    """Convert each part on its own, uncached (what a helper process does for a long post)."""
    with _lock:
        return [_convert(part, anchors, references) for part in parts]


def _convert_missing(parts: list[str], anchors: bool, references: dict) -> list[str]:
    """Convert parts the cache lacks, sharing them with helpers when there is a lot."""
    total = sum(map(len, parts))
    ways = min(os.cpu_count() or 1, render_pool.WORKERS + 1)
    if total < PARALLEL_CHARS or ways < 2 or render_pool.in_helper():
        return [_convert(part, anchors, references) for part in parts]
    # Consecutive shares of about equal size; this process converts the first.
    shares: list[list[str]] = [[]]
    size = 0
    for part in parts:
        if size >= total * len(shares) / ways and len(shares) < ways:
            shares.append([])
        shares[-1].append(part)
        size += len(part)
    futures = [
        render_pool.submit(convert_parts, share, anchors, references) for share in shares[1:]
    ]
    converted = [_convert(part, anchors, references) for part in shares[0]]
    for share, future in zip(shares[1:], futures, strict=True):
        try:
            theirs = future.result() if future is not None else None
        except Exception as exc:  # noqa: BLE001 - a dead helper must not lose the render
            log.warning("render helper failed (%s); converting here", exc)
            theirs = None
        converted += (
            theirs
            if theirs is not None
            else [_convert(part, anchors, references) for part in share]
        )
    return converted


def _remember(key: tuple[str, bool, int], html: str) -> None:
    global _cache_chars
    _cache[key] = html
    _cache_chars += len(key[0]) + len(html)
    while _cache_chars > _CACHE_CHARS and len(_cache) > 1:
        (old_part, _, _), old_html = _cache.popitem(last=False)
        _cache_chars -= len(old_part) + len(old_html)


def _convert_in_parts(text: str, anchors: bool) -> str:
    lines = text.split("\n")
    references = _references(text)
    references_key = hash(tuple(sorted(references.items())))
    starts = _parts(lines) + [len(lines)]
    keys = [
        ("\n".join(lines[start:end]), anchors, references_key)
        for start, end in zip(starts, starts[1:], strict=False)
    ]
    missing = list(dict.fromkeys(key for key in keys if key not in _cache))
    converted = _convert_missing([key[0] for key in missing], anchors, references)
    for key, html in zip(missing, converted, strict=True):
        _remember(key, html)
    pieces = []
    for key, start in zip(keys, starts, strict=False):
        html = _cache.get(key)
        if html is None:  # pushed out again by the parts just added (a huge post)
            html = _convert(key[0], anchors, references)
        else:
            _cache.move_to_end(key)
        if anchors and start:
            html = _ANCHOR_RE.sub(lambda m, s=start: f' {ATTRIBUTE}="{int(m[1]) + s}"', html)
        pieces.append(html)
    return _unique_heading_ids("\n".join(piece for piece in pieces if piece))


def _unique_heading_ids(html: str) -> str:
    """Make heading ids unique over the document, the way ``toc`` does within one part."""
    used: set[str] = set()

    def rename(match: re.Match[str]) -> str:
        new = match[2] if match[2] not in used else unique(match[2], used)
        used.add(new)
        return f"{match[1]}{new}{match[3]}"

    return _HEADING_ID_RE.sub(rename, html)
