"""kramdown's attribute lists: ``{: .cls #id key="v"}`` after blocks and spans, and
attribute list definitions ``{:name: .cls}`` that attribute lists refer to by name.

A block attribute list on the line right after a block applies to that block; after a
blank line it applies to the block that follows. The preprocessor puts each one in a
block of its own holding a placeholder, so Python-Markdown's own block rules cannot
swallow it into a paragraph or a list; a block processor then applies it to the
element before it, or notes it for the element that comes next. A span attribute
list is text right after an inline element and is applied once inlines are parsed.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass, field

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER

_NAME = r"\w[\w-]*"
_ANY = r"(?:\\\}|[^}])"
_DEFINITION_RE = re.compile(rf"^ {{0,3}}\{{:({_NAME}):((?:{_ANY})*)\}}[ \t]*$")
_DEFINITIONS_IN_TEXT_RE = re.compile(
    rf"^ {{0,3}}\{{:({_NAME}):((?:\\\}}|[^}}\n])*)\}}[ \t]*$", re.MULTILINE
)
_BLOCK_RE = re.compile(rf"^ {{0,3}}\{{:(?!:|/)({_ANY}+)\}}[ \t]*$")
_SPAN_RE = re.compile(rf"\{{:(?!:|/)({_ANY}+)\}}")
_PAIR = rf"({_NAME})=(\"|')((?:\\\}}|\\\2|(?!\2)[^}}])*?)\2"
_ID_OR_CLASS = r"(?:#[A-Za-z][\w:-]*|\.-?\w[\w-]*)"
_TOKEN_RE = re.compile(
    rf"(?:\A|(?<=\s))(?:{_PAIR}|({_NAME})|({_ID_OR_CLASS}+))(?=\s|\Z)"
)
_PIECE_RE = re.compile(r"([#.])(-?[\w:-]+)")
# Our placeholder for a block attribute list (\x1d cannot be typed by accident).
_PLACEHOLDER = "\x1dial:{index}{direction}\x1d"
_STASH_RE = re.compile(re.escape(HTML_PLACEHOLDER).replace("%s", r"(\d+)"))
_FIRST_TAG_RE = re.compile(r"\s*<[A-Za-z][^>]*>")
_CLASS_RE = re.compile(r'\sclass="([^"]*)"')
_BLANKED_MARK_RE = re.compile(r"\x1esrcline:\d+b\x1e\Z")
_PLACEHOLDER_RE = re.compile(r"\x1dial:(\d+)([<>])\x1d\Z")
_ANY_PLACEHOLDER_RE = re.compile(r"\x1dial:(\d+)[<>]\x1d")


@dataclass
class AttributeList:
    """Attributes of one list: ``class`` holds the classes; ``refs`` the names used."""

    attributes: dict[str, str] = field(default_factory=dict)
    classes: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)


def parse_attribute_list(text: str) -> AttributeList:
    """The attribute list inside ``{: ...}`` as kramdown reads it."""
    result = AttributeList()
    for match in _TOKEN_RE.finditer(text.strip()):
        key, _quote, value, ref, pieces = match.groups()
        if key is not None:
            value = value.replace("\\}", "}").replace("\\" + _quote, _quote)
            if key == "class":
                result.classes.extend(value.split())
            else:
                result.attributes[key] = value
        elif ref is not None:
            result.refs.append(ref)
        else:
            for kind, name in _PIECE_RE.findall(pieces):
                if kind == "#":
                    result.attributes["id"] = name
                else:
                    result.classes.append(name)
    return result


class AttributeListExtension(Extension):
    """kramdown's inline and block attribute lists and their definitions."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.definitions: dict[str, AttributeList] = {}
        # Converting a part of a longer text: the definitions of the whole text (name:
        # the text inside the braces), used instead of the part's own; ``defined`` then
        # notes the part's own, to check them against.
        self.given: dict[str, str] | None = None
        self.defined: dict[str, str] = {}
        self.lists: list[AttributeList] = []
        self.sources: list[str] = []  # the lines they were written on
        # Block attribute lists waiting for the element that comes next.
        self.pending: list[tuple[etree.Element, int, AttributeList]] = []
        # Elements whose attribute lists referred to these names (``toc``).
        self.references: list[tuple[etree.Element, list[str]]] = []

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown API
        md.registerExtension(self)
        self.md = md
        # After fenced code (25) has stashed code blocks, before raw HTML (20).
        md.preprocessors.register(_BlockListPreprocessor(md, self), "kramdown_ial", 24)
        # Ahead of the source-line markers (200): a placeholder is no element.
        md.parser.blockprocessors.register(
            _BlockListProcessor(md.parser, self), "kramdown_ial", 210
        )
        md.treeprocessors.register(_PendingTreeprocessor(md, self), "kramdown_ial_next", 40)
        # After inline (20), before smart quotes (7) would change quotes in the lists.
        md.treeprocessors.register(_SpanTreeprocessor(md, self), "kramdown_ial_span", 9)
        # After raw HTML (30) is back: a placeholder that landed in it is its text again.
        md.postprocessors.register(_LeftoverPostprocessor(md, self), "kramdown_ial", 26)

    def reset(self) -> None:
        """Forget the attribute lists of the last document."""
        self.definitions.clear()
        self.defined.clear()
        if self.given is not None:
            self.definitions.update(
                (name, parse_attribute_list(text)) for name, text in self.given.items()
            )
        self.lists.clear()
        self.sources.clear()
        self.pending.clear()
        self.references.clear()

    def apply(self, element: etree.Element, attributes: AttributeList) -> None:
        """Set what ``attributes`` says on ``element``, definitions referred to first."""
        values: dict[str, str] = {}
        classes: list[str] = []
        for ref in attributes.refs:
            definition = self.definitions.get(ref)
            if definition is not None:
                values.update(definition.attributes)
                classes.extend(definition.classes)
        values.update(attributes.attributes)
        classes.extend(attributes.classes)
        stashed = _stash_index(element)
        if stashed is not None:
            blocks = self.md.htmlStash.rawHtmlBlocks
            blocks[stashed] = _add_to_first_tag(str(blocks[stashed]), values, classes)
            return
        element.attrib.update(values)
        if classes:
            element.set("class", _joined_classes(element.get("class", ""), classes))
        if attributes.refs:
            self.references.append((element, attributes.refs))


