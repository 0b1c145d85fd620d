"""The base of the core's exceptions: one ``message`` a writer can read, shown as it is.

Every error the core raises on purpose (a post that cannot be opened or saved, bad
YAML, an export that cannot be done, a broken theme or schema, ...) derives from
:class:`EditorError`, so the window and the command line can catch them in one place
and show ``message`` without a traceback. Subclasses add the facts they carry (a path,
a line) and may say more in ``__str__``.
"""

from __future__ import annotations


class EditorError(Exception):
    """An expected failure with a one-line ``message`` for the writer."""

    def __init__(self, message: str, *args: object) -> None:
        super().__init__(message, *args)
        self.message = message

    def __str__(self) -> str:
        return self.message
