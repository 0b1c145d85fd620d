"""kramdown's heading ids and its ``{:toc}`` table of contents.

Ids come from the heading's Markdown text as the GFM parser makes them (lower case,
everything but letters, digits, ``_``, ``-`` and spaces dropped, spaces made dashes, so
Korean stays) or, for ``input: kramdown``, as kramdown's own converter does (ASCII
letters and digits only, ``section`` when nothing is left). A repeated id gets ``-1``,
``-2``. ``## Title {#id}`` and attribute lists set an id of the writer's own.

A list whose attribute list names ``toc`` is replaced by kramdown's table of contents:
``<ul id="markdown-toc">`` linking every heading of ``toc_levels`` not marked
``.no_toc``.
"""

from __future__ import annotations

import copy
import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from editor.render.kramdown.attributes import AttributeListExtension
    from editor.render.kramdown.engine import KramdownOptions

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_EXPLICIT_ID_RE = re.compile(r"[ \t]+\{#([A-Za-z][\w:-]*)\}[ \t]*\Z")
# Python-Markdown's placeholders for stashed inline HTML and escapes.
_PLACEHOLDER_RE = re.compile("\x02[^\x03]*\x03")
_GFM_DROP_RE = re.compile(r"[^\w\- \t]")
_LEADING_NON_LETTERS_RE = re.compile(r"^[^a-zA-Z]+")
_KRAMDOWN_DROP_RE = re.compile(r"[^a-zA-Z0-9 -]")


def gfm_id(text: str) -> str:
    """A heading id as kramdown's GFM parser makes it, before duplicates are counted."""
    return re.sub(r"[ \t]", "-", _GFM_DROP_RE.sub("", text.lower()))


def kramdown_id(text: str) -> str:
    """A heading id as kramdown's own converter makes it, before duplicates are counted."""
    basic = _KRAMDOWN_DROP_RE.sub("", _LEADING_NON_LETTERS_RE.sub("", text))
    return basic.replace(" ", "-").lower() or "section"


# Converting a part, an automatic id is its base between these marks; ``settle_ids``
# numbers repeated ones over the joined parts, as kramdown does over the document.
_MARK = "\x1f"
_MARKED_ID_RE = re.compile(f' id="{_MARK}([^"{_MARK}]*){_MARK}"')


class HeadingsExtension(Extension):
    """Heading ids and the table of contents.

    With ``in_part`` set, automatic ids are left marked for ``settle_ids``.
    """

    def __init__(
        self, options: KramdownOptions, attributes: AttributeListExtension, **kwargs
    ) -> None:
        super().__init__(**kwargs)
        self.options = options
        self.attributes = attributes
        self.in_part = False

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown API
        # kramdown makes ids from the heading's text as shown: after inline (20), the
        # attribute lists written before their block (40) and typography (7).
        md.treeprocessors.register(_IdTreeprocessor(md, self), "kramdown_ids", 5)
        # Last of all but unescaping: the headings' inline content is final.
        md.treeprocessors.register(_TocTreeprocessor(md, self), "kramdown_toc", 3)


def settle_ids(html: str, options: KramdownOptions) -> str:
    """Replace the marked automatic ids of joined parts by kramdown's, numbered over all."""
    if _MARK not in html:
        return html
    used: dict[str, int] = {}
    return _MARKED_ID_RE.sub(
        lambda match: f' id="{options.auto_id_prefix}{_unique(match[1], used, options)}"', html
    )


def _unique(base: str, used: dict[str, int], options: KramdownOptions) -> str:
    """``base`` numbered as kramdown numbers a repeated id (GFM and kramdown input differ)."""
    if options.gfm:
        used[base] = used.get(base, 0) + 1
        return base if used[base] == 1 else f"{base}-{used[base] - 1}"
    if base in used:
        used[base] += 1
        return f"{base}-{used[base]}"
    used[base] = 0
    return base


