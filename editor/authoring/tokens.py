"""Line-by-line syntax tokens and colours for the body source editor, without Qt.

The editor highlights one line (one Qt block) at a time and carries a small integer
state from line to line. This module does the work behind that: it runs Pygments'
HTML and Markdown lexers over a single line starting from a saved lexer state and
reports the state at the end of the line, so constructs that span lines (HTML
comments, tags split over lines, ``<script>``/``<style>`` content, fenced code
blocks) stay coloured correctly while only the edited lines are re-tokenised.

The house highlights' tints live in :mod:`editor.authoring.source_tints`, the editor's
colours in :mod:`editor.authoring.source_colours`.

Offsets are code points within the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from pygments.lexer import RegexLexer, bygroups, inherit, using
from pygments.lexers import get_lexer_by_name
from pygments.lexers.css import CssLexer
from pygments.lexers.html import HtmlLexer
from pygments.lexers.javascript import JavascriptLexer
from pygments.lexers.markup import MarkdownLexer
from pygments.token import (
    Comment,
    Error,
    Name,
    Operator,
    Punctuation,
    String,
    Text,
    _TokenType,
)
from pygments.util import ClassNotFound

BODY_FORMATS = ("html", "markdown")

# --------------------------------------------------------------------------- lexers


class _LineHtmlLexer(HtmlLexer):
    """HtmlLexer whose multi-line constructs survive being fed one line at a time.

    Pygments matches a whole comment or script in one regular expression; fed a
    single line, an unclosed ``<!--`` would fall back to error tokens and script
    content would drop back to the root state at the newline. These states keep
    going until the closing delimiter instead.
    """

    tokens = {
        "root": [
            (r"<!--", Comment.Multiline, "comment"),
            inherit,
        ],
        "comment": [
            (r".*?-->", Comment.Multiline, "#pop"),
            (r".+", Comment.Multiline),
        ],
        "script-content": [
            (
                r"(<)(\s*)(/)(\s*)(script)(\s*)(>)",
                bygroups(Punctuation, Text, Punctuation, Text, Name.Tag, Text, Punctuation),
                "#pop",
            ),
            (r".+?(?=<\s*/\s*script\s*>)", using(JavascriptLexer)),
            (r".+", using(JavascriptLexer)),
        ],
        "style-content": [
            (
                r"(<)(\s*)(/)(\s*)(style)(\s*)(>)",
                bygroups(Punctuation, Text, Punctuation, Text, Name.Tag, Text, Punctuation),
                "#pop",
            ),
            (r".+?(?=<\s*/\s*style\s*>)", using(CssLexer)),
            (r".+", using(CssLexer)),
        ],
    }


class _LineMarkdownLexer(MarkdownLexer):
    """MarkdownLexer that also colours the inline HTML Markdown bodies carry.

    Writers paste the house highlight spans into Markdown posts too; tags, their
    attributes and HTML comments get the same colours as in an HTML body.
    """

    tokens = {
        "inline": [
            (r"<!--", Comment.Multiline, "comment"),
            (r"(<)(/?)([A-Za-z][\w:.-]*)", bygroups(Punctuation, Punctuation, Name.Tag), "tag"),
            (r"&[A-Za-z0-9#]+;", Name.Entity),
            # Prose glued to a tag ("word<b>"): stop before the "<" so the tag is seen.
            (r"[^\\\s<&]+(?=[<&])", Text),
            inherit,
        ],
        "comment": [
            (r".*?-->", Comment.Multiline, "#pop"),
            # One line at a time: the rest of the line, newline included.
            (r"[\s\S]+", Comment.Multiline),
        ],
        "tag": [
            (r"\s+", Text),
            (r"([\w:-]+\s*)(=)(\s*)", bygroups(Name.Attribute, Operator, Text), "attr"),
            (r"[\w:-]+", Name.Attribute),
            (r"(/?)(\s*)(>)", bygroups(Punctuation, Text, Punctuation), "#pop"),
            # A stray "<" in prose ("a <b") must not swallow the rest of the text.
            (r"[^>]", Text, "#pop"),
        ],
        "attr": [
            ('".*?"', String, "#pop"),
            ("'.*?'", String, "#pop"),
            (r"[^\s>]+", String, "#pop"),
        ],
    }


@cache
def _lexer(kind: str) -> RegexLexer:
    if kind == "html":
        return _LineHtmlLexer()
    if kind == "markdown":
        return _LineMarkdownLexer()
    raise ValueError(f"unknown body format: {kind!r}")


@lru_cache(maxsize=64)
def _fence_lexer(language: str) -> RegexLexer | None:
    if not language:
        return None
    try:
        lexer = get_lexer_by_name(language)
    except ClassNotFound:
        return None
    return lexer if isinstance(lexer, RegexLexer) else None


# --------------------------------------------------------------------------- states

# Lexer stacks are interned into small integers because Qt stores an int per block.
# The table only grows by distinct stacks, which are few (a handful of lexer states
# times fence languages), so it stays tiny for the life of the process.
_STACKS: list[tuple[str, ...]] = [("root",)]
_STACK_IDS: dict[tuple[str, ...], int] = {("root",): 0}

#: State of a line that starts outside every multi-line construct.
ROOT_STATE = 0


def _state_id(stack: tuple[str, ...]) -> int:
    found = _STACK_IDS.get(stack)
    if found is None:
        found = len(_STACKS)
        _STACKS.append(stack)
        _STACK_IDS[stack] = found
    return found


def _stack_of(state: int) -> tuple[str, ...]:
    # Qt hands -1 for "no state yet"; anything unknown starts fresh.
    if 0 <= state < len(_STACKS):
        return _STACKS[state]
    return ("root",)


def describe_state(state: int) -> tuple[str, ...]:
    """The lexer stack a state number stands for (for tests and debugging)."""
    return _stack_of(state)


# --------------------------------------------------------------------------- tokenising


@dataclass(frozen=True)
class Run:
    """``length`` characters from ``start`` are of token type ``token``."""

    start: int
    length: int
    token: _TokenType


_FENCE_OPEN = re.compile(r"^(\s{0,3})(`{3,}|~{3,})\s*([\w+#.-]*)")

Action = Callable[..., Iterator[tuple[int, _TokenType, str]]]


@cache
def compiled_states(lexer_class: type[RegexLexer]) -> dict:
    """The lexer's states compiled as Pygments compiles them for itself, through the
    metaclass's public ``get_tokendefs``/``process_tokendef`` (once per lexer class)."""
    return lexer_class.process_tokendef("", lexer_class.get_tokendefs())


