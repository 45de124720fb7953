"""`briefgen build`: articles -> brief files for each audience."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from datetime import time as dtime
from datetime import timezone as dt_timezone
from pathlib import Path

import click

from briefgen.build import FORMATS, BuildRequest, build_briefs
from briefgen.rendering.bounded import Limits
from briefgen.ops.delivery import DeliveryError, SmtpSettings, mail_briefs
from briefgen.errors import BriefgenError
from briefgen.cli.exitcodes import ExitCode
from briefgen.logs import progress_reporter
from briefgen.ops.window import dated_inputs, day_window, parse_cutoff, parse_since, resolve_timezone, today_in
from briefgen.cli.common import MissingInput, check_algorithm, config_option, load_cli_settings

log = logging.getLogger("briefgen")


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
@click.pass_context
def build(ctx, paths, config, audiences, day, output_dir, template_dirs, formats, algorithm, engine,
          timezone, since, cutoff, empty_brief, latest, keep_days, mail_to, stories, state, jsonl_fields):
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
    # flag > BRIEFGEN_* > config file > default (briefgen.settings)
    settings = load_cli_settings(config)
    paths = paths or (*settings.inputs, *settings.sources)  # PATHS replace the config's inputs and [[sources]]
    if not paths:
        raise click.UsageError("give at least one article file or folder, e.g. `briefgen build seeds/`")
    if not any(_remote(p) or os.path.lexists(p) for p in paths):  # one of several missing: skipped, exit 3
        raise MissingInput(f"no such file or folder: {', '.join(map(str, paths))}")
    unknown = [n for n in audiences if n not in settings.audiences]
    if unknown:
        raise click.BadParameter(
            f"unknown audience {unknown[0]!r}; choose from {', '.join(settings.audiences)}", param_hint="--audience"
        )
    chosen = settings.chosen(audiences)
    if algorithm is not None:
        check_algorithm(algorithm)
        chosen = [replace(a, algorithm=algorithm) for a in chosen]

    try:
        tz = resolve_timezone(timezone or settings.timezone)  # the config's was checked on load
    except BriefgenError as err:
        raise click.BadParameter(str(err), param_hint="--timezone") from None
    today = today_in(tz)
    day = day.date() if day else today
    since, cutoff = since or settings.since, cutoff or settings.cutoff
    if cutoff and not since:
        raise click.UsageError("--cutoff (or `cutoff` in the config) only makes sense with --since, "
                               "e.g. --since 24h --cutoff 06:00")
    try:
        window = day_window(day, parse_since(since), tz, parse_cutoff(cutoff) if cutoff else None) if since else None
    except BriefgenError as err:  # a bad --since/--cutoff (or $BRIEFGEN_SINCE/_CUTOFF) is a usage error
        raise click.UsageError(str(err)) from None
    empty_brief = settings.empty_brief if empty_brief is None else empty_brief
    latest = settings.latest if latest is None else latest
    keep_days = settings.keep_days if keep_days is None else keep_days
    output_dir = output_dir or settings.output_dir
    recipients = _recipients(mail_to, settings, chosen)
    smtp = _smtp_for(recipients, settings.smtp, "--mail-to" if mail_to else "mail_to")
    quiet = bool((ctx.find_root().obj or {}).get("quiet"))
    if window:
        log.info("articles from %s", window.describe())

    with _source_date(day):
        report = build_briefs(BuildRequest(
            paths=[*dated_inputs([p for p in paths if not _remote(p)], day), *(p for p in paths if _remote(p))],
            read_options=_read_options(tz, jsonl_fields, output_dir, settings.allow_hosts),
            audiences=chosen,
            day=day,
            keep=window.contains if window else None,
            empty_brief=empty_brief,
            latest=latest,
            keep_days=keep_days,
            today=today,
            progress=progress_reporter("analysing", enabled=False if quiet else None),
            output_dir=output_dir,
            formats=tuple(dict.fromkeys(formats or settings.formats)),
            engine=engine or settings.engine,
            template_dirs=template_dirs or settings.template_dirs,
            limits=Limits(seconds=settings.render_timeout, memory_mb=settings.render_memory_mb),
            stories=stories,
            state=state,
        ))
    if not report.articles:
        where = f" from {window.describe()}" if window else ""
        log.warning("no usable articles%s in %s", where, ", ".join(map(str, paths)))
    for target in report.written:
        click.echo(str(target))
    log.info("%d articles, %d skipped, %d files written", report.articles, len(report.failures), len(report.written))
    if smtp and report.written and not _deliver(smtp, recipients, chosen, day, report.written):
        ctx.exit(ExitCode.DELIVERY_FAILED)
    if not report.articles:
        ctx.exit(ExitCode.NOTHING_TO_BRIEF)
    ctx.exit(ExitCode.PARTIAL if report.failures else ExitCode.OK)


def _remote(p) -> bool:
    """URLs and declared [[sources]] bypass the dated-folder rule (it is about local folders)."""
    from briefgen.ingest.fetch import is_url
    from briefgen.ingest.sources import Source

    return isinstance(p, Source) or is_url(p)


def _read_options(tz, jsonl_fields: str | None, output_dir: Path, allow_hosts=()):
    """Publication times in the brief's zone; downloads cached under OUTPUT_DIR/.cache/http;
    private hosts only those the config's allow_hosts names."""
    from briefgen.ingest.fetch import FetchOptions
    from briefgen.ingest.formats import ReadOptions
    from briefgen.ingest.jsonl import parse_field_map

    return ReadOptions(tz=tz, jsonl_fields=parse_field_map(jsonl_fields),
                       fetch=FetchOptions(cache_dir=Path(output_dir) / ".cache" / "http",
                                          allow_private=frozenset(h.lower() for h in allow_hosts) or False))


