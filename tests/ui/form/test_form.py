"""Tests for the front-matter form: widgets <-> Post through signals, losslessly."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import http.server
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from editor.document.post import Post
from editor.site.schema import SITE_SCHEMA
from editor.ui.form.front_matter import FrontMatterForm
from editor.ui.form.widgets import WARNING_COLOUR

HOUSE_EXTRAS = """\
---
title: 골목 시장 새 단장
author: 김기자
toc: true
keywords: [시장, 골목]
meta: {x: 1}
permalink: /market/
layout: post
published: true
date: 2024-05-01
---
<p>본문</p>
"""


class Harness:
    """The window's part of the loop: apply form signals to a real Post, then refresh."""

    def __init__(self, form: FrontMatterForm, post: Post) -> None:
        self.form = form
        self.post = post
        self.events: list[tuple] = []
        form.fieldChanged.connect(self.changed)
        form.fieldRemoved.connect(self.removed)
        form.sourceChanged.connect(self.source)

    def changed(self, key, value):
        self.events.append(("changed", key, value))
        self.post.set(key, value)
        self.form.refresh(self.post)

    def removed(self, key):
        self.events.append(("removed", key))
        self.post.unset(key)
        self.form.refresh(self.post)

    def source(self, text):
        self.events.append(("source", text))
        self.post.front_matter_text = text
        self.form.refresh(self.post)


@pytest.fixture
def make_form(qtbot):
    """Build a form showing a post, wired to a Harness."""

    def make(post: Post, **kwargs) -> tuple[FrontMatterForm, Harness]:
        form = FrontMatterForm()
        form.resize(380, 900)
        qtbot.addWidget(form)
        form.set_offline(True)
        form.set_post(post, **kwargs)
        form.show()
        qtbot.waitExposed(form)
        return form, Harness(form, post)

    return make


@pytest.fixture
def house_post(fixtures_dir) -> Post:
    """The house-style fixture post."""
    return Post.load(fixtures_dir / "house-post.md")


def line_changes(before: str, after: str) -> tuple[list[str], list[str]]:
    """Lines removed from and added to *before*, by a line diff."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def type_korean(widget, text: str) -> None:
    """Commit *text* as a Korean input method does (QTest cannot type non-Latin keys)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def focus(qtbot, form: FrontMatterForm, widget) -> None:
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


# -- filling in --------------------------------------------------------------------------


def test_fields_show_the_house_post(make_form, house_post):
    """Title, chips, excerpt count and the ticked same-as box come from the post."""
    form, _ = make_form(house_post)
    assert form.editor("title").line.text() == house_post.title
    categories = form.editor("categories")
    assert categories.items() == ["News"]
    assert [chip.label.text() for chip in categories.chip_widgets()] == ["News"]
    excerpt = form.editor("excerpt")
    shown = house_post.get("excerpt").rstrip("\n")
    assert excerpt.shown_text() == shown
    assert str(len(shown)) in excerpt.counter.text()
    feature = form.editor("feature_text")
    assert feature.is_same() and feature.text.isReadOnly()
    assert form.editor("image").line.text() == house_post.get("image")
    assert form.other_fields.keys() == []


def test_fields_show_the_markdown_post(make_form, fixtures_dir):
    """Flow lists, dates, booleans and a differing feature text are shown as they are."""
    post = Post.load(fixtures_dir / "plain-markdown.md")
    form, _ = make_form(post)
    assert form.editor("categories").items() == ["Life", "Tea"]
    assert form.editor("tags").items() == ["green tea", "brewing"]
    assert form.editor("date").date_edit.date() == QDate(2024, 3, 9)
    assert form.editor("date").enabled_box.isChecked()
    assert form.editor("published").current_value() is False
    assert not form.editor("feature_text").is_same()
    assert not form.editor("feature_text").text.isReadOnly()


def test_completion_offers_site_categories(make_form, house_post):
    """The chips' completer lists the categories and tags passed in."""
    form, _ = make_form(house_post, categories=["Life", "News", "Travel"], tags=["bus"])
    model = form.editor("categories").completer.model()
    assert model.stringList() == ["Life", "News", "Travel"]
    assert form.editor("tags").completer.model().stringList() == ["bus"]


