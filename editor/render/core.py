"""Rendering: a post's body to an HTML fragment, and to a full page for preview or export.

Data flows one way: ``Post`` -> ``fragment()`` -> ``page()``. ``fragment()`` is the
body as the blog shows it; ``page()`` wraps it with the post header and the theme.
The preview patches ``#post-header`` and ``#post-body`` of a loaded page in place, so
those ids are fixed.

A ``Renderer`` holds a Markdown engine (``editor.render.engine``; Python-Markdown by
default, ``editor.render.markdown``) and, optionally, a render pool for long first
renders; the preview, an export run and the command line each hold one. HTML bodies
pass through unchanged apart from code highlighting and optional line anchors
(``editor.render.html``). The module's ``fragment()`` and ``page()`` make a fresh
renderer per call: pure, and fine for one-off renders.

Rendering never raises for what a post holds: an engine that fails on a text gives
the text back as escaped preformatted text with a note (and a log entry).
"""

from __future__ import annotations

import html
import logging
import re
from functools import partial
from typing import Any, Protocol

from editor.document.values import value_text
from editor.render import helper as render_helper
from editor.render.engine import MarkdownEngine
from editor.render.html import TopLevelScan, render_html_body, scan_top_level
from editor.render.markdown import PythonMarkdownEngine
from editor.render.pool import RenderPool
from editor.render.site_posts import SiteRendering
from editor.render.themes import (
    DEFAULT_THEME,
    ThemeError,
    pygments_css,
    pygments_style,
    theme_css,
    theme_names,
    theme_path,
)

__all__ = [
    "MarkdownEngine",
    "PythonMarkdownEngine",
    "Renderer",
    "ThemeError",
    "fragment",
    "header",
    "page",
    "pygments_css",
    "pygments_style",
    "theme_css",
    "theme_names",
    "theme_path",
]

log = logging.getLogger(__name__)

POST_HEADER_ID = "post-header"
POST_BODY_ID = "post-body"


class RenderablePost(Protocol):
    """What rendering needs from a post (``editor.document.post.Post`` provides it)."""

    format: str
    body: str

    def get(self, key: str, default: Any = None) -> Any: ...


class Renderer:
    """Renders posts with one Markdown engine (its converter and part cache last).

    ``engine``: any ``MarkdownEngine`` (Python-Markdown with its shortcuts by default);
    ``pool``: helper processes sharing a long first render with the default engine.
    The pool stays its owner's to shut down. With ``jekyll`` (the default), a post in a
    Jekyll site renders as Jekyll publishes it: Liquid, then kramdown with the site's
    options (``editor.render.site_posts``).
    """

    def __init__(
        self, engine: MarkdownEngine | None = None, *, pool: RenderPool | None = None,
        jekyll: bool = True,
    ) -> None:
        self.engine: MarkdownEngine = (
            engine if engine is not None else PythonMarkdownEngine(pool=pool)
        )
        self.pool = pool
        # Posts in a Jekyll site: Liquid, then kramdown with the site's options. A render
        # helper process keeps one for all its jobs, so its caches serve the next keystroke.
        self.sites = render_helper.engine(SiteRendering, ()) if jekyll else None
        # The last HTML body rendered with anchors and its scan (a page job reads both).
        self._html_scan: tuple[str, TopLevelScan] | None = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Sent to a helper process without the pool (a helper hands nothing on).
        return _renderer, (self.engine, self.sites is not None)

    def fragment(self, post: RenderablePost, anchors: bool = True) -> str:
        """The body of ``post`` as HTML, as the blog will show it.

        HTML bodies pass through byte for byte (only ``<pre><code class="language-X">``
        blocks are highlighted); Markdown is converted. With ``anchors`` each top-level
        block carries ``data-source-line`` (1-based line in ``post.body``); exporters
        pass ``anchors=False``.
        """
        try:
            site = self.sites.site_for(post) if self.sites is not None else None
            if site is not None:
                fmt = self.sites.format_for(post, site)
                return self.sites.body(post, site, anchors,
                                       partial(self._convert, fmt, anchors=anchors))
            return self._convert(post.format, post.body, None, anchors=anchors)
        except Exception as exc:  # noqa: BLE001 - the writer still sees the text
            log.exception("rendering the body failed")
            return _unrendered(post.body, exc)

    def _convert(self, fmt: str, text: str, site: Any, *, anchors: bool) -> str:
        if fmt == "html":
            if not anchors:
                return render_html_body(text, anchors)
            self._html_scan = (text, scan_top_level(text))
            return render_html_body(text, anchors, self._html_scan[1])
        engine = self.engine if site is None else self.sites.engine_for(site, self.engine)
        return engine.convert(text, anchors)

    def html_scan(self, body: str) -> TopLevelScan:
        """The top-level blocks of an HTML ``body`` (kept from its render just before)."""
        if self._html_scan is not None and self._html_scan[0] is body:
            return self._html_scan[1]
        return scan_top_level(body)

    def header(self, post: RenderablePost) -> str:
        """The post header (see the module's ``header``)."""
        return header(post)

    def page(
        self,
        post: RenderablePost,
        theme: str = DEFAULT_THEME,
        *,
        base_url: str | None = None,
        extra_css: str = "",
        anchors: bool = True,
        body_html: str | None = None,
    ) -> str:
        """A complete HTML5 document showing ``post`` with ``theme``.

        ``base_url`` becomes ``<base href>`` (relative image paths resolve against it);
        ``extra_css`` is appended after the theme. ``body_html`` reuses a fragment already
        rendered (so nothing renders twice); otherwise ``self.fragment(post, anchors)``.
        Raises ThemeError for an unknown theme.
        """
        theme_text = theme_css(theme)
        code_css = pygments_css(theme)
        body = self.fragment(post, anchors) if body_html is None else body_html
        return _page(post, theme_text, code_css, body, base_url, extra_css)


