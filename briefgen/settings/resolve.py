"""`build` options as given (flags or keyword arguments) -> BuildPlan: every value resolved.

The one place where flag > BRIEFGEN_* > config file > built-in default is
decided for a build; the CLI and ``briefgen.build`` both call ``resolve_build``
and differ only in how they report. A value that cannot be used raises
OptionError naming the flag it came from (or would have), or ConfigError for
the file and the environment.

Stage modules are imported inside the functions that need them, so that resolving flags
(and so `--help`, `audiences` and config errors) never loads the analysis or rendering code.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.audience import Audience
from briefgen.errors import BriefgenError
from briefgen.ops.delivery import SmtpSettings
from briefgen.parallel import Execution
from briefgen.rendering.bounded import Limits
from briefgen.settings.load import load_settings
from briefgen.settings.model import Settings

if TYPE_CHECKING:  # the plan names them; their modules load when a build runs
    from briefgen.ingest.batch import ReadOptions
    from briefgen.ops.window import Window


class InputsMissing(BriefgenError):
    """Not one input path exists: a typo, not a quiet news day (the CLI exits 2, not 4)."""


class OptionError(BriefgenError):
    """A build option that cannot be used; ``option`` names its flag (None: a usage problem
    of several options, or of the inputs)."""

    def __init__(self, message: str, option: str | None = None):
        super().__init__(message)
        self.option = option


@dataclass(frozen=True)
class BuildFlags:
    """What the caller said; None or () means "not said": the environment, then the config
    file, then the default decides. Named like the `briefgen build` flags."""

    paths: tuple = ()  # files, folders, http(s) URLs; () = the config's inputs and [[sources]]
    config: Path | None = None
    audiences: tuple[str, ...] = ()
    date: date | None = None
    output_dir: Path | None = None
    template_dirs: tuple[Path, ...] = ()
    formats: tuple[str, ...] = ()
    algorithm: str | None = None
    engine: str | None = None
    timezone: str | None = None
    since: str | None = None
    cutoff: str | None = None
    empty_brief: bool | None = None
    latest: bool | None = None
    keep_days: int | None = None
    mail_to: tuple[str, ...] = ()
    stories: bool = True
    state: Path | None = None
    jsonl_fields: str | None = None
    workers: int | None = None
    executor: str | None = None
    scheduler: str | None = None
    cache: bool | None = None


@dataclass(frozen=True)
class BuildPlan:
    """Everything a build needs, decided; briefgen.api turns it into a run.BuildRequest."""

    inputs: tuple  # as given (or the config's inputs and [[sources]]), for messages
    paths: tuple  # what is read: dated folders resolved, URLs and sources as given
    audiences: tuple[Audience, ...]
    day: date
    today: date
    tz: tzinfo
    window: Window | None  # None: every article
    output_dir: Path
    formats: tuple[str, ...]
    engine: str
    template_dirs: tuple[Path, ...]
    limits: Limits
    empty_brief: bool
    latest: bool
    keep_days: int | None
    stories: bool
    state: Path | None
    read_options: ReadOptions
    recipients: Mapping[str, tuple[str, ...]]  # audience -> addresses (only audiences with some)
    smtp: SmtpSettings | None  # None: nothing to mail
    execution: Execution = Execution()  # where the analysis (and rendering) runs
    cache: bool = False  # reuse earlier runs' analyses (briefgen.ops.cache)


def resolve_build(flags: BuildFlags, env: Mapping[str, str] = os.environ,
                  settings: Settings | None = None) -> BuildPlan:
    """flag > BRIEFGEN_* > config file > default, for every build option."""
    from briefgen.ops.window import dated_inputs, today_in

    _checked(flags)
    settings = settings or load_settings(flags.config, env)
    inputs = tuple(_inputs(flags, settings))
    chosen = _audiences(flags, settings)
    tz = resolve_zone(flags.timezone or settings.timezone)  # the config's was checked on load
    today = today_in(tz)
    day = flags.date or today
    output_dir = flags.output_dir or settings.output_dir
    window = _window(flags.since or settings.since, flags.cutoff or settings.cutoff, day, tz)
    recipients = _recipients(flags.mail_to, settings, chosen)
    smtp = _smtp_for(recipients, settings.smtp, "--mail-to" if flags.mail_to else "mail_to")
    local = [p for p in inputs if not _remote(p)]
    return BuildPlan(
        inputs=inputs,
        paths=(*dated_inputs(local, day), *(p for p in inputs if _remote(p))),
        audiences=tuple(chosen), day=day, today=today, tz=tz, window=window, output_dir=Path(output_dir),
        formats=tuple(dict.fromkeys(flags.formats or settings.formats)),
        engine=flags.engine or settings.engine,
        template_dirs=tuple(flags.template_dirs or settings.template_dirs),
        limits=Limits(seconds=settings.render_timeout, memory_mb=settings.render_memory_mb),
        empty_brief=_first(flags.empty_brief, settings.empty_brief),
        latest=_first(flags.latest, settings.latest),
        keep_days=_first(flags.keep_days, settings.keep_days),
        stories=flags.stories, state=flags.state,
        read_options=_read_options(tz, flags.jsonl_fields, Path(output_dir), settings.allow_hosts),
        recipients=recipients, smtp=smtp,
        execution=_execution(flags, settings), cache=_first(flags.cache, settings.cache),
    )


def _execution(flags: BuildFlags, settings: Settings) -> Execution:
    """--workers > BRIEFGEN_WORKERS > config > the machine's cores; a Dask executor needs a scheduler."""
    from briefgen.parallel import default_workers

    executor = flags.executor or settings.executor
    scheduler = flags.scheduler or settings.scheduler
    if executor == "dask" and not scheduler:
        raise OptionError("--executor dask needs --scheduler tcp://HOST:8786 (or `scheduler` in the config, "
                          "BRIEFGEN_SCHEDULER)", "--scheduler")
    return Execution(workers=_first(flags.workers, settings.workers) or default_workers(),
                     executor=executor, scheduler=scheduler)


