"""Tests for editor.ui.shell.settings: the typed defaults table over QSettings."""

from __future__ import annotations

import pytest

from editor import paths
from editor.ui.shell.settings import (
    DEFAULTS,
    MAX_RECENT_FILES,
    PANES,
    Preferences,
    Session,
    Settings,
    Value,
    settings_path,
)


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
    session = Settings().session
    files = [tmp_path / f"post-{i}.md" for i in range(MAX_RECENT_FILES + 3)]
    for f in files:
        session.add_recent_file(f)
    session.add_recent_file(files[5])
    recent = Settings().session.recent_files
    assert len(recent) == MAX_RECENT_FILES
    assert recent[0] == str(files[5].resolve())
    assert len(set(recent)) == len(recent)
    session.remove_recent_file(recent[0])
    assert str(files[5].resolve()) not in session.recent_files


def test_corrupt_value_falls_back_to_default():
    """A hand-broken value in the file reads as the default instead of raising."""
    settings = Settings()
    settings._qsettings.setValue("window/splitter_sizes", "not json")
    assert settings.get("window/splitter_sizes") == []


def test_every_key_has_exactly_one_typed_attribute():
    """Preferences and session state split the one table: each key in exactly one view."""
    pref_keys = list(Preferences.keys().values())
    session_keys = list(Session.keys().values())
    assert sorted(pref_keys + session_keys) == sorted(DEFAULTS)
    assert set(pref_keys).isdisjoint(session_keys)
    assert {f"panes/{pane}" for pane in PANES} <= set(session_keys)


def test_typed_attributes_declare_the_defaults_type():
    """Value[T] names the type of the default it reads (bool, str, bytes or list)."""
    for view in (Preferences, Session):
        for name in view.keys():
            value = vars(view)[name]
            declared = value.__orig_class__.__args__[0]
            assert type(DEFAULTS[value.key].default) is declared, name


def test_typed_attributes_read_and_write_the_same_file():
    """settings.prefs.theme and settings.session.* store under the table's keys."""
    settings = Settings()
    assert settings.prefs.theme == "@site" and settings.prefs.word_wrap is True
    settings.prefs.theme = "dark"
    settings.session.export_page_size = "letter"
    settings.session.set_pane_visible("checklist", True)
    settings.sync()
    again = Settings()
    assert again.get("preview/theme") == "dark"
    assert again.session.export_page_size == "letter"
    assert again.session.pane_visible("checklist") is True
    assert again.session.pane_visible("form") is True


def test_typed_attributes_check_values_like_set():
    """A wrong type or choice through an attribute is refused; unknown panes too."""
    settings = Settings()
    with pytest.raises(TypeError):
        settings.prefs.word_wrap = "yes"
    with pytest.raises(ValueError):
        settings.session.export_page_size = "a5"
    with pytest.raises(KeyError):
        settings.session.pane_visible("sidebar")
    with pytest.raises(KeyError):
        Value[str]("no/such/key")
