"""Feature-image field: a web address or local file, a browse button and a thumbnail.

Local files are read from disk, resolved against the post's folder and the site root
(``/assets/x.jpg`` means ``<site root>/assets/x.jpg``, as Jekyll serves it). Web images
are fetched with QNetworkAccessManager unless the editor is offline; offline, or when
the image cannot be loaded, the thumbnail shows a labelled placeholder instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QImage, QImageReader, QPaintEvent, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.site.schema import Field
from editor.ui.form.widgets import FieldEditor, make_debouncer

if TYPE_CHECKING:
    from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply

THUMBNAIL_SIZE = QSize(160, 90)
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024
# After the field first paints, its first web image waits this long (see _fetch).
FIRST_FETCH_DELAY_MS = 800

IMAGE_SUFFIXES = ("*.png", "*.jpg", "*.jpeg", "*.gif", "*.webp", "*.svg", "*.bmp")


def is_remote(value: str) -> bool:
    """True for http(s) addresses, including protocol-relative ``//host/…`` ones."""
    lowered = value.strip().lower()
    return lowered.startswith(("http://", "https://", "//"))


def resolve_local(value: str, post_dir: Path | None, site_root: Path | None) -> Path | None:
    """The file a local image reference points to, or None when none exists."""
    value = value.strip()
    if not value or is_remote(value):
        return None
    if value.lower().startswith("file:"):
        local = QUrl(value).toLocalFile()
        return Path(local) if local and Path(local).is_file() else None
    candidates: list[Path] = []
    if value.startswith("/"):
        # Site-absolute in Jekyll terms first, then a real absolute path.
        if site_root is not None:
            candidates.append(site_root / value.lstrip("/"))
        candidates.append(Path(value))
    else:
        if post_dir is not None:
            candidates.append(post_dir / value)
        if site_root is not None:
            candidates.append(site_root / value)
        candidates.append(Path(value).expanduser())
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


def reference_for(chosen: Path, post_dir: Path | None, site_root: Path | None) -> str:
    """How to write a chosen file in the front matter: site-absolute, relative or absolute."""
    chosen = chosen.resolve()
    if site_root is not None and chosen.is_relative_to(site_root.resolve()):
        return "/" + chosen.relative_to(site_root.resolve()).as_posix()
    if post_dir is not None and chosen.is_relative_to(post_dir.resolve()):
        return chosen.relative_to(post_dir.resolve()).as_posix()
    return str(chosen)


