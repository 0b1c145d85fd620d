"""Tests for editor.site.jekyll: site root, slugs, post and draft names, words, new, publish."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.document.post import Post
from editor.site import jekyll as site
from editor.site.jekyll import (
    categories_in_use,
    draft_path,
    find_site_root,
    parse_post_filename,
    post_filename,
    post_path,
    romanize_hangul,
    slugify,
    tags_in_use,
)


def make_site(tmp_path: Path, config: str = "_config.yml") -> Path:
    root = tmp_path / "blog"
    root.mkdir()
    (root / config).write_text("title: Test\n", encoding="utf-8")
    return root


# --- site root --------------------------------------------------------------------------


def test_find_site_root_walks_up_from_a_file(tmp_path):
    """A post deep inside the site finds the folder holding _config.yml."""
    root = make_site(tmp_path)
    post = root / "_posts" / "2024" / "2024-01-02-a.md"
    post.parent.mkdir(parents=True)
    post.write_text("---\ntitle: a\n---\n", encoding="utf-8")
    assert find_site_root(post) == root
    assert find_site_root(post.parent) == root


def test_find_site_root_accepts_yaml_extension(tmp_path):
    """_config.yaml marks a site as well as _config.yml."""
    root = make_site(tmp_path, "_config.yaml")
    assert find_site_root(root / "_drafts" / "x.md") == root


def test_find_site_root_none_outside_a_site(tmp_path):
    """Without any _config.yml above, there is no site."""
    folder = tmp_path / "loose"
    folder.mkdir()
    assert find_site_root(folder / "post.md") is None


# --- slugs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("서울 도서관, 밤에도 연다!", "서울-도서관-밤에도-연다"),
        ("Hello, World!", "hello-world"),
        ("  Many   spaces -- and --- dashes ", "many-spaces-and-dashes"),
        ("A/B test_case", "a-b-test-case"),
        ("Python 3.12 출시", "python-3-12-출시"),
        ("Café Ünïcode", "café-ünïcode"),
        ("「인용」 “따옴표” (괄호)", "인용-따옴표-괄호"),
    ],
)
def test_slugify_keeps_letters_and_joins_words(title, slug):
    """Letters of every script stay, case is folded, words are joined by single hyphens."""
    assert slugify(title) == slug


def test_slugify_composes_decomposed_hangul():
    """Hangul typed as separate jamo (NFD, as macOS file names) comes out composed (NFC)."""
    decomposed = unicodedata.normalize("NFD", "한국 뉴스")
    assert decomposed != "한국 뉴스"
    assert slugify(decomposed) == "한국-뉴스"


def test_slugify_never_empty():
    """A title of punctuation only gives the date-time stamp instead of an empty name."""
    now = datetime(2026, 11, 25, 9, 30)
    assert slugify("?!… ---", now=now) == "20261125-0930"
    assert slugify("", now=now) == "20261125-0930"


def test_slugify_limits_length_for_file_systems():
    """A very long Korean title still gives a file name below the 255-byte limit."""
    slug = slugify("아주 긴 제목 " * 60)
    assert len(post_filename("아주 긴 제목 " * 60, date(2024, 1, 1), "markdown").encode()) < 255
    assert slug and not slug.endswith("-")


@given(st.text(max_size=80))
def test_slugify_shape_for_any_title(title):
    """Any title gives a non-empty NFC slug without separators at the ends or doubled."""
    slug = slugify(title)
    assert slug
    assert unicodedata.normalize("NFC", slug) == slug
    assert not slug.startswith("-") and not slug.endswith("-")
    assert "--" not in slug
    assert not any(char in slug for char in " /\\?#%:")


@pytest.mark.parametrize(
    ("hangul", "latin"),
    [
        ("한국", "hanguk"),
        ("서울", "seoul"),
        ("부산", "busan"),
        ("대한민국", "daehanminguk"),
        ("한국어", "hangugeo"),
        ("설립", "seollip"),
        ("꽃", "kkot"),
        ("의자", "uija"),
    ],
)
def test_romanize_hangul_revised_romanization(hangul, latin):
    """Syllables are spelled from their jamo in the Revised Romanization."""
    assert romanize_hangul(hangul) == latin


def test_slugify_romanize_option():
    """romanize=True gives an ASCII slug for a Korean title and keeps Latin words."""
    slug = slugify("서울 Jazz 축제!", romanize=True)
    assert slug == "seoul-jazz-chukje"
    assert slug.isascii()


# --- file names ---------------------------------------------------------------------------


def test_post_filename_and_parse_round_trip():
    """post_filename writes YYYY-MM-DD-slug.ext and parse_post_filename reads it back."""
    name = post_filename("서울 소식", date(2024, 3, 5), "md")
    assert name == "2024-03-05-서울-소식.md"
    assert parse_post_filename(name) == (date(2024, 3, 5), "서울-소식")
    assert post_filename("x", date(2024, 3, 5), ".html") == "2024-03-05-x.html"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2024-02-29-leap.md", (date(2024, 2, 29), "leap")),
        ("2023-02-29-not-leap.md", (None, "not-leap")),
        ("2024-13-01-month.md", (None, "month")),
        ("about.md", (None, "about")),
        ("2024-01-02-v1.2-release.md", (date(2024, 1, 2), "v1.2-release")),
    ],
)
def test_parse_post_filename(name, expected):
    """Real dates are returned; impossible dates and plain names give None and the slug."""
    assert parse_post_filename(name) == expected


def test_draft_and_post_paths_never_overwrite(tmp_path):
    """An existing file makes the next name -2, then -3."""
    root = make_site(tmp_path)
    first = draft_path(root, "같은 제목", "md")
    assert first == root / "_drafts" / "같은-제목.md"
    first.parent.mkdir()
    first.write_text("x", encoding="utf-8")
    second = draft_path(root, "같은 제목", "md")
    assert second.name == "같은-제목-2.md"
    second.write_text("x", encoding="utf-8")
    assert draft_path(root, "같은 제목", "md").name == "같은-제목-3.md"

    day = date(2024, 5, 1)
    post = post_path(root, "Title", day, "html")
    assert post == root / "_posts" / "2024-05-01-title.html"
    post.parent.mkdir()
    post.write_text("x", encoding="utf-8")
    assert post_path(root, "Title", day, "html").name == "2024-05-01-title-2.html"


# --- categories and tags in use -----------------------------------------------------------


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def test_categories_and_tags_in_use(tmp_path):
    """Posts and drafts of every extension count; lists and strings both work; most used first."""
    root = make_site(tmp_path)
    write(root / "_posts" / "2024-01-01-a.md",
          "---\ncategories:\n  - News\n  - 경제\ntags: [seoul, night]\n---\nbody\n")
    write(root / "_posts" / "2024-01-02-b.markdown",
          "---\ncategories: News Life\ntags: seoul\n---\nbody\n")
    write(root / "_posts" / "2024-01-03-c.html", "---\ncategory: Life\n---\n<p>x</p>\n")
    write(root / "_drafts" / "d.md", "---\ncategories: [경제, News]\n---\n")
    write(root / "_posts" / "notes.txt", "---\ncategories: [Ignored]\n---\n")
    assert categories_in_use(root) == ["News", "Life", "경제"]
    assert tags_in_use(root) == ["seoul", "night"]


def test_vocabulary_reads_every_list_style_and_sees_edits(tmp_path):
    """Lists at column 0, flow lists and quoted items count; an edited post is read again."""
    root = make_site(tmp_path)
    post = root / "_posts" / "2024-01-01-a.md"
    write(post, "---\ntitle: t\ncategories:\n- 'Quoted: yes'\n- Plain\n# note\nexcerpt: x\n---\n")
    write(root / "_posts" / "2024-01-02-b.md", "---\ncategories: [Plain]\ntags: [x]\n---\n")
    assert categories_in_use(root) == ["Plain", "Quoted: yes"]
    write(post, "---\ntitle: t\ncategories: [Changed, Also changed]\n---\n")
    assert categories_in_use(root) == ["Also changed", "Changed", "Plain"]


def test_vocabulary_skips_unreadable_files(tmp_path):
    """Binary files and invalid YAML are skipped instead of stopping the scan."""
    root = make_site(tmp_path)
    write(root / "_posts" / "2024-01-01-ok.md", "---\ncategories: [Good]\n---\n")
    write(root / "_posts" / "2024-01-02-binary.md", b"\x00\x01\x02\xff\xfe" * 50)
    write(root / "_posts" / "2024-01-03-bad.md", "---\ncategories: [unclosed\n---\n")
    assert categories_in_use(root) == ["Good"]
    assert categories_in_use(tmp_path / "no-site-here") == []


# --- templates, new and publish -----------------------------------------------------------


def test_bundled_templates_are_valid_posts():
    """Every bundled template loads, has valid YAML, and the default fields."""
    found = site.templates()
    assert {"news-article", "plain-markdown"} <= set(found)
    for path in found.values():
        post = Post.load(path)
        assert post.yaml_error is None, path
        assert "title" in post.metadata
        assert "excerpt" in post.metadata
    house = Post.load(found["news-article"]).metadata
    assert set(house) >= {"title", "categories", "excerpt", "feature_text", "image"}


def test_site_templates_override_bundled(tmp_path):
    """A site's _article-editor/templates/ adds templates and wins over a bundled name."""
    root = make_site(tmp_path)
    write(root / "_article-editor" / "templates" / "plain-markdown.md", "---\ntitle: x\n---\n")
    write(root / "_article-editor" / "templates" / "review.md", "---\ntitle: x\n---\n")
    found = site.templates(root)
    assert found["plain-markdown"].parent == root / "_article-editor" / "templates"
    assert "review" in found and "news-article" in found


