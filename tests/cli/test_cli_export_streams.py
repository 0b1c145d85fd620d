"""``export`` without a file: stdout for text targets, ``-o -``, ``/dev/stdout``, pipes;
and PDFs that get the permissions every other output gets."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from editor.cli.main import main
from editor.cli.streams import stream_of

ROOT = Path(__file__).resolve().parents[2]

POST = (
    "---\n"
    "title: 골목 서점의 밤\n"
    "excerpt: 늦게까지 여는 서점 이야기.\n"
    "---\n"
    "# 문을 여는 시간\n\n"
    "저녁 아홉 시에 **불이 켜진다**.\n"
)


@pytest.fixture
def post_file(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "bookshop.md"
    path.write_text(POST, encoding="utf-8")
    return path


def _shell_env() -> dict[str, str]:
    """The environment of a shell: none of the switches this test process gave Qt."""
    return {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "QT_QPA_PLATFORM", "QTWEBENGINE_CHROMIUM_FLAGS")}


@pytest.mark.parametrize(("target", "expected"), [
    ("fragment", "<h1"), ("html", "<!DOCTYPE html>"), ("markdown", "title: 골목 서점의 밤"),
    ("html-body", "<h1"),
])
def test_text_export_without_o_prints_to_stdout(post_file, capsys, target, expected):
    """A text target without -o prints the export itself, and writes no file."""
    assert main(["export", str(post_file), "--to", target]) == 0
    captured = capsys.readouterr()
    assert expected in captured.out
    assert "불이 켜진다" in captured.out
    assert captured.err == ""
    assert sorted(p.name for p in post_file.parent.iterdir()) == ["bookshop.md"]


def test_dash_means_stdout_not_a_file_named_dash(post_file, capsys):
    """-o - prints the export like no -o; no file called '-' appears."""
    assert main(["export", str(post_file), "--to", "markdown", "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("---\ntitle: 골목 서점의 밤\n")
    assert not (post_file.parent / "-").exists()


def test_pdf_without_o_is_a_usage_error(post_file, capsys):
    """A PDF is no text for a terminal: without -o it is wrong usage (exit 2) naming -o."""
    assert main(["export", str(post_file), "--to", "pdf"]) == 2
    err = capsys.readouterr().err
    assert "-o OUT.pdf" in err and "usage:" in err
    assert sorted(p.name for p in post_file.parent.iterdir()) == ["bookshop.md"]


def test_folder_without_o_is_a_usage_error(post_file, capsys):
    """A folder of posts cannot go to stdout: exit 2."""
    assert main(["export", str(post_file.parent), "--to", "fragment"]) == 2
    assert "-o DIR" in capsys.readouterr().err
    assert main(["export", str(post_file.parent), "--to", "fragment", "-o", "-"]) == 2


def test_stream_names():
    """-, /dev/stdout, /dev/fd/N are descriptors; a pipe or device is written through;
    a plain file (existing or not) and a folder take the ordinary path."""
    assert stream_of("-") == 1
    assert stream_of("/dev/stdout") == 1
    assert stream_of("/dev/stderr") == 2
    assert stream_of("/dev/fd/5") == 5
    assert stream_of("/proc/self/fd/1") == 1
    assert stream_of("/dev/null") == "/dev/null"
    assert stream_of(__file__) is None
    assert stream_of(str(ROOT)) is None
    assert stream_of(str(ROOT / "no-such-file.html")) is None


def test_dev_stdout_appends_to_a_redirected_file(post_file):
    """-o /dev/stdout writes through the process's own stdout: `>>` appends, a pipe reads."""
    out = post_file.parent / "collected.html"
    out.write_text("<!-- before -->\n", encoding="utf-8")
    with out.open("a", encoding="utf-8") as sink:
        result = subprocess.run(
            [sys.executable, "-m", "editor", "export", str(post_file), "--to", "fragment",
             "-o", "/dev/stdout"],
            stdout=sink, stderr=subprocess.PIPE, text=True, timeout=120, cwd=ROOT,
            env=_shell_env(),
        )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!-- before -->\n<div")
    assert "불이 켜진다" in text


def test_fifo_output_is_written_through(post_file):
    """A named pipe as OUT is written into, not replaced by a regular file."""
    fifo = post_file.parent / "pipe"
    os.mkfifo(fifo)
    proc = subprocess.Popen(
        [sys.executable, "-m", "editor", "export", str(post_file), "--to", "markdown",
         "-o", str(fifo)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=_shell_env(),
    )
    with fifo.open("rb") as reader:  # blocks until the export opens the pipe
        data = reader.read()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert data.decode("utf-8").startswith("---\ntitle: 골목 서점의 밤\n")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert out == b""


def test_pdf_to_a_pipe_with_dash_and_mode_follows_umask(post_file):
    """-o - sends the PDF down a pipe; a PDF file gets 0666 minus the umask, not 0600."""
    env = _shell_env()
    piped = subprocess.run(
        [sys.executable, "-m", "editor", "export", str(post_file), "--to", "pdf", "-o", "-"],
        capture_output=True, timeout=180, cwd=ROOT, env=env,
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith(b"%PDF-") and piped.stdout.rstrip().endswith(b"%%EOF")
    assert piped.stderr == b""

    out = post_file.parent / "bookshop.pdf"
    made = subprocess.run(
        [sys.executable, "-m", "editor", "export", str(post_file), "--to", "pdf", "-o",
         str(out)],
        capture_output=True, text=True, timeout=180, cwd=ROOT, env=env, umask=0o027,
    )
    assert made.returncode == 0, made.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_pdf_mode_with_another_umask_and_over_an_existing_file(post_file):
    """In-process (the window's path): umask 002 gives 0664; replacing keeps the old mode."""
    from editor.export.pdf import PdfOptions, PdfPrinter

    fresh = post_file.parent / "fresh.pdf"
    kept = post_file.parent / "kept.pdf"
    kept.write_bytes(b"old")
    kept.chmod(0o604)
    previous = os.umask(0o002)
    try:
        with PdfPrinter() as printer:
            printer.print_html("<p>하나</p>", fresh, PdfOptions())
            printer.print_html("<p>둘</p>", kept, PdfOptions())
    finally:
        os.umask(previous)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o664
    assert stat.S_IMODE(kept.stat().st_mode) == 0o604
    assert kept.read_bytes().startswith(b"%PDF-")


def test_render_and_recover_take_dash_as_stdout(post_file, capsys):
    """The other commands with -o read `-` the same way: stdout, not a file named '-'."""
    assert main(["render", str(post_file), "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    code = ("from editor.document.journal import Journal; "
            "Journal().write('feed00000002', '---\\ntitle: 남은 글\\n---\\n', "
            "path=None, base=None)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    assert main(["recover", "--restore", "feed00000002", "-o", "-"]) == 0
    assert capsys.readouterr().out == "---\ntitle: 남은 글\n---\n"
    assert not (post_file.parent / "-").exists()
