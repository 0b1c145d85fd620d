"""The live preview pane: the post rendered by Chromium exactly as the blog will show it.

The page is loaded once; later updates patch the header and body in place through our
own script in an isolated JavaScript world (the page's JavaScript stays disabled), so
there is no reload, no flash, and the scroll position is kept. Renders are coalesced
(one in flight, the newest text waits) and run in a worker thread; an edit of an HTML
body is shown at once by replacing only the blocks it touched (``body_edits``).

Start-up: the web view is made once the pane has first been painted (``engine_slot``;
``viewReady`` says it exists); the renderer is imported by the first render, in the
worker thread.
"""

from __future__ import annotations

import html
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QThreadPool, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from editor.render import preview_page as preview_html
from editor.render.pool import RenderPool
from editor.render.themes import SITE_LOOK, bundled_theme
from editor.ui.preview.body_edits import HtmlBodyEdits
from editor.ui.preview.engine_slot import EngineSlot
from editor.ui.preview.look import PreviewLook, theme_css_call
from editor.ui.preview.render_job import LazyRenderer, Relay, RenderJob

if TYPE_CHECKING:
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from editor.render import core as render
    from editor.render import preview_jobs
    from editor.ui.preview.engine import PreviewEngine

log = logging.getLogger(__name__)

# However fast the writer types, a long post's preview is at most this far behind.
MAX_WAIT_MS = 1000

# Wait this long after the last scroll movement before asking which line is on top.
_SCROLL_SETTLE_MS = 60

