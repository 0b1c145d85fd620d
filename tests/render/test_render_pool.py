"""The render helper processes: work runs elsewhere, and a dead process falls back in-process."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor.render.core import Renderer
from editor.render.markdown import PythonMarkdownEngine
from editor.render.pool import RenderPool


def _pid() -> int:
    return os.getpid()


def _die_first_time(marker: str) -> int:
    """Kill the process it runs in, once; afterwards return the pid."""
    if not Path(marker).exists():
        Path(marker).touch()
        os._exit(1)
    return os.getpid()


def _same_engine_twice(engine: PythonMarkdownEngine) -> tuple[int, int, bool]:
    """In a helper: the engine it received, and whether a second copy is that one."""
    again = pickle.loads(pickle.dumps(engine))
    return os.getpid(), id(engine), again is engine


@pytest.fixture
def pool():
    """A pool of the test's own, shut down after it."""
    pool = RenderPool()
    yield pool
    pool.shutdown()


def test_work_runs_in_another_process(pool):
    """run() computes in the helper process, not in the caller."""
    assert pool.run(_pid) != os.getpid()


def test_preview_job_renders_in_the_process(pool, fixtures_dir):
    """A preview patch job gives the same call in the process as in this one."""
    from editor.render import preview_jobs

    text = (fixtures_dir / "house-post.md").read_text("utf-8")
    args = (Renderer(pool=pool), text, None, "html", None, "frame")
    assert pool.run(preview_jobs.patch_job, *args) == preview_jobs.patch_job(*args)


def test_an_engine_in_a_helper_is_the_helpers_own(pool):
    """An engine sent to a helper process is that process's lasting engine (its cache
    serves the next job); in this process a copy is a new engine."""
    engine = PythonMarkdownEngine(speedups=False)
    pid, _, same = pool.run(_same_engine_twice, engine)
    assert pid != os.getpid() and same
    copy = pickle.loads(pickle.dumps(engine))
    assert copy is not engine and copy.speedups is False


def test_dead_process_falls_back_in_process(pool, tmp_path):
    """If the helper dies mid-job, the work is done here and the next run starts a new one."""
    marker = str(tmp_path / "died")
    assert pool.run(_die_first_time, marker) == os.getpid()
    assert pool.run(_pid) != os.getpid()


def test_submit_starts_new_helpers_after_one_died(pool, tmp_path):
    """A helper that dies breaks its pool once; the next submissions get working helpers."""
    from concurrent.futures.process import BrokenProcessPool

    future = pool.submit(_die_first_time, str(tmp_path / "died"))
    assert future is not None
    with pytest.raises(BrokenProcessPool):
        future.result(timeout=30)
    futures = [pool.submit(_pid) for _ in range(2)]
    working = [f for f in futures if f is not None]
    assert working
    assert working[-1].result(timeout=30) != os.getpid()


def test_a_pool_shut_down_starts_again_when_used(pool):
    """shutdown() stops the processes; the owner may still use the pool afterwards."""
    first = pool.run(_pid)
    pool.shutdown()
    assert pool.run(_pid) not in (os.getpid(), first)


def _same_site_rendering_twice(renderer: Renderer) -> tuple[int, bool]:
    """In a helper: whether a second copy of the renderer has the same site rendering."""
    again = pickle.loads(pickle.dumps(renderer))
    return os.getpid(), again.sites is renderer.sites


def test_site_rendering_in_a_helper_lasts_from_job_to_job(pool):
    """Site posts' caches (kramdown parts, Liquid chunks) serve the helper's next job;
    in this process each renderer has its own."""
    pid, same = pool.run(_same_site_rendering_twice, Renderer(pool=pool))
    assert pid != os.getpid() and same
    assert pickle.loads(pickle.dumps(Renderer())).sites is not Renderer().sites


def test_helpers_end_when_the_editor_is_killed(tmp_path):
    """A process that dies without shutting its pool down (killed, crashed) takes its
    helpers with it: none lives on holding its output open."""
    root = Path(__file__).resolve().parents[2]
    script = ("import os, sys\n"
              "from editor.render.pool import RenderPool\n"
              "from tests.render.test_render_pool import _pid\n"
              "print(RenderPool(1).run(_pid), flush=True)\n"
              "os._exit(0)\n")
    started = time.monotonic()
    # Read to the end of its output: only possible once every holder of it has gone.
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=root, env=dict(os.environ, PYTHONPATH=str(root)), timeout=30)
    assert done.returncode == 0, done.stderr
    helper = int(done.stdout.split()[0])
    assert time.monotonic() - started < 60
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and Path(f"/proc/{helper}").exists():
        time.sleep(0.05)
    assert not Path(f"/proc/{helper}").exists()
