"""Tests for editor.errors: every error the core raises on purpose shares one base."""

from __future__ import annotations

import pickle

import pytest

from editor.authoring.presets import PresetError
from editor.authoring.search import SearchPatternError
from editor.authoring.tables import TableError
from editor.document.post import PostError
from editor.document.safe_yaml import YamlError
from editor.document.storage import SaveError
from editor.document.textfile import DecodeError, EncodeError
from editor.errors import EditorError
from editor.export.exporter import ExportError, ExportRefused
from editor.export.pdf import PdfError
from editor.render.themes import ThemeError
from editor.site.build import SiteBuildError
from editor.site.schema import SchemaError


@pytest.mark.parametrize("error", [
    PostError("cannot open"), SaveError("disk full"), DecodeError("not text"),
    EncodeError("no such character"), YamlError("bad"), ExportError("no"),
    ExportRefused("refused", []), PdfError("timeout"), SchemaError("bad field"),
    PresetError("bad colour"), SearchPatternError("bad pattern"), TableError("no table"),
    ThemeError("x", "no theme x"), SiteBuildError("jekyll failed"),
])
def test_every_core_error_is_an_editor_error_with_a_message(error):
    """One except clause catches them all, and each has a readable message."""
    assert isinstance(error, EditorError)
    assert error.message and error.message in str(error)


def test_errors_keep_their_old_families():
    """Code that caught OSError, ValueError or KeyError still catches the same errors."""
    assert isinstance(SaveError("x"), OSError)
    assert isinstance(YamlError("x"), ValueError)
    assert isinstance(ThemeError("x", "y"), KeyError)
    assert str(ThemeError("x", "no theme x")) == "no theme x"


def test_messages_and_details_survive_pickling():
    """Errors cross process boundaries (the render pool) with their message and extras."""
    error = pickle.loads(pickle.dumps(PostError("cannot open", path=None)))
    assert str(error) == "cannot open"
    yaml_error = pickle.loads(pickle.dumps(YamlError("bad", 3, 4)))
    assert str(yaml_error) == "line 3, column 4: bad"
