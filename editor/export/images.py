"""Images in exported HTML: where a post's image paths point, inlining local ones, placeholders.

A post names images three ways: remote URLs (``https://…``), paths relative to the post
file (``img/a.png``) and site-root paths (``/assets/a.png``, what Jekyll publishes).
Exports that must stand alone turn local images into ``data:`` URIs; the offline PDF
replaces remote images by a labelled box, as the preview does when offline.
"""

from __future__ import annotations

import base64
import html
import mimetypes
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from editor.markup import Tag, TagFinder, attribute_spans

_IMAGES = TagFinder(["img"])

REMOTE_SCHEMES = frozenset({"http", "https"})

# Types a browser shows in <img>; anything else is left as a link to the file.
_IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",
    ".avif": "image/avif",
    ".bmp": "image/bmp",
    ".ico": "image/x-icon",
}


def is_remote(src: str) -> bool:
    """True for ``http(s)://`` and protocol-relative ``//host/…`` URLs."""
    src = src.strip()
    return src.startswith("//") or urlsplit(src).scheme.lower() in REMOTE_SCHEMES


def local_image_path(src: str, post_dir: Path | None, site_root: Path | None) -> Path | None:
    """The file an image ``src`` names on this machine, or None (remote, data:, missing)."""
    src = html.unescape(src.strip())
    if not src or is_remote(src):
        return None
    parts = urlsplit(src)
    scheme = parts.scheme.lower()
    if scheme == "file":
        candidate = Path(unquote(parts.path))
    elif scheme and len(scheme) > 1:  # data:, mailto:, … (one letter: a Windows drive)
        return None
    elif src.startswith("/"):
        if site_root is None:
            return None
        candidate = site_root / unquote(parts.path).lstrip("/")
    else:
        if post_dir is None:
            return None
        candidate = post_dir / unquote(parts.path)
    return candidate if candidate.is_file() else None


def data_uri(path: Path) -> str | None:
    """``path`` as a ``data:`` URI, or None when it is not a browser image type."""
    mime = _IMAGE_TYPES.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0]
    if not mime or not mime.startswith("image/"):
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _src_span(tag: Tag) -> tuple[int, int] | None:
    """Where the ``src`` value stands in the text, quotes included; None without a value."""
    base = tag.end - 1 - len(tag.attrs)  # where the attribute text starts
    for attr in attribute_spans(tag.attrs):
        if attr.name != "src":
            continue
        start, end = attr.value_start, attr.value_end
        if start and tag.attrs[start - 1] in "\"'":
            return base + start - 1, base + end + 1
        if tag.attrs[:start].rstrip().endswith("="):
            return base + start, base + end
        return None  # a bare ``src``: nothing to show or rewrite
    return None


def _map_images(markup: str, replace: Callable[[Tag, str], str | None]) -> str:
    """Call ``replace(tag, src)`` for each ``<img>`` (src as written); a string it returns
    replaces the tag. Tags inside comments, scripts or attribute values are not images."""
    pieces: list[str] = []
    pos = 0
    for tag in _IMAGES.find(markup):
        span = None if tag.closing else _src_span(tag)
        if span is None:
            continue
        start, end = span
        quoted = markup[start] in "\"'" and end - start >= 2
        result = replace(tag, markup[start + 1:end - 1] if quoted else markup[start:end])
        if result is not None:
            pieces += (markup[pos:tag.start], result)
            pos = tag.end
    pieces.append(markup[pos:])
    return "".join(pieces)


def _with_src(markup: str, tag: Tag, value: str) -> str:
    """The tag as written with its ``src`` value replaced by ``value`` (double-quoted)."""
    span = _src_span(tag)
    assert span is not None  # _map_images only passes tags with a src value
    return f'{markup[tag.start:span[0]]}"{value}"{markup[span[1]:tag.end]}'


def embed_local_images(markup: str, post_dir: Path | None, site_root: Path | None) -> str:
    """Every ``<img>`` whose file exists here gets its bytes as a ``data:`` URI.

    Remote images and files that cannot be found are left as written.
    """
    cache: dict[Path, str | None] = {}

    def replace(tag: Tag, src: str) -> str | None:
        path = local_image_path(src, post_dir, site_root)
        if path is None:
            return None
        if path not in cache:
            cache[path] = data_uri(path)
        uri = cache[path]
        return None if uri is None else _with_src(markup, tag, uri)

    return _map_images(markup, replace)


def absolute_local_images(markup: str, post_dir: Path | None, site_root: Path | None) -> str:
    """Local image paths rewritten as ``file://`` URLs (for a page printed from elsewhere)."""

    def replace(tag: Tag, src: str) -> str | None:
        path = local_image_path(src, post_dir, site_root)
        if path is None:
            return None
        return _with_src(markup, tag, html.escape(path.resolve().as_uri()))

    return _map_images(markup, replace)


def remote_image_placeholders(markup: str, note: str = "image not loaded (offline)") -> str:
    """Each remote ``<img>`` replaced by a labelled box (theme class ``img-placeholder``)."""

    def replace(tag: Tag, src: str) -> str | None:
        if not is_remote(html.unescape(src)):
            return None
        attributes = tag.attributes()
        alt = attributes.get("alt", "")
        label = f"{alt} — {note}" if alt else note
        # The image's own classes keep its spacing (the header's feature image);
        # flex keeps the label centred whatever display those classes ask for.
        classes = " ".join(["img-placeholder", *attributes.get("class", "").split()])
        return (
            f'<span class="{html.escape(classes)}" style="display: flex;" role="img" '
            f'aria-label="{html.escape(label)}">{html.escape(label)}</span>'
        )

    return _map_images(markup, replace)


def image_sources(markup: str) -> list[str]:
    """The ``src`` of every ``<img>`` in ``markup``, in order (entities decoded)."""
    sources: list[str] = []

    def collect(tag: Tag, src: str) -> None:
        sources.append(html.unescape(src))
        return None

    _map_images(markup, collect)
    return sources
