"""Golden files: rendering, fragment export and paste cleaning give the recorded outputs.

On an intended change run ``python tests/golden/regenerate.py`` and review the diff.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "golden_regenerate", Path(__file__).with_name("regenerate.py"))
regenerate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(regenerate)

CASES = regenerate.cases()


def test_every_kind_of_golden_file_is_there():
    """Each input has its outputs, and no output is left without an input."""
    names = {path.relative_to(regenerate.GOLDEN).as_posix() for path in CASES}
    assert {"render/house-post.html", "export-fragment/markdown-korean.html",
            "paste/word.out.html", "paste/google-docs.out.md"} <= names
    assert regenerate.golden_files() == set(CASES)


@pytest.mark.parametrize("path", sorted(CASES), ids=lambda p: p.relative_to(
    regenerate.GOLDEN).as_posix())
def test_output_matches_golden_file(path: Path):
    """The current code gives exactly the recorded output."""
    assert path.exists(), "missing golden file: run python tests/golden/regenerate.py"
    assert CASES[path]() == path.read_text(encoding="utf-8")
