"""Run Liquid over a post's body the way Jekyll does before converting it.

:func:`render_liquid` never raises. A Liquid error becomes a :class:`LiquidProblem` with
the body line it happened on; the text keeps everything rendered before and after it.

Line numbers: Liquid changes the line count (an include adds lines, a ``comment`` block
removes them), so the result carries a line map. ``result.source_line(n)`` gives the body
line that output line ``n`` came from: text outside Liquid keeps its own lines, and lines
a tag produced point at the tag's line (or, when a block's output has as many lines as
its source, at the matching line inside it). The preview's ``data-source-line`` anchors,
computed on the rendered text, are mapped back through it.
"""

from __future__ import annotations

import html
import io
import os
import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liquid import RenderContext
from liquid.exceptions import LiquidError, LiquidInterrupt, StopRender
from liquid.token import TOKEN_EOF

from editor.render.liquid.site import LiquidSite

_EXPECTED_END = re.compile(r"expected tag (end\w+)")

JEKYLL_VERSION = "4.3.1"
"""The Jekyll whose Liquid this imitates (what ``jekyll.version`` says)."""


@dataclass(frozen=True)
class LiquidProblem:
    """A Liquid error at a line of the body (1-based), in words a writer can act on."""

    line: int
    message: str

    def html(self) -> str:
        """The preview's marker for this error, anchored at its line."""
        return (
            f'<div class="liquid-error" data-source-line="{self.line}">'
            f"Liquid error on line {self.line}: {html.escape(self.message)}</div>"
        )


@dataclass(frozen=True)
class LiquidResult:
    """The body after Liquid, its errors, and where each output line came from."""

    text: str
    errors: tuple[LiquidProblem, ...] = ()
    line_map: tuple[int, ...] | None = None
    """``line_map[n - 1]`` is the body line of output line ``n``; None means unchanged lines."""
    ran: bool = field(default=False)
    """False when Liquid was skipped (no Liquid in the body, or ``render_with_liquid: false``)."""

    def source_line(self, output_line: int) -> int:
        """The body line that output line ``output_line`` (1-based) came from."""
        if self.line_map is None or not self.line_map:
            return output_line
        index = min(max(output_line, 1), len(self.line_map)) - 1
        return self.line_map[index]

    def output_line(self, source_line: int) -> int:
        """The first output line coming from ``source_line`` or a later body line."""
        if self.line_map is None or not self.line_map:
            return source_line
        return min(bisect_left(self.line_map, source_line), len(self.line_map) - 1) + 1

    def errors_html(self) -> str:
        """Every error's marker, one per line."""
        return "\n".join(problem.html() for problem in self.errors)


def _wants_liquid(body: str, front_matter: Mapping[str, Any]) -> bool:
    if front_matter.get("render_with_liquid") is False:
        return False
    return "{{" in body or "{%" in body


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, max(index, 0)) + 1


class _LineIndex:
    """Line numbers of offsets in one text, without counting from its start each time
    (a long post holds thousands of Liquid nodes)."""

    def __init__(self, text: str) -> None:
        self.newlines = [match.start() for match in re.finditer("\n", text)]

    def line_of(self, index: int) -> int:
        """The 1-based line of offset ``index``."""
        return bisect_left(self.newlines, max(index, 0)) + 1

    def newlines_between(self, start: int, end: int) -> int:
        return bisect_left(self.newlines, end) - bisect_left(self.newlines, start)


def _message(error: BaseException) -> str:
    if isinstance(error, LiquidError):
        message = str(error.message or type(error).__name__)
    else:
        message = f"{type(error).__name__}: {error}"
    return " ".join(message.split())


def _unclosed(message: str, body: str) -> LiquidProblem | None:
    """A block left open is reported at its opening tag, not at the end of the text."""
    expected = _EXPECTED_END.search(message)
    if expected is None:
        return None
    opener = expected.group(1)[3:]
    openings = list(re.finditer(r"\{%-?\s*" + re.escape(opener) + r"\b", body))
    if not openings:
        return None
    line = _line_of(body, openings[-1].start())
    return LiquidProblem(line, f"'{opener}' is never closed: {{% end{opener} %}} is missing")


def _problem(error: LiquidError, body: str, fallback_line: int) -> LiquidProblem:
    token = error.token
    message = _message(error)
    if message.startswith("unexpected tag '") and not message.startswith("unexpected tag 'end"):
        message += " (a tag of a Jekyll plugin? The preview runs Jekyll's own tags only)"
    if token is None or token.start_index < 0 or token.value == TOKEN_EOF:
        unclosed = _unclosed(message, body)
        if unclosed is not None:
            return unclosed
    if token is not None and token.source == body and token.start_index >= 0:
        return LiquidProblem(_line_of(body, token.start_index), message)
    if token is not None and token.start_index >= 0 and error.template_name:
        inner = _line_of(token.source, token.start_index)
        message = f"{message} (in {error.template_name}, line {inner})"
    return LiquidProblem(fallback_line, message)


