"""Markdown to HTML with Python-Markdown: ``PythonMarkdownEngine``, its converter and part cache.

An engine owns one converter (extra, toc, sane_lists, md_in_html, codehilite, the
source-line extension and, switchable, the shortcuts of ``editor.render.speedups``),
``reset()`` before each use; its lock guards it because the UI renders off its own
thread. With the shortcuts on, any error in a conversion is retried with a stock
converter, so a shortcut can never cost the writer a render.

Long posts (``PART_THRESHOLD`` characters and more) are cut at top-level block
boundaries into parts (``editor.render.parts``); each part is converted on its own
and its HTML cached by its text, so re-rendering after an edit converts only the
part that changed. What spans the whole document is carried across the parts:

- link reference definitions are guessed from the whole text first, and corrected
  with the ones the parts report defining;
- heading ids made by ``toc`` are made unique over the joined result, as ``toc``
  does for a whole document (``editor.render.part_ids``);
- source-line anchors count from the part's first line, and move with the part.

A first render of a long post (``parallel_chars`` of parts not in the cache) shares
the parts with the helper processes of the engine's render pool, if it has one and
the machine has the cores to run them side by side.

Posts with footnotes, abbreviations or a ``[TOC]`` marker need the whole document
at once and are always converted whole.
"""

from __future__ import annotations

import logging
import os
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, NamedTuple

import markdown

from editor.render import helper as render_helper
from editor.render import part_ids as render_part_ids
from editor.render import parts as render_parts
from editor.render.fences import FenceAttributesExtension
from editor.render.html import CSS_CLASS
from editor.render.parts import References
from editor.render.pool import WORKERS, RenderPool, in_helper
from editor.render.posmap import ATTRIBUTE, SourceLineExtension, strip_leftover_markers
from editor.render.speedups.fastpaths import SpeedupsExtension

log = logging.getLogger(__name__)

PART_THRESHOLD = 64 * 1024
PARALLEL_CHARS = 256 * 1024
_CACHE_CHARS = 24 * 1024 * 1024

_ANCHOR_RE = re.compile(rf' {ATTRIBUTE}="(\d+)"')


class Part(NamedTuple):
    """A converted part of a long post."""

    html: str  # anchors counted from first_line
    ids: tuple[str, ...]  # ids its tree had before toc gave headings theirs
    first_line: int
    defined: References  # link references its text defines


class NotedReferences(dict):
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

    def convert(
        self, text: str, anchors: bool, references: References | None = None
    ) -> tuple[str, References]:
        """The HTML of ``text`` and the link references it defines."""
        self.source_lines.enabled = anchors
        self.markdown.reset()
        noted = self.markdown.references = NotedReferences(references)
        try:
            return self.markdown.convert(text), noted.defined
        finally:
            # Let go of the document's tree and stash; a long post is a lot to keep.
            self.markdown.reset()

    def convert_part(
        self, text: str, first_line: int, anchors: bool, references: References
    ) -> Part:
        """One part of a long post starting at ``first_line`` (0-based) of the whole text.

        Its heading ids are left to ``render_part_ids.settle``.
        """
        self.part_ids.enabled = True
        self.source_lines.first_line = first_line
        try:
            html, defined = self.convert(text, anchors, references)
            return Part(html, tuple(self.part_ids.explicit), first_line, defined)
        finally:
            self.part_ids.enabled = False
            self.part_ids.explicit = []
            self.source_lines.first_line = 0


def build_converter(speedups: bool = True) -> Converter:
    """A new converter with our extensions; ``speedups=False`` gives the stock library's."""
    source_lines = SourceLineExtension()
    part_ids = render_part_ids.PartIdsExtension()
    extensions: list[Any] = [
        "extra", "toc", "sane_lists", "md_in_html", "codehilite", source_lines, part_ids,
        FenceAttributesExtension(),
    ]  # fmt: skip
    if speedups:
        extensions.append(SpeedupsExtension())
    converter = markdown.Markdown(
        extensions=extensions,
        extension_configs={
            # No guessing: unlabelled code stays plain, and guessing is slow.
            "codehilite": {"css_class": CSS_CLASS, "guess_lang": False},
            # Keeps Korean letters in heading ids instead of dropping them.
            "toc": {"slugify": part_ids.slugify},
        },
    )
    return Converter(converter, source_lines, part_ids)


