"""Tests for editor.export.exporter: standalone HTML, blog fragment, body conversion, publishing."""

from __future__ import annotations

import re
import struct
import zlib
from datetime import date
from pathlib import Path

import html5lib
import pytest

from editor.cli.main import main as cli_main
from editor.document.post import Post, YamlError
from editor.export import exporter as export
from editor.export.exporter import ExportOptions, ExportRefused

HIGHLIGHTS = (
    '<span style="color: #ee2323;">',
    '<span style="color: #1a5490;">',
    '<span style="background-color: #21538527;">',
)


def png_bytes(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    """A valid PNG of one colour, written by hand (no imaging library needed)."""
    row = b"\x00" + bytes(rgb) * width
    raw = row * height

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


@pytest.fixture
def house_post(fixtures_dir: Path) -> Post:
    """The hand-written post in the house markup (HTML body, Korean, highlights, table)."""
    return Post.load(fixtures_dir / "house-post.md")


@pytest.fixture
def site_with_images(tmp_path: Path) -> Path:
    """A Jekyll site with a post using a relative, a site-root and a remote image."""
    root = tmp_path / "site"
    (root / "_posts" / "img").mkdir(parents=True)
    (root / "assets").mkdir()
    (root / "_config.yml").write_text("title: test\n", encoding="utf-8")
    (root / "_posts" / "img" / "local.png").write_bytes(png_bytes())
    (root / "assets" / "lead.png").write_bytes(png_bytes(rgb=(10, 90, 200)))
    (root / "_posts" / "2024-05-01-images.md").write_text(
        "---\n"
        "title: 그림이 있는 글\n"
        "excerpt: 그림 세 장을 담은 글입니다.\n"
        "image: /assets/lead.png\n"
        "---\n\n"
        '<p><img src="img/local.png" alt="로컬 그림" /></p>\n\n'
        '<p><img src="/assets/lead.png" alt="사이트 그림" /></p>\n\n'
        '<p><img src="https://example.com/remote.jpg" alt="원격 그림" /></p>\n',
        encoding="utf-8",
    )
    return root


def _parse(markup: str):
    return html5lib.parse(markup, namespaceHTMLElements=False)


def _meta(tree, attribute: str, name: str) -> str | None:
    for meta in tree.iter("meta"):
        if meta.get(attribute) == name:
            return meta.get("content")
    return None


# --- html ----------------------------------------------------------------------------------


def test_html_page_has_title_description_and_open_graph(house_post, tmp_path):
    """The standalone page parses and carries title, description and og: tags from front matter."""
    out = export.export(house_post, "html", tmp_path / "post.html")
    tree = _parse(out.read_text(encoding="utf-8"))
    assert tree.find(".//title").text == house_post.get("title")
    description = _meta(tree, "name", "description")
    assert description and description.startswith("시립 도서관이 올해")
    assert _meta(tree, "property", "og:image") == house_post.get("image")
    assert _meta(tree, "property", "og:title") == house_post.get("title")
    assert _meta(tree, "property", "og:description") == description
    assert _meta(tree, "property", "og:type") == "article"
    styles = {style.get("id") for style in tree.iter("style")}
    assert {"theme-css", "pygments-css"} <= styles
    assert tree.find(".//link[@rel='canonical']") is None


def test_html_description_falls_back_to_feature_text(tmp_path):
    """Without an excerpt the meta description comes from feature_text, once."""
    post = Post.from_text("---\ntitle: 제목\nfeature_text: 대표 문구\n---\n본문\n")
    page = export.standalone_html(post)
    assert page.count('<meta name="description"') == 1
    assert _meta(_parse(page), "name", "description") == "대표 문구"


def test_embed_images_leaves_no_local_reference(site_with_images):
    """With embed_images every <img> is http(s) or data:, local files inlined, remote kept."""
    post = Post.load(site_with_images / "_posts" / "2024-05-01-images.md")
    page = export.standalone_html(post, embed_images=True)
    sources = [img.get("src") for img in _parse(page).iter("img")]
    assert len(sources) == 4  # feature image in the header and three in the body
    assert all(re.match(r"(https?:|data:)", src) for src in sources), sources
    assert sum(src.startswith("data:image/png;base64,") for src in sources) == 3
    assert "https://example.com/remote.jpg" in sources


def test_without_embed_images_local_paths_stay(site_with_images):
    """Without the option the page keeps image paths as the post wrote them."""
    post = Post.load(site_with_images / "_posts" / "2024-05-01-images.md")
    sources = [img.get("src") for img in _parse(export.standalone_html(post)).iter("img")]
    assert "img/local.png" in sources
    assert not any(src.startswith("data:") for src in sources)


def test_og_image_site_path_gets_the_site_address(site_with_images):
    """A site-root image in og:image becomes absolute with the site's url and baseurl."""
    (site_with_images / "_config.yml").write_text(
        "title: test\nurl: https://blog.example.org\nbaseurl: /news\n", encoding="utf-8"
    )
    post = Post.load(site_with_images / "_posts" / "2024-05-01-images.md")
    tree = _parse(export.standalone_html(post))
    assert _meta(tree, "property", "og:image") == "https://blog.example.org/news/assets/lead.png"


# --- fragment ------------------------------------------------------------------------------


def test_fragment_has_no_style_element_and_no_class(house_post):
    """The paste-ready fragment keeps its look in style attributes only."""
    fragment = export.fragment_html(house_post, include_header=True)
    assert "<style" not in fragment.lower()
    assert not re.search(r"\sclass\s*=", fragment)
    assert "var(--" not in fragment  # custom properties resolved: platforms drop them
    assert not re.search(r"\d+rem\b", fragment)  # rem depends on the platform's root size
    tree = _parse(fragment)
    root = tree.find("body")[0]
    assert root.tag == "div"
    assert len(tree.find("body")) == 1
    root_style = root.get("style")
    assert "font-family" in root_style and "max-width: 760px" in root_style
    assert root.get("lang") == "ko"


def test_fragment_keeps_house_inline_styles_as_written(house_post):
    """Writer's highlight spans and table cell styles survive byte for byte."""
    fragment = export.fragment_html(house_post)
    for span in HIGHLIGHTS:
        assert span in fragment
    assert "text-align: center; height: 17px;" in fragment
    # Theme rules were inlined onto elements that had none (headings, paragraphs).
    assert re.search(r'<h2 [^>]*style="[^"]*font-size: 25\.5px', fragment)
    assert "&nbsp;" in fragment


def test_fragment_without_header_leaves_out_title(house_post):
    """By default only the body is exported; with include_header the title is there too."""
    title = house_post.get("title")
    assert title not in export.fragment_html(house_post)
    assert title in export.fragment_html(house_post, include_header=True)


def test_fragment_of_markdown_code_inlines_pygments_colours():
    """Highlighted code keeps its colours without the Pygments classes."""
    post = Post.from_text("---\ntitle: 코드\n---\n\n```python\ndef f():\n    return 1\n```\n")
    fragment = export.fragment_html(post)
    assert "class=" not in fragment
    assert re.search(r'<span style="[^"]*color: #[0-9A-Fa-f]{3,6}[^"]*">def</span>', fragment)


def test_fragment_plain_text(house_post):
    """The text alternative has the words, no tags, and table cells separated by tabs."""
    text = export.fragment_plain_text(house_post)
    assert "<" not in text
    assert "개방 첫 주에만 이용자가 두 배 가까이 늘었습니다." in text
    assert "운영 시간\t평일 오후 6시 ~ 밤 11시" in text
    assert "\n\n\n" not in text
    assert "example.org (https://example.org)" in text  # the link's address is kept
    with_header = export.fragment_plain_text(house_post, include_header=True)
    assert with_header.startswith(house_post.get("title") + "\n\n")


# --- markdown / html-body --------------------------------------------------------------------


def _front_matter_bytes(data: bytes) -> bytes:
    return data[: data.index(b"\n---", 3) + 4]


def test_html_to_markdown_keeps_front_matter_and_highlights(house_post, tmp_path):
    """HTML -> Markdown: front matter bytes identical, highlights kept as inline HTML."""
    out = export.export(house_post, "markdown", tmp_path / "post.md")
    data = out.read_bytes()
    assert _front_matter_bytes(data) == _front_matter_bytes(house_post.to_bytes())
    converted = Post.load(out)
    assert converted.format == "markdown"
    assert "## 야간 열람실 운영 시간" in converted.body
    assert "**좌석 예약**" in converted.body
    assert "<p>" not in converted.body
    for span in HIGHLIGHTS:
        assert span in converted.body
    assert 'rel="dofollow"' in converted.body


def test_round_trip_markdown_and_back(house_post, tmp_path):
    """HTML -> Markdown -> HTML keeps front matter bytes and the highlight spans."""
    md_path = export.export(house_post, "markdown", tmp_path / "post.md")
    html_path = export.export(Post.load(md_path), "html-body", tmp_path / "post.html")
    original = house_post.to_bytes()
    assert _front_matter_bytes(html_path.read_bytes()) == _front_matter_bytes(original)
    back = Post.load(html_path)
    assert back.format == "html"
    for span in HIGHLIGHTS:
        assert span in back.body
    assert "<h2>야간 열람실 운영 시간</h2>" in back.body
    assert '<td style="text-align: center; height: 17px;">' in back.body
    assert back.body.endswith("\n") and not back.body.endswith("\n\n")


def test_markdown_to_html_code_blocks_are_language_classes():
    """Markdown code blocks become <pre><code class="language-x"> for the HTML renderer."""
    post = Post.from_text("---\ntitle: t\n---\n\n# 제목\n\n```python\nx = 1\n```\n")
    body = export.convert_body(post, "html")
    assert '<pre><code class="language-python">x = 1' in body
    assert "<h1" in body


def test_convert_body_same_format_is_unchanged(house_post):
    """Converting to the format the body is already in gives it back untouched."""
    assert export.convert_body(house_post, "html") == house_post.body
    with pytest.raises(ValueError):
        export.convert_body(house_post, "rst")


def test_converted_post_leaves_original_alone(house_post):
    """converted_post returns a copy; the post passed in keeps its body and format."""
    before = house_post.body
    copy = export.converted_post(house_post, "markdown")
    assert copy.format == "markdown" and copy.body != before
    assert house_post.body == before and house_post.format == "html"


def test_conversion_keeps_crlf_and_legacy_encoding(fixtures_dir, tmp_path):
    """A CRLF post's front matter comes out byte-identical, CRLF kept."""
    post = Post.load(fixtures_dir / "real-world" / "crlf-windows.md")
    out = export.export(post, "html-body", tmp_path / "crlf.html")
    data = out.read_bytes()
    assert _front_matter_bytes(data) == _front_matter_bytes(post.to_bytes())
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")


# --- post ----------------------------------------------------------------------------------


def test_post_target_copies_into_posts_with_todays_name(house_post, empty_site):
    """The post lands in _posts/ as today's date + slug of the title, bytes unchanged."""
    written = export.export(house_post, "post", empty_site)
    today = date.today().isoformat()
    assert written.parent == empty_site / "_posts"
    assert written.name.startswith(today + "-")
    assert written.name == f"{today}-동네-도서관-야간-열람실-개방-주민-반응-뜨거워.md"
    assert written.read_bytes() == house_post.to_bytes()


def test_post_target_uses_date_field(empty_site, tmp_path):
    """A post with ``date:`` is named after that day."""
    source = tmp_path / "dated.md"
    source.write_text("---\ntitle: Dated post\ndate: 2023-02-03\nexcerpt: x\n---\nText\n",
                      encoding="utf-8")
    written = export.export_file(source, "post", empty_site)
    assert written.name == "2023-02-03-dated-post.md"


def test_post_target_refuses_on_errors(empty_site, tmp_path):
    """A post with checklist errors is refused (nothing written) unless forced."""
    source = tmp_path / "broken.md"
    source.write_text('---\nexcerpt: x\n---\n<p><img src="missing.png" alt="a" /></p>\n',
                      encoding="utf-8")
    post = Post.load(source)
    with pytest.raises(ExportRefused) as refused:
        export.export(post, "post", empty_site)
    messages = [problem.message for problem in refused.value.problems]
    assert "The post has no title" in messages
    assert any("missing.png" in message for message in messages)
    assert not (empty_site / "_posts").exists()
    forced = export.export(post, "post", empty_site, ExportOptions(force=True))
    assert forced.is_file()


def test_post_target_outside_a_site(house_post, tmp_path):
    """A folder that is not inside a Jekyll site is an ExportError, not a stray file."""
    with pytest.raises(export.ExportError, match="not inside a Jekyll site"):
        export.export(house_post, "post", tmp_path)


# --- errors ----------------------------------------------------------------------------------


def test_invalid_yaml_stops_the_export(tmp_path):
    """An export that needs the front matter raises YamlError when it cannot be read."""
    post = Post.from_text("---\ntitle: [unclosed\n---\nbody\n")
    with pytest.raises(YamlError):
        export.export(post, "html", tmp_path / "x.html")
    assert not (tmp_path / "x.html").exists()


def test_unknown_target():
    """Naming a target that does not exist is an ExportError listing the real ones."""
    post = Post.from_text("---\ntitle: t\n---\nbody\n")
    with pytest.raises(export.ExportError, match="fragment"):
        export.export(post, "docx", "out.docx")


# --- command line ----------------------------------------------------------------------------


def test_cli_export_html(fixtures_dir, tmp_path, capsys):
    """``article-editor export FILE --to html -o OUT`` writes the page and prints its path."""
    out = tmp_path / "page.html"
    code = cli_main(["export", str(fixtures_dir / "house-post.md"), "--to", "html", "-o",
                     str(out), "--embed-images"])
    assert code == 0
    assert out.is_file()
    assert capsys.readouterr().out.strip() == str(out)


def test_cli_export_into_existing_folder(fixtures_dir, tmp_path):
    """An existing folder as OUT receives FILE's name with the target's suffix."""
    code = cli_main(["export", str(fixtures_dir / "house-post.md"), "--to", "fragment",
                     "-o", str(tmp_path)])
    assert code == 0
    assert "<style" not in (tmp_path / "house-post.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\x00\x01\x02\x03binary", "binary"),
        (b"---\ntitle: [oops\n---\nbody\n", "invalid front matter"),
    ],
)
def test_cli_errors_are_one_line(tmp_path, capsys, content, expected):
    """Unreadable files and bad YAML give one line on stderr, exit 1, no traceback."""
    source = tmp_path / "bad.md"
    source.write_bytes(content)
    code = cli_main(["export", str(source), "--to", "html", "-o", str(tmp_path / "o.html")])
    captured = capsys.readouterr()
    assert code == 1
    assert expected in captured.err
    assert len(captured.err.strip().splitlines()) == 1
    assert "Traceback" not in captured.err


