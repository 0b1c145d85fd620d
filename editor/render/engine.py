"""What the renderer needs from a Markdown engine: Markdown text in, an HTML fragment out.

The editor's own engine is Python-Markdown (``editor.render.markdown``); another one (a
kramdown-compatible engine, say) plugs in through ``Renderer(engine=...)``.

An engine used with a render pool (``editor.render.pool``) crosses to the helper
processes by pickling; ``PythonMarkdownEngine`` pickles as a recipe, so each helper
keeps its own converter and part cache between jobs.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class MarkdownEngine(Protocol):
    """Converts Markdown to an HTML fragment.

    With ``anchors`` each top-level block carries ``data-source-line="N"``, N being its
    1-based line in ``text`` (the preview scrolls by them; exports leave them out).
    """

    name: str

    def convert(self, text: str, anchors: bool = True) -> str: ...