class PythonMarkdownEngine:
    """Python-Markdown behind the ``MarkdownEngine`` interface, with its own part cache.

    ``speedups``: use the shortcuts of ``editor.render.speedups`` (same HTML, less work);
    ``pool``: helper processes that share a long first render (owned by the caller).
    """

    name = "python-markdown"

    def __init__(self, speedups: bool = True, pool: RenderPool | None = None) -> None:
        self.speedups = speedups
        self.pool = pool
        self.part_threshold = PART_THRESHOLD
        self.parallel_chars = PARALLEL_CHARS
        self.cache_limit = _CACHE_CHARS
        self._lock = threading.Lock()
        self._converter: Converter | None = None
        self._stock: Converter | None = None
        self._cache: OrderedDict[tuple[str, bool, int], Part] = OrderedDict()
        self._cache_chars = 0
        # The link references of the last long post, where guessing them from its text
        # went wrong (a definition inside a table, a quote): (the guess, what they are).
        self._corrected_references: tuple[int, References] | None = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Sent to a helper process as a recipe: there it is the helper's own engine,
        # whose converter and part cache last from one job to the next.
        return render_helper.engine, (PythonMarkdownEngine, (("speedups", self.speedups),))

    # ----------------------------------------------------------------- interface

    def convert(self, text: str, anchors: bool = True) -> str:
        """Markdown ``text`` to an HTML fragment, with ``data-source-line`` anchors if asked."""
        with self._lock:
            if len(text) < self.part_threshold or render_parts.needs_whole_document(text):
                result = self._whole(text, anchors)
            else:
                result = self._in_parts(text, anchors)
        return strip_leftover_markers(result)

    def clear_cache(self) -> None:
        """Forget every cached part (for measurements of a first render)."""
        with self._lock:
            self._cache.clear()
            self._cache_chars = 0

    def convert_whole(self, text: str, anchors: bool = True) -> str:
        """``text`` converted in one go, never by parts (what the parts must add up to)."""
        with self._lock:
            return self._whole(text, anchors)

    def convert_parts(
        self, parts: list[tuple[str, int]], anchors: bool, references: References
    ) -> list[Part]:
        """Convert each (text, first line) on its own, uncached (what a helper process does)."""
        with self._lock:
            return self._convert_parts(parts, anchors, references)

    # ------------------------------------------------------------- conversions

    def _converter_for(self, speedups: bool) -> Converter:
        """The engine's converter (call with the lock held), built on first use."""
        if not speedups:
            if self._stock is None:
                self._stock = build_converter(speedups=False)
            return self._stock
        if self._converter is None:
            self._converter = build_converter(speedups=True)
        return self._converter

    def _with_fallback(self, work):
        """``work(converter)`` with the engine's converter; a shortcut that fails gives way
        to the stock converter (call with the lock held)."""
        if not self.speedups:
            return work(self._converter_for(False))
        try:
            return work(self._converter_for(True))
        except Exception:  # noqa: BLE001 - the stock library gets its chance
            log.exception("a Markdown shortcut failed; converting with the stock library")
            return work(self._converter_for(False))

    def _whole(self, text: str, anchors: bool) -> str:
        return self._with_fallback(lambda converter: converter.convert(text, anchors)[0])

    def _convert_part(
        self, text: str, first_line: int, anchors: bool, references: References
    ) -> Part:
        return self._with_fallback(
            lambda converter: converter.convert_part(text, first_line, anchors, references)
        )

    def _convert_parts(
        self, parts: list[tuple[str, int]], anchors: bool, references: References
    ) -> list[Part]:
        return [self._convert_part(text, line, anchors, references) for text, line in parts]

    def _convert_missing(
        self, parts: list[tuple[str, int]], anchors: bool, references: References
    ) -> list[Part]:
        """Convert (text, first line) parts the cache lacks, sharing them with helpers when
        there is a lot."""
        total = sum(len(text) for text, _ in parts)
        ways = min(os.cpu_count() or 1, WORKERS + 1)
        if self.pool is None or total < self.parallel_chars or ways < 2 or in_helper():
            return self._convert_parts(parts, anchors, references)
        # Consecutive shares of about equal size; this process converts the first.
        shares: list[list[tuple[str, int]]] = [[]]
        size = 0
        for part in parts:
            if size >= total * len(shares) / ways and len(shares) < ways:
                shares.append([])
            shares[-1].append(part)
            size += len(part[0])
        futures = [
            self.pool.submit(render_helper.convert_parts, self, share, anchors, references)
            for share in shares[1:]
        ]
        converted = self._convert_parts(shares[0], anchors, references)
        for share, future in zip(shares[1:], futures, strict=True):
            try:
                theirs = future.result() if future is not None else None
            except Exception as exc:  # noqa: BLE001 - a dead helper must not lose the render
                log.warning("render helper failed (%s); converting here", exc)
                theirs = None
            converted += theirs if theirs is not None else self._convert_parts(
                share, anchors, references
            )
        return converted

    # ------------------------------------------------------------ the part cache

    def _remember(self, key: tuple[str, bool, int], part: Part) -> None:
        self._cache[key] = part
        self._cache_chars += len(key[0]) + len(part.html)
        while self._cache_chars > self.cache_limit and len(self._cache) > 1:
            (old_text, _, _), old_part = self._cache.popitem(last=False)
            self._cache_chars -= len(old_text) + len(old_part.html)

    def _in_parts(self, text: str, anchors: bool) -> str:
        parts = render_parts.cut(text)
        guess = render_parts.guess_references(text)
        guess_key = render_parts.references_key(guess)
        references = guess
        corrected = self._corrected_references
        if corrected is not None and corrected[0] == guess_key:
            references = corrected[1]
        html, defined = self._join_parts(parts, anchors, references)
        if defined != references:
            self._corrected_references = (guess_key, defined)
            html, _ = self._join_parts(parts, anchors, defined)
        return html

    def _join_parts(
        self, parts: list[tuple[str, int]], anchors: bool, references: References
    ) -> tuple[str, References]:
        """The HTML of the parts joined, and the link references they define."""
        cache = self._cache
        key_of_references = render_parts.references_key(references)
        keys = [(part, anchors, key_of_references) for part, _ in parts]
        missing = {
            key: start for key, (_, start) in zip(keys, parts, strict=True) if key not in cache
        }
        converted = self._convert_missing(
            [(key[0], start) for key, start in missing.items()], anchors, references
        )
        for key, part in zip(missing, converted, strict=True):
            self._remember(key, part)
        pieces = []
        explicit_ids: list[str] = []
        defined: References = {}
        for key, (_, start) in zip(keys, parts, strict=True):
            part = cache.get(key)
            if part is None:  # pushed out again by the parts just added (a huge post)
                part = self._convert_part(key[0], start, anchors, references)
            else:
                cache.move_to_end(key)
            html = part.html
            if anchors and part.first_line != start:
                # The part moved (lines added or removed above it): move its anchors too.
                html = _ANCHOR_RE.sub(
                    lambda m, by=start - part.first_line: f' {ATTRIBUTE}="{int(m[1]) + by}"',
                    html,
                )
                cache[key] = part._replace(html=html, first_line=start)
            pieces.append(html)
            explicit_ids += part.ids
            defined.update(part.defined)
        joined = "\n".join(piece for piece in pieces if piece)
        return render_part_ids.settle(joined, explicit_ids), defined
