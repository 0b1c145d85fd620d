"""The preview's patch jobs: the body cut into pieces, only changed pieces sent."""

from __future__ import annotations

import json
import re

from editor.document.post import Post
from editor.render import preview_jobs
from editor.render.core import Renderer

BODY = "\n\n".join(f"<p>문단 {n}: 밤의 열람실 이야기.</p>" for n in range(12)) + "\n"


def post_text(body: str) -> str:
    return Post.new({"title": "조각"}, body, fmt="html").text()


def job(body: str, shown: tuple[bytes, ...] | None = None) -> preview_jobs.Patch:
    """The patch job for an HTML post of ``body``, with a renderer of its own."""
    return preview_jobs.patch_job(Renderer(), post_text(body), None, "html", None, "frame", shown)


def range_arguments(call: str) -> list:
    """The arguments of a patchRange call."""
    assert call.startswith("window.__articlePreview.patchRange(")
    return json.loads("[" + call[call.index("(") + 1 : -1] + "]")


def test_pieces_start_at_each_block_with_a_source_line():
    html = '<p data-source-line="1">a</p>\n\n<h2 id="x" data-source-line="3">b</h2>\ntext\n'
    parts, lines = preview_jobs.pieces("lead " + html)  # type: ignore[misc]
    assert parts == ["lead ", '<p data-source-line="1">a</p>\n\n',
                     '<h2 id="x" data-source-line="3">b</h2>\ntext\n']
    assert lines == [None, 1, 3]
    assert "".join(parts) == "lead " + html


def test_a_lt_sign_in_an_attribute_before_the_line_gives_no_pieces():
    assert preview_jobs.pieces('<p title="a<b" data-source-line="1">a</p>\n') is None
    assert preview_jobs.pieces('<p title="a>b" data-source-line="1">a</p>\n') is not None
    assert preview_jobs.pieces('<p data-source-line="1">a <i data-source-line="x">b</i></p>') \
        is None


def test_a_patch_without_known_pieces_sends_the_whole_body():
    patch = job(BODY)
    assert patch.call.startswith("window.__articlePreview.patch(")
    assert len(patch.keys) == 13  # nothing before the first paragraph, then twelve


def test_only_the_changed_pieces_are_sent_with_every_line():
    shown = job(BODY).keys
    edited = BODY.replace("문단 5:", "바뀐 문단 5:")
    patch = job(edited, shown)
    header, head, tail, old_count, middle, lines = range_arguments(patch.call)
    assert (head, tail, old_count) == (6, 6, 13)
    assert re.fullmatch(r'<p data-source-line="11">바뀐 문단 5: [^<]*</p>\n\n', middle)
    assert lines == [None, *range(1, 24, 2)]
    assert "조각" in header


def test_lines_moved_by_an_edit_above_leave_the_blocks_below_unsent():
    shown = job(BODY).keys
    patch = job("<p>새 첫 문단</p>\n\n" + BODY, shown)
    _, head, tail, _, middle, lines = range_arguments(patch.call)
    assert (head, tail) == (1, 12)
    assert middle == '<p data-source-line="1">새 첫 문단</p>\n\n'
    assert lines == [None, *range(1, 26, 2)]


def test_an_unchanged_body_sends_no_piece():
    shown = job(BODY).keys
    patch = job(BODY, shown)
    _, head, tail, old_count, middle, _ = range_arguments(patch.call)
    assert (head + tail, middle) == (old_count, "")