def test_cli_unknown_theme(fixtures_dir, tmp_path, capsys):
    """An unknown theme is reported in one line before anything is written."""
    code = cli_main(["export", str(fixtures_dir / "house-post.md"), "--to", "html", "-o",
                     str(tmp_path / "o.html"), "--theme", "no-such-theme"])
    assert code == 1
    assert "no-such-theme" in capsys.readouterr().err
    assert not (tmp_path / "o.html").exists()


def test_cli_post_refusal_lists_errors(empty_site, tmp_path, capsys):
    """--to post refuses a post with errors (exit 1, each error listed) unless --force."""
    source = tmp_path / "untitled.md"
    source.write_text("---\nexcerpt: x\n---\nbody\n", encoding="utf-8")
    code = cli_main(["export", str(source), "--to", "post", "-o", str(empty_site)])
    err = capsys.readouterr().err
    assert code == 1
    assert "error: The post has no title" in err
    code = cli_main(["export", str(source), "--to", "post", "-o", str(empty_site), "--force",
                     "--date", "2024-01-02"])
    assert code == 0
    assert [p.name for p in (empty_site / "_posts").iterdir()] == ["2024-01-02-untitled.md"]


def test_images_inside_comments_and_attribute_values_are_not_images(tmp_path):
    from editor.export.images import embed_local_images, image_sources

    (tmp_path / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    markup = ('<!-- <img src="a.png"> --><p title="<img src=a.png>">x</p>'
              "<img alt='s' src='a.png' /><img src=a.png><img src>")
    assert image_sources(markup) == ["a.png", "a.png"]
    embedded = embed_local_images(markup, tmp_path, None)
    assert embedded.startswith('<!-- <img src="a.png"> --><p title="<img src=a.png>">x</p>')
    assert embedded.count("data:image/png;base64,") == 2
    assert "<img alt='s' src=\"data:image/png;base64," in embedded
    assert embedded.endswith("<img src>")
