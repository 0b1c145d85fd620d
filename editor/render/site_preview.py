"""The preview page in the site's own look: the live body inside the site's built page.

No Qt here (the render process may run the job). The built page (editor.site.build)
comes from the editor's cache folder; the page is served from the built page's folder,
so relative links resolve as on the published site, and root-relative ones (``/assets/…``)
are pointed at the built site's folder. Later keystrokes patch only the body
(preview_jobs.patch_job), exactly as in a bundled theme.
"""

from __future__ import annotations

import re
from pathlib import Path

from editor.render import core as render
from editor.render import preview_page as preview_html
from editor.render.preview_jobs import Page, _keys, _post
from editor.site.build import SitePage

_ROOT_LINK = re.compile(r"""(\s(?:href|src)\s*=\s*)(["']?)/(?![/\\])""", re.IGNORECASE)


def point_root_links(markup: str, output: Path) -> str:
    """``href="/x"`` and ``src="/x"`` of the site's page, pointed into the built site."""
    prefix = preview_html.folder_url(output)
    return _ROOT_LINK.sub(lambda m: f"{m.group(1)}{m.group(2)}{prefix}", markup)


def page_url(site_page: SitePage) -> str:
    """Where the site page is served: beside the built page, under our own scheme."""
    return preview_html.page_url(site_page.file.parent)


def site_page_job(renderer: render.Renderer, text: str, path: str | None, fmt: str,
                  site_page: SitePage, site_root: Path | None, embed_label: str) -> Page:
    """The whole preview page: the site's built page with the live body in it."""
    post = _post(text, path, fmt)
    body = preview_html.prepare(renderer.fragment(post), site_root, embed_label)
    shell = SitePage(point_root_links(site_page.before, site_page.output),
                     point_root_links(site_page.after, site_page.output),
                     site_page.file, site_page.output)
    return Page(shell.wrap(body, render.POST_BODY_ID), _keys(body))