class _BlockListPreprocessor(Preprocessor):
    def __init__(self, md, extension: AttributeListExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if not any("{:" in line for line in lines):
            return lines
        result: list[str] = []
        for index, line in enumerate(lines):
            if "{:" not in line:
                result.append(line)
                continue
            definition = _DEFINITION_RE.match(line)
            if definition is not None:
                name, text = definition.group(1), definition.group(2)
                self.extension.defined[name] = text
                if self.extension.given is None:
                    self.extension.definitions[name] = parse_attribute_list(text)
                result.append("")
                continue
            block = _BLOCK_RE.match(line)
            if block is None:
                result.append(line)
                continue
            direction = "<" if _follows_block(result) else ">"
            self.extension.lists.append(parse_attribute_list(block.group(1)))
            self.extension.sources.append(line)
            placeholder = _PLACEHOLDER.format(
                index=len(self.extension.lists) - 1, direction=direction
            )
            result.extend(["", placeholder])
            if index + 1 < len(lines) and lines[index + 1].strip():
                result.append("")
        return result


def guess_definitions(text: str) -> dict[str, str]:
    """The attribute list definitions of ``text`` (name: text inside the braces), as far
    as a line pattern can tell (one in a fenced code block is counted too)."""
    if "{:" not in text:
        return {}
    found: dict[str, str] = {}
    for match in _DEFINITIONS_IN_TEXT_RE.finditer(text):
        found[match.group(1)] = match.group(2)
    return found


def is_block_list(line: str) -> bool:
    """Whether ``line`` is a block attribute list standing alone."""
    return "{:" in line and _BLOCK_RE.match(line) is not None


def _joined_classes(existing: str, added: list[str]) -> str:
    """Classes joined as kramdown's rouge output has them: ``highlighter-rouge`` last."""
    classes = existing.split()
    rouge = classes[-1:] == ["highlighter-rouge"]
    if rouge:
        classes.pop()
    classes.extend(added)
    if rouge:
        classes.append("highlighter-rouge")
    return " ".join(dict.fromkeys(classes))


def _stash_index(element: etree.Element) -> int | None:
    """The stash entry of a paragraph that is only a placeholder for stashed HTML."""
    if element.tag != "p" or len(element):
        return None
    match = _STASH_RE.fullmatch((element.text or "").strip())
    return int(match.group(1)) if match else None


def _add_to_first_tag(html_text: str, values: dict[str, str], classes: list[str]) -> str:
    """``html_text`` with attributes and classes added to its first start tag."""
    match = _FIRST_TAG_RE.match(html_text)
    if match is None:
        return html_text
    tag = match.group(0)
    if classes:
        existing = _CLASS_RE.search(tag)
        joined = _joined_classes(html.unescape(existing.group(1)) if existing else "", classes)
        tag = _CLASS_RE.sub("", tag) if existing else tag
        values = {"class": joined, **values}
    added = "".join(f' {name}="{html.escape(value)}"' for name, value in values.items())
    end = len(tag) - (2 if tag.endswith("/>") else 1)
    return tag[:end] + added + tag[end:] + html_text[match.end():]


def _follows_block(lines: list[str]) -> bool:
    """Whether the line after ``lines`` comes right after a block, with no blank line.

    Looks past a source-line marker that brought its own blank line (``b`` markers,
    put after headings and fences), which stands where the source has none.
    """
    if len(lines) >= 3 and lines[-1] == "" and _BLANKED_MARK_RE.match(lines[-2]):
        lines = lines[:-2]
    return bool(lines) and bool(lines[-1].strip()) and not lines[-1].startswith("\x1e")


class _BlockListProcessor(BlockProcessor):
    def __init__(self, parser, extension: AttributeListExtension) -> None:
        super().__init__(parser)
        self.extension = extension

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.startswith("\x1dial:") and _PLACEHOLDER_RE.match(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        match = _PLACEHOLDER_RE.match(blocks.pop(0))
        attributes = self.extension.lists[int(match.group(1))]
        if match.group(2) == "<" and len(parent):
            self.extension.apply(parent[-1], attributes)
        else:
            self.extension.pending.append((parent, len(parent), attributes))
        return True


class _PendingTreeprocessor(Treeprocessor):
    """Block attribute lists written before their block, applied to it."""

    def __init__(self, md, extension: AttributeListExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for parent, index, attributes in self.extension.pending:
            if index < len(parent):
                self.extension.apply(parent[index], attributes)
        self.extension.pending.clear()


class _SpanTreeprocessor(Treeprocessor):
    """Span attribute lists: ``*word*{: .cls}`` gives the ``em`` the class."""

    def __init__(self, md, extension: AttributeListExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            tail = element.tail
            if not tail or not tail.startswith("{:"):
                continue
            match = _SPAN_RE.match(tail)
            if match is not None:
                self.extension.apply(element, parse_attribute_list(match.group(1)))
                element.tail = tail[match.end():]


class _LeftoverPostprocessor(Postprocessor):
    """Attribute lists inside raw HTML were never applied: their text is put back."""

    def __init__(self, md, extension: AttributeListExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        if "\x1dial:" not in text:
            return text
        sources = self.extension.sources
        return _ANY_PLACEHOLDER_RE.sub(
            lambda m: sources[int(m.group(1))] if int(m.group(1)) < len(sources) else "", text
        )