class PreviewPane(QWidget):
    """Live preview of one post; ``show_post`` after every change of the document."""

    renderFinished = Signal()  # noqa: N815 (Qt signal naming)
    linkActivated = Signal(QUrl)  # noqa: N815
    sourceLineScrolled = Signal(int)  # noqa: N815
    viewReady = Signal()  # noqa: N815 - the web view exists (see the module docstring)
    pageShown = Signal()  # noqa: N815 - a whole page loaded (at its top); patches don't emit it
    lookMessage = Signal(str)  # noqa: N815

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        offline: bool = False,
        theme: str = "default",
        link_opener: Callable[[QUrl], object] | None = None,
        renderer: render.Renderer | None = None,
    ) -> None:
        super().__init__(parent)
        # The pane's own helper processes (long renders; the window's long counts and
        # checks borrow them) and renderer; both go with the pane.
        self.pool = RenderPool()
        self._renderers = LazyRenderer(self.pool, renderer)
        pool = self.pool
        self.destroyed.connect(lambda *_: pool.shutdown())
        self._offline = offline
        self._link_opener = link_opener or QDesktopServices.openUrl
        self._slot = EngineSlot(self, self._make_engine)
        self._slot.ready.connect(self.viewReady)

        self._theme = theme
        self._page_theme: str | None = None
        self.look = PreviewLook(theme, self)  # a theme, or the Site look and its builds
        self.look.site_changed.connect(self._on_site_changed)
        self.look.message.connect(self.lookMessage)
        self._site_output: tuple[Path, Path] | None = None  # a Site-look page's (built, served)
        self._fields_sent: str | None = None  # the live front-matter values the page shows
        self._pending: Callable[[], Any] | None = None
        self._pending_size = 0
        self._first_pending_at: float | None = None
        self._pool_warm = False
        self._in_flight = False
        self._awaiting_load = False
        self._page_ready = False
        self._base_url: str | None = None
        self._site_roots: dict[Path, Path | None] = {}
        self._job_id = 0
        self._job_kind = ""
        self._job_base = ""
        self.render_count = 0
        # Keys of the body pieces the page shows (preview_jobs.pieces), while known: a
        # patch then sends only the pieces that changed. After a page where sending
        # pieces failed (markup the browser nests otherwise), whole bodies only.
        self._shown_keys: tuple[bytes, ...] | None = None
        self._loading_keys: tuple[bytes, ...] | None = None
        self._loading_layout: preview_jobs.PieceLayout | None = None
        self._pieces_failed = False
        self._last_request: tuple[Callable[[], Any], int] | None = None
        # An HTML body's edits, shown piece by piece while only the body changed.
        self.body_edits = HtmlBodyEdits(self)
        self.piece_updates = 0  # how many of the renders were piece by piece
        self._whole_wanted = True
        self._pending_source: Any = None

        self._relay = Relay()
        self._relay.done.connect(self._on_rendered)
        self._delay = QTimer(self, singleShot=True)
        self._delay.timeout.connect(self._start_render)

        self._scroll_settle = QTimer(self, singleShot=True, interval=_SCROLL_SETTLE_MS)
        self._scroll_settle.timeout.connect(self._query_top_line)
        self._programmatic_pending = 0
        self._programmatic_y: float | None = None
        self._last_line: int | None = None

    # ------------------------------------------------------------- the web engine

    @property
    def view(self) -> QWebEngineView:
        """The web view (made now if the pane has not made it yet)."""
        return self._slot.get().view

    def web_view(self) -> QWebEngineView | None:
        """The web view if it exists yet, else None (without making it)."""
        return self._slot.view()

    def _make_engine(self) -> PreviewEngine:
        from editor.ui.preview.engine import PreviewEngine

        engine = PreviewEngine(self, offline=self._offline, link_opener=self._link_opener)
        engine.page.linkActivated.connect(self.linkActivated)
        engine.page.loadFinished.connect(self._on_load_finished)
        engine.page.scrollPositionChanged.connect(self._on_scroll_moved)
        return engine

    @property
    def renderer(self) -> render.Renderer:
        """The pane's renderer (imported and made by the first render if not given)."""
        return self._renderers.get()

    def set_zoom_factor(self, zoom: float) -> None:
        """The preview's zoom (1.0: 100 %), kept for the view if it does not exist yet."""
        self._slot.set_zoom(zoom)

    # ----------------------------------------------------------------- public API

    @property
    def link_opener(self) -> Callable[[QUrl], object] | None:
        """Called with the URL of every link the user follows (default: system browser)."""
        return self._link_opener

    @link_opener.setter
    def link_opener(self, opener: Callable[[QUrl], object] | None) -> None:
        self._link_opener = opener
        if self._slot.engine is not None:
            self._slot.engine.page.link_opener = opener

    @staticmethod
    def theme_names() -> list[str]:
        """Themes the preview can show: bundled ones and custom CSS from the config folder."""
        from editor.render.themes import theme_names

        return list(theme_names())

    def theme(self) -> str:
        """The theme shown (or to be shown once the page is loaded)."""
        return self._theme

    def is_offline(self) -> bool:
        """True while every network request of the page is blocked."""
        return self._offline

    def blocked_requests(self) -> int:
        """How many requests the policy has blocked so far (for diagnostics)."""
        return self._slot.engine.policy.blocked_count if self._slot.engine is not None else 0

    def shutdown(self) -> None:
        """Stop the pane's helper processes and site builds (when the window goes)."""
        self.look.stop()
        self.pool.shutdown()

    def is_busy(self) -> bool:
        """True while a render is waiting, running or being applied to the page."""
        return self._in_flight or self._pending is not None or self._delay.isActive()

    def show_post(self, post: Any) -> None:
        """Show ``post``: the first call loads the page, later calls patch it in place.

        Long posts wait for a pause in typing (the delay restarts with each call), but
        never longer than MAX_WAIT_MS after the first change not yet shown.
        """
        self.show_later(lambda: post, len(post.body))

    def show_later(self, get_post: Callable[[], Any], size: int, *,
                   body_edit: tuple[str, Any] | None = None) -> None:
        """Like ``show_post``, for a post of ``size`` body characters read by ``get_post``
        only when the render starts (not copied out of the editor on every keystroke).

        ``body_edit``: only the body changed, in the source document followed by
        ``body_edits``; the post's (format, path). An HTML body's edit is then shown at
        once by rendering just the pieces it touched.
        """
        if body_edit is None:
            self._whole_wanted = True
        self._pending_source = body_edit
        self._pending = get_post
        self._pending_size = size
        self._last_request = (get_post, size)
        if self._first_pending_at is None:
            self._first_pending_at = time.monotonic()
        if size >= preview_html.INSTANT_SIZE and not self._pool_warm:
            self._pool_warm = True
            self.pool.warm_up()
        if not self._in_flight:
            self._schedule(size)

    def _schedule(self, size: int) -> None:
        quick = not self._whole_wanted and self.body_edits.can_update(self._pending_source)
        delay = 0 if quick else preview_html.render_delay_ms(size)
        waited_ms = (time.monotonic() - (self._first_pending_at or time.monotonic())) * 1000
        self._delay.start(max(0, min(delay, round(MAX_WAIT_MS - waited_ms))))

    def set_theme(self, name: str) -> None:
        """Switch the theme by swapping the page's CSS in place (the Site look: reload)."""
        was_site = SITE_LOOK in (self._theme, self._page_theme)
        self._theme = self.look.theme = name
        if was_site or name == SITE_LOOK:
            self._reload()
        elif self._page_ready:
            self._apply_theme()

    def _reload(self) -> None:
        """Load the whole page again at the next render (another look)."""
        self._base_url = None
        self._whole_wanted = True
        if self._pending is None and self._last_request is not None:
            self.show_later(*self._last_request)

    def _on_site_changed(self, root: Path) -> None:
        # Served under addresses of its own (SitePage.served): nothing cached is reused.
        if self._theme == SITE_LOOK and root in self._site_roots.values():
            self._reload()

    def set_offline(self, offline: bool) -> None:
        """Block (True) or allow (False) remote images; everything else remote stays blocked."""
        if offline == self._offline:
            return
        self._offline = offline
        if self._slot.engine is not None:
            self._slot.engine.policy.offline = offline
        if not offline and self._page_ready:
            self._call("window.__articlePreview.retryImages()")

    def scroll_to_source_line(self, line: int) -> None:
        """Scroll so the block of body line ``line`` (1-based) is at the top."""
        if not self._page_ready:
            return
        self._programmatic_pending += 1
        self._call(f"window.__articlePreview.scrollToLine({int(line)})", self._on_scrolled_to)

    def run_js(self, script: str, callback: Callable[[Any], object] | None = None) -> None:
        """Run ``script`` in our isolated world; ``callback`` gets its completion value.

        Our update script is always defined there (``window.__articlePreview``). Values
        travel as JSON, so objects and arrays arrive as dicts and lists.
        """
        self._call(f"(0, eval)({json.dumps(script, ensure_ascii=False)})", callback)

    def _call(self, expression: str, callback: Callable[[Any], object] | None = None) -> None:
        """Evaluate one JavaScript expression in our world, the update script loaded first."""
        self._slot.get().evaluate(expression, callback)

    # --------------------------------------------------------------- rendering

    def _site_root(self, post: Any) -> Path | None:
        if (path := getattr(post, "path", None)) is None:
            return None
        folder = Path(path).resolve().parent
        if folder not in self._site_roots:
            self._site_roots[folder] = preview_html.find_site_root(folder)
        return self._site_roots[folder]

    def _labels(self) -> dict[str, str]:
        return {
            "imageMissing": self.tr("Image not available"),
            "frame": self.tr("Embedded content is not shown in the preview"),
        }

    def _start_render(self) -> None:
        if self._in_flight or self._pending is None:
            return
        if (not self._whole_wanted and self._page_ready and not self._pieces_failed
                and self.body_edits.can_update(self._pending_source)
                and self._start_piece_update()):
            return
        post = self._pending()
        self._pending = None
        self._in_flight = True
        self._first_pending_at = None
        text, fmt = post.text(), post.format
        path = getattr(post, "path", None)
        site_root = self._site_root(post)
        self._whole_wanted = False
        self.body_edits.begin_whole((fmt, path), site_root, post.body)
        base = preview_html.page_url(
            preview_html.base_folder(Path(path) if path else None, site_root)
        )
        embed_label = self._labels()["frame"]
        look = self.look.choose(Path(path).resolve() if path else None, site_root)
        base = look.url or base
        full = not self._page_ready or base != self._base_url or look.key != self.look.shown
        self._job_id += 1
        self._job_kind = "page" if full else "patch"
        self._job_base = base
        self.render_count += 1
        path_text = str(path) if path else None
        shown = None if (full or self._pieces_failed) else self._shown_keys
        in_helper = len(post.body) >= preview_html.INSTANT_SIZE
        pool, renderers = self.pool, self._renderers  # never the pane (see LazyRenderer)
        if full:
            self.look.shown = look.key
            self._site_output = look.served
        page_job = look.page_job

        def work() -> object:
            # Imported here, in the worker thread: the first render loads the renderer.
            from editor.render import preview_jobs

            if full:
                job, args = page_job(renderers.get(), text, path_text, fmt, site_root,
                                     embed_label)
            else:
                job, args = preview_jobs.patch_job, (renderers.get(), text, path_text, fmt,
                                                     site_root, embed_label, shown)
            # Long posts render in the helper process: the thread only waits on it.
            return pool.run(job, *args) if in_helper else job(*args)
        self._page_theme = self._theme if full else self._page_theme
        QThreadPool.globalInstance().start(RenderJob(self._job_id, work, self._relay))

    def _start_piece_update(self) -> bool:
        """Show the body's edits by replacing only the pieces they touched (HTML)."""
        update = self.body_edits.take_update(self._labels()["frame"])
        if update is None:
            return False
        self._pending = None
        self._in_flight = True
        self._first_pending_at = None
        self._job_id += 1
        self._job_kind = "pieces"
        self.render_count += 1
        self.piece_updates += 1
        job_id = self._job_id
        self._call(update.call, lambda answer: self._pieces_replaced(job_id, answer))
        return True

    def _pieces_replaced(self, job_id: int, answer: object) -> None:
        if job_id != self._job_id:
            return
        if not isinstance(answer, dict) or answer.get("stale", True):
            # The page did not hold what the pieces said: show the whole body again.
            self.body_edits.drop()
            self._shown_keys = None
            self._whole_wanted = True
            if self._pending is None and self._last_request is not None:
                self._pending, self._pending_size = self._last_request
        else:
            self._shown_keys = self.body_edits.keys()
        self._finish_job()

    def _on_rendered(self, job_id: int, result: object) -> None:
        if job_id != self._job_id:
            return
        if self._job_kind == "page":
            self._load_page(result)
        else:
            self._patch_page(result)

    def _error_markup(self, error: BaseException) -> str:
        message = self.tr("The preview could not be rendered: {error}").format(error=error)
        return f'<p class="preview-error">{html.escape(message)}</p>'

    def _load_page(self, result: object) -> None:
        layout = None
        if isinstance(result, BaseException):
            markup = f"<!DOCTYPE html><html><body>{self._error_markup(result)}</body></html>"
            base = None  # not a post page: the next render loads a full page again
            keys = None
        else:
            markup, keys, layout = result  # preview_jobs.Page
            base = self._job_base
        self._loading_layout = layout
        url = QUrl(self._job_base)
        self._page_ready = False
        self._awaiting_load = True
        self._base_url = base
        self._loading_keys = keys  # shown once the page has loaded
        self._shown_keys = None
        self._pieces_failed = False
        engine = self._slot.get()
        engine.scheme.set_site_output(*(self._site_output or (None, None)))
        self._fields_sent = None
        engine.scheme.set_page(url, markup)
        engine.page.expect_load()
        engine.page.load(url)

    def _on_load_finished(self, ok: bool) -> None:
        if not self._awaiting_load:
            return
        self._awaiting_load = False
        if not ok:
            log.warning("preview page failed to load")
        options = json.dumps({"labels": self._labels()}, ensure_ascii=False)
        self._call(f"window.__articlePreview.init({options})", self._on_page_ready)

    def _on_page_ready(self, _state: object) -> None:
        self._page_ready = True
        self._shown_keys = self._loading_keys
        self.body_edits.whole_shown(self._loading_layout, self._loading_keys)
        if self._page_theme != self._theme:
            self._apply_theme()
        self.pageShown.emit()
        self._finish_job()

    def _patch_page(self, result: object) -> None:
        if isinstance(result, BaseException):
            self._shown_keys = None
            self.body_edits.whole_shown(None, None)
            from editor.render import preview_jobs

            call = preview_jobs.patch_call(None, self._error_markup(result))
            self._call(call, lambda _answer: self._finish_job())
            return
        patch = result  # preview_jobs.Patch
        if patch.fields != self._fields_sent and self.look.shows_site_page():
            self._fields_sent = patch.fields  # a title typed in the form, shown at once
            self._call(patch.fields)
        self._call(patch.call, lambda answer: self._patched(patch, answer))

    def _patched(self, patch: Any, answer: object) -> None:  # a preview_jobs.Patch
        stale = not isinstance(answer, dict) or bool(answer.get("stale"))
        self._shown_keys = None if stale else patch.keys
        self.body_edits.whole_shown(None if stale else patch.layout, self._shown_keys)
        if stale and not self._pieces_failed and self._last_request is not None:
            # The page could not take pieces: send it the whole body, and from now on.
            self._pieces_failed = True
            if self._pending is None:
                self._pending, self._pending_size = self._last_request
        self._finish_job()

    def _finish_job(self) -> None:
        self._in_flight = False
        self.renderFinished.emit()
        if self._pending is not None and not self._delay.isActive():
            self._schedule(self._pending_size)

    def _apply_theme(self) -> None:
        if self.look.shows_site_page():
            return  # the site's own page: its own CSS
        call = theme_css_call(bundled_theme(self._theme))
        if call is not None:
            self._page_theme = self._theme
            self._call(call)

    # -------------------------------------------------------------- scroll sync

    def _on_scrolled_to(self, scroll_y: object) -> None:
        self._programmatic_pending = max(0, self._programmatic_pending - 1)
        if isinstance(scroll_y, int | float):
            self._programmatic_y = float(scroll_y)

    def _on_scroll_moved(self, _position: QPointF) -> None:
        # Only when something moved: no polling while the preview sits still.
        self._scroll_settle.start()

    def _query_top_line(self) -> None:
        if self._page_ready:
            self._call("window.__articlePreview.topLine()", self._on_top_line)

    def _on_top_line(self, state: object) -> None:
        if not isinstance(state, dict) or self._programmatic_pending:
            return
        scroll_y = float(state.get("scrollY", 0))
        if self._programmatic_y is not None and abs(scroll_y - self._programmatic_y) < 1.5:
            return  # the echo of scroll_to_source_line
        self._programmatic_y = None
        line = int(state.get("line", 1))
        if line != self._last_line:
            self._last_line = line
            self.sourceLineScrolled.emit(line)
