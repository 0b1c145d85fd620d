"""Tests for editor.ui.shell.settings: the typed defaults table over QSettings."""

from __future__ import annotations

import pytest

from editor import paths
from editor.ui.shell.settings import DEFAULTS, MAX_RECENT_FILES, Settings, settings_path


def test_settings_file_lives_in_config_dir():
    """The INI file is config_dir()/settings.ini (a temp folder under the tests)."""
    assert settings_path() == paths.config_dir() / "settings.ini"
    assert Settings().path == settings_path()


def test_defaults_returned_when_unset():
    """A fresh settings file answers every key with its default."""
    settings = Settings()
    for key, spec in DEFAULTS.items():
        assert settings.get(key) == spec.default


def test_unknown_keys_and_wrong_types_rejected():
    """Unknown keys raise KeyError; values of the wrong type or choice are refused."""
    settings = Settings()
    with pytest.raises(KeyError):
        settings.get("no/such/key")
    with pytest.raises(KeyError):
        settings.set("no/such/key", 1)
    with pytest.raises(TypeError):
        settings.set("preview/offline", "yes")
    with pytest.raises(ValueError):
        settings.set("ui/language", "fr")


def test_values_round_trip_through_a_new_instance():
    """Values of every type survive a write and a read by a new Settings object."""
    first = Settings()
    first.set("preview/offline", True)
    first.set("window/splitter_sizes", [300, 500, 600])
    first.set("window/geometry", b"\x01\x02\xff")
    first.set("ui/language", "ko")
    first.set("files/last_folder", "/tmp/블로그")
    first.sync()
    second = Settings()
    assert second.get("preview/offline") is True
    assert second.get("window/splitter_sizes") == [300, 500, 600]
    assert second.get("window/geometry") == b"\x01\x02\xff"
    assert second.get("ui/language") == "ko"
    assert second.get("files/last_folder") == "/tmp/블로그"


def test_only_non_defaults_are_stored():
    """Setting a key back to its default removes it from the file."""
    settings = Settings()
    settings.set("editor/word_wrap", False)
    assert "editor/word_wrap" in settings.stored_keys()
    settings.set("editor/word_wrap", True)
    assert "editor/word_wrap" not in settings.stored_keys()
    settings.set("preview/theme", "dark")
    settings.sync()
    text = settings.path.read_text(encoding="utf-8")
    assert "word_wrap" not in text and "dark" in text


def test_recent_files_newest_first_unique_and_capped(tmp_path):
    """Recent files keep the newest first, no duplicates, at most ten entries."""
    settings = Settings()
    files = [tmp_path / f"post-{i}.md" for i in range(MAX_RECENT_FILES + 3)]
    for f in files:
        settings.add_recent_file(f)
    settings.add_recent_file(files[5])
    recent = settings.recent_files()
    assert len(recent) == MAX_RECENT_FILES
    assert recent[0] == str(files[5].resolve())
    assert len(set(recent)) == len(recent)
    settings.remove_recent_file(recent[0])
    assert str(files[5].resolve()) not in settings.recent_files()


def test_corrupt_value_falls_back_to_default():
    """A hand-broken value in the file reads as the default instead of raising."""
    settings = Settings()
    settings._qsettings.setValue("window/splitter_sizes", "not json")
    assert settings.get("window/splitter_sizes") == []
