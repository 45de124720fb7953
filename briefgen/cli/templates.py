"""`briefgen templates`: list, show, copy and check the templates briefs are rendered with.

The search path is the user's folders (``--template-dir``, then the config
file's ``template_dirs``) and then the built-ins; a file found earlier wins.

Rendering is imported inside each sub-command: `templates list` needs no WeasyPrint.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from briefgen.cli.common import config_option, load_cli_settings
from briefgen.cli.exitcodes import ExitCode

if TYPE_CHECKING:
    from briefgen.settings import Settings

_TEMPLATE_SUFFIXES = (".html", ".htm", ".j2", ".css", ".xml")


def _template_dir_option(fn):  # noqa: ANN001, ANN201 - a Click decorator
    return click.option(
        "-t", "--template-dir", "template_dirs", multiple=True, metavar="DIR",
        type=click.Path(file_okay=False, exists=True, path_type=Path),
        help="Folder searched before the config's template_dirs and the built-ins (repeatable).",
    )(fn)


def _search_path(config: Path | None, template_dirs: tuple[Path, ...]) -> tuple[list[Path], Settings]:
    from briefgen.rendering.render import template_search_path

    settings = load_cli_settings(config)
    user = list(template_dirs) + [d for d in settings.template_dirs if d not in template_dirs]
    return template_search_path(user), settings


def _template_files(folder: Path) -> list[str]:
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in _TEMPLATE_SUFFIXES and "__pycache__" not in p.parts
    )


@click.group()
def templates():
    """List, show, copy and check brief templates.

    \b
    Examples:
      briefgen templates list
      briefgen templates show partials/quotes.html
      briefgen templates init my-templates/
      briefgen templates check my-templates/
    """


@templates.command("list")
@config_option
@_template_dir_option
def list_templates(config, template_dirs):
    """Every template on the search path and the folder it is taken from."""
    path, _ = _search_path(config, template_dirs)
    winners: dict[str, Path] = {}
    for folder in path:
        for name in _template_files(folder):
            winners.setdefault(name, folder)
    builtin = path[-1]
    for name in sorted(winners):
        folder = winners[name]
        where = "built-in" if folder == builtin else str(folder)
        overrides = folder != builtin and (builtin / name).is_file()
        click.echo(f"{name:<34} {where}{'  (overrides the built-in)' if overrides else ''}")


@templates.command("show")
@click.argument("name")
@config_option
@_template_dir_option
def show_template(name, config, template_dirs):
    """Print the template NAME as briefs will use it (e.g. executive.html, css/base.css)."""
    path, _ = _search_path(config, template_dirs)
    if name.startswith("builtin/"):
        path, name = path[-1:], name.removeprefix("builtin/")
    for folder in path:
        file = (folder / name).resolve()
        if file.is_relative_to(folder) and file.is_file():
            click.echo(file.read_text(encoding="utf-8"), nl=False)
            return
    raise click.ClickException(f"template {name!r} not found in {', '.join(map(str, path))}")


MINIMAL = """{#- Your briefs: the built-in templates plus what you change here (`briefgen templates init
    --minimal`). Every audience extends base.html, so this file changes them all, and whatever
    you do not override keeps following the built-ins, later fixes included. Blocks and the
    context: docs/templates.md; check with `briefgen templates check DIRECTORY`. -#}
{% extends "builtin/base.html" %}

{#- CSS after every built-in rule, for the PDF (print) and the HTML preview. #}
{% block extra_style %}{{ super() }}
/* .title { color: #0b5394; } */
{% endblock %}

{#- For example, a line under the masthead of every brief:
{% block masthead %}{{ super() }}<p class="note">For internal use only.</p>{% endblock %}
-#}
"""


@templates.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite files that already exist in DIRECTORY.")
@click.option("--minimal", is_flag=True,
              help="Write one base.html that extends the built-in one, instead of copying every template.")
def init_templates(directory, force, minimal):
    """Copy the built-in templates into DIRECTORY to start your own from.

    Then add `template_dirs = ["DIRECTORY"]` to briefgen.toml (or pass
    --template-dir), edit, and run `briefgen templates check DIRECTORY`.
    Files you do not change can be deleted: the built-ins fill the gaps.
    With --minimal, DIRECTORY gets one base.html that extends the built-in:
    copies of every template would hide later fixes to the built-ins.
    """
    from briefgen.rendering.render import builtin_template_dir

    if minimal:
        target = directory / "base.html"
        if target.exists() and not force:
            raise click.ClickException(f"{target} already exists; use --force")
        directory.mkdir(parents=True, exist_ok=True)
        target.write_text(MINIMAL, encoding="utf-8")
        click.echo(str(directory))
        click.echo(f"briefgen: wrote {target}, which extends the built-in base.html; "
                   f"add template_dirs = [\"{directory}\"] to briefgen.toml", err=True)
        return
    source = builtin_template_dir()
    names = _template_files(source)
    clashes = [n for n in names if (directory / n).exists()]
    if clashes and not force:
        raise click.ClickException(
            f"{directory / clashes[0]} already exists ({len(clashes)} files would be overwritten); use --force"
        )
    for name in names:
        target = directory / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / name, target)
    click.echo(str(directory))
    click.echo(f"briefgen: copied {len(names)} templates; add template_dirs = [\"{directory}\"] to briefgen.toml",
               err=True)


@templates.command("check")
@click.argument("directory", required=False, type=click.Path(file_okay=False, exists=True, path_type=Path))
@config_option
@_template_dir_option
@click.option("--pdf", is_flag=True, help="Also render each audience to PDF in its variant (tags, PDF/A).")
@click.option("--layout/--no-layout", default=True, show_default=True,
              help="Lay each audience out and report overflowing or orphaned blocks, a first page less "
                   "than half full, and page-count changes against the built-in templates.")
@click.option("--strict", is_flag=True, help="Layout problems fail the check too (exit 1).")
@click.pass_context
def check_templates(ctx, directory, config, template_dirs, pdf, layout, strict):
    """Render every audience with sample data, using DIRECTORY's templates first.

    Errors name the template file and line; an undefined variable is an error.
    Layout problems are reported as "layout" lines (--strict makes them fail).
    Exit 0 when every audience renders, 1 otherwise.
    """
    from briefgen.errors import RenderError
    from briefgen.rendering.bounded import Limits
    from briefgen.rendering.layout import check_layout
    from briefgen.rendering.render import render_html, render_pdf
    from briefgen.rendering.sample import sample_brief

    dirs = ((directory,) if directory else ()) + tuple(template_dirs)
    path, settings = _search_path(config, dirs)
    user_dirs = path[:-1]
    limits = Limits(seconds=settings.render_timeout, memory_mb=settings.render_memory_mb)
    failed = warned = 0
    for audience in settings.audiences.values():
        notes: list[str] = []
        try:
            for stories in (3, 0):  # both branches of every template: stories and the empty day
                brief = replace(sample_brief(stories, audience=audience.name), title=audience.title)
                html = render_html(brief, audience, template_dirs=user_dirs, limits=limits)
                if pdf:
                    render_pdf(html, template_dirs=user_dirs, variant=audience.pdf_variant, limits=limits)
                if layout and stories:
                    notes = _layout_notes(html, brief, audience, user_dirs, limits, check_layout, render_html)
        except RenderError as err:
            failed += 1
            click.echo(f"FAIL {audience.name} ({audience.template}): {err}")
            continue
        click.echo(f"ok   {audience.name} ({audience.template})")
        for note in notes:
            click.echo(f"     layout: {note}")
        warned += bool(notes)
    ctx.exit(ExitCode.ERROR if failed or (strict and warned) else ExitCode.OK)


def _layout_notes(html, brief, audience, user_dirs, limits, check_layout, render_html) -> list[str]:  # noqa: ANN001
    """What a reader of this audience's sample PDF would notice, and its page count against the
    same brief rendered with the built-in templates only (when user folders are in play)."""
    whole = ("blockquote", "article") if audience.template == "executive.html" else ("blockquote",)
    report = check_layout(html, template_dirs=user_dirs, whole=whole, limits=limits)
    notes = list(report.problems)
    if user_dirs:
        try:
            builtin = check_layout(render_html(brief, audience), whole=whole).pages
        except Exception:  # noqa: BLE001 - a template only the user has (a new audience): nothing to compare
            builtin = None
        if builtin is not None and builtin != report.pages:
            notes.append(f"{report.pages} pages where the built-in templates give {builtin} for the sample day")
    return notes
