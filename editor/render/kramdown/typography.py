"""kramdown's typography: smart quotes, dashes, ellipsis and guillemets, as characters.

kramdown decides each quote by the first of its ``SQ_RULES`` that matches where the
quote (with the character before it) starts; the rules are copied here as they are in
kramdown 2.4 (``parser/kramdown/smart_quotes.rb``; Ruby's ``\\w`` and ``\\s`` are ASCII).
Python-Markdown's ``smarty`` follows SmartyPants and decides ``5'10"`` or ``'n'``
differently, hence our own pass.

The pass runs over the text of the tree once inline Markdown is parsed. kramdown
looks at the Markdown source, where an element's delimiters follow the text (``*``
for emphasis, ``[`` for a link); each piece of text is given what follows it in that
form, so the rules see what kramdown sees. Symbols are written as characters
(Jekyll's ``entity_output: as_char``).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.extensions import Extension
from markdown.extensions.smarty import HTML_STRICT_RE
from markdown.inlinepatterns import HtmlInlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

if TYPE_CHECKING:
    from editor.render.kramdown.engine import KramdownOptions

_PUNCT = r"""[!"#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"""
_CLOSE = r"[^ \\\t\r\n\[{(-]"
# (pattern, what each group becomes): an int keeps that group's text; "l1"/"r2" is an
# opening/closing quote of the kind in group 1/2; "ld", "ls", "rs" fixed quotes.
_QUOTE_RULES = [
    (r"""("|')(?=[_*]{1,2}\S)""", ("l1",)),
    (rf"""("|')(?={_PUNCT}(?!\.\.)\B)""", ("r1",)),
    (r"""(\s?)"'(?=\w)""", (1, "ld", "ls")),
    (r"""(\s?)'"(?=\w)""", (1, "ls", "ld")),
    (r"""(\s?)'(?=\d\ds)""", (1, "rs")),
    (r"""(\s)('|")(?=\w)""", (1, "l2")),
    (rf"""({_CLOSE})('|")""", (1, "r2")),
    (r"""("|')(?=\s|s\b|$)""", ("r1",)),
    (r"""(.?)'""", (1, "ls")),
    (r"""(.?)\"""", (1, "ld")),
]
_RULES = [(re.compile(p, re.ASCII | re.DOTALL | re.MULTILINE), s) for p, s in _QUOTE_RULES]
_CANDIDATE_RE = re.compile(r"['\"]|--|\.\.\.|<<|>>")
_SYMBOLS_RE = re.compile(r"---|--|\.\.\.|<< | >>|<<|>>")
_SYMBOL_NAMES = {
    "---": "mdash", "--": "ndash", "...": "hellip",
    "<< ": "laquo_space", " >>": "raquo_space", "<<": "laquo", ">>": "raquo",
}
_SYMBOLS = {
    "mdash": "\u2014", "ndash": "\u2013", "hellip": "\u2026",
    "laquo_space": "\u00ab\u00a0", "raquo_space": "\u00a0\u00bb",
    "laquo": "\u00ab", "raquo": "\u00bb",
}
# How an element starts and ends in Markdown source, for what follows a text.
_OPENERS = {"em": "*", "strong": "*", "a": "[", "code": "`", "img": "!", "del": "~"}
_CLOSERS = {"em": "*", "strong": "*", "a": "]", "del": "~"}
_SKIPPED = frozenset({"code", "pre", "script", "style"})


class Typographer:
    """kramdown's smart quotes and typographic symbols for one site's options."""

    def __init__(self, options: KramdownOptions) -> None:
        lsquo, rsquo, ldquo, rdquo = options.smart_quotes
        self.quotes = {"ls": lsquo, "rs": rsquo, "ld": ldquo, "rd": rdquo}
        self.symbols = dict(_SYMBOLS)
        self.symbols.update(options.typographic_symbols)

    def educate(self, text: str, following: str = "") -> str:
        """``text`` with quotes and symbols; ``following`` is the source after it."""
        if _CANDIDATE_RE.search(text) is None:
            return text
        # Python-Markdown's placeholders for inline HTML start with STX: read as ``<``.
        source = (text + following).replace("\x02", "<")
        end = len(text)
        out: list[str] = []
        pos = 0  # text before this is written out
        # Symbols are looked for in the text alone: a placeholder is no ``<``.
        symbol = _SYMBOLS_RE.search(text)
        while pos < end:
            if symbol is not None and symbol.start() < pos:
                symbol = _SYMBOLS_RE.search(text, pos)
            quote = _next_quote(text, pos)
            if quote >= 0 and quote > pos and source[quote - 1] != "\\":
                quote -= 1  # kramdown's match starts at the character before the quote
            if quote >= 0 and (symbol is None or quote <= symbol.start()):
                out.append(text[pos:quote])
                pos = self._quote(source, quote, out)
            elif symbol is not None:
                out.append(text[pos:symbol.start()])
                out.append(self.symbols[_SYMBOL_NAMES[symbol.group()]])
                pos = symbol.end()
            else:
                break
        out.append(text[pos:])
        return "".join(out)

    def _quote(self, source: str, pos: int, out: list[str]) -> int:
        for pattern, parts in _RULES:
            match = pattern.match(source, pos)
            if match is None:
                continue
            for part in parts:
                if isinstance(part, int):
                    out.append(match.group(part))
                elif part[1] in "12":
                    kind = "d" if match.group(int(part[1])) == '"' else "s"
                    out.append(self.quotes[part[0] + kind])
                else:
                    out.append(self.quotes[part])
            return match.end()
        raise AssertionError("the last rules match any quote")  # pragma: no cover


def _next_quote(text: str, pos: int) -> int:
    """Where the next quote of ``text`` from ``pos`` is, -1 if none."""
    single = text.find("'", pos)
    double = text.find('"', pos)
    if single < 0 or 0 <= double < single:
        return double
    return single


class TypographyExtension(Extension):
    """Smart quotes and typographic symbols as kramdown writes them."""

    def __init__(self, options: KramdownOptions, **kwargs) -> None:
        super().__init__(**kwargs)
        self.typographer = Typographer(options)

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown API
        # ``<<like this>>`` is guillemets, not an HTML tag (as smarty has it).
        md.inlinePatterns.register(HtmlInlineProcessor(HTML_STRICT_RE, md), "html", 90)
        # After the span attribute lists (9), which may hold quotes of their own.
        md.treeprocessors.register(
            _TypographyTreeprocessor(md, self.typographer), "kramdown_typography", 7
        )


class _TypographyTreeprocessor(Treeprocessor):
    def __init__(self, md, typographer: Typographer) -> None:
        super().__init__(md)
        self.typographer = typographer

    def run(self, root: etree.Element) -> None:
        self._element(root, "")

    def _element(self, element: etree.Element, after: str) -> None:
        """Educate the text inside ``element``; ``after`` is the source following its end."""
        children = list(element)
        closer = _CLOSERS.get(element.tag, "")
        text = element.text
        if text and not isinstance(text, AtomicString) and _CANDIDATE_RE.search(text):
            following = _start_of(children[0]) if children else closer + after
            element.text = self.typographer.educate(text, following)
        for index, child in enumerate(children):
            tail = child.tail
            educate_tail = (
                tail and not isinstance(tail, AtomicString) and _CANDIDATE_RE.search(tail)
            )
            if child.tag not in _SKIPPED and (child.text or len(child)):
                child_after = tail[:1] if tail else self._after(children, index, closer, after)
                self._element(child, child_after)
            if educate_tail:
                child.tail = self.typographer.educate(
                    tail, self._after(children, index, closer, after)
                )

    @staticmethod
    def _after(children: list[etree.Element], index: int, closer: str, after: str) -> str:
        """The source following ``children[index]`` and its tail."""
        if index + 1 < len(children):
            return _start_of(children[index + 1])
        return closer + after


def _start_of(element: etree.Element) -> str:
    """How ``element`` starts in Markdown source, roughly: its delimiter and first letter."""
    first = next((t for t in element.itertext() if t), "")[:1]
    return _OPENERS.get(element.tag, "<") + first
