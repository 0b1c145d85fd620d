"""Which words of a post body a spelling checker should look at: the prose, nothing else.

Markup is blanked out (replaced by spaces, newlines kept, so offsets stay those of the
body): tags with their attribute values, HTML comments, ``<script>``/``<style>``/
``<pre>``/``<code>`` elements, Liquid (``{{ }}``, ``{% %}``, ``raw``, ``highlight`` and
``comment`` blocks), entities, URLs, e-mail addresses, domain and file names and, in
Markdown, fenced and indented code blocks, code spans, link targets, reference
definitions and kramdown attribute lists.

What is left is cut into words by script: a Hangul run is a Korean word (an eojeol with
its particles and endings), a Latin run an English word. Words a checker cannot judge
are passed over: identifiers (``file_name``, ``mp3``), acronyms (``HTML``) and words
with inner capitals (``GitHub``), single letters, other scripts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

HANGUL = "hangul"
LATIN = "latin"

_FLAGS = re.IGNORECASE | re.DOTALL
# Everything that is never prose, for any body format.
_ALWAYS = [
    re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL),
    re.compile(r"<(script|style|pre|code|kbd|samp|textarea)\b.*?(?:</\1\s*>|\Z)", _FLAGS),
    re.compile(r"\{%-?\s*raw\s*-?%\}.*?(?:\{%-?\s*endraw\s*-?%\}|\Z)", re.DOTALL),
    re.compile(r"\{%-?\s*highlight\b.*?(?:\{%-?\s*endhighlight\s*-?%\}|\Z)", re.DOTALL),
    re.compile(r"\{%-?\s*comment\s*-?%\}.*?(?:\{%-?\s*endcomment\s*-?%\}|\Z)", re.DOTALL),
    re.compile(r"\{\{.*?(?:\}\}|\Z)", re.DOTALL),
    re.compile(r"\{%.*?(?:%\}|\Z)", re.DOTALL),
    # A tag with its attributes; quoted values may hold ">".
    re.compile(r"</?[A-Za-z!?][^\s>\"']*(?:\"[^\"]*\"|'[^']*'|[^'\">])*>"),
    re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"),
    re.compile(r"\b(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.|mailto:)[^\s<>\"'`]+"),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    # Domains and file names in prose: example.com, config.yml, index.html.
    re.compile(r"\b[A-Za-z0-9_-]+(?:\.[A-Za-z0-9][A-Za-z0-9_-]*)+"),
]
_MARKDOWN = [
    re.compile(r"^ {0,3}(`{3,}|~{3,}).*?(?:^ {0,3}\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL),
    re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL),
    re.compile(r"\]\([^)\n]*\)"),  # link and image targets
    re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.MULTILINE),  # reference definitions
    re.compile(r"\{:[^}\n]*\}"),  # kramdown attribute lists
    re.compile(r"\]\[[^\]\n]*\]"),  # reference link labels
]
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])[ \t]")

# A raw token: letters and digits, with apostrophes inside Latin words (don't, writer's).
_TOKEN = re.compile(r"\w+(?:['\u2019][A-Za-z]+)*")
_ALL_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_ALL_LATIN = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_RUN = re.compile(r"(?P<hangul>[\uac00-\ud7a3]+)|(?P<latin>[A-Za-z\u00c0-\u024f'\u2019]+)"
                  r"|(?P<other>[^\uac00-\ud7a3A-Za-z\u00c0-\u024f'\u2019]+)")


@dataclass(frozen=True)
class Word:
    """A word to check: ``start``/``end`` index the body, ``script`` is HANGUL or LATIN.

    ``attached`` is true for a Hangul run written right after something that is not a
    Korean word (``HTML을``, ``2024년``, ``'사과'를``): it may be a bare particle.
    """

    start: int
    end: int
    text: str
    script: str
    attached: bool = False


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _blank_indented_code(text: str) -> str:
    """Blank Markdown's indented code blocks (four spaces or a tab after a blank line)."""
    lines = text.split("\n")
    in_code = False
    in_list = False
    previous_blank = True
    for index, line in enumerate(lines):
        blank = not line.strip()
        indented = line.startswith(("    ", "\t"))
        if blank:
            previous_blank = True
            continue
        if indented and (in_code or (previous_blank and not in_list)):
            in_code = True
            lines[index] = " " * len(line)
        else:
            in_code = False
            if not indented:
                in_list = bool(_LIST_ITEM.match(line))
        previous_blank = False
    return "\n".join(lines)


def prose_mask(text: str, fmt: str) -> str:
    """``text`` with everything but prose replaced by spaces (same length, same lines)."""
    if fmt != "html":
        text = _MARKDOWN[0].sub(_blank, text)
        text = _blank_indented_code(text)
    for pattern in _ALWAYS:
        text = pattern.sub(_blank, text)
    if fmt != "html":
        for pattern in _MARKDOWN[1:]:
            text = pattern.sub(_blank, text)
    return text


def _checkable_latin(run: str) -> bool:
    letters = run.replace("'", "").replace("\u2019", "")
    if len(letters) < 2:
        return False
    if letters.isupper():
        return False  # an acronym: HTML, CSS, KBS
    return not any(ch.isupper() for ch in letters[1:])  # GitHub, iPhone, JavaScript


def words(original: str, masked: str, start: int = 0, end: int | None = None) -> Iterator[Word]:
    """The words of ``masked`` (from :func:`prose_mask`) that begin in ``[start, end)``."""
    end = len(masked) if end is None else end
    for token in _TOKEN.finditer(masked, max(0, start)):
        if token.start() >= end:
            break
        raw = token.group()
        if _ALL_HANGUL.fullmatch(raw):  # the common cases first, quickly
            at = token.start()
            before = original[at - 1] if at > 0 else " "
            yield Word(at, token.end(), raw, HANGUL, not before.isspace())
            continue
        if _ALL_LATIN.fullmatch(raw):
            if _checkable_latin(raw):
                yield Word(token.start(), token.end(), raw, LATIN)
            continue
        if "_" in raw or any(ch.isdigit() for ch in raw) and _has_latin(raw):
            continue  # identifiers and codes: file_name, mp3, h264
        position = token.start()
        for run in _RUN.finditer(raw):
            text = run.group()
            at = position + run.start()
            if run.lastgroup == HANGUL:
                before = original[at - 1] if at > 0 else " "
                attached = not before.isspace() and not ("\uac00" <= before <= "\ud7a3")
                yield Word(at, at + len(text), text, HANGUL, attached)
            elif run.lastgroup == LATIN:
                stripped = text.strip("'\u2019")
                lead = len(text) - len(text.lstrip("'\u2019"))
                if _checkable_latin(stripped):
                    yield Word(at + lead, at + lead + len(stripped), stripped, LATIN)


def _has_latin(raw: str) -> bool:
    return any("a" <= ch.lower() <= "z" for ch in raw)


class LineIndex:
    """1-based line and column of an offset in a text."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, column)`` of ``offset``, both 1-based."""
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1
