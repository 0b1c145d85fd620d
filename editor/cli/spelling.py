"""``article-editor check FILE --spelling``: spelling warnings beside the publish checklist.

Each misspelt word is one warning with its line and column in the file
(``FILE:LINE:COLUMN: warning: ...``), or an object in ``--json``'s ``problems`` list
with ``"kind": "spelling"``. Spelling never makes ``check`` fail: they are warnings.
The writer's personal word list and the words ignored in this post (both set from the
window) count here too.
"""

from __future__ import annotations

import sys
from typing import Any

from editor.authoring.spelling import IgnoredWords, PersonalWords, SpellingUnavailable
from editor.authoring.spelling_post import checker_for, post_misspellings

MESSAGE = "Unknown word '{word}'"


def spelling_problems(post: Any) -> list[dict[str, Any]]:
    """The spelling warnings of ``post`` as problem dicts (level, message, line, column, …).

    Raises FileProblem (exit code 1) when no dictionary is installed.
    """
    from editor.cli.main import FileProblem

    try:
        checker = checker_for(post, personal_words=PersonalWords())
    except SpellingUnavailable as exc:
        raise FileProblem(str(exc)) from None
    if post.path is not None:  # words the writer chose to ignore in this post
        checker.ignored |= IgnoredWords().words_for(post.path)
    for lang in checker.missing:
        print(f"spelling: no dictionary for '{lang}' is installed; skipped", file=sys.stderr)
    problems = []
    for found in post_misspellings(post, checker):
        suggestions = checker.suggest(found.word)
        message = MESSAGE.format(word=found.word)
        if suggestions:
            message += f" (did you mean: {', '.join(suggestions[:3])}?)"
        problems.append({"level": "warning", "message": message, "line": found.line,
                         "column": found.column, "field": None, "kind": "spelling",
                         "word": found.word, "language": found.language,
                         "suggestions": suggestions})
    return problems


def format_problem(path: str, problem: dict[str, Any]) -> str:
    """One spelling warning as the ``check`` command prints problems."""
    return f"{path}:{problem['line']}:{problem['column']}: {problem['level']}: {problem['message']}"


def print_problems(path: str, problems: list[dict[str, Any]]) -> None:
    """Print spelling warnings one a line, after the checklist's."""
    for problem in problems:
        print(format_problem(path, problem))
