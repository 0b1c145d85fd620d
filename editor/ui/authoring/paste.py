"""Pasting into the source editor: rich text cleaned into house markup, or plain text.

A paste with ``text/html`` (from a browser or a word processor) goes through
``editor.authoring.paste.clean_pasted_html``: structure and preset colours are kept, everything
else is sanitised. Clipboard HTML whose plain text is itself markup (copied from a
code editor, which colours its source as HTML) is pasted as that plain text, since
the writer meant the source, not its colouring.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMimeData
from PySide6.QtGui import QGuiApplication, QImage, QPixmap

from editor.authoring.highlights import Preset

if TYPE_CHECKING:
    from editor.authoring.paste import KeepPicture

# An HTML tag at the start of a line or after text: the clipboard's text is source code.
_MARKUP_RE = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>|</[a-zA-Z][a-zA-Z0-9]*\s*>")
_SOURCE_HTML_RE = re.compile(r"white-space\s*:\s*pre|<pre\b", re.I)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n")


def rich_paste_text(mime: QMimeData, presets: list[Preset], fmt: str,
                    keep_picture: KeepPicture | None = None) -> str | None:
    """The text a paste of ``mime`` inserts, or None to let Qt insert its plain text.

    Only clipboard HTML is handled here; it becomes house markup (``fmt`` "html") or
    Markdown with inline HTML highlights (``fmt`` "markdown"). ``keep_picture``: see
    ``editor.authoring.paste.clean_pasted_html``.
    """
    if not mime.hasHtml():
        return None
    html_text = mime.html()
    if not html_text.strip():
        return None
    text = mime.text() if mime.hasText() else ""
    if text and (_MARKUP_RE.search(text) or _SOURCE_HTML_RE.search(html_text)):
        return _normalise_newlines(text)
    # Imported here: the cleaner loads BeautifulSoup and markdownify, only needed on paste.
    from editor.authoring.paste import clean_pasted_html

    cleaned = clean_pasted_html(html_text, presets, fmt, keep_picture)
    if not cleaned.strip():
        return _normalise_newlines(text) if text else None
    return cleaned


def clipboard_plain_text(mime: QMimeData | None = None) -> str:
    """The clipboard's text without any markup (its HTML reduced to text if it has no text)."""
    if mime is None:
        mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return ""
    if mime.hasText() and mime.text():
        return _normalise_newlines(mime.text())
    if mime.hasHtml():
        from editor.authoring.paste import plain_text

        return plain_text(mime.html())
    return ""


def png_bytes(image: object) -> bytes | None:
    """The clipboard's picture (a QImage, or a QPixmap) as PNG file bytes, or None."""
    if isinstance(image, QPixmap):
        image = image.toImage()
    if not isinstance(image, QImage) or image.isNull():
        return None
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        return None
    return bytes(buffer.data())