def _first(given, fallback):
    return fallback if given is None else given


def _checked(flags: BuildFlags) -> None:
    """What the CLI's argument types check, checked here too for Python callers."""
    from briefgen.settings.keys import ENGINES, EXECUTORS

    if flags.engine is not None and flags.engine not in ENGINES:
        raise OptionError(f"unknown engine {flags.engine!r}; choose from {', '.join(ENGINES)}", "--engine")
    if flags.workers is not None and (isinstance(flags.workers, bool) or not isinstance(flags.workers, int)
                                      or flags.workers < 1):
        raise OptionError(f"{flags.workers!r} is not a number of workers >= 1", "--workers")
    if flags.executor is not None and flags.executor not in EXECUTORS:
        raise OptionError(f"unknown executor {flags.executor!r}; choose from {', '.join(EXECUTORS)}", "--executor")
    if flags.scheduler is not None:
        from briefgen.settings.validators import Bad, scheduler

        try:
            scheduler(flags.scheduler, Path())
        except Bad as err:
            raise OptionError(f"{flags.scheduler!r} is not {err}", "--scheduler") from None
    if flags.keep_days is not None and flags.keep_days < 0:
        raise OptionError(f"{flags.keep_days} is not a number of days >= 0", "--keep-days")
    for folder in flags.template_dirs:
        if not Path(folder).is_dir():
            raise OptionError(f"template folder {folder} does not exist", "--template-dir")


def _inputs(flags: BuildFlags, settings: Settings) -> Sequence:
    paths = tuple(flags.paths) or (*settings.inputs, *settings.sources)  # PATHS replace inputs and [[sources]]
    if not paths:
        raise OptionError("give at least one article file or folder, e.g. `briefgen build seeds/`")
    if not any(_remote(p) or os.path.lexists(p) for p in paths):  # one of several missing: skipped, exit 3
        raise InputsMissing(f"no such file or folder: {', '.join(map(str, paths))}")
    return paths


