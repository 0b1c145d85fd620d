"""Pygments lexing that tries only the rules which can match the character at hand.

A Pygments ``RegexLexer`` tries the rules of its current state one after the other
at every position until one matches: some thirty regex calls per token for
Python, most of the time a long post's code blocks take to highlight. Most rules
can only start with a few characters (a quote, a ``#``, a letter); which ones can
be read from the parsed pattern. ``narrowed(lexer)`` makes the lexer try, per
state and character, only the rules that can match there, as one alternation
(the first alternative that matches wins, as the first rule does in Pygments).
The tokens are the same; tests compare them with stock Pygments lexing.

Lexers with their own ``get_tokens_unprocessed`` are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]  # parsed-pattern opcodes
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from pygments.lexer import Lexer, RegexLexer
from pygments.token import Error, Whitespace, _TokenType

from editor.authoring.tokens import apply_transition

# In a set of first characters: any character outside ASCII (they share one entry),
# and the end of the text (where only a rule matching nothing can match).
_OTHER = "\x80"
_AT_END = ""
_ASCII = tuple(map(chr, range(128)))
# Any place at all: for a pattern that can match nothing, or one we do not read.
_ANY: frozenset[str] = frozenset(_ASCII) | {_OTHER, _AT_END}

# A pattern combined with others must not refer to its groups by number or start
# with flags for the whole pattern (turned into flags for its group instead).
_BACKREFERENCE_RE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")
_LEADING_FLAGS_RE = re.compile(r"\(\?([imsx]+)\)")
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)

# A state narrows its rules once used this often (reading the patterns costs more
# than a short text takes to lex); a finder with at least _ALTERNATION_RULES rules
# to try becomes one alternation once used _ALTERNATION_USES times.
_NARROW_USES = 1024
_ALTERNATION_RULES = 4
_ALTERNATION_USES = 256

Rule = tuple[Callable[..., Any], Any, Any]  # (pattern.match, action, new state)
Finder = Callable[[str, int], "tuple[Any, Any, Any] | None"]


def narrowed(lexer: Lexer) -> Lexer:
    """``lexer``, lexing through the narrowed rules when it is a plain ``RegexLexer``."""
    if type(lexer).get_tokens_unprocessed is not RegexLexer.get_tokens_unprocessed:
        return lexer
    states = {name: _State(rules) for name, rules in type(lexer)._tokens.items()}

    def get_tokens_unprocessed(text: str, stack=("root",)) -> Iterator[tuple[int, Any, str]]:
        return _lex(lexer, states, text, stack)

    lexer.get_tokens_unprocessed = get_tokens_unprocessed  # type: ignore[method-assign]
    return lexer


def _lex(lexer: Lexer, states: dict[str, _State], text: str, stack) -> Iterator:
    """``RegexLexer.get_tokens_unprocessed`` with each state's finders."""
    pos = 0
    end = len(text)
    statestack = list(stack)
    state = states[statestack[-1]]
    finders = state.finders
    while True:
        if pos < end:
            char = text[pos]
            key = char if char < _OTHER else _OTHER
        else:
            key = _AT_END
        finder = finders.get(key)
        if finder is None:
            finder = state.finder(key)
        found = finder(text, pos)
        if found is None:
            if pos >= end:
                return
            if text[pos] == "\n":
                # At the end of a line no rule matched: back to "root", as Pygments does.
                statestack = ["root"]
                state = states["root"]
                finders = state.finders
                yield pos, Whitespace, "\n"
            else:
                yield pos, Error, text[pos]
            pos += 1
            continue
        match, action, new_state = found
        if action is not None:
            if type(action) is _TokenType:
                yield pos, action, match.group()
            else:
                yield from action(lexer, match)
        pos = match.end()
        if new_state is None:
            continue
        apply_transition(statestack, new_state)
        state = states[statestack[-1]]
        finders = state.finders


