"""Liquid over a long body by chunks, each kept by its text: a keystroke re-renders one.

Liquid on a 1 MB body takes far longer than converting the one Markdown part a
keystroke changed. When nothing in the body carries state from one place to another,
Liquid's output for a stretch of text depends on that text alone (and on ``site`` and
``page``), so the body is cut into chunks at blank lines outside any tag or block, and
each chunk's result is kept by its text.

State that would cross chunks sends the body to :func:`render_liquid` whole:
``assign``, ``capture``, ``increment``, ``decrement``, ``cycle``, the ``liquid`` tag,
and includes (an include may assign); so does a tag or output left open, a block not
closed, or a chunk Liquid cannot parse (the whole body is then left as written, as
whole-body Liquid leaves it). A chunk that reads the clock (``site.time``, ``"now"``)
or files (``link``) is rendered again every time. Short bodies render whole.
"""

from __future__ import annotations

import re
import threading
import zlib
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from editor.render.liquid.render import (
    LiquidProblem,
    LiquidResult,
    page_globals,
    render_liquid,
    render_piece,
)
from editor.render.liquid.site import LiquidSite

CHUNK_THRESHOLD = 64 * 1024
# A blank-line boundary whose next line hashes to 0 modulo this starts a chunk.
CHUNK_MODULUS = 16
CACHE_CHARS = 8 * 1024 * 1024

_TOKEN_RE = re.compile(r"\{\{.*?\}\}|\{%-?\s*(\w*).*?%\}", re.DOTALL)
_OPEN_RE = re.compile(r"\{\{|\{%")
_BLOCKS = frozenset("if unless for case tablerow highlight ifchanged comment raw".split())
_OPAQUE = frozenset(("comment", "raw"))
_STATEFUL = frozenset(
    "assign capture increment decrement cycle liquid include include_relative render".split()
)
_UNCACHEABLE_RE = re.compile(r"site\.time|[\"']now[\"']|\{%-?\s*link\b")
_BOUNDARY_RE = re.compile(r"\n[ \t]*\n(?=[^\s{])")


def chunk_starts(body: str, modulus: int = CHUNK_MODULUS) -> list[int] | None:
    """Offsets where ``body`` may be cut into chunks rendering alike on their own; None
    when state crosses chunks (or a tag is left open)."""
    spans: list[tuple[int, int]] = []  # where cutting is not allowed
    depth = 0
    block_start = 0
    position = 0
    while True:
        opened = _OPEN_RE.search(body, position)
        if opened is None:
            break
        token = _TOKEN_RE.match(body, opened.start())
        if token is None:
            return None
        name = token.group(1) or ""
        position = token.end()
        if name in _STATEFUL:
            return None
        if name in _OPAQUE:
            end = re.compile(rf"\{{%-?\s*end{name}\s*-?%\}}").search(body, position)
            if end is None:
                return None
            position = end.end()
            if depth == 0:
                spans.append((token.start(), position))
            continue
        if name in _BLOCKS:
            if depth == 0:
                block_start = token.start()
            depth += 1
        elif name.startswith("end") and name[3:] in _BLOCKS:
            depth -= 1
            if depth < 0:
                return None
            if depth == 0:
                spans.append((block_start, position))
        elif depth == 0:
            spans.append((token.start(), position))
    if depth:
        return None
    starts = [0]
    span_index = 0
    for boundary in _BOUNDARY_RE.finditer(body):
        start = boundary.end()
        while span_index < len(spans) and spans[span_index][1] <= start:
            span_index += 1
        if span_index < len(spans) and spans[span_index][0] < start:
            continue  # inside a tag or a block
        line_end = body.find("\n", start)
        line = body[start : line_end if line_end >= 0 else len(body)]
        if zlib.crc32(line.encode()) % modulus == 0:
            starts.append(start)
    return starts


def _joined(results: list[tuple[LiquidResult, int]]) -> LiquidResult:
    """The results of consecutive chunks (each with its first body line) as one."""
    texts: list[str] = []
    line_map: list[int] = []
    errors: list[LiquidProblem] = []
    for index, (result, first_line) in enumerate(results):
        texts.append(result.text)
        lines = result.text.count("\n") + 1
        shift = first_line - 1
        if result.line_map is None:
            mapped = range(first_line, first_line + lines)
        else:
            mapped = [line + shift for line in result.line_map]
        # A chunk ends after a newline: its empty last line is the next chunk's first.
        line_map.extend(mapped if index == len(results) - 1 else list(mapped)[:-1])
        errors.extend(LiquidProblem(p.line + shift, p.message) for p in result.errors)
    return LiquidResult("".join(texts), tuple(errors), tuple(line_map), True)


class LiquidCache:
    """Liquid results for one renderer: long bodies by chunks kept by their text."""

    def __init__(self, limit: int = CACHE_CHARS) -> None:
        self.limit = limit
        self.chunk_threshold = CHUNK_THRESHOLD
        self.chunk_modulus = CHUNK_MODULUS
        self._chunks: OrderedDict[tuple[str, str], LiquidResult] = OrderedDict()
        self._chars = 0
        self._site: LiquidSite | None = None
        self._lock = threading.Lock()

    def clear(self) -> None:
        self._chunks.clear()
        self._chars = 0

    def render(
        self,
        body: str,
        front_matter: Mapping[str, Any],
        site: LiquidSite,
        path: str | Path | None,
    ) -> LiquidResult:
        """What :func:`render_liquid` gives, from the cache where it can."""
        with self._lock:
            return self._render(body, front_matter, site, path)

    def _render(
        self,
        body: str,
        front_matter: Mapping[str, Any],
        site: LiquidSite,
        path: str | Path | None,
    ) -> LiquidResult:
        if site is not self._site:  # the site was read again: its files changed
            self.clear()
            self._site = site
        if front_matter.get("render_with_liquid") is False or (
            "{{" not in body and "{%" not in body
        ):
            return render_liquid(body, front_matter, site, path)
        starts = None
        if len(body) >= self.chunk_threshold:
            starts = chunk_starts(body, self.chunk_modulus)
        if starts is None or len(starts) < 2:
            return render_liquid(body, front_matter, site, path)
        with site.render_lock:
            globals_ = page_globals(site, body, front_matter, path)
            page = {k: v for k, v in globals_["page"].items() if k != "content"}
            key = repr((sorted(page.items(), key=lambda item: item[0]), str(path)))
            results = []
            line = 1
            for start, end in zip(starts, starts[1:] + [len(body)], strict=True):
                chunk = body[start:end]
                result = self._chunk(chunk, key, site, path, globals_)
                if result.ran and result.line_map is None:
                    break  # a chunk Liquid cannot parse: the whole body is left as written
                results.append((result, line))
                line += chunk.count("\n")
            else:
                return _joined(results)
        return render_liquid(body, front_matter, site, path)

    def _chunk(
        self, chunk: str, key: str, site: LiquidSite, path: str | Path | None, globals_: dict
    ) -> LiquidResult:
        cache_key = (chunk, key)
        result = self._chunks.get(cache_key)
        if result is not None:
            self._chunks.move_to_end(cache_key)
            return result
        result = render_piece(chunk, site, path, globals_)
        if _UNCACHEABLE_RE.search(chunk) is None:
            self._chunks[cache_key] = result
            self._chars += len(chunk) + len(result.text)
            while self._chars > self.limit and len(self._chunks) > 1:
                (old, _), old_result = self._chunks.popitem(last=False)
                self._chars -= len(old) + len(old_result.text)
        return result
