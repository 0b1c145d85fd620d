"""What the GFM parser of kramdown changes in kramdown's syntax.

``~~strikethrough~~``; task list items (``- [ ]``, ``- [x]``); kramdown's tables
without a header (every line of a block holding a ``|``); a backslash at the end
of a line breaks it; more characters can be escaped; an ATX heading needs a space
after its ``#`` (``#tag`` stays text). ``hard_wrap: true`` (off in Jekyll's defaults)
turns every line break inside a paragraph into ``<br />``, as GitHub does.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.extensions.nl2br import Nl2BrExtension
from markdown.extensions.tables import TableProcessor
from markdown.inlinepatterns import InlineProcessor, SimpleTagInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

if TYPE_CHECKING:
    from editor.render.kramdown.engine import KramdownOptions

_STRIKE_RE = r"(~~)(?!\s|~)(.*?[^\s~])~~"
_BACKSLASH_BREAK_RE = r"\\\n"
_ATX_WITHOUT_SPACE_RE = re.compile(r"#{1,6}[^#\s]")
# GFM escapes these besides Python-Markdown's own.
_MORE_ESCAPES = ("\"", "'", "$", "=", "~", "|", ":", "<", ">")
_CODE_SPAN_RE = re.compile(r"(`+).+?(?<!`)\1(?!`)")
_SEPARATOR_RE = re.compile(r"[ \t]*[+|: \t-]*-[+|: \t-]*$")
_CELL_PIPE_RE = re.compile(r"(?<!\\)\|")
_TASK_RE = re.compile(r"\s*\[([ xX])\]\s+")


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
        if not self.options.hard_wrap:
            # Ahead of escapes (180), which would take the backslash. (With hard_wrap
            # every line break is one, and the backslash stays, as in kramdown.)
            md.inlinePatterns.register(_BackslashBreak(_BACKSLASH_BREAK_RE), "gfm_break", 185)
        md.ESCAPED_CHARS.extend(c for c in _MORE_ESCAPES if c not in md.ESCAPED_CHARS)
        # After the source-line markers (28), which know headings by Python-Markdown's rule.
        md.preprocessors.register(_AtxSpacePreprocessor(md), "gfm_atx_space", 26)
        # After kramdown's list paragraphs (35), before inline (20).
        md.treeprocessors.register(_TaskListTreeprocessor(md), "gfm_task_list", 34)
        md.treeprocessors.register(_CellAlignment(md), "kramdown_cell_alignment", 11)
        if "table" in md.parser.blockprocessors:
            md.parser.blockprocessors.register(
                _KramdownTableProcessor(md.parser, {"use_align_attribute": False}), "table", 75
            )
        # Where kramdown tries tables: after quotes (20), before footnote and link
        # definitions (17, 15) and paragraphs (10).
        md.parser.blockprocessors.register(_PipeTableProcessor(md.parser), "kramdown_table", 19)
        if self.options.hard_wrap:
            Nl2BrExtension().extendMarkdown(md)
            # Every line break is one now; trailing spaces stay text, as in kramdown.
            if "linebreak" in md.inlinePatterns:
                md.inlinePatterns.deregister("linebreak")


class _CellAlignment(Treeprocessor):
    """Table cells aligned with ``style="text-align: left"``, without the ``;`` of ours."""

    def run(self, root) -> None:
        for cell in root.iter():
            if cell.tag in ("th", "td"):
                style = cell.get("style")
                if style and style.startswith("text-align:") and style.endswith(";"):
                    cell.set("style", style[:-1])


class _BackslashBreak(InlineProcessor):
    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown API
        element = etree.Element("br")
        element.tail = "\n"
        return element, m.start(0), m.end(0)


class _AtxSpacePreprocessor(Preprocessor):
    """``#tag`` at the start of a line is text in GFM: escaped, Python-Markdown agrees."""

    def run(self, lines: list[str]) -> list[str]:
        return [
            "\\" + line if line.startswith("#") and _ATX_WITHOUT_SPACE_RE.match(line) else line
            for line in lines
        ]


class _TaskListTreeprocessor(Treeprocessor):
    """``- [ ] todo`` items get a disabled checkbox, and classes, as kramdown's GFM parser."""

    def run(self, root) -> None:
        for task_list in root.iter():
            if task_list.tag not in ("ul", "ol"):
                continue
            tasks = False
            for item in task_list.findall("li"):
                holder = item[0] if len(item) and item[0].tag == "p" and not (
                    item.text or ""
                ).strip() else item
                match = _TASK_RE.match(holder.text or "")
                if match is not None:
                    tasks = True
                    box = etree.Element("input", {
                        "type": "checkbox", "class": "task-list-item-checkbox",
                        "disabled": "disabled",
                    })
                    if match.group(1) != " ":
                        box.set("checked", "checked")
                    box.tail = holder.text[match.end():]
                    holder.text = None
                    holder.insert(0, box)
                if tasks:
                    item.set("class", "task-list-item")
            if tasks:
                task_list.set("class", "task-list")


class _KramdownTableProcessor(TableProcessor):
    """Python-Markdown's tables, taken only where kramdown would: every line a row.

    (kramdown's table must end at a blank line; a line without a ``|`` right under
    it makes the whole block a paragraph.)
    """

    def test(self, parent, block: str) -> bool:
        lines = block.split("\n")
        return all(_has_cell_pipe(line) or _SEPARATOR_RE.match(line) for line in lines) and (
            super().test(parent, block)
        )


class _PipeTableProcessor(BlockProcessor):
    """kramdown's tables without a header: a block whose every line has a ``|``.

    kramdown reads such a block (``a | b`` on lines of their own) as a table of body
    rows; Python-Markdown's tables (which take the ones with a header separator
    first) would leave it a paragraph. A ``|`` inside code or escaped does not count.
    """

    def test(self, parent, block: str) -> bool:
        return "|" in block and all(_has_cell_pipe(line) for line in block.split("\n"))

    def run(self, parent, blocks: list[str]) -> bool:
        rows = [_cells(line) for line in blocks.pop(0).split("\n")]
        columns = max(len(row) for row in rows)
        table = etree.SubElement(parent, "table")
        body = etree.SubElement(table, "tbody")
        for row in rows:
            line = etree.SubElement(body, "tr")
            for cell in row + [""] * (columns - len(row)):
                etree.SubElement(line, "td").text = cell
        return True


def _has_cell_pipe(line: str) -> bool:
    return _CELL_PIPE_RE.search(_CODE_SPAN_RE.sub("", line)) is not None


def _cells(line: str) -> list[str]:
    """A row's cells: split at pipes outside code spans, outer empty cells dropped."""
    cells = [""]
    at = 0
    for span in [*_CODE_SPAN_RE.finditer(line), None]:
        text = line[at:span.start() if span else len(line)]
        first, *rest = _CELL_PIPE_RE.split(text)
        cells[-1] += first
        cells.extend(rest)
        if span is not None:
            cells[-1] += span.group()  # a code span goes whole into its cell
            at = span.end()
    if line.lstrip().startswith("|") and len(cells) > 1 and not cells[0].strip():
        cells.pop(0)
    if len(cells) > 1 and not cells[-1].strip():
        cells.pop()
    return [cell.strip() for cell in cells]
