"""The spelling helper process finds what checking in the window's process finds."""

from __future__ import annotations

import os
import signal
import threading
from pathlib import Path

import pytest

from editor.authoring.spelling import SpellChecker
from editor.authoring.spelling_helper import CheckRequest, SpellingHelper
from editor.authoring.spelling_incremental import CheckerHandle, CheckResult, check_changes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "spelling"
LANGUAGES = ("ko", "en_US")
# Mixed Korean and English with markup, an emoji (two UTF-16 units) and a code block.
BODY = ((FIXTURES / "mixed.md").read_text(encoding="utf-8")
        + "\n\n표현이 😀 어색하고 맞춤뻡이 틀렸다. Definately <b>recieve</b> it.\n\n"
        + "```\n됬다 recieve\n```\n")


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.fixture(scope="module")
def helper():
    found = SpellingHelper()
    yield found
    found.shutdown()


def request(session: int, text: str, fresh: bool = True, dirty=(), fmt: str = "markdown",
            visible: tuple[int, int] | None = None) -> CheckRequest:
    return CheckRequest(session, text, fmt, fresh, list(dirty), visible or (0, utf16(text)),
                        LANGUAGES, frozenset(), frozenset({"Pyenchant"}))


def run(helper: SpellingHelper, req: CheckRequest) -> list[CheckResult]:
    results: list[CheckResult] = []
    helper.check(req, results.append)
    assert results and results[-1].final and not any(r.final for r in results[:-1])
    return results


def applied(results: list[CheckResult], found: list | None = None) -> list:
    """What the window's underlines hold after these results (each range replaced)."""
    found = list(found or [])
    for result in results:
        for start, end in result.ranges:
            found = [f for f in found if not start <= f[0] < end] + [
                f for f in result.found if start <= f[0] < end]
    return sorted(found)


def in_this_process(text: str, fmt: str = "markdown") -> list:
    results: list[CheckResult] = []
    handle = CheckerHandle(SpellChecker(LANGUAGES), threading.Lock())
    check_changes(text, fmt, None, [], (0, utf16(text)), handle, frozenset(),
                  frozenset({"Pyenchant"}), results.append)
    return applied(results)


def test_the_checks_run_in_another_process(helper):
    assert helper.process_id() not in (None, os.getpid())


def test_the_helper_finds_what_the_window_process_finds(helper):
    found = applied(run(helper, request(1, BODY)))
    assert found == in_this_process(BODY)
    words = [word for _s, _e, word in found]
    assert {"맞춤뻡이", "Definately", "recieve"} <= set(words)
    fence = utf16(BODY[:BODY.rindex("```\n됬다")])
    assert all(start < fence for start, _e, _w in found)  # nothing in the code block
    start, end, _word = next(f for f in found if f[2] == "맞춤뻡이")
    assert start == utf16(BODY[:BODY.index("맞춤뻡이")])  # after the emoji: UTF-16 offsets
    assert end - start == 4


def test_an_edit_sent_as_a_change_gives_what_a_whole_check_gives(helper):
    session = 2
    found = applied(run(helper, request(session, BODY)))
    at = BODY.index("어색하고")
    edited = BODY[:at] + "틀린말 wrnog " + BODY[at:].replace("recieve", "receive", 1)
    dirty = [(utf16(edited[:at]), utf16(edited[:at + 10]))]
    results = run(helper, request(session, edited, fresh=False, dirty=dirty))
    assert sum(b - a for r in results for a, b in r.ranges) < utf16(edited)  # not all of it
    shift = utf16(edited) - utf16(BODY)
    moved = [(s + shift, e + shift, w) if s > dirty[0][0] else (s, e, w) for s, e, w in found]
    assert applied(results, moved) == applied(run(helper, request(99, edited)))
    assert "wrnog" in [w for _s, _e, w in applied(results, moved)]


def test_the_visible_part_comes_first(helper):
    text = "\n".join(f"Line {n} has a wrnog word." for n in range(3000)) + "\n"
    middle = text.index("Line 1500 ")
    visible = (middle, middle + 200)
    results = run(helper, request(3, text, visible=visible))
    first = results[0].ranges[0]
    assert first[0] <= visible[0] < first[1] and len(results) > 2


def test_without_a_process_the_same_is_found_in_this_one():
    local = SpellingHelper(use_process=False)
    assert local.process_id() is None
    assert applied(run(local, request(4, BODY))) == in_this_process(BODY)
    assert local.suggest(LANGUAGES, "recieve", 5.0)[:1] == ["receive"]


def test_a_helper_that_died_is_replaced(helper):
    old = helper.process_id()
    os.kill(old, signal.SIGKILL)
    # The check the death interrupts still ends (here, or in a new helper).
    assert applied(run(helper, request(5, BODY))) == in_this_process(BODY)
    assert helper.process_id() not in (None, old, os.getpid())
    assert helper.suggest(LANGUAGES, "recieve", 30.0)[:1] == ["receive"]


def test_the_helper_ends_with_the_process_that_started_it(tmp_path):
    """Killed (or crashed), the window's process leaves no helper behind."""
    import subprocess
    import sys
    import time

    script = ("import os, sys\n"
              "from editor.authoring.spelling_helper import SpellingHelper\n"
              "if __name__ == '__main__':\n"
              "    print(SpellingHelper().process_id(), flush=True)\n"
              "    os.kill(os.getpid(), 9)\n")
    (tmp_path / "starter.py").write_text(script, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, str(tmp_path / "starter.py")], capture_output=True,
                          text=True, cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
                          timeout=120)
    helper_pid = int(done.stdout.split()[0])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(helper_pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(helper_pid, signal.SIGKILL)
    pytest.fail("the helper outlived its parent")
