"""Tests for File > Export…: every target written from the window, options remembered."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import html5lib
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage

from editor.ui.export.dialog import ExportDialog
from editor.ui.shell.main_window import MainWindow
from tests.ui.windows import scripted_window

TITLE = "도서관 야간 열람실 안내"
POST = f"""---
title: {TITLE}
excerpt: 밤늦게까지 여는 열람실을 어떻게 이용하는지 정리했습니다.
image: /assets/cover.png
---

열람실은 평일 밤 열한 시까지 엽니다. **좌석 예약**이 필요합니다.

![열람실 표지](/assets/cover.png)
"""
NS = {"h": "http://www.w3.org/1999/xhtml"}


def make_site(root: Path) -> Path:
    """A Jekyll site with one draft that has a Korean title and a local feature image."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text("title: 동네 소식\nurl: https://news.example.com\n",
                                      encoding="utf-8")
    (root / "assets").mkdir(parents=True)
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0x3366AA)
    assert image.save(str(root / "assets" / "cover.png"))
    draft = root / "_drafts" / "night-reading.md"
    draft.parent.mkdir()
    draft.write_text(POST, encoding="utf-8")
    return draft


@pytest.fixture
def window(window, tmp_path) -> MainWindow:
    """The shared window (tests/ui/conftest.py) with the site's Korean draft open."""
    assert window.files.open_path(make_site(tmp_path / "site"))
    return window


def export_with(window: MainWindow, target: str, out: Path | None, **choices) -> ExportDialog:
    """Run File > Export… choosing ``target`` and ``out``, then pressing Export."""
    seen: list[ExportDialog] = []

    def run(dialog: ExportDialog) -> bool:
        seen.append(dialog)
        dialog.set_target(target)
        box = dialog.options_box
        if "theme" in choices:
            box.theme_combo.setCurrentIndex(box.theme_combo.findData(choices["theme"]))
        if "page_size" in choices:
            box.page_size.setCurrentIndex(box.page_size.findData(choices["page_size"]))
        if "embed_images" in choices:
            box.embed_images.setChecked(choices["embed_images"])
        if out is not None:
            dialog.set_output_path(out)
        dialog.export_button.click()
        return dialog.result() == ExportDialog.DialogCode.Accepted

    window.prompter.answer("run_dialog", run)
    window.export.export_document()
    return seen[0]


def test_html_page_parses_and_carries_title_and_og_image(window, prompter, tmp_path):
    """The HTML target writes a page html5lib parses, titled, with an absolute og:image."""
    out = tmp_path / "out" / "page.html"
    dialog = export_with(window, "html", out)
    assert prompter.errors == []
    assert dialog.written == out
    tree = html5lib.parse(out.read_text(encoding="utf-8"))
    assert TITLE in tree.find(".//h:title", NS).text
    metas = {m.get("property"): m.get("content") for m in tree.iterfind(".//h:meta", NS)}
    assert metas["og:image"] == "https://news.example.com/assets/cover.png"
    assert metas["og:title"] == TITLE
    assert str(out) in window.statusBar().currentMessage()


def test_embedded_images_leave_no_local_reference(window, tmp_path):
    """With Embed images checked the page holds the image as a data: address."""
    out = tmp_path / "embedded.html"
    export_with(window, "html", out, embed_images=True)
    tree = html5lib.parse(out.read_text(encoding="utf-8"))
    sources = [img.get("src") for img in tree.iterfind(".//h:img", NS)]
    assert sources and all(src.startswith("data:image/png") for src in sources)


def test_fragment_has_inline_styles_and_no_style_element(window, tmp_path):
    """The paste-ready fragment has no <style> and no class, but style attributes."""
    out = tmp_path / "fragment.html"
    export_with(window, "fragment", out)
    text = out.read_text(encoding="utf-8")
    assert "<style" not in text
    assert "class=" not in text
    assert 'style="' in text
    assert "좌석 예약" in text


def test_pdf_has_the_korean_title_and_keeps_the_window_responsive(window, qtbot, tmp_path):
    """The PDF reads back with the Korean title; the event loop ran while it printed."""
    out = tmp_path / "post.pdf"
    busy_ticks: list[bool] = []

    def peek() -> None:
        dialog = window.findChild(ExportDialog)
        if dialog is not None:
            busy_ticks.append(dialog.busy_widget.isVisibleTo(dialog))

    # Ticks only while the event loop runs, i.e. while Chromium prints.
    timer = QTimer(interval=10)
    timer.timeout.connect(peek)
    timer.start()
    export_with(window, "pdf", out, page_size="a4")
    timer.stop()
    assert busy_ticks.count(True) >= 2
    reader = PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages)
    assert TITLE.replace(" ", "") in text.replace(" ", "").replace("\n", "")
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert abs(width_mm - 210) < 1


