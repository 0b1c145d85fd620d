"""Jekyll's own Liquid tags: ``highlight``, ``include(_relative)``, ``post_url``, ``link``.

Each parses its markup the way Jekyll 4.3 does (its regular expressions are quoted where
they decide what is accepted) and renders from the :class:`~editor.render.liquid.site.LiquidSite`
its environment carries. Failures are :class:`liquid.exceptions.LiquidError` subclasses
with the tag's token, so the writer sees them at the tag's line.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from liquid import Node, Tag
from liquid.exceptions import LiquidError, LiquidSyntaxError, TemplateNotFoundError
from liquid.parser import get_parser
from liquid.token import TOKEN_EXPRESSION, TOKEN_TAG, Token

from editor.render.liquid.highlight import highlight_block

if TYPE_CHECKING:
    from liquid import RenderContext, TokenStream
    from liquid.ast import BlockNode

    from editor.render.liquid.site import LiquidSite


class JekyllTagError(LiquidError):
    """A Jekyll tag could not do its work (a missing include, an unknown post ...)."""


def _markup(stream: TokenStream) -> tuple[Token, str]:
    """The tag token and its raw markup, leaving the stream on the tag's last token."""
    token = stream.current
    if stream.peek.kind == TOKEN_EXPRESSION:
        next(stream)
        return token, stream.current.value.strip()
    return token, ""


def _site(context: RenderContext) -> LiquidSite:
    return context.env.site  # type: ignore[attr-defined]


def _render_variables(markup: str, context: RenderContext) -> str:
    """Markup with its ``{{ ... }}`` rendered, as Jekyll allows in tag arguments."""
    if "{{" not in markup:
        return markup
    buffer = io.StringIO()
    context.env.from_string(markup).render_with_context(context, buffer, partial=True)
    return buffer.getvalue().strip()


def _name_problems(environment: Any, since: int, name: str) -> None:
    """Say which include the errors kept since ``since`` happened in."""
    for problem in environment.problems[since:]:
        if not problem.template_name:
            problem.template_name = name


def _lookup(name: str, context: RenderContext) -> Any:
    path: list[object] = [int(p) if p.isdigit() else p for p in re.split(r"[.\[\]]+", name) if p]
    value = context.get(path, token=None, default=None)
    return value


# --- highlight ----------------------------------------------------------------------------

# Jekyll::Tags::HighlightBlock::SYNTAX
_HIGHLIGHT_SYNTAX = re.compile(
    r"^([a-zA-Z0-9.+#_-]+)\s*((?:\s*\w+(?:=(?:(?:\w|[0-9_-])+|\"[0-9\s]+\"))?)*)$"
)


class HighlightNode(Node):
    """``{% highlight lang [linenos] %}code{% endhighlight %}``."""

    def __init__(self, token: Token, lang: str, linenos: bool, block: BlockNode) -> None:
        super().__init__(token)
        self.lang = lang
        self.linenos = linenos
        self.block = block
        self.blank = False

    def __str__(self) -> str:
        return f"{{% highlight {self.lang} %}}"

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        """Render the code inside (Liquid runs first, as in Jekyll), then highlight it."""
        inner = io.StringIO()
        self.block.render(context, inner)
        return buffer.write(highlight_block(inner.getvalue(), self.lang, linenos=self.linenos))

    def children(self, static_context: RenderContext, *, include_partials: bool = True):
        """The code block."""
        yield self.block


class HighlightTag(Tag):
    """Jekyll's ``highlight`` block, written as rouge writes it."""

    name = "highlight"
    end = "endhighlight"
    block = True

    def parse(self, stream: TokenStream) -> Node:
        """Read the language and options, then the block up to ``endhighlight``."""
        token, markup = _markup(stream)
        match = _HIGHLIGHT_SYNTAX.match(markup)
        if match is None:
            raise LiquidSyntaxError(
                f"Syntax Error in tag 'highlight' while parsing the following markup: {markup}. "
                "Valid syntax: highlight <lang> [linenos]",
                token=token,
            )
        options = match.group(2) or ""
        linenos = re.search(r"\blinenos\b", options) is not None
        next(stream)
        block = get_parser(self.env).parse_block(stream, (self.end,))
        stream.expect(TOKEN_TAG, value=self.end)
        return HighlightNode(token, match.group(1), linenos, block)


# --- include ----------------------------------------------------------------------------

# Jekyll::Tags::IncludeTag::VALID_SYNTAX and VARIABLE_SYNTAX
_PARAM = re.compile(
    r"([\w-]+)\s*=\s*(?:\"([^\"\\]*(?:\\.[^\"\\]*)*)\"|'([^'\\]*(?:\\.[^'\\]*)*)'|([\w.\-\[\]]+))"
)
_VARIABLE_NAME = re.compile(
    r"(?P<variable>[^{]*(\{\{\s*[\w\-.]+\s*(\|.*)?\}\}[^\s{}]*)+)(?P<params>.*)", re.S
)
_VALID_FILE = re.compile(r"^[\w/.\-()+~#@]+$")


def _split_include(markup: str) -> tuple[str, str]:
    matched = _VARIABLE_NAME.match(markup)
    if matched:
        return matched.group("variable").strip(), matched.group("params").strip()
    file, _, params = markup.partition(" ")
    return file.strip(), params.strip()


