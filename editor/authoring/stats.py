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

HANGUL_CHARS_PER_MINUTE = 500
WORDS_PER_MINUTE = 200

_HTML_DROP = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# Block-level tags end a line of text: "<p>a</p><p>b</p>" reads as two words.
_HTML_BLOCK_TAG = re.compile(
    r"</?(p|div|h[1-6]|li|ul|ol|tr|td|th|table|thead|tbody|br|hr|blockquote|pre|figure"
    r"|figcaption|section|article|header|footer)\b[^>]*>",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")

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
    text = _HTML_COMMENT.sub(" ", body)
    text = _HTML_DROP.sub(" ", text)
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
    text = _HTML_BLOCK_TAG.sub("\n", text)
    text = _HTML_TAG.sub("", text)
    return html.unescape(text)


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
