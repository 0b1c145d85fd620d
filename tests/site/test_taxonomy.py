"""Tests for site-wide category/tag renames: only the value's lines change, byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.site.taxonomy import apply_plan, plan_rename, renamed_value, undo_plan

FLOW = ("---\n# kept comment\ntitle: 흐름 목록\ncategories: [글쓰기, \"도구\", 'a: b']  # mine\n"
        "excerpt: >\n  요약 문장.\ndate: 2024-01-01\n---\n<p>categories: [글쓰기]</p>\n")
BLOCK = ("---\ntitle: Block\ncategories:\n  - \"도구\"\n  - 글쓰기   # main one\n"
         "  - 'Life'\ntags: [x]\n---\nBody mentions 글쓰기.\n")
SINGULAR = "---\ntitle: Singular\ncategory: 글쓰기\nlayout: post\n---\nBody\n"
SPACED = "---\ntitle: Spaced\ntags: \"jekyll  글쓰기 blog\"\ncategories: 글쓰기 other\n---\n"
CRLF_BOM = "\ufeff---\r\ntitle: 윈도\r\ncategories:\r\n- 글쓰기\r\n- 일상\r\n---\r\n본문\r\n"
INVALID = "---\ntitle: [broken\ncategories: [글쓰기]\n---\nBody\n"
UNRELATED = "---\ntitle: Other\ncategories: [Life]\n---\n글쓰기\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture
def site(tmp_path: Path) -> dict[str, Path]:
    root = tmp_path / "site"
    files = {
        "flow": write(root / "_posts" / "2024-01-01-flow.md", FLOW),
        "block": write(root / "_posts" / "2024-01-02-block.md", BLOCK),
        "singular": write(root / "_posts" / "2024-01-03-singular.html", SINGULAR),
        "spaced": write(root / "_posts" / "2024-01-04-spaced.md", SPACED),
        "crlf": write(root / "_drafts" / "crlf.md", CRLF_BOM),
        "invalid": write(root / "_drafts" / "invalid.md", INVALID),
        "unrelated": write(root / "_posts" / "2024-01-05-unrelated.md", UNRELATED),
    }
    files["root"] = root
    return files


def snapshot(site: dict[str, Path]) -> dict[str, bytes]:
    return {name: path.read_bytes() for name, path in site.items() if name != "root"}


def changed_lines(before: bytes, after: bytes) -> list[tuple[str, str]]:
    """Pairs of (old line, new line) that differ; the files must keep their line count."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(old) == len(new)
    return [(a.decode(), b.decode()) for a, b in zip(old, new, strict=True) if a != b]


def test_rename_category_changes_only_that_value_in_each_file(site):
    before = snapshot(site)
    plan = plan_rename(site["root"], "category", "글쓰기", "에세이")
    assert sorted(c.relative for c in plan.changes) == [
        "_drafts/crlf.md", "_posts/2024-01-01-flow.md", "_posts/2024-01-02-block.md",
        "_posts/2024-01-03-singular.html", "_posts/2024-01-04-spaced.md"]
    assert plan.invalid and plan.invalid[0][0] == "_drafts/invalid.md"
    assert snapshot(site) == before  # planning writes nothing

    result = apply_plan(plan)
    assert sorted(result.written) == sorted(c.relative for c in plan.changes)
    after = snapshot(site)
    assert changed_lines(before["flow"], after["flow"]) == [(
        "categories: [글쓰기, \"도구\", 'a: b']  # mine\n",
        "categories: [에세이, \"도구\", 'a: b']  # mine\n")]
    assert changed_lines(before["block"], after["block"]) == [
        ("  - 글쓰기   # main one\n", "  - 에세이   # main one\n")]
    assert changed_lines(before["singular"], after["singular"]) == [
        ("category: 글쓰기\n", "category: 에세이\n")]
    assert changed_lines(before["spaced"], after["spaced"]) == [
        ("categories: 글쓰기 other\n", "categories: 에세이 other\n")]
    assert changed_lines(before["crlf"], after["crlf"]) == [
        ("- 글쓰기\r\n", "- 에세이\r\n")]
    assert after["crlf"].startswith("\ufeff".encode())
    assert after["invalid"] == before["invalid"]
    assert after["unrelated"] == before["unrelated"]


