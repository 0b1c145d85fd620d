"""Keystroke-sized preview updates for HTML bodies: only the edited pieces are rendered.

An HTML body needs no conversion: each top-level block renders on its own exactly as
inside the whole body (see ``editor.render.html``). The preview page groups the body
into pieces, each starting at a block carrying a source line (``preview_jobs.pieces``);
a ``PieceMap`` knows where those pieces start in the editor's text and follows the
writer's edits, so an edit is shown by rendering the few pieces it touched and
replacing just those in the page. Anything the map cannot vouch for (markup left open
at a cut, a piece that no longer starts with its block) returns None, and the caller
renders the whole body as before.

Offsets are the editor's (UTF-16 code units, as ``QTextDocument`` counts them), so
edits and text ranges need no conversion on the way in. No Qt here.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from editor.render import preview_page
from editor.render.html import render_html_part
from editor.render.preview_jobs import PieceLayout, piece_key, pieces, utf16_offsets

# Past this many characters an update is no longer "keystroke-sized": render it whole.
MAX_PART_LENGTH = 200_000


class PartUpdate(NamedTuple):
    """What an edit changes: the update script's call and the map's new entries."""

    call: str
    head: int
    tail: int
    keys: list[bytes]
    starts: list[int]
    lines: list[int]
    line_shift: int


class PieceMap:
    """The pieces the page shows (their keys) and where they start in the editor's text.

    ``edit`` follows every change of the text; ``dirty_span`` is then the stretch of
    text to render again, and ``update`` makes the page's call for it.
    """

    def __init__(self, shape: PieceLayout, keys: Sequence[bytes], length: int) -> None:
        self.starts = list(shape.starts)
        self.lines = list(shape.lines)
        self.keys = list(keys)
        self.length = length
        # Pieces (first, last) whose text changed since the page showed them.
        self.dirty: tuple[int, int] | None = None

    def piece_at(self, position: int) -> int:
        """The index of the piece holding ``position`` (piece 0 comes before any block)."""
        return bisect_right(self.starts, position)

    def edit(self, position: int, removed: int, added: int) -> None:
        """The text changed at ``position``: ``removed`` units gone, ``added`` new."""
        # An edit right at a piece's start may belong to the piece before it.
        first = self.piece_at(position - 1) if position > 0 else 0
        last = self.piece_at(position + removed)
        delta = added - removed
        starts = self.starts
        for index in range(first, last):  # pieces swallowed by the edit start at it
            starts[index] = min(starts[index], position)
        if delta:
            starts[last:] = [start + delta for start in starts[last:]]
        self.length += delta
        if self.dirty is not None:
            first, last = min(first, self.dirty[0]), max(last, self.dirty[1])
        self.dirty = (first, last)

    def _start_of(self, piece: int) -> int:
        return 0 if piece == 0 else self.starts[piece - 1]

    def dirty_span(self) -> tuple[int, int] | None:
        """The editor range ``[start, end)`` holding the changed pieces, if any."""
        if self.dirty is None:
            return None
        first, last = self.dirty
        end = self.length if last >= len(self.starts) else self.starts[last]
        return self._start_of(first), end

    def update(self, part: str, site_root: Path | None, embed_label: str) -> PartUpdate | None:
        """The update for the changed pieces, whose text now is ``part``; None when
        ``part`` cannot be shown on its own (then render the whole body)."""
        if self.dirty is None or len(part) > MAX_PART_LENGTH:
            return None
        first, last = self.dirty
        first_line = 1 if first == 0 else self.lines[first - 1]
        rendered, scan = render_html_part(part, first_line)
        if not scan.clean or (first > 0 and (not scan.blocks or scan.blocks[0].start != 0)):
            return None
        shown = preview_page.prepare(rendered, site_root, embed_label)
        cut = pieces(shown)
        if cut is None or len(cut[0]) != len(scan.blocks) + 1 or (first > 0 and cut[0][0]):
            return None
        parts = cut[0] if first == 0 else cut[0][1:]
        keys = [piece_key(piece) for piece in parts]
        base = self._start_of(first)
        starts = [base + offset for offset in
                  utf16_offsets(part, [block.start for block in scan.blocks])]
        lines = [block.line for block in scan.blocks]
        tail = len(self.keys) - 1 - last
        line_shift = 0
        if tail:
            line_shift = first_line + part.count("\n") - self.lines[last]
        arguments = ", ".join(json.dumps(value, ensure_ascii=False) for value in (
            first, tail, len(self.keys), "".join(parts), len(lines), line_shift))
        return PartUpdate(f"window.__articlePreview.replacePieces({arguments})",
                          first, tail, keys, starts, lines, line_shift)

    def apply(self, change: PartUpdate) -> None:
        """Take the update as shown: the map now describes the page after it."""
        first, tail = change.head, change.tail
        last = len(self.keys) - 1 - tail
        # Piece i > 0 has its start and line at index i - 1.
        low = max(first - 1, 0)
        self.starts[low:last] = change.starts
        kept_lines = self.lines[last:]
        if change.line_shift:
            kept_lines = [line + change.line_shift for line in kept_lines]
        self.lines[low:] = change.lines + kept_lines
        self.keys[first:last + 1] = change.keys
        self.dirty = None