# -- lossless edits through the GUI ------------------------------------------------------


def test_title_edit_changes_only_the_title_line(make_form, house_post, qtbot):
    """Typing in the title and pressing Enter rewrites the title line and nothing else."""
    original = house_post.text()
    form, harness = make_form(house_post)
    line = form.editor("title").line
    line.end(False)
    type_korean(line, " 연장 운영")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    expected = "동네 도서관 야간 열람실 개방, 주민 반응 뜨거워! 연장 운영"
    assert ("changed", "title", expected) in harness.events
    removed, added = line_changes(original, house_post.text())
    assert removed == ["title: 동네 도서관 야간 열람실 개방, 주민 반응 뜨거워!"]
    assert len(added) == 1 and added[0].startswith("title:") and "연장 운영" in added[0]
    assert house_post.title == expected


def test_title_typing_is_reported_after_a_pause(make_form, house_post, qtbot):
    """Without Enter, the title is still reported once typing pauses (preview follows)."""
    form, harness = make_form(house_post)
    line = form.editor("title").line
    with qtbot.waitSignal(form.fieldChanged, timeout=2000) as blocker:
        qtbot.keyClicks(line, "!")
    assert blocker.args[0] == "title" and blocker.args[1].endswith("!!")
    assert [e for e in harness.events if e[1] == "title"] == [("changed", "title",
                                                               blocker.args[1])]


def test_category_added_with_chips_adds_one_line(make_form, house_post, qtbot):
    """A category typed and entered becomes a chip and one new list line in the file."""
    original = house_post.text()
    form, harness = make_form(house_post)
    chips = form.editor("categories")
    qtbot.keyClicks(chips.input, "Local")
    qtbot.keyClick(chips.input, Qt.Key.Key_Return)
    assert ("changed", "categories", ["News", "Local"]) in harness.events
    assert chips.input.text() == ""
    assert [chip.label.text() for chip in chips.chip_widgets()] == ["News", "Local"]
    removed, added = line_changes(original, house_post.text())
    assert removed == []
    assert added == ["  - Local"]


def test_excerpt_edit_keeps_the_folded_block(make_form, house_post, qtbot):
    """Editing the excerpt rewrites only its text line; the '>' block stays a '>' block."""
    original = house_post.text()
    form, harness = make_form(house_post)
    feature = form.editor("feature_text")
    qtbot.mouseClick(feature.same_box, Qt.MouseButton.LeftButton)
    assert not feature.is_same()
    excerpt = form.editor("excerpt")
    excerpt.text.moveCursor(QTextCursor.MoveOperation.End)
    with qtbot.waitSignal(form.fieldChanged, timeout=2000):
        type_korean(excerpt.text, " 주말 운영도 검토 중이다.")
    value = house_post.get("excerpt")
    assert value.endswith("주말 운영도 검토 중이다.\n")
    removed, added = line_changes(original, house_post.text())
    assert len(removed) == 1 and removed[0].startswith("  시립 도서관이")
    assert len(added) == 1 and added[0].endswith("주말 운영도 검토 중이다.")
    assert "excerpt: >" in house_post.text()
    assert house_post.get("feature_text") != value
    assert [e[1] for e in harness.events] == ["excerpt"]


# -- same as excerpt ---------------------------------------------------------------------


def test_same_as_excerpt_mirrors_edits(make_form, house_post, qtbot):
    """With the box ticked, editing the excerpt also writes the same feature text."""
    form, harness = make_form(house_post)
    excerpt, feature = form.editor("excerpt"), form.editor("feature_text")
    excerpt.text.setPlainText("새 요약문입니다.")
    assert feature.shown_text() == "새 요약문입니다."  # live, before the pause
    qtbot.waitUntil(lambda: len(harness.events) == 2, timeout=2000)
    assert [e[1] for e in harness.events] == ["excerpt", "feature_text"]
    assert house_post.get("excerpt") == house_post.get("feature_text") == "새 요약문입니다.\n"
    assert feature.is_same() and feature.text.isReadOnly()
    assert "feature_text: >" in house_post.text()


