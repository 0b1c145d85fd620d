"""The window's one offscreen PDF page, shared by its exports and opened on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from editor.export.pdf import PdfPrinter


class PdfPrinters(QObject):
    """The window's one offscreen PDF page, opened on first use and closed with the window.

    Starting Chromium's page takes a moment; keeping it makes the second export quick.
    It is closed when the window gets its close event (a new one opens if the close is
    cancelled and the writer exports again) and when the application quits.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._printer: PdfPrinter | None = None
        self._allow_remote = False
        window.installEventFilter(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    def printer(self, *, allow_remote: bool = False) -> PdfPrinter:
        """The shared printer, reopened if the remote-images choice changed."""
        from editor.export.pdf import PdfPrinter

        if self._printer is not None and self._allow_remote != allow_remote:
            self.close()
        if self._printer is None:
            self._printer = PdfPrinter(allow_remote=allow_remote)
            self._allow_remote = allow_remote
        return self._printer

    def is_open(self) -> bool:
        """True while a printer page exists."""
        return self._printer is not None

    def close(self) -> None:
        """Free the page (Chromium warns at exit about pages never deleted)."""
        if self._printer is not None:
            self._printer.close()
            self._printer = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Close:
            self.close()
        return False
