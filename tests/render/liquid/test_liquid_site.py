"""``site`` and ``page`` as Jekyll fills them, and the cache that follows the site's files."""

from __future__ import annotations

import os
import pickle

from editor.render.liquid import LiquidSite, LiquidSites, render_liquid


def test_site_from_config_posts_and_data(site_root):
    """Config keys, posts newest first, categories, tags and data files."""
    site = LiquidSite.for_post(site_root / "_posts" / "2024-03-05-x.md")
    body = (
        "{{ site.title }}|{{ site.author.name }}|{{ site.posts | map: 'title' | join: ',' }}|"
        "{{ site.categories.travel.first.title }}|{{ site.tags.river.size }}|"
        "{{ site.data.city.name }}|{{ site.data.shop.hours.open }}|{{ jekyll.environment }}"
    )
    text = render_liquid(body, {}, site, site_root / "_posts" / "2024-03-05-x.md").text
    assert text == (
        "Riverside notes|Kim|Night reading,Ferry times|Ferry times|2|Seoul|9|development"
    )


def test_page_has_defaults_url_date_and_path(site_root):
    """Front matter over ``defaults:`` (the more specific scope winning), plus url/date/path."""
    site = LiquidSite.read(site_root)
    post = site_root / "_posts" / "guides" / "2024-05-06-late-buses.md"
    body = "{{ page.layout }}|{{ page.kind }}|{{ page.url }}|{{ page.date }}|{{ page.path }}"
    text = render_liquid(body, {"title": "Late buses"}, site, post).text
    assert text == (
        "post|guide|/2024/05/06/late-buses.html|2024-05-06 00:00:00 +0000|"
        "_posts/guides/2024-05-06-late-buses.md"
    )
    own = render_liquid("{{ page.kind }}", {"kind": "mine"}, site, post).text
    assert own == "mine"


def test_permalink_setting_shapes_urls(site_root, write_file):
    """``permalink: pretty`` in the config and a post's own ``permalink``."""
    write_file(site_root, "_config.yml", "permalink: pretty\ntimezone: UTC\n")
    site = LiquidSite.read(site_root)
    post = site_root / "_posts" / "2024-05-06-late-buses.md"
    assert render_liquid("{{ page.url }}", {}, site, post).text == "/2024/05/06/late-buses/"
    mine = {"permalink": "/notes/:title/"}
    assert render_liquid("{{ page.url }}", mine, site, post).text == "/notes/late-buses/"


def test_date_in_front_matter_is_shown_in_site_zone(site_root, write_file):
    """A date with an offset prints in the site's time zone, as Jekyll prints it."""
    write_file(site_root, "_config.yml", "timezone: Asia/Seoul\n")
    site = LiquidSite.read(site_root)
    post = site_root / "_posts" / "2024-05-06-x.md"
    text = render_liquid("{{ page.date }}", {"date": "2024-05-06 01:00:00 +0000"}, site, post).text
    assert text == "2024-05-06 10:00:00 +0900"


def test_cache_follows_file_changes(site_root, write_file):
    """The same site object while nothing changed; a new one after a post or config changes."""
    sites = LiquidSites(recheck_seconds=0)
    post = site_root / "_posts" / "2024-01-02-ferry-times.md"
    first = sites.for_post(post)
    assert sites.for_post(post) is first
    added = write_file(site_root, "_posts/2024-06-01-new.md", "---\ntitle: New\n---\n")
    second = sites.for_post(post)
    assert second is not first
    assert [p["title"] for p in second.posts][0] == "New"
    stat = added.stat()
    os.utime(site_root / "_config.yml", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert sites.for_post(post) is not second
    assert sites.for_post(site_root.parent / "elsewhere.md") is None


def test_cache_rechecks_files_only_after_a_while(site_root, write_file):
    """Within ``recheck_seconds`` the cached site is returned without looking at files."""
    now = [100.0]
    sites = LiquidSites(recheck_seconds=5, clock=lambda: now[0])
    post = site_root / "_posts" / "2024-01-02-ferry-times.md"
    first = sites.for_post(post)
    write_file(site_root, "_posts/2024-06-01-new.md", "---\ntitle: New\n---\n")
    now[0] += 4
    assert sites.for_post(post) is first
    now[0] += 2
    fresh = sites.for_post(post)
    assert fresh is not first and fresh.posts[0]["title"] == "New"


def test_reread_parses_only_changed_posts(site_root, write_file):
    """Unchanged posts are taken over from the earlier read; a changed one is read again."""
    sites = LiquidSites(recheck_seconds=0)
    post = site_root / "_posts" / "2024-01-02-ferry-times.md"
    first = sites.for_post(post)
    kept = next(p for p in first.posts if p["title"] == "Night reading")
    write_file(
        site_root, "_posts/2024-01-02-ferry-times.md", "---\ntitle: Ferry times (new)\n---\n"
    )
    second = sites.for_post(post)
    assert second is not first
    assert next(p for p in second.posts if p["title"] == "Night reading") is kept
    assert "Ferry times (new)" in [p["title"] for p in second.posts]


def test_unreadable_files_become_problems_not_exceptions(site_root, write_file):
    """Broken YAML in a data file or post is reported and the rest still loads."""
    write_file(site_root, "_data/bad.yml", "a: [unclosed\n")
    write_file(site_root, "_posts/2024-07-01-bad.md", "---\ntitle: [oops\n---\nbody\n")
    site = LiquidSite.read(site_root)
    assert any("bad.yml" in problem for problem in site.problems)
    assert any("2024-07-01-bad.md" in problem for problem in site.problems)
    assert site.data["city"]["name"] == "Seoul"
    write_file(site_root, "_config.yml", "title: [broken\n")
    site = LiquidSite.read(site_root)
    assert site.config == {} and any("_config.yml" in problem for problem in site.problems)
    # The post with broken front matter stays, with no values, as Jekyll keeps it.
    assert render_liquid("{{ site.posts.size }}", {}, site, site_root / "p.md").text == "3"


def test_unpublished_and_future_posts_are_left_out(site_root, write_file):
    """``published: false`` and future-dated posts are not in ``site.posts`` (Jekyll's
    defaults), unless the config says ``unpublished: true`` / ``future: true``."""
    write_file(
        site_root, "_posts/2024-01-05-hidden.md", "---\ntitle: Hidden\npublished: false\n---\n"
    )
    write_file(site_root, "_posts/2999-01-01-later.md", "---\ntitle: Later\n---\n")
    titles = [post["title"] for post in LiquidSite.read(site_root).posts]
    assert titles == ["Night reading", "Ferry times"]
    config = (site_root / "_config.yml").read_text(encoding="utf-8")
    write_file(site_root, "_config.yml", config + "future: true\nunpublished: true\n")
    titles = [post["title"] for post in LiquidSite.read(site_root).posts]
    assert titles == ["Later", "Night reading", "Hidden", "Ferry times"]


def test_site_travels_to_a_render_process(site_root):
    """A pickled site (as sent to the render processes) renders the same as the original."""
    site = LiquidSite.read(site_root, markdownify=None)
    post = site_root / "_posts" / "2024-03-05-x.md"
    body = '{% include note.html kind="k" %}{{ site.posts | size }}'
    body += " {% post_url 2024-01-02-ferry-times %}"
    before = render_liquid(body, {}, site, post)
    copy = pickle.loads(pickle.dumps(site))
    assert render_liquid(body, {}, copy, post) == before
    assert before.errors == ()
