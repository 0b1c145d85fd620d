"""Finding the house highlights in a body, with the warnings a writer should see.

A highlight is the house's bold, coloured span inside a sentence::

    <b><span style="color: #ee2323;">…</span></b>               (kind "color")
    <b><span style="background-color: #21538527;">…</span></b>  (kind "background")
    <b>…</b>                                                    (kind "bold")

Warnings are :class:`~editor.messages.Message` values (context "Highlights"), so the
panel shows them in the writer's language without reading English back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from editor.authoring.presets import Preset, match_preset
from editor.markup import Element, markup, pair_elements, parse_style, strip_tags
from editor.messages import QT_TRANSLATE_NOOP, Message

CONTEXT = "Highlights"
"""The translation context of the warnings' templates."""

_BOLD_TAGS = ("b", "strong")

EMPTY = Message("empty", QT_TRANSLATE_NOOP(
    "Highlights", "Empty highlight: nothing between the tags"), context=CONTEXT)
NESTED = Message("nested", QT_TRANSLATE_NOOP(
    "Highlights", "Nested inside another highlight"), context=CONTEXT)
NOT_BOLD = Message("not-bold", QT_TRANSLATE_NOOP(
    "Highlights", "Coloured but not bold: matches no preset"), context=CONTEXT)
_UNMATCHED_TEXT = QT_TRANSLATE_NOOP("Highlights", "Text colour {color} matches no preset")
_UNMATCHED_BACKGROUND = QT_TRANSLATE_NOOP(
    "Highlights", "Background colour {color} matches no preset")


def unmatched_colour(kind: str, color: str) -> Message:
    """The warning for a text (``kind`` "color") or background colour no preset paints."""
    template = _UNMATCHED_TEXT if kind == "color" else _UNMATCHED_BACKGROUND
    return Message.of("unmatched-colour", CONTEXT, template, color=color)


def style_highlight(style: dict[str, str]) -> tuple[str, str] | None:
    """``("color" | "background", colour text)`` a style paints with, or None."""
    if "color" in style and style["color"]:
        return ("color", style["color"])
    for prop in ("background-color", "background"):
        value = style.get(prop)
        if value:
            token = re.search(r"#[0-9a-f]+|rgba?\([^)]*\)", value)
            if token:
                return ("background", token.group(0))
    return None


@dataclass
class Highlight:
    """One highlight found in a body.

    ``start``/``end`` span the whole markup, ``inner_start``/``inner_end`` the content
    (character offsets into the body); ``text`` is the visible text (tags removed,
    entities decoded); ``preset_id`` is None when no preset matches; ``line`` is
    1-based within the body.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    text: str
    preset_id: str | None
    color: str | None
    kind: str
    problems: list[Message] = field(default_factory=list)
    line: int = 1


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def find_highlights(body: str, presets: list[Preset]) -> list[Highlight]:
    """Every highlight in ``body``, in order, with problems the writer should see.

    Recognises ``<b>``/``<strong>`` around (or inside) a ``<span style=…>`` whatever
    the spacing, semicolons, quoting or letter case. Problems reported: a colour that
    matches no preset, a coloured span that is not bold, an empty highlight, and a
    highlight nested inside another one. Plain ``<b>`` counts as the bold preset (when
    the preset list has one; otherwise plain bold is not a highlight).
    """
    elements = pair_elements(markup(body))
    by_open = {e.open_start: e for e in elements}
    bold_preset = match_preset("bold", None, presets)
    consumed: set[int] = set()
    found: list[Highlight] = []

    def span_paint(e: Element) -> tuple[str, str] | None:
        if e.name != "span":
            return None
        return style_highlight(parse_style(e.attributes().get("style", "")))

    def sole_child(e: Element) -> Element | None:
        inner = body[e.open_end:e.close_start]
        i = e.open_end + len(inner) - len(inner.lstrip())
        j = e.close_start - (len(inner) - len(inner.rstrip()))
        child = by_open.get(i)
        return child if child is not None and child.close_end == j else None

    for e in elements:
        if e.open_start in consumed or e.name not in (*_BOLD_TAGS, "span"):
            continue
        child = sole_child(e)
        if e.name in _BOLD_TAGS:
            paint = span_paint(child) if child is not None else None
            inner_el = child if paint else e
        else:
            paint = span_paint(e)
            if paint is None:
                continue
            inner_el = child if child is not None and child.name in _BOLD_TAGS else e
        if inner_el is not e:
            consumed.add(inner_el.open_start)
        problems: list[Message] = []
        if paint is None:
            if bold_preset is None:
                continue
            kind, color, preset = "bold", None, bold_preset
        else:
            kind, color = paint
            preset = match_preset(kind, color, presets)
            if inner_el is e and e.name == "span":
                preset = None
                problems.append(NOT_BOLD)
            elif preset is None:
                problems.append(unmatched_colour(kind, color))
        text = body[inner_el.open_end:inner_el.close_start]
        visible = strip_tags(text)
        if not visible.strip():
            problems.append(EMPTY)
        found.append(Highlight(e.open_start, e.close_end, inner_el.open_end, inner_el.close_start,
                               visible, preset.id if preset else None, color, kind, problems))

    starts = _line_starts(body)
    open_ends: list[int] = []  # outer ends of the highlights enclosing the current one
    for h in found:
        h.line = bisect_right(starts, h.start)
        while open_ends and open_ends[-1] <= h.start:
            open_ends.pop()
        if open_ends:
            h.problems.append(NESTED)
        open_ends.append(h.end)
    return found
