"""Tests for editor.authoring.stats: word and character counts and reading time."""

from __future__ import annotations

from editor.authoring.stats import count_words, plain_text, text_stats
from editor.document.post import Post


def test_korean_html_counts_words_and_characters():
    """Korean words (eojeol) count once each; tags and entities are not counted."""
    body = '<p>도서관은 <b><span style="color: #ee2323;">밤 11시까지</span></b> 엽니다.</p>'
    stats = text_stats(body, "html")
    # Visible text: "도서관은 밤 11시까지 엽니다."
    assert stats.words == 4
    assert stats.characters_no_spaces == len("도서관은밤11시까지엽니다.")
    assert stats.characters == len("도서관은 밤 11시까지 엽니다.")


def test_spacer_paragraphs_and_block_tags_do_not_join_words():
    """`&nbsp;` spacers add nothing and adjacent paragraphs stay separate words."""
    body = '<p data-ke-size="size16">&nbsp;</p><p>하나</p><p>둘</p>'
    stats = text_stats(body, "html")
    assert stats.words == 2
    assert stats.characters_no_spaces == 3


def test_markdown_syntax_is_ignored():
    """Heading marks, emphasis, bullets, link targets and fences are not words."""
    body = (
        "# Title here\n\n"
        "Some **bold** and _plain_ text with a [link](https://example.com/x).\n\n"
        "- item one\n"
        "```\ncode\n```\n"
    )
    text = plain_text(body, "markdown")
    assert "https://" not in text
    assert "#" not in text and "**" not in text and "```" not in text
    assert count_words(text) == len(
        "Title here Some bold and _plain_ text with a link. item one code".split()
    )


def test_reading_time_korean_at_500_characters_per_minute():
    """1,000 Hangul syllables read in two minutes; 1,001 round up to three."""
    assert text_stats("가" * 1000, "markdown").reading_minutes == 2
    assert text_stats("가" * 1001, "markdown").reading_minutes == 3


def test_reading_time_english_at_200_words_per_minute():
    """400 English words read in two minutes; empty text in zero."""
    assert text_stats("word " * 400, "markdown").reading_minutes == 2
    assert text_stats("", "markdown").reading_minutes == 0
    assert text_stats("<p>&nbsp;</p>", "html").words == 0


def test_house_post_fixture_counts_are_plausible(fixtures_dir):
    """The Korean fixture post has words, fewer characters without spaces, a reading time."""
    post = Post.load(fixtures_dir / "house-post.md")
    stats = text_stats(post.body, post.format)
    assert stats.words > 50
    assert stats.characters > stats.characters_no_spaces > stats.words
    assert stats.reading_minutes >= 1
    assert "data-ke-size" not in plain_text(post.body, post.format)