class _IdTreeprocessor(Treeprocessor):
    def __init__(self, md, extension: HeadingsExtension) -> None:
        super().__init__(md)
        self.extension = extension
        self.options = extension.options

    def run(self, root: etree.Element) -> None:
        used: dict[str, int] = {}
        for element in root.iter():
            if element.tag not in _HEADINGS:
                continue
            if self._explicit_id(element):
                continue
            if not self.options.auto_ids or element.get("id"):
                continue
            text = _PLACEHOLDER_RE.sub("", _text_without_notes(element)).strip()
            base = gfm_id(text) if self.options.gfm else kramdown_id(text)
            if self.extension.in_part:
                element.set("id", f"{_MARK}{base.replace(_MARK, '')}{_MARK}")
            else:
                element.set("id", self.options.auto_id_prefix + _unique(base, used, self.options))

    @staticmethod
    def _explicit_id(element: etree.Element) -> bool:
        """Take ``{#id}`` from the end of the heading's text into its ``id``."""
        last = element[-1] if len(element) else None
        text = (last.tail if last is not None else element.text) or ""
        explicit = _EXPLICIT_ID_RE.search(text)
        if explicit is None:
            return False
        if last is not None:
            last.tail = text[: explicit.start()]
        else:
            element.text = text[: explicit.start()]
        element.set("id", explicit.group(1))
        return True


def _text_without_notes(element: etree.Element) -> str:
    """The heading's text, less footnote references (kramdown leaves them out of ids)."""
    pieces = [element.text or ""]
    for child in element:
        if not (child.tag == "sup" and child.get("id", "").startswith("fnref")):
            pieces.append(_text_without_notes(child))
        pieces.append(child.tail or "")
    return "".join(pieces)


class _TocTreeprocessor(Treeprocessor):
    def __init__(self, md, extension: HeadingsExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        lists = [
            element
            for element, refs in self.extension.attributes.references
            if "toc" in refs and element.tag in ("ul", "ol")
        ]
        if not lists:
            return
        levels = self.extension.options.toc_levels
        headings = [
            element
            for element in root.iter()
            if element.tag in _HEADINGS
            and int(element.tag[1]) in levels
            and element.get("id")
            and "no_toc" not in element.get("class", "").split()
        ]
        parents = {child: parent for parent in root.iter() for child in parent}
        for element in lists:
            parent = parents.get(element)
            if parent is None:
                continue
            toc_id = element.get("id") or "markdown-toc"
            toc = self._toc(element.tag, headings, toc_id)
            toc.attrib.update(element.attrib)
            toc.set("id", toc_id)
            toc.tail = element.tail
            index = list(parent).index(element)
            parent.remove(element)
            parent.insert(index, toc)

    def _toc(self, tag: str, headings: list[etree.Element], toc_id: str) -> etree.Element:
        """kramdown's ``generate_toc_tree``: a heading deeper than the last nests in it."""
        top = etree.Element(tag)
        stack: list[tuple[int, etree.Element]] = []  # (level, item) open, outermost first
        for heading in headings:
            level = int(heading.tag[1])
            while stack and stack[-1][0] >= level:
                stack.pop()
            if stack:
                parent_item = stack[-1][1]
                holder = parent_item[-1] if parent_item[-1].tag == tag else None
                if holder is None:
                    holder = etree.SubElement(parent_item, tag)
            else:
                holder = top
            stack.append((level, self._item(holder, heading, toc_id)))
        return top

    @staticmethod
    def _item(holder: etree.Element, heading: etree.Element, toc_id: str) -> etree.Element:
        item = etree.SubElement(holder, "li")
        link = etree.SubElement(item, "a", {
            "href": "#" + heading.get("id", ""),
            "id": f"{toc_id}-{heading.get('id', '')}",
        })
        link.text = heading.text
        for child in heading:
            if child.tag == "sup":  # a footnote reference stays in the heading, its tail not
                if len(link):
                    link[-1].tail = (link[-1].tail or "") + (child.tail or "")
                else:
                    link.text = (link.text or "") + (child.tail or "")
                continue
            link.append(copy.deepcopy(child))
        return item
