"""Counted nouns in either language: "1 word", "2 words", never "1 words" or "word(s)".

The caller passes both English forms through ``tr()`` (so lupdate collects them); Korean
nouns do not change with number, and both forms translate alike.
"""

from __future__ import annotations


def plural(count: int, one: str, other: str, **values: object) -> str:
    """``one`` when ``count`` is 1, else ``other``; ``{count}`` becomes the number (1,234).

    Other ``{names}`` in the texts are filled from ``values``.
    """
    return (one if count == 1 else other).format(count=f"{count:,}", **values)