def _page_globals(
    site: LiquidSite, body: str, front_matter: Mapping[str, Any], path: str | Path | None
) -> dict[str, Any]:
    page = site.page_variable(front_matter, path)
    page["content"] = body
    environment = os.environ.get("JEKYLL_ENV", "development")
    return {
        "site": site.site_variable(),
        "page": page,
        "jekyll": {"environment": environment, "version": JEKYLL_VERSION},
    }


def _line_map(index: _LineIndex, pieces: list[tuple[int, int, str]]) -> tuple[int, ...]:
    """Output line -> body line, from (start, end, output) of each top-level node."""
    lines = [index.line_of(pieces[0][0]) if pieces else 1]
    for start, end, output in pieces:
        first = index.line_of(start)
        spanned = index.newlines_between(start, end)
        # Text keeps its lines; a tag's extra lines stay on its last line (monotonic).
        for k in range(1, output.count("\n") + 1):
            lines.append(first + min(k, spanned))
    return tuple(lines)


def render_liquid(
    body: str,
    front_matter: Mapping[str, Any],
    site: LiquidSite | None,
    path: str | Path | None = None,
) -> LiquidResult:
    """``body`` after Liquid, as Jekyll would render it for the post at ``path``.

    ``site`` comes from :meth:`LiquidSite.for_post` or a :class:`LiquidSites` cache; with
    None (a post outside any Jekyll site) the standard tags still run and ``site`` is empty.
    """
    if not _wants_liquid(body, front_matter):
        return LiquidResult(body)
    if site is None:
        site = LiquidSite(None)
    try:
        with site.render_lock:
            return _render(body, front_matter, site, path)
    except Exception as error:  # noqa: BLE001 - the preview must never stop on Liquid
        return LiquidResult(body, (LiquidProblem(1, _message(error)),), None, True)


def page_globals(
    site: LiquidSite, body: str, front_matter: Mapping[str, Any], path: str | Path | None
) -> dict[str, Any]:
    """What Liquid sees as ``site``, ``page`` and ``jekyll`` while rendering ``body``."""
    return _page_globals(site, body, front_matter, path)


def render_piece(
    text: str, site: LiquidSite, path: str | Path | None, globals_: dict[str, Any]
) -> LiquidResult:
    """A piece of a body after Liquid (lines counted in the piece), with ready globals.

    Call with ``site.render_lock`` held; never raises.
    """
    if "{{" not in text and "{%" not in text:
        return LiquidResult(text)
    try:
        return _render(text, {}, site, path, globals_)
    except Exception as error:  # noqa: BLE001 - the preview must never stop on Liquid
        return LiquidResult(text, (LiquidProblem(1, _message(error)),), None, True)


def _render(
    body: str, front_matter: Mapping[str, Any], site: LiquidSite, path: str | Path | None,
    globals_: dict[str, Any] | None = None,
) -> LiquidResult:
    environment = site.environment
    environment.problems = []
    name = site.relative(path) if path is not None else ""
    try:
        template = environment.from_string(body, name=name)
    except LiquidError as error:
        problem = _problem(error, body, 1)
        return LiquidResult(body, (problem,), None, True)
    problems: list[LiquidProblem] = [_problem(e, body, 1) for e in environment.problems]
    environment.problems = []
    if globals_ is None:
        globals_ = _page_globals(site, body, front_matter, path)
    context = RenderContext(template, globals=globals_)
    nodes = list(template.nodes)
    line_index = _LineIndex(body)
    pieces: list[tuple[int, int, str]] = []
    for index, node in enumerate(nodes):
        start = node.token.start_index
        end = nodes[index + 1].token.start_index if index + 1 < len(nodes) else len(body)
        buffer = io.StringIO()
        stop = False
        try:
            node.render(context, buffer)
        except StopRender:
            stop = True
        except LiquidInterrupt as error:
            environment.error(LiquidError(f"unexpected '{error}'", token=node.token))
        except LiquidError as error:
            environment.error(error, token=node.token)
        except Exception as error:  # noqa: BLE001 - a filter's bug must not stop the page
            environment.error(LiquidError(_message(error), token=node.token))
        line = line_index.line_of(start)
        problems.extend(_problem(e, body, line) for e in environment.problems)
        environment.problems = []
        pieces.append((start, end, buffer.getvalue()))
        if stop:
            break
    text = "".join(piece[2] for piece in pieces)
    problems.sort(key=lambda problem: problem.line)
    return LiquidResult(text, tuple(problems), _line_map(line_index, pieces), True)