def test_ticking_same_as_copies_the_excerpt(make_form, fixtures_dir, qtbot):
    """Ticking the box on differing texts writes the excerpt into the feature text."""
    post = Post.load(fixtures_dir / "plain-markdown.md")
    form, harness = make_form(post)
    feature = form.editor("feature_text")
    qtbot.mouseClick(feature.same_box, Qt.MouseButton.LeftButton)
    assert harness.events == [("changed", "feature_text", post.get("excerpt"))]
    assert feature.shown_text() == post.get("excerpt").rstrip("\n")
    assert feature.text.isReadOnly()


# -- validation --------------------------------------------------------------------------


def test_long_excerpt_warns(make_form, house_post):
    """Over 160 characters the counter turns the warning colour and a message shows."""
    form, _ = make_form(house_post)
    excerpt = form.editor("excerpt")
    assert not excerpt.over_limit() and excerpt.message.isHidden()
    excerpt.text.setPlainText("가" * 161)
    assert excerpt.over_limit()
    assert "161" in excerpt.counter.text()
    assert QColor(WARNING_COLOUR).name() in excerpt.counter.styleSheet()
    assert not excerpt.message.isHidden() and "160" in excerpt.message.text()


def test_clearing_the_title_shows_an_error(make_form, house_post, qtbot):
    """An empty required title keeps the key, with a red outline and a message."""
    form, harness = make_form(house_post)
    title = form.editor("title")
    title.line.selectAll()
    qtbot.keyClick(title.line, Qt.Key.Key_Delete)
    qtbot.keyClick(title.line, Qt.Key.Key_Return)
    assert harness.events == [("changed", "title", "")]
    assert title.has_error()
    assert "border" in title.line.styleSheet()
    assert not title.message.isHidden()
    assert "title:" in house_post.front_matter_text


def test_clearing_optional_fields_removes_their_keys(make_form, qtbot):
    """Emptying permalink, date, published, categories and image removes the keys."""
    post = Post.from_text(HOUSE_EXTRAS.replace("layout: post\n",
                                               "categories: [News]\nimage: /a.png\n"))
    form, harness = make_form(post)
    permalink = form.editor("permalink").line
    permalink.selectAll()
    qtbot.keyClick(permalink, Qt.Key.Key_Delete)
    qtbot.keyClick(permalink, Qt.Key.Key_Return)
    qtbot.mouseClick(form.editor("date").enabled_box, Qt.MouseButton.LeftButton)
    published = form.editor("published")
    published.combo.activated.emit(0)
    chip = form.editor("categories").chip_widgets()[0]
    qtbot.mouseClick(chip.button, Qt.MouseButton.LeftButton)
    image = form.editor("image").line
    image.selectAll()
    qtbot.keyClick(image, Qt.Key.Key_Delete)
    qtbot.keyClick(image, Qt.Key.Key_Return)
    assert harness.events == [("removed", "permalink"), ("removed", "date"),
                              ("removed", "published"), ("removed", "categories"),
                              ("removed", "image")]
    for key in ("permalink", "date", "published", "categories", "image"):
        assert key not in post.metadata
    assert post.get("author") == "김기자"


def test_date_keeps_its_type(make_form, qtbot):
    """A date stays a date; a date-time string keeps its time and zone when edited."""
    post = Post.from_text("---\ntitle: t\ndate: 2024-03-09 10:00:00 +0900\n---\n")
    form, harness = make_form(post)
    date = form.editor("date")
    assert date.date_edit.date() == QDate(2024, 3, 9)
    date.date_edit.setDate(QDate(2024, 3, 10))
    assert harness.events == [("changed", "date", "2024-03-10 10:00:00 +0900")]

    post = Post.from_text("---\ntitle: t\ndate: 2024-03-09\n---\n")
    form, harness = make_form(post)
    form.editor("date").date_edit.setDate(QDate(2025, 1, 2))
    assert harness.events == [("changed", "date", dt.date(2025, 1, 2))]
    assert "date: 2025-01-02" in post.text()