def test_pdf_page_is_reused_between_exports(window, tmp_path):
    """A second PDF export prints with the same offscreen page; closing the window frees it."""
    export_with(window, "pdf", tmp_path / "one.pdf")
    first = window.export.pdf_printers.printer()
    export_with(window, "pdf", tmp_path / "two.pdf", page_size="letter")
    assert window.export.pdf_printers.printer() is first
    reader = PdfReader(tmp_path / "two.pdf")
    assert abs(float(reader.pages[0].mediabox.width) - 612) < 2  # 8.5 in at 72 dpi
    window.close()
    assert not window.export.pdf_printers.is_open()


@pytest.mark.parametrize(("target", "marker"), [("markdown", "**좌석 예약**"),
                                                ("html-body", "<strong>좌석 예약</strong>")])
def test_converted_post_targets_keep_the_front_matter(window, tmp_path, target, marker):
    """Markdown / HTML-body exports write the post with the converted body, front matter kept."""
    out = tmp_path / f"converted-{target}.md"
    export_with(window, target, out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith(POST.split("---\n\n", 1)[0])
    assert marker in text


def test_post_target_copies_into_the_sites_posts(window, tmp_path):
    """Copy into the site's _posts writes a dated Jekyll post in the post's own site."""
    dialog = export_with(window, "post", None)
    assert dialog.output_path() == tmp_path / "site"
    written = dialog.written
    assert written is not None and written.parent == tmp_path / "site" / "_posts"
    assert written.name.startswith(date.today().isoformat())
    assert written.read_text(encoding="utf-8") == POST


def test_post_target_with_checklist_errors_asks_first(qtbot, tmp_path):
    """A post with checklist errors is copied only when the writer overrides."""
    draft = make_site(tmp_path / "site")
    draft.write_text(POST.replace(f"title: {TITLE}\n", ""), encoding="utf-8")
    window = scripted_window(qtbot)
    window.files.open_path(draft)
    answers = [False, True]
    asked: list[list] = []

    def confirm(problems):
        asked.append(problems)
        return answers.pop(0)

    window.prompter.answer("confirm_publish_anyway", confirm)
    refused = export_with(window, "post", None)
    assert refused.written is None and not (tmp_path / "site" / "_posts").exists()
    assert "title" in asked[0][0].message
    forced = export_with(window, "post", None)
    assert forced.written is not None and forced.written.is_file()


def test_choices_are_remembered_in_a_new_dialog(window, tmp_path):
    """Target, theme, paper and folder of the last export are preselected next time."""
    out = tmp_path / "remember" / "post.pdf"
    export_with(window, "pdf", out, theme="dark", page_size="letter")
    again = ExportDialog(window.document.post, window.settings, window.prompter, window)
    assert again.target() == "pdf"
    assert again.options_box.theme_combo.currentData() == "dark"
    assert again.options_box.page_size.currentData() == "letter"
    assert again.output_path() == out.parent / "night-reading.pdf"
    again.set_target("fragment")
    assert again.output_path() == out.with_name("night-reading.fragment.html")
    again.deleteLater()


def test_errors_go_through_the_windows_prompter(window, prompter):
    """Exporting over the post's own file is refused through the prompter; nothing written."""
    before = window.document.path.read_bytes()
    dialog = export_with(window, "html-body", window.document.path)
    assert dialog.written is None
    assert prompter.errors and "replace the post" in prompter.errors[0][1]
    assert window.document.path.read_bytes() == before


def test_existing_file_is_replaced_only_after_asking(window, tmp_path):
    """An existing output file is kept when the writer declines to replace it."""
    out = tmp_path / "taken.html"
    out.write_text("keep me", encoding="utf-8")
    dialog = ExportDialog(window.document.post, window.settings, window.prompter, window)
    window.prompter.queue("confirm", False, True)
    dialog.set_target("html")
    dialog.set_output_path(out)
    assert dialog.run_export() is None
    (title, question), = window.prompter.questions("confirm")
    assert "taken.html" in question and out.read_text(encoding="utf-8") == "keep me"
    assert dialog.run_export() == out
    assert "<html" in out.read_text(encoding="utf-8")


def test_default_name_follows_the_target_until_typed(window):
    """The suggested file is the post's name with the target's ending, beside nothing in _posts."""
    dialog = ExportDialog(window.document.post, window.settings, window.prompter, window)
    dialog.set_target("pdf")
    assert dialog.output_path().name == "night-reading.pdf"
    # Inside a site a page beside the post would be built by Jekyll: not there by default.
    assert dialog.output_path().parent != window.document.path.parent
    dialog.set_target("fragment")
    assert dialog.output_path().name == "night-reading.fragment.html"
    dialog.set_target("post")
    assert dialog.output_path() == window._site_root
    dialog.set_target("html")
    assert dialog.output_path().name == "night-reading.html"
    assert not dialog.options_box.page_size.isVisibleTo(dialog)
    assert dialog.options_box.embed_images.isVisibleTo(dialog)
    dialog.deleteLater()
