"""The preview's render work as plain functions, for a worker thread or the render process.

No Qt here: the helper process (editor.render_pool) imports this module. A job gets
the post as text plus the facts it needs, so nothing unpicklable crosses over.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from editor import render
from editor.post import Post
from editor.ui import preview_html

log = logging.getLogger(__name__)


def _post(text: str, path: str | None, fmt: str) -> Post:
    post = Post.from_text(text, path)
    post.format = fmt
    return post


def page_job(text: str, path: str | None, fmt: str, theme: str, site_root: Path | None,
             embed_label: str) -> str:
    """The whole preview page."""
    post = _post(text, path, fmt)
    try:
        markup = render.page(post, theme)
    except render.ThemeError as exc:
        # A custom theme that was removed: show the post in the default theme.
        log.warning("%s", exc)
        markup = render.page(post)
    return preview_html.prepare(markup, site_root, embed_label)


def patch_job(text: str, path: str | None, fmt: str, site_root: Path | None,
              embed_label: str) -> str:
    """The update script's call that puts the new header and body into a loaded page.

    The call is built here too: encoding a long body as a string literal is work the
    UI thread need not do.
    """
    post = _post(text, path, fmt)
    header = preview_html.prepare(render.header(post), site_root, embed_label)
    body = preview_html.prepare(render.fragment(post), site_root, embed_label)
    return patch_call(header, body)


def patch_call(header: str | None, body: str) -> str:
    """The update script's call that puts ``header`` and ``body`` into the page."""
    arguments = ", ".join(json.dumps(part, ensure_ascii=False) for part in (header, body))
    return f"window.__articlePreview.patch({arguments})"
