"""Start-up: the window shows the post's text before the renderer and the web engine load."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.document.post import Post
from editor.ui.preview.pane import PreviewPane
from editor.ui.shell.main_window import MainWindow
from editor.ui.shell.settings import Settings
from tests.ui.prompter import ScriptedPrompter
from tests.ui.windows import track_window

ROOT = Path(__file__).resolve().parents[3]

# Loaded after the window shows the text: the preview's web engine and renderer (with
# Markdown, Liquid, Pygments' HTML formatter), export dialogs, the network modules,
# PyYAML (site files and templates; the post's own YAML goes through ruamel).
LATER = ("PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "editor.render.core",
         "editor.render.preview_jobs", "editor.render.html_pieces", "liquid", "markdown",
         "pygments.formatters",
         "editor.ui.export.batch_dialog", "editor.ui.site.site_table", "urllib.request",
         "concurrent.futures.process", "frontmatter", "yaml")


def imported_with_the_window(modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a fresh process has after importing the main window (as
    ``article-editor POST`` does)."""
    script = ("import sys, editor.ui.shell.app, editor.ui.shell.main_window\n"
              f"print(' '.join(m for m in {modules!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_importing_the_window_loads_no_renderer_and_no_web_engine():
    """A fresh process importing the main window (as ``article-editor POST`` does) has
    none of the modules the first paint does without."""
    assert imported_with_the_window(LATER) == []


# Made after the first paint (MainWindow build_later): the commands, menus and docks,
# the source colours (Pygments' lexers), Qt Quick (how the web engine draws) and the
# Site look's builds (the first render).
AFTER_FIRST_PAINT = ("editor.ui.shell.window_parts", "editor.ui.shell.actions",
                     "editor.ui.shell.prompter", "editor.ui.authoring.commands",
                     "editor.ui.export.commands", "editor.ui.source.spelling_window",
                     "editor.ui.site.site_commands", "editor.ui.lifecycle.autosave",
                     "editor.authoring.tokens", "pygments.lexers", "PySide6.QtQuick",
                     "editor.site.build", "editor.ui.preview.site_look")

POST_TEXT = "---\ntitle: 첫 화면\ntags: [a]\n---\n# 시작\n\n본문이 먼저 보인다.\n"


def test_importing_the_window_leaves_its_components_for_later():
    """The modules of what the window builds after its first paint are not imported
    with it."""
    assert imported_with_the_window(AFTER_FIRST_PAINT) == []


class _Order(QObject):
    """Records, in order, the source editor's paints and the window's buildFinished."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.events: list[str] = []
        window.editor.viewport().installEventFilter(self)
        window.buildFinished.connect(lambda: self.events.append("built"))
        window.preview.renderFinished.connect(lambda: self.events.append("preview"))

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.Paint:
            self.events.append("paint")
        return False


def test_a_window_built_later_paints_the_post_before_its_components(qtbot, tmp_path):
    """With ``build_later`` the first post's text is painted first; the menus, commands
    and docks follow once it has been, and the post is then the window's document."""
    path = tmp_path / "first.md"
    path.write_text(POST_TEXT, encoding="utf-8")
    post = Post.load(path)
    window = MainWindow(Settings(), prompter=ScriptedPrompter(), first_post=post,
                        build_later=True)
    track_window(qtbot, window, show=False)
    order = _Order(window)
    assert not window.is_built()
    assert window.editor.body_text() == post.body
    assert window.form.editor("title").line.text() == "첫 화면"
    assert not hasattr(window, "files") and not hasattr(window, "tabs")
    with qtbot.waitSignal(window.buildFinished, timeout=30000):
        window.show()
    assert order.events[0] == "paint"
    # The first preview is not kept waiting by the components.
    assert order.events.index("paint") < order.events.index("preview")
    assert order.events.index("preview") < order.events.index("built")
    assert window.is_built()
    assert window.menuBar().actions() and window.actions["save"].isEnabled()
    assert window.highlights.dock is not None and window.checklist is not None
    assert window.tabs.count() == 1
    assert window.tabs.bar.tabText(0) == "first.md"
    assert window.document.path == path and not window.document.is_modified()
    assert window.editor.document().isUndoAvailable() is False
    assert window.windowTitle().startswith("[*]first.md")
    called = []
    window.when_built(lambda: called.append(True))  # built already: at once
    assert called == [True]


class _FirstPlace(QObject):
    """Where the source editor sits in the window when it first paints."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window, self.place = window, None
        window.editor.viewport().installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.Paint and self.place is None:
            self.place = self.window.editor.mapTo(self.window, QPoint(0, 0))
        return False


def test_the_panes_stay_in_place_when_the_commands_arrive(qtbot, tmp_path):
    """The menu bar, the toolbar and the tab bar take their places before the first
    paint: nothing jumps when the commands behind them are made."""
    path = tmp_path / "steady.md"
    path.write_text(POST_TEXT, encoding="utf-8")
    window = MainWindow(Settings(), prompter=ScriptedPrompter(),
                        first_post=Post.load(path), build_later=True)
    track_window(qtbot, window, show=False)
    first = _FirstPlace(window)
    with qtbot.waitSignal(window.buildFinished, timeout=30000):
        window.show()
    assert first.place is not None
    for _ in range(3):  # the layouts the new parts asked for
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    assert window.toolbar.actions() and window.menuBar().actions()
    assert window.tabs.bar.tabText(0) == "steady.md"
    assert window.editor.mapTo(window, QPoint(0, 0)) == first.place
    reserved = window.toolbar.minimumHeight()  # no taller than its buttons make it
    window.toolbar.setMinimumHeight(0)
    assert window.toolbar.sizeHint().height() == reserved


def test_a_command_used_before_the_build_makes_the_components_first(qtbot, tmp_path):
    """The menus and shortcuts come right after the first paint; using one before the
    components exist builds them, then runs the command."""
    path = tmp_path / "early.md"
    path.write_text(POST_TEXT, encoding="utf-8")
    window = MainWindow(Settings(), prompter=ScriptedPrompter(),
                        first_post=Post.load(path), build_later=True)
    track_window(qtbot, window, show=False)
    window.build_menus()
    assert not window.is_built()
    assert window.actions["word_wrap"].isChecked() == window.editor.word_wrap()
    window.actions["word_wrap"].trigger()
    assert window.is_built()
    assert not window.editor.word_wrap()
    assert window.settings.prefs.word_wrap is False


def test_typing_before_the_build_is_kept(qtbot, tmp_path):
    """What is typed into the first post before the components exist stays typed:
    the build neither reloads the text nor forgets that it was changed."""
    path = tmp_path / "typed.md"
    path.write_text(POST_TEXT, encoding="utf-8")
    window = MainWindow(Settings(), prompter=ScriptedPrompter(),
                        first_post=Post.load(path), build_later=True)
    track_window(qtbot, window, show=False)
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    QTest.keyClicks(window.editor, " more")
    window.finish_build()
    assert window.editor.body_text().endswith(" more")
    assert window.editor.document().isUndoAvailable()
    assert window.document.is_modified()
    assert window.document.post.body.endswith(" more")
    assert window.isWindowModified()


def test_article_editor_post_opens_it_once_with_the_window_built(tmp_path):
    """``python -m editor POST``: once the window is built the post is its only tab,
    not modified, remembered among the recent files, and previewed once (before the
    build; the build shows it everywhere else without rendering it again)."""
    path = tmp_path / "started.md"
    path.write_text(POST_TEXT, encoding="utf-8")
    script = tmp_path / "report.py"
    script.write_text(
        "from PySide6.QtWidgets import QApplication\n"
        "print(window.is_built(), window.tabs.count(), window.document.path.name,\n"
        "      window.document.is_modified(), window.editor.document().isUndoAvailable(),\n"
        "      window.settings.session.recent_files[:1] == [str(window.document.path)],\n"
        "      window.preview.is_busy(), window.preview.render_count, flush=True)\n"
        "QApplication.instance().quit()\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), ARTICLE_EDITOR_TEST_SCRIPT=str(script))
    done = subprocess.run([sys.executable, "-m", "editor", str(path), "--offline"],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "1", "started.md", "False", "False", "True",
                                   "False", "1"]


def tabs_report_script(folder: Path) -> Path:
    """A test script (ARTICLE_EDITOR_TEST_SCRIPT) that prints the open posts' names in tab
    order, then the one shown, and quits: run once every post is in."""
    script = folder / "report.py"
    script.write_text(
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "def report():\n"
        "    tabs = window.tabs\n"
        "    print(*[tabs.post_at(i).path.name for i in range(tabs.count())],\n"
        "          window.document.path.name, flush=True)\n"
        "    QApplication.instance().quit()\n"
        "QTimer.singleShot(0, report)  # after the file named last is opened\n",
        encoding="utf-8")
    return script


def test_posts_that_come_back_keep_their_order_with_the_window_built_later(tmp_path):
    """The posts open at the last close come back in their order, and the file named on
    the command line after them, shown."""
    names = ["one.md", "two.md", "three.md"]
    for name in names:
        (tmp_path / name).write_text(POST_TEXT, encoding="utf-8")
    settings = Settings()
    settings.session.open_posts = [str(tmp_path / name) for name in names[:2]]
    settings.sync()
    script = tabs_report_script(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT), ARTICLE_EDITOR_TEST_SCRIPT=str(script))
    done = subprocess.run([sys.executable, "-m", "editor", str(tmp_path / "three.md"),
                           "--offline"], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [*names, "three.md"]


def test_article_editor_alone_starts_from_the_default_template_once(tmp_path):
    """``python -m editor`` with no file: the untitled post from the default template is
    painted first and stays the only tab, not modified, once the window is built."""
    script = tmp_path / "report.py"
    script.write_text(
        "from PySide6.QtWidgets import QApplication\n"
        "print(window.is_built(), window.tabs.count(), window.document.path,\n"
        "      window.document.is_modified(), bool(window.editor.body_text().strip()),\n"
        "      window.editor.body_text() == window.document.post.body, flush=True)\n"
        "QApplication.instance().quit()\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), ARTICLE_EDITOR_TEST_SCRIPT=str(script))
    done = subprocess.run([sys.executable, "-m", "editor", "--offline"], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "1", "None", "False", "True", "True"]


def test_the_web_view_is_made_once_the_pane_has_painted(qtbot):
    """Until the pane is painted it holds no web view; then ``viewReady`` brings one."""
    pane = PreviewPane(offline=True)
    qtbot.addWidget(pane)
    assert pane.web_view() is None
    with qtbot.waitSignal(pane.viewReady, timeout=30000):
        pane.resize(400, 300)
        pane.show()
    assert pane.web_view() is not None
    assert pane.web_view().isVisible()


def test_asking_for_the_view_makes_it_at_once_with_the_zoom_set_before(qtbot):
    """``view`` never answers None: a hidden pane makes its view when asked."""
    pane = PreviewPane(offline=True)
    qtbot.addWidget(pane)
    pane.set_zoom_factor(1.5)
    with qtbot.waitSignal(pane.viewReady, timeout=1000):
        view = pane.view
    assert view is pane.web_view()
    assert view.zoomFactor() == 1.5


def test_a_hidden_pane_renders_without_ever_being_painted(qtbot):
    """Rendering makes the view when the page arrives, shown or not."""
    pane = PreviewPane(offline=True)
    qtbot.addWidget(pane)
    post = Post.from_text("---\ntitle: 시작\n---\n<p>첫 문단</p>\n")
    with qtbot.waitSignal(pane.renderFinished, timeout=60000):
        pane.show_post(post)
    assert pane.web_view() is not None
    with qtbot.waitCallback(timeout=10000) as callback:
        pane.run_js("document.body.textContent", callback)
    assert "첫 문단" in callback.args[0]


def test_the_post_in_front_at_the_last_close_is_painted_first(tmp_path):
    """A start that reopens posts paints the one that was in front, then opens the
    others around it, in their order, each at its place."""
    names = ["one.md", "two.md", "three.md"]
    for name in names:
        (tmp_path / name).write_text(POST_TEXT.replace("첫 화면", name), encoding="utf-8")
    settings = Settings()
    settings.session.open_posts = [str(tmp_path / name) for name in names]
    settings.session.current_post = str(tmp_path / "two.md")
    settings.sync()
    script = tabs_report_script(tmp_path)
    probe = tmp_path / "probe.py"  # what the window holds when it first paints
    probe.write_text(
        "import runpy, sys\n"
        "from editor.ui.shell import main_window\n"
        "shown = main_window.MainWindow._show_first\n"
        "def show_first(self, post):\n"
        "    print('FIRST', post.path.name if post.path else '-', flush=True)\n"
        "    shown(self, post)\n"
        "main_window.MainWindow._show_first = show_first\n"
        "sys.argv = ['editor', '--offline']\n"
        "runpy.run_module('editor', run_name='__main__')\n",
        encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), ARTICLE_EDITOR_TEST_SCRIPT=str(script))
    done = subprocess.run([sys.executable, str(probe)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split("\n")
    assert lines[0] == "FIRST two.md"
    assert lines[1].split() == [*names, "two.md"]