def test_new_post_fills_placeholders_safely(tmp_path):
    """{title} in front matter goes through YAML quoting; in an HTML body it is escaped."""
    root = make_site(tmp_path)
    template = tmp_path / "t.md"
    write(template, "---\ntitle: '{title}'\nexcerpt: >\n  About {title}\n---\n"
                    "<h2>{title}</h2>\n<p>{date} {{title}} {other}</p>\n")
    title = "It's <b>big</b>: 50% & more"
    path = site.new_post(title, template=template, root=root, day=date(2024, 6, 7))
    assert path.parent == root / "_posts"
    assert path.name.startswith("2024-06-07-")
    post = Post.load(path)
    assert post.yaml_error is None
    assert post.title == title
    assert post.get("excerpt") == f"About {title}\n"
    assert "<h2>It's &lt;b&gt;big&lt;/b&gt;: 50% &amp; more</h2>" in post.body
    assert "<p>2024-06-07 {{title}} {other}</p>" in post.body


def test_new_post_draft_and_no_site(tmp_path, monkeypatch):
    """Drafts go to _drafts/ without a date; outside a site the post lands in the folder given."""
    root = make_site(tmp_path)
    template = site.templates()["plain-markdown"]
    draft = site.new_post("초안", template=template, root=root, draft=True)
    assert draft == root / "_drafts" / "초안.md"
    loose = tmp_path / "loose"
    loose.mkdir()
    post = site.new_post("Note", template=template, root=None, folder=loose,
                         day=date(2024, 1, 2), categories=["A", "B"])
    assert post == loose / "2024-01-02-note.md"
    assert Post.load(post).get("categories") == ["A", "B"]


