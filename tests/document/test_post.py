"""The post model: opening, splitting, lossless edits and saving real-world post files."""

from __future__ import annotations

import datetime
import difflib
import shutil
from pathlib import Path

import pytest

from editor.document.post import Post, PostError, SaveError, YamlError

REAL_WORLD = sorted((Path(__file__).parents[1] / "fixtures" / "real-world").iterdir())


def changed_lines(before: bytes, after: bytes, encoding: str = "utf-8") -> list[str]:
    """The lines removed from ``before`` (prefixed '-') and added in ``after`` ('+')."""
    diff = difflib.ndiff(before.decode(encoding).splitlines(True),
                         after.decode(encoding).splitlines(True))
    return [line for line in diff if line[:1] in "+-"]


@pytest.mark.parametrize("path", REAL_WORLD, ids=lambda p: p.name)
def test_real_world_posts_round_trip(path):
    """Every collected post saves back byte for byte without an edit."""
    post = Post.load(path)
    assert post.yaml_error is None
    assert post.to_bytes() == path.read_bytes()


@pytest.mark.parametrize(
    "path", [p for p in REAL_WORLD if p.name != "no-front-matter.md"], ids=lambda p: p.name)
def test_real_world_title_edit_touches_one_line(path):
    """Changing the title of any collected post changes only the title's lines."""
    post = Post.load(path)
    before = post.to_bytes()
    post.set("title", "새 제목")
    diff = changed_lines(before, post.to_bytes(), post.encoding.replace("utf-8", "utf-8-sig"))
    assert post.get("title") == "새 제목"
    added = [d for d in diff if d.startswith("+")]
    assert len(added) == 1 and added[0].startswith("+ title: ") and "새 제목" in added[0]
    removed = [d for d in diff if d.startswith("-")]
    assert removed[:1] == [] or removed[0].startswith("- title:")
    assert len(removed) <= 2  # a title wrapped over two lines goes as a whole


def test_house_post_fields_and_format(fixtures_dir):
    """The house-style fixture opens as HTML with its fields read, body after the fences."""
    post = Post.load(fixtures_dir / "house-post.md")
    assert post.format == "html"
    assert post.get("categories") == ["News"]
    assert post.get("excerpt").endswith("!\n")
    assert post.body_start_line == 11
    assert post.text().splitlines()[post.body_start_line - 1] == post.body.splitlines()[0]
    assert post.field_line("image") == 9


def test_markdown_fixture_detected(fixtures_dir):
    """A Markdown body stays Markdown, and dates come back as dates."""
    post = Post.load(fixtures_dir / "plain-markdown.md")
    assert post.format == "markdown"
    assert post.get("date") == datetime.date(2024, 3, 9)
    assert post.get("published") is False


def test_folded_excerpt_edit_stays_folded(fixtures_dir):
    """Editing a '>' excerpt writes a '>' block again, in place, with only its line changed."""
    path = fixtures_dir / "house-post.md"
    post = Post.load(path)
    post.set("excerpt", "바뀐 요약 문장입니다.")
    diff = changed_lines(path.read_bytes(), post.to_bytes())
    assert diff[0].startswith("-   시립") and diff[1] == "+   바뀐 요약 문장입니다.\n"
    assert len(diff) == 2
    assert "excerpt: >\n" in post.text()


def test_quoted_image_stays_single_quoted(fixtures_dir):
    """A single-quoted value stays single-quoted after a change."""
    post = Post.load(fixtures_dir / "house-post.md")
    post.set("image", "https://example.com/other.png")
    assert "image: 'https://example.com/other.png'\n" in post.text()


def test_add_and_remove_fields_keep_others(fixtures_dir):
    """Adding appends one line at the end; removing deletes only that field."""
    path = fixtures_dir / "house-post.md"
    post = Post.load(path)
    post.set("tags", ["도서관", "야간"])
    diff = changed_lines(path.read_bytes(), post.to_bytes())
    assert diff == ["+ tags:\n", "+   - 도서관\n", "+   - 야간\n"]
    post.unset("tags")
    post.unset("categories")
    diff = changed_lines(path.read_bytes(), post.to_bytes())
    assert diff == ["- categories:\n", "-   - News\n"]


def test_inline_comment_survives_value_change(fixtures_dir):
    """A comment after a value is kept when the value changes."""
    post = Post.load(fixtures_dir / "plain-markdown.md")
    post.set("published", True)
    assert "published: true  # still editing\n" in post.text()


def test_yaml_1_1_words_are_quoted_for_jekyll():
    """Strings Jekyll's YAML 1.1 would read as booleans or dates are quoted."""
    post = Post.new({"title": "x"})
    for word in ("yes", "off", "2024-05-01", "12:30"):
        post.set("layout", word)
        assert post.get("layout") == word
        assert f"layout: '{word}'" in post.text()


def test_invalid_yaml_is_a_value_with_position():
    """Broken YAML reports line and column in file coordinates and keeps the text."""
    text = "---\ntitle: ok\ncategories: [a, b\nimage: x\n---\nbody\n"
    post = Post.from_text(text)
    error = post.yaml_error
    assert error is not None and error.line >= 3 and error.column >= 1
    assert post.metadata == {}
    assert post.text() == text
    with pytest.raises(YamlError):
        post.set("title", "new")
    assert post.text() == text


