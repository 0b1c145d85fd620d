"""Tests for editor.authoring.paste: cleaning clipboard HTML into safe house markup."""

from __future__ import annotations

import pytest

from editor.authoring.highlights import find_highlights, load_presets
from editor.authoring.paste import clean_pasted_html, plain_text

RED = '<b><span style="color: #ee2323;">'
BLUE = '<b><span style="color: #1a5490;">'
MARKER = '<b><span style="background-color: #21538527;">'
END = "</span></b>"

# Shaped like what Google Docs puts on the clipboard (own text).
GOOGLE_DOCS = (
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c">'
    '<h1 dir="ltr" style="line-height:1.38;margin-top:20pt"><span style="font-size:20pt;'
    'font-family:Arial,sans-serif;color:#000000;">주민 설명회 안내</span></h1>'
    '<p dir="ltr" style="line-height:1.38"><span style="font-family:Arial;color:#000000;'
    'font-weight:400;">설명회는 다음 주에 열립니다. </span><span style="font-family:Arial;'
    'color:#EE2323;font-weight:700;">참석 신청은 금요일까지입니다.</span>'
    '<span style="background-color:rgba(33, 83, 133, 0.15);font-weight:700"> 장소는 본관 '
    '강당입니다. </span><a href="https://www.google.com/url?q=https://example.org/notice'
    '?utm_source%3Ddocs%26id%3D7&amp;sa=D" style="text-decoration:none">'
    '<span style="color:#1155cc;text-decoration:underline;">공지 보기</span></a></p>'
    '<ul style="margin-top:0"><li dir="ltr"><p dir="ltr"><span style="font-weight:700;">'
    "준비물</span></p></li><li><p>신분증</p></li></ul></b>"
)

# Shaped like Microsoft Word's CF_HTML clipboard format (own text).
WORD = (
    "Version:0.9\r\nStartHTML:0000000105\r\nEndHTML:0000001200\r\n"
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator '
    'content="Microsoft Word 15"><style>p.MsoNormal{margin:0cm;font-family:"맑은 고딕"}</style>'
    "</head><body lang=KO><!--StartFragment--><p class=MsoNormal><b><span lang=EN-US "
    "style='font-size:11.0pt;font-family:\"맑은 고딕\";color:#1A5490;mso-bidi-font-family:"
    "Arial'>파란 강조 문장<o:p></o:p></span></b></p>\r\n<p class=MsoNormal>보통 문장과 "
    '<font color="#EE2323" face="Arial">빨간 글자</font>, 그리고 <span style=\'color:#ee2332\'>'
    "오타 색</span><span style='mso-spacerun:yes'>&nbsp;</span></p>\r\n"
    "<p class=MsoNormal><o:p>&nbsp;</o:p></p><!--EndFragment--></body></html>"
)

HOSTILE = (
    '<p onclick="steal()" class="x" id="y" data-track="1">Hello'
    "<script>alert(1)</script><img src=x onerror=\"alert(2)\">"
    '<a href="javascript:alert(3)">js</a> <a href=" JaVaScRiPt:alert(4)">js2</a> '
    '<a href="data:text/html;base64,PHNjcmlwdD4=">data</a> '
    '<span style="width: expression(alert(5)); color: #ee2323">expr</span>'
    "<style>p{background:url(javascript:alert(6))}</style><!-- secret -->"
    '<iframe src="https://evil.example"></iframe>'
    '<a href="https://ok.example/page?fbclid=abc&q=2" ping="https://t.example" '
    'onmouseover="x()">ok</a><mark data-preset="red">fake</mark>'
    "<svg><script>alert(7)</script></svg></p>"
)


@pytest.fixture
def presets():
    presets, error = load_presets()
    assert error is None
    return presets


def test_google_docs_structure_and_colours(presets):
    """Docs cruft goes; h1 becomes a house h2; preset colours become preset markup."""
    out = clean_pasted_html(GOOGLE_DOCS, presets)
    assert out.startswith('<h2 data-ke-size="size26">주민 설명회 안내</h2>')
    assert f"{RED}참석 신청은 금요일까지입니다.{END}" in out
    assert f" {MARKER}장소는 본관 강당입니다.{END} " in out  # edge spaces moved out
    assert '<a href="https://example.org/notice?id=7">공지 보기</a>' in out
    assert "<ul>\n<li><b>준비물</b></li>\n<li>신분증</li>\n</ul>" in out
    for cruft in ("docs-internal-guid", "font-family", "dir=", "font-weight", "#1155cc",
                  "<b><b>", "<meta"):
        assert cruft not in out


def test_word_snippet_maps_font_and_style_colours(presets):
    """Word's header, classes and o:p go; #1A5490 and <font color> map; a typo colour is dropped."""
    out = clean_pasted_html(WORD, presets)
    assert out.startswith(f"<p>{BLUE}파란 강조 문장{END}</p>")
    assert f"{RED}빨간 글자{END}" in out
    assert "오타 색" in out and "#ee2332" not in out
    for cruft in ("Version:", "Mso", "o:p", "lang=", "mso-", "<style", "face="):
        assert cruft not in out
    assert out.count("<p>") == 2  # the empty &nbsp; paragraph is gone


