"""Starting the GUI: the QApplication, its translations, the main window and the screenshot tool.

``run`` is what ``article-editor [FILE] [--offline]`` calls; ``screenshot`` is the
``article-editor screenshot`` sub-command. The web engine needs its environment and
application attributes before the first QApplication exists, so both go through
``application()``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLibraryInfo,
    QLocale,
    Qt,
    QTimer,
    QTranslator,
)

from editor.ui.preview.graphics import add_chromium_flags

APP_NAME = "Article Editor"
TRANSLATION_BASENAME = "article_editor"
# After renderFinished, give Chromium a moment to paint (fonts, images) before grabbing.
SCREENSHOT_SETTLE_MS = 600
SCREENSHOT_TIMEOUT_MS = 30000

_installed: list[QTranslator] = []


def prepare_environment() -> None:
    """What must hold before QtWebEngine loads and before the QApplication exists."""
    # Chromium refuses to run its sandbox as root (containers, CI).
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    add_chromium_flags(*_chromium_flags())
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    # Rendering runs in a worker thread; a short GIL switch interval lets key handling on
    # the GUI thread in within about a millisecond instead of Python's default 5 ms.
    sys.setswitchinterval(0.001)


def _chromium_flags() -> list[str]:
    """Web engine switches that only save memory where they change nothing else."""
    flags = []
    if os.environ.get("QTWEBENGINE_DISABLE_SANDBOX") == "1":
        # The zygote processes exist to start sandboxed renderers; without the sandbox
        # they are two idle processes.
        flags.append("--no-zygote")
    return flags


def resolve_language(setting: str) -> str:
    """"en" or "ko": the preference, or for "system" the system locale's language."""
    if setting in ("en", "ko"):
        return setting
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def install_translators(language: str) -> list[QTranslator]:
    """Install the editor's and Qt's own translations for ``language`` ("en" or "ko").

    Replaces translators installed by an earlier call. Returns the installed ones
    (empty for English, whose texts are the source texts).
    """
    from editor import paths

    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        return []
    candidates = (
        (f"{TRANSLATION_BASENAME}_{language}", str(paths.resource("i18n"))),
        # Qt's own strings (standard buttons such as Save / Discard / Cancel, file dialogs).
        (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        # Qt texts the shipped qtbase catalogue lags behind on ("&Look in:" in file dialogs).
        (f"qt_extra_{language}", str(paths.resource("i18n"))),
    )
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return list(_installed)


def application(argv: Sequence[str] | None = None, *,
                web_engine_later: bool = False):  # -> QApplication
    """The QApplication (created on first call), named, with translations installed.

    How the web engine draws is chosen here too, unless ``web_engine_later``: then by
    the first web view (graphics.prepare_web_engine).
    """
    prepare_environment()
    # The web engine is loaded later, with the preview (the window shows the text first):
    # the shared OpenGL contexts it needs are set in prepare_environment().
    from PySide6.QtWidgets import QApplication

    from editor.ui.shell.settings import Settings

    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else [sys.argv[0]])
        app.setApplicationName(APP_NAME)
        app.setApplicationDisplayName(APP_NAME)
        app.setOrganizationName("article-editor")
        if not web_engine_later:
            from editor.ui.preview import graphics

            graphics.prepare_web_engine()
        install_translators(resolve_language(Settings().prefs.language))
        from editor.ui.shell.memory import pace_garbage_collection

        pace_garbage_collection(app)
    return app


def _follow_window_theme(app) -> None:
    """Light or dark window colours as Preferences say; "system" follows desktop changes."""
    from editor.ui.shell.settings import Settings
    from editor.ui.shell.window_theme import apply_window_theme

    def apply(*_args: object) -> None:
        apply_window_theme(app, Settings().prefs.window_theme)

    apply()
    app.styleHints().colorSchemeChanged.connect(apply)


def run(path: str | None, offline: bool = False) -> int:
    """Open the main window (with ``path``, or an untitled post from a template); the exit code.

    The window paints the post's text first and builds its commands, menus and docks
    right after (MainWindow ``build_later``).
    """
    app = application(sys.argv, web_engine_later=True)  # Qt Quick after the first paint
    from editor.ui.shell.main_window import MainWindow
    from editor.ui.shell.settings import Settings

    _follow_window_theme(app)
    settings = Settings()
    reopen = settings.session.open_posts if settings.prefs.reopen_posts else []
    reopen = [name for name in reopen if isinstance(name, str)]
    # The first paint shows the post that will be in front: ``path``, else the one shown
    # at the last close (or with neither the template's). The posts that come back open
    # once the window is built, in their order and each at its place, ``path`` after them.
    front = path or (settings.session.current_post if settings.session.current_post in reopen
                     else next(iter(reopen), None))
    first = _first_post(front, template=not reopen)
    window = MainWindow(settings, offline=True if offline else None, first_post=first,
                        build_later=True)
    window.show()
    if first is None and path and _is_big(path):
        window.preview.pool.warm_up()  # it is read in the helpers: they start meanwhile

    def after_reopening() -> None:
        from editor.ui.lifecycle import recovery_dialog

        if path:
            window.files.open_path(path)  # already open (the first post): its tab is shown
        # Texts a crash or a kill left in the journal are offered once the posts are in.
        recovery_dialog.offer_recovery(window)

    def built() -> None:
        from editor.ui.shell import script_hook
        from editor.ui.shell.file_commands import remember_file

        if first is None:
            window.files.start_from_default_template()
        elif first.path is not None:
            remember_file(window.settings, first.path)
        # The posts open at the last close come back, each in its tab (Preferences can say no).
        window.tabs.reopen(reopen, then=after_reopening)
        script_hook.schedule(window)  # tests only: inert unless ARTICLE_EDITOR_TEST_SCRIPT is set

    window.when_built(built)
    code = app.exec()
    dispose(window)
    return code


