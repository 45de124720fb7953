"""Brief + Audience -> one self-contained HTML document (Jinja2, sandboxed), from the template
search path: user folders first, then the built-in templates.

Jinja autoescapes every ``.html`` / ``.j2`` template and fails on undefined names;
user templates are code we did not write, so they run in the sandbox and, with user
folders, in a child process under time/memory/output limits (briefgen.rendering.bounded).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from briefgen.audience import Audience
from briefgen.errors import RenderError
from briefgen.model import Brief
from briefgen.rendering.bounded import Limits, run_bounded
from briefgen.rendering.context import build_context


def builtin_template_dir() -> Path:
    """The built-in templates: the checkout's templates/ when this code runs from a checkout
    (so a second worktree on PYTHONPATH renders its own, not the installed editable one's),
    else the installed package."""
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / "templates" / "base.html").is_file():
        return checkout / "templates"
    spec = importlib.util.find_spec("briefgen.templates")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parents[2] / "templates"


def template_search_path(user_dirs: Sequence[Path] = ()) -> list[Path]:
    """User directories first (they override by file name), then the built-ins."""
    path = [Path(d).expanduser().resolve() for d in user_dirs]
    builtin = builtin_template_dir().resolve()
    return [*path, builtin] if builtin not in path else path


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """The Jinja sandbox, plus a cap on the two operators that can exhaust memory
    (``'x' * 10**9``); the sandbox itself only blocks attribute escapes."""

    intercepted_binops = frozenset({"*", "**"})
    max_size = 1_000_000

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
            raise SecurityError("exponent too large in template")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > self.max_size:
                    raise SecurityError("template tried to build a value over 1 MB")
        return super().call_binop(context, operator, left, right)


def make_environment(template_dirs: Sequence[Path] = ()) -> jinja2.Environment:
    """The Jinja environment used for every brief.

    Sandboxed because user templates are code we did not write; strict because
    a misspelt variable must be an error, not an empty string. ``builtin/NAME``
    always reaches the built-in template, so a user's ``executive.html`` can
    extend ``builtin/executive.html``.
    """
    search = template_search_path(template_dirs)
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader([str(p) for p in search]),
            jinja2.PrefixLoader({"builtin": jinja2.FileSystemLoader(str(search[-1]))}),
        ]
    )
    return _BoundedSandbox(
        loader=loader,
        # "j2" as well: select_autoescape(["html"]) leaves *.html.j2 unescaped.
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "j2"], default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(
    brief: Brief, audience: Audience, *, template_dirs: Sequence[Path] = (), limits: Limits | None = None
) -> str:
    """The brief as one self-contained HTML document (the PDF's source and the HTML preview).

    With user template folders the render runs in a child process under ``limits``
    (time, memory, output size): those templates are code we did not write.
    """
    if template_dirs:
        return run_bounded(_render_html, brief, audience, tuple(template_dirs),
                           limits=limits or Limits(), what=f"template {audience.template}")
    return _render_html(brief, audience, ())


def _render_html(brief: Brief, audience: Audience, template_dirs: Sequence[Path]) -> str:
    env = make_environment(template_dirs)
    try:
        template = env.get_template(audience.template)
        return template.render(build_context(brief, audience))
    except jinja2.TemplateNotFound as exc:
        where = ", ".join(str(p) for p in template_search_path(template_dirs))
        raise RenderError(f"template {exc.name!r} not found in {where}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:  # undefined names, sandbox violations
        raise RenderError(f"{_template_location(exc)}{exc.message or exc}") from None


def _template_location(exc: BaseException) -> str:
    """'file:line: ' of the innermost template frame (Jinja rewrites tracebacks to templates)."""
    found = ""
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith((".html", ".j2", ".htm", ".css", ".xml")):
            found = f"{name}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return found
