"""Code as kramdown writes it through rouge, highlighted with Pygments.

Rouge and Pygments share the short token class names (``k``, ``nf``, ``s2``…), so a
site's rouge style sheet colours Pygments tokens the same. Fenced code follows the
GFM parser of kramdown: a fence is three or more backticks or tildes, an optional
language word, nothing else on the line, and a closing fence of the same kind; a
line like ```` ``` {#id style="…"} ```` opens no fence (kramdown reads it as inline
code), so it cannot break anything either.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections import OrderedDict
from typing import TYPE_CHECKING

from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.inlinepatterns import BACKTICK_RE, BacktickInlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString, code_escape
from pygments import lex
from pygments.lexers import get_lexer_by_name
from pygments.token import STANDARD_TYPES
from pygments.util import ClassNotFound

from editor.render.kramdown.lists import BLANK_IN_CODE

if TYPE_CHECKING:
    from editor.render.kramdown.engine import KramdownOptions

_FENCE_RE = re.compile(
    r"^[ ]{0,3}(([~`])\2{2,})[ \t]*(?:(\S+?)(?:\?\S*)?)?[ \t]*\n(.*?)^[ ]{0,3}\1\2*[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_FENCE_START_RE = re.compile(r"[ ]{0,3}(([~`])\2{2,})[ \t]*(?:\S+?)?(?:\?\S*)?[ \t]*(?:\n|\Z)")
_BLANK_IN_CODE_RE = re.compile(rf"^{BLANK_IN_CODE}$", re.MULTILINE)
_ATTRIBUTE_LIST_RE = re.compile(r"\n {0,3}\{:(?!:|/)")
_ROUGE_INLINE_CLASS = "language-plaintext highlighter-rouge"


def fence_lines(text: str) -> list[tuple[int, int]]:
    """(first, last) 0-based line of each fenced code block of ``text``, as this engine
    finds them (its fences are not Python-Markdown's: ``{...}`` is no language)."""
    if "```" not in text and "~~~" not in text:
        return []
    spans = []
    line = offset = 0
    for match in _FENCE_RE.finditer(text):
        line += text.count("\n", offset, match.start())
        last = line + text.count("\n", match.start(), match.end())
        spans.append((line, last))
        line, offset = last, match.end()
    return spans


def _token_class(token_type) -> str:
    while token_type not in STANDARD_TYPES:
        token_type = token_type.parent
    return STANDARD_TYPES[token_type]


def _lexer(language: str):
    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


def highlight(code: str, lexer) -> str:
    """``code`` as rouge's HTML formatter writes it: short-class spans, plain text bare."""
    pieces: list[str] = []
    last_class = None
    run: list[str] = []

    def flush() -> None:
        text = html.escape("".join(run), quote=False)
        if last_class:
            pieces.append(f'<span class="{last_class}">{text}</span>')
        else:
            pieces.append(text)
        run.clear()

    for token_type, value in lex(code, lexer):
        # Whitespace goes bare, as rouge writes it, merged into the run beside it.
        css = "" if value.isspace() else _token_class(token_type)
        if css != last_class and run:
            flush()
        last_class = css
        run.append(value)
    if run:
        flush()
    return "".join(pieces)


def code_block_html(
    code: str, language: str | None, options: KramdownOptions, lexer=None
) -> str:
    """A code block's HTML: rouge's nested ``div``s, or a bare ``pre`` without rouge.

    A language the highlighter does not know gets the bare ``pre`` too, as kramdown
    does when rouge has no lexer for it (Pygments' lexers stand in for rouge's).
    """
    known = language is None or lexer is not None
    if options.syntax_highlighter != "rouge" or not known:
        attribute = f' class="language-{html.escape(language)}"' if language else ""
        return f"<pre><code{attribute}>{html.escape(code, quote=False)}</code></pre>"
    language = language or "plaintext"
    return (
        f'<div class="language-{html.escape(language)} highlighter-rouge">'
        f'<div class="highlight"><pre class="highlight"><code>'
        f"{highlight(code, lexer) if lexer else html.escape(code, quote=False)}"
        "</code></pre></div></div>"
    )


class CodeBlockCache:
    """The HTML of recent code blocks: a keystroke elsewhere does not highlight again."""

    def __init__(self, options: KramdownOptions, size: int = 256) -> None:
        self.options = options
        self.size = size
        self._blocks: OrderedDict[tuple[str, str | None], str] = OrderedDict()
        self._lexers: dict[str, object] = {}

    def html(self, code: str, language: str | None) -> str:
        """``code_block_html`` of the block, from the cache when it was seen lately."""
        key = (code, language)
        found = self._blocks.get(key)
        if found is not None:
            self._blocks.move_to_end(key)
            return found
        made = code_block_html(code, language, self.options, self.lexer(language))
        self._blocks[key] = made
        if len(self._blocks) > self.size:
            self._blocks.popitem(last=False)
        return made

    def lexer(self, language: str | None):
        """Pygments' lexer for ``language``, None if there is none (or no language)."""
        if not language:
            return None
        if language not in self._lexers:
            self._lexers[language] = _lexer(language)
        return self._lexers[language]


class RougeCodeExtension(Extension):
    """Fenced, indented and inline code shaped as kramdown with rouge writes them."""

    def __init__(self, options: KramdownOptions, **kwargs) -> None:
        super().__init__(**kwargs)
        self.options = options
        self.cache = CodeBlockCache(options)

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown API
        # Where fenced_code would go: after the source-line markers (28).
        md.preprocessors.register(_FencePreprocessor(md, self.cache), "kramdown_fence", 25)
        # Fences inside list items and quotes; ahead of indented code (80, 90).
        md.parser.blockprocessors.register(
            _NestedFenceProcessor(md.parser, self.cache), "kramdown_nested_fence", 95
        )
        # In place of Python-Markdown's own code spans.
        md.inlinePatterns.register(_CodeSpanProcessor(BACKTICK_RE), "backtick", 190)
        # After inline (20) has made the inline code elements.
        md.treeprocessors.register(_CodeTreeprocessor(md, self.options), "kramdown_code", 12)


class _CodeSpanProcessor(BacktickInlineProcessor):
    """Code spans keep their spaces and line breaks as kramdown's do.

    kramdown strips nothing from a span in single backticks, and one space at each
    end from a span in more; Python-Markdown strips all surrounding whitespace.
    """

    def handleMatch(self, m, data):  # noqa: N802 - Python-Markdown API
        if m.group(1):
            return super().handleMatch(m, data)
        begin = m.start(0)
        start, end = self.find_code_spans(begin, data)
        if end is None:
            return super().handleMatch(m, data)
        text = data[start:end]
        if start - begin > 1:
            text = text[1:] if text.startswith(" ") else text
            text = text[:-1] if text.endswith(" ") else text
        element = etree.Element(self.tag)
        element.text = AtomicString(code_escape(text))
        return element, begin, end + (start - begin)


class _FencePreprocessor(Preprocessor):
    def __init__(self, md, cache: CodeBlockCache) -> None:
        super().__init__(md)
        self.cache = cache

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if "```" not in text and "~~~" not in text:
            return lines
        return _FENCE_RE.sub(self._stash, text).split("\n")

    def _stash(self, match: re.Match[str]) -> str:
        code_html = self.cache.html(match.group(4), match.group(3))
        # An attribute list right under the fence belongs to it: no blank line between.
        attribute_list = _ATTRIBUTE_LIST_RE.match(match.string, match.end())
        return f"\n{self.md.htmlStash.store(code_html)}" + ("" if attribute_list else "\n")


class _NestedFenceProcessor(BlockProcessor):
    """A fence in a list item or a quote, whose blocks may be split by blank lines."""

    def __init__(self, parser, cache: CodeBlockCache) -> None:
        super().__init__(parser)
        self.cache = cache

    def test(self, parent: etree.Element, block: str) -> bool:
        return block.lstrip(" ")[:3] in ("```", "~~~") and _FENCE_START_RE.match(block) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        for count in range(1, len(blocks) + 1):
            text = "\n\n".join(blocks[:count]) + "\n"
            match = _FENCE_RE.match(text)
            if match is not None:
                break
        else:
            return False
        del blocks[:count]
        rest = text[match.end():].strip("\n")
        if rest:
            blocks.insert(0, rest)
        code = _BLANK_IN_CODE_RE.sub("", match.group(4))
        code_html = self.cache.html(code, match.group(3))
        etree.SubElement(parent, "p").text = self.parser.md.htmlStash.store(code_html)
        return True


class _CodeTreeprocessor(Treeprocessor):
    def __init__(self, md, options: KramdownOptions) -> None:
        super().__init__(md)
        self.options = options

    def run(self, root: etree.Element) -> None:
        if self.options.syntax_highlighter != "rouge":
            return
        for parent in list(root.iter()):
            for index, child in enumerate(parent):
                if child.tag == "pre" and len(child) and child[0].tag == "code":
                    parent[index] = self._rouge_block(child)
                elif child.tag == "code" and parent.tag != "pre":
                    child.set("class", _ROUGE_INLINE_CLASS)

    @staticmethod
    def _rouge_block(pre: etree.Element) -> etree.Element:
        outer = etree.Element("div", {"class": "language-plaintext highlighter-rouge"})
        outer.attrib.update({k: v for k, v in pre.attrib.items() if k != "class"})
        inner = etree.SubElement(outer, "div", {"class": "highlight"})
        pre.attrib.clear()
        pre.set("class", "highlight")
        inner.append(pre)
        outer.tail = pre.tail
        pre.tail = None
        return outer