class ImageFieldEditor(FieldEditor):
    """Image address with a browse button and a thumbnail of what it points to."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.line = QLineEdit()
        self.line.setPlaceholderText(self.tr("https://… or a file"))
        self.line.setClearButtonEnabled(True)
        self.browse = QToolButton()
        self.browse.setText(self.tr("Browse…"))
        self.browse.setToolTip(self.tr("Choose an image file"))
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(THUMBNAIL_SIZE)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setWordWrap(True)
        self.thumbnail.setObjectName("thumbnail")

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(self.thumbnail)

        self.post_dir: Path | None = None
        self.site_root: Path | None = None
        self.offline = False
        self._network: QNetworkAccessManager | None = None
        self._reply: QNetworkReply | None = None
        self._pending_fetch: str | None = None  # an address to request from the event loop
        self._shown_source: str | None = None
        self.state = "empty"
        """What the thumbnail shows: empty, local, remote, loading, offline or failed."""

        self._timer = make_debouncer(self, self.flush)
        self.line.textEdited.connect(lambda _text: self._timer.start())
        self.line.editingFinished.connect(self.flush)
        self.browse.clicked.connect(self.choose_file)
        self._placeholder(self.tr("No image"), "empty")

    # -- context -------------------------------------------------------------

    def set_context(self, post_dir: Path | None, site_root: Path | None, offline: bool) -> None:
        """Where relative paths start and whether web images may be fetched."""
        changed = (post_dir, site_root, offline) != (self.post_dir, self.site_root, self.offline)
        self.post_dir, self.site_root, self.offline = post_dir, site_root, offline
        if changed:
            self._shown_source = None
            self.update_thumbnail()

    # -- value ---------------------------------------------------------------

    def _show(self, value: Any, present: bool) -> None:
        text = "" if value is None else str(value)
        if self.line.text() != text:
            self.line.setText(text)
            self.line.setCursorPosition(0)  # the start of an address says the most
        self.update_thumbnail()

    def flush(self) -> None:
        """Report the address now (Enter, leaving the field, or after the typing pause)."""
        self._timer.stop()
        text = self.line.text().strip()
        self._report(text or None)
        self.update_thumbnail()

    def choose_file(self) -> None:
        """Ask for an image file and use it."""
        start = str(self.post_dir or self.site_root or Path.home())
        filters = self.tr("Images ({patterns})").format(patterns=" ".join(IMAGE_SUFFIXES))
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an image"), start, filters)
        if chosen:
            self.use_file(Path(chosen))

    def use_file(self, path: Path) -> None:
        """Put *path* in the field (site-absolute or relative when possible) and report it."""
        self.line.setText(reference_for(path, self.post_dir, self.site_root))
        self.flush()

    # -- thumbnail -----------------------------------------------------------

    def update_thumbnail(self) -> None:
        """Show the image the field points to, or a placeholder saying why not."""
        source = self.line.text().strip()
        key = f"{source}|{self.offline}"
        if key == self._shown_source:
            return
        self._shown_source = key
        self._abort()
        if not source:
            self._placeholder(self.tr("No image"), "empty")
        elif is_remote(source):
            if self.offline:
                self._placeholder(self.tr("Offline: web image not loaded"), "offline")
            else:
                self._fetch(source)
        else:
            path = resolve_local(source, self.post_dir, self.site_root)
            reader = QImageReader(str(path)) if path else None
            image = reader.read() if reader else QImage()
            if image.isNull():
                self._placeholder(self.tr("Image file not found"), "failed")
            else:
                self._picture(image, "local")

    def _fetch(self, address: str) -> None:
        if address.startswith("//"):
            address = "https:" + address
        self._placeholder(self.tr("Loading image…"), "loading")
        # The first https request of a process loads the system's certificates, a fifth
        # of a second on the GUI thread: a shown field waits until it has painted and the
        # window has settled (the post's text and preview come first), a hidden one only
        # for the event loop (asked then: a window being made is shown by then).
        self._pending_fetch = address
        QTimer.singleShot(0, self, self._fetch_if_hidden)

    def _fetch_if_hidden(self) -> None:
        if not self.isVisible():
            self._send_fetch()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self._pending_fetch is not None:
            delay = 0 if self._network is not None else FIRST_FETCH_DELAY_MS
            QTimer.singleShot(delay, self, self._send_fetch)

    def _send_fetch(self) -> None:
        address, self._pending_fetch = self._pending_fetch, None
        if address is None:  # aborted, or another address is shown meanwhile
            return
        from PySide6.QtNetwork import QNetworkAccessManager, QNetworkRequest  # first use

        if self._network is None:
            self._network = QNetworkAccessManager(self)
        request = QNetworkRequest(QUrl(address))
        request.setAttribute(QNetworkRequest.Attribute.RedirectPolicyAttribute,
                             QNetworkRequest.RedirectPolicy.NoLessSafeRedirectPolicy)
        request.setTransferTimeout(15000)
        reply = self._network.get(request)
        self._reply = reply
        reply.finished.connect(lambda: self._fetched(reply))

    def _fetched(self, reply: QNetworkReply) -> None:
        from PySide6.QtNetwork import QNetworkReply

        reply.deleteLater()
        if reply is not self._reply:
            return
        self._reply = None
        image = QImage()
        if reply.error() == QNetworkReply.NetworkError.NoError:
            image.loadFromData(reply.read(MAX_DOWNLOAD_BYTES))
        if image.isNull():
            self._placeholder(self.tr("Web image could not be loaded"), "failed")
        else:
            self._picture(image, "remote")

    def _abort(self) -> None:
        self._pending_fetch = None
        if self._reply is not None:
            reply, self._reply = self._reply, None
            reply.abort()

    def _picture(self, image: QImage, state: str) -> None:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap.fromImage(image).scaled(
            THUMBNAIL_SIZE * ratio, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation)
        pixmap.setDevicePixelRatio(ratio)
        self.thumbnail.setStyleSheet("")
        self.thumbnail.setText("")
        self.thumbnail.setVisible(True)
        self.thumbnail.setPixmap(pixmap)
        self.state = state

    def _placeholder(self, text: str, state: str) -> None:
        self.thumbnail.setPixmap(QPixmap())
        self.thumbnail.setText(text)
        self.thumbnail.setVisible(state != "empty")
        self.thumbnail.setStyleSheet(
            "#thumbnail { border: 1px dashed palette(mid); border-radius: 4px;"
            " color: palette(dark); padding: 4px; }")
        self.state = state