def test_python_tags_are_refused_not_run(tmp_path):
    """A !!python tag is an error; nothing is executed."""
    marker = tmp_path / "ran"
    text = f"---\nx: !!python/object/apply:os.system ['touch {marker}']\n---\n"
    post = Post.from_text(text)
    assert post.yaml_error is not None
    assert "Python" in post.yaml_error.message
    assert not marker.exists()


def test_alias_bomb_fails_fast():
    """A billion-laughs front matter is refused quickly with a clear message."""
    import time

    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    text = "---\n" + "\n".join(lines) + "\n---\n"
    start = time.perf_counter()
    post = Post.from_text(text)
    error = post.yaml_error
    assert time.perf_counter() - start < 0.5
    assert error is not None and "alias" in error.message


def test_recursive_alias_is_an_error():
    """A value that contains itself is refused, not looped over."""
    post = Post.from_text("---\na: &x [1, *x]\n---\n")
    assert post.yaml_error is not None


def test_binary_and_undecidable_files_refused(tmp_path):
    """Binary data and bytes of no known encoding raise PostError naming the problem."""
    png = tmp_path / "photo.md"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(PostError, match="binary"):
        Post.load(png)
    latin = tmp_path / "latin.md"
    latin.write_bytes("---\ntitle: caf\xe9 cr\xe8me\n---\n".encode("latin-1"))
    with pytest.raises(PostError, match="not UTF-8"):
        Post.load(latin)
    with pytest.raises(PostError, match="does not exist"):
        Post.load(tmp_path / "missing.md")
    with pytest.raises(PostError, match="folder"):
        Post.load(tmp_path)


def test_legacy_korean_file_saved_back_in_its_encoding(tmp_path):
    """A CP949 post opens with a notice and an edit saves it as CP949 again."""
    source = Path(__file__).parents[1] / "fixtures" / "real-world" / "legacy-cp949.md"
    path = tmp_path / "old.md"
    shutil.copy(source, path)
    post = Post.load(path)
    assert post.encoding in ("cp949", "euc-kr")
    assert post.notices and "legacy Korean" in post.notices[0]
    post.set("title", "고친 제목")
    post.save()
    data = path.read_bytes()
    assert "고친 제목".encode("cp949") in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_legacy_file_refuses_unstorable_character_until_converted(tmp_path):
    """An emoji cannot be stored in CP949: saving says so, converting to UTF-8 fixes it."""
    path = tmp_path / "old.md"
    path.write_bytes("---\ntitle: 제목\n---\n본문\n".encode("cp949"))
    post = Post.load(path)
    post.body = "본문 🙂\n"
    with pytest.raises(SaveError, match="cannot store"):
        post.save()
    assert path.read_bytes() == "---\ntitle: 제목\n---\n본문\n".encode("cp949")
    post.convert_to_utf8()
    post.save()
    assert path.read_text("utf-8").endswith("본문 🙂\n")


def test_crlf_and_bom_preserved_through_edit(tmp_path):
    """Line endings and BOM stay as they were when a field changes."""
    path = tmp_path / "win.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\ntitle: a\r\ntags: [x]\r\n---\r\nbody\r\n")
    post = Post.load(path)
    post.set("tags", ["x", "z"])
    post.save()
    assert path.read_bytes() == b"\xef\xbb\xbf---\r\ntitle: a\r\ntags: [x, z]\r\n---\r\nbody\r\n"


def test_body_written_exactly_as_edited(tmp_path):
    """Whatever the body holds, it is written as is after the front matter."""
    post = Post.new({"title": "t"}, path=tmp_path / "p.md")
    body = "  leading spaces\n\n<p>trailing</p>   \n\n\n"
    post.body = body
    post.save()
    assert (tmp_path / "p.md").read_text("utf-8") == "---\ntitle: t\n---\n" + body


def test_empty_and_missing_front_matter():
    """'---' then '---' is an empty front matter; a file without fences has none."""
    empty = Post.from_text("---\n---\nhello\n")
    assert empty.has_front_matter and empty.metadata == {} and empty.body == "hello\n"
    none = Post.from_text("hello\n---\nworld\n")
    assert not none.has_front_matter and none.body == "hello\n---\nworld\n"
    none.set("title", "T")
    assert none.text() == "---\ntitle: T\n---\nhello\n---\nworld\n"


def test_front_matter_text_replacement_reparses():
    """Replacing the YAML text re-reads the values; the body is untouched."""
    post = Post.from_text("---\ntitle: a\n---\nbody\n")
    post.front_matter_text = "title: b\nextra: 1"
    assert post.get("title") == "b" and post.get("extra") == 1
    assert post.text() == "---\ntitle: b\nextra: 1\n---\nbody\n"


def test_set_text_splits_again():
    """Replacing the whole text splits it into front matter and body again."""
    post = Post.from_text("plain\n")
    post.set_text("---\ntitle: z\n---\n<p>x</p>\n")
    assert post.title == "z" and post.body == "<p>x</p>\n"


def test_save_without_path_is_an_error():
    """A new post with no file asks for a place instead of failing obscurely."""
    with pytest.raises(SaveError, match="choose where"):
        Post.new({"title": "x"}).save()
