"""Writes docs/site-table.png: the site table of a small example blog, just after a rename.

Run under a display, e.g.::

    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb \
        python docs/site_table_shot.py docs/site-table.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from editor.ui.shell.app import application  # noqa: E402
from editor.ui.site.site_table import SitePanel  # noqa: E402

POSTS = [  # (file, title, categories, tags, excerpt, paragraphs)
    ("_posts/2026-03-02-spring-market.html", "봄맞이 벼룩시장 열린다", "[News, 동네]",
     "[market, 주말]", "이번 주말 공원에서 벼룩시장이 열립니다.", 6),
    ("_posts/2026-03-15-library-hours.html", "구립도서관 운영 시간 바뀐다", "[News]",
     "[library]", "다음 달부터 평일 저녁 아홉 시까지 엽니다.", 4),
    ("_posts/2026-04-01-tomato-seedlings.md", "Tomato seedlings, week one", "[Life, Garden]",
     "[garden, weekly]", "Six pots on the balcony.", 9),
    ("_posts/2026-04-08-bus-route.html", "마을버스 노선 조정 안내", "[News, 교통]",
     "[bus]", "", 5),
    ("_posts/2026-04-20-jeju-trip.md", "제주 올레길 3코스 걷기", "[여행]",
     "[jeju, walking]", "바다를 끼고 걷는 하루.", 14),
    ("_posts/2026-05-02-bread.md", "Sourdough on a Sunday", "[Life]",
     "[baking]", "A slow loaf.", 7),
    ("_posts/2026-05-11-festival.html", "하천 축제 준비 한창", "[News, 동네]",
     "[festival, 주말]", "강변에서 사흘 동안 열립니다.", 8),
    ("_posts/2026-05-30-reading-list.md", "여름 읽을거리 다섯 권", "[Life, 책]",
     "[books]", "더위를 잊게 하는 책들.", 6),
    ("_posts/2026-06-12-council.html", "구의회 예산 심의 시작", "[News]",
     "[council]", "올해 추경 예산을 다룹니다.", 10),
    ("_drafts/rainy-season.md", "장마철 집 관리 요령", "[Life]", "[home]", "", 3),
    ("_drafts/cycling-map.html", "자전거 지도 새로 나와", "[News, 교통]",
     "[cycling]", "구청이 새 지도를 펴냈습니다.", 4),
]


def make_site(root: Path) -> None:
    for folder in ("_posts", "_drafts"):
        (root / folder).mkdir(parents=True)
    (root / "_config.yml").write_text("title: 우리 동네 소식\nlang: ko\n", encoding="utf-8")
    for name, title, categories, tags, excerpt, paragraphs in POSTS:
        excerpt_line = f"excerpt: {excerpt}\n" if excerpt else ""
        if name.endswith(".html"):
            body = "<p>동네 소식을 전하는 짧은 문단입니다. 자세한 내용은 아래와 같습니다.</p>\n\n"
        else:
            body = "A short paragraph of the kind this blog keeps, plain and friendly.\n\n"
        (root / name).write_text(
            f"---\ntitle: {title}\ncategories: {categories}\ntags: {tags}\n{excerpt_line}"
            f"---\n\n{body * paragraphs}", encoding="utf-8")
    (root / "_posts/2026-06-20-broken.md").write_text(
        "---\ntitle: [unclosed\ncategories: [News\n---\n\nText.\n", encoding="utf-8")


class Confirm:
    """Answers the rename dialog as a writer would: News → 소식, after the plan."""

    def run_dialog(self, dialog) -> bool:
        dialog.set_names("category", "News", "소식")
        dialog.show_changes()
        wait(dialog.planned)
        return True

    def error(self, title: str, text: str) -> None:
        print(title, text, file=sys.stderr)


def wait(signal, ms: int = 20_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(out: str) -> int:
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "blog"
        make_site(root)
        panel = SitePanel(Confirm())
        panel.setWindowTitle("Site: blog")
        panel.resize(1280, 540)
        panel.show()
        panel.open_site(root)
        wait(panel.checksFinished)
        panel.rename()
        wait(panel.renamed)
        wait(panel.checksFinished)
        panel.select_path("_drafts/rainy-season.md")
        QTimer.singleShot(300, app.quit)
        app.exec()
        ok = panel.grab().save(out, "PNG")
        panel.close_site()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/site-table.png"))
