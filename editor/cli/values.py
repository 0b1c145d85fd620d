"""Command-line values read from text: dates, window sizes, front-matter values."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any


def iso_date(text: str) -> date:
    """A YYYY-MM-DD argument as a date (argparse type)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def window_size(text: str) -> tuple[int, int]:
    """A WxH argument such as 1400x900 (argparse type)."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit() or not int(width) or not int(height):
        raise argparse.ArgumentTypeError(f"not a size like 1400x900: {text!r}")
    return int(width), int(height)


def yaml_value(text: str) -> Any:
    """A command-line VALUE read the way Jekyll would read it after ``key:`` in a file.

    YAML 1.1, as Jekyll's parser speaks it: ``false``/``no`` are booleans, ``[a, b]`` a
    list, ``2024-05-01`` a date, ``"A: B"`` a string. Text that YAML cannot read, or reads
    as a block mapping (``A: B`` unquoted), is taken as the plain string it looks like.
    Raises ValueError for a flow value or quoted text YAML cannot read.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    loader = YAML(typ="safe", pure=True)
    loader.version = (1, 1)
    try:
        value = loader.load(text)
    except YAMLError:
        if text.lstrip()[:1] in ("[", "{", '"', "'"):
            raise ValueError(f"cannot read {text!r} as a YAML value") from None
        return text
    if isinstance(value, dict) and not text.lstrip().startswith("{"):
        return text
    return value
