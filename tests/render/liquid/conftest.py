"""Small Jekyll sites written for the Liquid tests."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFIG = """\
title: Riverside notes
url: https://example.org
baseurl: /blog
author:
  name: Kim
timezone: UTC
defaults:
  - scope:
      path: ""
      type: posts
    values:
      layout: post
      kind: article
  - scope:
      path: "_posts/guides"
    values:
      kind: guide
"""


def write(root: Path, relative: str, text: str) -> Path:
    """Write ``text`` at ``root/relative``, making the folders."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def write_file():
    """:func:`write`, for tests that add files to a site."""
    return write


@pytest.fixture
def site_root(tmp_path: Path) -> Path:
    """A site with a config, two posts, a guide below a folder, data and includes."""
    root = tmp_path / "site"
    write(root, "_config.yml", CONFIG)
    write(
        root,
        "_posts/2024-01-02-ferry-times.md",
        "---\ntitle: Ferry times\ncategories: travel\ntags: [river, boats]\n---\nFirst.\n",
    )
    write(
        root,
        "_posts/guides/2024-02-10-night-reading.md",
        "---\ntitle: Night reading\ntags: river\n---\nSecond.\n",
    )
    write(root, "_data/city.yml", "name: Seoul\nbridges:\n  - Hangang\n  - Mapo\n")
    write(root, "_data/shop/hours.json", '{"open": 9}')
    write(
        root,
        "_includes/note.html",
        '<aside class="note {{ include.kind }}">{{ include.text }}</aside>\n',
    )
    write(root, "about.md", "---\ntitle: About\n---\nAbout us.\n")
    write(root, "assets/map.pdf", "%PDF")
    return root
