"""Publish checklist messages in the interface language.

The core writes them in English and keeps each one's template and values; the
templates are in the "Checks" context of our translations.
"""

from __future__ import annotations

from editor.site.checks import Problem
from editor.ui.shell.translated import translated


def problem_message(problem: Problem) -> str:
    """The checklist's message for ``problem`` in the interface language."""
    return translated(problem.text)