class _State:
    """The rules of one lexer state, and for each character a finder of the rule to use.

    A finder first tries its rules one by one; one used often enough is replaced by
    the rules as one alternation (a regex to compile, worth it for long code only).
    """

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._all = _one_by_one(rules)
        # Read from the patterns once the state is used often enough to be worth it.
        self._firsts: list[frozenset[str]] | None = None
        self._uses = 0
        # Character (or _OTHER, _AT_END) -> function giving the first matching rule:
        # (match, action, new state), or None. Filled by ``finder``.
        self.finders: dict[str, Finder] = {}
        self._alternations: dict[tuple[int, ...], Finder | None] = {}

    def finder(self, key: str) -> Finder:
        """The finder for ``key``, where ``finders`` has none yet."""
        if self._firsts is None:
            self._uses += 1
            if self._uses <= _NARROW_USES:
                return self._all
            self._firsts = [_first_chars(rule[0]) for rule in self.rules]
        finder = self.finders[key] = self._narrowed_finder(key)
        return finder

    def _narrowed_finder(self, key: str) -> Finder:
        assert self._firsts is not None
        chosen = tuple(i for i, first in enumerate(self._firsts) if key in first)
        rules = [self.rules[i] for i in chosen]
        plain = _one_by_one(rules)
        if len(rules) < _ALTERNATION_RULES:
            return plain
        uses = 0

        def warming(text: str, pos: int):
            nonlocal uses
            uses += 1
            if uses == _ALTERNATION_USES:
                if chosen not in self._alternations:
                    self._alternations[chosen] = _alternation(rules)
                self.finders[key] = self._alternations[chosen] or plain
            return plain(text, pos)

        return warming


def _one_by_one(rules: list[Rule]) -> Finder:
    """A finder trying ``rules`` in order, as Pygments does."""

    def find(text: str, pos: int):
        for match_at, action, new_state in rules:
            match = match_at(text, pos)
            if match:
                return match, action, new_state
        return None

    return find


def _alternation(rules: list[Rule]) -> Finder | None:
    """A finder matching ``rules`` as one regex, or None if they do not combine."""
    combined = _combined(rules)
    if combined is None:
        return None
    match_any, rule_of_group = combined

    def find(text: str, pos: int):
        match = match_any(text, pos)
        if match is None:
            return None
        match_at, action, new_state = rule_of_group[match.lastindex]
        if type(action) is not _TokenType:
            # Callbacks read the rule's own groups.
            match = match_at(text, pos)
        return match, action, new_state

    return find


def _combined(rules: list[Rule]) -> tuple[Callable[..., Any], dict[int, Rule]] | None:
    """``rules`` as one alternation, each in a group, and the rule of each group."""
    if not all(_is_text_pattern(rule[0]) for rule in rules):
        return None
    pieces = []
    rule_of_group: dict[int, Rule] = {}
    group = 1
    flags: int | None = None
    for rule in rules:
        pattern = rule[0].__self__
        source, own_flags = _scoped(pattern)
        if source is None or flags not in (None, own_flags):
            return None
        flags = own_flags
        pieces.append(f"({source}\n)" if own_flags & re.VERBOSE else f"({source})")
        rule_of_group[group] = rule
        group += 1 + pattern.groups
    try:
        combined = re.compile("|".join(pieces), flags or 0)
    except re.error:
        return None
    if combined.groups != group - 1:
        return None
    return combined.match, rule_of_group


def _scoped(pattern: re.Pattern[str]) -> tuple[str | None, int]:
    """The pattern's source with leading global flags made local, and its other flags."""
    source = pattern.pattern
    flags = pattern.flags
    if _BACKREFERENCE_RE.search(source):
        return None, flags
    leading = _LEADING_FLAGS_RE.match(source)
    if leading:
        letters = leading.group(1)
        for letter in letters:
            flags &= ~getattr(re, letter.upper())
        rest = source[leading.end() :]
        source = f"(?{letters}:{rest}\n)" if "x" in letters else f"(?{letters}:{rest})"
    return source, flags


def _is_text_pattern(match_at: Callable[..., Any]) -> bool:
    pattern = getattr(match_at, "__self__", None)
    return isinstance(pattern, re.Pattern) and isinstance(pattern.pattern, str)


