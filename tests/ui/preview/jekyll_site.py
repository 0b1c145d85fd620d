"""A small Jekyll site written for the Site-look tests: its own layout, include and Sass."""

from __future__ import annotations

from pathlib import Path

LAYOUT = """<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>{{ page.title }}</title>
<link rel="stylesheet" href="{{ '/assets/css/site.css' | relative_url }}"></head>
<body><header class="masthead">{{ site.title }}</header>
<main class="sheet"><h1 class="title">{{ page.title }}</h1>
<div class="entry">{{ content }}</div></main>
{% include footer.html %}</body></html>
"""

SASS = """$paper: #f4ecd8;
$ink: #3b2f2f;
$accent: #b8336a;
body { margin: 0; background: $paper; color: $ink;
  font: 18px/1.6 "DejaVu Serif", "Noto Serif CJK KR", serif; }
html { overflow: hidden; }
.masthead { background: $accent; color: #ffffff; font: bold 28px/60px "Noto Sans CJK KR",
  sans-serif;
  padding: 0 24px; letter-spacing: 2px; }
.sheet { margin: 24px 40px; padding: 16px 28px; background: #ffffff;
  border-left: 8px solid $accent; }
.title { font-size: 34px; color: $accent; margin: 0 0 12px; }
.entry h2 { font-size: 22px; color: #2a6f97; border-bottom: 3px double #2a6f97; }
.entry p { margin: 0 0 14px; }
.entry ul { padding-left: 30px; }
.entry strong { color: $accent; }
.foot { padding: 8px 40px; font-size: 13px; color: #7a6a5a; }
"""

BODY = """첫 문단은 **굵은 글씨**와 보통 글씨가 섞인 짧은 소개입니다.

## 둘째 제목

- 사과 한 알
- 배 두 알
- 감 세 알

마지막 문단입니다.
"""


def make_site(root: Path, body: str = BODY) -> Path:
    """Write the site under ``root``; returns its one post."""
    for folder in ("_layouts", "_includes", "_sass", "assets/css", "_posts"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "_config.yml").write_text(
        "title: 작은 정원\nmarkdown: kramdown\ndefaults:\n  - scope: {path: ''}\n"
        "    values: {layout: post}\n", encoding="utf-8")
    (root / "_layouts" / "post.html").write_text(LAYOUT, encoding="utf-8")
    (root / "_includes" / "footer.html").write_text(
        '<footer class="foot">정원 일기</footer>\n', encoding="utf-8")
    (root / "_sass" / "_look.scss").write_text(SASS, encoding="utf-8")
    (root / "assets" / "css" / "site.scss").write_text(
        '---\n---\n@import "look";\n', encoding="utf-8")
    post = root / "_posts" / "2026-04-02-garden.md"
    post.write_text(f"---\ntitle: 봄의 정원\n---\n{body}", encoding="utf-8")
    return post
