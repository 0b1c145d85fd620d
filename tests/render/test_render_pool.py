"""The render helper process: work runs elsewhere, and a dead process falls back in-process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor.render import pool as render_pool


def _pid() -> int:
    return os.getpid()


def _die_first_time(marker: str) -> int:
    """Kill the process it runs in, once; afterwards return the pid."""
    if not Path(marker).exists():
        Path(marker).touch()
        os._exit(1)
    return os.getpid()


@pytest.fixture(autouse=True)
def fresh_pool():
    render_pool.shutdown()
    yield
    render_pool.shutdown()


def test_work_runs_in_another_process():
    """run() computes in the helper process, not in the caller."""
    assert render_pool.run(_pid) != os.getpid()


def test_preview_job_renders_in_the_process(fixtures_dir):
    """A preview patch job gives the same call in the process as in this one."""
    from editor.render import preview_jobs

    text = (fixtures_dir / "house-post.md").read_text("utf-8")
    args = (text, None, "html", None, "frame")
    assert render_pool.run(preview_jobs.patch_job, *args) == preview_jobs.patch_job(*args)


def test_dead_process_falls_back_in_process(tmp_path):
    """If the helper dies mid-job, the work is done here and the next run starts a new one."""
    marker = str(tmp_path / "died")
    assert render_pool.run(_die_first_time, marker) == os.getpid()
    assert render_pool.run(_pid) != os.getpid()


def test_submit_starts_new_helpers_after_one_died(tmp_path):
    """A helper that dies breaks its pool once; the next submissions get working helpers."""
    from concurrent.futures.process import BrokenProcessPool

    future = render_pool.submit(_die_first_time, str(tmp_path / "died"))
    assert future is not None
    with pytest.raises(BrokenProcessPool):
        future.result(timeout=60)
    futures = [render_pool.submit(_pid) for _ in range(2)]
    working = [f for f in futures if f is not None]
    assert working
    assert working[-1].result(timeout=60) != os.getpid()