def test_plan_shows_before_and_after_lines_with_file_line_numbers(site):
    plan = plan_rename(site["root"], "category", "글쓰기", "에세이")
    block = next(c for c in plan.changes if c.relative.endswith("block.md"))
    assert [(h.line, h.before, h.after) for h in block.hunks] == [
        (5, ("  - 글쓰기   # main one",), ("  - 에세이   # main one",))]


def test_rename_tag_keeps_the_spacing_of_a_string(site):
    before = snapshot(site)
    apply_plan(plan_rename(site["root"], "tag", "글쓰기", "writing"))
    assert changed_lines(before["spaced"], snapshot(site)["spaced"]) == [
        ('tags: "jekyll  글쓰기 blog"\n', 'tags: "jekyll  writing blog"\n')]
    # categories named 글쓰기 are not tags
    assert snapshot(site)["flow"] == before["flow"]


def test_the_reverse_rename_gives_back_every_byte(site):
    before = snapshot(site)
    apply_plan(plan_rename(site["root"], "category", "글쓰기", "Essays: long"))
    assert snapshot(site) != before
    back = plan_rename(site["root"], "category", "Essays: long", "글쓰기")
    apply_plan(back)
    assert snapshot(site) == before


def test_undo_puts_back_the_exact_bytes_even_after_a_merge(site):
    before = snapshot(site)
    plan = plan_rename(site["root"], "category", "도구", "글쓰기")  # merge into 글쓰기
    apply_plan(plan)
    after = snapshot(site)
    # the merged item's line goes; the others stay as written
    assert after["block"] == before["block"].replace('  - "도구"\n'.encode(), b"")
    result = undo_plan(plan)
    assert sorted(result.written) == sorted(c.relative for c in plan.changes)
    assert snapshot(site) == before


def test_a_merge_removes_the_old_name_where_the_new_one_is_already_there(site):
    before = snapshot(site)
    apply_plan(plan_rename(site["root"], "category", "도구", "글쓰기"))
    assert changed_lines(before["flow"], snapshot(site)["flow"]) == [(
        "categories: [글쓰기, \"도구\", 'a: b']  # mine\n",
        "categories: [글쓰기, 'a: b']  # mine\n")]


def test_a_merge_of_the_last_flow_item_takes_its_comma(tmp_path):
    path = write(tmp_path / "_posts" / "2024-01-01-a.md", "---\ntags: [x, y,  z ]\n---\n")
    apply_plan(plan_rename(tmp_path, "tag", "z", "x"))
    assert path.read_text("utf-8") == "---\ntags: [x, y ]\n---\n"


def test_files_changed_after_the_plan_are_left_alone(site):
    plan = plan_rename(site["root"], "category", "글쓰기", "에세이")
    site["block"].write_text(BLOCK + "more\n", encoding="utf-8")
    result = apply_plan(plan)
    assert ("_posts/2024-01-02-block.md",
            "changed on disk since the plan; left as it is") in result.failed
    assert site["block"].read_text("utf-8") == BLOCK + "more\n"


def test_a_name_with_a_space_cannot_go_into_a_string_jekyll_splits(site):
    plan = plan_rename(site["root"], "category", "글쓰기", "long name")
    assert [path for path, _ in plan.skipped] == ["_posts/2024-01-04-spaced.md"]
    assert any(c.relative.endswith("flow.md") for c in plan.changes)


def test_same_name_is_no_change_and_empty_names_are_refused(site):
    assert plan_rename(site["root"], "tag", "x", "x").changes == []
    with pytest.raises(ValueError):
        plan_rename(site["root"], "tag", " ", "x")


@pytest.mark.parametrize(("value", "plural", "expected"), [
    (["a", "b"], True, ["n", "b"]),
    (["a", "n"], True, ["n"]),
    (["a", "a"], True, ["n"]),
    ("a b", True, "n b"),
    ("a n", True, "n"),
    ("a b", False, None),
    ("a", False, "n"),
    (["b"], True, None),
    (None, True, None),
])
def test_renamed_value(value, plural, expected):
    assert renamed_value(value, "a", "n", plural=plural) == expected