class IncludeNode(Node):
    """``{% include file.html key=value ... %}`` with the values as ``include.key``."""

    relative = False

    def __init__(self, token: Token, file: str, params: str) -> None:
        super().__init__(token)
        self.file = file
        self.params = params
        self.blank = False

    def __str__(self) -> str:
        return f"{{% include {self.file} {self.params} %}}"

    def _params(self, context: RenderContext) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for match in _PARAM.finditer(self.params):
            name, double, single, variable = match.groups()
            if double is not None:
                values[name] = double.replace('\\"', '"')
            elif single is not None:
                values[name] = single.replace("\\'", "'")
            else:
                values[name] = _lookup(variable, context)
        return values

    def _folder(self, context: RenderContext) -> Path | None:
        site = _site(context)
        return site.includes_dir

    def _template(self, context: RenderContext, name: str) -> Any:
        site = _site(context)
        folder = self._folder(context)
        if not _VALID_FILE.match(name) or ".." in Path(name).parts:
            raise JekyllTagError(
                f"Invalid syntax for include tag. File contains invalid characters or "
                f"sequences: {name}",
                token=self.token,
            )
        path = (folder / name) if folder is not None else None
        if path is None or not path.is_file():
            where = str(folder) if folder is not None else "the site's include folder"
            raise TemplateNotFoundError(
                f"Could not locate the included file '{name}' in {where}. Ensure it exists.",
                token=self.token,
            )
        cached = site.include_source(path)
        if cached is not None:
            return cached[1]
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise JekyllTagError(
                f"Could not read the included file '{name}': {exc}", token=self.token
            ) from exc
        environment = context.env
        already = len(environment.problems)  # type: ignore[attr-defined]
        template = environment.from_string(source, name=site.relative(path), path=path)
        _name_problems(environment, already, site.relative(path))
        site.keep_include(path, template)
        return template

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        """Render the include in this context, with ``include`` holding the parameters."""
        name = _render_variables(self.file, context)
        template = self._template(context, name)
        namespace = {"include": self._params(context)} if self.params else {}
        already = len(context.env.problems)  # type: ignore[attr-defined]
        with context.extend(namespace, template=template):
            template.render_with_context(context, buffer, partial=True)
        _name_problems(context.env, already, template.name)
        return 1


class IncludeTag(Tag):
    """Jekyll's ``include``: files from ``_includes/``, parameters as ``include.x``."""

    name = "include"
    block = False
    node_class = IncludeNode

    def parse(self, stream: TokenStream) -> Node:
        """Split the markup into the file name and the parameters."""
        token, markup = _markup(stream)
        if not markup:
            raise LiquidSyntaxError(f"missing file name in tag '{self.name}'", token=token)
        file, params = _split_include(markup)
        if params and not _PARAM.search(params):
            raise LiquidSyntaxError(
                f"Invalid syntax for include tag:\n\n  {params}\n\nValid syntax:\n\n"
                f"  {{% {self.name} file.ext param='value' param2='value' %}}",
                token=token,
            )
        return self.node_class(token, file, params)


class IncludeRelativeNode(IncludeNode):
    """``{% include_relative file %}``: a file beside the page being rendered."""

    def _folder(self, context: RenderContext) -> Path | None:
        site = _site(context)
        page = context.globals.get("page")
        page_path = page.get("path") if isinstance(page, dict) else None
        if site.root is None or not page_path:
            return site.root
        return (site.root / str(page_path)).parent


class IncludeRelativeTag(IncludeTag):
    """Jekyll's ``include_relative``."""

    name = "include_relative"
    node_class = IncludeRelativeNode


# --- post_url and link ------------------------------------------------------------------


class _UrlNode(Node):
    def __init__(self, token: Token, markup: str) -> None:
        super().__init__(token)
        self.markup = markup
        self.blank = False

    def __str__(self) -> str:
        return f"{{% {self.__class__.__name__} {self.markup} %}}"

    def url(self, context: RenderContext, name: str) -> str:
        raise NotImplementedError

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        """Write the site-relative URL (with ``baseurl``) of what the markup names."""
        url = self.url(context, _render_variables(self.markup, context))
        return buffer.write(context.env.filters["relative_url"](url))


class PostUrlNode(_UrlNode):
    """``{% post_url 2024-01-02-slug %}``."""

    def url(self, context: RenderContext, name: str) -> str:
        """The URL of the post named ``name``."""
        post = _site(context).post_named(name)
        if post is None:
            raise JekyllTagError(
                f"Could not find post \"{name}\" in tag 'post_url'. "
                "Make sure the post exists and the name is correct.",
                token=self.token,
            )
        return str(post["url"])


class LinkNode(_UrlNode):
    """``{% link _posts/2024-01-02-slug.md %}`` or any page or file of the site."""

    def url(self, context: RenderContext, name: str) -> str:
        """The URL of the file at ``name`` (relative to the site root)."""
        site = _site(context)
        name = name.strip().lstrip("/")
        for post in site.posts:
            if post["path"] == name:
                return str(post["url"])
        url = site.file_url(name)
        if url is None:
            raise JekyllTagError(
                f"Could not find document '{name}' in tag 'link'. "
                "Make sure the document exists and the path is correct.",
                token=self.token,
            )
        return url


class _UrlTag(Tag):
    block = False
    node_class: type[_UrlNode] = _UrlNode

    def parse(self, stream: TokenStream) -> Node:
        """Keep the markup; it may hold ``{{ variables }}`` to render first."""
        token, markup = _markup(stream)
        if not markup:
            raise LiquidSyntaxError(f"missing argument in tag '{self.name}'", token=token)
        return self.node_class(token, markup)


class PostUrlTag(_UrlTag):
    """Jekyll's ``post_url``."""

    name = "post_url"
    node_class = PostUrlNode


class LinkTag(_UrlTag):
    """Jekyll's ``link``."""

    name = "link"
    node_class = LinkNode


JEKYLL_TAGS: tuple[type[Tag], ...] = (
    HighlightTag,
    IncludeTag,
    IncludeRelativeTag,
    PostUrlTag,
    LinkTag,
)
