"""Property tests: any front matter we can read round-trips byte for byte, and edits stay local."""

from __future__ import annotations

import datetime
import difflib
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.document import frontmatter
from editor.document.post import Post

WORD = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyz가나다라마바사아자차카타파하한글"),
    min_size=1,
    max_size=8,
)
PHRASE = st.lists(WORD, min_size=1, max_size=5).map(" ".join).filter(
    lambda s: not frontmatter._YAML11_SPECIAL.match(s)
)
KEYS = st.lists(
    st.sampled_from(
        ["title", "date", "categories", "tags", "excerpt", "feature_text", "image", "layout",
         "permalink", "published", "author", "toc", "description", "custom_key", "x-y"]
    ),
    min_size=1,
    max_size=8,
    unique=True,
)


@st.composite
def value_lines(draw) -> list[str]:
    """The text after ``key:`` (first element) plus continuation lines, in one of many styles."""
    kind = draw(st.sampled_from(
        ["plain", "single", "double", "folded", "literal", "flow", "block", "date",
         "qdate", "int", "bool", "null", "map", "comment"]
    ))
    phrase = draw(PHRASE)
    indent = " " * draw(st.sampled_from([2, 4]))
    if kind == "plain":
        return [" " + phrase]
    if kind == "comment":
        return [" " + phrase + "  # " + draw(PHRASE)]
    if kind == "single":
        return [" '" + phrase.replace("a", "it''s", 1) + "'"]
    if kind == "double":
        return [' "' + phrase + '\\n\\"q\\""']
    if kind in ("folded", "literal"):
        header = (">" if kind == "folded" else "|") + draw(st.sampled_from(["", "-", "+"]))
        body = draw(st.lists(PHRASE, min_size=1, max_size=3))
        return [" " + header] + [indent + line for line in body]
    if kind == "flow":
        return [" [" + ", ".join(draw(st.lists(WORD, max_size=4))) + "]"]
    if kind == "block":
        dash = " " * draw(st.sampled_from([0, 2]))
        return [""] + [dash + "- " + w for w in draw(st.lists(PHRASE, min_size=1, max_size=3))]
    if kind == "date":
        return [" " + draw(st.dates(datetime.date(1990, 1, 1))).isoformat()]
    if kind == "qdate":
        return [' "' + draw(st.dates(datetime.date(1990, 1, 1))).isoformat() + '"']
    if kind == "int":
        return [" " + str(draw(st.integers(-999, 99999)))]
    if kind == "bool":
        return [" " + draw(st.sampled_from(["true", "false"]))]
    if kind == "null":
        return [""]
    return [""] + [indent + k + ": " + v for k, v in draw(
        st.dictionaries(st.sampled_from(["name", "url", "size"]), PHRASE, min_size=1))
        .items()]


@st.composite
def yaml_blocks(draw) -> str:
    """A front matter with comments, blank lines and trailing spaces between fields."""
    lines: list[str] = []
    for key in draw(KEYS):
        if draw(st.booleans()) and draw(st.booleans()):
            lines.append("# " + draw(PHRASE))
        if draw(st.integers(0, 5)) == 0:
            lines.append("")
        first, *rest = draw(value_lines())
        trailing = draw(st.sampled_from(["", "", " ", "\t"])) if not rest else ""
        lines.append(key + ":" + first + trailing)
        lines.extend(rest)
    return "".join(line + "\n" for line in lines)


@st.composite
def documents(draw) -> bytes:
    """A whole post file: fences, front matter, a body, any newline style and BOM."""
    yaml_text = draw(yaml_blocks())
    body = draw(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"),
                        max_size=200))
    closing = draw(st.sampled_from(["---\n", "...\n", "--- \n"]))
    text = "---\n" + yaml_text + closing + body
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if draw(st.booleans()) else data


# HYPOTHESIS_EXAMPLES=5000 for a longer hunt than the suite's default.
SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "300")),
                    deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents())
def test_untouched_posts_save_byte_identical(data):
    """Load then save with no edit gives back the very same bytes, whatever the style."""
    post = Post.from_bytes(data)
    assert post.yaml_error is None, post.yaml_error
    assert post.to_bytes() == data


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes_round_trip_or_refuse(data):
    """Any bytes either open and save back unchanged, or are refused with a message."""
    try:
        post = Post.from_bytes(data)
    except Exception as exc:  # noqa: BLE001 - the type is asserted below
        assert type(exc).__name__ == "PostError" and str(exc)
        return
    assert post.to_bytes() == data


NEW_VALUES = st.one_of(
    PHRASE,
    st.lists(PHRASE, min_size=1, max_size=3),
    st.dates(datetime.date(2000, 1, 1), datetime.date(2030, 1, 1)),
    st.booleans(),
    st.integers(0, 1000),
    st.sampled_from(["yes", "no", "on", "2024-01-01", "a: b", "#hash", "- dash", "'quote"]),
)


def _changed_region(before: str, after: str) -> tuple[int, int]:
    """The line range of ``before`` that differs from ``after`` (start, end exclusive)."""
    matcher = difflib.SequenceMatcher(a=before.splitlines(True), b=after.splitlines(True),
                                      autojunk=False)
    changed = [(i1, i2) for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal"]
    if not changed:
        return (0, 0)
    return (changed[0][0], changed[-1][1])


@SETTINGS
@given(yaml_blocks(), st.data())
def test_setting_a_field_changes_only_its_lines(yaml_text, data):
    """Changing one field rewrites only that field's lines; the rest parse as before."""
    before = frontmatter.parse(yaml_text)
    assert before.error is None
    key = data.draw(st.sampled_from(sorted(before.data)))
    value = data.draw(NEW_VALUES)
    spans = frontmatter.field_lines(yaml_text)
    after_text = frontmatter.set_field(yaml_text, key, value)
    after = frontmatter.parse(after_text)
    assert after.error is None, (after_text, after.error)
    expected = value
    if isinstance(value, str) and isinstance(before.data[key], str):
        # A block that ended in a newline keeps it, so ">" stays ">".
        expected = frontmatter._keep_block_chomping(
            dict((k.value, v) for k, v in before.root.value)[key], before.data[key], value)
    assert after.data[key] == expected
    assert {k: v for k, v in after.data.items() if k != key} == {
        k: v for k, v in before.data.items() if k != key}
    start, end = _changed_region(yaml_text, after_text)
    if start != end:
        span_start, span_end = spans[key]
        assert span_start <= start and end <= span_end, (yaml_text, after_text)


@SETTINGS
@given(yaml_blocks(), st.data())
def test_setting_current_value_or_removing_is_minimal(yaml_text, data):
    """Setting a field to its value changes nothing; removing drops only that field's lines."""
    before = frontmatter.parse(yaml_text)
    key = data.draw(st.sampled_from(sorted(before.data)))
    assert frontmatter.set_field(yaml_text, key, before.data[key]) == yaml_text
    span = frontmatter.field_lines(yaml_text)[key]
    removed = frontmatter.remove_field(yaml_text, key)
    lines = yaml_text.splitlines(True)
    assert removed == "".join(lines[: span[0]] + lines[span[1]:])
    assert key not in frontmatter.parse(removed).data


@SETTINGS
@given(yaml_blocks(), NEW_VALUES)
def test_adding_a_field_appends_it(yaml_text, value):
    """A new field goes at the end; every existing line stays as it was."""
    after = frontmatter.set_field(yaml_text, "brand_new_key", value)
    assert after.startswith(yaml_text)
    assert frontmatter.parse(after).data["brand_new_key"] == value
