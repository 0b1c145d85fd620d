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
import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

# <img ... src="..." ...>: the attribute in any quoting, keeping what surrounds it.
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_SRC = re.compile(r"""(\ssrc\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)
_ALT = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)

_CLASS = re.compile(r"""\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", re.IGNORECASE)

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


def _src_of(tag: str) -> str | None:
    match = _SRC.search(tag)
    if match is None:
        return None
    return next(group for group in match.groups()[1:] if group is not None)


def _alt_of(tag: str) -> str:
    match = _ALT.search(tag)
    if match is None:
        return ""
    return html.unescape(next(group for group in match.groups() if group is not None))


def _classes_of(tag: str) -> list[str]:
    match = _CLASS.search(tag)
    if match is None:
        return []
    return next(group for group in match.groups() if group is not None).split()


def _map_images(markup: str, replace: Callable[[str, str], str | None]) -> str:
    """Call ``replace(tag, src)`` for each ``<img>``; a string it returns replaces the tag."""

    def one(match: re.Match[str]) -> str:
        tag = match.group(0)
        src = _src_of(tag)
        if src is None:
            return tag
        result = replace(tag, src)
        return tag if result is None else result

    return _IMG_TAG.sub(one, markup)


def embed_local_images(markup: str, post_dir: Path | None, site_root: Path | None) -> str:
    """Every ``<img>`` whose file exists here gets its bytes as a ``data:`` URI.

    Remote images and files that cannot be found are left as written.
    """
    cache: dict[Path, str | None] = {}

    def replace(tag: str, src: str) -> str | None:
        path = local_image_path(src, post_dir, site_root)
        if path is None:
            return None
        if path not in cache:
            cache[path] = data_uri(path)
        uri = cache[path]
        if uri is None:
            return None
        return _SRC.sub(lambda m: f'{m.group(1)}"{uri}"', tag, count=1)

    return _map_images(markup, replace)


def absolute_local_images(markup: str, post_dir: Path | None, site_root: Path | None) -> str:
    """Local image paths rewritten as ``file://`` URLs (for a page printed from elsewhere)."""

    def replace(tag: str, src: str) -> str | None:
        path = local_image_path(src, post_dir, site_root)
        if path is None:
            return None
        url = html.escape(path.resolve().as_uri())
        return _SRC.sub(lambda m: f'{m.group(1)}"{url}"', tag, count=1)

    return _map_images(markup, replace)


def remote_image_placeholders(markup: str, note: str = "image not loaded (offline)") -> str:
    """Each remote ``<img>`` replaced by a labelled box (theme class ``img-placeholder``)."""

    def replace(tag: str, src: str) -> str | None:
        if not is_remote(html.unescape(src)):
            return None
        alt = _alt_of(tag)
        label = f"{alt} — {note}" if alt else note
        # The image's own classes keep its spacing (the header's feature image);
        # flex keeps the label centred whatever display those classes ask for.
        classes = " ".join(["img-placeholder", *_classes_of(tag)])
        return (
            f'<span class="{html.escape(classes)}" style="display: flex;" role="img" '
            f'aria-label="{html.escape(label)}">{html.escape(label)}</span>'
        )

    return _map_images(markup, replace)


def image_sources(markup: str) -> list[str]:
    """The ``src`` of every ``<img>`` in ``markup``, in order (entities decoded)."""
    sources: list[str] = []

    def collect(tag: str, src: str) -> None:
        sources.append(html.unescape(src))
        return None

    _map_images(markup, collect)
    return sources
