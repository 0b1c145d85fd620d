"""The site table: listing 1,000 posts (target: within 1 s), then their checklist counts.

Generates a Jekyll folder of 1,000 posts and drafts (house-style HTML and Markdown bodies
of 3-6 KB, front matter with categories, tags, dates, excerpts) in a temporary folder
and prints medians of:

- a first listing (a new SiteIndex: every front matter read, words counted);
- listing again (the same SiteIndex: only files whose time or size changed are read);
- listing again after 10 files changed;
- the publish checklist's error/warning counts for all (the window fills these in the
  background after the table is shown; the command line waits for them);
- the window side (offscreen Qt): filling the table's model, filter proxy and view with
  the 1,000 rows, sorted by date; and File > Open Site… end to end, from the call until
  the sorted table has every row (background listing + fill).

There is no "before": the editor had no site table. Run: python benchmarks/bench_site_index.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from editor.site.index import SiteIndex  # noqa: E402

POSTS = 1000

HTML_BODY = (
    '<h2 data-ke-size="size26">소제목 {n}</h2>\n\n<p data-ke-size="size16">&nbsp;</p>\n\n'
    '<p>오늘은 {n}번째 글에서 작은 정원을 가꾸는 이야기를 적는다. <b><span style="color: '
    '#ee2323;">물은 아침에 주는 편이 좋다.</span></b> 햇볕이 드는 창가에 화분을 두면 잎이 '
    "잘 자란다.</p>\n\n"
)
MD_BODY = (
    "## Section {n}\n\nA paragraph of plain English prose about writing every week, with "
    "*emphasis*, a [link](https://example.com/{n}) and `code`.\n\n- one point\n- another "
    "point\n\n"
)


def make_site(root: Path) -> None:
    (root / "_posts").mkdir(parents=True)
    (root / "_drafts").mkdir()
    (root / "_config.yml").write_text("title: Bench\nlang: ko\n", encoding="utf-8")
    for n in range(POSTS):
        html = n % 2 == 0
        day = f"20{10 + n % 15:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        front = (f"---\ntitle: 글 번호 {n}의 제목\ndate: {day} 10:00:00 +0900\n"
                 f"categories:\n  - {'News' if n % 3 else 'Life'}\n  - 분류{n % 7}\n"
                 f"tags: [tag{n % 11}, 태그{n % 5}]\nexcerpt: >\n  {n}번째 글의 짧은 요약입니다.\n"
                 f"image: '/assets/img/{n}.jpg'\n---\n")
        body = (HTML_BODY if html else MD_BODY).format(n=n) * (8 + n % 8)
        name = f"{day}-post-{n}.{'html' if html else 'md'}"
        folder = root / ("_drafts" if n % 20 == 0 else "_posts")
        (folder / name).write_text(front + body, encoding="utf-8")


def median_ms(fn, runs: int) -> str:
    """Median wall time and median CPU time of ``fn`` in milliseconds, as text.

    The CPU time is what the listing costs when the machine is not shared; the wall
    time is what a writer waits on this machine now.
    """
    walls, cpus = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - start_cpu) * 1000)
    return f"{statistics.median(walls):7.0f} ms wall, {statistics.median(cpus):6.0f} ms CPU"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        make_site(root)
        assert len(SiteIndex(root).rows()) == POSTS
        print(f"{POSTS} posts, {sum(p.stat().st_size for p in root.rglob('*.*')) // 1024} KB")
        print(f"first listing:        {median_ms(lambda: SiteIndex(root).rows(), 7)} "
              "(medians; target <= 1000)")
        index = SiteIndex(root)
        index.rows()
        print(f"listing again:        {median_ms(index.rows, 7)}")
        changed = sorted((root / "_posts").iterdir())[:10]

        def touch_ten() -> None:
            for path in changed:
                stat = path.stat()
                os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
            index.rows()

        print(f"again, 10 changed:    {median_ms(touch_ten, 7)}")
        print(f"checklist counts:     {median_ms(lambda: SiteIndex(root).add_checks(), 3)} "
              "(in the background in the window)")
        window_side(root, index.rows())


def window_side(root: Path, rows: list) -> None:
    """The table's fill time and Open Site… until every row is shown."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from editor.ui.site.site_model import SiteFilterModel, SiteTableModel
    from editor.ui.site.site_table import SitePanel

    app = QApplication.instance() or QApplication([])

    def fill() -> None:
        model = SiteTableModel()
        proxy = SiteFilterModel()
        proxy.setSourceModel(model)
        proxy.sort(1)
        model.set_rows(rows)
        assert proxy.rowCount() == POSTS
        [proxy.index(r, 0).data() for r in range(40)]  # the rows a view first paints

    print(f"table model fill:     {median_ms(fill, 7)}")

    panels = []

    def open_site() -> None:
        panel = SitePanel(prompter=None)
        panels.append(panel)
        panel.resize(1200, 700)
        panel.show()
        loop = QEventLoop()
        panel.listed.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        panel.open_site(root)
        loop.exec()
        app.processEvents()  # the view lays out and paints the first rows
        assert panel.proxy.rowCount() == POSTS

    def timed_open_site() -> None:
        open_site()
        panels[-1].loader.stop()  # its checklist jobs would slow the next run

    result = median_ms(timed_open_site, 7)
    for panel in panels:
        panel.close_site()
    print(f"Open Site… to table:  {result} (target <= 1000; the "
          "checklist counts follow)")


if __name__ == "__main__":
    main()
