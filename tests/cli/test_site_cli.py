"""Tests for ``article-editor site`` and ``check --spelling``: output, JSON and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.authoring.spelling import IgnoredWords
from editor.cli.main import main


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    write(root / "_config.yml", "title: t\n")
    write(root / "_posts" / "2024-02-01-garden.md",
          "---\ntitle: 정원 일기\ncategories:\n  - Life\n  - '정원'\ntags: [허브, spring]\n"
          "excerpt: 짧은 요약.\n---\n베란다에서 허브를 키운다.\n")
    write(root / "_posts" / "2024-03-01-tools.md",
          "---\ntitle: Tools\ncategory: Life\nexcerpt: Tools I use.\n---\nSome words here.\n")
    write(root / "_drafts" / "next.md", "---\ntitle: Next\ntags: spring 초안\n---\nDraft.\n")
    return root


def test_site_table(site, capsys):
    assert main(["site", str(site)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:4] == ["STATE", "DATE", "WORDS", "CHECKS"]
    garden = next(line for line in out if "garden" in line)
    assert garden.split()[:5] == ["published", "2024-02-01", "3", "0E", "0W"]
    assert "정원 일기" in garden and "[Life, 정원]" in garden and "#허브 #spring" in garden
    draft = next(line for line in out if "_drafts/next.md" in line)
    assert draft.startswith("draft") and "1W" in draft


def test_site_table_without_checks(site, capsys):
    assert main(["site", str(site), "--no-checks"]) == 0
    garden = next(line for line in capsys.readouterr().out.splitlines() if "garden" in line)
    assert garden.split()[:4] == ["published", "2024-02-01", "3", "-"]


def test_site_json(site, capsys):
    assert main(["site", str(site), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rows = {row["path"]: row for row in data["posts"]}
    assert rows["_posts/2024-03-01-tools.md"]["categories"] == ["Life"]
    assert rows["_drafts/next.md"]["tags"] == ["spring", "초안"]
    assert rows["_drafts/next.md"]["state"] == "draft"
    assert rows["_posts/2024-02-01-garden.md"]["errors"] == 0


def test_site_with_an_invalid_file_lists_it_and_exits_1(site, capsys):
    bad = write(site / "_drafts" / "bad.md", "---\ntitle: [oops\n---\n")
    assert main(["site", str(site)]) == 1
    captured = capsys.readouterr()
    assert "invalid" in next(line for line in captured.out.splitlines() if "bad.md" in line)
    assert f"{bad}: invalid front matter: line 3" in captured.err
    assert bad.read_text("utf-8") == "---\ntitle: [oops\n---\n"


def test_rename_dry_run_writes_nothing(site, capsys):
    before = {p: p.read_bytes() for p in site.rglob("*.md")}
    assert main(["site", str(site), "rename-category", "Life", "일상", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "_posts/2024-02-01-garden.md\n     4 -   - Life\n       +   - 일상\n" in out
    assert "     3 - category: Life\n       + category: 일상\n" in out
    assert out.rstrip().endswith("category 'Life' -> '일상': would change 2 file(s)")
    assert {p: p.read_bytes() for p in site.rglob("*.md")} == before


def test_rename_tag_writes_and_the_reverse_undoes_it(site, capsys):
    before = {p: p.read_bytes() for p in site.rglob("*.md")}
    assert main(["site", str(site), "rename-tag", "spring", "봄"]) == 0
    assert "changed 2 file(s)" in capsys.readouterr().out
    assert (site / "_drafts" / "next.md").read_text("utf-8").startswith(
        "---\ntitle: Next\ntags: 봄 초안\n")
    assert main(["site", str(site), "rename-tag", "봄", "spring", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(data["written"]) == ["_drafts/next.md", "_posts/2024-02-01-garden.md"]
    assert {p: p.read_bytes() for p in site.rglob("*.md")} == before


def test_rename_leaves_invalid_files_and_exits_1(site, capsys):
    bad = write(site / "_posts" / "2024-04-01-bad.md", "---\ntags: [spring\n---\n")
    assert main(["site", str(site), "rename-tag", "spring", "봄"]) == 1
    captured = capsys.readouterr()
    assert "changed 2 file(s)" in captured.out
    assert f"{bad}: left unchanged: invalid front matter" in captured.err
    assert bad.read_text("utf-8") == "---\ntags: [spring\n---\n"


@pytest.mark.parametrize("argv", [
    ["site"],
    ["site", "DIR", "rename-tag", "only-old"],
    ["site", "DIR", "rename-everything", "a", "b"],
    ["site", "DIR", "--dry-run"],
    ["site", "DIR", "rename-tag", "a", " "],
    ["site", "DIR", "rename-tag", "a", "b", "--no-checks"],
])
def test_site_usage_errors_exit_2(argv, site, capsys):
    argv = [str(site) if arg == "DIR" else arg for arg in argv]
    assert main(argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_site_of_a_missing_folder_exits_1(tmp_path, capsys):
    assert main(["site", str(tmp_path / "nowhere")]) == 1
    assert "no such folder" in capsys.readouterr().err


# --- check --spelling --------------------------------------------------------------------------

SPELLING_POST = ("---\ntitle: 맞춤법 Recieve\nexcerpt: 요약.\n---\n"
                 "<p>이 문장은 괜찮다.</p>\n"
                 "<p>일이 잘 됬다, and definately <code>wierd</code>.</p>\n")


def test_check_spelling_prints_line_and_column(tmp_path, capsys):
    path = write(tmp_path / "post.md", SPELLING_POST)
    assert main(["check", str(path), "--spelling"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(" (did you mean")[0] for line in lines] == [
        f"{path}:2:12: warning: Unknown word 'Recieve'",
        f"{path}:6:9: warning: Unknown word '됬다'",
        f"{path}:6:17: warning: Unknown word 'definately'",
    ]
    assert "Receive" in lines[0]


def test_check_spelling_json(tmp_path, capsys):
    path = write(tmp_path / "post.md", SPELLING_POST)
    assert main(["check", str(path), "--spelling", "--json"]) == 0
    problems = json.loads(capsys.readouterr().out)["problems"]
    spelling = [p for p in problems if p.get("kind") == "spelling"]
    assert [(p["word"], p["line"], p["column"], p["language"]) for p in spelling] == [
        ("Recieve", 2, 12, "en_US"), ("됬다", 6, 9, "ko"), ("definately", 6, 17, "en_US")]
    assert "됐다" in spelling[1]["suggestions"]


def test_check_without_spelling_says_nothing_about_words(tmp_path, capsys):
    path = write(tmp_path / "post.md", SPELLING_POST)
    assert main(["check", str(path)]) == 0
    assert "Unknown word" not in capsys.readouterr().out


def test_check_spelling_uses_the_personal_word_list(tmp_path, capsys, monkeypatch):
    config = tmp_path / "config"
    monkeypatch.setenv("ARTICLE_EDITOR_CONFIG_DIR", str(config))
    write(config / "personal-words.txt", "definately\n")
    path = write(tmp_path / "post.md", SPELLING_POST)
    IgnoredWords().add(path, "됬다")
    main(["check", str(path), "--spelling"])
    out = capsys.readouterr().out
    assert "definately" not in out and "됬다" not in out and "Recieve" in out


def test_check_spelling_without_dictionaries_says_what_to_install(tmp_path, capsys,
                                                                  monkeypatch):
    from editor.authoring import spelling

    def no_enchant():
        raise spelling.SpellingUnavailable(f"Spelling needs Enchant: {spelling.INSTALL_HINT}")

    monkeypatch.setattr(spelling, "_enchant", no_enchant)
    path = write(tmp_path / "post.md", SPELLING_POST)
    assert main(["check", str(path), "--spelling"]) == 1
    captured = capsys.readouterr()
    assert "hunspell-ko" in captured.err and "Traceback" not in captured.err


def test_check_spelling_warns_about_a_language_without_dictionary(tmp_path, capsys):
    path = write(tmp_path / "post.md", "---\ntitle: Un titre\nlang: fr\n---\nUne phrase "
                 "écrite en français, et 됬다.\n")
    assert main(["check", str(path), "--spelling"]) == 0
    captured = capsys.readouterr()
    assert "no dictionary for 'fr'" in captured.err
    assert [line.split(" (")[0].split(": ", 1)[1] for line in captured.out.splitlines()
            if "Unknown word" in line] == ["warning: Unknown word '됬다'"]


def test_site_help_and_the_command_list(capsys):
    assert main(["site", "--help"]) == 0
    out = capsys.readouterr().out
    assert "article-editor site" in out and "rename-category OLD NEW" in out
    assert main(["--help"]) == 0
    assert "  site " in capsys.readouterr().out
