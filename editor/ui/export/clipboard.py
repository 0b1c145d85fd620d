"""Copy for Blog: the post as inline-styled HTML on the clipboard, with a plain-text twin.

Rich editors (blog platforms, mail, word processors) take the ``text/html`` part and keep
the look because every style is written on its element; plain-text fields take the
``text/plain`` part, which keeps paragraphs and link addresses.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

from editor.document.post import Post


def blog_mime_data(post: Post, *, theme: str = "default",
                   include_header: bool = False) -> QMimeData:
    """``text/html`` (the paste-ready fragment) and ``text/plain`` for ``post``.

    Raises ``render.ThemeError`` for an unknown theme.
    """
    # Imported here: the converters are heavy and only needed once the writer copies.
    from editor.export.fragment import fragment_html, fragment_plain_text

    mime = QMimeData()
    mime.setHtml(fragment_html(post, theme=theme, include_header=include_header))
    mime.setText(fragment_plain_text(post, include_header=include_header))
    return mime


def copy_for_blog(post: Post, *, theme: str = "default", include_header: bool = False,
                  clipboard: QClipboard | None = None) -> None:
    """Put :func:`blog_mime_data` on ``clipboard`` (the application's by default).

    The clipboard owns the data afterwards; read it back through ``clipboard.mimeData()``.
    """
    mime = blog_mime_data(post, theme=theme, include_header=include_header)
    (clipboard or QGuiApplication.clipboard()).setMimeData(mime)
