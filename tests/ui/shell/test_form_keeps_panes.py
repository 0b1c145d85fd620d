"""Editing the front matter form never moves the source editor or the preview."""

from __future__ import annotations

from pathlib import Path

TIMEOUT = 20000


def js(qtbot, pane, script: str):
    """Run ``script`` in the preview's isolated world and return its value."""
    box: dict[str, object] = {}
    pane.run_js(script, lambda value: box.setdefault("value", value))
    qtbot.waitUntil(lambda: "value" in box, timeout=TIMEOUT)
    return box["value"]


def sectioned_post(folder: Path) -> Path:
    """A post with a lead image in the header and six sections of paragraphs."""
    parts = []
    for section in range(1, 7):
        parts.append(f"<h2>Section {section}</h2>\n")
        parts += [f"<p>Paragraph {section}.{k}: the reading room stays open late, and the "
                  f"desks by the window fill first every evening.</p>\n" for k in range(6)]
    path = folder / "sections.md"
    path.write_text("---\ntitle: Evening hours\nimage: 'https://example.com/lead.jpg'\n---\n\n"
                    + "\n".join(parts), encoding="utf-8")
    return path


def test_typing_a_title_moves_neither_source_nor_preview(qtbot, window, tmp_path):
    """With the preview scrolled a little, typing in Title keeps both panes where they are."""
    window.resize(1400, 900)
    assert window.files.open_path(sectioned_post(tmp_path))
    qtbot.waitUntil(lambda: not window.preview.is_busy(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: js(qtbot, window.preview, "!!document.getElementById('post-body')"),
                    timeout=TIMEOUT)
    assert js(qtbot, window.preview, "window.scrollTo(0, 60); scrollY") == 60
    top_line = window.editor.top_visible_line()
    title = window.form.editor("title").line
    title.setFocus()
    title.end(False)
    for text in (" at", " the", " library"):
        with qtbot.waitSignal(window.preview.renderFinished, timeout=TIMEOUT):
            qtbot.keyClicks(title, text)
            title.editingFinished.emit()  # no wait for the typing pause
        # The header's image must be settled (loaded, or its placeholder drawn).
        qtbot.waitUntil(lambda: js(qtbot, window.preview, (
            "Array.from(document.querySelectorAll('#post-header img'))"
            ".every((img) => img.complete)")), timeout=TIMEOUT)
        assert js(qtbot, window.preview, "scrollY") == 60
    assert window.document.post.title == "Evening hours at the library"
    assert js(qtbot, window.preview, "document.querySelector('#post-header h1').textContent") \
        == "Evening hours at the library"
    assert window.editor.top_visible_line() == top_line
