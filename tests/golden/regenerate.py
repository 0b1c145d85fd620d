"""Regenerate the golden files from their inputs: ``python tests/golden/regenerate.py``.

Inputs are the posts in ``posts/`` and the clipboard HTML in ``paste/*.in.html``; each
gives these outputs (review ``git diff tests/golden`` after regenerating, then commit):

- ``render/<post>.html``           the rendered body fragment, with source-line anchors
- ``export-fragment/<post>.html``  File > Export "fragment" (inline-styled HTML, default theme)
- ``paste/<name>.out.html``        the pasted HTML cleaned into house HTML
- ``paste/<name>.out.md``          the same paste as Markdown

``test_golden.py`` compares the same outputs with the files, so a change in rendering,
export or paste cleaning shows up as a readable diff.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent


def cases() -> dict[Path, Callable[[], str]]:
    """Every golden file's path and how to produce its text with the current code."""
    from editor.authoring.highlights import default_presets
    from editor.authoring.paste import clean_pasted_html
    from editor.document.post import Post
    from editor.export.fragment import fragment_html
    from editor.render import core as render

    def rendered(source: Path) -> str:
        return render.fragment(Post.load(source)) + "\n"

    def exported(source: Path) -> str:
        return fragment_html(Post.load(source))

    def cleaned(source: Path, fmt: str) -> str:
        # The bundled presets, never the user's own file.
        return clean_pasted_html(source.read_text(encoding="utf-8"), default_presets(),
                                 fmt=fmt) + "\n"

    made: dict[Path, Callable[[], str]] = {}
    for source in sorted((GOLDEN / "posts").glob("*.md")):
        made[GOLDEN / "render" / f"{source.stem}.html"] = partial(rendered, source)
        made[GOLDEN / "export-fragment" / f"{source.stem}.html"] = partial(exported, source)
    for source in sorted((GOLDEN / "paste").glob("*.in.html")):
        name = source.name.removesuffix(".in.html")
        made[GOLDEN / "paste" / f"{name}.out.html"] = partial(cleaned, source, "html")
        made[GOLDEN / "paste" / f"{name}.out.md"] = partial(cleaned, source, "markdown")
    return made


def golden_files() -> set[Path]:
    """The output files present on disk (to spot ones whose input is gone)."""
    return ({*(GOLDEN / "render").glob("*.html"), *(GOLDEN / "export-fragment").glob("*.html"),
             *(GOLDEN / "paste").glob("*.out.*")})


def main() -> int:
    made = cases()
    for stale in golden_files() - made.keys():
        stale.unlink()
        print(f"removed {stale.relative_to(GOLDEN)}")
    for path, produce in made.items():
        text = produce()
        path.parent.mkdir(parents=True, exist_ok=True)
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            path.write_text(text, encoding="utf-8", newline="")
            print(f"{'wrote' if old is None else 'changed'} {path.relative_to(GOLDEN)}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(GOLDEN.parents[1]))  # the checkout's editor package
    sys.exit(main())
