"""Tests for editor.ui.authoring.block_dialogs: link, lead image, table and signature dialogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from editor.document.post import Post
from editor.ui.authoring import block_dialogs
from editor.ui.authoring.block_dialogs import (
    ImageDialog,
    LinkDialog,
    Signature,
    SignatureDialog,
    TableDialog,
    copy_into_assets,
)
from editor.ui.authoring.commands import Authoring
from editor.ui.shell.document import Document
from editor.ui.shell.settings import Settings
from editor.ui.source.editor import SourceEditor
from tests.ui.prompter import ScriptedPrompter

# A 1x1 PNG (our own bytes, not a picture from anywhere).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cf000000030101009a7a4b8f0000000049454e44ae426082"
)


def ok_button(dialog) -> object:
    """The OK button of a dialog built with block_dialogs._ok_cancel."""
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


@pytest.fixture
def site_root(tmp_path) -> Path:
    """A Jekyll site folder (it has a _config.yml)."""
    root = tmp_path / "blog"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: 시험 블로그\n", encoding="utf-8")
    return root


@pytest.fixture
def picture(tmp_path) -> Path:
    """A PNG outside the site, named as a camera would."""
    folder = tmp_path / "camera"
    folder.mkdir()
    path = folder / "market-morning.png"
    path.write_bytes(PNG)
    return path


def test_copy_into_assets_keeps_the_name_and_never_overwrites(site_root, picture, tmp_path):
    """The copy keeps its name; same bytes reuse the file, different bytes get name-2."""
    copied, url = copy_into_assets(picture, site_root)
    assert copied == site_root / "assets" / "images" / "market-morning.png"
    assert url == "/assets/images/market-morning.png"
    assert copied.read_bytes() == PNG
    again, url_again = copy_into_assets(picture, site_root)
    assert (again, url_again) == (copied, url)
    other = tmp_path / "market-morning.png"
    other.write_bytes(PNG + b"different")
    third, third_url = copy_into_assets(other, site_root)
    assert third.name == "market-morning-2.png"
    assert third_url == "/assets/images/market-morning-2.png"
    assert copied.read_bytes() == PNG  # the first file is untouched


def test_image_dialog_requires_alt_text_and_copies_on_ok(qtbot, site_root, picture):
    """OK stays disabled until a file and alt text are given; accepting copies the file."""
    dialog = ImageDialog(site_root)
    qtbot.addWidget(dialog)
    dialog.choose_file = lambda: picture
    dialog.browse_button.click()
    assert dialog.file_edit.text() == str(picture)
    assert not ok_button(dialog).isEnabled()
    assert "alt text" in dialog.problem.text()
    dialog.alt_edit.setText("아침 시장 풍경")
    assert ok_button(dialog).isEnabled()
    ok_button(dialog).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.choice.src == "/assets/images/market-morning.png"
    assert dialog.choice.alt == "아침 시장 풍경"
    assert (site_root / "assets" / "images" / "market-morning.png").is_file()


def test_image_dialog_remote_address_and_no_site(qtbot):
    """Outside a site only a web address is possible; script addresses are refused."""
    dialog = ImageDialog(None)
    qtbot.addWidget(dialog)
    assert not dialog.local_radio.isEnabled()
    assert dialog.remote_radio.isChecked()
    dialog.alt_edit.setText("지도")
    dialog.url_edit.setText("javascript:alert(1)")
    assert not ok_button(dialog).isEnabled()
    dialog.url_edit.setText("https://example.com/map.png")
    assert ok_button(dialog).isEnabled()
    dialog.accept()
    assert dialog.choice.src == "https://example.com/map.png"
    assert dialog.choice.copied_to is None


def test_insert_image_writes_house_markup_and_front_matter(qtbot, site_root, picture):
    """Lead Image copies the file into assets, writes the house <img> and sets `image`."""
    post = Post.new({"title": "시장"}, "<p>첫 문단</p>\n", fmt="html",
                    path=site_root / "_posts" / "2024-05-01-market.md")
    document = Document(post)
    editor = SourceEditor()
    qtbot.addWidget(editor)
    editor.set_body_text(post.body)
    editor.textEdited.connect(lambda: document.set_body(editor.body_text()))
    authoring = Authoring(editor, ScriptedPrompter(), settings=Settings(),
                          site_root=lambda: site_root, set_field=document.set_field)

    def answer(root):
        dialog = ImageDialog(root)
        dialog.file_edit.setText(str(picture))
        dialog.alt_edit.setText("아침 시장 풍경")
        dialog.accept()
        return dialog.choice

    authoring.prompter.answer("ask_image", answer)
    assert authoring.insert_image()
    # The cursor is at the start of the freshly opened body: the image leads the post.
    assert document.post.body == (
        '<p><img src="/assets/images/market-morning.png" alt="아침 시장 풍경" /></p>\n\n'
        '<p>첫 문단</p>\n')
    assert document.post.get("image") == "/assets/images/market-morning.png"
    assert (site_root / "assets" / "images" / "market-morning.png").read_bytes() == PNG
    editor.undo()
    assert editor.body_text() == "<p>첫 문단</p>\n"


def test_table_dialog_rows_can_be_added_moved_and_removed(qtbot):
    """Rows edit like a list: add, move up, remove; empty rows are left out."""
    dialog = TableDialog(("항목", "내용"), [("일시", "토요일"), ("장소", "광장")], editing=True)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit Summary Table"
    dialog.add_button.click()
    dialog.set_cell(2, 0, "비용")
    dialog.set_cell(2, 1, "무료")
    dialog.table.setCurrentCell(2, 0)
    dialog.up_button.click()
    assert dialog.rows() == [("일시", "토요일"), ("비용", "무료"), ("장소", "광장")]
    dialog.table.setCurrentCell(0, 0)
    dialog.remove_button.click()
    dialog.add_button.click()  # an empty row is not a row of the table
    assert dialog.rows() == [("비용", "무료"), ("장소", "광장")]
    dialog.key_header.setText("구분")
    assert dialog.headers() == ("구분", "내용")


def test_signature_dialog_shows_the_line_it_writes(qtbot):
    """The dialog previews the footer line and needs a safe address."""
    dialog = SignatureDialog(Signature("", "", ""))
    qtbot.addWidget(dialog)
    assert not ok_button(dialog).isEnabled()
    dialog.text_edit.setText("동네 소식,")
    dialog.link_text_edit.setText("example.org")
    dialog.url_edit.setText("https://example.org")
    assert ok_button(dialog).isEnabled()
    assert dialog.sample.text() == (
        '동네 소식, <a href="https://example.org" rel="dofollow">example.org</a>')
    dialog.url_edit.setText("javascript:x()")
    assert not ok_button(dialog).isEnabled()


def test_ask_link_runs_the_modal_dialog(qtbot):
    """ask_link shows the real modal dialog and returns what was typed when OK is pressed."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LinkDialog)
        dialog.url_edit.setText("https://example.org/news")
        ok_button(dialog).click()

    QTimer.singleShot(0, answer)
    assert block_dialogs.ask_link(None, "소식", "") == ("소식", "https://example.org/news")


def test_link_in_markdown_body(qtbot):
    """In a Markdown body the link is written as [text](url)."""
    editor = SourceEditor()
    qtbot.addWidget(editor)
    editor.set_body_format("markdown")
    editor.set_body_text("소식은 여기에서 봅니다.\n")
    cursor = editor.textCursor()
    cursor.setPosition(4)
    cursor.setPosition(7, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    authoring = Authoring(editor, ScriptedPrompter())
    authoring.prompter.answer("ask_link", lambda text, url: (text, "https://example.org/a b"))
    assert authoring.insert_link()
    assert editor.body_text() == "소식은 [여기에](<https://example.org/a b>)서 봅니다.\n"
