"""The `briefgen` command: parse arguments, call the library, report, exit.

stdout carries only results (paths written, JSON); logs go to stderr. User
errors are one line and a non-zero exit; a bug is one line too (with the
traceback only under --verbose), never a wall of Python.
"""

from __future__ import annotations

import json
import logging
import sys
from datetime import date
from enum import IntEnum
from pathlib import Path

import click

from . import __version__
from .config import BUILTIN_AUDIENCES
from .errors import BriefgenError

log = logging.getLogger("briefgen")


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1  # nothing written
    USAGE = 2  # Click's own code for bad arguments
    PARTIAL = 3  # brief written, but some inputs could not be used
    NOTHING_TO_BRIEF = 4  # no usable articles


FORMATS = ("pdf", "html", "json")


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("briefgen: %(levelname)s: %(message)s"))
    root = logging.getLogger("briefgen")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def _algorithms() -> tuple[str, ...]:
    from .summarize import ALGORITHMS

    return ALGORITHMS


class _Group(click.Group):
    """Turns the library's own errors into Click's one-line 'Error: …' and exit 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BriefgenError as err:
            raise click.ClickException(str(err)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr; stdout carries only the paths written.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Turn the day's news articles into PDF briefs, one look per audience.

    \b
    Examples:
      briefgen build seeds/                      # every audience, today, into output/
      briefgen build news/ -a executive -f html  # one audience, as HTML
      briefgen analyze article.txt --format json # what briefgen found in an article
    """
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose
    ctx.obj["quiet"] = quiet
    _setup_logging(verbose, quiet)


@cli.command()
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

    Exit codes: 0 written; 1 nothing written; 2 usage error;
    3 written but some inputs failed (listed on stderr and in the brief);
    4 no usable articles.
    """
    from dataclasses import replace

    from .pipeline import AnalysisOptions, analyze_paths, build_brief
    from .render import render_html, write_pdf
    from .serialize import brief_to_dict
    from .atomic import write_atomic

    if not paths:
        raise click.UsageError("give at least one article file or folder, e.g. `briefgen build seeds/`")
    names = audiences or tuple(BUILTIN_AUDIENCES)
    unknown = [n for n in names if n not in BUILTIN_AUDIENCES]
    if unknown:
        raise click.BadParameter(
            f"unknown audience {unknown[0]!r}; choose from {', '.join(BUILTIN_AUDIENCES)}", param_hint="--audience"
        )
    if algorithm is not None:
        _check_algorithm(algorithm)
    the_day: date = day.date() if day else date.today()
    formats = formats or ("pdf",)

    digests, failures = analyze_paths(paths, AnalysisOptions(engine=engine))
    if not digests:
        click.echo(f"briefgen: no usable articles in {', '.join(map(str, paths))}", err=True)
        ctx.exit(ExitCode.NOTHING_TO_BRIEF)

    folder = output_dir / the_day.isoformat()
    written: list[Path] = []
    for name in names:
        audience = BUILTIN_AUDIENCES[name]
        if algorithm:
            audience = replace(audience, algorithm=algorithm)
        brief = build_brief(digests, audience, the_day, failures, engine=engine)
        html = render_html(brief, audience) if {"pdf", "html"} & set(formats) else ""
        for fmt in formats:
            target = folder / f"{name}.{fmt}"
            if fmt == "pdf":
                write_pdf(html, target)
            elif fmt == "html":
                write_atomic(target, html.encode("utf-8"))
            else:
                data = json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n"
                write_atomic(target, data.encode("utf-8"))
            written.append(target)
            click.echo(str(target))
    log.info("%d articles, %d skipped, %d files written", len(digests), len(failures), len(written))
    ctx.exit(ExitCode.PARTIAL if failures else ExitCode.OK)


def _check_algorithm(name: str) -> None:
    if name not in _algorithms():
        raise click.BadParameter(f"unknown summarizer {name!r}; choose from {', '.join(_algorithms())}",
                                 param_hint="--algorithm")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--algorithm", default=None, metavar="NAME",
              help="Summarizer: lexrank, lsa, textrank, luhn, edmundson, kl, sumbasic, reduction, random, "
                   "lead, or briefgen's own. Default: briefgen's default.")
@click.option("-n", "--sentences", type=click.IntRange(min=0), default=3, show_default=True,
              help="Summary length in sentences.")
@click.option("-w", "--words", type=click.IntRange(min=1), default=None, help="Summary length in words (a budget).")
@click.option("--engine", type=click.Choice(["fast", "sumy"]), default="fast", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.pass_context
def analyze(ctx, paths, algorithm, sentences, words, engine, fmt):
    """Show what briefgen finds in articles: sentences, summary, quotes, participants.

    Prints one JSON object {"articles": [...]} to stdout (the contract in
    docs/EVALUATION.md); unusable inputs are listed under "failures" and on stderr.

    \b
    Examples:
      briefgen analyze seeds/000_6a20b3f872e24daa.txt
      briefgen analyze news/*.txt --algorithm lexrank --sentences 5
    """
    from .pipeline import AnalysisOptions, analyze_paths
    from .serialize import analysis_to_dict

    if algorithm is not None:
        _check_algorithm(algorithm)
    digests, failures = analyze_paths(paths, AnalysisOptions(algorithm, sentences, words, engine))
    if fmt == "json":
        click.echo(json.dumps(analysis_to_dict(digests, failures), ensure_ascii=False))
    else:
        for d in digests:
            click.echo(_digest_text(d))
    if not digests:
        ctx.exit(ExitCode.NOTHING_TO_BRIEF)
    ctx.exit(ExitCode.PARTIAL if failures else ExitCode.OK)


def _digest_text(d) -> str:
    lines = [f"# {d.article.title}  ({d.article.path})", "", "Summary:"]
    lines += [f"  - {s.text}" for s in d.summary]
    lines += ["", "Quotes:"]
    lines += [f"  - “{q.text}” — {q.speaker or q.speaker_mention or 'unattributed'}" for q in d.quotes]
    lines += ["", "Participants:"]
    lines += [f"  - {p.name} ({p.kind}{', ' + p.role if p.role else ''})" for p in d.participants]
    return "\n".join(lines) + "\n"


@cli.command()
def audiences():
    """List the built-in audiences and what each brief shows."""
    for a in BUILTIN_AUDIENCES.values():
        click.echo(f"{a.name:<10} {a.title:<20} {a.description}")


def main(argv: list[str] | None = None) -> None:
    """Console entry point: Click's own exit codes, and one line instead of a traceback."""
    try:
        cli.main(args=argv, prog_name="briefgen", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("briefgen: interrupted", err=True)
        sys.exit(130)
    except Exception as err:  # the promise is "never a traceback"; -vv shows it
        if logging.getLogger("briefgen").isEnabledFor(logging.DEBUG):
            log.exception("internal error")
        click.echo(f"briefgen: internal error: {type(err).__name__}: {err} (run with -vv for details)", err=True)
        sys.exit(ExitCode.ERROR)
