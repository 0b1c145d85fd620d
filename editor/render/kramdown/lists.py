"""Lists as kramdown reads them: nesting by text column, and which items get ``<p>``.

(And one rule of kramdown's indented code, which only a reader that knows where
lists are can apply: a line right under top-level indented code belongs to it.)

kramdown takes a line into a list item when it is indented at least to the column
where the item's text starts (two spaces under ``- ``, three under ``1. ``);
Python-Markdown wants four spaces for each level. The preprocessor re-indents list
content from kramdown's columns to Python-Markdown's levels, so a list nested by two
spaces nests in the preview as it does on the site.

While at it, it notes for each item what kramdown's ``parse_list`` needs to decide
whether the item's first paragraph is bare (``<li>text``) or a ``<p>``: whether a
blank line follows that paragraph inside the item and whether anything comes after
that blank. A tree processor applies kramdown's rule to the items Python-Markdown
made, when both found the same number of items (else it leaves Python-Markdown's
choice).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markdown.blockprocessors import BlockQuoteProcessor
from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneOListProcessor, SaneUListProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from editor.render.kramdown.engine import KramdownOptions

_ITEM_RE = re.compile(r"([*+-]|\d+\.)([ \t]+|$)")
_LIST_LINE_RE = re.compile(r"^[ ]{0,3}(?:[*+-]|\d+\.)(?:[ \t]|$)", re.MULTILINE)
# What ends an item's first paragraph without a blank line (besides a nested list).
# A blank line inside a fence of a list item: Python-Markdown would split the item
# there, and give the pieces to different parsers.
BLANK_IN_CODE = "\x1f"
_FENCE_RE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
# What a line under indented code must not start with to be taken into it: an
# attribute list, or a block-level HTML tag (kramdown's LAZY_END_HTML_START/STOP).
_LAZY_CODE_END_RE = re.compile(
    r" {0,3}(?:\{:|</?(?!(?:a|abbr|b|bdo|br|button|cite|code|del|dfn|em|i|img|input|ins|kbd|"
    r"label|option|q|rb|rbc|rp|rt|rtc|ruby|samp|select|small|span|strong|sub|sup|textarea|"
    r"tt|var|script)\b)[A-Za-z])"
)
_BLOCK_START_RE = re.compile(r"(#|>|```|~~~|\x02|\x1d)")
_BLOCK_TAGS = frozenset({"p", "ul", "ol", "pre", "div", "blockquote", "table", "dl", "hr"} | {
    f"h{level}" for level in range(1, 7)
})


@dataclass
class Item:
    """What kramdown's list parser knows of one list item, in document order."""

    list_key: int
    paragraph_first: bool
    # first: in its first paragraph; blank: a blank line ended it; other: anything else.
    phase: str = "first"
    after_blank: bool = False  # content came after that blank line


def _indent_of(line: str) -> tuple[int, str]:
    """Width of the line's indentation (tabs to the next multiple of four), and the rest."""
    width = 0
    for index, char in enumerate(line):
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            return width, line[index:]
    return width, ""


