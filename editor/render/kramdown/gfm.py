"""What the GFM parser of kramdown adds to kramdown's syntax: ``~~strikethrough~~``.

``hard_wrap: true`` (off in Jekyll's defaults) turns line breaks inside paragraphs
into ``<br />``, as GitHub does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markdown.extensions import Extension
from markdown.extensions.nl2br import Nl2BrExtension
from markdown.inlinepatterns import SimpleTagInlineProcessor
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from editor.render.kramdown.engine import KramdownOptions

_STRIKE_RE = r"(~~)(?!~)(.+?)(?<!~)~~(?!~)"


class GfmExtension(Extension):
    """Strikethrough, and hard line breaks when the site asks for them."""

    def __init__(self, options: KramdownOptions, **kwargs) -> None:
        super().__init__(**kwargs)
        self.options = options

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown API
        if not self.options.gfm:
            return
        # Beside emphasis (60), which it resembles.
        md.inlinePatterns.register(SimpleTagInlineProcessor(_STRIKE_RE, "del"), "gfm_strike", 65)
        md.treeprocessors.register(_CellAlignment(md), "kramdown_cell_alignment", 11)
        if self.options.hard_wrap:
            Nl2BrExtension().extendMarkdown(md)


class _CellAlignment(Treeprocessor):
    """Table cells aligned with ``style="text-align: left"``, without the ``;`` of ours."""

    def run(self, root) -> None:
        for cell in root.iter():
            if cell.tag in ("th", "td"):
                style = cell.get("style")
                if style and style.startswith("text-align:") and style.endswith(";"):
                    cell.set("style", style[:-1])
