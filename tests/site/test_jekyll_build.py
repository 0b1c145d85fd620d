"""Acceptance test: posts made with `new` + `set` build with the real `jekyll` and arrive unchanged.

Jekyll is the publisher our writers use, so "ready to publish" means: the Debian
``jekyll`` command builds the site from our files, and the title, categories, excerpt
and body (every highlight span, the summary table) reach the generated page as written.
This test must run wherever the suite runs; without ``jekyll`` it fails, it never skips.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from editor.cli.main import main
from editor.document.post import Post

CONFIG = """\
title: Acceptance site
markdown: kramdown
defaults:
  - scope:
      path: ""
      type: posts
    values:
      layout: post
"""

DEFAULT_LAYOUT = """\
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ page.title }}</title></head>
<body>
{{ content }}
</body></html>
"""

# Markers around each value so the test reads back exactly what Liquid printed.
POST_LAYOUT = """\
---
layout: default
---
<div id="ae-title">{{ page.title }}</div>
<div id="ae-categories">{{ page.categories | join: "|" }}</div>
<div id="ae-excerpt">{{ page.excerpt }}</div>
<div id="ae-body">
{{ content }}
</div><!-- /ae-body -->
"""

HOUSE_TITLE = "강변 도서관: 밤 11시까지 문 연다!"
HOUSE_CATEGORIES = ["뉴스", "서울 생활"]
HOUSE_EXCERPT = (
    "강변 도서관이 다음 달부터 평일 열람실을 밤 11시까지 열기로 했다. "
    "예약 방법과 이용 수칙, 주민들의 기대를 정리했다!"
)
RED = '<b><span style="color: #ee2323;">첫 주 예약이 모두 찼습니다.</span></b>'
BLUE = '<b><span style="color: #1a5490;">주말 운영도 검토합니다.</span></b>'
MARKER = '<b><span style="background-color: #21538527;">조용한 공부 공간이 늘어납니다.</span></b>'
KEYWORD = "<b>무료 와이파이</b>"
TABLE = """\
<table style="width: 100%; border-collapse: collapse;">
<thead>
<tr>
<th style="text-align: center;"><b>항목</b></th>
<th style="text-align: center;"><b>내용</b></th>
</tr>
</thead>
<tbody>
<tr>
<td style="text-align: center; height: 17px;"><b>운영 시간</b></td>
<td style="text-align: center; height: 17px;">평일 오후 7시 ~ 밤 11시</td>
</tr>
</tbody>
</table>"""
HOUSE_BODY = f"""
<p><img src="https://example.com/images/riverside-library.jpg" alt="강변 도서관 열람실" /></p>

<h2 data-ke-size="size26">운영 시간과 예약</h2>

<p data-ke-size="size16">&nbsp;</p>

<p>도서관은 열람실 좌석을 앱으로 예약하도록 했습니다. {RED} 안내 직원도 늘렸습니다. {MARKER}</p>

<p>이용자들은 {KEYWORD}를 반겼습니다. {BLUE}</p>

<p data-ke-size="size16">&nbsp;</p>

<hr />

{TABLE}

<p>의견은 누리집 게시판으로 받습니다.</p>
동네 소식, <a href="https://example.org" rel="dofollow">example.org</a>
"""

MD_TITLE = "주간 메모 #3: 읽은 책"
MD_EXCERPT = "이번 주에 읽은 책 세 권을 짧게 적었다."
MD_BODY = """
이번 주에는 **세 권**을 읽었다.

## 첫 번째 책

