"""`briefgen build`: parse the flags, resolve and run them (briefgen.api), print the paths, exit."""

from __future__ import annotations

from pathlib import Path

import click

from briefgen.audience import FORMATS
from briefgen.cli.common import config_option, option_errors, workers_option
from briefgen.cli.exitcodes import ExitCode
from briefgen.logs import progress_reporter
from briefgen.parallel import EXECUTORS


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())  # str: http(s) URLs of pages and feeds are inputs too
@config_option
@click.option("-a", "--audience", "audiences", multiple=True, metavar="NAME",
              help="Audience to brief (repeatable). Default: $BRIEFGEN_AUDIENCES, the config's default_audiences, "
                   "else every audience. See `briefgen audiences`.")
@click.option("-d", "--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Date of the brief, YYYY-MM-DD. Default: today in --timezone.")
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Briefs go to OUTPUT_DIR/<date>/<audience>.<format>. Default: $BRIEFGEN_OUTPUT_DIR, the config's "
                   "output_dir, else output.")
@click.option("-t", "--template-dir", "template_dirs", multiple=True, type=click.Path(file_okay=False, exists=True,
              path_type=Path), help="Folder searched before the built-in templates (repeatable; replaces the config's "
                            "template_dirs).")
@click.option("-f", "--format", "formats", type=click.Choice(FORMATS), multiple=True,
              help="Output format (repeatable). Default: $BRIEFGEN_FORMATS, the config's formats, else pdf.")
@click.option("--algorithm", default=None, metavar="NAME", help="Summarizer for every audience (see `analyze --help`).")
@click.option("--engine", type=click.Choice(["fast", "sumy"]), default=None,
              help="Summarizer implementation: briefgen's own (fast) or the sumy reference. Default: "
                   "$BRIEFGEN_ENGINE, the config's engine, else fast.")
@click.option("--timezone", default=None, metavar="ZONE",
              help="IANA time zone that decides what 'today' is, e.g. Europe/Berlin. Default: $BRIEFGEN_TIMEZONE, "
                   "the config, else the system's.")
@click.option("--since", default=None, metavar="SPAN",
              help="Only articles published (or, without a date, modified) in this window ending at the end of "
                   "--date, e.g. 24h, 2d. Default: $BRIEFGEN_SINCE, the config's `since`, else every article. "
                   "A folder with a DATE sub-folder (inbox/2026-11-28/) always uses it.")
@click.option("--cutoff", default=None, metavar="HH:MM",
              help="With --since: the window ends at this time on --date instead of at midnight "
                   "(a 06:00 run: --since 24h --cutoff 06:00).")
@click.option("--empty-brief/--no-empty-brief", default=None,
              help="Write an 'empty day' brief when no article is left (exit 4 still). Default: the config's "
                   "`empty_brief`, else no.")
@click.option("--latest/--no-latest", default=None,
              help="Keep OUTPUT_DIR/latest/<audience>.<format> pointing at the newest brief. Default: on.")
@click.option("--keep-days", type=click.IntRange(min=0), default=None, metavar="N",
              help="Delete date folders older than N days (never the one being written). Default: "
                   "$BRIEFGEN_KEEP_DAYS, the config's `keep_days`, else keep all.")
@click.option("--mail-to", "mail_to", multiple=True, metavar="ADDR",
              help="E-mail each audience's brief to ADDR (repeatable), instead of the config's per-audience "
                   "`mail_to`; SMTP from the config's [smtp] and BRIEFGEN_SMTP_* variables.")
@click.option("--stories/--no-stories", default=True, show_default=True,
              help="One item per story across outlets, labelled new/updated/continuing against the state file.")
@click.option("--state", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Story memory (SQLite). Default: OUTPUT_DIR/briefgen.sqlite.")
@click.option("--jsonl-fields", default=None, metavar="MAP",
              help="Field names of .jsonl inputs, e.g. text=body,title=headline,published=date.")
@workers_option
@click.option("--executor", type=click.Choice(EXECUTORS), default=None,
              help="Where the per-article analysis runs: local processes, or a Dask cluster at --scheduler "
                   "(pip install 'briefgen[dask]'); grouping, memory and rendering stay here. Default: "
                   "$BRIEFGEN_EXECUTOR, the config's executor, else local.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="The Dask scheduler for --executor dask, e.g. tcp://HOST:8786. Default: $BRIEFGEN_SCHEDULER, "
                   "the config's scheduler.")
@click.option("--cache/--no-cache", default=None,
              help="Reuse earlier runs' analyses of unchanged articles (OUTPUT_DIR/.cache/analysis.sqlite). "
                   "Default: $BRIEFGEN_CACHE, the config's cache, else on.")
@click.pass_context
def build(ctx, paths, config, audiences, day, output_dir, template_dirs, formats, algorithm, engine,
          timezone, since, cutoff, empty_brief, latest, keep_days, mail_to, stories, state, jsonl_fields,
          workers, executor, scheduler, cache):
    """Write briefs for the articles in PATHS (files or folders).

    \b
    Examples:
      briefgen build seeds/
      briefgen build inbox/ -a executive -a press --date 2026-11-28
      briefgen build inbox/*.txt -f pdf -f json -o /srv/briefs

    \b
    Exit codes: 0 written; 1 nothing written (error); 2 usage error (also:
    no input path exists); 3 written but some inputs, an audience's template
    or the state file failed (listed on stderr and in the brief);
    4 no usable articles in the window (with --empty-brief an empty-day
    brief is still written); 5 another run holds OUTPUT_DIR/.briefgen.lock,
    nothing done; 6 written but mailing failed.
    """
    from briefgen.api import run_plan
    from briefgen.settings.resolve import BuildFlags, resolve_build

    flags = BuildFlags(paths=tuple(paths), config=config, audiences=audiences, date=day.date() if day else None,
                       output_dir=output_dir, template_dirs=template_dirs, formats=formats, algorithm=algorithm,
                       engine=engine, timezone=timezone, since=since, cutoff=cutoff, empty_brief=empty_brief,
                       latest=latest, keep_days=keep_days, mail_to=mail_to, stories=stories, state=state,
                       jsonl_fields=jsonl_fields, workers=workers, executor=executor, scheduler=scheduler,
                       cache=cache)
    with option_errors():
        plan = resolve_build(flags)  # flag > BRIEFGEN_* > config file > default
    quiet = bool((ctx.find_root().obj or {}).get("quiet"))
    shown = False if quiet else None
    result = run_plan(plan, progress=progress_reporter("reading", enabled=shown),
                      stage_progress=lambda stage: progress_reporter(stage, enabled=shown))
    for target in result.written:
        click.echo(str(target))
    if result.delivered is False:
        ctx.exit(ExitCode.DELIVERY_FAILED)
    if not result.articles:
        ctx.exit(ExitCode.NOTHING_TO_BRIEF)
    ctx.exit(ExitCode.PARTIAL if result.failures else ExitCode.OK)
