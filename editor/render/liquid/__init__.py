"""Liquid as Jekyll runs it, for the preview and exports of posts in a Jekyll site.

``LiquidSites().for_post(path)`` (a cache someone owns) or ``LiquidSite.for_post(path)``
gives the site; ``render_liquid(body, front_matter, site, path)`` gives a
:class:`LiquidResult` (text, errors with body lines, a line map). Nothing here raises on
bad Liquid, and nothing here imports Qt.
"""

from __future__ import annotations

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
    "render_liquid",
]
