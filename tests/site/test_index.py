"""Tests for the site index: one row per post or draft, robust, re-reading only changes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor.site import index as index_module
from editor.site.index import SiteIndex, jekyll_list


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    write(root / "_config.yml", "title: t\n")
    write(root / "_posts" / "2024-03-05-spring.md",
          "---\ntitle: 봄 소식\ncategories: [Life, 정원]\ntags: garden 허브\n---\n"
          "<p>베란다에 <b>허브를</b> 심었다.</p>\n\nSecond paragraph here.\n")
    write(root / "_posts" / "2024-04-01-dated.md",
          "---\ntitle: Dated\ndate: 2024-04-02 09:30:00 +0900\ncategory: Big News\n"
          "tags:\n  - one\n  - two\npublished: false\n---\nText.\n")
    write(root / "_posts" / "2024-05-01-no-title.md", "---\nlayout: post\n---\nJust words.\n")
    write(root / "_drafts" / "idea.md", "---\ntitle: An idea\n---\n![](missing.png)\n")
    write(root / "_drafts" / "broken.md", "---\ntitle: [unclosed\ntags: a\n---\nBody\n")
    write(root / "_posts" / "notes.txt", "not a post\n")
    return root


def by_path(rows):
    return {row.path: row for row in rows}


def test_rows_read_the_front_matter_as_jekyll_does(site):
    rows = by_path(SiteIndex(site).rows())
    assert set(rows) == {"_posts/2024-03-05-spring.md", "_posts/2024-04-01-dated.md",
                         "_posts/2024-05-01-no-title.md", "_drafts/idea.md",
                         "_drafts/broken.md"}
    spring = rows["_posts/2024-03-05-spring.md"]
    assert (spring.title, spring.date, spring.categories, spring.tags) == (
        "봄 소식", "2024-03-05", ("Life", "정원"), ("garden", "허브"))
    assert (spring.draft, spring.state, spring.words, spring.invalid) == (
        False, "published", 6, None)
    dated = rows["_posts/2024-04-01-dated.md"]
    assert dated.date.startswith("2024-04-02")
    assert (dated.categories, dated.tags, dated.state) == (("Big News",), ("one", "two"),
                                                           "unpublished")
    assert rows["_posts/2024-05-01-no-title.md"].title == "no-title"
    idea = rows["_drafts/idea.md"]
    assert (idea.draft, idea.state, idea.date) == (True, "draft", None)


def test_invalid_front_matter_gives_a_marked_row_and_the_file_is_untouched(site):
    broken = site / "_drafts" / "broken.md"
    before = broken.read_bytes(), broken.stat().st_mtime_ns
    row = by_path(SiteIndex(site).add_checks())["_drafts/broken.md"]
    assert row.invalid is not None and "line 3" in row.invalid
    assert (row.title, row.draft, row.errors) == ("broken", True, 1)
    assert (broken.read_bytes(), broken.stat().st_mtime_ns) == before


def test_checklist_counts_come_from_the_publish_checklist(site):
    index = SiteIndex(site)
    assert all(row.errors is None for row in index.rows())
    rows = by_path(index.add_checks())
    idea = rows["_drafts/idea.md"]  # no excerpt (warning), image without source file/alt
    assert (idea.errors, idea.warnings) == (1, 2)
    no_title = rows["_posts/2024-05-01-no-title.md"]
    assert no_title.errors == 1
    assert by_path(index.rows())["_drafts/idea.md"].errors == 1  # kept with the row


def test_listing_again_rereads_only_changed_files(site, monkeypatch):
    index = SiteIndex(site)
    index.rows()
    read = []
    original = index_module.read_rows
    monkeypatch.setattr(index_module, "read_rows",
                        lambda paths, root: read.extend(p.name for p in paths)
                        or original(paths, root))
    assert len(index.rows()) == 5
    assert read == []
    spring = site / "_posts" / "2024-03-05-spring.md"
    spring.write_text(spring.read_text("utf-8").replace("봄 소식", "여름 소식"), "utf-8")
    stat = spring.stat()
    os.utime(spring, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    rows = by_path(index.rows())
    assert read == ["2024-03-05-spring.md"]
    assert rows["_posts/2024-03-05-spring.md"].title == "여름 소식"
    (site / "_drafts" / "idea.md").unlink()
    assert "_drafts/idea.md" not in by_path(index.rows())


def test_a_category_folder_gives_its_posts_that_category(tmp_path):
    root = tmp_path / "site"
    write(root / "travel" / "_posts" / "2024-01-01-trip.md",
          "---\ntitle: Trip\ncategories: [Korea, travel]\n---\n")
    assert SiteIndex(root).rows()[0].categories == ("travel", "Korea")


def test_tricky_yaml_goes_to_the_careful_parser(tmp_path):
    root = tmp_path / "site"
    write(root / "_posts" / "2024-01-01-dup.md", "---\ntitle: a\ntitle: b\n---\n")
    write(root / "_posts" / "2024-01-03-date.md",
          "---\ntitle: D\nexcerpt: x\ndate: 2024-13-45\n---\n")
    write(root / "_posts" / "2024-01-02-alias.md",
          "---\nbase: &b [x, y]\ncategories: *b\ntitle: Alias\n---\n")
    rows = by_path(SiteIndex(root).rows())
    assert rows["_posts/2024-01-01-dup.md"].invalid is not None
    assert rows["_posts/2024-01-02-alias.md"].categories == ("x", "y")
    assert rows["_posts/2024-01-03-date.md"].invalid.endswith("Month must be in 1..12")


def test_undecodable_file_is_a_marked_row(tmp_path):
    root = tmp_path / "site"
    path = root / "_posts" / "2024-01-01-binary.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00\x01\x02binary")
    row = SiteIndex(root).rows()[0]
    assert row.invalid and row.date == "2024-01-01"


@pytest.mark.parametrize(("data", "expected"), [
    ({"categories": "a b"}, ["a", "b"]),
    ({"categories": ["a b", None, 3]}, ["a b", "3"]),
    ({"category": "a b", "categories": ["c"]}, ["a b"]),
    ({"categories": None}, []),
])
def test_jekyll_list(data, expected):
    assert jekyll_list(data, "category", "categories") == expected
