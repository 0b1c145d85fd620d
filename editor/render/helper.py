"""What a render helper process keeps from one job to the next.

The helper processes of ``editor.render.pool`` are long-lived; an engine sent to one
(``PythonMarkdownEngine`` pickles as a recipe) becomes that process's own engine of
the recipe, so its converter and part cache serve the next job too. The table is
filled only inside helper processes: in the editor's own process a recipe always
gives a new engine, so nothing here is shared between renderers or tests.
"""

from __future__ import annotations

from typing import Any

from editor.render.pool import in_helper

# Engines of this helper process by recipe (empty in the editor's own process).
_helper_engines: dict[tuple[type, tuple[tuple[str, Any], ...]], Any] = {}


def engine(kind: type, options: tuple[tuple[str, Any], ...]) -> Any:
    """The engine ``kind(**options)``: this helper's own one, or a new one outside helpers."""
    if not in_helper():
        return kind(**dict(options))
    key = (kind, options)
    found = _helper_engines.get(key)
    if found is None:
        found = _helper_engines[key] = kind(**dict(options))
    return found


def convert_parts(engine: Any, parts: list, anchors: bool, references: dict) -> list:
    """``engine.convert_parts(...)``: a share of a long first render, run in a helper."""
    return engine.convert_parts(parts, anchors, references)
