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
from pathlib import Path

# Below this many characters a render is quick enough to start at once.
INSTANT_SIZE = 50_000
_MAX_DELAY_MS = 100
_DELAY_PER_MB_MS = 100

PREVIEW_SCHEME = "article-preview"
# Name under which the page itself is served, inside the post's folder.
PAGE_NAME = ".article-editor-preview.html"

_ROOT_SRC = re.compile(r"""(\ssrc\s*=\s*)(["']?)/(?![/\\])""", re.IGNORECASE)
_FILE_SRC = re.compile(r"""(\ssrc\s*=\s*["']?)file:(?=//)""", re.IGNORECASE)
_EMBED_PAIRED = re.compile(
    r"<(iframe|object|frame)\b([^>]*)>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_EMBED_SINGLE = re.compile(r"<(iframe|object|embed|frame)\b([^>]*)/?>", re.IGNORECASE)
_SRC_ATTR = re.compile(r"""\b(?:src|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


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


def rewrite_site_paths(markup: str, site_root: Path | None) -> str:
    """Point ``src="/assets/…"`` at the site root and ``src="file:…"`` at our scheme.

    Root paths mean what they mean on the published site; file URLs would be refused
    by a page that is not itself a file.
    """
    markup = _FILE_SRC.sub(lambda m: f"{m.group(1)}{PREVIEW_SCHEME}:", markup)
    if site_root is None:
        return markup
    prefix = folder_url(site_root)
    return _ROOT_SRC.sub(lambda m: f"{m.group(1)}{m.group(2)}{prefix}", markup)


def _embed_source(attributes: str) -> str:
    match = _SRC_ATTR.search(attributes)
    if not match:
        return ""
    return next(group for group in match.groups() if group is not None)


def replace_embeds(markup: str, label: str) -> str:
    """Replace ``<iframe>``, ``<object>`` and ``<embed>`` with labelled placeholder boxes."""

    # A span (styled as a block) so a frame inside a paragraph keeps the paragraph whole.
    def box(match: re.Match[str]) -> str:
        source = html.unescape(_embed_source(match.group(2)))
        detail = f"<small>{html.escape(source)}</small>" if source else ""
        return (
            f'<span class="iframe-placeholder" role="img" aria-label="{html.escape(label)}"'
            f' data-src="{html.escape(source)}">'
            f'<span class="placeholder-label">{html.escape(label)}</span>{detail}</span>'
        )

    if "<" not in markup:
        return markup
    return _EMBED_SINGLE.sub(box, _EMBED_PAIRED.sub(box, markup))


def prepare(markup: str, site_root: Path | None, embed_label: str) -> str:
    """All preview-only adjustments of rendered HTML, in the order they must run."""
    return rewrite_site_paths(replace_embeds(markup, embed_label), site_root)
