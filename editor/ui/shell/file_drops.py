"""Files dropped on the window: a picture goes into the post, any other file is opened.

The source editor would paste a dropped file's address as text; this filter on its
viewport (and the window's own drop events) turns the drop into the writer's intent.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from editor.site import assets
from editor.ui.source.editor import SourceEditor

_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def dropped_file(event: QEvent) -> Path | None:
    """The first local file a drag carries, or None."""
    mime = event.mimeData() if hasattr(event, "mimeData") else None
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            return Path(url.toLocalFile())
    return None


class FileDrops(QObject):
    """Accepts dropped files for a window and its source editor."""

    def __init__(self, editor: SourceEditor, *, open_path: Callable[[Path], object],
                 insert_picture: Callable[[Path], object],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.open_path = open_path
        self.insert_picture = insert_picture
        self._viewport = editor.viewport()
        self._viewport.installEventFilter(self)

    def accepts(self, event: QDragEnterEvent) -> bool:
        """Accept a drag that carries a local file (the window's dragEnterEvent)."""
        if dropped_file(event) is None:
            return False
        event.acceptProposedAction()
        return True

    def drop(self, event: QDropEvent) -> bool:
        """Take a dropped file: False if the drop carries none (the window's dropEvent)."""
        path = dropped_file(event)
        if path is None:
            return False
        event.acceptProposedAction()
        # After the drop returns: a modal prompt inside a drop handler blocks the source.
        if assets.is_picture_file(path):
            QTimer.singleShot(0, lambda: self.insert_picture(path))
        else:
            QTimer.singleShot(0, lambda: self.open_path(path))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # The event type first: this runs for every event, even while the editor is
        # being destroyed, when it must not be touched.
        if event.type() not in _DRAG_EVENTS or watched is not self._viewport:
            return False
        path = dropped_file(event)
        if path is None:
            return False
        if event.type() == QEvent.Type.Drop:
            # A picture goes in where it is dropped.
            if assets.is_picture_file(path) and not self.editor.isReadOnly():
                where = self.editor.cursorForPosition(event.position().toPoint())
                self.editor.setTextCursor(where)
            self.drop(event)
        else:
            event.acceptProposedAction()
        return True
