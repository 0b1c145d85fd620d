"""The command line's manners: mistyped commands, no display, quiet success, no tracebacks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import types
from pathlib import Path

import pytest

from editor.cli import display, guard
from editor.cli.main import main

ROOT = Path(__file__).resolve().parents[2]

CLEAN_POST = (
    "---\n"
    "title: 비 오는 날의 산책\n"
    "excerpt: 우산을 들고 걷는 동네 한 바퀴.\n"
    "---\n"
    "<p>빗소리가 좋았다.</p>\n"
)


@pytest.fixture
def clean_post(tmp_path: Path) -> Path:
    path = tmp_path / "walk.html"
    path.write_text(CLEAN_POST, encoding="utf-8")
    return path


@pytest.fixture
def fake_window(monkeypatch) -> list:
    """editor.ui.shell.app replaced by a recorder: the window never really opens."""
    calls: list = []
    fake = types.ModuleType("editor.ui.shell.app")
    fake.run = lambda path, offline: calls.append(path) or 0
    monkeypatch.setitem(sys.modules, "editor.ui.shell.app", fake)
    return calls


# --- a mistyped sub-command -----------------------------------------------------------------


def test_mistyped_command_is_refused_with_a_suggestion(fake_window, capsys, tmp_path,
                                                       monkeypatch):
    """`exprot` names no file and looks like a command: exit 2 and a suggestion, no window."""
    monkeypatch.chdir(tmp_path)
    assert main(["exprot", "post.md", "--to", "html"]) == 2
    err = capsys.readouterr().err
    assert err == "article-editor: unknown command 'exprot' (did you mean 'export'?)\n"
    assert main(["chek"]) == 2
    assert "did you mean 'check'?" in capsys.readouterr().err
    assert main(["--offline", "--verbose", "exprot"]) == 2
    assert "did you mean 'export'?" in capsys.readouterr().err
    assert main(["frobnicate"]) == 2
    assert "unknown command 'frobnicate' (commands: check, export," in capsys.readouterr().err
    assert fake_window == []


def test_words_that_are_posts_still_open_the_window(fake_window, tmp_path, monkeypatch):
    """An existing file named like a typo, a name with a suffix or a folder: the window."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exprot").write_text("---\ntitle: t\n---\n", encoding="utf-8")
    assert main(["exprot"]) == 0
    assert main(["notes.md"]) == 0
    assert main(["drafts/expor"]) == 0
    assert main(["--", "chek"]) == 0  # after --, a file name whatever it looks like
    assert fake_window == ["exprot", "notes.md", "drafts/expor", "chek"]


def test_unknown_command_helper():
    """Suggestions come from difflib's close matches; a word with a dot is never a command."""
    commands = ["export", "render", "recover"]
    assert guard.unknown_command("rendr", commands) == (
        "unknown command 'rendr' (did you mean 'render'?)")
    assert guard.unknown_command("post.md", commands) is None
    assert guard.unknown_command("./export", commands) is None


# --- check and recover say when there is nothing -------------------------------------------


