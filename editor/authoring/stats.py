"""Text statistics for the status bar: words, characters and reading time of a post body.

Counting rules (what a Korean or English writer expects to see):

- Only the words a reader sees count: HTML tags, comments, ``<script>``/``<style>``
  contents and Markdown syntax (heading marks, emphasis markers, list bullets, link
  targets, code fences) are removed first; HTML entities become their characters.
- A word is a run of non-space characters containing at least one letter or digit, so a
  Korean eojeol (``도서관은``) is one word, like an English word.
- Characters with spaces count every visible character plus one space for each run of
  spaces/tabs inside a line; line breaks are not characters (as in Korean word processors).
  Characters without spaces count only the non-space characters.
- Reading time: Hangul syllables are read at about 500 characters per minute, words
  without Hangul at about 200 words per minute; the two are added and rounded up to whole
  minutes (any non-empty text reads in at least one minute).
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

from editor.markup import Comment, TagFinder, comment_closed, markup, remove_tags

HANGUL_CHARS_PER_MINUTE = 500
WORDS_PER_MINUTE = 200

# Block-level tags end a line of text: "<p>a</p><p>b</p>" reads as two words.
_LINE_ENDING_TAGS = frozenset(
    """p div h1 h2 h3 h4 h5 h6 li ul ol tr td th table thead tbody br hr blockquote pre figure
    figcaption section article header footer""".split()
)
_HIDDEN_TAGS = frozenset({"script", "style"})
_LINE_ENDINGS = TagFinder(_LINE_ENDING_TAGS)

_MD_FENCE = re.compile(r"^\s*(```|~~~).*$", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_MD_LINK_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S.*$", re.MULTILINE)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_MD_QUOTE = re.compile(r"^\s{0,3}(>\s?)+", re.MULTILINE)
_MD_BULLET = re.compile(r"^\s*([-*+]|\d+[.)])\s+", re.MULTILINE)
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$", re.MULTILINE)
_MD_TABLE_RULE = re.compile(r"^\s*\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|~~|`+)")
_MD_PIPE = re.compile(r"\s*\|\s*")

_WORD = re.compile(r"\S+")
_HAS_ALNUM = re.compile(r"[^\W_]")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_INLINE_SPACE = re.compile(r"[^\S\n]+")


@dataclass(frozen=True)
class TextStats:
    """Counts shown in the status bar."""

    words: int
    characters: int
    characters_no_spaces: int
    reading_minutes: int


def plain_text(body: str, fmt: str) -> str:
    """The text a reader sees in ``body`` (``fmt`` is "html" or "markdown"), markup removed."""
    text = _without_hidden(body)
    if fmt == "markdown":
        text = _MD_FENCE.sub("", text)
        text = _MD_LINK_DEF.sub("", text)
        text = _MD_IMAGE.sub(r"\1", text)
        text = _MD_LINK.sub(r"\1", text)
        text = _MD_REF_LINK.sub(r"\1", text)
        text = _MD_TABLE_RULE.sub("", text)
        text = _MD_RULE.sub("", text)
        text = _MD_HEADING.sub("", text)
        text = _MD_QUOTE.sub("", text)
        text = _MD_BULLET.sub("", text)
        text = _MD_EMPHASIS.sub("", text)
        text = _MD_PIPE.sub(" ", text)
    return html.unescape(_without_tags(text))


def _unterminated(text: str, comment: Comment) -> bool:
    # "<!--" with no "-->": in a Markdown code span it is an example, not a comment.
    return not comment_closed(text, comment)


def _without_hidden(body: str) -> str:
    """``body`` with comments and script/style elements (content too) each made one space.

    An unterminated comment or script is left as it is (Markdown code often shows one),
    and the text after its start is read on.
    """
    lower = body.lower()
    if "<!" not in body and "<script" not in lower and "<style" not in lower:
        return body  # nothing hidden: most posts
    pieces: list[str] = []
    pos = 0
    scan_from: int | None = 0
    while scan_from is not None:
        tokens = markup(body, scan_from)
        scan_from = None
        for token in tokens:
            if isinstance(token, Comment):
                if _unterminated(body, token):
                    scan_from = token.start + 1
                    break
                pieces += [body[pos:token.start], " "]
                pos = token.end
            elif token.name in _HIDDEN_TAGS and not token.closing:
                close = next(tokens, None)  # raw text: the next token is its end tag, if any
                if close is None:
                    scan_from = token.end
                    break
                pieces += [body[pos:token.start], " "]
                pos = close.end
    pieces.append(body[pos:])
    return "".join(pieces)


def _without_tags(text: str) -> str:
    """``text`` with line-ending tags made newlines and every other tag removed.

    Comments and scripts went before; what is left of an unterminated one is text,
    whose tags still go.
    """
    return remove_tags(_LINE_ENDINGS.replace(text, "\n"))


def count_words(text: str) -> int:
    """Words in plain text: whitespace-separated runs holding a letter or digit."""
    return sum(1 for m in _WORD.finditer(text) if _HAS_ALNUM.search(m.group()))


def text_stats(body: str, fmt: str = "markdown") -> TextStats:
    """Word count, characters with/without spaces and reading time of a post body."""
    text = plain_text(body, fmt)
    words = 0
    latin_words = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if not _HAS_ALNUM.search(word):
            continue
        words += 1
        if not _HANGUL.search(word):
            latin_words += 1
    hangul = len(_HANGUL.findall(text))
    no_spaces = sum(len(m.group()) for m in _WORD.finditer(text))
    with_spaces = sum(
        len(_INLINE_SPACE.sub(" ", line.strip())) for line in text.split("\n")
    )
    minutes = hangul / HANGUL_CHARS_PER_MINUTE + latin_words / WORDS_PER_MINUTE
    reading = math.ceil(minutes) if words else 0
    return TextStats(words, with_spaces, no_spaces, max(reading, 1 if words else 0))
