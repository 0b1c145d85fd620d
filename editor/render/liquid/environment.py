"""The Liquid environment Jekyll would give a site: its tags, its filters, its leniency.

Errors never escape: :meth:`JekyllEnvironment.error` keeps each one (with the token that
says where it happened) for the renderer to show, and python-liquid carries on with the
next node, as Jekyll's ``error_mode: warn`` parser does.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar
from urllib.parse import quote

from liquid import Environment, Mode, StrictUndefined, Undefined, is_undefined
from liquid.exceptions import LiquidError
from liquid.filter import with_context

from editor.render.liquid.filters import PLAIN_FILTERS, as_list, group_by
from editor.render.liquid.tags import JEKYLL_TAGS

if TYPE_CHECKING:
    from liquid import RenderContext

    from editor.render.liquid.site import LiquidSite

_ABSOLUTE_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")


def _normalise(url: str) -> str:
    # Addressable's URI#normalize: non-ASCII and spaces percent-encoded, the rest kept.
    return quote(url, safe="/:?#[]@!$&'()*+,;=%~")


def _leading_slash(part: str) -> str:
    return part if not part or part.startswith("/") else "/" + part


def url_filters(config: Mapping[str, Any]) -> dict[str, Any]:
    """``relative_url`` and ``absolute_url`` for a site's ``baseurl`` and ``url``."""

    def relative_url(value: Any) -> Any:
        if value is None or is_undefined(value):
            return None
        if isinstance(value, Mapping) and "url" in value:
            value = value["url"]
        text = str(value)
        if _ABSOLUTE_URL.match(text):
            return text
        baseurl = str(config.get("baseurl") or "").removesuffix("/")
        return _normalise(_leading_slash(baseurl) + _leading_slash(text))

    def absolute_url(value: Any) -> Any:
        if value is None or is_undefined(value):
            return None
        if isinstance(value, Mapping) and "url" in value:
            value = value["url"]
        text = str(value)
        if _ABSOLUTE_URL.match(text):
            return text
        site_url = str(config.get("url") or "")
        if not site_url:
            return relative_url(text)
        return _normalise(site_url + relative_url(text))

    return {"relative_url": relative_url, "absolute_url": absolute_url}


def _condition(context: RenderContext, expression: str) -> Any:
    conditions = context.env.conditions  # type: ignore[attr-defined]
    if expression not in conditions:
        conditions[expression] = context.env.from_string(f"{{% if {expression} %}}1{{% endif %}}")
    return conditions[expression]


def _holds(context: RenderContext, template: Any, variable: str, item: Any) -> bool:
    buffer = io.StringIO()
    with context.extend({str(variable): item}):
        template.render_with_context(context, buffer, partial=True)
    return buffer.getvalue() == "1"


@with_context
def where_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> list:
    """Items for which the Liquid condition ``expression`` holds, each bound to ``variable``."""
    template = _condition(context, str(expression))
    return [item for item in as_list(value) if _holds(context, template, variable, item)]


@with_context
def find_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> Any:
    """The first item :func:`where_exp` would keep, or nil."""
    template = _condition(context, str(expression))
    for item in as_list(value):
        if _holds(context, template, variable, item):
            return item
    return None


@with_context
def group_by_exp(value: Any, variable: Any, expression: Any, *, context: RenderContext) -> list:
    """:func:`group_by` with the key given by a Liquid expression on each item."""
    template = context.env.from_string(f"{{{{ {expression} }}}}")
    keyed = []
    for item in as_list(value):
        buffer = io.StringIO()
        with context.extend({str(variable): item}):
            template.render_with_context(context, buffer, partial=True)
        keyed.append({"key": buffer.getvalue(), "item": item})
    groups = group_by(keyed, "key")
    return [{**group, "items": [entry["item"] for entry in group["items"]]} for group in groups]


class JekyllEnvironment(Environment):
    """python-liquid set up as Jekyll 4.3 runs Liquid, for one site."""

    loop_iteration_limit: ClassVar[int | None] = 200_000
    """Jekyll has no limit, but a runaway loop must not freeze the preview."""

    def __init__(self, site: LiquidSite) -> None:
        liquid_options = site.config.get("liquid")
        if not isinstance(liquid_options, Mapping):
            liquid_options = {}
        super().__init__(
            tolerance=Mode.LAX,
            strict_filters=bool(liquid_options.get("strict_filters", False)),
            undefined=StrictUndefined if liquid_options.get("strict_variables") else Undefined,
        )
        self.site = site
        self.conditions: dict[str, Any] = {}
        """``where_exp`` conditions, parsed once per site."""
        self.problems: list[LiquidError] = []
        """Errors met since the renderer last emptied this list (under the site's lock)."""
        for tag in JEKYLL_TAGS:
            self.add_tag(tag)
        for name, function in PLAIN_FILTERS.items():
            self.add_filter(name, function)
        for name, function in url_filters(site.config).items():
            self.add_filter(name, function)
        self.add_filter("markdownify", lambda value: site.markdownify(str(value)))
        self.add_filter("where_exp", where_exp)
        self.add_filter("find_exp", find_exp)
        self.add_filter("group_by_exp", group_by_exp)

    def error(
        self,
        exc: type[LiquidError] | LiquidError,
        msg: str | None = None,
        token: Any = None,
    ) -> None:
        """Keep the error for the writer to see; never raise it."""
        if not isinstance(exc, LiquidError):
            exc = exc(msg, token=token)
        elif not exc.token:
            exc.token = token
        self.problems.append(exc)
