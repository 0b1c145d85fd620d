"""Tests for editor.site.schema: the bundled schema, site overrides and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.site.schema import (
    SITE_SCHEMA,
    WIDGETS,
    SchemaError,
    load_schema,
    load_schema_or_default,
    parse_schema,
)


def write_site_schema(root: Path, text: str) -> Path:
    path = root / SITE_SCHEMA
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_default_schema_has_the_house_fields_in_order():
    """The bundled schema lists the house fields in the order the form shows them."""
    schema = load_schema(None)
    assert schema.keys() == ["title", "categories", "tags", "excerpt", "feature_text", "image",
                             "date", "layout", "permalink", "published"]
    assert schema.field("title").required
    assert schema.field("excerpt").option("max_length_warning") == 160
    assert schema.field("feature_text").option("same_as") == "excerpt"
    assert schema.field("categories").option("completion") == "categories"
    assert all(item.widget in WIDGETS for item in schema)
    assert schema.field("author") is None
    assert "tags" in schema and "author" not in schema


def test_site_without_own_schema_uses_the_default(tmp_path):
    """A site root without _article-editor/schema.yaml gets the bundled schema."""
    assert load_schema(tmp_path).keys() == load_schema(None).keys()


def test_site_schema_replaces_the_default(tmp_path):
    """A site schema without 'extends' is the whole list of fields."""
    write_site_schema(tmp_path, "fields:\n  - {key: title, label: Title, widget: line}\n"
                                "  - {key: mood, widget: choice, choices: [calm, busy]}\n")
    schema = load_schema(tmp_path)
    assert schema.keys() == ["title", "mood"]
    assert schema.field("mood").label == "mood"
    assert schema.field("mood").option("choices") == ["calm", "busy"]
    assert schema.source == tmp_path / SITE_SCHEMA


def test_site_schema_extends_the_default(tmp_path):
    """With 'extends: default' new keys are appended and known keys replaced in place."""
    write_site_schema(tmp_path, "extends: default\nfields:\n"
                                "  - {key: author, label: Author, widget: line}\n"
                                "  - {key: layout, label: Layout, widget: choice,"
                                " choices: [post, page]}\n")
    schema = load_schema(tmp_path)
    keys = schema.keys()
    assert keys[-1] == "author"
    assert keys.index("layout") == load_schema(None).keys().index("layout")
    assert schema.field("layout").widget == "choice"


def test_unknown_widget_names_file_and_field(tmp_path):
    """An unknown widget is a SchemaError naming the file and the field."""
    path = write_site_schema(tmp_path, "fields:\n  - {key: mood, widget: slider}\n")
    with pytest.raises(SchemaError) as caught:
        load_schema(tmp_path)
    assert caught.value.path == path
    assert caught.value.key == "mood"
    assert "slider" in str(caught.value) and str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("fields: [\n", "line"),
        ("- just a list\n", "mapping"),
        ("fields:\n  - {widget: line}\n", "key"),
        ("fields:\n  - {key: a, widget: line, colour: red}\n", "colour"),
        ("fields:\n  - {key: a, widget: line}\n  - {key: a, widget: text}\n", "twice"),
        ("fields:\n  - {key: a, widget: text, same_as: b}\n", "same_as"),
        ("fields:\n  - {key: a, widget: text, max_length_warning: -3}\n", "positive"),
        ("fields:\n  - {key: a, widget: choice}\n", "choices"),
        ("fields:\n  - {key: a, widget: list, completion: colours}\n", "completion"),
        ("fields:\n  - {key: a, widget: line, required: maybe}\n", "required"),
        ("extends: nothing\nfields: []\n", "extends"),
    ],
)
def test_broken_schemas_raise_clear_errors(text, words):
    """Each kind of mistake raises SchemaError with a message that names it."""
    with pytest.raises(SchemaError) as caught:
        parse_schema(text, Path("site.yaml"))
    assert words in str(caught.value)
    assert "site.yaml" in str(caught.value)


def test_broken_site_schema_falls_back_with_the_error(tmp_path):
    """load_schema_or_default returns the bundled schema and the site file's error."""
    write_site_schema(tmp_path, "fields:\n  - {key: mood, widget: slider}\n")
    schema, error = load_schema_or_default(tmp_path)
    assert schema.keys() == load_schema(None).keys()
    assert isinstance(error, SchemaError) and error.key == "mood"


def test_working_site_schema_has_no_warning(tmp_path):
    """A valid site schema loads without an error value."""
    write_site_schema(tmp_path, "extends: default\nfields: []\n")
    schema, error = load_schema_or_default(tmp_path)
    assert error is None
    assert schema.keys() == load_schema(None).keys()
