"""Which look the preview shows: a bundled theme, or for the Site look the site's page.

The pane asks at each render; the answer says where the page is served and which job
renders it. While the Site look cannot show the site's page (no site, no jekyll, the
build running or failed) the default theme shows and ``message`` says why, in one line.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from editor.render import preview_page
from editor.render.themes import SITE_LOOK, bundled_theme

if TYPE_CHECKING:
    from editor.site.build import SitePage
    from editor.ui.preview.site_look import SiteLook

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LookChoice:
    """The look of one render: a theme's name, or the site page it shows the post in."""

    theme: str
    site_page: SitePage | None

    @property
    def key(self) -> object:
        """Changes when the page must be loaded again for this look."""
        return self.site_page.file if self.site_page is not None else self.theme

    @property
    def url(self) -> str | None:
        """Where the site page is served (None: beside the post, as for a theme)."""
        if self.site_page is None:
            return None
        return preview_page.page_url(self.site_page.served_file.parent)

    @property
    def served(self) -> tuple[Path, Path] | None:
        """The built site whose stylesheets and fonts the page may load, and the folder
        it is served as (with the build's generation in its name)."""
        if self.site_page is None:
            return None
        return self.site_page.output, self.site_page.served

    def page_job(self, renderer: Any, text: str, path: str | None, fmt: str,
                 site_root: Path | None, embed_label: str) -> tuple[Any, tuple]:
        """The job (and its arguments) that renders the whole page in this look."""
        # Imported on first render (in the worker thread), not with the window.
        from editor.render import preview_jobs, site_preview

        if self.site_page is None:
            return preview_jobs.page_job, (renderer, text, path, fmt, self.theme, site_root,
                                           embed_label)
        return site_preview.site_page_job, (renderer, text, path, fmt, self.site_page,
                                            site_root, embed_label)


class PreviewLook(QObject):
    """The look chosen (a theme or the Site look) and the one shown."""

    message = Signal(str)
    site_changed = Signal(object)  # a site's root: built again, or its build failed

    def __init__(self, theme: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self._sites: SiteLook | None = None
        self.shown: object = None  # the LookChoice.key of the loaded page
        self.text = ""

    @property
    def sites(self) -> SiteLook:
        """The site builds behind the Site look, made by the first render (after the
        window's first paint) with the modules they need."""
        if self._sites is None:
            from editor.ui.preview.site_look import SiteLook

            self._sites = SiteLook(self)
            self._sites.built.connect(self.site_changed)
            self._sites.failed.connect(lambda root, _message: self.site_changed.emit(root))
        return self._sites

    def stop(self) -> None:
        """Stop the site builds, if any were made."""
        if self._sites is not None:
            self._sites.stop()

    def shown_name(self) -> str:
        """"site" while the site's own page is shown, else the theme shown."""
        return "site" if isinstance(self.shown, Path) else bundled_theme(self.theme)

    def shows_site_page(self) -> bool:
        return isinstance(self.shown, Path)

    def choose(self, path: Path | None, site_root: Path | None) -> LookChoice:
        """The look for a render of the post at ``path`` in the site at ``site_root``."""
        theme = bundled_theme(self.theme)
        if self.theme != SITE_LOOK:
            self._say("")
            return LookChoice(theme, None)
        self.sites.keep_only(site_root)  # no build of a site whose post is not shown
        page, message = self.sites.page(path, site_root)
        self._say(message)
        return LookChoice(theme, page)

    def _say(self, message: str) -> None:
        if message != self.text:
            self.text = message
            self.message.emit(message)


def theme_css_call(name: str) -> str | None:
    """The page script call that swaps in bundled theme ``name``'s CSS (None: unreadable)."""
    from editor.render import core as render  # on first use, not with the window

    try:
        sheets = (("theme-css", render.theme_css(name)),
                  ("pygments-css", render.pygments_css(name)))
    except render.ThemeError as exc:
        log.warning("%s", exc)
        return None
    calls = ", ".join(
        f"window.__articlePreview.setCss({json.dumps(element)}, "
        f"{json.dumps(css, ensure_ascii=False)})"
        for element, css in sheets
    )
    return f"({calls})"
