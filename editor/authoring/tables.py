"""The house summary table: build it, read it back, and find it around the cursor.

HTML bodies get the reference post's centred two-column table, one tag per line;
Markdown bodies a pipe table with both columns centred and the keys in ``**bold**``.
Cells are plain text (escaped when written, unescaped when read), so
build -> parse -> build gives the same text.
"""

from __future__ import annotations

import html
import re

from editor.errors import EditorError
from editor.markup import Tag, Text, markup, pair_elements, tokenize

TABLE_STYLE = "width: 100%; border-collapse: collapse;"
TH_STYLE = "text-align: center;"
TD_STYLE = "text-align: center; height: 17px;"
DEFAULT_HEADERS = ("항목", "내용")

Row = tuple[str, str]


class TableError(EditorError, ValueError):
    """The text holds no summary table that can be read."""


def _cell(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=False)


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def build_summary_table(rows: list[Row] | list[tuple[str, str]],
                        headers: tuple[str, str] = DEFAULT_HEADERS, fmt: str = "html") -> str:
    """The summary table for ``rows`` of (key, content), without a trailing newline."""
    if fmt == "markdown":
        lines = [
            f"| {_md_cell(headers[0])} | {_md_cell(headers[1])} |",
            "| :---: | :---: |",
        ]
        for key, value in rows:
            key_md = f"**{_md_cell(key)}**" if key.strip() else ""
            lines.append(f"| {key_md} | {_md_cell(value)} |")
        return "\n".join(lines)
    if fmt != "html":
        raise ValueError(f"fmt must be 'html' or 'markdown', not {fmt!r}")
    lines = [f'<table style="{TABLE_STYLE}">', "<thead>", "<tr>"]
    lines += [f'<th style="{TH_STYLE}"><b>{_cell(h)}</b></th>' for h in headers]
    lines += ["</tr>", "</thead>", "<tbody>"]
    for key, value in rows:
        lines += [
            "<tr>",
            f'<td style="{TD_STYLE}"><b>{_cell(key)}</b></td>',
            f'<td style="{TD_STYLE}">{_cell(value)}</td>',
            "</tr>",
        ]
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)


def _read_html_table(text: str) -> tuple[list[list[str]], set[int]]:
    """Cell texts of the first table, row by row, and the indexes of rows of ``<th>`` cells."""
    rows: list[list[str]] = []
    header_rows: set[int] = set()
    depth = 0
    cell: list[str] | None = None
    cell_is_header = False
    for token in tokenize(text):
        if isinstance(token, Text):
            if cell is not None:
                cell.append(html.unescape(text[token.start:token.end]))
            continue
        if not isinstance(token, Tag):
            continue
        name = token.name
        if token.closing:
            if name == "table":
                depth -= 1
                if depth == 0:
                    break
            elif depth == 1 and name in ("td", "th") and cell is not None:
                if not rows:
                    rows.append([])
                rows[-1].append(" ".join("".join(cell).split()))
                if cell_is_header:
                    header_rows.add(len(rows) - 1)
                cell = None
        elif name == "table":
            depth += 1
        elif depth == 1 and name == "tr":
            rows.append([])
        elif depth == 1 and name in ("td", "th"):
            cell, cell_is_header = [], name == "th"
        elif name == "br" and cell is not None:
            cell.append(" ")
    return rows, header_rows


def _pair(cells: list[str]) -> Row:
    # A table edited elsewhere may have more columns: keep the rest in the content.
    padded = [*cells, "", ""]
    return (padded[0], " ".join(c for c in padded[1:] if c))


def parse_summary_table(text: str) -> tuple[Row, list[Row]]:
    """(headers, rows) of the first table in ``text`` (HTML or a Markdown pipe table).

    Raises :class:`TableError` if there is none. Cell markup is dropped (text only);
    rows with more than two cells keep the extra cells in the content column.
    """
    if any(isinstance(t, Tag) and t.name == "table" for t in markup(text)):
        raw_rows, header_rows = _read_html_table(text)
        headers: list[str] = []
        rows: list[Row] = []
        for index, raw in enumerate(raw_rows):
            if index in header_rows:
                headers = headers or raw
            elif raw:
                rows.append(_pair(raw))
        if not headers and not rows:
            raise TableError("the table has no cells")
        return _pair(headers) if headers else DEFAULT_HEADERS, rows
    return _parse_pipe_table(text)


_DELIMITER_RE = re.compile(r"\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?")


def _split_pipe_row(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells = [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line)]
    if cells:
        # Only keys are written bold; other cells keep underscores and stars as text.
        bold = re.fullmatch(r"\*\*(.+)\*\*|__(.+)__", cells[0])
        if bold:
            cells[0] = (bold.group(1) or bold.group(2)).strip()
    return cells


def _parse_pipe_table(text: str) -> tuple[Row, list[Row]]:
    lines = [line for line in text.splitlines() if line.strip()]
    for i in range(len(lines) - 1):
        if "|" in lines[i] and _DELIMITER_RE.fullmatch(lines[i + 1].strip()):
            headers = _pair(_split_pipe_row(lines[i]))
            rows = []
            for line in lines[i + 2:]:
                if "|" not in line:
                    break
                rows.append(_pair(_split_pipe_row(line)))
            return headers, rows
    raise TableError("no table found")


def table_at(body: str, offset: int, fmt: str = "html") -> tuple[int, int] | None:
    """Offsets (start, end) of the table around ``offset``, or None.

    HTML tables are found in both formats (Markdown may hold raw HTML); Markdown
    bodies also have their pipe tables found. ``start <= offset <= end`` counts.
    """
    for table in pair_elements(markup(body)):
        # Elements come outermost first: a table inside a table's cell edits the outer one.
        if table.name == "table" and table.open_start <= offset <= table.close_end:
            return table.open_start, table.close_end
    if fmt != "markdown":
        return None
    return _pipe_table_at(body, offset)


def _pipe_table_at(body: str, offset: int) -> tuple[int, int] | None:
    lines = body.split("\n")
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    index = max(i for i, s in enumerate(starts) if s <= offset)
    if "|" not in lines[index]:
        return None
    first = last = index
    while first > 0 and "|" in lines[first - 1] and lines[first - 1].strip():
        first -= 1
    while last + 1 < len(lines) and "|" in lines[last + 1] and lines[last + 1].strip():
        last += 1
    if last == first or not _DELIMITER_RE.fullmatch(lines[first + 1].strip()):
        return None
    return starts[first], starts[last] + len(lines[last])


def replace_table(body: str, span: tuple[int, int], rows: list[Row],
                  headers: tuple[str, str] = DEFAULT_HEADERS, fmt: str = "html") -> str:
    """Body with the table at ``span`` (from :func:`table_at`) rebuilt from ``rows``."""
    start, end = span
    return body[:start] + build_summary_table(rows, headers, fmt) + body[end:]
