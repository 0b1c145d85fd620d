"""PDF export through QtWebEngine's printToPdf: the preview's engine, so the PDF looks like it.

This is the only core module that touches Qt, and only inside functions: importing it
costs nothing and needs no display. From the command line it starts a QApplication on
the ``offscreen`` platform; inside the window it uses the running one. Printing runs a
local event loop until Chromium reports the file written, with a time limit.

Offline by default: a request interceptor blocks everything that would leave the machine,
and remote images are replaced by labelled boxes, so an export never waits on the network.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from editor.errors import EditorError

PAGE_SIZES = ("a4", "letter")
DEFAULT_MARGIN_MM = 15.0
DEFAULT_TIMEOUT_S = 60.0

_LOCAL_SCHEMES = frozenset({"file", "data", "qrc", "blob", "about"})


class PdfError(EditorError):
    """Printing failed or took too long; ``message`` says which."""


@dataclass(frozen=True)
class PdfOptions:
    """Paper and behaviour of one print job."""

    page_size: str = "a4"
    margin_mm: float = DEFAULT_MARGIN_MM
    allow_remote: bool = False
    timeout_s: float = DEFAULT_TIMEOUT_S


def _prepare_environment() -> None:
    """Settings Chromium reads once, before QtWebEngine is first imported."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to start its sandbox as root (containers, CI).
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


def _application() -> Any:
    """The running QApplication, or a new one on the offscreen platform."""
    _prepare_environment()
    # QtWebEngine must be loaded before the application object exists.
    import PySide6.QtWebEngineCore  # noqa: F401
    from PySide6.QtCore import QCoreApplication, Qt

    app = QCoreApplication.instance()
    if app is not None:
        from PySide6.QtGui import QGuiApplication

        if not isinstance(app, QGuiApplication):
            raise PdfError("PDF export needs a GUI application object, not a QCoreApplication.")
        return app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Printing needs no GPU; without one Chromium would try (and complain about) several.
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --log-level=3")
    _quiet_qt_messages()
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    from PySide6.QtWidgets import QApplication

    return QApplication(["article-editor"])


def _quiet_qt_messages() -> None:
    """Keep Qt's start-up chatter (GPU back-ends, D-Bus) off a command line's stderr.

    Only installed when this module creates the application: the window keeps its own
    message handling. Critical and fatal messages still get through.
    """
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    def handler(kind: QtMsgType, context: object, message: str) -> None:
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            sys.stderr.write(message + "\n")

    qInstallMessageHandler(handler)


