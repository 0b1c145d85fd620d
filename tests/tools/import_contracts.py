"""An import-linter contract type for submodules of an outside package (used in pyproject.toml).

grimp records an outside package only as a whole: ``from PySide6.QtWidgets import X`` is an
import of "PySide6", and import-linter's own ``forbidden`` contract refuses subpackages of
outside packages. The rule "only editor.ui imports QtWidgets or QtWebEngine" needs the
submodule, so this contract reads it from each import's source line (as grimp reports it):
``import P.M``, ``from P.M import x`` and ``from P import M``. An import spread over lines
(``from P import (`` + newline + ``M)``) names no submodule on its first line and is not seen.
"""

from __future__ import annotations

import fnmatch
import re

from importlinter import Contract, ContractCheck, fields, output

_FROM = re.compile(r"^\s*from\s+([\w.]+)\s+import\s+\(?\s*([^#]*)")
_IMPORT = re.compile(r"^\s*import\s+([^#]*)")


def imported_names(line: str) -> list[str]:
    """The dotted module names an import line may bring in (``from P import M`` gives P, P.M)."""
    if m := _FROM.match(line):
        package = m.group(1)
        names = [n.split(" as ")[0].strip(" ()\\") for n in m.group(2).split(",")]
        return [package, *(f"{package}.{n}" for n in names if n)]
    if m := _IMPORT.match(line):
        return [n.split(" as ")[0].strip() for n in m.group(1).split(",") if n.strip()]
    return []


class ForbiddenExternalSubmodulesContract(Contract):
    """Only ``allowed_importers`` (as packages) import modules matching ``forbidden_modules``.

    ``forbidden_modules`` are shell-style patterns under one outside package, e.g.
    ``PySide6.QtWebEngine*``. ``ignore_imports`` lists "importer -> package" pairs to set
    aside, each a known, explained exception.
    """

    type_name = "forbidden_external_submodules"

    allowed_importers = fields.ListField(subfield=fields.StringField())
    forbidden_modules = fields.ListField(subfield=fields.StringField())
    ignore_imports = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph, verbose: bool) -> ContractCheck:
        patterns: list[str] = list(self.forbidden_modules)  # type: ignore[arg-type]
        packages = {pattern.split(".")[0] for pattern in patterns}
        allowed = list(self.allowed_importers)  # type: ignore[arg-type]
        ignored = {tuple(part.strip() for part in pair.split("->"))
                   for pair in (self.ignore_imports or [])}  # type: ignore[union-attr]
        violations, ignored_count = [], 0
        for package in sorted(packages):
            if package not in graph.modules:
                continue
            for importer in sorted(graph.find_modules_that_directly_import(package)):
                if any(importer == a or importer.startswith(a + ".") for a in allowed):
                    continue
                for detail in graph.get_import_details(importer=importer, imported=package):
                    names = imported_names(detail["line_contents"])
                    if not any(fnmatch.fnmatchcase(name, pattern)
                               for name in names for pattern in patterns):
                        continue
                    if (importer, package) in ignored:
                        ignored_count += 1
                        continue
                    violations.append((importer, detail["line_number"],
                                       detail["line_contents"].strip()))
        return ContractCheck(kept=not violations, metadata={"violations": violations},
                             ignored_import_count=ignored_count)

    def render_broken_contract(self, check: ContractCheck) -> None:
        for importer, line_number, line in check.metadata["violations"]:
            output.print_error(f"{importer} (l.{line_number}): {line}", bold=False)
            output.new_line()