def _recipients(mail_to: tuple[str, ...], settings, audiences) -> dict[str, tuple[str, ...]]:
    """Audience -> addresses: --mail-to for every audience, else each one's `mail_to` (config or
    BRIEFGEN_MAIL_TO, already merged by briefgen.settings)."""
    if mail_to:
        bad = [a for a in mail_to if "@" not in a or any(c.isspace() for c in a)]
        if bad:
            raise click.BadParameter(f"{bad[0]!r} is not an e-mail address", param_hint="--mail-to")
        return {a.name: tuple(dict.fromkeys(mail_to)) for a in audiences}
    listed = {a.name: settings.recipients(a.name) for a in audiences}
    return {name: addresses for name, addresses in listed.items() if addresses}


def _smtp_for(recipients: dict[str, tuple[str, ...]], smtp: SmtpSettings | None, what: str) -> SmtpSettings | None:
    """Checked before anything is built, so a mail misconfiguration costs no render time."""
    if not recipients:
        return None
    if smtp is None:
        raise click.UsageError(f"{what} needs an SMTP server: set host in the config's [smtp] or "
                               "BRIEFGEN_SMTP_HOST (and port, user, password, from as needed)")
    if smtp.user and not smtp.password:
        where = (f"${smtp.password_env} (named by password_env) is not set" if smtp.password_env
                 else "set BRIEFGEN_SMTP_PASSWORD, or password_env in the config's [smtp]")
        raise click.UsageError(f"SMTP user {smtp.user} has no password: {where}")
    return smtp


def _deliver(smtp: SmtpSettings, recipients: dict[str, tuple[str, ...]], audiences, day: date,
             written: list[Path]) -> bool:
    """One message per audience with its files, to that audience's recipients; False when any failed."""
    ok = True
    for audience in audiences:
        files = [p for p in written if p.stem == audience.name]
        if not files or not recipients.get(audience.name):
            continue
        try:
            mail_briefs(smtp, list(recipients[audience.name]), files, subject=f"{audience.title} — {day.isoformat()}",
                        body=f"{audience.title} for {day.isoformat()}, made by briefgen.\n")
        except DeliveryError as err:
            log.error("%s", err)
            ok = False
    return ok


@contextmanager
def _source_date(day: date) -> Iterator[None]:
    """SOURCE_DATE_EPOCH = the brief's date while rendering, unless the caller set it.

    Only WeasyPrint's fontTools fallback (no hb-subset) stamps a time into the
    fonts it embeds; this keeps that PDF byte-reproducible too (RESEARCH.md §2).
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime.combine(day, dtime(), dt_timezone.utc).timestamp()))
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