class ListReader:
    """One pass over the lines: re-indented lines out, items noted."""

    def __init__(self) -> None:
        self.items: list[Item] = []
        self._columns: list[int] = []  # where each open item's text starts
        self._open: list[Item] = []  # the open items, outermost first
        self._lists: list[tuple[int, bool]] = []  # (key, numbered) of open lists by depth
        self._keys = 0

    def read(self, lines: list[str]) -> list[str]:
        result: list[str] = []
        previous_blank = True
        indented_block = False  # the block since the last blank line began inside an item
        fence: str | None = None  # the opening of a top-level fence we are in
        item_fence: str | None = None  # the opening of a fence in a list item we are in
        kept_blank: list[int] = []  # blank lines of that fence, marked as such
        # Top-level indented code: "line" right after a code line, "blank" after a blank.
        code: str | None = None
        for line in lines:
            if fence is not None:
                result.append(line)
                if line.lstrip(" ").startswith(fence) and not line.strip(" `~\t"):
                    fence = None
                continue
            opening = _FENCE_RE.match(line) if line[:1] in " `~" else None
            if opening is not None and (
                not self._columns or _indent_of(line)[0] < self._columns[0]
            ):
                # Code at the top level is no list: kept as it is, list or not.
                fence = opening.group(1)
                self._columns.clear()
                self._open.clear()
                self._lists.clear()
                _unclosed(item_fence, kept_blank, result)
                item_fence = code = None
                result.append(line)
                previous_blank = False
                continue
            if code is not None and line.strip():
                if line.startswith(("    ", "\t")) or code == "blank" and _indent_of(line)[0] >= 4:
                    result.append(line)
                    code = "line"
                    continue
                if code == "line" and not _LAZY_CODE_END_RE.match(line):
                    # kramdown takes a line right under indented code into it, joined
                    # to the line above by a space.
                    result[-1] += " " + line
                    continue
                code = None
            if not line.strip():
                if code is not None:
                    code = "blank"
                if item_fence is not None:
                    # Kept from splitting the item's code into blocks (see ``code``).
                    kept_blank.append(len(result))
                    result.append(" " * (4 * len(self._columns)) + BLANK_IN_CODE)
                    continue
                result.append(line)
                if self._open and self._open[-1].phase == "first":
                    self._open[-1].phase = "blank"
                previous_blank = True
                continue
            indent, rest = _indent_of(line)
            if item_fence is not None and self._columns and indent >= self._columns[-1]:
                # Code in a list item: moved with the item, never read as list lines.
                if rest.startswith(item_fence) and not rest.strip(" `~\t"):
                    item_fence = None
                    kept_blank.clear()
                relative = indent - self._columns[-1]
                result.append(" " * (4 * len(self._columns) + relative) + rest)
                previous_blank = False
                continue
            item = _ITEM_RE.match(rest)
            if self._columns and indent < self._columns[-1] and item is None and not previous_blank:
                # A lazy continuation line: it belongs to the paragraph it follows.
                result.append(line)
                continue
            while self._columns and indent < self._columns[-1]:
                self._columns.pop()
                self._open.pop()
                _unclosed(item_fence, kept_blank, result)
                item_fence = None
            depth = len(self._columns)
            relative = indent - (self._columns[-1] if self._columns else 0)
            if depth == 0 and indent >= 4 and previous_blank and item is None:
                code = "line"
                result.append(line)
                previous_blank = False
                continue
            if previous_blank:
                indented_block = depth > 0
            if item is not None and relative <= 3:
                if not previous_blank and (
                    indented_block or depth == 0 and not self._lists and _ends_paragraph(result)
                ):
                    # Python-Markdown would read the item into the paragraph above it;
                    # kramdown (GFM) starts the list there.
                    result.append("")
                self._start_item(depth, indent, item, rest[item.end():])
            else:
                opening = _FENCE_RE.match(rest) if depth else None
                if opening is not None:
                    item_fence = opening.group(1)
                if depth and not previous_blank and _BLOCK_START_RE.match(rest):
                    # A quote, heading or fence ends the item's paragraph in kramdown;
                    # Python-Markdown needs a blank line to see it.
                    result.append("")
                self._content(depth, rest)
            if depth or item is not None:
                result.append(" " * (4 * depth + relative) + rest)
            else:
                result.append(line)
            previous_blank = False
        _unclosed(item_fence, kept_blank, result)
        return result

    def _start_item(self, depth: int, indent: int, item: re.Match[str], text: str) -> None:
        numbered = item.group(1)[0].isdigit()
        del self._lists[depth + 1:]
        if len(self._lists) <= depth or self._lists[depth][1] != numbered:
            del self._lists[depth:]
            self._keys += 1
            self._lists.append((self._keys, numbered))
        if self._open:
            self._note_content(self._open[-1], block=True)
        spaces = _indent_of(item.group(2))[0] if item.group(2) else 1
        # Text five or more spaces in is an indented code block: it counts one.
        self._columns.append(indent + len(item.group(1)) + (spaces if 0 < spaces <= 4 else 1))
        paragraph_first = bool(text.strip()) and not _BLOCK_START_RE.match(text.lstrip())
        noted = Item(self._lists[depth][0], paragraph_first)
        self._open.append(noted)
        self.items.append(noted)

    def _content(self, depth: int, rest: str) -> None:
        del self._lists[depth:]
        if self._open:
            block = bool(_BLOCK_START_RE.match(rest))
            self._note_content(self._open[-1], block)

    @staticmethod
    def _note_content(item: Item, block: bool) -> None:
        if item.phase == "blank":
            item.after_blank = True
        elif item.phase == "first" and block:
            item.phase = "other"


def _unclosed(fence: str | None, kept_blank: list[int], lines: list[str]) -> None:
    """A fence in an item that never closed is no code: its blank lines are blank again."""
    if fence is not None:
        for index in kept_blank:
            lines[index] = ""
    kept_blank.clear()


