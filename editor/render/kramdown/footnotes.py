"""kramdown's footnote markup, made from Python-Markdown's footnotes.

Python-Markdown collects the footnotes; a tree processor numbers them in the order
they are first referred to and leaves out the ones never referred to (as kramdown
does) and reshapes the markup:
``<sup role="doc-noteref">`` references with ``class="footnote" rel="footnote"``
links, ``fnref:x:1`` ids for repeated references, and the notes in
``<div class="footnotes" role="doc-endnotes">`` without a rule, each ending in
``reversefootnote`` back links.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from markdown.extensions.footnotes import NBSP_PLACEHOLDER, FootnoteExtension
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from editor.render.kramdown.engine import KramdownOptions

_REPEATED_REF_RE = re.compile(r"fnref(\d*):(.*)\Z")


def _kramdown_ref_id(python_markdown_id: str) -> str:
    """``fnref:x`` stays; Python-Markdown's ``fnref2:x`` is kramdown's ``fnref:x:1``."""
    match = _REPEATED_REF_RE.match(python_markdown_id)
    if match is None or not match.group(1):
        return python_markdown_id
    return f"fnref:{match.group(2)}:{int(match.group(1)) - 1}"


class KramdownFootnotesExtension(Extension):
    """Python-Markdown's footnotes in kramdown's markup."""

    def __init__(self, options: KramdownOptions, **kwargs) -> None:
        super().__init__(**kwargs)
        self.options = options

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown API
        # Definition order: Python-Markdown's reordering fails on an empty footnote;
        # the order of first references is ours to set anyway.
        FootnoteExtension(USE_DEFINITION_ORDER=True).extendMarkdown(md)
        # After footnote-duplicate (15) has added the back links of repeated references.
        md.treeprocessors.register(_ReshapeTreeprocessor(md, self.options), "kramdown_fn", 14)


class _ReshapeTreeprocessor(Treeprocessor):
    def __init__(self, md, options: KramdownOptions) -> None:
        super().__init__(md)
        self.options = options

    def run(self, root: etree.Element) -> None:
        offset = self.options.footnote_nr - 1
        numbers: dict[str, int] = {}  # footnote id -> number, by first reference
        notes: list[tuple[etree.Element, etree.Element]] = []
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag == "sup" and child.get("id", "").startswith("fnref"):
                    self._reference(child, numbers, offset)
                elif child.tag == "div" and child.get("class") == "footnote":
                    notes.append((parent, child))
        for parent, div in notes:
            self._notes(parent, div, numbers, offset)

    @staticmethod
    def _reference(sup: etree.Element, numbers: dict[str, int], offset: int) -> None:
        sup.set("id", _kramdown_ref_id(sup.get("id", "")))
        sup.set("role", "doc-noteref")
        if len(sup) and sup[0].tag == "a":
            link = sup[0]
            link.set("class", "footnote")
            link.set("rel", "footnote")
            note = link.get("href", "#")[1:]
            number = numbers.setdefault(note, len(numbers) + 1)
            link.text = str(number + offset)

    def _notes(
        self, parent: etree.Element, div: etree.Element, numbers: dict[str, int], offset: int
    ) -> None:
        div.set("class", "footnotes")
        div.set("role", "doc-endnotes")
        for rule in div.findall("hr"):
            div.remove(rule)
        for ordered in div.findall("ol"):
            if offset:
                ordered.set("start", str(offset + 1))
            items = ordered.findall("li")
            for item in items:
                ordered.remove(item)
            referred = [item for item in items if item.get("id", "") in numbers]
            referred.sort(key=lambda item: numbers[item.get("id", "")])
            for item in referred:
                item.set("role", "doc-endnote")
                self._back_links(item)
                ordered.append(item)
            if not referred:
                parent.remove(div)
                return

    def _back_links(self, item: etree.Element) -> None:
        for holder in item.iter():
            links = [
                child for child in holder
                if child.tag == "a" and child.get("class") == "footnote-backref"
            ]
            if links:
                # kramdown puts a plain space before each back link, not a no-break one.
                index = list(holder).index(links[0])
                if index == 0:
                    holder.text = (holder.text or "").replace(NBSP_PLACEHOLDER, " ")
                else:
                    before = holder[index - 1]
                    before.tail = (before.tail or "").replace(NBSP_PLACEHOLDER, " ")
                for link in links[:-1]:
                    link.tail = " " + (link.tail or "")
            for number, link in enumerate(links, start=1):
                link.attrib.pop("title", None)
                link.set("class", "reversefootnote")
                link.set("role", "doc-backlink")
                link.set("href", "#" + _kramdown_ref_id(link.get("href", "#")[1:]))
                link.text = self.options.footnote_backlink
                if number > 1:
                    etree.SubElement(link, "sup").text = str(number)
