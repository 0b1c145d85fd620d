"""HTML adjustments the live preview makes before showing a rendered post (never saved).

Pure text functions, no Qt: where local files resolve, site-root and ``file:`` paths
turned into preview URLs, embedded frames turned into labelled placeholders, and how
long to wait before rendering a document of a given size.

The preview page lives at a ``article-preview:///…`` URL in the post's folder: a scheme
of our own serves the page and the local images (see preview_web), because Chromium
lets a ``file:`` page load either local files or remote images, never both.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from editor.markup import Tag, TagFinder, attribute_spans, parse_attributes
from editor.markup import markup as tokens_markup

# Below this many characters a render is quick enough to start at once.
INSTANT_SIZE = 50_000
_MAX_DELAY_MS = 100
_DELAY_PER_MB_MS = 100

PREVIEW_SCHEME = "article-preview"
# Name under which the page itself is served, inside the post's folder.
PAGE_NAME = ".article-editor-preview.html"

# Elements the preview shows as placeholder boxes; a quick test for any of them.
_EMBED_NAMES = ("iframe", "object", "embed", "frame")
_EMBEDS = TagFinder(_EMBED_NAMES)
_EMBED_HINT_RE = re.compile(r"<(?:iframe|object|embed|frame)", re.IGNORECASE)
_SRC_HINT_RE = re.compile(r"\ssrc\s*=", re.IGNORECASE)
# A root path in a stylesheet: url(/…), url("/…"), @import "/…" (not //host/…).
_CSS_ROOT_RE = re.compile(r"""((?:\burl\(\s*|@import\s+)["']?)/(?![/\\])""", re.IGNORECASE)


def render_delay_ms(size: int) -> int:
    """Pause before rendering a document of ``size`` characters, in milliseconds.

    Small posts render at once; large ones wait for a pause in typing (up to 100 ms at 1 MB) so a
    burst of keystrokes costs one render instead of many.
    """
    if size < INSTANT_SIZE:
        return 0
    return min(_MAX_DELAY_MS, round(size * _DELAY_PER_MB_MS / 1_000_000))


def find_site_root(start: Path) -> Path | None:
    """The Jekyll site folder containing ``start`` (the nearest ``_config.yml`` upward)."""
    try:
        from editor.site.jekyll import find_site_root as site_find_site_root
    except ImportError:
        site_find_site_root = None
    if site_find_site_root is not None:
        return site_find_site_root(start)
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        if (candidate / "_config.yml").is_file():
            return candidate
    return None


def base_folder(post_path: Path | None, site_root: Path | None) -> Path:
    """The folder relative image paths of a post resolve against."""
    if post_path is not None:
        return post_path.resolve().parent
    if site_root is not None:
        return site_root
    return Path.cwd()


def folder_url(folder: Path) -> str:
    """Preview URL of a folder (``article-preview:///…/``), usable as a base URL."""
    text = folder.resolve().as_uri()
    text = PREVIEW_SCHEME + text[len("file") :]
    return text if text.endswith("/") else text + "/"


def page_url(folder: Path) -> str:
    """Preview URL the page of a post in ``folder`` is served under."""
    return folder_url(folder) + PAGE_NAME


def point_css_root_urls(css: str, folder: Path) -> str:
    """``url(/x)`` and ``@import "/x"`` of a stylesheet pointed into ``folder``."""
    prefix = folder_url(folder)
    return _CSS_ROOT_RE.sub(lambda m: f"{m.group(1)}{prefix}", css)


def rewrite_site_paths(markup: str, site_root: Path | None) -> str:
    """Point ``src="/assets/…"`` at the site root and ``src="file:…"`` at our scheme.

    Root paths mean what they mean on the published site; file URLs would be refused
    by a page that is not itself a file. Only ``src`` attribute values of tags change
    (read with ``editor.markup``); everything else is kept byte for byte.
    """
    if site_root is None and "file:" not in markup:
        return markup
    if _SRC_HINT_RE.search(markup) is None:
        return markup
    prefix = folder_url(site_root) if site_root is not None else None
    pieces: list[str] = []
    copied = 0
    for tag in _tags_with_src(markup):
        attrs_start = tag.end - 1 - len(tag.attrs)
        for span in attribute_spans(tag.attrs):
            if span.name != "src":
                continue
            at = attrs_start + span.value_start
            value = markup[at:attrs_start + span.value_end]
            if value[:7].lower() == "file://":
                pieces += (markup[copied:at], PREVIEW_SCHEME)
                copied = at + len("file")
            elif prefix is not None and value[:1] == "/" and value[1:2] not in ("/", "\\"):
                pieces += (markup[copied:at], prefix)
                copied = at + 1
            break  # browsers take the first src
    if not pieces:
        return markup
    pieces.append(markup[copied:])
    return "".join(pieces)


def _tags_with_src(markup: str) -> Iterator[Tag]:
    for token in tokens_markup(markup):
        if type(token) is Tag and not token.closing and "src" in token.attrs.lower():
            yield token


def _embed_source(attributes: str) -> str:
    values = parse_attributes(attributes)
    return values.get("src") or values.get("data") or ""


def replace_embeds(markup: str, label: str) -> str:
    """Replace ``<iframe>``, ``<object>`` and ``<embed>`` with labelled placeholder boxes.

    A frame or object with an end tag goes with everything up to it; a tag without
    one (``<embed>``, a frame left open) goes alone.
    """
    if _EMBED_HINT_RE.search(markup) is None:
        return markup

    # A span (styled as a block) so a frame inside a paragraph keeps the paragraph whole.
    def box(attributes: str) -> str:
        source = _embed_source(attributes)
        detail = f"<small>{html.escape(source)}</small>" if source else ""
        return (
            f'<span class="iframe-placeholder" role="img" aria-label="{html.escape(label)}"'
            f' data-src="{html.escape(source)}">'
            f'<span class="placeholder-label">{html.escape(label)}</span>{detail}</span>'
        )

    tags = list(_EMBEDS.find(markup))
    pieces: list[str] = []
    copied = 0
    index = 0
    while index < len(tags):
        tag = tags[index]
        index += 1
        if tag.closing or tag.start < copied:
            continue
        end = tag.end
        if tag.name != "embed":
            closer = next((i for i in range(index, len(tags))
                           if tags[i].closing and tags[i].name == tag.name), None)
            if closer is not None:
                end = tags[closer].end
                index = closer + 1
        pieces += (markup[copied:tag.start], box(tag.attrs))
        copied = end
    if not pieces:
        return markup
    pieces.append(markup[copied:])
    return "".join(pieces)


def prepare(markup: str, site_root: Path | None, embed_label: str) -> str:
    """All preview-only adjustments of rendered HTML, in the order they must run."""
    return rewrite_site_paths(replace_embeds(markup, embed_label), site_root)