def test_cleaned_highlights_are_recognised_cleanly(presets):
    """Everything the cleaner writes reads back as known presets without warnings."""
    cleaned = clean_pasted_html(GOOGLE_DOCS, presets) + clean_pasted_html(WORD, presets)
    found = find_highlights(cleaned, presets)
    assert {h.preset_id for h in found} >= {"red", "blue", "marker"}
    assert all(not h.problems for h in found)


def test_hostile_html_is_neutralised(presets):
    """Scripts, handlers, javascript:/data: links, expression(), iframes and comments vanish."""
    out = clean_pasted_html(HOSTILE, presets)
    lowered = out.lower()
    for bad in ("<script", "alert", "onclick", "onerror", "onmouseover", "javascript",
                "data:", "expression", "<iframe", "<img", "<svg", "secret", "<style",
                "ping=", "data-track", "class=", "id=", "fbclid", "<mark"):
        assert bad not in lowered, bad
    assert '<a href="https://ok.example/page?q=2">ok</a>' in out
    assert f"{RED}expr{END}" in out
    assert "fake" in out and RED + "fake" not in out  # a forged placeholder gets no preset


def test_hostile_html_markdown_output(presets):
    """The Markdown path is sanitised the same way before conversion."""
    out = clean_pasted_html(HOSTILE, presets, fmt="markdown")
    for bad in ("script", "alert", "javascript", "data:", "expression", "onclick"):
        assert bad not in out.lower(), bad
    assert "[ok](https://ok.example/page?q=2)" in out


def test_markdown_output_keeps_highlights_as_inline_html(presets):
    """For Markdown bodies: ATX headings, '-' lists, links, and preset spans as inline HTML."""
    out = clean_pasted_html(GOOGLE_DOCS, presets, fmt="markdown")
    assert out.startswith("## 주민 설명회 안내")
    assert f"{RED}참석 신청은 금요일까지입니다.{END}" in out
    assert "[공지 보기](https://example.org/notice?id=7)" in out
    assert "- **준비물**" in out
    assert "<p>" not in out and "\ue000" not in out


@pytest.mark.parametrize(
    "style",
    ["color:#EE2323", "color: rgb(238, 35, 35)", "COLOR : #ee2323 !important",
     "color:rgba(238,35,35,1)"],
)
def test_colour_forms_map_to_preset(presets, style):
    """Hex in any case, rgb()/rgba() and !important all map to the red preset."""
    out = clean_pasted_html(f'<p>a <span style="{style}">t</span> z</p>', presets)
    assert out == f"<p>a {RED}t{END} z</p>"


def test_existing_house_highlight_is_kept_not_doubled(presets):
    """Copying a house highlight from the blog pastes it back exactly, not as <b><b>."""
    out = clean_pasted_html(f"<p>x {MARKER}y{END}</p>", presets)
    assert out == f"<p>x {MARKER}y{END}</p>"


def test_tables_and_lists_keep_structure(presets):
    """Tables keep rows/cells (not their styles); ordered lists stay ordered."""
    html = ('<table class="t" style="width:50%"><tr><td style="color:#000">k</td>'
            '<td colspan="2">v</td></tr></table><ol><li><em>one</em></li></ol>')
    out = clean_pasted_html(html, presets)
    assert '<td>k</td>' in out and '<td colspan="2">v</td>' in out
    assert "<ol>\n<li><i>one</i></li>" in out
    assert "style" not in out and "class" not in out


def test_plain_text_keeps_paragraphs_only(presets):
    """Ctrl+Shift+V text: blank lines between paragraphs, list items on lines, no markup."""
    text = plain_text(GOOGLE_DOCS)
    assert text.splitlines()[0] == "주민 설명회 안내"
    assert "\n\n설명회는 다음 주에 열립니다. 참석 신청은" in text
    assert "준비물\n" in text and "<" not in text
    assert "alert" not in plain_text(HOSTILE)


def test_rule_kept_in_both_formats(presets):
    """A pasted <hr> stays a rule: <hr /> in HTML, *** in Markdown (never a setext ---)."""
    html = "<p>one</p><hr class='x'><p>two</p>"
    assert clean_pasted_html(html, presets) == "<p>one</p>\n\n<hr />\n\n<p>two</p>"
    assert clean_pasted_html(html, presets, fmt="markdown") == "one\n\n***\n\ntwo"


def test_web_pictures_kept_as_house_markup_others_dropped(presets):
    """http(s) pictures keep src and alt in a paragraph; data:, javascript: and handlers go."""
    copied = (
        '<p>Lead</p><img src="https://example.org/lake.jpg" alt=" The  lake " onerror="x()">'
        '<p><img src="data:image/png;base64,AAAA" alt="inline"></p>'
        '<img src="javascript:alert(1)" alt="bad"><img src="file:///home/me/a.png" alt="mine">'
        '<p>Text <img src="https://example.org/icon.png"> after</p>'
    )
    html_body = clean_pasted_html(copied, presets)
    assert '<p><img src="https://example.org/lake.jpg" alt="The lake" /></p>' in html_body
    assert '<img src="https://example.org/icon.png" alt="" />' in html_body
    for gone in ("data:", "javascript:", "file:", "onerror", "inline", "bad", "mine"):
        assert gone not in html_body
    markdown_body = clean_pasted_html(copied, presets, "markdown")
    assert "![The lake](https://example.org/lake.jpg)" in markdown_body
    assert "Text ![](https://example.org/icon.png) after" in markdown_body
    assert "data:" not in markdown_body and "javascript:" not in markdown_body
