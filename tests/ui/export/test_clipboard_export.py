"""Tests for Copy for Blog: inline-styled HTML and a plain-text twin on the clipboard."""

from __future__ import annotations

import shutil

from PySide6.QtGui import QGuiApplication

from editor.document.post import Post
from editor.ui.export.clipboard import blog_mime_data


def test_copy_for_blog_puts_html_and_plain_text_on_the_clipboard(qtbot, window, tmp_path,
                                                                  fixtures_dir):
    """The clipboard holds text/html without <style> or classes, and readable text/plain."""
    post_path = tmp_path / "house-post.md"
    shutil.copyfile(fixtures_dir / "house-post.md", post_path)
    window.files.open_path(post_path)
    QGuiApplication.clipboard().clear()
    assert window.export.copy_for_blog()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasHtml() and mime.hasText()
    html = mime.html()
    assert "<style" not in html and "class=" not in html
    assert 'style="' in html
    assert "야간 열람실 운영 시간" in html
    text = mime.text()
    assert "야간 열람실 운영 시간" in text
    assert "<" not in text
    assert window.prompter.errors == []
    assert window.statusBar().currentMessage()


def test_header_choice_adds_the_title(qtbot, window):
    """With the header remembered as wanted, the copied HTML and text start with the title."""
    window.settings.session.export_include_header = True
    window.document.replace(Post.from_text(
        "---\ntitle: 주말 장터 소식\nexcerpt: 토요일마다 열립니다.\n---\n\n본문입니다.\n"))
    assert window.export.copy_for_blog()
    mime = QGuiApplication.clipboard().mimeData()
    assert "주말 장터 소식" in mime.html()
    assert mime.text().startswith("주말 장터 소식")


def test_blog_mime_data_without_header_leaves_the_title_out():
    """The default fragment is the body only: the title stays in the blog's own field."""
    post = Post.from_text("---\ntitle: 제목만 있는 글\n---\n\n첫 문단.\n")
    mime = blog_mime_data(post)
    assert "제목만 있는 글" not in mime.html()
    assert "첫 문단." in mime.html() and mime.text().strip() == "첫 문단."


def test_unknown_theme_is_reported_not_raised(qtbot, window):
    """A remembered theme that no longer exists falls back instead of failing the copy."""
    window.settings.session.export_theme = "gone-theme"
    window.document.replace(Post.from_text("---\ntitle: t\n---\n\nbody\n"))
    assert window.export.copy_for_blog()
    assert window.prompter.errors == []
