"""Tests for PDF export: read back with pypdf (text, page size), offline policy and time limit."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest

from editor.document.post import Post
from editor.export import exporter as export
from editor.export.exporter import ExportOptions
from editor.export.pdf import PdfError, PdfOptions, PdfPrinter

# Exact paper sizes in PostScript points; Chromium rounds to whole device pixels.
A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)
TOLERANCE_PT = 1.0

# Never routed on the internet (TEST-NET-1): a request to it would hang, not fail.
UNREACHABLE = "http://192.0.2.1"


def _size(page: pypdf.PageObject) -> tuple[float, float]:
    box = page.mediabox
    return float(box.width), float(box.height)


def _close(size: tuple[float, float], expected: tuple[float, float]) -> bool:
    return all(abs(a - b) <= TOLERANCE_PT for a, b in zip(size, expected, strict=True))


def test_pdf_is_a4_with_korean_title_text(fixtures_dir, tmp_path):
    """The house post prints to A4 pages whose text layer holds the Korean title."""
    post = Post.load(fixtures_dir / "house-post.md")
    out = export.export(post, "pdf", tmp_path / "house.pdf")
    reader = pypdf.PdfReader(out)
    assert len(reader.pages) > 0
    assert all(_close(_size(page), A4) for page in reader.pages), _size(reader.pages[0])
    first = reader.pages[0].extract_text()
    assert post.get("title") in first
    assert "야간 열람실 운영 시간" in first
    # Korean fonts are embedded, not referenced: every font carries its glyphs (Chromium
    # writes CJK OpenType fonts as Type 3 glyph procedures), one of them a Korean face.
    fonts = [
        font.get_object()
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    ]
    assert fonts
    assert all(_embedded(font) for font in fonts)
    families = {str(_descriptor(font).get("/FontFamily", "")) for font in fonts}
    assert any("KR" in family for family in families), families


def _descriptor(font) -> dict:
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    return descriptor.get_object() if descriptor is not None else {}


def _embedded(font) -> bool:
    if font.get("/Subtype") == "/Type3":
        return len(font["/CharProcs"]) > 0
    descriptor = _descriptor(font)
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_pdf_letter_size(tmp_path):
    """page_size="letter" gives US Letter pages."""
    post = Post.from_text("---\ntitle: 편지 크기\n---\n\n본문 한 줄.\n")
    out = export.export(post, "pdf", tmp_path / "letter.pdf", ExportOptions(page_size="letter"))
    reader = pypdf.PdfReader(out)
    assert _close(_size(reader.pages[0]), LETTER)
    assert "편지 크기" in reader.pages[0].extract_text()


def test_pdf_margins_leave_text_inside(tmp_path):
    """With 15 mm margins no text starts in the outer 15 mm of the page."""
    post = Post.from_text("---\ntitle: 여백 확인\n---\n\n" + "가나다라 " * 200 + "\n")
    out = export.export(post, "pdf", tmp_path / "margins.pdf")
    page = pypdf.PdfReader(out).pages[0]
    width, height = _size(page)
    margin = 15 / 25.4 * 72
    xs: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            xs.append(tm[4] * cm[0] + cm[4])

    page.extract_text(visitor_text=visit)
    assert xs
    assert min(xs) >= margin - 2
    assert max(xs) <= width - margin


def test_pdf_offline_never_waits_for_the_network(tmp_path):
    """Remote images and backgrounds are blocked, so an unreachable host costs nothing."""
    post = Post.from_text(
        "---\ntitle: 오프라인\nimage: '" + UNREACHABLE + "/lead.jpg'\n---\n\n"
        f'<p><img src="{UNREACHABLE}/a.jpg" alt="원격 그림" /></p>\n\n'
        f'<div style="background-image: url({UNREACHABLE}/bg.png); height: 40px">배경</div>\n'
    )
    started = time.monotonic()
    with PdfPrinter() as printer:
        out = export.export_pdf(post, tmp_path / "offline.pdf", ExportOptions(timeout_s=20),
                                printer=printer)
        blocked = printer.blocked_requests
    elapsed = time.monotonic() - started
    assert out.is_file()
    assert blocked >= 1  # the CSS background went through the interceptor and was stopped
    assert elapsed < 15
    text = pypdf.PdfReader(out).pages[0].extract_text()
    assert "원격 그림" in text  # the placeholder box names the image


def test_pdf_document_boxes_remote_images_only(tmp_path):
    """The printed page swaps remote <img> for labelled boxes, local ones become file URLs."""
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    post = Post.from_text(
        "---\ntitle: t\n---\n\n"
        '<p><img src="https://example.com/x.jpg" alt="먼 그림"></p>\n\n'
        '<p><img src="pic.png" alt="가까운 그림"></p>\n',
        path=tmp_path / "post.md",
    )
    page = export.pdf_document(post)
    assert "https://example.com/x.jpg" not in page
    assert "먼 그림 — image not loaded (offline)" in page
    assert (tmp_path / "pic.png").as_uri() in page
    assert "https://example.com/x.jpg" in export.pdf_document(post, allow_remote=True)


def test_pdf_timeout_is_a_clear_error(tmp_path):
    """A print job that exceeds its time limit raises PdfError saying so, and leaves no file."""
    out = tmp_path / "slow.pdf"
    with PdfPrinter() as printer, pytest.raises(PdfError, match="did not finish within"):
        printer.print_html("<p>x</p>", out, PdfOptions(timeout_s=0.001))
    assert not out.exists()
    assert not list(tmp_path.glob(".*.part"))


def test_pdf_unknown_page_size(tmp_path):
    """An unknown paper name is refused before anything is printed."""
    with PdfPrinter() as printer, pytest.raises(PdfError, match="page size"):
        printer.print_html("<p>x</p>", tmp_path / "x.pdf", PdfOptions(page_size="a3"))


def test_cli_pdf_headless_in_a_fresh_process(fixtures_dir, tmp_path):
    """The command line prints a PDF in a process of its own, no display, quietly."""
    out = tmp_path / "cli.pdf"
    # As from a shell: no display, and none of the switches this test process gave Chromium.
    env = {k: v for k, v in __import__("os").environ.items()
           if k not in ("DISPLAY", "QT_QPA_PLATFORM", "QTWEBENGINE_CHROMIUM_FLAGS")}
    result = subprocess.run(
        [sys.executable, "-m", "editor", "export", str(fixtures_dir / "house-post.md"),
         "--to", "pdf", "-o", str(out)],
        capture_output=True, text=True, timeout=120, env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert result.stderr.strip() == ""
    assert _close(_size(pypdf.PdfReader(out).pages[0]), A4)
