"""Tests for File > Export Folder…: a progress dialog, failures reported, Cancel stops early."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton

from editor.export.batch import BatchResult
from editor.ui.export.batch_dialog import BatchExportDialog


def write_posts(folder: Path, count: int, *, broken: bool = False) -> list[Path]:
    """``count`` small Korean posts (one sub-folder deep), plus a broken one if asked."""
    paths = []
    for index in range(count):
        path = folder / ("nested" if index % 2 else "") / f"post-{index}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"---\ntitle: 글 {index}\n---\n\n본문 {index}번입니다.\n",
                        encoding="utf-8")
        paths.append(path)
    if broken:
        bad = folder / "broken.md"
        bad.write_text("---\ntitle: [열린 괄호\n---\n\n본문\n", encoding="utf-8")
        paths.append(bad)
    return paths


class Runner:
    """Answers the window's Export Folder dialog: choose folders and target, press Export."""

    def __init__(self, source: Path, output: Path, target: str = "html") -> None:
        self.source, self.output, self.target = source, output, target
        self.summaries: list[BatchResult] = []
        self.dialog: BatchExportDialog | None = None
        self.on_file = None

    def __call__(self, dialog: BatchExportDialog) -> bool:
        self.dialog = dialog
        dialog.show_summary = self.summaries.append
        dialog.set_folders(self.source, self.output)
        dialog.set_target(self.target)
        if self.on_file is not None:
            dialog.fileDone.connect(self.on_file)
        dialog.export_button.click()
        return dialog.result() == BatchExportDialog.DialogCode.Accepted


def test_exports_a_folder_and_reports_the_broken_post(window, tmp_path):
    """Every good post becomes a page under the output folder; the broken one is listed."""
    posts = write_posts(tmp_path / "posts", 3, broken=True)
    runner = Runner(tmp_path / "posts", tmp_path / "out")
    window.prompter.answer("run_dialog", runner)
    result = window.export.export_folder()
    assert isinstance(result, BatchResult) and runner.summaries == [result]
    assert len(result.exported) == 3
    assert [path.name for path, _ in result.failed] == ["broken.md"]
    assert "front matter" in result.failed[0][1]
    for post in posts[:3]:
        page = tmp_path / "out" / post.relative_to(tmp_path / "posts").with_suffix(".html")
        assert page.is_file() and "본문" in page.read_text(encoding="utf-8")
    lines = runner.dialog.failure_lines(result)
    assert lines and lines[0].startswith("broken.md:")
    assert "3 exported, 1 failed" in runner.dialog.summary_text(result)
    assert "1 failed" in window.statusBar().currentMessage()


def test_cancel_stops_before_the_next_file(window, tmp_path):
    """Pressing the progress dialog's Cancel after the second file stops the batch there."""
    write_posts(tmp_path / "posts", 8)
    runner = Runner(tmp_path / "posts", tmp_path / "out")
    seen: list[int] = []

    def press_cancel(step) -> None:
        seen.append(step.done)
        progress = runner.dialog.progress
        assert progress is not None and progress.isVisible()
        assert progress.maximum() == 8
        if step.done == 2:
            progress.findChild(QPushButton).click()

    runner.on_file = press_cancel
    window.prompter.answer("run_dialog", runner)
    result = window.export.export_folder()
    assert result.cancelled
    assert seen == [1, 2]
    assert len(result.exported) == 2
    assert "Cancelled: 6 not done" in runner.dialog.summary_text(result)
    assert len(list((tmp_path / "out").rglob("*.html"))) == 2


def test_choices_are_remembered(window, tmp_path):
    """Folders and target come back in the next Export Folder dialog."""
    write_posts(tmp_path / "posts", 1)
    window.prompter.answer("run_dialog",
                           Runner(tmp_path / "posts", tmp_path / "md-out", "markdown"))
    window.export.export_folder()
    again = BatchExportDialog(window.settings, window.prompter, window)
    assert again.target() == "markdown"
    assert Path(again.source_edit.text()) == tmp_path / "posts"
    assert Path(again.output_edit.text()) == tmp_path / "md-out"
    again.deleteLater()


def test_a_folder_without_posts_is_an_error(window, tmp_path):
    """An empty folder is reported through show_error and nothing is written."""
    (tmp_path / "empty").mkdir()
    window.prompter.answer("run_dialog", Runner(tmp_path / "empty", tmp_path / "out"))
    assert window.export.export_folder() is None
    assert window.prompter.errors and "no posts" in window.prompter.errors[0][1]
    assert not (tmp_path / "out").exists()


def test_pdf_batch_prints_every_post(window, tmp_path):
    """A PDF batch from the window writes one readable PDF per post."""
    from pypdf import PdfReader

    write_posts(tmp_path / "posts", 2)
    window.prompter.answer("run_dialog", Runner(tmp_path / "posts", tmp_path / "pdf", "pdf"))
    result = window.export.export_folder()
    assert result.ok and len(result.exported) == 2
    for _source, written in result.exported:
        assert "본문" in PdfReader(written).pages[0].extract_text()