def _ends_paragraph(lines: list[str]) -> bool:
    """Whether the last of ``lines`` is paragraph text a list can end (GFM quirk)."""
    last = lines[-1] if lines else ""
    return bool(last.strip()) and not last.startswith((" " * 4, "\t", "<", "\x1d", "\x1e"))


def bare_first_paragraphs(items: list[Item]) -> list[bool]:
    """For each item, whether kramdown leaves its first paragraph without ``<p>``."""
    by_list: dict[int, list[int]] = {}
    for index, item in enumerate(items):
        by_list.setdefault(item.list_key, []).append(index)
    bare = [False] * len(items)
    for indexes in by_list.values():
        for position, index in enumerate(indexes):
            item = items[index]
            last = position == len(indexes) - 1
            if not item.paragraph_first:
                continue
            blank_second = item.phase == "blank"
            first_rule = not blank_second or (last and not item.after_blank)
            earlier = indexes[:position]
            second_rule = (
                not last or len(indexes) == 1
                or any(not items[i].paragraph_first or bare[i] for i in earlier)
            )
            bare[index] = first_rule and second_rule
    return bare


class ListRulesExtension(Extension):
    """kramdown's list rules: nesting by text column; a new kind of list is a new list.

    (Also kramdown's rule that a blank line ends a quote.)
    """

    def __init__(self, options: KramdownOptions, **kwargs) -> None:
        super().__init__(**kwargs)
        self.options = options
        self.bare: list[bool] | None = None

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown API
        md.registerExtension(self)
        # A bulleted list never continues a numbered one, nor the reverse (as in
        # kramdown); the number of the first item is ignored (kramdown writes ``<ol>``).
        md.parser.blockprocessors.register(_OrderedListProcessor(md.parser), "olist", 40)
        md.parser.blockprocessors.register(SaneUListProcessor(md.parser), "ulist", 30)
        md.parser.blockprocessors.register(_QuoteProcessor(md.parser), "quote", 20)
        # Before fences (25): a fence inside a list item, once indented as Python-Markdown
        # wants, is left to the fence block processor.
        md.preprocessors.register(_ListIndentPreprocessor(md, self), "kramdown_lists", 27)
        md.treeprocessors.register(_ParagraphsTreeprocessor(md, self), "kramdown_list_p", 35)

    def reset(self) -> None:
        """Forget the items of the last document."""
        self.bare = None


class _OrderedListProcessor(SaneOListProcessor):
    LAZY_OL = True


class _QuoteProcessor(BlockQuoteProcessor):
    """A quote after a blank line is a quote of its own, as in kramdown.

    (Python-Markdown carries on the quote just above.)
    """

    def lastChild(self, parent):  # noqa: N802 - Python-Markdown API
        return None


class _ListIndentPreprocessor(Preprocessor):
    def __init__(self, md, extension: ListRulesExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        if not any(_LIST_LINE_RE.match(line) or line[:1] in " \t" for line in lines):
            return lines
        reader = ListReader()
        result = reader.read(lines)
        self.extension.bare = bare_first_paragraphs(reader.items)
        return result


class _ParagraphsTreeprocessor(Treeprocessor):
    """Gives list items kramdown's ``<p>`` or none, before inline parsing (20)."""

    def __init__(self, md, extension: ListRulesExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        bare = self.extension.bare
        if not bare:
            return
        items = [element for element in root.iter("li") if not _in_footnotes(element)]
        if len(items) != len(bare):
            return
        for item, is_bare in zip(items, bare, strict=True):
            if is_bare:
                _unwrap_first_paragraph(item)
            else:
                _wrap_first_paragraph(item)


def _in_footnotes(item: etree.Element) -> bool:
    return item.get("id", "").startswith("fn:")


def _unwrap_first_paragraph(item: etree.Element) -> None:
    if item.text and item.text.strip() or not len(item) or item[0].tag != "p":
        return
    paragraph = item[0]
    item.remove(paragraph)
    item.text = paragraph.text
    for index, child in enumerate(list(paragraph)):
        item.insert(index, child)


def _wrap_first_paragraph(item: etree.Element) -> None:
    if not (item.text and item.text.strip()):
        return
    paragraph = etree.Element("p")
    paragraph.text = item.text.rstrip("\n") if not len(item) else item.text
    item.text = None
    while len(item) and item[0].tag not in _BLOCK_TAGS:
        child = item[0]
        item.remove(child)
        paragraph.append(child)
    item.insert(0, paragraph)
