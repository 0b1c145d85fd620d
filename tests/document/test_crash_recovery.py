"""Real crash recovery: run the editor as a process, type, SIGKILL it, get the text back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.document.journal import Journal
from editor.ui.lifecycle import autosave
from tests.ui.prompter import ScriptedPrompter
from tests.ui.windows import track_window

ROOT = Path(__file__).resolve().parents[2]
ON_DISK = "---\ntitle: Harbour log\n---\nMonday: calm water.\n"
TYPED = " Tuesday: a storm, 비 오는 항구, boats tied twice."

# Runs inside the editor (ARTICLE_EDITOR_TEST_SCRIPT): types like a writer, then says so.
TYPING_SCRIPT = """
import os
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

def type_it():
    editor = window.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for ch in os.environ["TEST_TYPED_TEXT"]:
        if ch.isascii():
            QTest.keyClick(editor, ch)
        else:  # Hangul arrives through the input method as committed text
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(editor, event)
    Path(os.environ["TEST_DONE_FILE"]).write_text(str(len(editor.body_text())))

QTimer.singleShot(300, type_it)
"""


def editor_env(tmp_path: Path) -> dict[str, str]:
    """Environment of an offscreen editor with this test's own settings and journal."""
    env = os.environ.copy()
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_DISABLE_SANDBOX": "1",
        "ARTICLE_EDITOR_DATA_DIR": os.environ["ARTICLE_EDITOR_DATA_DIR"],
        "ARTICLE_EDITOR_CONFIG_DIR": os.environ["ARTICLE_EDITOR_CONFIG_DIR"],
    })
    return env


def start_and_type(tmp_path: Path, post: Path | None, text: str) -> subprocess.Popen:
    """Start ``python -m editor [post]`` with the typing script; returns once it has typed."""
    script = tmp_path / "type_script.py"
    script.write_text(TYPING_SCRIPT, "utf-8")
    done = tmp_path / "typed.done"
    env = editor_env(tmp_path)
    env.update({"ARTICLE_EDITOR_TEST_SCRIPT": str(script), "TEST_TYPED_TEXT": text,
                "TEST_DONE_FILE": str(done)})
    args = [sys.executable, "-m", "editor"] + ([str(post)] if post else [])
    # Its own process group: the kill reaches the web engine's helpers too.
    process = subprocess.Popen(args, cwd=ROOT, env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not done.exists():
        if process.poll() is not None:
            pytest.fail(f"the editor exited early: {process.stderr.read()[-2000:]!r}")
        if time.monotonic() > deadline:
            kill(process)
            pytest.fail("the editor did not type within 60 s")
        time.sleep(0.05)
    return process


def kill(process: subprocess.Popen) -> None:
    """SIGKILL the editor and every process it started; reap it so its pid is gone."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait(timeout=30)


def recover_cli(tmp_path: Path, *args: str) -> str:
    """Run ``python -m editor recover ARGS`` with the test's journal; its stdout."""
    done = subprocess.run([sys.executable, "-m", "editor", "recover", *args], cwd=ROOT,
                          env=editor_env(tmp_path), capture_output=True, text=True,
                          check=True, timeout=60)
    return done.stdout


def test_killed_editor_text_comes_back_complete(qtbot, tmp_path):
    """Typed text survives SIGKILL: `recover --list` shows it and the next start restores it."""
    post = tmp_path / "harbour.md"
    post.write_text(ON_DISK, "utf-8")
    process = start_and_type(tmp_path, post, TYPED)
    time.sleep(autosave.MAX_WAIT_MS / 1000 + 1.0)  # past the journal interval
    kill(process)
    assert process.returncode == -signal.SIGKILL
    assert post.read_text("utf-8") == ON_DISK  # nothing was saved to the file itself

    listing = recover_cli(tmp_path, "--list")
    assert str(post) in listing
    assert "open in a running editor" not in listing
    [entry] = Journal().orphans()
    assert entry.text == ON_DISK + TYPED
    assert recover_cli(tmp_path, "--restore", entry.id) == ON_DISK + TYPED

    # The next start (here: a window in this process) offers the text back, complete.
    from editor.ui.lifecycle import recovery_dialog
    from editor.ui.shell.main_window import MainWindow
    from editor.ui.shell.settings import Settings

    window = MainWindow(Settings(), prompter=ScriptedPrompter())
    track_window(qtbot, window, show=False)
    offered = []

    def choose(entries):
        offered.extend(entries)
        return {e.id: recovery_dialog.RESTORE for e in entries}

    recovery_dialog.offer_recovery(window, choose=choose)
    assert [e.id for e in offered] == [entry.id]
    assert window.document.post.text() == ON_DISK + TYPED
    assert window.document.path == post
    assert window.document.is_modified()


def test_killed_untitled_editor_text_comes_back(tmp_path):
    """A document that was never saved is recovered too."""
    process = start_and_type(tmp_path, None, "A draft with no file yet.")
    time.sleep(autosave.MAX_WAIT_MS / 1000 + 1.0)
    kill(process)
    [entry] = Journal().orphans()
    assert entry.path is None
    assert entry.text.endswith("A draft with no file yet.")
    assert "Untitled" in recover_cli(tmp_path, "--list")


def test_clean_exit_leaves_no_entry(tmp_path):
    """An editor closed normally after saving leaves nothing to recover (control case)."""
    post = tmp_path / "calm.md"
    post.write_text(ON_DISK, "utf-8")
    script = tmp_path / "save_and_quit.py"
    script.write_text(
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtTest import QTest\n"
        "def go():\n"
        "    QTest.keyClicks(window.editor, 'Saved. ')\n"
        "    QTimer.singleShot(2500, finish)\n"
        "def finish():\n"
        "    window.files.save_document()\n"
        "    window.close()\n"
        "QTimer.singleShot(300, go)\n", "utf-8")
    env = editor_env(tmp_path)
    env["ARTICLE_EDITOR_TEST_SCRIPT"] = str(script)
    done = subprocess.run([sys.executable, "-m", "editor", str(post)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    assert post.read_text("utf-8") == "---\ntitle: Harbour log\n---\nSaved. Monday: calm water.\n"
    assert Journal().entries() == []
