"""The rules that rewrite pasted HTML in house terms, one small named function each.

``default_rules()`` gives them in a Python-Markdown ``Registry``: each rule has a name and a
priority, runs from the highest priority down, and can be replaced or removed by name. The
order matters and is stated by the priorities (e.g. links and divs are settled before
pictures, which look at their parent to decide whether they need a paragraph). nh3 does the
actual sanitising afterwards; these rules only say what the pasted markup means.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from markdown.util import Registry

from editor.authoring.highlights import Preset, match_preset, style_highlight
from editor.markup import parse_style

# Given a picture's data: or file: address, stores it and gives the address to use
# instead, or None to leave the picture out.
KeepPicture = Callable[[str], "str | None"]
# Pictures on the web stay; data: and file: pictures cannot be published as they are.
IMAGE_SCHEMES = {"http", "https"}
URL_SCHEMES = {"http", "https", "mailto"}
DROP_WITH_CONTENT = ("script", "style", "head", "title", "meta", "link", "xml", "noscript",
                     "template", "iframe", "object", "embed", "svg", "math", "button",
                     "select", "textarea", "input")
HEADING_MAP = {"h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h4", "h6": "h4"}
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table",
          "blockquote", "pre", "section", "article", "header", "footer"}
_TRACKING_PARAMS = re.compile(r"^(utm_.*|fbclid|gclid|dclid|msclkid|mc_eid|mc_cid|igshid|yclid)$",
                              re.I)


@dataclass(frozen=True)
class Paste:
    """What every rule works on: the parsed clipboard (changed in place) and the settings."""

    soup: BeautifulSoup
    presets: list[Preset]
    keep_picture: KeepPicture | None = None


@dataclass(frozen=True)
class PasteRule:
    """One named step of the normalisation."""

    name: str
    apply: Callable[[Paste], None]


def clean_href(href: str) -> str | None:
    """A safe absolute link without tracking parameters, or None to drop the link."""
    href = href.strip()
    parts = urlsplit(href)
    if parts.scheme.lower() not in URL_SCHEMES:
        return None
    if parts.scheme.lower() == "mailto":
        return href
    query = parse_qsl(parts.query, keep_blank_values=True)
    # Google search and Docs wrap outgoing links in a redirect: keep the target.
    if parts.netloc.endswith("google.com") and parts.path == "/url":
        target = dict(query).get("q") or dict(query).get("url")
        return clean_href(target) if target else None
    kept = [(k, v) for k, v in query if not _TRACKING_PARAMS.match(k)]
    return urlunsplit(parts._replace(query=urlencode(kept)))


def _wrap_children(soup: BeautifulSoup, tag: Tag, name: str, **attrs: str) -> Tag:
    wrapper = soup.new_tag(name, attrs=attrs)
    for child in list(tag.contents):
        wrapper.append(child.extract())
    tag.append(wrapper)
    return wrapper


def _is_bold(tag: Tag, style: dict[str, str]) -> bool:
    weight = style.get("font-weight", "")
    if tag.name in ("b", "strong"):
        # Google Docs wraps whole documents in <b style="font-weight:normal">.
        return weight not in ("normal", "400", "lighter")
    return weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 600)


def _paint(tag: Tag, style: dict[str, str]) -> tuple[str, str] | None:
    paint = style_highlight(style)
    if paint is None and tag.name == "font" and tag.get("color"):
        paint = ("color", str(tag["color"]))
    return paint


# The rules, in the order they run -----------------------------------------------------

def drop_comments(paste: Paste) -> None:
    """Comments, CDATA and Word's ``<![if ...]>`` go; only plain text stays."""
    for node in paste.soup.find_all(string=True):
        if type(node) is not NavigableString:
            node.extract()


def drop_hidden_content(paste: Paste) -> None:
    """Scripts, styles, frames, form controls and the like go together with their content."""
    for tag in paste.soup.find_all(DROP_WITH_CONTENT):
        tag.decompose()


def free_mark_tag(paste: Paste) -> None:
    """A pasted ``<mark>`` becomes a span: ``<mark>`` is reserved for preset placeholders."""
    for tag in paste.soup.find_all("mark"):
        tag.name = "span"


def inline_formatting(paste: Paste) -> None:
    """Colours matching a preset become its placeholder; bold and italics become b and i.

    Every ``b``/``strong``/``i``/``em`` first turns into a span, so only what is still meant
    (Google Docs' ``font-weight:normal`` wrapper is not bold) is written back.
    """
    soup = paste.soup
    for tag in soup.find_all(True):
        style = parse_style(str(tag.get("style", "")))
        bold = _is_bold(tag, style)
        italic = tag.name in ("i", "em") or style.get("font-style") == "italic"
        if tag.name in ("b", "strong", "i", "em"):
            tag.name = "span"
        paint = _paint(tag, style)
        preset = match_preset(paint[0], paint[1], paste.presets) if paint else None
        if preset is not None:
            _wrap_children(soup, tag, "mark", **{"data-preset": preset.id})
        elif bold:
            _wrap_children(soup, tag, "b")
        if italic:
            _wrap_children(soup, tag, "i")


