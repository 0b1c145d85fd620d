"""Tests for editor.site.checks: each rule of the publish checklist, with file line numbers."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from editor.document.post import Post
from editor.site.checks import EXCERPT_LIMIT, Problem, check

GOOD_FRONT = (
    "---\n"
    "title: 좋은 글\n"
    "excerpt: >\n"
    "  짧은 요약.\n"
    "feature_text: >\n"
    "  짧은 요약.\n"
    "---\n"
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def make_site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    write(root / "_config.yml", "title: t\n")
    return root


def messages(problems: list[Problem]) -> list[tuple[str, int | None, str]]:
    return [(p.level, p.line, p.message) for p in problems]


def test_clean_house_post_has_no_problems(fixtures_dir):
    """The house-style fixture (web images with alt, balanced tags, same texts) passes."""
    assert check(Post.load(fixtures_dir / "house-post.md")) == []


def test_problem_is_frozen():
    """Problems are values: they cannot be changed after the checklist made them."""
    problem = Problem("error", "x", 3, "title")
    with pytest.raises(dataclasses.FrozenInstanceError):
        problem.line = 4  # type: ignore[misc]


def test_invalid_yaml_is_an_error_at_its_line():
    """Broken front matter is reported at the YAML error's file line."""
    post = Post.from_text("---\ntitle: ok\ncategories: [a, b\nexcerpt: x\n---\nbody\n")
    problems = check(post)
    errors = [p for p in problems if p.level == "error"]
    assert len(errors) == 1
    assert "YAML" in errors[0].message
    assert errors[0].line == post.yaml_error.line
    assert errors[0].line is not None and 2 <= errors[0].line <= 5


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\nexcerpt: x\n---\nbody\n", 1),
        ("---\nexcerpt: x\ntitle: ''\n---\nbody\n", 3),
        ("---\nexcerpt: x\ntitle:\n---\nbody\n", 3),
        ("no front matter at all\n", 1),
    ],
)
def test_missing_or_empty_title_is_an_error(text, line):
    """A post without a title cannot be published; the problem points at the title line."""
    problems = [p for p in check(Post.from_text(text)) if p.field == "title"]
    assert messages(problems) == [("error", line, "The post has no title")]


def test_post_file_name_with_impossible_date(tmp_path):
    """In _posts/, 2023-02-30 in the name is an error; the same name as a draft is fine."""
    root = make_site(tmp_path)
    bad = write(root / "_posts" / "2023-02-30-x.md", GOOD_FRONT + "body\n")
    problems = check(Post.load(bad))
    assert [(p.level, p.line) for p in problems] == [("error", 1)]
    assert "2023-02-30" in problems[0].message
    draft = write(root / "_drafts" / "2023-02-30-x.md", GOOD_FRONT + "body\n")
    assert check(Post.load(draft)) == []


def test_post_file_name_without_date(tmp_path):
    """A file in _posts/ without a leading date is skipped by Jekyll: an error."""
    root = make_site(tmp_path)
    path = write(root / "_posts" / "no-date.md", GOOD_FRONT + "body\n")
    problems = check(Post.load(path))
    assert [p.level for p in problems] == ["error"]
    assert "YYYY-MM-DD" in problems[0].message


def test_missing_local_images_are_errors(tmp_path):
    """Local images that do not exist are errors: body <img>, Markdown images, front matter."""
    root = make_site(tmp_path)
    write(root / "assets" / "here.png", "png")
    write(root / "_posts" / "pics" / "near.png", "png")
    text = (
        "---\n"
        "title: t\n"
        "excerpt: e\n"
        "image: /assets/gone.png\n"
        "---\n"
        "![ok](/assets/here.png)\n"
        "![ok](pics/near.png)\n"
        '<p><img src="/assets/missing%20file.png" alt="a" /></p>\n'
        "![also](pics/lost.png \"title\")\n"
        "![web](https://example.com/x.png)\n"
        '<img src="{{ site.baseurl }}/assets/liquid.png" alt="liquid">\n'
        "![ref][logo]\n"
        "\n"
        "[logo]: /assets/no-logo.png\n"
    )
    path = write(root / "_posts" / "2024-01-01-pics.md", text)
    problems = [p for p in check(Post.load(path)) if p.level == "error"]
    assert [(p.line, p.field) for p in problems] == [(4, "image"), (8, None), (9, None), (12, None)]
    assert "/assets/missing%20file.png" in problems[1].message
    assert "pics/lost.png" in problems[2].message