def _first_post(path: str | None, template: bool = True):  # -> Post | None
    """``path`` read for the window's first paint, or without one (and ``template``) the
    default template's untitled post; None if the file is big (it then loads in the
    background) or cannot be read (the window, once built, opens it or the template
    again and says why)."""
    from editor.document.post import Post, PostError, YamlError
    from editor.site import jekyll as site
    from editor.ui.shell.templates import default_template, post_from_template

    try:
        if path is None:
            if not template:
                return None
            template = default_template(list(site.templates(None).values()))
            return post_from_template(template) if template is not None else None
        return None if _is_big(path) else Post.load(path)
    except (OSError, PostError, YamlError):
        return None


def _is_big(path: str) -> bool:
    """Whether ``path`` is long enough to be read in the background (big_file)."""
    from editor.ui.lifecycle.big_file import BigFileLoader

    return BigFileLoader.wants(Path(path))


def dispose(window) -> None:
    """Delete a window now, web view and page before their profile.

    Left to the garbage collector at interpreter exit, the web engine's profile can go
    before its page, and Chromium crashes on the way out.
    """
    import shiboken6

    window.hide()
    window.preview.shutdown()
    if shiboken6.isValid(window):
        shiboken6.delete(window)
    QCoreApplication.processEvents()


def wait_for_render(window, timeout_ms: int = SCREENSHOT_TIMEOUT_MS) -> bool:
    """Process events until the preview has rendered the current post; False on timeout."""
    preview = window.preview
    loop = QEventLoop()
    done = {"rendered": False}

    def finished() -> None:
        if not preview.is_busy():
            done["rendered"] = True
            loop.quit()

    preview.renderFinished.connect(finished)
    timer = QTimer(singleShot=True, interval=timeout_ms)
    timer.timeout.connect(loop.quit)
    timer.start()
    window.preview.show_post(window.document.post)
    if not done["rendered"]:
        loop.exec()
    preview.renderFinished.disconnect(finished)
    timer.stop()
    return done["rendered"]


def screenshot(
    path: str | Path,
    out: str | Path,
    size: tuple[int, int] = (1400, 900),
    offline: bool = False,
    theme: str | None = None,
) -> int:
    """Save a PNG of the whole window showing ``path``; 0 on success, 1 with a message.

    The web view paints only on a real display: run it under Xvfb (``xvfb-run -a`` with
    ``QT_QPA_PLATFORM=xcb``); with the offscreen platform the preview area stays blank.
    """
    from editor.document.post import Post, PostError

    try:
        post = Post.load(path)
    except PostError as exc:
        print(f"article-editor screenshot: {exc.message}", file=sys.stderr)
        return 1
    application()
    from editor.render import core as render
    from editor.ui.shell.main_window import MainWindow
    from editor.ui.shell.settings import Settings

    if theme is not None and theme not in render.theme_names():
        names = ", ".join(render.theme_names())
        print(f"article-editor screenshot: unknown theme {theme!r} (choose from {names})",
              file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="article-editor-shot-") as tmp:
        # A throwaway settings file: a screenshot never changes the writer's window layout.
        settings = Settings(Path(tmp) / "settings.ini")
        window = MainWindow(settings, offline=offline)
        if theme is not None:
            window.preferences.set_theme(theme)
        window.document.replace(post)
        window.resize(*size)
        window.show()
        rendered = wait_for_render(window)
        loop = QEventLoop()
        QTimer.singleShot(SCREENSHOT_SETTLE_MS, loop.quit)
        loop.exec()
        image = window.grab()
        ok = image.save(str(out), "PNG")
        dispose(window)
    if not ok:
        print(f"article-editor screenshot: could not write {out}", file=sys.stderr)
        return 1
    if not rendered:
        print("article-editor screenshot: the preview did not finish rendering in time; "
              "saved what was shown", file=sys.stderr)
    return 0
