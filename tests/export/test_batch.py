"""Tests for editor.export.batch and ``export DIR``: good posts exported, bad ones reported."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from editor.cli import export as export_cli
from editor.cli.main import main as cli_main
from editor.export import batch
from editor.export import pdf as export_pdf
from editor.export.batch import export_folder

GOOD_HTML = "---\ntitle: 첫 글\nexcerpt: 요약\n---\n\n<p>본문 <b>굵게</b></p>\n"
GOOD_MD = "---\ntitle: Second post\n---\n\n## Heading\n\nSome *text*.\n"


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    """A folder of posts: two good ones (one in a sub-folder), a binary and a bad-YAML one."""
    root = tmp_path / "posts"
    (root / "sub").mkdir(parents=True)
    (root / "a-first.md").write_text(GOOD_HTML, encoding="utf-8")
    (root / "sub" / "b-second.markdown").write_text(GOOD_MD, encoding="utf-8")
    (root / "c-binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    (root / "d-bad-yaml.md").write_text("---\ntitle: [never closed\n---\nbody\n",
                                        encoding="utf-8")
    (root / "notes.txt").write_text("not a post", encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "skip.md").write_text(GOOD_MD, encoding="utf-8")
    return root


def test_find_posts_recurses_and_skips_hidden(posts):
    """Posts are found in sub-folders by extension; hidden folders and other files are not."""
    found = [path.relative_to(posts).as_posix() for path in batch.find_posts(posts)]
    assert found == ["a-first.md", "c-binary.md", "d-bad-yaml.md", "sub/b-second.markdown"]


def test_export_folder_carries_on_past_bad_files(posts, tmp_path):
    """Good posts are exported with mirrored paths; each bad one is reported with a reason."""
    out = tmp_path / "out"
    steps = []
    result = export_folder(posts, "html", out, on_progress=steps.append)
    assert sorted(p.relative_to(out).as_posix() for _, p in result.exported) == [
        "a-first.html",
        "sub/b-second.html",
    ]
    assert all(path.is_file() for _, path in result.exported)
    failed = {source.name: reason for source, reason in result.failed}
    assert set(failed) == {"c-binary.md", "d-bad-yaml.md"}
    assert "binary" in failed["c-binary.md"]
    assert "invalid front matter" in failed["d-bad-yaml.md"]
    assert result.summary() == "2 exported, 2 failed"
    assert not result.ok
    assert [step.done for step in steps] == [1, 2, 3, 4]
    assert all(step.total == 4 for step in steps)
    assert sum(step.error is not None for step in steps) == 2


def test_export_folder_can_be_cancelled(posts, tmp_path):
    """should_cancel stops the batch before the next file; the summary says so."""
    calls = []

    def cancel_after_one() -> bool:
        calls.append(1)
        return len(calls) > 1

    result = export_folder(posts, "fragment", tmp_path / "out", should_cancel=cancel_after_one)
    assert result.cancelled
    assert len(result.exported) + len(result.failed) == 1
    assert result.summary() == "1 exported, 0 failed, cancelled (3 not done)"


def test_output_folder_inside_source_is_not_exported_again(posts):
    """Exporting into a folder under the source does not pick up earlier exports."""
    first = export_folder(posts, "markdown", posts / "converted")
    second = export_folder(posts, "markdown", posts / "converted")
    assert first.total == second.total == 4
    assert (posts / "converted" / "sub" / "b-second.markdown").is_file()


def test_same_name_different_extension_both_kept(tmp_path):
    """a.md and a.html in one folder both survive an export to .html."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.md").write_text(GOOD_MD, encoding="utf-8")
    (src / "a.html").write_text(GOOD_HTML, encoding="utf-8")
    result = export_folder(src, "html", tmp_path / "out")
    names = sorted(path.name for _, path in result.exported)
    assert len(names) == 2 and len(set(names)) == 2


def test_pdf_folder_reuses_one_page(posts, tmp_path, monkeypatch):
    """A PDF batch opens one printer for all files and closes it at the end."""
    opened: list[object] = []
    real = export_pdf.PdfPrinter

    class CountingPrinter(real):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            opened.append(self)

    monkeypatch.setattr(export_pdf, "PdfPrinter", CountingPrinter)
    result = export_folder(posts, "pdf", tmp_path / "pdf")
    assert len(opened) == 1
    assert opened[0]._page is None  # closed
    assert len(result.exported) == 2
    for _, path in result.exported:
        assert len(pypdf.PdfReader(path).pages) >= 1


def test_post_target_folder_goes_into_the_site(posts, tmp_path):
    """--to post with a folder copies every good post into the site's _posts/."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "_config.yml").write_text("title: s\n", encoding="utf-8")
    result = export_folder(posts, "post", site)
    assert {path.parent for _, path in result.exported} == {site / "_posts"}
    assert len(result.exported) == 2
    reasons = dict((source.name, reason) for source, reason in result.failed)
    assert "Not published" in reasons["d-bad-yaml.md"]


def test_cli_folder_exit_code_summary_and_reasons(posts, tmp_path, capsys):
    """``export DIR`` prints the summary, names each bad file with its reason, exits 1."""
    out = tmp_path / "out"
    code = cli_main(["export", str(posts), "--to", "html", "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out.strip().splitlines()[-1] == "2 exported, 2 failed"
    assert f"failed: {posts / 'c-binary.md'}:" in captured.err
    assert f"failed: {posts / 'd-bad-yaml.md'}: invalid front matter" in captured.err
    assert "Traceback" not in captured.err
    # Not a terminal: plain progress lines, no carriage returns.
    assert "\r" not in captured.err
    assert "[1/4]" in captured.err


def test_cli_folder_all_good_exits_zero(tmp_path, capsys):
    """A folder of good posts exports with exit code 0."""
    src = tmp_path / "good"
    src.mkdir()
    (src / "one.md").write_text(GOOD_MD, encoding="utf-8")
    code = cli_main(["export", str(src), "--to", "fragment", "-o", str(tmp_path / "o")])
    assert code == 0
    assert capsys.readouterr().out.strip() == "1 exported, 0 failed"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal(posts, tmp_path):
    """On a terminal the progress is one line redrawn in place, cleared before the summary."""
    parser = export_cli.argparse.ArgumentParser()
    export_cli.add_arguments(parser)
    args = parser.parse_args([str(posts), "--to", "fragment", "-o", str(tmp_path / "o")])
    err, out = _Terminal(), io.StringIO()
    code = export_cli.run(args, stdout=out, stderr=err)
    assert code == 1
    text = err.getvalue()
    assert "\r\x1b[K[" in text
    assert "4/4" in text
    assert text.endswith("\r\x1b[K")  # the bar is wiped before the summary
    assert out.getvalue().strip() == "2 exported, 2 failed"
