"""The preview's web engine objects: a private profile, our page and the view showing it.

Made by the pane once the window has shown the post's text (starting Chromium takes
longer than everything else at start-up), or at once when something needs them sooner.
Importing this module registers the ``article-preview:`` scheme (editor.ui.preview.web).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEngineScript, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from editor.paths import resource
from editor.ui.preview.graphics import prepare_web_engine
from editor.ui.preview.web import (
    PreviewPage,
    PreviewSchemeHandler,
    RequestPolicy,
    harden,
    make_profile,
)

# Our update script runs in its own JavaScript world, apart from the page's.
WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld


class PreviewEngine:
    """The view, its page and profile, the request policy and the page's scheme handler."""

    def __init__(self, parent: QWidget, *, offline: bool,
                 link_opener: Callable[[QUrl], object] | None) -> None:
        prepare_web_engine()  # how it draws is chosen before the first web view
        self.view = QWebEngineView(parent)
        self.policy = RequestPolicy(parent, offline=offline)
        self.scheme = PreviewSchemeHandler(parent)
        profile = make_profile(parent, self.policy, self.scheme)
        self.page = PreviewPage(profile, self.view)
        # Qt requires the page to go before its profile, however the pane is torn down.
        profile.setParent(self.page)
        self.page.link_opener = link_opener
        harden(self.page.settings())
        self.page.settings().setAttribute(
            QWebEngineSettings.WebAttribute.FocusOnNavigationEnabled, False)
        self.view.setPage(self.page)
        self.view.setAcceptDrops(False)  # dropped files go to the window, which opens them

        # Our update script (resources/preview/preview.js), defined before each expression.
        self._script = resource("preview", "preview.js").read_text(encoding="utf-8")

    def evaluate(self, expression: str, callback: Callable[[Any], object] | None) -> None:
        """Evaluate ``expression`` in our world; ``callback`` gets its value (as JSON has it)."""
        source = f"{self._script}\n;JSON.stringify({{value: ({expression})}});"
        if callback is None:
            self.page.runJavaScript(source, WORLD)
            return

        def unpack(raw: object) -> None:
            # Qt hands over nothing when the script threw; undefined leaves no "value".
            value = json.loads(raw).get("value") if isinstance(raw, str) and raw else None
            callback(value)

        self.page.runJavaScript(source, WORLD, unpack)
