"""Heading ids of a post converted by parts, the same as toc gives the whole post.

toc gives each heading without an id one made from its text, unique among the
ids the document already has (those written with ``{: #id }`` on any block) and
those it gave before. Converted on its own, a part knows neither the ids of the
other parts nor which of its own ids toc made. So while converting a part, toc's
ids carry a mark, and the ids the tree had before toc ran are noted; once the
parts are joined, ``settle`` makes the marked ones unique over the whole post, as
toc would have.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markdown import Extension, Markdown
from markdown.extensions.toc import slugify_unicode, unique
from markdown.treeprocessors import Treeprocessor

_MARK = "\x1f"
_MARKED_ID_RE = re.compile(rf' id="([^"{_MARK}]*){_MARK}[^"]*"')


class PartIdsExtension(Extension):
    """Give toc ``slugify`` as its slugify; set ``enabled`` while converting a part.

    ``explicit`` then holds the ids the part's tree had before toc ran.
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.enabled = False
        self.explicit: list[str] = []

    def slugify(self, value: str, separator: str) -> str:
        """toc's id for a heading (Korean letters kept), marked within a part."""
        slug = slugify_unicode(value, separator)
        return slug + _MARK if self.enabled else slug

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown API
        # After attr_list (8) has set the ids written in the text, before toc (5).
        md.treeprocessors.register(_NoteIds(md, self), "part_ids", 6)


class _NoteIds(Treeprocessor):
    def __init__(self, md: Markdown, extension: PartIdsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root) -> None:
        if self.extension.enabled:
            self.extension.explicit = [
                element.attrib["id"] for element in root.iter() if "id" in element.attrib
            ]


def settle(html: str, explicit: Iterable[str]) -> str:
    """Replace the marked ids of joined parts by ids unique over all of them."""
    if _MARK not in html:
        return html
    used = set(explicit)
    return _MARKED_ID_RE.sub(lambda match: f' id="{unique(match[1], used)}"', html)