def test_images_need_alt_text():
    """<img> without alt, with empty alt, and ![](x) are warnings at their lines."""
    text = GOOD_FRONT + (
        "<p>intro</p>\n"
        '<p><img src="https://e.com/a.png"></p>\n'
        '<p><img src="https://e.com/b.png" alt="  " /></p>\n'
        '<p><img src="https://e.com/c.png" alt="fine" /></p>\n'
    )
    post = Post.from_text(text)
    post.format = "html"
    warnings = [p for p in check(post) if "alt" in p.message]
    assert [(p.level, p.line) for p in warnings] == [("warning", 9), ("warning", 10)]
    markdown = Post.from_text(GOOD_FRONT + "text\n\n![](https://e.com/x.png)\n")
    markdown.format = "markdown"
    assert [(p.line, p.message) for p in check(markdown)] == [(10, "An image has no alt text")]


@pytest.mark.parametrize(
    ("excerpt_yaml", "expected"),
    [
        ("excerpt: ''\n", [("warning", 3, "The excerpt is empty")]),
        ("excerpt: >\n  " + "가" * EXCERPT_LIMIT + "\n", []),
        ("excerpt: >\n  " + "가" * (EXCERPT_LIMIT + 1) + "\n",
         [("warning", 3, f"The excerpt has {EXCERPT_LIMIT + 1} characters; "
                         f"over {EXCERPT_LIMIT} get cut off")]),
        ("", [("warning", 1, "No excerpt: listings will show the first paragraph")]),
    ],
)
def test_excerpt_length(excerpt_yaml, expected):
    """An empty, missing or over-long excerpt is a warning; exactly the limit is fine."""
    post = Post.from_text("---\ntitle: t\n" + excerpt_yaml + "---\nbody\n")
    assert messages(check(post)) == expected


def test_feature_text_differing_from_excerpt():
    """feature_text that is not the excerpt (after stripping) warns at the feature_text line."""
    same = Post.from_text("---\ntitle: t\nexcerpt: >\n  같은 글\nfeature_text: '같은 글'\n---\n")
    assert check(same) == []
    other = Post.from_text("---\ntitle: t\nexcerpt: 하나\nfeature_text: >\n  둘\n---\n")
    assert messages(check(other)) == [
        ("warning", 4, "The feature text differs from the excerpt")
    ]


def test_unbalanced_html_tags_with_lines():
    """Unclosed and unmatched tags warn at their own lines; void elements never do."""
    body = (
        "<p>one <b>bold</p>\n"  # body line 1: <b> never closed
        "<hr>\n<br>\n<img src='https://e.com/x.png' alt='x'>\n"
        "</span>\n"  # body line 5: nothing to close
        "<div>\n"  # body line 6: never closed
        "<p>fine</p>\n"
    )
    post = Post.from_text(GOOD_FRONT + body)
    post.format = "html"
    first = post.body_start_line
    assert messages(check(post)) == [
        ("warning", first, "<b> is never closed"),
        ("warning", first + 4, "</span> has no matching <span>"),
        ("warning", first + 5, "<div> is never closed"),
    ]


def test_markdown_code_and_autolinks_are_not_tags():
    """In Markdown, tags inside code and <https://...> autolinks are not counted as HTML."""
    body = (
        "Use `<div>` to group.\n\n"
        "```html\n<section>\n```\n\n"
        "See <https://example.com> and <me@example.com>.\n\n"
        "<div>\nreal html\n</div>\n"
    )
    post = Post.from_text(GOOD_FRONT + body)
    post.format = "markdown"
    assert check(post) == []


def test_problems_come_in_line_order(tmp_path):
    """Front-matter and body problems are merged in file order."""
    post = Post.from_text("---\ntitle: t\nexcerpt: ''\n---\n<p><b>x</p>\n")
    post.format = "html"
    lines = [p.line for p in check(post)]
    assert lines == sorted(lines)
    assert lines == [3, 5]


