"""Start-up of the editor before and after, and of ReText, side by side in one run.

Each start is a fresh process running the program's own entry point on the same post
(``python -m editor POST``; ReText's ``main()``), with a probe that changes nothing
in the program: it patches ``QApplication.exec`` to look at the window once the event
loop starts, and prints, in ms since the process was spawned:

* start -> text editable: the source editor paints the post's text (its first paint
  with the whole body in it);
* start -> first preview: ours, the preview's first renderFinished (page loaded and
  our script ready); ReText 8.1 with its default QTextBrowser preview and live preview
  on, the preview's first text.

Variants of ours: ``--before DIR`` (default /work/base, the code before today),
``--ref REV`` (a commit of this repository, exported with ``git archive``; repeatable)
and this tree. Starts run round-robin (variant after variant) so a busy machine slows
them all alike; the first start of each is a warm-up (byte-code caches) and not counted.
Prints medians and each one's ratio to ReText (below 1: faster than ReText).

ReText comes from ``--retext-python`` (or ``$RETEXT_PYTHON``; bench_peer.py can make a
venv for it). Run: ``python benchmarks/bench_startup.py [--starts 7] [--ref 0cfedff]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench_peer import editors_env

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "house-post.md"
CHILD_TIMEOUT_S = 120

PROBE = r"""
import os, sys, time
T0 = float(os.environ["BENCH_T0"])
KIND, POST, CHARS = {kind!r}, {post!r}, {chars!r}
def stamp(label):
    print(f"BENCH {{label}} {{(time.time() - T0) * 1000:.1f}}", flush=True)
if KIND == "ours":
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication
else:
    from PyQt6.QtCore import QEvent, QObject
    from PyQt6.QtWidgets import QApplication

class Probe(QObject):
    def __init__(self, window):
        super().__init__()
        self.window = window
        self.editable = False
        if KIND == "ours":
            self.editor = window.editor
            window.preview.renderFinished.connect(self.rendered)
        else:
            tab = window.currentTab
            self.editor = tab.editBox
            tab.previewBox.textChanged.connect(self.retext_preview)
            self.preview_box = tab.previewBox
        self.editor.viewport().installEventFilter(self)

    def eventFilter(self, watched, event):
        if (not self.editable and event.type() == QEvent.Type.Paint
                and self.editor.document().characterCount() >= CHARS):
            self.editable = True
            stamp("EDITABLE")
        return False

    def rendered(self):
        if not self.window.preview.is_busy():
            self.done()

    def retext_preview(self):
        if self.preview_box.toPlainText().strip():
            self.done()

    def done(self):
        if not self.editable:
            stamp("EDITABLE")
        stamp("PREVIEW")
        os._exit(0)

original_exec = QApplication.exec
def exec_with_probe(*_args):
    windows = [w for w in QApplication.topLevelWidgets()
               if hasattr(w, "editor" if KIND == "ours" else "currentTab")]
    keep = Probe(windows[0])
    if KIND == "retext" and keep.preview_box.toPlainText().strip():
        keep.done()
    return original_exec()
QApplication.exec = exec_with_probe

import runpy
sys.argv = ["bench", POST]
if KIND == "ours":
    import editor
    print("BENCH-TREE", os.path.dirname(os.path.dirname(editor.__file__)), flush=True)
if KIND == "ours":
    runpy.run_module("editor", run_name="__main__")
else:
    from ReText.__main__ import main
    main()
