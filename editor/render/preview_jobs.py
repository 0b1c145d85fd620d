"""The preview's render work as plain functions, for a worker thread or the render process.

No Qt here: the helper process (editor.render.pool) imports this module. A job gets
the preview's renderer and the post as text plus the facts it needs, so nothing
unpicklable crosses over (in a helper process the renderer's engine is that
process's own, with its own part cache; see ``editor.render.helper``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from editor.document.post import Post
from editor.markup import is_element_name, tag_at
from editor.render import core as render
from editor.render import preview_page as preview_html
from editor.render.posmap import ATTRIBUTE
from editor.site.build import LIVE_FIELDS

log = logging.getLogger(__name__)

_LINE_ATTRIBUTE = f' {ATTRIBUTE}="'
_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


def _post(text: str, path: str | None, fmt: str) -> Post:
    post = Post.from_text(text, path)
    post.format = fmt
    return post


class PieceLayout(NamedTuple):
    """Where an HTML body's pieces after the first start (editor offsets: UTF-16 code
    units) and their source lines (see ``editor.render.html_pieces``)."""

    starts: tuple[int, ...]
    lines: tuple[int, ...]


class Page(NamedTuple):
    """A page job's result: the whole preview page, its body's piece keys (None where
    the body cannot be cut into pieces), and for an HTML body shown block by block the
    pieces' layout in its text."""

    markup: str
    keys: tuple[bytes, ...] | None
    layout: PieceLayout | None = None


def page_job(renderer: render.Renderer, text: str, path: str | None, fmt: str, theme: str,
             site_root: Path | None, embed_label: str) -> Page:
    """The whole preview page."""
    post = _post(text, path, fmt)
    fragment = renderer.fragment(post)
    try:
        markup = renderer.page(post, theme, body_html=fragment)
    except render.ThemeError as exc:
        # A custom theme that was removed: show the post in the default theme.
        log.warning("%s", exc)
        markup = renderer.page(post, body_html=fragment)
    # The page's body is the fragment prepared the same way as the whole page.
    keys = _keys(preview_html.prepare(fragment, site_root, embed_label))
    return Page(preview_html.prepare(markup, site_root, embed_label), keys,
                _layout(renderer, post, keys))


class Patch(NamedTuple):
    """A patch job's result: the update script's call, and the body's piece keys (None
    where the body cannot be cut into pieces); ``fields``: the call that shows the live
    front-matter values in a site's page (``field_call``), sent when it changed."""

    call: str
    keys: tuple[bytes, ...] | None
    layout: PieceLayout | None = None
    fields: str = ""


def patch_job(renderer: render.Renderer, text: str, path: str | None, fmt: str,
              site_root: Path | None, embed_label: str,
              shown: tuple[bytes, ...] | None = None) -> Patch:
    """The update script's call that puts the new header and body into a loaded page.

    ``shown``: the keys of the body pieces the page shows (see ``pieces``), if known;
    then only the pieces between the unchanged ones at both ends are sent. The call
    is built here too: encoding a long body as a string literal is work the UI thread
    need not do.
    """
    post = _post(text, path, fmt)
    header = preview_html.prepare(renderer.header(post), site_root, embed_label)
    body = preview_html.prepare(renderer.fragment(post), site_root, embed_label)
    fields = field_call(post)
    cut = pieces(body)
    if cut is None:
        return Patch(patch_call(header, body), None, None, fields)
    parts, lines = cut
    keys = tuple(map(piece_key, parts))
    layout = _layout(renderer, post, keys)
    if shown is None:
        return Patch(patch_call(header, body), keys, layout, fields)
    # The first piece (before any anchored block) never counts as unchanged at the end.
    most = min(len(keys), len(shown))
    head = 0
    while head < most and keys[head] == shown[head]:
        head += 1
    tail = 0
    while tail < most - max(head, 1) and keys[-1 - tail] == shown[-1 - tail]:
        tail += 1
    middle = "".join(parts[head : len(parts) - tail])
    arguments = ", ".join(
        json.dumps(value, ensure_ascii=False)
        for value in (header, head, tail, len(shown), middle, lines)
    )
    return Patch(f"window.__articlePreview.patchRange({arguments})", keys, layout, fields)


