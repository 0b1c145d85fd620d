"""Messages the core has for the writer, as values the interface can translate.

The core speaks English, but never hands the window a finished sentence to pick
apart: a :class:`Message` keeps a stable ``code``, the English ``template`` (marked
for Qt's translation tools in its ``context``) and the ``values`` to fill in. The
window looks the template up in the writer's language and fills in the same values;
the command line prints ``str(message)``.
"""

from __future__ import annotations

from dataclasses import dataclass


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the tools' name
    """Mark ``text`` for Qt's translation tools (lupdate); returns it unchanged."""
    return text


@dataclass(frozen=True)
class Message:
    """One message: ``template.format(**values)`` in English, translatable by its template.

    ``code`` names the finding for programs and tests (``"unmatched-colour"``);
    ``context`` is the translation context the template is marked in.
    """

    code: str
    template: str
    values: tuple[tuple[str, str], ...] = ()
    context: str = ""

    @classmethod
    def of(cls, code: str, context: str, template: str, **values: object) -> Message:
        """A message whose values are given as keywords (turned into text once, here)."""
        return cls(code, template, tuple((key, str(value)) for key, value in values.items()),
                   context)

    @classmethod
    def plain(cls, text: str) -> Message:
        """A message that is only English text (nothing to translate or fill in)."""
        return cls("", text.replace("{", "{{").replace("}", "}}"))

    def value(self, key: str) -> str | None:
        """The value filled in for ``key``, or None."""
        return dict(self.values).get(key)

    def fill(self, template: str) -> str:
        """``template`` (this message's, or a translation of it) with the values filled in.

        A translation whose placeholders do not fit the values gives the English text.
        """
        values = dict(self.values)
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**values)

    def __str__(self) -> str:
        return self.fill(self.template)
