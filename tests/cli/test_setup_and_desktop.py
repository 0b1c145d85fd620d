"""`.ci/setup` waits for apt's locks and puts the editor in the desktop's menus.

The setup script runs here against stand-ins for apt-get, dpkg-query, sleep and the
venv's Python (a test must not install anything); the desktop files are installed for
real into a temporary data folder and checked with the freedesktop validators.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from editor.cli.display import DESKTOP_ID

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / "desktop"
APP_ID = DESKTOP_ID


def _stub(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text("#!/usr/bin/env bash\n" + body, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return path


def _user_env(tmp_path: Path, bin_dir: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    if bin_dir is not None:
        env["PATH"] = f"{bin_dir}:{env['PATH']}"
    return env


@pytest.fixture
def fake_checkout(tmp_path: Path) -> Path:
    """A copy of the setup script and desktop files, with a venv whose Python only logs."""
    repo = tmp_path / "repo"
    (repo / ".ci").mkdir(parents=True)
    shutil.copy2(ROOT / ".ci" / "setup", repo / ".ci" / "setup")
    shutil.copytree(DESKTOP, repo / "resources" / "desktop")
    (repo / ".venv" / "bin").mkdir(parents=True)
    log = tmp_path / "calls.log"
    _stub(repo / ".venv" / "bin", "python", f'echo "python $*" >> "{log}"\n')
    return repo


def test_setup_waits_for_apt_locks(fake_checkout, tmp_path):
    """update and install carry DPkg::Lock::Timeout; an update that finds the lists locked
    is tried again instead of failing the setup; the desktop entry is installed."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    counter = tmp_path / "update-tries"
    _stub(bin_dir, "dpkg-query", "exit 1\n")  # every package missing
    _stub(bin_dir, "sleep", f'echo "sleep $*" >> "{log}"\n')
    _stub(bin_dir, "apt-get", f"""echo "apt-get $*" >> "{log}"
[[ " $* " == *" install "* ]] && echo "Selecting previously unselected package libfoo."
if [[ " $* " == *" update "* ]]; then
  n=$(( $(cat "{counter}" 2>/dev/null || echo 0) + 1 )); echo $n > "{counter}"
  if [ $n -le 2 ]; then
    echo "E: Could not get lock /var/lib/apt/lists/lock. It is held by process 42 (apt-get)" >&2
    exit 100
  fi
fi
""")
    _stub(bin_dir, "sudo", '"$@"\n')
    result = subprocess.run(["bash", str(fake_checkout / ".ci" / "setup"), "app"],
                            capture_output=True, text=True, timeout=120,
                            env=_user_env(tmp_path, bin_dir))
    assert result.returncode == 0, result.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    apt_calls = [line for line in calls if line.startswith("apt-get")]
    assert len([c for c in apt_calls if " update " in f"{c} "]) == 3
    assert len([c for c in apt_calls if " install " in c]) == 1
    assert all("-o DPkg::Lock::Timeout=600" in call for call in apt_calls), apt_calls
    assert calls.count("sleep 5") == 2
    assert "Could not get lock" not in result.stderr  # retried, not reported
    assert result.stderr.count("Waiting for another apt to finish...") == 1
    # One line for apt's work instead of dpkg's file-by-file report.
    assert "Selecting previously unselected" not in result.stdout + result.stderr
    assert result.stdout.startswith("Installing ")
    entry = tmp_path / "data" / "applications" / f"{APP_ID}.desktop"
    assert f'Exec="{fake_checkout}/.venv/bin/article-editor" %f' in entry.read_text("utf-8")


def test_setup_shows_apts_report_when_install_fails(fake_checkout, tmp_path):
    """A failed install prints what apt said, and the setup stops."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _stub(bin_dir, "dpkg-query", "exit 1\n")
    _stub(bin_dir, "apt-get", """if [[ " $* " == *" install "* ]]; then
  echo "E: Unable to locate package libxcb-cursor0"; exit 100
