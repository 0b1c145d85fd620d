"""Front-matter values as text: what a reader sees of a value, whatever YAML type it has.

Kept apart from the YAML machinery so the renderer can use it without importing a parser.
"""

from __future__ import annotations

from typing import Any


def value_text(value: Any) -> str:
    """A front-matter value as the one line of text a reader sees ('' for missing values).

    Lists (``title: [a, b]``) read as their items joined by commas and mappings as their
    values, never as Python's ``['a', 'b']``.
    """
    if value is None:
        return ""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        return ", ".join(text for text in (value_text(item) for item in value) if text)
    return " ".join(str(value).split())


def is_plain_text(value: Any) -> bool:
    """False for lists and mappings: values a Jekyll theme prints oddly where text belongs."""
    return not isinstance(value, list | tuple | dict)