def pieces(body: str) -> tuple[list[str], list[int | None]] | None:
    """``body`` cut before each block carrying a source line, and those lines; None if
    a start tag holding the line cannot be told apart (a "<" in an attribute before it,
    a value that is no line number).

    The first piece is what comes before the first such block (often nothing); its
    line is None. The page groups its top-level nodes the same way.
    """
    # The attribute stands only in the start tags of top-level blocks; finding it as
    # plain text is much quicker than matching every tag.
    starts = []
    lines: list[int | None] = [None]
    at = body.find(_LINE_ATTRIBUTE)
    while at >= 0:
        start = body.rfind("<", 0, at)
        tag = tag_at(body, start) if start >= 0 else None
        # The "<" found must open the start tag holding the attribute (not sit in a
        # value before it).
        if tag is None or tag.closing or tag.end <= at or not is_element_name(tag.name):
            return None
        value_end = body.find('"', at + len(_LINE_ATTRIBUTE))
        value = body[at + len(_LINE_ATTRIBUTE) : value_end]
        if value_end < 0 or not value.isdigit():
            return None  # the writer's own attribute of that name
        starts.append(start)
        lines.append(int(value))
        at = body.find(_LINE_ATTRIBUTE, value_end)
    bounds = [0, *starts, len(body)]
    return [body[start:end] for start, end in zip(bounds, bounds[1:], strict=False)], lines


def _keys(body: str) -> tuple[bytes, ...] | None:
    cut = pieces(body)
    return None if cut is None else tuple(map(piece_key, cut[0]))


def utf16_offsets(text: str, offsets: Sequence[int]) -> list[int]:
    """``offsets`` (Python indexes into ``text``, ascending) as UTF-16 code unit offsets."""
    astral = [m.start() for m in _ASTRAL_RE.finditer(text)]
    if not astral:
        return list(offsets)
    return [offset + bisect_right(astral, offset - 1) for offset in offsets]


def _layout(renderer: render.Renderer, post: Post,
            keys: Sequence[bytes] | None) -> PieceLayout | None:
    """Where the pieces of an HTML body start, when they follow its top-level blocks one
    to one and nothing but the body makes the fragment (no Jekyll site's Liquid)."""
    if keys is None or post.format != "html":
        return None
    if renderer.sites is not None and renderer.sites.site_for(post) is not None:
        return None
    scan = renderer.html_scan(post.body)
    blocks = scan.blocks
    if scan.misnested:
        return None  # a block's look depends on the blocks before it
    if len(blocks) + 1 != len(keys):
        return None  # e.g. a top-level frame shown as a placeholder without its line
    return PieceLayout(tuple(utf16_offsets(post.body, [block.start for block in blocks])),
                       tuple(block.line for block in blocks))


def piece_key(part: str) -> bytes:
    """The comparison key of one piece of a body (its line number left out)."""
    # Line numbers move with every edit above a block; they are not its content.
    at = part.find(_LINE_ATTRIBUTE)
    if at >= 0:
        part = part[:at] + part[part.find('"', at + len(_LINE_ATTRIBUTE)) + 1 :]
    return hashlib.blake2b(part.encode("utf-8", "surrogatepass"), digest_size=8).digest()


def patch_call(header: str | None, body: str) -> str:
    """The update script's call that puts ``header`` and ``body`` into the page."""
    arguments = ", ".join(json.dumps(part, ensure_ascii=False) for part in (header, body))
    return f"window.__articlePreview.patch({arguments})"


def live_fields(post: Post) -> dict[str, str]:
    """The post's values of the fields a site's page shows live (``LIVE_FIELDS``; one
    the post does not set is left out)."""
    values: dict[str, str] = {}
    for name in LIVE_FIELDS:
        value = post.get(name)
        if value is not None and not isinstance(value, dict | list):
            values[name] = str(value)
    return values


def field_call(post: Post) -> str:
    """The update script's call that shows ``post``'s live field values where a site's
    page marked them (``site_preview.mark_fields``); nothing happens in other pages."""
    return f"window.__articlePreview.setFields({json.dumps(live_fields(post), ensure_ascii=False)})"