fi
""")
    _stub(bin_dir, "sudo", '"$@"\n')
    result = subprocess.run(["bash", str(fake_checkout / ".ci" / "setup"), "app"],
                            capture_output=True, text=True, timeout=120,
                            env=_user_env(tmp_path, bin_dir))
    assert result.returncode == 1
    assert "E: Unable to locate package libxcb-cursor0" in result.stderr
    assert not (tmp_path / "calls.log").exists()  # pip never ran


def test_setup_reports_an_update_that_fails_for_another_reason(fake_checkout, tmp_path):
    """Only a held lock is waited for: any other failure of update stops the setup."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    _stub(bin_dir, "dpkg-query", "exit 1\n")
    _stub(bin_dir, "sleep", "exit 0\n")
    _stub(bin_dir, "apt-get", 'echo "E: The repository is not signed." >&2; exit 100\n')
    _stub(bin_dir, "sudo", '"$@"\n')
    result = subprocess.run(["bash", str(fake_checkout / ".ci" / "setup"), "app"],
                            capture_output=True, text=True, timeout=120,
                            env=_user_env(tmp_path, bin_dir))
    assert result.returncode != 0
    assert result.stderr.count("The repository is not signed.") == 1


def _install(tmp_path: Path, program: str, bin_dir: Path | None = None):
    return subprocess.run(["bash", str(DESKTOP / "install"), program], capture_output=True,
                          text=True, timeout=120, env=_user_env(tmp_path, bin_dir))


def test_desktop_files_install_and_validate(tmp_path):
    """Entry, icon, metainfo and MIME package land in the user's data folder; the entry
    passes desktop-file-validate, the metainfo appstreamcli, the Exec line names the
    program (quoted, spaces and all) with %f: the window opens one post, so a launcher
    given several starts one editor for each."""
    program = str(tmp_path / "my venv" / "bin" / "article-editor")
    result = _install(tmp_path, program)
    assert result.returncode == 0, result.stderr
    data = tmp_path / "data"
    entry = data / "applications" / f"{APP_ID}.desktop"
    text = entry.read_text("utf-8")
    assert f'Exec="{program}" %f' in text.splitlines()
    assert f"TryExec={program}" in text.splitlines()
    assert "MimeType=text/markdown;text/x-markdown;text/html;" in text.splitlines()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (data / "mime" / "packages" / "article-editor-posts.xml").is_file()
    metainfo = data / "metainfo" / f"{APP_ID}.metainfo.xml"

    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                             text=True, timeout=60)
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout
    checked = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)],
                             capture_output=True, text=True, timeout=60)
    assert checked.returncode == 0, checked.stdout
    # The caches were refreshed: the launcher finds the entry for Markdown posts.
    cache = (data / "applications" / "mimeinfo.cache").read_text("utf-8")
    assert f"text/markdown={APP_ID}.desktop;" in cache


def test_awkward_program_paths_are_escaped(tmp_path):
    """Quotes, dollars and backslashes in the path are escaped as the spec asks."""
    program = str(tmp_path / 'a "quoted" $dir' / "article-editor")
    assert _install(tmp_path, program).returncode == 0
    entry = tmp_path / "data" / "applications" / f"{APP_ID}.desktop"
    expected = program.replace('"', '\\\\"').replace("$", "\\\\$")
    assert f'Exec="{expected}" %f' in entry.read_text("utf-8").splitlines()
    checked = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True,
                             text=True, timeout=60)
    assert checked.returncode == 0 and checked.stdout == "", checked.stdout


def test_missing_or_failing_desktop_tools_never_fail_the_install(tmp_path):
    """update-desktop-database, update-mime-database and xdg-mime that fail are ignored."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "tools.log"
    for tool in ("update-desktop-database", "update-mime-database", "xdg-mime"):
        _stub(bin_dir, tool, f'echo "{tool} $*" >> "{log}"; echo broken >&2; exit 3\n')
    result = _install(tmp_path, "/opt/article-editor/bin/article-editor", bin_dir)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    called = log.read_text("utf-8")
    assert f"update-desktop-database {tmp_path}/data/applications" in called
    assert f"update-mime-database {tmp_path}/data/mime" in called
    assert (tmp_path / "data" / "applications" / f"{APP_ID}.desktop").is_file()


def test_icon_is_a_valid_square_svg():
    """The icon parses as SVG, is square, and Qt draws it."""
    from PySide6.QtSvg import QSvgRenderer

    path = DESKTOP / f"{APP_ID}.svg"
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 128 128"
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