def _renderer(engine: MarkdownEngine, jekyll: bool) -> Renderer:
    return Renderer(engine, jekyll=jekyll)


def fragment(post: RenderablePost, anchors: bool = True) -> str:
    """``Renderer().fragment(post, anchors)``: a one-off render, sharing nothing."""
    return Renderer().fragment(post, anchors)


def _unrendered(body: str, error: Exception) -> str:
    """What shows when the engine fails on ``body``: the text itself, and why."""
    reason = html.escape(f"{type(error).__name__}: {error}")
    return (
        f'<p class="render-error">This body could not be rendered ({reason}); '
        f"its text is shown as written.</p>\n<pre>{html.escape(body)}</pre>"
    )


def _text(value: Any) -> str:
    """A front-matter value as one line of plain text ('' for missing values)."""
    return value_text(value)


def _categories(post: RenderablePost) -> list[str]:
    value = post.get("categories")
    if value is None:
        value = post.get("category")
    if isinstance(value, str):
        # Jekyll reads a string of categories as space-separated names.
        return value.split()
    if isinstance(value, (list, tuple)):
        return [text for text in (_text(item) for item in value) if text]
    return [_text(value)] if _text(value) else []


def _excerpt(post: RenderablePost) -> str:
    return _text(post.get("excerpt")) or _text(post.get("feature_text"))


def header(post: RenderablePost) -> str:
    """The post header as a blog theme shows it: image, categories, title, lead.

    Drawn from front matter (``image``, ``categories``, ``title``, ``excerpt`` or else
    ``feature_text``); missing fields are left out, all values are escaped.
    """
    title = _text(post.get("title"))
    parts = [f'<header class="post-header" id="{POST_HEADER_ID}">']
    image = post.get("image")
    if isinstance(image, str) and image.strip():
        parts.append(
            f'<img class="feature-image" src="{html.escape(image.strip())}" '
            f'alt="{html.escape(title)}">'
        )
    categories = _categories(post)
    if categories:
        labels = "".join(
            f'<span class="post-category">{html.escape(name)}</span>' for name in categories
        )
        parts.append(f'<p class="post-categories">{labels}</p>')
    if title:
        parts.append(f'<h1 class="post-title">{html.escape(title)}</h1>')
    excerpt = _excerpt(post)
    if excerpt:
        parts.append(f'<p class="post-excerpt">{html.escape(excerpt)}</p>')
    parts.append("</header>")
    return "\n".join(parts)


_HANGUL_RE = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def _language(post: RenderablePost) -> str:
    """The page language: front matter ``lang``, else Korean if the post has Hangul."""
    lang = _text(post.get("lang"))
    if lang:
        return lang
    sample = _text(post.get("title")) + post.body[:4096]
    return "ko" if _HANGUL_RE.search(sample) else "en"


def _style_block(element_id: str, css: str) -> str:
    # A stray "</style" would end the element early and spill CSS into the page.
    safe = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
    return f'<style id="{element_id}">\n{safe}\n</style>'


def page(
    post: RenderablePost,
    theme: str = DEFAULT_THEME,
    *,
    base_url: str | None = None,
    extra_css: str = "",
    anchors: bool = True,
    body_html: str | None = None,
) -> str:
    """``Renderer().page(...)``: a one-off page, sharing nothing (see ``Renderer.page``)."""
    return Renderer().page(
        post, theme, base_url=base_url, extra_css=extra_css, anchors=anchors, body_html=body_html
    )


def _page(
    post: RenderablePost,
    theme_text: str,
    code_css: str,
    body: str,
    base_url: str | None,
    extra_css: str,
) -> str:
    title = _text(post.get("title"))
    if not title:
        path = getattr(post, "path", None)
        title = path.stem if path is not None else ""
    head = [
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ]
    if base_url:
        head.append(f'<base href="{html.escape(base_url)}">')
    head.append(f"<title>{html.escape(title)}</title>")
    description = _text(post.get("excerpt"))
    if description:
        head.append(f'<meta name="description" content="{html.escape(description)}">')
    head.append(_style_block("theme-css", theme_text))
    head.append(_style_block("pygments-css", code_css))
    if extra_css:
        head.append(_style_block("extra-css", extra_css))
    return "".join(
        [
            "<!DOCTYPE html>\n",
            f'<html lang="{html.escape(_language(post))}">\n<head>\n',
            "\n".join(head),
            '\n</head>\n<body>\n<article class="post">\n',
            header(post),
            f'\n<div class="post-body" id="{POST_BODY_ID}">\n',
            body,
            "\n</div>\n</article>\n</body>\n</html>\n",
        ]
    )