def _audiences(flags: BuildFlags, settings: Settings) -> list[Audience]:
    unknown = [n for n in flags.audiences if n not in settings.audiences]
    if unknown:
        raise OptionError(f"unknown audience {unknown[0]!r}; choose from {', '.join(settings.audiences)}",
                          "--audience")
    chosen = settings.chosen(tuple(flags.audiences))
    if flags.algorithm is not None:
        check_algorithm(flags.algorithm)
        chosen = [replace(a, algorithm=flags.algorithm) for a in chosen]
    return chosen


def check_algorithm(name: str) -> None:
    from briefgen.summarize import ALGORITHMS  # the registry; the summarizers load on use

    if name not in ALGORITHMS:
        raise OptionError(f"unknown summarizer {name!r}; choose from {', '.join(ALGORITHMS)}", "--algorithm")


def resolve_zone(name: str | None) -> tzinfo:
    """An IANA name -> tzinfo (None: the system's zone); OptionError for --timezone otherwise."""
    from briefgen.ops.window import resolve_timezone

    try:
        return resolve_timezone(name)
    except BriefgenError as err:
        raise OptionError(str(err), "--timezone") from None


def _window(since: str | None, cutoff: str | None, day: date, tz: tzinfo):
    from briefgen.ops.window import day_window, parse_cutoff, parse_since

    if cutoff and not since:
        raise OptionError("--cutoff (or `cutoff` in the config) only makes sense with --since, "
                          "e.g. --since 24h --cutoff 06:00")
    if not since:
        return None
    try:
        return day_window(day, parse_since(since), tz, parse_cutoff(cutoff) if cutoff else None)
    except BriefgenError as err:  # a bad --since/--cutoff (or $BRIEFGEN_SINCE/_CUTOFF) is a usage error
        raise OptionError(str(err)) from None


def _remote(p) -> bool:
    """URLs and declared [[sources]] bypass the dated-folder rule (it is about local folders)."""
    from briefgen.ingest.fetch import is_url
    from briefgen.ingest.sources import Source

    return isinstance(p, Source) or is_url(p)


def _read_options(tz: tzinfo, jsonl_fields: str | None, output_dir: Path, allow_hosts: Sequence[str] = ()):
    """Publication times in the brief's zone; downloads cached under OUTPUT_DIR/.cache/http;
    private hosts only those the config's allow_hosts names."""
    from briefgen.ingest.fetch import FetchOptions
    from briefgen.ingest.formats import ReadOptions
    from briefgen.ingest.jsonl import parse_field_map

    return ReadOptions(tz=tz, jsonl_fields=parse_field_map(jsonl_fields),
                       fetch=FetchOptions(cache_dir=output_dir / ".cache" / "http",
                                          allow_private=frozenset(h.lower() for h in allow_hosts) or False))


def _recipients(mail_to: Sequence[str], settings: Settings, audiences) -> dict[str, tuple[str, ...]]:
    """Audience -> addresses: --mail-to for every audience, else each one's `mail_to` (config or
    BRIEFGEN_MAIL_TO, already merged by load_settings)."""
    if mail_to:
        bad = [a for a in mail_to if "@" not in a or any(c.isspace() for c in a)]
        if bad:
            raise OptionError(f"{bad[0]!r} is not an e-mail address", "--mail-to")
        return {a.name: tuple(dict.fromkeys(mail_to)) for a in audiences}
    listed = {a.name: settings.recipients(a.name) for a in audiences}
    return {name: addresses for name, addresses in listed.items() if addresses}


def _smtp_for(recipients: Mapping[str, tuple[str, ...]], smtp: SmtpSettings | None,
              what: str) -> SmtpSettings | None:
    """Checked before anything is built, so a mail misconfiguration costs no render time."""
    if not recipients:
        return None
    if smtp is None:
        raise OptionError(f"{what} needs an SMTP server: set host in the config's [smtp] or "
                          "BRIEFGEN_SMTP_HOST (and port, user, password, from as needed)")
    if smtp.user and not smtp.password:
        where = (f"${smtp.password_env} (named by password_env) is not set" if smtp.password_env
                 else "set BRIEFGEN_SMTP_PASSWORD, or password_env in the config's [smtp]")
        raise OptionError(f"SMTP user {smtp.user} has no password: {where}")
    return smtp
