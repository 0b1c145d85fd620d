"""The preview page in the site's own look: the live body inside the site's built page.

No Qt here (the render process may run the job). The built page (editor.site.build)
comes from the editor's cache folder; the page is served from the built page's folder,
so relative links resolve as on the published site, and root-relative ones (``/assets/…``)
are pointed at the built site's folder (as served for this build: ``SitePage.served``).
Later keystrokes patch only the body (preview_jobs.patch_job), exactly as in a bundled
theme.

Front-matter values the layout prints (``build.LIVE_FIELDS``: the title above all) are
live too: elements of the built page whose whole text is such a value as it was built
are marked with the field's name, show the post's value now, and each patch sets them
again (``preview_jobs.field_call``), so a title typed in the form shows at once, without a reload.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path

from editor.markup import Tag
from editor.markup import markup as tags_of
from editor.render import core as render
from editor.render import preview_page as preview_html
from editor.render.preview_jobs import Page, _keys, _post, live_fields
from editor.site.build import SitePage

FIELD_ATTRIBUTE = "data-article-editor-field"
# Elements whose content is no text shown on the page.
_NOT_SHOWN = frozenset({"title", "script", "style", "textarea", "xmp", "option"})

_ROOT_LINK = re.compile(r"""(\s(?:href|src)\s*=\s*)(["']?)/(?![/\\])""", re.IGNORECASE)


def point_root_links(markup: str, output: Path) -> str:
    """``href="/x"`` and ``src="/x"`` of the site's page, pointed into the built site."""
    prefix = preview_html.folder_url(output)
    return _ROOT_LINK.sub(lambda m: f"{m.group(1)}{m.group(2)}{prefix}", markup)


def page_url(site_page: SitePage) -> str:
    """Where the site page is served: beside the built page, under our own scheme."""
    return preview_html.page_url(site_page.served_file.parent)


def mark_fields(markup: str, built: Mapping[str, str], live: Mapping[str, str]) -> str:
    """``markup`` with each element whose whole text is a field's ``built`` value marked
    with the field's name and showing its ``live`` value (the built one where the post
    no longer sets it). The innermost element holding just the text counts."""
    wanted = {value.strip(): name for name, value in reversed(list(built.items()))
              if value.strip()}
    if not wanted:
        return markup
    pieces: list[str] = []
    copied = 0
    previous = None
    for tag in tags_of(markup):
        opened, previous = previous, tag
        if (type(tag) is not Tag or type(opened) is not Tag or not tag.closing
                or opened.closing or opened.name != tag.name or opened.name in _NOT_SHOWN):
            continue
        text = markup[opened.end:tag.start]
        name = wanted.get(html.unescape(text).strip())
        if name is None or FIELD_ATTRIBUTE in opened.attrs:
            continue
        close = opened.end - (2 if markup[opened.end - 2:opened.end] == "/>" else 1)
        value = live.get(name, built[name])
        lead = text[:len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        pieces += (markup[copied:close], f' {FIELD_ATTRIBUTE}="{name}"', markup[close:opened.end],
                   lead, html.escape(value, quote=False), trail)
        copied = tag.start
    if not pieces:
        return markup
    pieces.append(markup[copied:])
    return "".join(pieces)


def site_page_job(renderer: render.Renderer, text: str, path: str | None, fmt: str,
                  site_page: SitePage, site_root: Path | None, embed_label: str) -> Page:
    """The whole preview page: the site's built page with the live body in it."""
    post = _post(text, path, fmt)
    body = preview_html.prepare(renderer.fragment(post), site_root, embed_label)
    live = live_fields(post)

    def shell(markup: str) -> str:
        return mark_fields(point_root_links(markup, site_page.served), site_page.fields, live)

    page = SitePage(shell(site_page.before), shell(site_page.after), site_page.file,
                    site_page.output, site_page.fields, site_page.generation)
    return Page(page.wrap(body, render.POST_BODY_ID), _keys(body))