def _first_chars(match_at: Callable[..., Any]) -> frozenset[str]:
    """The characters a match can start with (non-ASCII ones as _OTHER), from the
    pattern behind a rule's ``match``."""
    if not _is_text_pattern(match_at):
        return _ANY
    return _pattern_first_chars(match_at.__self__)


@lru_cache(maxsize=4096)
def _pattern_first_chars(pattern: re.Pattern[str]) -> frozenset[str]:
    # States share rules (Pygments' include), and lexer instances share patterns.
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a pattern we cannot read is tried everywhere
        return _ANY
    ignore_case = bool(parsed.state.flags & re.IGNORECASE)
    chars, can_be_empty = _first_of_sequence(list(parsed), ignore_case, pattern.flags)
    return _ANY if can_be_empty else frozenset(chars)


def _first_of_sequence(items, ignore_case: bool, flags: int) -> tuple[set[str], bool]:
    """First characters of a sequence of parsed items, and whether it can match nothing."""
    chars: set[str] = set()
    for op, value in items:
        first, can_be_empty = _first_of_item(op, value, ignore_case, flags)
        chars |= first
        if not can_be_empty:
            return chars, False
    return chars, True


def _first_of_item(op, value, ignore_case: bool, flags: int) -> tuple[set[str], bool]:
    if op is sre.LITERAL:
        return _with_cases({chr(value)}, ignore_case), False
    if op is sre.IN:
        return _first_of_class(value, ignore_case, flags), False
    if op is sre.BRANCH:
        chars: set[str] = set()
        any_empty = False
        for branch in value[1]:
            first, can_be_empty = _first_of_sequence(branch, ignore_case, flags)
            chars |= first
            any_empty = any_empty or can_be_empty
        return chars, any_empty
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, items = value
        local_case = (ignore_case or bool(add_flags & re.IGNORECASE)) and not (
            del_flags & re.IGNORECASE
        )
        return _first_of_sequence(items, local_case, flags)
    if op is sre.ATOMIC_GROUP:
        return _first_of_sequence(value, ignore_case, flags)
    if op in _REPEATS:
        low, _, items = value
        first, can_be_empty = _first_of_sequence(items, ignore_case, flags)
        return first, can_be_empty or low == 0
    if op in _ZERO_WIDTH:
        # Anchors and lookarounds match no character; what follows decides (a
        # lookahead only narrows that further).
        return set(), True
    # Anything else (a back reference, say): any character, or none.
    return set(_ANY), True


def _with_cases(chars: set[str], ignore_case: bool) -> set[str]:
    """``chars`` as ASCII characters and _OTHER, with both cases if ``ignore_case``."""
    out = {c if c < _OTHER else _OTHER for c in chars}
    if ignore_case:
        if _OTHER in out:
            # Some non-ASCII letters match ASCII ones without case (the Kelvin sign).
            return set(_ANY)
        out |= {c.swapcase() for c in out} | {_OTHER}
    return out


def _first_of_class(items, ignore_case: bool, flags: int) -> set[str]:
    """ASCII characters a ``[...]`` class matches, and _OTHER (always, to be safe)."""
    negate = any(op is sre.NEGATE for op, _ in items)
    if ignore_case and negate:
        return set(_ANY)
    members: set[str] = set()
    for op, value in items:
        if op is sre.NEGATE:
            continue
        if op is sre.LITERAL:
            if ignore_case and value >= 128:
                return set(_ANY)
            members.add(chr(value))
        elif op is sre.RANGE:
            low, high = value
            if ignore_case and high >= 128:
                return set(_ANY)
            members.update(map(chr, range(low, min(high, 127) + 1)))
        elif op is sre.CATEGORY and value in _CATEGORIES:
            category = re.compile(_CATEGORIES[value], flags & (re.ASCII | re.UNICODE))
            members.update(filter(category.match, _ASCII))
        else:
            return set(_ANY)
    members = {c for c in members if c < _OTHER}
    if negate:
        members = set(_ASCII) - members
    return _with_cases(members, ignore_case) | {_OTHER}