def test_problems_carry_a_code_and_a_translatable_message():
    """Each problem names its kind by code; its text is the "Checks" template with values."""
    post = Post.from_text("---\ntitle: t\nexcerpt: e\n---\n<p><img src='' alt=''><b>x</p>\n")
    post.format = "html"
    problems = check(post)
    codes = {p.code for p in problems}
    assert {"image-no-source", "image-no-alt", "unclosed-tag"} <= codes
    unclosed = next(p for p in problems if p.code == "unclosed-tag")
    assert unclosed.text.context == "Checks"
    assert unclosed.text.template == "<{name}> is never closed"
    assert unclosed.text.value("name") == "b"
    assert unclosed.message == "<b> is never closed"
    assert unclosed.to_dict()["message"] == "<b> is never closed"


def test_tags_inside_comments_and_scripts_are_not_checked():
    """Markup in a comment or a script is no part of the page: no nesting warnings from it."""
    post = Post.from_text("---\ntitle: t\nexcerpt: e\n---\n"
                          "<!-- <div> draft -->\n<script>if (a<b) { s = '<p>'; }</script>\n"
                          "<p>본문 <a href=\"x\" title=\"a > b\">링크</a></p>\n")
    post.format = "html"
    assert check(post) == []


@pytest.mark.parametrize("title_yaml", ["[a]", "[a, b]", "{x: a}"])
def test_a_list_valued_title_is_a_warning(title_yaml):
    """``title: [a]`` is not text: the checklist warns at the title line."""
    text = f"---\nexcerpt: x\ntitle: {title_yaml}\n---\nbody\n"
    problems = [p for p in check(Post.from_text(text)) if p.field == "title"]
    assert messages(problems) == [
        ("warning", 3, "The title is a list, not text: the blog shows it oddly")]


def test_a_number_title_is_fine():
    """A title YAML reads as a number is still printed as text by Jekyll: no problem."""
    problems = check(Post.from_text("---\nexcerpt: x\ntitle: 2024\n---\nbody\n"))
    assert [p for p in problems if p.field == "title"] == []


def test_untouched_template_text_is_flagged_not_ready(tmp_path):
    """A post made from the news template and left as it is lists its sample texts."""
    from editor.site.jekyll import templates

    text = templates()["news-article"].read_text(encoding="utf-8").replace("{title}", "장날")
    problems = check(Post.from_text(text))
    samples = [p for p in problems if p.message.startswith("Still the template's sample text")]
    assert {p.field for p in samples if p.field} == {"excerpt", "feature_text", "image"}
    body_lines = [p for p in samples if p.field is None]
    assert any("First section heading" in p.message for p in body_lines)
    assert all(p.level == "warning" and p.line for p in samples)
    # The house signature line is the writer's own, not sample text.
    assert not any("Neighbourhood news" in p.message for p in problems)


def test_replaced_template_text_is_not_flagged():
    """Once the writer's own words replace the samples, nothing is reported."""
    text = ("---\ntitle: 장날\nexcerpt: 장날 이야기입니다.\n---\n"
            '<h2 data-ke-size="size26">장터 풍경</h2>\n<p>아침부터 붐볐습니다.</p>\n')
    problems = check(Post.from_text(text))
    assert not any("template" in p.message for p in problems)


def test_sample_line_is_reported_at_its_file_line():
    """One sample sentence left among the writer's own is reported at its file line."""
    text = ("---\ntitle: 장날\nexcerpt: 장날 이야기입니다.\n---\n"
            "<p>아침부터 붐볐습니다.</p>\n<p>Closing paragraph.</p>\n")
    (problem,) = [p for p in check(Post.from_text(text)) if "template" in p.message]
    assert problem.line == 6 and "Closing paragraph." in problem.message


@pytest.mark.parametrize(("body", "fmt", "line"), [
    ("# 봄 장날\n\n본문\n", "markdown", 5),
    ("<p>앞</p>\n<h1>봄  장날</h1>\n", "html", 6),
])
def test_a_top_heading_repeating_the_title_is_a_warning(body, fmt, line):
    """``# Title`` or ``<h1>Title</h1>`` in the body repeats what the theme shows."""
    post = Post.from_text(f"---\ntitle: 봄 장날\nexcerpt: x\n---\n{body}")
    post.format = fmt
    problems = [p for p in check(post) if "repeats the title" in p.message]
    assert [(p.level, p.line) for p in problems] == [("warning", line)]


def test_a_different_top_heading_is_fine():
    """An h1 that is not the title is left alone."""
    post = Post.from_text("---\ntitle: 봄 장날\nexcerpt: x\n---\n# 다른 제목\n")
    post.format = "markdown"
    assert not any("repeats the title" in p.message for p in check(post))