def clean_links(paste: Paste) -> None:
    """Links keep only a safe, untracked href; a link without one keeps just its text."""
    for tag in paste.soup.find_all("a"):
        href = clean_href(str(tag.get("href", "")))
        tag.attrs = {"href": href} if href else {}
        if not href:
            tag.unwrap()


def house_heading_levels(paste: Paste) -> None:
    """Headings move to the house levels h2–h4."""
    for tag in paste.soup.find_all(list(HEADING_MAP)):
        tag.name = HEADING_MAP[tag.name]


def divs_to_paragraphs(paste: Paste) -> None:
    """A div of text is a paragraph; a div around blocks is only a wrapper and goes."""
    for tag in paste.soup.find_all("div"):
        if tag.find(BLOCKS) is not None:
            tag.unwrap()
        else:
            tag.name = "p"


def pictures(paste: Paste) -> None:
    """Web pictures stay (in a paragraph, with src and alt only); others are kept or go."""
    soup = paste.soup
    for tag in soup.find_all("img"):
        src = str(tag.get("src", "")).strip()
        if urlsplit(src).scheme.lower() not in IMAGE_SCHEMES:
            kept = paste.keep_picture(src) if paste.keep_picture is not None else None
            if kept is None:
                tag.decompose()
                continue
            src = kept
        tag.attrs = {"src": src, "alt": " ".join(str(tag.get("alt", "")).split())}
        if tag.parent is None or tag.parent.name not in ("p", "li", "td", "th", "a"):
            tag.wrap(soup.new_tag("p"))  # the house puts a picture in a paragraph


def single_highlights(paste: Paste) -> None:
    """Highlights never nest, and a preset is bold already (no b in or just around it)."""
    for mark in paste.soup.find_all("mark"):
        if mark.find_parent("mark") is not None:
            mark.unwrap()
            continue
        for inner in mark.find_all("b"):
            inner.unwrap()
        # A bold wrapper holding only this highlight (Word's <b><span color>) goes.
        parent = mark.parent
        while (parent is not None and parent.name in ("b", "span", "font")
               and parent.get_text().strip() == mark.get_text().strip()):
            grand = parent.parent
            if parent.name == "b":
                parent.unwrap()
            parent = grand


def no_nested_bold(paste: Paste) -> None:
    """Bold inside bold or inside a highlight says nothing more and goes."""
    for bold in paste.soup.find_all("b"):
        if bold.find_parent("mark") is not None or bold.find_parent("b") is not None:
            bold.unwrap()


def list_item_paragraphs(paste: Paste) -> None:
    """A list item holding one paragraph (Google Docs writes them) holds its text instead."""
    for item in paste.soup.find_all("li"):
        kids = [c for c in item.contents if not (isinstance(c, NavigableString) and not c.strip())]
        if len(kids) == 1 and isinstance(kids[0], Tag) and kids[0].name == "p":
            kids[0].unwrap()


def collapse_whitespace(paste: Paste) -> None:
    """Runs of white space (Word's line breaks inside sentences) are one space, except in pre."""
    for text in paste.soup.find_all(string=True):
        if text.find_parent("pre") is None:
            text.replace_with(re.sub(r"\s+", " ", str(text)))


def drop_empty(paste: Paste) -> None:
    """Paragraphs, items, headings and inline marks with no text (nor break/picture) go."""
    for tag in paste.soup.find_all(["p", "li", "h2", "h3", "h4", "b", "i", "mark"]):
        if tag.decomposed:
            continue
        if (not tag.get_text().replace("\xa0", " ").strip()
                and tag.find(["br", "img"]) is None):
            tag.decompose()


_ORDER = (
    (drop_comments, 100),
    (drop_hidden_content, 95),
    (free_mark_tag, 90),
    (inline_formatting, 80),
    (clean_links, 70),
    (house_heading_levels, 65),
    (divs_to_paragraphs, 60),
    (pictures, 50),
    (single_highlights, 40),
    (no_nested_bold, 35),
    (list_item_paragraphs, 30),
    (collapse_whitespace, 20),
    (drop_empty, 10),
)


def default_rules() -> Registry:
    """A fresh registry of the house rules (callers may deregister or add their own)."""
    rules = Registry()
    for function, priority in _ORDER:
        name = function.__name__.replace("_", "-")
        rules.register(PasteRule(name, function), name, priority)
    return rules


def normalise(paste: Paste, rules: Registry | None = None) -> None:
    """Run ``rules`` (the house rules by default) over ``paste.soup``, highest priority first."""
    for rule in rules if rules is not None else default_rules():
        rule.apply(paste)