def test_ticking_the_date_box_adds_today(make_form, house_post, qtbot):
    """A post without a date gets today's date when the box is ticked."""
    form, harness = make_form(house_post)
    date = form.editor("date")
    assert date.date_edit.text() == "No date"
    qtbot.mouseClick(date.enabled_box, Qt.MouseButton.LeftButton)
    assert harness.events == [("changed", "date", dt.date.today())]


# -- other fields ------------------------------------------------------------------------


def test_other_fields_table_shows_unknown_keys(make_form):
    """Keys the schema does not know are listed with their values as YAML."""
    form, _ = make_form(Post.from_text(HOUSE_EXTRAS))
    table = form.other_fields
    assert table.keys() == ["author", "toc", "keywords", "meta"]
    texts = {key: table.value_text(table.row_of(key)) for key in table.keys()}
    assert texts == {"author": "김기자", "toc": "true", "keywords": "[시장, 골목]",
                     "meta": "{x: 1}"}
    assert form.editor("layout").line.text() == "post"


def test_editing_an_other_field_parses_yaml(make_form):
    """A new YAML value is parsed and written; only that key's line changes."""
    post = Post.from_text(HOUSE_EXTRAS)
    original = post.text()
    form, harness = make_form(post)
    table = form.other_fields
    table.table.item(table.row_of("keywords"), 1).setText("[시장, 골목, 재래시장]")
    assert harness.events == [("changed", "keywords", ["시장", "골목", "재래시장"])]
    removed, added = line_changes(original, post.text())
    assert removed == ["keywords: [시장, 골목]"]
    assert len(added) == 1 and added[0].startswith("keywords:") and "재래시장" in added[0]


def test_invalid_yaml_in_a_cell_emits_nothing(make_form):
    """Invalid YAML marks the cell with the reason and reports nothing."""
    post = Post.from_text(HOUSE_EXTRAS)
    original = post.text()
    form, harness = make_form(post)
    table = form.other_fields
    row = table.row_of("keywords")
    table.table.item(row, 1).setText("[시장, 골목")
    assert harness.events == []
    assert post.text() == original
    error = table.cell_error(row, 1)
    assert error and "YAML" in error
    assert table.table.item(row, 1).toolTip() == error
    # Fixing it clears the mark and reports the value.
    table.table.item(row, 1).setText("[시장]")
    assert table.cell_error(row, 1) is None
    assert harness.events == [("changed", "keywords", ["시장"])]


def test_other_fields_add_and_remove_rows(make_form):
    """A new row becomes a key once it has a name and a value; removing reports the key."""
    post = Post.from_text(HOUSE_EXTRAS)
    form, harness = make_form(post)
    table = form.other_fields
    row = table.add_row()
    table.table.item(row, 0).setText("title")
    assert table.cell_error(row, 0)  # the form already has a title field
    table.table.item(row, 0).setText("comments")
    assert harness.events == []  # waits for a value
    table.table.item(row, 1).setText("false")
    assert harness.events == [("changed", "comments", False)]
    assert post.get("comments") is False
    table.remove_row(table.row_of("author"))
    assert harness.events[-1] == ("removed", "author")
    assert "author" not in post.metadata
    assert table.keys() == ["toc", "keywords", "meta", "comments"]


# -- front matter source -----------------------------------------------------------------


def test_source_toggle_shows_the_yaml(make_form, house_post, qtbot):
    """The toggle swaps the fields for the front matter text itself."""
    form, _ = make_form(house_post)
    assert not form.is_showing_source()
    qtbot.mouseClick(form.source_toggle, Qt.MouseButton.LeftButton)
    assert form.is_showing_source()
    assert form.source_edit.toPlainText() == house_post.front_matter_text
    qtbot.mouseClick(form.source_toggle, Qt.MouseButton.LeftButton)
    assert not form.is_showing_source()