"""


@dataclass
class Variant:
    label: str
    kind: str  # "ours" or "retext"
    python: str
    pythonpath: str | None = None
    figures: dict[str, list[float]] = field(default_factory=dict)


def export_ref(ref: str, folder: Path) -> Path:
    """The tree of commit ``ref`` of this repository, written under ``folder``."""
    target = folder / f"tree-{ref}"
    target.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def start_once(variant: Variant, post: Path, chars: int, env: dict[str, str]) -> dict[str, float]:
    """One start of ``variant`` on ``post``: its figures by label (ms since spawn).

    Run in the post's folder: ``python -c`` puts the working directory first on the
    path, and a checkout there would stand in for the variant's own tree.
    """
    script = PROBE.format(kind=variant.kind, post=str(post), chars=chars)
    env = dict(env)
    if variant.pythonpath:
        env["PYTHONPATH"] = variant.pythonpath
    else:
        env.pop("PYTHONPATH", None)
    env["BENCH_T0"] = repr(time.time())
    try:
        done = subprocess.run([variant.python, "-c", script], capture_output=True, text=True,
                              env=env, timeout=CHILD_TIMEOUT_S, stdin=subprocess.DEVNULL,
                              cwd=post.parent)
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"{variant.label}: no preview in {CHILD_TIMEOUT_S} s") from exc
    figures = {}
    for line in done.stdout.splitlines():
        tree = line.partition("BENCH-TREE ")[2]
        if tree and Path(tree).resolve() != Path(variant.pythonpath or "").resolve():
            raise RuntimeError(f"{variant.label}: ran the code in {tree}")
        parts = line.split()
        if len(parts) == 3 and parts[0] == "BENCH":
            figures[parts[1]] = float(parts[2])
    if "PREVIEW" not in figures:
        tail = " / ".join((done.stderr or done.stdout).strip().splitlines()[-3:])
        raise RuntimeError(f"{variant.label}: no preview ({tail})")
    return figures


def retext_config(config_home: Path) -> None:
    """ReText with its live preview on (as the editor shows one) and no files reopened."""
    folder = config_home / "ReText project"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ReText.conf").write_text(
        "[General]\ndefaultPreviewState=live-preview\nopenLastFilesOnStartup=false\n",
        encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=7, help="counted starts per variant")
    parser.add_argument("--before", default="/work/base",
                        help="a tree of the code before (PYTHONPATH); '' for none")
    parser.add_argument("--ref", action="append", default=[],
                        help="a commit of this repository to measure too (repeatable)")
    parser.add_argument("--retext-python", default=os.environ.get("RETEXT_PYTHON"),
                        help="a Python that can import ReText (default: $RETEXT_PYTHON)")
    parser.add_argument("--post", type=Path, default=FIXTURE, help="the post to open")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        folder = Path(tmp)
        variants = []
        if args.before:
            variants.append(Variant(f"before ({args.before})", "ours", sys.executable,
                                    args.before))
        for ref in args.ref:
            variants.append(Variant(f"at {ref}", "ours", sys.executable,
                                    str(export_ref(ref, folder))))
        variants.append(Variant("this tree", "ours", sys.executable, str(ROOT)))
        if args.retext_python:
            variants.append(Variant("ReText", "retext", args.retext_python))
        else:
            print("ReText not measured: give --retext-python or $RETEXT_PYTHON")

        post = folder / "post.md"
        post.write_text(args.post.read_text(encoding="utf-8"), encoding="utf-8")
        # Both editors hold at least the body once the text is in.
        chars = len(post.read_text(encoding="utf-8").partition("\n---\n")[2])
        env = editors_env(folder)  # byte-code caches written by the warm-up start
        retext_config(folder / "xdg-config")
        print(f"post: {post.stat().st_size / 1024:.1f} KiB; {args.starts} starts each "
              f"(+1 warm-up), round-robin; platform {env['QT_QPA_PLATFORM']}", flush=True)
        for run in range(args.starts + 1):
            for variant in variants:
                figures = start_once(variant, post, chars, env)
                if run == 0:
                    continue
                for label, value in figures.items():
                    variant.figures.setdefault(label, []).append(value)
            print(f"  start {run}/{args.starts} done", file=sys.stderr, flush=True)

        peer = next((v for v in variants if v.kind == "retext"), None)
        width = max(len(v.label) for v in variants)
        print(f"{'medians (s)':<{width}}  {'text editable':>14}  {'first preview':>14}")
        for variant in variants:
            cells = []
            for label in ("EDITABLE", "PREVIEW"):
                value = statistics.median(variant.figures[label])
                cell = f"{value / 1000:6.2f}"
                if peer is not None and variant is not peer:
                    cell += f" ({value / statistics.median(peer.figures[label]):4.2f}x)"
                else:
                    cell += " " * 8
                cells.append(cell)
            print(f"{variant.label:<{width}}  {cells[0]:>14}  {cells[1]:>14}")
        if peer is not None:
            print("(n.nnx: the median over ReText's in the same run; below 1 is faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