def test_check_on_a_clean_post_says_so(clean_post, capsys):
    """A post with no problems gets one line on stdout (where check reports), exit 0."""
    assert main(["check", str(clean_post)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"{clean_post}: no problems found\n"
    assert captured.err == ""


def test_recover_with_nothing_to_recover_says_so(capsys):
    """An empty journal: one line on stdout, where the list would be, exit 0."""
    assert main(["recover"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "Nothing to recover: the journal holds no unsaved texts.\n"
    assert captured.err == ""


def test_readme_says_where_reports_and_problems_go():
    """The README's command-line section states the stdout/stderr split the code follows."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    assert "`check` prints its report on stdout" in section
    assert "Problems that stop a command go to stderr" in section


# --- no display -----------------------------------------------------------------------------


@pytest.mark.parametrize(("environ", "refused"), [
    ({}, True),
    ({"QT_QPA_PLATFORM": "xcb"}, True),
    ({"QT_QPA_PLATFORM": "wayland"}, True),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, True),
    ({"DISPLAY": ":0"}, False),
    ({"DISPLAY": ":66"}, True),  # left over from a session that has ended
    ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99"}, False),
    ({"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":1"}, False),
    ({"QT_QPA_PLATFORM": "offscreen"}, False),
    ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, False),
])
def test_display_problem(environ, refused):
    """X11 and Wayland need a display that answers; other platform plugins are Qt's call."""
    def answers(display):
        return display != ":66"

    problem = display.display_problem(dict(environ), platform="linux", x_reachable=answers)
    assert (problem is not None) == refused
    assert display.display_problem(dict(environ), platform="darwin") is None
    if environ.get("DISPLAY") == ":66":
        assert "no X server answers on DISPLAY=:66" in problem


def test_wayland_socket_decides(tmp_path):
    """Wayland: the compositor's socket in the runtime folder (wayland-0 by default)."""
    env = {"XDG_RUNTIME_DIR": str(tmp_path), "WAYLAND_DISPLAY": "wayland-5"}
    assert "no compositor at WAYLAND_DISPLAY=wayland-5" in display.display_problem(
        dict(env), platform="linux")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "wayland-5"))
        assert display.display_problem(dict(env), platform="linux") is None
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(tmp_path / "wayland-0"))
        assert display.display_problem({"XDG_RUNTIME_DIR": str(tmp_path)}, "linux") is None


def test_x_display_reachable_knocks_on_the_socket():
    """A local display counts when something listens on its socket; remote ones are Qt's."""
    number = 7000 + os.getpid() % 1000
    assert not display.x_display_reachable(f":{number}")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(f"\0/tmp/.X11-unix/X{number}")
        server.listen(1)
        assert display.x_display_reachable(f":{number}")
        assert display.x_display_reachable(f"unix:{number}.0")
    assert display.x_display_reachable("remote.example:10.0")


def test_no_display_is_one_line_and_exit_2(clean_post):
    """Without any display the window and screenshot refuse in one line (Qt would abort);
    so does a DISPLAY nothing answers on."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_RUNTIME_DIR")}
    stale = dict(env, DISPLAY=f":{7000 + os.getpid() % 1000}")
    for argv, environ in (([str(clean_post)], env),
                          (["screenshot", str(clean_post), "-o", "x.png"], env),
                          ([str(clean_post)], stale)):
        result = subprocess.run([sys.executable, "-m", "editor", *argv], capture_output=True,
                                text=True, timeout=60, cwd=ROOT, env=environ)
        assert result.returncode == 2, (argv, result.stderr)
        assert result.stderr.startswith("article-editor: no display to open the window on")
        assert result.stderr.count("\n") == 1
        assert result.stdout == ""


def test_quiet_environment_keeps_the_users_choices():
    """Logging rules already set stay; Chromium switches are added to, not replaced."""
    environ = {"QTWEBENGINE_CHROMIUM_FLAGS": "--no-zygote"}
    display.quiet_environment(environ)
    assert environ["QT_LOGGING_RULES"] == display.QUIET_LOGGING_RULES
    assert environ["QTWEBENGINE_CHROMIUM_FLAGS"].split() == [
        "--no-zygote", "--log-level=3", "--disable-logging"]
    mine = {"QT_LOGGING_RULES": "qt.webengine*=true",
            "QTWEBENGINE_CHROMIUM_FLAGS": "--enable-logging --v=1"}
    display.quiet_environment(mine)
    assert mine == {"QT_LOGGING_RULES": "qt.webengine*=true",
                    "QTWEBENGINE_CHROMIUM_FLAGS": "--enable-logging --v=1"}


def test_verbose_leaves_the_environment_alone(fake_window, clean_post):
    """--verbose starts the window without quieting Qt; without it the rules are set."""
    assert main([str(clean_post), "--verbose"]) == 0
    assert "QT_LOGGING_RULES" not in os.environ
    assert main([str(clean_post)]) == 0
    assert os.environ["QT_LOGGING_RULES"] == display.QUIET_LOGGING_RULES


# --- no tracebacks --------------------------------------------------------------------------


class _Broken(Exception):
    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


def test_internal_error_is_one_line_exit_1(clean_post, monkeypatch, capsys):
    """An exception no sub-command expected: `article-editor: FILE[:LINE]: message`, exit 1."""
    import editor.site.checks as checks

    def broken_check(post, **kwargs):
        raise _Broken("the checklist tripped", line=4)

    monkeypatch.setattr(checks, "check", broken_check)
    assert main(["check", str(clean_post)]) == 1
    err = capsys.readouterr().err
    assert err == (f"article-editor: {clean_post}:4: internal error: _Broken: the checklist "
                   "tripped (--verbose shows the details)\n")

    monkeypatch.setattr(checks, "check", lambda post, **kw: 1 / 0)
    assert main(["check", str(clean_post)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"article-editor: {clean_post}: internal error: ZeroDivisionError")
    assert err.count("\n") == 1

    assert main(["check", str(clean_post), "--verbose"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and err.endswith("(--verbose shows the details)\n")


def test_internal_error_in_a_real_process_prints_no_traceback(clean_post):
    """The same in a fresh interpreter, through the module entry point: no traceback."""
    code = (
        "import sys, editor.render.core as core\n"
        "def boom(*a, **k):\n"
        "    raise KeyError('theme table')\n"
        "core.Renderer.page = boom\n"
        "from editor.cli.main import main\n"
        f"sys.exit(main(['render', {str(clean_post)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, cwd=ROOT)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == (f"article-editor: {clean_post}: internal error: KeyError: "
                             "'theme table' (--verbose shows the details)\n")


def test_window_that_fails_to_start_is_one_line(clean_post, monkeypatch, capsys):
    """An exception while the window starts is reported like a sub-command's: exit 1."""
    fake = types.ModuleType("editor.ui.shell.app")

    def run(path, offline):
        raise RuntimeError("no fonts at all")

    fake.run = run
    monkeypatch.setitem(sys.modules, "editor.ui.shell.app", fake)
    assert main([str(clean_post)]) == 1
    assert capsys.readouterr().err == (
        f"article-editor: {clean_post}: internal error: RuntimeError: no fonts at all "
        "(--verbose shows the details)\n")