def test_invalid_source_shows_the_error_and_waits(make_form, house_post, qtbot):
    """Broken YAML shows line and column and disables the fields until it is fixed."""
    form, harness = make_form(house_post)
    form.show_source(True)
    good = house_post.front_matter_text
    broken = good.replace("categories:\n", "categories: [News\n", 1)
    with qtbot.waitSignal(form.sourceChanged, timeout=2000):
        form.source_edit.setPlainText(broken)
    error = house_post.yaml_error
    assert error is not None
    assert not form.error_banner.isHidden()
    assert f"line {error.line}, column {error.column}" in form.error_banner.text()
    assert not form.fields_widget.isEnabled()

    fixed = good.replace("title: 동네", "title: 우리 동네", 1)
    with qtbot.waitSignal(form.sourceChanged, timeout=2000):
        form.source_edit.setPlainText(fixed)
    assert house_post.yaml_error is None
    assert form.error_banner.isHidden()
    assert form.fields_widget.isEnabled()
    assert form.editor("title").line.text().startswith("우리 동네")
    assert [e[0] for e in harness.events] == ["source", "source"]


def test_a_post_with_broken_yaml_opens_in_source(make_form):
    """Opening a post whose front matter is broken shows the source and the error."""
    post = Post.from_text("---\ntitle: [broken\n---\nbody\n")
    form, _ = make_form(post)
    assert form.is_showing_source()
    assert "line" in form.error_banner.text() and not form.error_banner.isHidden()
    assert not form.fields_widget.isEnabled()


def test_field_edits_show_up_in_the_source(make_form, house_post, qtbot):
    """The source text follows edits made in the fields."""
    form, _ = make_form(house_post)
    chips = form.editor("tags")
    type_korean(chips.input, "도서관")
    qtbot.keyClick(chips.input, Qt.Key.Key_Return)
    assert form.source_edit.toPlainText() == house_post.front_matter_text
    assert "도서관" in form.source_edit.toPlainText()


# -- refresh -----------------------------------------------------------------------------


def test_refresh_emits_nothing_and_spares_the_focused_widget(make_form, house_post, qtbot):
    """refresh() updates other widgets silently and leaves the one being typed in alone."""
    form, harness = make_form(house_post)
    title = form.editor("title").line
    focus(qtbot, form, title)
    title.setText("쓰는 중인 제목")  # what the writer has typed so far
    house_post.set("title", "다른 곳에서 바뀐 제목")
    house_post.set("layout", "wide")
    house_post.set("tags", ["a", "b"])
    house_post.set("author", "someone")
    house_post.set("excerpt", "바뀐 요약\n")
    house_post.set("date", dt.date(2024, 2, 3))
    house_post.set("published", False)
    form.refresh(house_post)
    qtbot.wait(500)  # longer than the typing pause: nothing may be reported late either
    assert harness.events == []
    assert title.text() == "쓰는 중인 제목"
    assert form.editor("layout").line.text() == "wide"
    assert form.editor("tags").items() == ["a", "b"]
    assert form.editor("excerpt").shown_text() == "바뀐 요약"
    assert form.editor("date").date_edit.date() == QDate(2024, 2, 3)
    assert form.editor("published").current_value() is False
    assert form.other_fields.keys() == ["author"]


def test_flush_pending_reports_typing_at_once(make_form, house_post):
    """flush_pending() reports text still waiting for the typing pause (before a save)."""
    form, harness = make_form(house_post)
    form.editor("layout").line.setText("wide")
    form.editor("layout").line.textEdited.emit("wide")
    form.show_source(True)
    form.flush_pending()
    assert harness.events == [("changed", "layout", "wide")]
    assert house_post.get("layout") == "wide"


def test_flush_pending_invents_nothing(make_form):
    """Flushing a form whose post lacks a title and excerpt adds no keys."""
    post = Post.from_text("---\nlayout: post\n---\nbody\n")
    original = post.text()
    form, harness = make_form(post)
    form.flush_pending()
    assert harness.events == []
    assert post.text() == original
    assert form.editor("title").has_error()


