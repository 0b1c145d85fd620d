"""Tests for the Korean translation: complete, up to date, loaded by locale or preference."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from editor import paths
from editor.ui.shell import app as app_module
from editor.ui.shell.main_window import MainWindow
from editor.ui.shell.settings import Settings
from tests.ui.prompter import ScriptedPrompter
from tests.ui.windows import track_window

ROOT = Path(__file__).resolve().parents[3]
TS_FILE = paths.resource("i18n", "article_editor_ko.ts")


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <translation> element of a .ts file."""
    found = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


@pytest.fixture
def korean(qapp):
    """Install the Korean translators for one test, back to English afterwards."""
    installed = app_module.install_translators("ko")
    yield installed
    app_module.install_translators("en")


def test_every_message_has_a_finished_korean_translation():
    """The shipped .ts has no unfinished or empty translation, and the .qm exists."""
    found = messages(TS_FILE)
    assert len(found) > 100
    for key, element in found.items():
        assert element.get("type") is None, key
        assert (element.text or "").strip(), key
    assert paths.resource("i18n", "article_editor_ko.qm").stat().st_size > 1000


def lupdate() -> str:
    """The pyside6-lupdate installed with PySide6 (beside this Python, or on PATH)."""
    beside = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    assert found, "pyside6-lupdate (part of PySide6) is not installed"
    return found


def test_translation_covers_every_text_in_the_ui(tmp_path):
    """Every translatable text in editor/ui/ and the core's message templates is in the .ts."""
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "editor" / "ui").rglob("*.py"))
    core = [p for p in (ROOT / "editor").rglob("*.py")
            if "ui" not in p.relative_to(ROOT / "editor").parts
            and "QT_TRANSLATE_NOOP(" in p.read_text(encoding="utf-8")]
    assert ROOT / "editor" / "site" / "checks.py" in core
    assert ROOT / "editor" / "authoring" / "highlight_scan.py" in core
    sources += sorted(str(p) for p in core)
    subprocess.run([lupdate(), *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)
    missing = set(messages(fresh)) - set(messages(TS_FILE))
    assert not missing, f"run resources/i18n/ko_translations.py after lupdate: {missing}"


def test_korean_menus_and_status_bar(qtbot, korean):
    """Under Korean the File menu reads 파일 and the status bar speaks Korean."""
    assert korean, "the Korean .qm did not load"
    window = MainWindow(Settings(), prompter=ScriptedPrompter())
    track_window(qtbot, window, show=False)
    assert "파일" in window.menus["file"].title()
    assert "편집" in window.menus["edit"].title()
    assert "저장" in window.actions["save"].text()
    assert "행" in window.status_fields.position_label.text()
    assert "제목 없음" in window.windowTitle()


def test_english_by_default(qtbot):
    """Without translators the menus are English."""
    app_module.install_translators("en")
    window = MainWindow(Settings(), prompter=ScriptedPrompter())
    track_window(qtbot, window, show=False)
    assert window.menus["file"].title() == "&File"


def test_preference_overrides_system_language():
    """An explicit preference wins; "system" follows the locale."""
    assert app_module.resolve_language("ko") == "ko"
    assert app_module.resolve_language("en") == "en"


@pytest.mark.parametrize(("lang", "expected"), [("ko_KR.UTF-8", "ko"), ("en_US.UTF-8", "en"),
                                                ("de_DE.UTF-8", "en")])
def test_system_locale_chooses_language(lang, expected):
    """With the "system" preference, a Korean locale picks Korean, anything else English."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG=lang, LANGUAGE="", LC_ALL=lang)
    result = subprocess.run(
        [sys.executable, "-c",
         "from editor.ui.shell.app import resolve_language; print(resolve_language('system'))"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == expected


def test_korean_publish_checklist(qtbot, korean, tmp_path):
    """Checklist messages come in Korean, with their values filled in; the CLI stays English."""
    from editor.document.post import Post
    from editor.site.checks import check

    path = tmp_path / "untitled.md"
    path.write_text("---\ntitle: ''\nexcerpt: ''\n---\n<p>Text <b>bold</p>\n", encoding="utf-8")
    window = MainWindow(Settings(), prompter=ScriptedPrompter())
    track_window(qtbot, window, show=False)
    window.files.open_path(path)
    panel = window.checklist
    lines = [panel.describe(problem) for problem in panel.refresh()]
    assert any("글에 제목이 없습니다" in line for line in lines), lines
    assert any("요약이 비어 있습니다" in line for line in lines), lines
    assert any("<b> 태그가 닫히지 않았습니다" in line for line in lines), lines
    english = [problem.message for problem in check(Post.load(path))]
    assert "The post has no title" in english and "<b> is never closed" in english


def test_korean_menu_access_keys_are_unique(qtbot, korean):
    """The Korean menus keep one entry per Alt+letter, as the English ones do."""
    from tests.ui.shell.test_main_window import mnemonics

    window = MainWindow(Settings(), prompter=ScriptedPrompter())
    track_window(qtbot, window, show=False)
    for name, menu in window.menus.items():
        letters = mnemonics(menu)
        assert len(letters) == len(set(letters)), (name, letters)


def test_korean_highlight_warnings(korean):
    """Highlight warnings are translated from their template, with the colour filled in."""
    from editor.authoring.highlight_scan import EMPTY, unmatched_colour
    from editor.ui.shell.translated import translated

    text = translated(unmatched_colour("color", "#ee2332"))
    assert text == "글자 색 #ee2332에 맞는 프리셋이 없습니다"
    background = translated(unmatched_colour("background", "#123"))
    assert background == "배경 색 #123에 맞는 프리셋이 없습니다"
    assert translated(EMPTY) == "빈 강조: 태그 사이에 글자가 없습니다"
    assert str(EMPTY) == "Empty highlight: nothing between the tags"


def test_korean_file_dialog_speaks_korean(qtbot, korean):
    """Qt's own file dialog is translated too, including the labels qtbase_ko lacks."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert not any("Look in" in text or "Files of" in text for text in labels), labels
    assert any("찾기" in text for text in labels), labels
    assert any("파일 형식" in text for text in labels), labels
