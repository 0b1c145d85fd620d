"""Posts in a Jekyll site render as Jekyll renders them.

Jekyll runs Liquid on the body first (unless the front matter says
``render_with_liquid: false``), then converts Markdown with kramdown under the site's
own options (``markdown:`` and ``kramdown:`` in ``_config.yml``). Which files are
converted goes by their extension (``markdown_ext``), as in Jekyll: a ``.md`` post whose
body is house HTML still goes through kramdown, which passes HTML blocks through.
Posts outside a site keep the editor's own Markdown engine.

Source-line anchors are computed on the text Liquid produced and mapped back to the
body's lines; a Liquid error shows at its line and never stops the rest of the body.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.render import helper
from editor.render.engine import MarkdownEngine
from editor.site.jekyll import find_site_root

if TYPE_CHECKING:
    from editor.render.kramdown import KramdownEngine
    from editor.render.liquid import LiquidSite, LiquidSites
    from editor.render.liquid.chunks import LiquidCache

DEFAULT_MARKDOWN_EXT = "markdown,mkdown,mkdn,mkd,md"


class SiteRendering:
    """The Liquid sites and kramdown engines one renderer uses, made on first need.

    Liquid and kramdown are imported with the first post in a site: a post elsewhere
    (and the window's first preview) does without them.
    """

    def __init__(self) -> None:
        self._sites: LiquidSites | None = None
        self._engines: dict[str, KramdownEngine] = {}
        self._liquid: LiquidCache | None = None

    @property
    def liquid(self) -> LiquidCache:
        """Liquid over long bodies by chunks: a keystroke re-renders one."""
        if self._liquid is None:
            from editor.render.liquid.chunks import LiquidCache

            self._liquid = LiquidCache()
        return self._liquid

    def site_for(self, post: Any) -> LiquidSite | None:
        """The Jekyll site ``post`` lies in (by its path), or None."""
        path = getattr(post, "path", None)
        if path is None or find_site_root(path) is None:
            return None
        if self._sites is None:
            from editor.render.liquid import LiquidSites

            # A render helper process keeps one cache for all its jobs.
            self._sites = helper.engine(LiquidSites, ())
        return self._sites.for_post(path)

    def format_for(self, post: Any, site: LiquidSite) -> str:
        """"markdown" when Jekyll converts the file (by its extension), else "html"."""
        extensions = str(site.config.get("markdown_ext", DEFAULT_MARKDOWN_EXT))
        names = {f".{name.strip().lower()}" for name in extensions.split(",") if name.strip()}
        return "markdown" if Path(post.path).suffix.lower() in names else "html"

    def engine_for(self, site: LiquidSite, default: MarkdownEngine) -> MarkdownEngine:
        """kramdown with the site's options, unless the site chose another converter."""
        if str(site.config.get("markdown", "kramdown")).lower() != "kramdown":
            return default
        options = site.config.get("kramdown")
        options = dict(options) if isinstance(options, Mapping) else {}
        key = json.dumps(options, sort_keys=True, default=str)
        engine = self._engines.get(key)
        if engine is None:
            from editor.render.kramdown import KramdownEngine

            engine = self._engines[key] = KramdownEngine(options)
        return engine

    def body(self, post: Any, site: LiquidSite, anchors: bool,
             convert: Callable[[str, LiquidSite], str]) -> str:
        """The body after Liquid, converted by ``convert(text, site)``, anchors on body lines."""
        from editor.render.liquid import remap_anchors, with_error_markers

        metadata = getattr(post, "metadata", None)
        front_matter = dict(metadata) if isinstance(metadata, Mapping) else {}
        result = self.liquid.render(post.body, front_matter, site, post.path)
        html = convert(result.text, site)
        if not result.ran:
            return html
        if anchors:
            html = remap_anchors(html, result)
        return with_error_markers(html, result)
