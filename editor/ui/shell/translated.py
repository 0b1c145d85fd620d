"""The core's messages in the interface language.

A :class:`~editor.messages.Message` carries its English template, the translation
context it is marked in and the values to fill in; the template is looked up in the
installed translations and filled with the same values.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from editor.messages import Message


def translated(message: Message) -> str:
    """``message`` in the interface language (English where no translation is installed)."""
    if not message.context:
        return str(message)
    return message.fill(QCoreApplication.translate(message.context, message.template))
