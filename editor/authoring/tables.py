"""The house summary table: build it, read it back, and find it around the cursor.

HTML bodies get the reference post's centred two-column table, one tag per line;
Markdown bodies a pipe table with both columns centred and the keys in ``**bold**``.
Cells are plain text (escaped when written, unescaped when read), so
build -> parse -> build gives the same text.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from editor.errors import EditorError

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


class _TableReader(HTMLParser):
    """Collects the text of header and body cells of the first table."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.header_rows: set[int] = set()  # indexes of rows made of <th> cells
        self._depth = 0
        self._cell: list[str] | None = None
        self._cell_is_header = False
        self._done = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self._done:
            return
        if tag == "table":
            self._depth += 1
        elif self._depth == 1 and tag == "tr":
            self.rows.append([])
        elif self._depth == 1 and tag in ("td", "th"):
            self._cell, self._cell_is_header = [], tag == "th"
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if self._done:
            return
        if tag == "table":
            self._depth -= 1
            self._done = self._depth == 0
        elif self._depth == 1 and tag in ("td", "th") and self._cell is not None:
            text = " ".join("".join(self._cell).split())
            if not self.rows:
                self.rows.append([])
            self.rows[-1].append(text)
            if self._cell_is_header:
                self.header_rows.add(len(self.rows) - 1)
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _pair(cells: list[str]) -> Row:
    # A table edited elsewhere may have more columns: keep the rest in the content.
    padded = [*cells, "", ""]
    return (padded[0], " ".join(c for c in padded[1:] if c))


def parse_summary_table(text: str) -> tuple[Row, list[Row]]:
    """(headers, rows) of the first table in ``text`` (HTML or a Markdown pipe table).

    Raises :class:`TableError` if there is none. Cell markup is dropped (text only);
    rows with more than two cells keep the extra cells in the content column.
    """
    if re.search(r"<table\b", text, re.I):
        reader = _TableReader()
        reader.feed(text)
        reader.close()
        headers: list[str] = []
        rows: list[Row] = []
        for index, raw in enumerate(reader.rows):
            if index in reader.header_rows:
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


_HTML_TABLE_RE = re.compile(r"<table\b.*?</table\s*>", re.I | re.S)


def table_at(body: str, offset: int, fmt: str = "html") -> tuple[int, int] | None:
    """Offsets (start, end) of the table around ``offset``, or None.

    HTML tables are found in both formats (Markdown may hold raw HTML); Markdown
    bodies also have their pipe tables found. ``start <= offset <= end`` counts.
    """
    for m in _HTML_TABLE_RE.finditer(body):
        if m.start() <= offset <= m.end():
            return m.start(), m.end()
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