def _run_regex_lexer(
    lexer: RegexLexer, text: str, stack: tuple[str, ...]
) -> tuple[list[tuple[int, _TokenType, str]], tuple[str, ...]]:
    """Pygments' RegexLexer loop, returning the state stack it ends in.

    Same algorithm as ``RegexLexer.get_tokens_unprocessed``, which keeps its stack
    private; the end stack is what the next line starts from.
    """
    tokendefs = compiled_states(type(lexer))
    statestack = list(stack)
    statetokens = tokendefs[statestack[-1]]
    tokens: list[tuple[int, _TokenType, str]] = []
    pos = 0
    end = len(text)
    while pos < end:
        for rexmatch, action, new_state in statetokens:
            m = rexmatch(text, pos)
            if not m:
                continue
            if action is not None:
                if type(action) is _TokenType:
                    tokens.append((pos, action, m.group()))
                else:
                    tokens.extend(action(lexer, m))
            if m.end() == pos and new_state is None:
                continue  # an empty match that changes nothing would loop forever
            pos = m.end()
            if new_state is not None:
                apply_transition(statestack, new_state)
                statetokens = tokendefs[statestack[-1]]
            break
        else:
            if text[pos] == "\n":
                statestack = ["root"]
                statetokens = tokendefs["root"]
                tokens.append((pos, Text.Whitespace, "\n"))
            else:
                tokens.append((pos, Error, text[pos]))
            pos += 1
    return tokens, tuple(statestack)


def apply_transition(statestack: list[str], new_state: object) -> None:
    """Change a Pygments ``RegexLexer`` state stack as a matched rule's new state says."""
    if isinstance(new_state, tuple):
        for state in new_state:
            if state == "#pop":
                if len(statestack) > 1:
                    statestack.pop()
            elif state == "#push":
                statestack.append(statestack[-1])
            else:
                statestack.append(state)
    elif isinstance(new_state, int):
        if abs(new_state) >= len(statestack):
            del statestack[1:]
        else:
            del statestack[new_state:]
    elif new_state == "#push":
        statestack.append(statestack[-1])


def _to_runs(tokens: list[tuple[int, _TokenType, str]], line_length: int) -> list[Run]:
    """Merge neighbouring tokens of one type and drop what lies past the line."""
    runs: list[Run] = []
    for start, token, value in tokens:
        if start >= line_length or not value:
            continue
        length = min(len(value), line_length - start)
        if runs and runs[-1].token is token and runs[-1].start + runs[-1].length == start:
            last = runs[-1]
            runs[-1] = Run(last.start, last.length + length, token)
        else:
            runs.append(Run(start, length, token))
    return runs


def tokenize_line(line: str, body_format: str, state: int = ROOT_STATE) -> tuple[list[Run], int]:
    """Tokens of one line of a body and the state the next line starts in.

    ``state`` is what the previous line returned (``ROOT_STATE`` or Qt's -1 for the
    first line). ``line`` carries no newline.
    """
    stack = _stack_of(state)
    if body_format == "markdown":
        return _tokenize_markdown_line(line, stack)
    tokens, end_stack = _run_regex_lexer(_lexer(body_format), line + "\n", stack)
    return _to_runs(tokens, len(line)), _state_id(end_stack)


def _tokenize_markdown_line(line: str, stack: tuple[str, ...]) -> tuple[list[Run], int]:
    # Fenced code is tracked here rather than by MarkdownLexer, whose fence rule
    # needs the whole block (opening line to closing line) in one piece.
    if stack[0] == "fence":
        _, marker, language = stack
        stripped = line.strip()
        if stripped.startswith(marker) and not stripped.strip(marker[0]):
            return [Run(0, len(line), String.Backtick)] if line else [], ROOT_STATE
        code_lexer = _fence_lexer(language)
        if code_lexer is None:
            return ([Run(0, len(line), String)] if line else []), _state_id(stack)
        tokens, _ = _run_regex_lexer(code_lexer, line + "\n", ("root",))
        return _to_runs(tokens, len(line)), _state_id(stack)
    if stack == ("root",):
        fence = _FENCE_OPEN.match(line)
        if fence:
            marker, language = fence.group(2), fence.group(3).lower()
            return [Run(0, len(line), String.Backtick)], _state_id(("fence", marker, language))
    tokens, end_stack = _run_regex_lexer(_lexer("markdown"), line + "\n", stack)
    return _to_runs(tokens, len(line)), _state_id(end_stack)