- 소설 한 권
- 에세이 두 권
"""


def _jekyll() -> str:
    jekyll = shutil.which("jekyll")
    if jekyll is None:
        pytest.fail(
            "The `jekyll` command is missing. This acceptance test needs it: "
            "install it with `apt-get install jekyll` (see .ci/run)."
        )
    return jekyll


def _run_cli(argv: list[str], capsys) -> str:
    code = main(argv)
    captured = capsys.readouterr()
    assert code == 0, (argv, captured.err)
    return captured.out.strip()


def _marked(page: str, name: str) -> str:
    match = re.search(rf'<div id="ae-{name}">(.*?)</div>', page, re.DOTALL)
    assert match, f"marker ae-{name} missing from the generated page"
    return match.group(1)


def _body(page: str) -> str:
    match = re.search(r'<div id="ae-body">\n(.*)\n</div><!-- /ae-body -->', page, re.DOTALL)
    assert match, "body markers missing from the generated page"
    return match.group(1)


def _generated_page(out: Path, title: str) -> str:
    pages = [p.read_text(encoding="utf-8") for p in out.rglob("*.html")]
    found = [p for p in pages if f'<div id="ae-title">{title}</div>' in p]
    assert len(found) == 1, f"expected one page titled {title!r} in {out}"
    return found[0]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "_layouts").mkdir(parents=True)
    (root / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (root / "_layouts" / "default.html").write_text(DEFAULT_LAYOUT, encoding="utf-8")
    (root / "_layouts" / "post.html").write_text(POST_LAYOUT, encoding="utf-8")
    return root


def test_posts_made_by_the_editor_build_with_jekyll(site, tmp_path, capsys):
    """Title, categories, excerpt and body of `new` + `set` posts reach Jekyll's pages unchanged."""
    jekyll = _jekyll()

    # The house way: a .md file whose body is the HTML the writers paste.
    house = Path(_run_cli(["new", HOUSE_TITLE, "--site", str(site), "--template",
                           "news-article", "--date", "2024-05-06"], capsys))
    quoted_excerpt = json.dumps(HOUSE_EXCERPT, ensure_ascii=False)
    _run_cli(["set", str(house), "categories=" + json.dumps(HOUSE_CATEGORIES, ensure_ascii=False),
              "excerpt=" + quoted_excerpt, "feature_text=" + quoted_excerpt,
              "image='https://example.com/images/riverside-library.jpg'"], capsys)
    post = Post.load(house)
    post.body = HOUSE_BODY  # what the writer typed in the source editor
    post.save()
    assert "\nexcerpt: >\n" in house.read_text(encoding="utf-8"), "excerpt lost its > style"
    assert _run_cli(["check", str(house)], capsys) == f"{house}: no problems found"

    # The same body as an .html post, which Jekyll copies without a Markdown pass.
    html_title = HOUSE_TITLE + " (HTML)"
    html_post = Path(_run_cli(["new", html_title, "--site", str(site), "--format", "html",
                               "--date", "2024-05-07", "--category", "뉴스"], capsys))
    _run_cli(["set", str(html_post), "excerpt=" + quoted_excerpt,
              "feature_text=" + quoted_excerpt], capsys)
    post = Post.load(html_post)
    post.body = HOUSE_BODY
    post.save()

    # A plain Markdown post.
    markdown = Path(_run_cli(["new", MD_TITLE, "--site", str(site), "--date", "2024-05-08",
                              "--category", "메모"], capsys))
    _run_cli(["set", str(markdown), "excerpt=" + json.dumps(MD_EXCERPT, ensure_ascii=False)],
             capsys)
    post = Post.load(markdown)
    post.body = MD_BODY
    post.save()

    out = tmp_path / "out"
    result = subprocess.run(
        [jekyll, "build", "--source", str(site), "--destination", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    for title, categories in ((HOUSE_TITLE, HOUSE_CATEGORIES), (html_title, ["뉴스"])):
        page = _generated_page(out, title)
        assert _marked(page, "categories") == "|".join(categories)
        assert _marked(page, "excerpt").strip() == HOUSE_EXCERPT
        body = _body(page)
        for span in (RED, BLUE, MARKER, KEYWORD, TABLE):
            assert span in body, f"{span[:40]}... changed on the way to {title!r}"
    assert _body(_generated_page(out, html_title)).strip() == HOUSE_BODY.strip()

    page = _generated_page(out, MD_TITLE)
    assert _marked(page, "categories") == "메모"
    assert _marked(page, "excerpt").strip() == MD_EXCERPT
    body = _body(page)
    assert "<strong>세 권</strong>" in body
    assert re.search(r"<h2[^>]*>첫 번째 책</h2>", body)
    assert "<li>에세이 두 권</li>" in body


def test_missing_jekyll_fails_instead_of_skipping(monkeypatch):
    """Without the jekyll command the acceptance test fails with a message saying how to fix it."""
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pytest.fail.Exception, match="apt-get install jekyll"):
        _jekyll()
