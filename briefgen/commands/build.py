"""`briefgen build`: articles -> brief files for each audience."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path

import click

from ..build import FORMATS, BuildRequest, build_briefs
from ..config import BUILTIN_AUDIENCES
from ..exitcodes import ExitCode
from .common import check_algorithm

log = logging.getLogger("briefgen")


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-a", "--audience", "audiences", multiple=True, metavar="NAME",
              help="Audience to brief (repeatable). Default: every audience. See `briefgen audiences`.")
@click.option("-d", "--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Date of the brief, YYYY-MM-DD. Default: today.")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("output"),
              show_default=True, help="Briefs go to OUTPUT_DIR/<date>/<audience>.<format>.")
@click.option("-f", "--format", "formats", type=click.Choice(FORMATS), multiple=True,
              help="Output format (repeatable). Default: pdf.")
@click.option("--algorithm", default=None, metavar="NAME", help="Summarizer for every audience (see `analyze --help`).")
@click.option("--engine", type=click.Choice(["fast", "sumy"]), default="fast", show_default=True,
              help="Summarizer implementation: briefgen's own or the sumy reference.")
@click.pass_context
def build(ctx, paths, audiences, day, output_dir, formats, algorithm, engine):
    """Write briefs for the articles in PATHS (files or folders).

    \b
    Examples:
      briefgen build seeds/
      briefgen build inbox/ -a executive -a press --date 2026-11-28
      briefgen build inbox/*.txt -f pdf -f json -o /srv/briefs

    \b
    Exit codes: 0 written; 1 nothing written; 2 usage error;
    3 written but some inputs failed (listed on stderr and in the brief);
    4 no usable articles.
    """
    if not paths:
        raise click.UsageError("give at least one article file or folder, e.g. `briefgen build seeds/`")
    names = audiences or tuple(BUILTIN_AUDIENCES)
    unknown = [n for n in names if n not in BUILTIN_AUDIENCES]
    if unknown:
        raise click.BadParameter(
            f"unknown audience {unknown[0]!r}; choose from {', '.join(BUILTIN_AUDIENCES)}", param_hint="--audience"
        )
    if algorithm is not None:
        check_algorithm(algorithm)
    chosen = [BUILTIN_AUDIENCES[n] for n in dict.fromkeys(names)]
    if algorithm:
        chosen = [replace(a, algorithm=algorithm) for a in chosen]

    report = build_briefs(BuildRequest(
        paths=paths,
        audiences=chosen,
        day=day.date() if day else date.today(),
        output_dir=output_dir,
        formats=tuple(dict.fromkeys(formats or ("pdf",))),
        engine=engine,
    ))
    if not report.articles:
        click.echo(f"briefgen: no usable articles in {', '.join(map(str, paths))}", err=True)
        ctx.exit(ExitCode.NOTHING_TO_BRIEF)
    for target in report.written:
        click.echo(str(target))
    log.info("%d articles, %d skipped, %d files written", report.articles, len(report.failures), len(report.written))
    ctx.exit(ExitCode.PARTIAL if report.failures else ExitCode.OK)
