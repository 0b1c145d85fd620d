"""Tests for editor.cli.main: every sub-command in-process, exit codes, the module entry point."""

from __future__ import annotations

import difflib
import json
import subprocess
import sys
import types
from datetime import date
from pathlib import Path

import pytest

from editor.cli import main as cli
from editor.cli.main import main
from editor.document.post import Post

SUBCOMMANDS = ["render", "get", "set", "new", "publish", "check"]

POST = (
    "---\n"
    "# the writer's comment stays\n"
    "title: 도서관 소식\n"
    "categories:\n"
    "  - News\n"
    "excerpt: >\n"
    "  밤에도 여는 도서관.\n"
    "date: 2024-05-01\n"
    "---\n"
    "<p>본문 <b><span style=\"color: #ee2323;\">강조</span></b></p>\n"
)


@pytest.fixture
def post_file(tmp_path: Path) -> Path:
    path = tmp_path / "post.md"
    path.write_text(POST, encoding="utf-8")
    return path


@pytest.fixture
def site_root(tmp_path: Path, monkeypatch) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "_config.yml").write_text("title: t\n", encoding="utf-8")
    monkeypatch.chdir(root)
    return root


# --- usage, help and the window -----------------------------------------------------------


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_has_help(command, capsys):
    """COMMAND --help prints its usage and exits 0."""
    assert main([command, "--help"]) == 0
    assert f"article-editor {command}" in capsys.readouterr().out


def test_top_level_help_lists_commands(capsys):
    """The window's --help mentions FILE and every sub-command."""
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "FILE" in out
    for command in SUBCOMMANDS:
        assert command in out


@pytest.mark.parametrize(
    "argv",
    [["get"], ["set", "x.md", "novalue"], ["new"], ["check", "a", "b"], ["render", "--theme"],
     ["--no-such-option"], ["new", "t", "--format", "pdf"], ["new", "t", "--date", "2024-02-30"]],
)
def test_wrong_usage_exits_2(argv, capsys):
    """Missing or malformed arguments are argparse errors: exit 2 with a usage message."""
    assert main(argv) == 2
    assert "usage:" in capsys.readouterr().err


def test_window_missing_message(monkeypatch, capsys):
    """Without editor.ui.shell.app the window command says so and exits 1, no traceback."""
    monkeypatch.setitem(sys.modules, "editor.ui.shell.app", None)
    assert main(["some.md"]) == 1
    assert capsys.readouterr().err.strip() == cli.WINDOW_MISSING


def test_window_receives_file_and_offline(monkeypatch):
    """FILE and --offline are passed to editor.ui.shell.app.run and its exit code is returned."""
    calls = []
    fake = types.ModuleType("editor.ui.shell.app")
    fake.run = lambda path, offline: calls.append((path, offline)) or 7
    monkeypatch.setitem(sys.modules, "editor.ui.shell.app", fake)
    assert main(["post.md", "--offline"]) == 7
    assert main([]) == 7
    assert main(["--", "get"]) == 7  # a post named like a command
    assert calls == [("post.md", True), (None, False), ("get", False)]


# --- get ----------------------------------------------------------------------------------


def test_get_prints_front_matter_as_json(post_file, capsys):
    """get FILE prints every field as JSON: Korean unescaped, dates as ISO strings."""
    assert main(["get", str(post_file)]) == 0
    out = capsys.readouterr().out
    assert "도서관 소식" in out
    assert json.loads(out) == {
        "title": "도서관 소식",
        "categories": ["News"],
        "excerpt": "밤에도 여는 도서관.\n",
        "date": "2024-05-01",
    }


def test_get_one_key(post_file, capsys):
    """Strings print raw, other values as JSON; a missing key is exit 1."""
    assert main(["get", str(post_file), "title"]) == 0
    assert capsys.readouterr().out == "도서관 소식\n"
    assert main(["get", str(post_file), "excerpt"]) == 0
    assert capsys.readouterr().out == "밤에도 여는 도서관.\n"
    assert main(["get", str(post_file), "categories"]) == 0
    assert capsys.readouterr().out == '["News"]\n'
    assert main(["get", str(post_file), "nope"]) == 1
    err = capsys.readouterr().err
    assert "nope" in err and len(err.strip().splitlines()) == 1


def test_file_problems_exit_1_without_traceback(tmp_path, capsys):
    """A missing file, a binary file or invalid YAML: one line on stderr, exit 1."""
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 20)
    broken = tmp_path / "broken.md"
    broken.write_text("---\ntitle: [oops\n---\nbody\n", encoding="utf-8")
    for argv in (["get", str(tmp_path / "missing.md")], ["get", str(binary)],
                 ["get", str(broken)], ["set", str(broken), "title=x"],
                 ["check", str(binary)], ["render", str(binary)]):
        assert main(argv) == 1, argv
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1, (argv, err)
        assert "Traceback" not in err