def test_a_new_post_replaces_the_old_one(make_form, house_post, fixtures_dir):
    """set_post with another post refills every field and forgets unfinished rows."""
    form, _ = make_form(Post.from_text(HOUSE_EXTRAS))
    form.other_fields.add_row()
    form.set_post(house_post)
    assert form.editor("title").line.text() == house_post.title
    assert form.editor("permalink").line.text() == ""
    assert form.other_fields.table.rowCount() == 0
    assert form.editor("feature_text").is_same()


def test_skipped_widget_catches_up_when_left(make_form, house_post, qtbot):
    """A field skipped while focused shows the document's value once the writer leaves it."""
    form, harness = make_form(house_post)
    layout = form.editor("layout").line
    focus(qtbot, form, layout)
    house_post.set("layout", "wide")
    form.refresh(house_post)
    assert layout.text() == ""
    form.editor("permalink").line.setFocus()
    qtbot.waitUntil(lambda: layout.text() == "wide", timeout=2000)
    assert harness.events == []


def test_refresh_spares_the_focused_source(make_form, house_post, qtbot):
    """The source editor is not replaced while the writer types in it."""
    form, _ = make_form(house_post)
    form.show_source(True)
    focus(qtbot, form, form.source_edit)
    text = form.source_edit.toPlainText()
    house_post.set("layout", "wide")
    form.refresh(house_post)
    assert form.source_edit.toPlainText() == text
    form.source_toggle.setFocus()
    qtbot.waitUntil(lambda: "layout: wide" in form.source_edit.toPlainText(), timeout=2000)


# -- site schema -------------------------------------------------------------------------


def test_site_schema_adds_a_field(make_form, tmp_path):
    """A site's _article-editor/schema.yaml adds a field that leaves the other-fields table."""
    schema = tmp_path / SITE_SCHEMA
    schema.parent.mkdir()
    schema.write_text("extends: default\nfields:\n"
                      "  - {key: author, label: Author, widget: line}\n", encoding="utf-8")
    post = Post.from_text(HOUSE_EXTRAS)
    form, harness = make_form(post, site_root=tmp_path)
    assert form.schema_warning is None and form.schema_banner.isHidden()
    assert form.editor("author").line.text() == "김기자"
    assert form.label("author").text() == "Author"
    assert "author" not in form.other_fields.keys()
    line = form.editor("author").line
    line.setText("박기자")
    line.editingFinished.emit()
    assert harness.events == [("changed", "author", "박기자")]


def test_broken_site_schema_falls_back_with_a_warning(make_form, tmp_path):
    """A broken site schema is reported and the bundled fields are used."""
    schema = tmp_path / SITE_SCHEMA
    schema.parent.mkdir()
    schema.write_text("fields:\n  - {key: author, widget: slider}\n", encoding="utf-8")
    form, _ = make_form(Post.from_text(HOUSE_EXTRAS), site_root=tmp_path)
    assert form.schema_warning is not None and form.schema_warning.key == "author"
    assert not form.schema_banner.isHidden()
    assert "slider" in form.schema_banner.text()
    assert form.editor("title") is not None and form.editor("author") is None
    assert "author" in form.other_fields.keys()


# -- image -------------------------------------------------------------------------------