def test_publish_draft_moves_bytes_unchanged(tmp_path):
    """Publishing renames the draft into _posts/ with the date and keeps its bytes as they were."""
    root = make_site(tmp_path)
    draft = root / "_drafts" / "my-draft.md"
    content = "---\r\ntitle: '초안'  # 메모\r\n---\r\nbody\r\n".encode()
    write(draft, content)
    published = site.publish_draft(draft, date(2024, 12, 31))
    assert published == root / "_posts" / "2024-12-31-my-draft.md"
    assert published.read_bytes() == content
    assert not draft.exists()


def test_publish_draft_outside_a_site_is_refused(tmp_path):
    """A file in no site and not in a _drafts folder cannot be published."""
    loose = tmp_path / "x.md"
    loose.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not inside a Jekyll site"):
        site.publish_draft(loose)


def test_site_config_is_read_safely(tmp_path):
    """_config.yml gives its settings; a broken or hostile one gives {} instead of an error."""
    from editor.site.jekyll import read_site_config

    (tmp_path / "_config.yml").write_text("url: https://example.com\nbaseurl: /blog\n",
                                          encoding="utf-8")
    assert read_site_config(tmp_path) == {"url": "https://example.com", "baseurl": "/blog"}
    (tmp_path / "_config.yml").write_text("a: !!python/object/apply:os.system ['true']\n",
                                          encoding="utf-8")
    assert read_site_config(tmp_path) == {}
    (tmp_path / "_config.yml").unlink()
    assert read_site_config(tmp_path) == {}


def test_publish_target_names_the_move_without_making_it(tmp_path):
    """publish_target says where the draft would go; unpublish moves it back unchanged."""
    (tmp_path / "_config.yml").write_text("title: x\n", encoding="utf-8")
    (tmp_path / "_drafts").mkdir()
    draft = tmp_path / "_drafts" / "night-market.md"
    draft.write_bytes(b"---\ntitle: a\n---\nbody\r\n")
    target = site.publish_target(draft, date(2024, 12, 31))
    assert target == tmp_path / "_posts" / "2024-12-31-night-market.md"
    assert draft.is_file() and not target.exists()
    published = site.publish_draft(draft, date(2024, 12, 31))
    assert site.unpublish(published, draft) == draft
    assert draft.read_bytes() == b"---\ntitle: a\n---\nbody\r\n" and not published.exists()


def test_unpublish_never_overwrites_a_new_draft(tmp_path):
    """If a file took the draft's place meanwhile, unpublish refuses and moves nothing."""
    published = tmp_path / "_posts" / "2024-12-31-a.md"
    published.parent.mkdir()
    published.write_text("published", encoding="utf-8")
    draft = tmp_path / "_drafts" / "a.md"
    draft.parent.mkdir()
    draft.write_text("new draft", encoding="utf-8")
    with pytest.raises(ValueError):
        site.unpublish(published, draft)
    assert published.is_file() and draft.read_text(encoding="utf-8") == "new draft"
