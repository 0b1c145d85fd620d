"""The preview's fragment of a post in a Jekyll site against what the real Jekyll publishes.

Posts written for this test (Liquid tags, includes with parameters, post_url and
relative_url, smart quotes, attribute lists, a toc, footnotes, nested lists, code in
several languages, Korean headings) are built by ``jekyll build`` with a layout that
prints only ``{{ content }}``, and compared with ``editor.render.core.fragment`` of the
same files after normalising (whitespace collapsed, attributes sorted, comments and
source-line anchors dropped): the visible text is Jekyll's for every post, the tag
structure for at least nine in ten.

Accepted differences are listed in ``ACCEPTED_DIFFERENCES`` with their reasons (one:
Pygments and rouge cut some code tokens differently); the test checks that nothing
else differs in those posts. Two long posts check what the part caches of the kramdown
engine and of Liquid could break: references, attribute list definitions and
repeated heading ids across parts, footnotes over a long post.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from editor.document.post import Post
from editor.render import core as render
from tests.render.kramdown.test_kramdown_differential import normalise

CONFIG = "title: 시험 블로그\nbaseurl: /blog\nurl: https://example.org\nlang: ko\n"
INCLUDES = {
    "note.html": '<div class="note {{ include.kind }}">{{ include.text }}</div>\n',
    "figure.html": '<figure><img src="{{ include.src | relative_url }}" alt="{{ include.alt }}">'
                   "<figcaption>{{ include.alt }}</figcaption></figure>\n",
}
POSTS = {
    "2024-01-02-liquid-values": (
        "title: 값과 조건\nwriters: 3",
        "# {{ page.title }}\n\n{{ site.title }}에 오신 것을 환영합니다.\n\n"
        "{% assign n = page.writers | plus: 2 %}\n"
        "{% if n > 4 %}다섯 이상입니다.{% else %}작습니다.{% endif %}\n\n"
        "{% for i in (1..3) %}\n* 항목 {{ i }}\n{% endfor %}\n\n"
        "{% capture who %}작가 {{ page.writers }}명{% endcapture %}\n{{ who | upcase }}\n\n"
        "{% comment %}보이지 않는 메모{% endcomment %}끝.\n",
    ),
    "2024-01-03-includes": (
        "title: 포함 파일",
        "소개 문단입니다.\n\n"
        '{% include note.html kind="tip" text="물은 아침에 주세요" %}\n\n'
        '{% include figure.html src="/assets/img/pot.png" alt="화분 사진" %}\n\n'
        "마지막 문단.\n",
    ),
    "2024-01-04-links": (
        "title: 링크 모음",
        "[지난 글]({% post_url 2024-01-02-liquid-values %})을 보세요.\n\n"
        '![그림]({{ "/assets/img/leaf.png" | relative_url }})\n\n'
        '절대 주소: {{ "/about/" | absolute_url }}\n\n'
        "{% raw %}{{ 이것은 Liquid가 아닙니다 }}{% endraw %}\n",
    ),
    "2024-01-05-typography": (
        "title: 따옴표",
        "He said \"it's fine\" -- and 'left' --- quickly...\n\n"
        "The 1990s' style, <<guillemets>> and a 5' board.\n",
    ),
    "2024-01-06-attributes": (
        "title: 속성 목록",
        "* 목차\n{:toc}\n\n## 첫째 제목\n\n강조하는 문단입니다.\n{: .lead}\n\n"
        "## 둘째 제목 {#custom-id}\n\n보통 문단.\n{: #para .note title=\"설명\"}\n",
    ),
    "2024-01-07-footnotes": (
        "title: 각주",
        "첫 문장에 각주가 있습니다.[^one] 둘째 문장도요.[^two]\n\n"
        "[^one]: 첫째 각주의 내용.\n[^two]: 둘째 각주, *강조* 포함.\n",
    ),
    "2024-01-08-lists": (
        "title: 목록",
        "1. 하나\n2. 둘\n   * 둘-가\n   * 둘-나\n\n     둘-나의 둘째 문단\n3. 셋\n\n"
        "- [ ] 할 일\n- [x] 한 일\n",
    ),
    "2024-01-09-code": (
        "title: 코드",
        "인라인 `print()` 코드.\n\n"
        "```python\ndef greet(name):\n    return f\"안녕 {name}\"\n```\n\n"
        "```js\nconst x = [1, 2, 3].map(n => n * 2);\n```\n\n"
        "{% highlight ruby %}\nputs 'hello'\n{% endhighlight %}\n\n"
        "    들여쓴 코드\n",
    ),
    "2024-01-10-korean-headings": (
        "title: 한국어 제목",
        "## 한일 국방교류의 강화\n\n내용 문단.\n\n### 세부 계획 (2024년)\n\n"
        "| 항목 | 일정 |\n|---|---|\n| 회담 | 6월 |\n| 훈련 | 9월 |\n",
    ),
    "2024-01-11-mixed-html": (
        "title: HTML 섞기",
        '<p data-ke-size="size16">HTML 문단 {{ page.title }}</p>\n\n'
        "Markdown *문단*과 **굵게**.\n\n<div markdown=\"1\">\n안쪽 *마크다운*\n</div>\n",
    ),
}


def _long_post(sections: int) -> str:
    """Long enough to be converted by parts (and Liquid by chunks): what crosses parts."""
    section = (
        "## 같은 제목 {{{{ page.title }}}}\n\n"
        "{n}번째 문단은 [안내][notice]와 [지도]({{{{ \"/map/{n}.png\" | relative_url }}}})를 "
        "가리킵니다 -- \"따옴표\"도 있고요.\n{{: note}}\n\n"
        "{{: .wide}}\n\n| 층 | 좌석 |\n|---|---|\n| {n} | 48 |\n\n"
        "- 항목 {n}\n  - 안쪽 항목\n- 다음 항목\n\n"
        "{{% if page.title %}}제목이 있는 글 {n}.{{% endif %}}\n"
    )
    body = "\n".join(section.format(n=n) for n in range(sections))
    return (body + '\n{:note: .note data-kind="long"}\n\n'
            '[notice]: https://example.org/notice "안내문"\n')


def _long_footnotes(sections: int) -> str:
    body = "\n".join(
        f"### 절 {n}\n\n{n}번째 문단에 각주가 붙습니다.[^n{n}] 이어지는 문장.\n"
        for n in range(sections)
    )
    notes = "\n".join(f"[^n{n}]: 각주 {n}의 *내용*." for n in range(sections))
    return f"{body}\n{notes}\n"


# What the part caches must keep right: references, attribute list definitions and
# repeated heading ids across parts (and Liquid chunks), footnotes over a long post.
POSTS["2024-01-12-long-parts"] = ("title: 긴 글", _long_post(300))
POSTS["2024-01-13-long-footnotes"] = ("title: 긴 각주", _long_footnotes(90))

# Posts whose tag structure may differ from Jekyll's, and why. Everything else of
# theirs must still be Jekyll's (checked with the difference taken out).
ACCEPTED_DIFFERENCES = {
    "2024-01-09-code": "inside highlighted code Pygments and rouge cut some tokens "
    "differently (a double-quoted Python string is s2 in Pygments and s in rouge, a "
    "JavaScript integer mf and mi): the span classes differ, the text and wrappers agree",
}
_CODE_SPAN_CLASS_RE = re.compile(r'<span class="[^"]*">')
# One page of the site's layout shows only the converted body.
LAYOUT = "{{ content }}"


def make_site(root: Path) -> dict[str, Path]:
    (root / "_layouts").mkdir(parents=True)
    (root / "_includes").mkdir()
    (root / "_posts").mkdir()
    (root / "_config.yml").write_text(CONFIG, encoding="utf-8")
    (root / "_layouts" / "post.html").write_text(LAYOUT, encoding="utf-8")
    for name, text in INCLUDES.items():
        (root / "_includes" / name).write_text(text, encoding="utf-8")
    paths = {}
    for name, (front, body) in POSTS.items():
        path = root / "_posts" / f"{name}.md"
        path.write_text(f"---\nlayout: post\n{front}\npermalink: /out/{name}.html\n---\n{body}",
                        encoding="utf-8")
        paths[name] = path
    return paths


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, tuple[str, str]]:
    """Per post: (Jekyll's page, our fragment)."""
    jekyll = shutil.which("jekyll")
    if jekyll is None:
        pytest.fail("jekyll is not installed (CI installs it with .ci/setup test)")
    base = tmp_path_factory.mktemp("truth")
    paths = make_site(base / "site")
    done = subprocess.run([jekyll, "build", "--quiet", "-s", str(base / "site"),
                           "-d", str(base / "built")], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    renderer = render.Renderer()
    return {
        name: ((base / "built" / "out" / f"{name}.html").read_text(encoding="utf-8"),
               renderer.fragment(Post.load(path), anchors=False))
        for name, path in paths.items()
    }


@pytest.mark.parametrize("name", sorted(POSTS))
def test_visible_text_is_what_jekyll_publishes(pages, name):
    jekyll, ours = pages[name]
    assert normalise(ours)[0] == normalise(jekyll)[0]


def test_tag_structure_matches_for_nine_in_ten(pages):
    same = [name for name, (jekyll, ours) in pages.items()
            if normalise(ours)[1] == normalise(jekyll)[1]]
    differing = sorted(set(pages) - set(same))
    assert len(same) >= 0.9 * len(pages), differing
    assert set(differing) <= set(ACCEPTED_DIFFERENCES), differing
    for name in differing:  # the listed difference is the only one
        jekyll, ours = (_CODE_SPAN_CLASS_RE.sub("<span>", normalise(html)[1])
                        for html in pages[name])
        assert ours == jekyll, name


def test_long_posts_are_converted_by_parts():
    """The long fixtures really exercise the part caches (kramdown parts, Liquid chunks)."""
    from editor.render.kramdown import parts as kramdown_parts
    from editor.render.liquid.chunks import CHUNK_THRESHOLD, chunk_starts

    body = POSTS["2024-01-12-long-parts"][1]
    assert len(kramdown_parts.cut(body)) > 10 and not kramdown_parts.needs_whole_document(body)
    assert len(body) >= CHUNK_THRESHOLD and len(chunk_starts(body) or []) > 5


def test_anchors_of_a_site_post_name_body_lines(tmp_path):
    """After Liquid, the preview's source-line anchors still point at the body's lines."""
    paths = make_site(tmp_path / "site")
    post = Post.load(paths["2024-01-02-liquid-values"])
    html = render.Renderer().fragment(post)
    lines = post.body.splitlines()
    assert 'data-source-line="1"' in html  # the heading, first line of the body
    ending = lines.index("{% comment %}보이지 않는 메모{% endcomment %}끝.") + 1
    assert f'data-source-line="{ending}"' in html


def test_a_liquid_error_shows_at_its_line_and_the_rest_renders(tmp_path):
    paths = make_site(tmp_path / "site")
    path = paths["2024-01-03-includes"]
    path.write_text("---\ntitle: 깨진 글\n---\n첫 문단.\n\n{% include missing.html %}\n\n"
                    "마지막 문단.\n", encoding="utf-8")
    html = render.Renderer().fragment(Post.load(path))
    assert '<div class="liquid-error" data-source-line="3">' in html
    assert "첫 문단." in html and "마지막 문단." in html


def test_posts_outside_a_site_keep_the_editors_engine(tmp_path):
    """No _config.yml above the post: no Liquid, Python-Markdown as before."""
    path = tmp_path / "loose.md"
    path.write_text("---\ntitle: t\n---\n{{ page.title }} \"quoted\"\n", encoding="utf-8")
    html = render.Renderer().fragment(Post.load(path), anchors=False)
    assert "{{ page.title }}" in html and "&quot;quoted&quot;" in html or '"quoted"' in html


def test_render_with_liquid_false_leaves_the_tags(tmp_path):
    paths = make_site(tmp_path / "site")
    path = paths["2024-01-04-links"]
    path.write_text("---\ntitle: t\nrender_with_liquid: false\n---\n{{ page.title }}\n",
                    encoding="utf-8")
    html = render.Renderer().fragment(Post.load(path), anchors=False)
    assert "{{ page.title }}" in html
