"""Source-line anchors after Liquid: point them back at the body, show errors at their line.

The renderer anchors blocks with ``data-source-line`` counted in the text it converted,
which is Liquid's output. :func:`remap_anchors` turns those into body lines through the
result's line map; :func:`with_error_markers` puts each Liquid error's marker before the
first anchored block at or after the error's line, so the writer sees it where it is.
"""

from __future__ import annotations

import re

from editor.render.liquid.render import LiquidResult

_ANCHOR = re.compile(r'(<[a-zA-Z][^<>]*?\sdata-source-line=")(\d+)(")')


def remap_anchors(html: str, result: LiquidResult) -> str:
    """``html`` with each ``data-source-line`` naming the body line it came from."""
    if result.line_map is None:
        return html
    return _ANCHOR.sub(
        lambda match: f"{match.group(1)}{result.source_line(int(match.group(2)))}{match.group(3)}",
        html,
    )


def with_error_markers(html: str, result: LiquidResult) -> str:
    """``html`` (anchors already in body lines) with each error's marker at its line."""
    if not result.errors:
        return html
    anchors = [(int(match.group(2)), match.start()) for match in _ANCHOR.finditer(html)]
    inserts: dict[int, list[str]] = {}
    for problem in result.errors:
        place = next((start for line, start in anchors if line >= problem.line), len(html))
        inserts.setdefault(place, []).append(problem.html())
    pieces, done = [], 0
    for place in sorted(inserts):
        pieces.append(html[done:place])
        pieces.append("\n".join(inserts[place]) + "\n")
        done = place
    pieces.append(html[done:])
    return "".join(pieces)
