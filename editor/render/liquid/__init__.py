"""Liquid as Jekyll runs it, for the preview and exports of posts in a Jekyll site.

How the renderer uses it::

    sites = LiquidSites(markdownify=engine_convert)  # owned by the renderer, one per app
    site = sites.for_post(post_path)                  # None outside a Jekyll site
    result = render_liquid(body, front_matter, site, post_path)
    html = convert(result.text)                       # Markdown or HTML, as before

* ``result.text`` is the body after Liquid (the body itself, untouched, when it holds no
  Liquid or the front matter says ``render_with_liquid: false``; then ``result.ran`` is
  False and ``result.line_map`` None).
* ``data-source-line="n"`` anchors computed on ``result.text`` name output lines:
  ``remap_anchors(html, result)`` rewrites them to body lines (one line at a time:
  ``result.source_line(n)``, and forward ``result.output_line``).
* ``result.errors`` are :class:`LiquidProblem` values (body line, message); each has
  ``.html()``, a ``<div class="liquid-error" data-source-line="N">`` marker, and
  ``with_error_markers(html, result)`` puts them before the first block at or after
  their line. Nothing here raises on bad Liquid, and nothing here
  imports Qt.
"""

from __future__ import annotations

from editor.render.liquid.anchors import remap_anchors, with_error_markers
from editor.render.liquid.cache import LiquidSites
from editor.render.liquid.highlight import highlight_block
from editor.render.liquid.render import LiquidProblem, LiquidResult, render_liquid
from editor.render.liquid.site import LiquidSite, Markdownify, python_markdown

__all__ = [
    "LiquidProblem",
    "LiquidResult",
    "LiquidSite",
    "LiquidSites",
    "Markdownify",
    "highlight_block",
    "python_markdown",
    "remap_anchors",
    "render_liquid",
    "with_error_markers",
]
