"""Publish checklist messages in the interface language.

The core writes them in English and keeps each one's template and values; the
templates are in the "Checks" context of our translations.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.site.checks import Problem


def problem_message(problem: Problem) -> str:
    """The checklist's message for ``problem`` in the interface language."""
    if not problem.template:
        return problem.message
    template = QCoreApplication.translate("Checks", problem.template)
    try:
        return template.format(**dict(problem.values))
    except (KeyError, IndexError, ValueError):  # a faulty translation: English instead
        return problem.message