def write_png(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#215385"))
    assert image.save(str(path))


def test_image_offline_shows_a_placeholder(make_form, house_post):
    """Offline, a web image is not fetched and the thumbnail says so."""
    form, _ = make_form(house_post)
    image = form.editor("image")
    assert image.state == "offline"
    assert image.thumbnail.pixmap().isNull()
    assert "Offline" in image.thumbnail.text()


def test_image_local_file_thumbnail(make_form, tmp_path):
    """A site-absolute path is read from the site folder and shown as a thumbnail."""
    write_png(tmp_path / "assets" / "pic.png")
    post = Post.from_text("---\ntitle: t\nimage: /assets/pic.png\n---\n")
    form, _ = make_form(post, site_root=tmp_path)
    image = form.editor("image")
    assert image.state == "local"
    assert not image.thumbnail.pixmap().isNull()


def test_image_chosen_file_is_written_site_absolute(make_form, tmp_path):
    """A file picked inside the site is written as /path from the site root."""
    write_png(tmp_path / "assets" / "new.png")
    post = Post.from_text("---\ntitle: t\n---\n")
    form, harness = make_form(post, site_root=tmp_path)
    form.editor("image").use_file(tmp_path / "assets" / "new.png")
    assert harness.events == [("changed", "image", "/assets/new.png")]
    assert form.editor("image").state == "local"


def test_image_web_thumbnail_is_fetched_when_online(make_form, tmp_path, qtbot):
    """Online, a web image is downloaded (from a local server here) and shown."""
    write_png(tmp_path / "pic.png")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/pic.png"
        post = Post.from_text(f"---\ntitle: t\nimage: '{url}'\n---\n")
        form = FrontMatterForm()
        qtbot.addWidget(form)
        form.set_post(post)
        image = form.editor("image")
        qtbot.waitUntil(lambda: image.state == "remote", timeout=5000)
        assert not image.thumbnail.pixmap().isNull()
    finally:
        server.shutdown()
        server.server_close()


def test_a_list_title_is_shown_as_text_flagged_and_kept(make_form, qtbot):
    """``title: [a]`` shows "a" with a warning; leaving the field untouched keeps the list."""
    post = Post.from_text("---\ntitle: [a]\nexcerpt: x\n---\nbody\n")
    original = post.text()
    form, harness = make_form(post)
    editor = form.editor("title")
    assert editor.line.text() == "a"
    assert editor.message.isVisible() and "list" in editor.message.text()
    editor.line.setFocus()
    editor.flush()
    form.editor("excerpt").text.setFocus()
    qtbot.wait(50)  # let the focus change run its flushes
    assert harness.events == [] and post.text() == original


def test_typing_in_a_list_title_replaces_it_with_text(make_form, qtbot):
    """Once the writer edits it, the title becomes text and the warning goes."""
    post = Post.from_text("---\ntitle: [a]\nexcerpt: x\n---\nbody\n")
    form, harness = make_form(post)
    line = form.editor("title").line
    line.end(False)
    qtbot.keyClicks(line, "b")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert ("changed", "title", "ab") in harness.events
    assert post.get("title") == "ab"
    assert not form.editor("title").message.isVisible()


def test_a_number_title_is_not_rewritten_by_leaving_the_field(make_form):
    """Tabbing through ``title: 2024`` does not turn it into the string '2024'."""
    post = Post.from_text("---\ntitle: 2024\nexcerpt: x\n---\nbody\n")
    original = post.text()
    form, harness = make_form(post)
    form.editor("title").flush()
    assert harness.events == [] and post.text() == original


def test_date_field_shows_the_file_name_date_when_front_matter_has_none(make_form, tmp_path,
                                                                        qtbot):
    """``_posts/2024-03-02-x.md`` without ``date:`` shows 2024-03-02, greyed, with a hint."""
    path = tmp_path / "_posts" / "2024-03-02-spring.md"
    path.parent.mkdir()
    path.write_text("---\ntitle: t\n---\nbody\n", encoding="utf-8")
    post = Post.load(path)
    original = post.text()
    form, harness = make_form(post)
    date = form.editor("date")
    assert date.date_edit.date() == QDate(2024, 3, 2)
    assert not date.enabled_box.isChecked() and not date.date_edit.isEnabled()
    assert date.note.isVisible() and "2024-03-02" in date.note.text()
    assert harness.events == [] and post.text() == original
    # Ticking the box writes the date shown.
    qtbot.mouseClick(date.enabled_box, Qt.MouseButton.LeftButton)
    assert harness.events == [("changed", "date", dt.date(2024, 3, 2))]
    assert not date.note.isVisible()


def test_a_front_matter_date_wins_over_the_file_name(make_form, tmp_path):
    """With ``date:`` written, the field shows it and no file-name hint."""
    path = tmp_path / "_posts" / "2024-03-02-spring.md"
    path.parent.mkdir()
    path.write_text("---\ntitle: t\ndate: 2024-05-06\n---\nbody\n", encoding="utf-8")
    form, _ = make_form(Post.load(path))
    date = form.editor("date")
    assert date.date_edit.date() == QDate(2024, 5, 6)
    assert not date.note.isVisible()
