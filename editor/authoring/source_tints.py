"""House highlights in the body source editor: which characters to tint, which are bold.

The source editor shows a ``<span style="color: …">`` or ``background-color`` span's
text on a wash of its colour, and ``<b>``/``<strong>`` text in bold, one line at a
time. Tags are read with :mod:`editor.markup`; colours the way browsers read them.

Offsets are code points within the line.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.markup import RGBA, TagFinder, first_colour, parse_style

#: Alpha of the tint behind text coloured with ``color:`` (a background colour is
#: shown as it is, with its own alpha).
TEXT_COLOUR_TINT_ALPHA = 0.18

Rgba = RGBA

_SPANS = TagFinder({"span"})
_BOLDS = TagFinder({"b", "strong"})


@dataclass(frozen=True)
class Tint:
    """Characters ``start``..``end`` sit inside a coloured span: tint them ``rgba``."""

    start: int
    end: int
    rgba: Rgba


def style_tint(style: str) -> Rgba | None:
    """The tint a span with this ``style`` attribute gets in the source, if any.

    A background colour is shown as it is (it is what the reader sees); a text colour
    becomes a light wash of itself, so the words stay readable in the editor's colours.
    """
    declarations = parse_style(style)
    for name in ("background-color", "background"):
        # "background: #fff url(...)": the first colour-looking word is the colour.
        colour = first_colour(declarations.get(name, ""))
        if colour is not None:
            return colour
    colour = first_colour(declarations.get("color", ""))
    if colour is not None:
        return colour[0], colour[1], colour[2], TEXT_COLOUR_TINT_ALPHA
    return None


def house_tints(line: str) -> list[Tint]:
    """Inner text ranges of coloured ``<span style=…>`` elements in one line.

    Nested spans each report their own range (the inner one is listed after the
    outer one, so painting in order leaves the innermost colour on top). A span
    left open at the end of the line is tinted to the end of the line.
    """
    if "<" not in line or "<span" not in line.lower():
        return []
    tints: list[Tint] = []
    open_spans: list[tuple[int, Rgba | None]] = []
    for tag in _SPANS.find(line):
        if tag.closing:
            if open_spans:
                start, colour = open_spans.pop()
                if colour is not None:
                    tints.append(Tint(start, tag.start, colour))
            continue
        style = tag.attributes().get("style", "") if "style" in tag.attrs.lower() else ""
        open_spans.append((tag.end, style_tint(style) if style else None))
    for start, colour in open_spans:
        if colour is not None and start < len(line):
            tints.append(Tint(start, len(line), colour))
    tints.sort(key=lambda t: (t.start, -t.end))
    return tints


def bold_ranges(line: str) -> list[tuple[int, int]]:
    """Inner ranges of ``<b>``/``<strong>`` elements in one line (open ones run to the end)."""
    if "<" not in line:
        return []
    ranges: list[tuple[int, int]] = []
    open_starts: list[int] = []
    for tag in _BOLDS.find(line):
        if tag.closing:
            if open_starts:
                ranges.append((open_starts.pop(), tag.start))
        else:
            open_starts.append(tag.end)
    ranges.extend((start, len(line)) for start in open_starts if start < len(line))
    ranges.sort()
    return ranges
