"""Tests for editor.authoring.tables: the house summary table in HTML and Markdown."""

from __future__ import annotations

import markdown
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from editor.authoring.tables import (
    TableError,
    build_summary_table,
    parse_summary_table,
    replace_table,
    table_at,
)


def fixture_table(fixtures_dir) -> tuple[str, str]:
    body = (fixtures_dir / "house-post.md").read_text(encoding="utf-8")
    start = body.index("<table")
    end = body.index("</table>") + len("</table>")
    return body, body[start:end]


def test_build_matches_fixture_exactly(fixtures_dir):
    """Building the fixture's rows gives the fixture's table byte for byte."""
    _, table = fixture_table(fixtures_dir)
    rows = [("운영 시간", "평일 오후 6시 ~ 밤 11시"), ("예약 방법", "도서관 앱에서 좌석 선택")]
    assert build_summary_table(rows) == table


def test_parse_fixture_table(fixtures_dir):
    """Parsing the fixture's table gives its headers and key/content rows as text."""
    _, table = fixture_table(fixtures_dir)
    headers, rows = parse_summary_table(table)
    assert headers == ("항목", "내용")
    assert rows == [
        ("운영 시간", "평일 오후 6시 ~ 밤 11시"),
        ("예약 방법", "도서관 앱에서 좌석 선택"),
    ]


cell_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20
).map(lambda s: " ".join(s.split())).filter(bool)


@given(st.lists(st.tuples(cell_text, cell_text), max_size=5), st.tuples(cell_text, cell_text))
def test_round_trip_html(rows, headers):
    """build -> parse -> build is identical for any cell text, including < & and quotes."""
    built = build_summary_table(rows, headers)
    parsed_headers, parsed_rows = parse_summary_table(built)
    assert build_summary_table(parsed_rows, parsed_headers) == built
    assert parsed_rows == rows


@given(st.lists(st.tuples(cell_text, cell_text), max_size=5))
@example([("0", "____"), ("__k__", "**v**")])
def test_round_trip_markdown(rows):
    """The Markdown pipe table round-trips too, pipes in cells included."""
    built = build_summary_table(rows, fmt="markdown")
    headers, parsed = parse_summary_table(built)
    assert build_summary_table(parsed, headers, fmt="markdown") == built


def test_markdown_table_renders_centred_with_bold_keys():
    """The pipe table renders as a table with centred cells and bold keys."""
    md = build_summary_table([("키", "값 | 둘")], fmt="markdown")
    rendered = markdown.markdown(md, extensions=["tables"])
    assert "<table>" in rendered and 'style="text-align: center;"' in rendered
    assert "<strong>키</strong>" in rendered and "값 | 둘" in rendered


def test_table_at_finds_table_around_cursor(fixtures_dir):
    """With the cursor in a cell the table's span is returned; outside it, None."""
    body, table = fixture_table(fixtures_dir)
    span = table_at(body, body.index("예약 방법"))
    assert span is not None and body[span[0]:span[1]] == table
    assert table_at(body, body.index("야간 열람실 운영")) is None


def test_table_at_markdown_pipe_table():
    """In Markdown bodies the pipe table around the cursor is found."""
    table = build_summary_table([("a", "b"), ("c", "d")], fmt="markdown")
    body = f"intro\n\n{table}\n\nafter"
    span = table_at(body, body.index("**c**"), fmt="markdown")
    assert span is not None and body[span[0]:span[1]] == table
    assert table_at(body, body.index("after"), fmt="markdown") is None


def test_replace_table_edits_in_place(fixtures_dir):
    """Rebuilding the table with a new row changes only the table's text."""
    body, table = fixture_table(fixtures_dir)
    span = table_at(body, body.index("<b>운영 시간</b>"))
    headers, rows = parse_summary_table(body[span[0]:span[1]])
    new = replace_table(body, span, [*rows, ("문의", "안내 데스크")], headers)
    assert new[:span[0]] == body[:span[0]]
    assert new.endswith(body[span[1]:])
    assert "<b>문의</b>" in new and new.count("<table") == 1


def test_parse_tolerates_foreign_tables():
    """A table without thead, with extra columns and markup, still parses into two columns."""
    html = ("<table><tr><td><strong>k</strong></td><td>v<br>w</td><td>x</td></tr>"
            "<tr><td>only</td></tr></table>")
    headers, rows = parse_summary_table(html)
    assert headers == ("항목", "내용")
    assert rows == [("k", "v w x"), ("only", "")]


def test_parse_without_table_raises():
    """Text with no table raises TableError."""
    with pytest.raises(TableError):
        parse_summary_table("<p>no table here</p>")


def test_table_in_a_comment_is_not_found_and_nested_tables_are_whole():
    """A commented-out table is no table; inside a nested one, the outer table is the span."""
    body = "<!-- <table><tr><td>a</td></tr></table> -->\n<p>x</p>"
    assert table_at(body, body.index("<td>")) is None
    nested = "<table><tr><td><table><tr><td>i</td></tr></table></td></tr></table>"
    assert table_at(nested, nested.index("i")) == (0, len(nested))