def _mode_for(target: Path) -> int:
    """The permissions a new ``target`` gets: those of the file it replaces, else the umask's."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


class PdfPrinter:
    """One offscreen page that prints HTML documents to PDF files, reused across a batch."""

    def __init__(self, *, allow_remote: bool = False) -> None:
        self._app = _application()
        from PySide6.QtWebEngineCore import (
            QWebEnginePage,
            QWebEngineProfile,
            QWebEngineSettings,
            QWebEngineUrlRequestInfo,
            QWebEngineUrlRequestInterceptor,
        )

        blocked_types = {
            QWebEngineUrlRequestInfo.ResourceType.ResourceTypeScript,
            QWebEngineUrlRequestInfo.ResourceType.ResourceTypeSubFrame,
            QWebEngineUrlRequestInfo.ResourceType.ResourceTypeObject,
        }

        class Interceptor(QWebEngineUrlRequestInterceptor):
            """Blocks scripts and frames always, and remote requests when offline."""

            def __init__(self) -> None:
                super().__init__()
                self.allow_remote = allow_remote
                self.blocked = 0

            def interceptRequest(self, info: Any) -> None:  # noqa: N802 (Qt)
                remote = info.requestUrl().scheme().lower() not in _LOCAL_SCHEMES
                if info.resourceType() in blocked_types or (remote and not self.allow_remote):
                    self.blocked += 1
                    info.block(True)

        self._interceptor = Interceptor()
        # No storage name: an off-the-record profile, nothing written to disk.
        self._profile = QWebEngineProfile()
        self._profile.setUrlRequestInterceptor(self._interceptor)
        self._profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
        self._page = QWebEnginePage(self._profile)
        settings = self._page.settings()
        attribute = QWebEngineSettings.WebAttribute
        settings.setAttribute(attribute.JavascriptEnabled, False)
        settings.setAttribute(attribute.AutoLoadImages, True)
        settings.setAttribute(attribute.LocalContentCanAccessFileUrls, True)
        # The interceptor decides what may leave the machine (and counts what it stops).
        settings.setAttribute(attribute.LocalContentCanAccessRemoteUrls, True)
        self._tmp = tempfile.TemporaryDirectory(prefix="article-editor-pdf-")

    @property
    def blocked_requests(self) -> int:
        """How many requests the offline policy has blocked so far."""
        return self._interceptor.blocked

    def print_html(self, document: str, out: str | os.PathLike[str], options: PdfOptions) -> Path:
        """Print a complete HTML document to ``out``; raise PdfError on failure or timeout."""
        from PySide6.QtCore import QEventLoop, QMarginsF, QTimer, QUrl
        from PySide6.QtGui import QPageLayout, QPageSize

        if options.page_size not in PAGE_SIZES:
            raise PdfError(f"Unknown page size {options.page_size!r} (use a4 or letter).")
        target = Path(out).absolute()
        target.parent.mkdir(parents=True, exist_ok=True)
        # A file, not setHtml(): setHtml() is limited to 2 MB, and file pages may show
        # local images.
        source = Path(self._tmp.name) / "page.html"
        source.write_text(document, encoding="utf-8")
        partial = target.with_name(f".{target.name}.part")

        loop = QEventLoop()
        outcome: dict[str, Any] = {}

        def loaded(ok: bool) -> None:
            if not ok:
                outcome["error"] = "the page could not be laid out"
                loop.quit()
                return
            size_id = QPageSize.PageSizeId.A4 if options.page_size == "a4" else (
                QPageSize.PageSizeId.Letter
            )
            margin = options.margin_mm
            layout = QPageLayout(
                QPageSize(size_id),
                QPageLayout.Orientation.Portrait,
                QMarginsF(margin, margin, margin, margin),
                QPageLayout.Unit.Millimeter,
            )
            self._page.printToPdf(str(partial), layout)

        def printed(path: str, ok: bool) -> None:
            outcome["ok"] = ok
            loop.quit()

        def timed_out() -> None:
            outcome["error"] = f"printing did not finish within {options.timeout_s:g} s"
            loop.quit()

        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(timed_out)
        self._page.loadFinished.connect(loaded)
        self._page.pdfPrintingFinished.connect(printed)
        try:
            timer.start(int(options.timeout_s * 1000))
            self._page.load(QUrl.fromLocalFile(str(source)))
            loop.exec()
        finally:
            timer.stop()
            self._page.loadFinished.disconnect(loaded)
            self._page.pdfPrintingFinished.disconnect(printed)
        if "error" in outcome:
            partial.unlink(missing_ok=True)
            raise PdfError(f"PDF export failed: {outcome['error']}.")
        if not outcome.get("ok") or not partial.is_file():
            partial.unlink(missing_ok=True)
            raise PdfError(f"PDF export failed: Chromium could not write {target}.")
        # Chromium creates the file private (0600); a PDF is a document like any other.
        os.chmod(partial, _mode_for(target))
        os.replace(partial, target)
        return target

    def close(self) -> None:
        """Free the page before its profile (Qt warns and leaks otherwise)."""
        import shiboken6

        if getattr(self, "_page", None) is not None:
            shiboken6.delete(self._page)
            self._page = None
        if getattr(self, "_profile", None) is not None:
            shiboken6.delete(self._profile)
            self._profile = None
        self._tmp.cleanup()

    def __enter__(self) -> PdfPrinter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
