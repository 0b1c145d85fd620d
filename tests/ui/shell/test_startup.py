"""Start-up: the window shows the post's text before the renderer and the web engine load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from editor.document.post import Post
from editor.ui.preview.pane import PreviewPane

ROOT = Path(__file__).resolve().parents[3]

# Loaded after the window shows the text: the preview's web engine and renderer (with
# Markdown, Liquid, Pygments' HTML formatter), export dialogs, the network modules,
# PyYAML (site files and templates; the post's own YAML goes through ruamel).
LATER = ("PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "editor.render.core",
         "editor.render.preview_jobs", "editor.render.html_pieces", "liquid", "markdown",
         "pygments.formatters",
         "editor.ui.export.batch_dialog", "editor.ui.site.site_table", "urllib.request",
         "concurrent.futures.process", "frontmatter", "yaml")


def test_importing_the_window_loads_no_renderer_and_no_web_engine():
    """A fresh process importing the main window (as ``article-editor POST`` does) has
    none of the modules the first paint does without."""
    script = ("import sys, editor.ui.shell.app, editor.ui.shell.main_window\n"
              f"print(' '.join(m for m in {LATER!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


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
