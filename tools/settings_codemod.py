"""Rewrite string-key settings calls into the typed views of editor/ui/shell/settings.py.

Run ``python tools/settings_codemod.py editor tests`` from the repository root.

``settings.get("preview/theme")`` becomes ``settings.prefs.theme``, ``settings.set("k", v)``
an assignment, ``settings.get(f"panes/{pane}")`` ``settings.session.pane_visible(pane)``,
and the recent-file helpers move to ``settings.session``. Keys held in module constants
(``SETTING_X = "files/..."``, also when imported as ``module.SETTING_X``) are resolved.
It prints what it could not rewrite (e.g. a loop over a tuple of keys); run
``ruff check --fix`` afterwards for imports left unused. Written for merging branches that
still use the string keys; the rewrite is purely mechanical.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from editor.ui.shell.settings import Preferences, Session  # noqa: E402

ATTRIBUTES = {key: f"{view}.{name}"
              for view, cls in (("prefs", Preferences), ("session", Session))
              for name, key in cls.keys().items() if not name.startswith("_")}
OWNER = r"((?:[\w]+\.)*settings|Settings\(\))"
CONSTANT = re.compile(r'^([A-Z][A-Z0-9_]*) = "([a-z_]+/[a-z_]+)"', re.M)


def rewrite(text: str, constants: dict[str, str]) -> str:
    def key_of(token: str) -> str | None:
        if token.startswith('"'):
            return token.strip('"')
        return constants.get(token.rsplit(".", 1)[-1])

    def set_call(m: re.Match) -> str:
        key = key_of(m.group(2))
        if key is not None and key.startswith("panes/"):
            return f'{m.group(1)}.session.set_pane_visible("{key[6:]}", {m.group(3)})'
        if key is None or key not in ATTRIBUTES:
            return m.group(0)
        return f"{m.group(1)}.{ATTRIBUTES[key]} = {m.group(3)}"

    def get_call(m: re.Match) -> str:
        key = key_of(m.group(2))
        if key is not None and key.startswith("panes/"):
            return f'{m.group(1)}.session.pane_visible("{key[6:]}")'
        if key is None or key not in ATTRIBUTES:
            return m.group(0)
        return f"{m.group(1)}.{ATTRIBUTES[key]}"

    token = r'("[^"]+"|(?:\w+\.)?[A-Z][A-Z0-9_]*)'
    text = re.sub(OWNER + r'\.set\(f"panes/\{(\w+)\}", (.*)\)$',
                  r"\1.session.set_pane_visible(\2, \3)", text, flags=re.M)
    text = re.sub(r"(?:bool\()?" + OWNER + r'\.get\(f"panes/\{(\w+)\}"\)\)?',
                  r"\1.session.pane_visible(\2)", text)
    text = re.sub(OWNER + r'\.set\("panes/(\w+)", (.*)\)$',
                  r'\1.session.set_pane_visible("\2", \3)', text, flags=re.M)
    text = re.sub(r"(?:bool\()?" + OWNER + r'\.get\("panes/(\w+)"\)\)?',
                  r'\1.session.pane_visible("\2")', text)
    text = re.sub(OWNER + r"\.set\(" + token + r", (.*)\)$", set_call, text, flags=re.M)
    text = re.sub(r"\b(?:bool|str)\(" + OWNER + r"\.get\(\s*" + token + r"\)\)",
                  get_call, text)
    text = re.sub(OWNER + r"\.get\(\s*" + token + r"\)", get_call, text)
    text = re.sub(OWNER + r"\.(add_recent_file|remove_recent_file)\(", r"\1.session.\2(", text)
    return re.sub(OWNER + r"\.recent_files\(\)", r"\1.session.recent_files", text)


def main(folders: list[str]) -> int:
    files = [p for folder in folders for p in sorted(Path(folder).rglob("*.py"))
             if p.name not in ("settings.py", "test_settings.py", "settings_codemod.py")]
    constants = {name: key for p in files
                 for name, key in CONSTANT.findall(p.read_text(encoding="utf-8"))}
    for path in files:
        text = path.read_text(encoding="utf-8")
        new = rewrite(text, constants)
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(f"rewrote {path}")
        for number, line in enumerate(new.splitlines(), start=1):
            if re.search(OWNER + r"\.(get|set)\(", line):
                print(f"left for a person: {path}:{number}: {line.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["editor", "tests"]))
