"""The Site look in the window: the title typed in the form shows in the site's page at
once (the page is patched, not loaded again), and a new post saved into the site gets
its own page (the site is built again for it)."""

from __future__ import annotations

import pytest

from editor.render.themes import SITE_LOOK
from editor.site.build import jekyll_command
from tests.ui.preview.jekyll_site import make_site

TIMEOUT = 60_000


def js(qtbot, window, script: str):
    box: dict[str, object] = {}
    window.preview.run_js(script, lambda value: box.setdefault("value", value))
    qtbot.waitUntil(lambda: "value" in box, timeout=TIMEOUT)
    return box["value"]


def wait_for_site_page(qtbot, window) -> None:
    preview = window.preview
    qtbot.waitUntil(lambda: preview.look.shown_name() == "site" and not preview.is_busy(),
                    timeout=TIMEOUT)


@pytest.fixture
def site_window(qtbot, window, tmp_path):
    assert jekyll_command(), "the jekyll program (Debian package jekyll) is needed"
    post = make_site(tmp_path / "site")
    window.preferences.set_theme(SITE_LOOK)
    window.files.open_path(post)
    wait_for_site_page(qtbot, window)
    yield window
    window.preview.look.sites.stop()
    window.preview.look.sites.wait(TIMEOUT)


def test_a_title_typed_in_the_form_shows_in_the_site_page_at_once(qtbot, site_window):
    window = site_window
    assert js(qtbot, window, "document.querySelector('h1.title').textContent") == "봄의 정원"
    js(qtbot, window, "document.querySelector('.masthead').dataset.kept = 'yes'")
    loads = []
    window.preview.view.page().loadStarted.connect(lambda: loads.append(1))
    line = window.form.editor("title").line
    line.setFocus()
    line.end(False)
    qtbot.keyClicks(line, " (2)")
    qtbot.waitUntil(lambda: js(
        qtbot, window, "document.querySelector('h1.title').textContent") == "봄의 정원 (2)",
        timeout=TIMEOUT)
    assert js(qtbot, window, "document.querySelector('.masthead').dataset.kept") == "yes"
    assert loads == []  # patched in place
    assert window.preview.look.shown_name() == "site"
    assert not window.preview.look.sites.is_building()  # no rebuild for a title


def test_saving_a_new_post_builds_the_site_again_for_its_page(
        qtbot, site_window, prompter, tmp_path):
    window = site_window
    sites = window.preview.look.sites
    window.files.start_from_default_template()  # an untitled post, as File > New gives
    window.document.set_field("title", "새로 쓴 글")
    target = tmp_path / "site" / "_posts" / "2026-05-01-new.md"
    prompter.answer("ask_file_save", target)
    with qtbot.waitSignal(sites.built, timeout=TIMEOUT):
        assert window.files.save_document_as()
    wait_for_site_page(qtbot, window)
    assert js(qtbot, window, "document.querySelector('h1.title').textContent") == "새로 쓴 글"
    assert window.preview.look.shown.name == "new.html"  # the new post's own built page
    assert "사과 한 알" not in js(
        qtbot, window, "document.getElementById('post-body').textContent")
