"""The preview's web engine policy: what the page may load, where it may navigate.

A private off-the-record profile with a request interceptor (scripts, frames, plugins,
remote stylesheets and fonts never load; nothing remote at all when offline), a page
that never navigates away from the document we gave it, hardened settings, and the
``article-preview:`` scheme that serves the page and the post's local images.

Why a scheme of our own: measured with Qt 6.12, a ``file:`` page loads local images
only while LocalContentCanAccessRemoteUrls is off, and remote images only while it is
on. A page served by our scheme loads both with the setting off, is not limited to the
2 MiB of setHtml(), and keeps ``#anchor`` links inside the document.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEngineNewWindowRequest,
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from editor.render.preview_page import PREVIEW_SCHEME, point_css_root_urls

_RT = QWebEngineUrlRequestInfo.ResourceType

# Schemes that never leave the machine.
LOCAL_SCHEMES = frozenset({"file", "data", "qrc", "blob", "about", PREVIEW_SCHEME})

# Local files the scheme hands to the page: pictures and media, nothing else.
_SERVED_TYPES = ("image/", "video/", "audio/")
# From the site's built folder (the Site look) also its stylesheets and fonts.
_SITE_TYPES = (*_SERVED_TYPES, "text/css", "font/", "application/font", "application/x-font")

# Never loaded, local or remote: the page must stay inert.
_ALWAYS_BLOCKED = frozenset(
    {
        _RT.ResourceTypeScript,
        _RT.ResourceTypeSubFrame,
        _RT.ResourceTypeObject,
        _RT.ResourceTypePluginResource,
        _RT.ResourceTypeWorker,
        _RT.ResourceTypeSharedWorker,
        _RT.ResourceTypeServiceWorker,
        _RT.ResourceTypeNavigationPreloadSubFrame,
    }
)

# The only kinds of remote request a page may make while online.
_REMOTE_ALLOWED = frozenset({_RT.ResourceTypeImage})


def is_local(url: QUrl) -> bool:
    """True for URLs that are served from this machine (files, inline data)."""
    return url.scheme().lower() in LOCAL_SCHEMES


def register_scheme() -> None:
    """Make ``article-preview:`` known to Chromium (before any web engine object exists).

    Called when this module is imported; importing editor.ui.preview.pane before the first
    QWebEngineView or profile is created is enough.
    """
    name = PREVIEW_SCHEME.encode()
    if QWebEngineUrlScheme.schemeByName(name).name() == QByteArray(name):
        return
    scheme = QWebEngineUrlScheme(name)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    scheme.setFlags(QWebEngineUrlScheme.Flag.LocalAccessAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)


register_scheme()


def local_path(url: QUrl) -> Path:
    """The file an ``article-preview:`` (or ``file:``) URL stands for."""
    as_file = QUrl(url)
    as_file.setScheme("file")
    as_file.setQuery(None)
    as_file.setFragment(None)
    return Path(as_file.toLocalFile())


class PreviewSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves the page we render from memory, and local pictures from disk."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._page_path: Path | None = None
        self._page_bytes = b""
        self._site_output: Path | None = None
        self._site_served: Path | None = None

    def set_site_output(self, folder: Path | None, served: Path | None = None) -> None:
        """The built site the page shows (the Site look), or None: its CSS and fonts are
        served, and root paths a stylesheet asks for (``url(/fonts/…)``) resolve in it.

        ``served``: the folder the page addresses the built site as (a name of this
        build's own, see ``SitePage.served``); requests under it read from ``folder``.
        """
        self._site_output = folder.resolve() if folder is not None else None
        self._site_served = served.resolve() if served is not None else self._site_output

    def set_page(self, url: QUrl, markup: str) -> None:
        """Serve ``markup`` at ``url`` (the page the next load asks for)."""
        self._page_path = local_path(url)
        self._page_bytes = markup.encode("utf-8")

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 (Qt)
        """Qt calls this for every ``article-preview:`` request."""
        path = local_path(job.requestUrl())
        if self._page_path is not None and path == self._page_path:
            self._reply(job, b"text/html;charset=utf-8", self._page_bytes)
            return
        mime = mimetypes.guess_type(path.name)[0] or ""
        output, served = self._site_output, self._site_served
        if output is not None and served is not None:
            if path.is_relative_to(served):
                path = output / path.relative_to(served)
            elif not path.is_relative_to(output):
                in_site = output / path.relative_to(path.anchor)
                path = in_site if in_site.is_file() and not path.is_file() else path
        in_site = self._in_site(path)
        served_types = _SITE_TYPES if in_site else _SERVED_TYPES
        if not mime.startswith(served_types):
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        try:
            data = path.read_bytes() if path.is_file() else None
        except OSError:
            data = None
        if data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        if in_site and mime == "text/css" and served is not None:
            # Root paths in the stylesheet (fonts, pictures) under this build's name too.
            css = point_css_root_urls(data.decode("utf-8", "surrogateescape"), served)
            data = css.encode("utf-8", "surrogateescape")
        self._reply(job, mime.encode(), data)

    def _in_site(self, path: Path) -> bool:
        return self._site_output is not None and path.is_relative_to(self._site_output)

    @staticmethod
    def _reply(job: QWebEngineUrlRequestJob, mime: bytes, data: bytes) -> None:
        buffer = QBuffer(job)  # deleted with the job
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(QByteArray(mime), buffer)


class RequestPolicy(QWebEngineUrlRequestInterceptor):
    """Blocks what the preview must never load, and everything remote when offline."""

    def __init__(self, parent: QObject | None = None, *, offline: bool = False) -> None:
        super().__init__(parent)
        self.offline = offline
        self.blocked_count = 0

    def allows(self, url: QUrl, resource_type: QWebEngineUrlRequestInfo.ResourceType) -> bool:
        """Whether a request for ``url`` of ``resource_type`` may go ahead."""
        if resource_type in _ALWAYS_BLOCKED:
            return False
        if is_local(url):
            return True
        if self.offline:
            return False
        return resource_type in _REMOTE_ALLOWED

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 (Qt)
        """Qt calls this for every request the profile's pages make."""
        if not self.allows(info.requestUrl(), info.resourceType()):
            self.blocked_count += 1
            info.block(True)


class PreviewPage(QWebEnginePage):
    """A page that shows only the documents we load; links go to ``link_opener``."""

    linkActivated = Signal(QUrl)  # noqa: N815 (Qt signal naming)

    def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self._expected_loads = 0
        self.link_opener: Callable[[QUrl], object] | None = None
        self.newWindowRequested.connect(self._on_new_window)

    def expect_load(self) -> None:
        """Allow the next main-frame load (our own setHtml or load call)."""
        self._expected_loads += 1

    def acceptNavigationRequest(  # noqa: N802 (Qt)
        self, url: QUrl, nav_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        """Allow our own loads and jumps within the page; hand links to the opener."""
        if not is_main_frame:
            return False
        navigation = QWebEnginePage.NavigationType
        if self._expected_loads > 0 and nav_type == navigation.NavigationTypeTyped:
            self._expected_loads -= 1
            return True
        if nav_type == navigation.NavigationTypeLinkClicked:
            if self._same_document(url):
                return True
            self._open_outside(url)
        return False

    def createWindow(  # noqa: N802 (Qt)
        self, window_type: QWebEnginePage.WebWindowType
    ) -> QWebEnginePage | None:
        """No new windows: the request is handed to the opener instead."""
        return None

    def _same_document(self, url: QUrl) -> bool:
        current = self.url()
        return url.hasFragment() and url.adjusted(QUrl.UrlFormattingOption.RemoveFragment) == (
            current.adjusted(QUrl.UrlFormattingOption.RemoveFragment)
        )

    def _on_new_window(self, request: QWebEngineNewWindowRequest) -> None:
        self._open_outside(request.requestedUrl())

    def _open_outside(self, url: QUrl) -> None:
        self.linkActivated.emit(url)
        if self.link_opener is not None:
            self.link_opener(url)


def make_profile(
    parent: QObject, policy: RequestPolicy, handler: PreviewSchemeHandler
) -> QWebEngineProfile:
    """A private off-the-record profile: nothing persists, nothing leaks to other views."""
    profile = QWebEngineProfile(parent)
    profile.installUrlSchemeHandler(PREVIEW_SCHEME.encode(), handler)
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(
        QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies
    )
    profile.setSpellCheckEnabled(False)
    profile.setUrlRequestInterceptor(policy)
    return profile


def harden(settings: QWebEngineSettings) -> None:
    """Settings of an inert document viewer."""
    attribute = QWebEngineSettings.WebAttribute
    off = (
        attribute.JavascriptEnabled,
        attribute.JavascriptCanOpenWindows,
        attribute.JavascriptCanAccessClipboard,
        attribute.JavascriptCanPaste,
        attribute.PluginsEnabled,
        attribute.PdfViewerEnabled,
        attribute.LocalStorageEnabled,
        attribute.AutoLoadIconsForPage,
        attribute.DnsPrefetchEnabled,
        attribute.WebGLEnabled,
        attribute.ScreenCaptureEnabled,
        attribute.AllowWindowActivationFromJavaScript,
        attribute.NavigateOnDropEnabled,
        attribute.FullScreenSupportEnabled,
    )
    for name in off:
        settings.setAttribute(name, False)
    settings.setAttribute(attribute.PlaybackRequiresUserGesture, True)
    settings.setAttribute(attribute.AutoLoadImages, True)
    # Our page is not local content (see the module docstring): remote images are
    # allowed or refused by RequestPolicy alone.
    settings.setAttribute(attribute.LocalContentCanAccessRemoteUrls, False)
