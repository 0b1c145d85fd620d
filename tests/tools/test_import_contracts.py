"""Tests for tests/tools/import_contracts.py: the contract that keeps Qt widgets out of the core."""

from __future__ import annotations

import sys
from pathlib import Path

import grimp
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.tools.import_contracts import (  # noqa: E402
    ForbiddenExternalSubmodulesContract,
    imported_names,
)


@pytest.mark.parametrize("line, names", [
    ("from PySide6.QtWidgets import QApplication", ["PySide6.QtWidgets",
                                                    "PySide6.QtWidgets.QApplication"]),
    ("from PySide6 import QtCore, QtWidgets as W", ["PySide6", "PySide6.QtCore",
                                                    "PySide6.QtWidgets"]),
    ("import PySide6.QtWebEngineCore  # noqa: F401", ["PySide6.QtWebEngineCore"]),
    ("from PySide6.QtWebEngineCore import (", ["PySide6.QtWebEngineCore"]),
])
def test_imported_names_read_from_the_line(line, names):
    """Each way of writing an import gives the module names it may load."""
    assert imported_names(line) == names


def graph_with(*imports: tuple[str, str]) -> grimp.ImportGraph:
    graph = grimp.ImportGraph()
    for number, (importer, line) in enumerate(imports, start=1):
        graph.add_import(importer=importer, imported="PySide6", line_number=number,
                         line_contents=line)
    return graph


def contract(**options) -> ForbiddenExternalSubmodulesContract:
    return ForbiddenExternalSubmodulesContract(
        name="qt", session_options={"root_packages": ["editor"]},
        contract_options={"allowed_importers": ["editor.ui"],
                          "forbidden_modules": ["PySide6.QtWidgets", "PySide6.QtWebEngine*"],
                          **options})


def test_widgets_outside_ui_break_the_contract_qtcore_does_not():
    """QtWidgets in the core is reported with its line; QtCore there and widgets in ui are not."""
    graph = graph_with(("editor.ui.shell.app", "from PySide6.QtWidgets import QApplication"),
                       ("editor.render.core", "from PySide6.QtCore import QObject"),
                       ("editor.site.checks", "from PySide6 import QtWebEngineWidgets"))
    check = contract().check(graph, verbose=False)
    assert not check.kept
    assert check.metadata["violations"] == [
        ("editor.site.checks", 3, "from PySide6 import QtWebEngineWidgets")]


def test_named_exception_is_counted_not_reported():
    """An import listed in ignore_imports keeps the contract and is counted as ignored."""
    graph = graph_with(("editor.export.pdf", "from PySide6.QtWidgets import QApplication"))
    check = contract(ignore_imports=["editor.export.pdf -> PySide6"]).check(graph, verbose=False)
    assert check.kept and check.ignored_import_count == 1