# --- set ----------------------------------------------------------------------------------


def test_set_changes_only_the_fields_lines(post_file, capsys):
    """set rewrites just the edited fields; comment, other fields and body stay byte-identical."""
    before = post_file.read_text(encoding="utf-8").splitlines(keepends=True)
    assert main(["set", str(post_file), "title=A: B 새 제목", "categories=[News, Korea]",
                 "published=false"]) == 0
    assert capsys.readouterr() == ("", "")
    after = post_file.read_text(encoding="utf-8").splitlines(keepends=True)
    post = Post.load(post_file)
    assert post.metadata["title"] == "A: B 새 제목"
    assert post.metadata["categories"] == ["News", "Korea"]
    assert post.metadata["published"] is False
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    ops = [(tag, i1, i2) for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal"]
    rewritten = {i for tag, i1, i2 in ops if tag != "insert" for i in range(i1, i2)}
    inserted_at = {i1 for tag, i1, _ in ops if tag == "insert"}
    assert 2 in rewritten and rewritten <= {2, 3, 4}  # title; categories may be rewritten
    assert inserted_at <= {5, 8}  # after the last category; at the end of the mapping
    assert after[:2] == before[:2]
    assert after[-1] == before[-1]


def test_set_reads_values_as_yaml(post_file):
    """Quoted values stay strings, dates become dates, unreadable plain text stays text."""
    assert main(["set", str(post_file), 'title="true"', "date=2025-01-02",
                 "author=@someone", "count=3"]) == 0
    post = Post.load(post_file)
    assert post.get("title") == "true"
    assert post.get("date") == date(2025, 1, 2)
    assert post.get("author") == "@someone"
    assert post.get("count") == 3


def test_set_same_value_is_byte_identical(post_file):
    """Setting a field to its current value leaves the file exactly as it was."""
    before = post_file.read_bytes()
    assert main(["set", str(post_file), "title=도서관 소식"]) == 0
    assert post_file.read_bytes() == before


def test_set_unset(post_file):
    """--unset removes only that field."""
    assert main(["set", str(post_file), "--unset", "date", "--unset", "absent"]) == 0
    post = Post.load(post_file)
    assert "date" not in post.metadata
    assert post.get("title") == "도서관 소식"
    assert post.body == Post.from_text(POST).body


def test_set_unreadable_flow_value_is_a_problem(post_file, capsys):
    """A value that starts like a YAML list but is broken is refused, the file untouched."""
    before = post_file.read_bytes()
    assert main(["set", str(post_file), "categories=[a, b"]) == 1
    assert "cannot read '[a, b'" in capsys.readouterr().err
    assert post_file.read_bytes() == before


# --- new and publish ------------------------------------------------------------------------


def test_new_post_in_site(site_root, capsys):
    """new creates _posts/YYYY-MM-DD-slug.md from the Markdown template and prints the path."""
    assert main(["new", "서울: 밤의 도서관", "--category", "뉴스", "--category", "Seoul",
                 "--date", "2024-07-08"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == site_root / "_posts" / "2024-07-08-서울-밤의-도서관.md"
    post = Post.load(path)
    assert post.title == "서울: 밤의 도서관"
    assert post.get("categories") == ["뉴스", "Seoul"]
    assert post.format == "markdown"


def test_new_html_draft_uses_house_template(site_root, capsys):
    """--draft --format html makes _drafts/slug.html with the house HTML body."""
    assert main(["new", "Night Library", "--draft", "--format", "html"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == site_root / "_drafts" / "night-library.html"
    post = Post.load(path)
    assert post.format == "html"
    assert 'style="color: #ee2323;"' in post.body
    assert set(post.metadata) >= {"title", "categories", "excerpt", "feature_text", "image"}


def test_new_never_overwrites_and_romanizes(site_root, capsys):
    """A second post with the same title gets -2; --romanize gives a Latin file name."""
    for _ in range(2):
        assert main(["new", "한국", "--draft", "--romanize"]) == 0
    out = capsys.readouterr().out.split()
    assert [Path(p).name for p in out] == ["hanguk.md", "hanguk-2.md"]


def test_new_outside_a_site_uses_current_folder(tmp_path, monkeypatch, capsys):
    """With no site above, the post is created in the current folder."""
    monkeypatch.chdir(tmp_path)
    assert main(["new", "Loose note", "--date", "2024-01-02"]) == 0
    assert Path(capsys.readouterr().out.strip()) == tmp_path / "2024-01-02-loose-note.md"


def test_new_with_explicit_site_and_template(tmp_path, capsys):
    """--site picks the site; --template picks the house template; a bad name is usage."""
    root = tmp_path / "blog"
    root.mkdir()
    assert main(["new", "T", "--site", str(root), "--template", "news-article",
                 "--date", "2024-02-03"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path == root / "_posts" / "2024-02-03-t.md"
    assert Post.load(path).format == "html"
    assert main(["new", "T", "--site", str(root), "--template", "nope"]) == 2
    assert "news-article" in capsys.readouterr().err
    assert main(["new", "T", "--site", str(root / "missing")]) == 1
    assert main(["new", "T", "--draft", "--date", "2024-01-01", "--site", str(root)]) == 2


def test_publish_moves_draft_with_today(site_root, capsys):
    """publish moves the draft into _posts/ under today's date; no date key is added."""
    assert main(["new", "초안 글", "--draft"]) == 0
    draft = Path(capsys.readouterr().out.strip())
    content = draft.read_bytes()
    assert main(["publish", str(draft)]) == 0
    published = Path(capsys.readouterr().out.strip())
    assert published == site_root / "_posts" / f"{date.today():%Y-%m-%d}-초안-글.md"
    assert published.read_bytes() == content
    assert not draft.exists()
    assert main(["publish", str(draft)]) == 1
    assert capsys.readouterr().err.count("\n") == 1


# --- check and render -------------------------------------------------------------------------


def test_check_prints_problems_and_exit_codes(tmp_path, capsys):
    """check lists FILE:LINE: level: message; warnings alone exit 0, an error exits 1."""
    warn = tmp_path / "warn.md"
    warn.write_text("---\ntitle: t\nexcerpt: ''\n---\nbody\n", encoding="utf-8")
    assert main(["check", str(warn)]) == 0
    assert capsys.readouterr().out == f"{warn}:3: warning: The excerpt is empty\n"
    bad = tmp_path / "bad.md"
    bad.write_text("---\nexcerpt: x\n---\n<p>x</p>\n", encoding="utf-8")
    assert main(["check", str(bad)]) == 1
    assert capsys.readouterr().out == f"{bad}:1: error: The post has no title\n"


def test_check_json(tmp_path, capsys):
    """--json prints the problems as a JSON document with level, message, line and field."""
    path = tmp_path / "p.md"
    path.write_text("---\ntitle: t\nexcerpt: ''\n---\nbody\n", encoding="utf-8")
    assert main(["check", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data == {"file": str(path), "problems": [
        {"level": "warning", "message": "The excerpt is empty", "line": 3, "field": "excerpt"}]}


def test_render_to_stdout_and_file(post_file, tmp_path, capsys):
    """render prints the page, or writes it with -o; the highlight reaches it unchanged."""
    assert main(["render", str(post_file)]) == 0
    page = capsys.readouterr().out
    assert page.startswith("<!DOCTYPE html>")
    assert '<b><span style="color: #ee2323;">강조</span></b>' in page
    assert "도서관 소식" in page
    out = tmp_path / "out" / "page.html"
    out.parent.mkdir()
    assert main(["render", str(post_file), "-o", str(out), "--theme", "dark"]) == 0
    assert capsys.readouterr().out == ""
    assert '<b><span style="color: #ee2323;">강조</span></b>' in out.read_text(encoding="utf-8")
    assert main(["render", str(post_file), "--theme", "no-such-theme"]) == 2


# --- the entry point -------------------------------------------------------------------------


def test_python_m_editor_help():
    """`python -m editor --help` runs the same command line in a fresh interpreter."""
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-m", "editor", "--help"],
        cwd=root, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "usage: article-editor" in result.stdout
    assert "publish" in result.stdout


def test_recover_lists_restores_and_discards(tmp_path, capsys):
    """recover --list shows a crashed session's entry; --restore writes it; --discard drops it."""
    from editor.document.journal import Journal

    code = ("from editor.document.journal import Journal; "
            "Journal().write('c0ffee000001', '---\\ntitle: 살린 글\\n---\\n본문\\n', "
            "path=None, base=None)")
    subprocess.run([sys.executable, "-c", code], check=True)
    assert main(["recover", "--list"]) == 0
    listed = capsys.readouterr().out
    assert "c0ffee000001" in listed and "Untitled" in listed and "running" not in listed
    out = tmp_path / "restored.md"
    assert main(["recover", "--restore", "c0ffee000001", "-o", str(out)]) == 0
    assert out.read_text("utf-8") == "---\ntitle: 살린 글\n---\n본문\n"
    assert main(["recover", "--restore", "c0ffee000001", "-o", str(out)]) == 1
    assert "exists" in capsys.readouterr().err
    assert main(["recover", "--discard", "c0ffee000001"]) == 0
    assert Journal().entries() == []
    assert main(["recover", "--discard", "c0ffee000001"]) == 1
    assert "No readable recovery entry" in capsys.readouterr().err
