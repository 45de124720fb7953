"""Inputs + audiences + date -> brief files on disk.

`build_briefs` reads top to bottom: analyse every article once, shape and
render a brief per audience, and only when everything has rendered write the
files (each atomically). Each audience is its own unit of failure: a template
or render error costs that audience's files only (its JSON, which needs no
template, still carries the failure), is logged with audience, template, file
and line, and lands in ``BuildReport.failures`` (exit 3); yesterday's files and
the other audiences are untouched. Only when no audience renders is the run an
error. A state file that cannot be used (briefgen.stories.memory.open_or_set_aside)
costs the labels, not the brief: every story is "new" and the problem is a failure.

The whole run holds the output folder's lock (briefgen.ops.lock), so two runs
never interleave their writes; under it, leftovers of killed runs are removed
first and `latest/` and retention are updated last (briefgen.ops.retention).

The stages are imported inside the functions that run them, so that `import briefgen`
stays cheap (tests/test_api.py checks which modules it loads).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.analysis import AnalysisOptions, analyze_paths
from briefgen.audience import FORMATS, Audience
from briefgen.compose import build_brief
from briefgen.errors import BriefgenError, RenderError
from briefgen.model import Article, Brief, Failure
from briefgen.ops.atomic import write_atomic
from briefgen.ops.lock import hold_lock
from briefgen.parallel import Execution
from briefgen.rendering.bounded import Limits

if TYPE_CHECKING:
    from briefgen.ingest.batch import ReadOptions

log = logging.getLogger(__name__)



@dataclass(frozen=True)
class BuildRequest:
    paths: Sequence[str | PathLike[str]]
    audiences: Sequence[Audience]
    day: date
    output_dir: Path = Path("output")
    formats: Sequence[str] = ("pdf",)
    engine: str = "fast"
    template_dirs: Sequence[Path] = ()
    limits: Limits | None = None  # time/memory for user templates (briefgen.rendering.bounded)
    keep: Callable[[Article], bool] | None = None  # input window (briefgen.ops.window.Window.contains)
    empty_brief: bool = False  # still write an "empty day" brief when no article is left
    latest: bool = False  # point OUTPUT_DIR/latest/<audience>.<format> at what was written
    keep_days: int | None = None  # delete date folders older than this (None: keep all)
    today: date | None = None  # retention counts back from here (default: day)
    progress: Callable[[int, int], None] | None = None
    stories: bool = False  # one item per story across outlets, labelled new/updated/continuing (issue 7)
    state: Path | None = None  # story memory (SQLite); None with stories: OUTPUT_DIR/briefgen.sqlite
    read_options: ReadOptions | None = None  # time zone, JSON Lines fields, fetching
    execution: Execution = Execution()  # where the analysis runs (workers, a Dask cluster)
    # Stage name -> a (done, total) callback for it, or None (briefgen.logs.progress_reporter)
    stage_progress: Callable[[str], Callable[[int, int], None] | None] | None = None
    cache: bool = False  # reuse analyses of earlier runs (briefgen.ops.cache), beside the state file


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    articles: int = 0
    latest: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # old date folders deleted by retention
    briefs: dict[str, Brief] = field(default_factory=dict)  # audience -> the brief rendered (e-mail bodies)


def output_path(output_dir: Path, day: date, audience: str, fmt: str) -> Path:
    return Path(output_dir) / day.isoformat() / f"{audience}.{fmt}"


def build_briefs(request: BuildRequest) -> BuildReport:
    """Build under the output folder's lock; raises lock.RunLocked when another run holds it."""
    from briefgen.ops.retention import prune_dated_folders, remove_stale_parts, update_latest

    with hold_lock(request.output_dir):
        remove_stale_parts(Path(request.output_dir) / request.day.isoformat())
        report = _build_locked(request)
        if report.written and request.latest:
            report.latest = update_latest(Path(request.output_dir), request.day, report.written)
        if request.keep_days is not None:
            report.removed = prune_dated_folders(Path(request.output_dir), request.today or request.day,
                                                 request.keep_days, keep=(request.day,))
    return report


def _build_locked(request: BuildRequest) -> BuildReport:
    unknown = [f for f in request.formats if f not in FORMATS]
    if unknown:
        raise BriefgenError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    analysis = AnalysisOptions(engine=request.engine, summary=not request.stories)  # stories summarise later
    cache = _open_cache(request)
    try:
        return _build_cached(request, analysis, cache)
    finally:
        if cache is not None:
            cache.close()


def _build_cached(request: BuildRequest, analysis: AnalysisOptions, cache) -> BuildReport:
    digests, failures = analyze_paths(request.paths, analysis,
                                      keep=request.keep, progress=request.progress,
                                      read_options=request.read_options, execution=request.execution,
                                      analysing=_stage(request, "analysing"), cache=cache)
    report = BuildReport(failures=failures, articles=len(digests))
    if not digests and not request.empty_brief:
        return report

    story_items, store = None, None
    briefs: dict[str, Brief] = {}  # audience -> its brief, for the story memory
    if request.stories and digests:
        from briefgen.stories.memory import default_path, open_or_set_aside
        from briefgen.stories.novelty import prepare

        state = Path(request.state or default_path(request.output_dir))
        store, problem = open_or_set_aside(state)
        if problem is not None:
            log.warning("%s", problem)
            failures.append(Failure(str(state), problem))  # before rendering: every brief says so
        story_items, store = prepare(digests, request.day, store=store, workers=request.execution.workers,
                                     cache=cache)
    try:
        pending = _render_all(request, digests, failures, story_items, briefs, cache)
        report.briefs = briefs
        _write_all(pending, report)
        if store is not None:
            _remember(store, story_items, request.day, briefs, report)
    finally:
        if store is not None:
            store.close()
    return report


def _stage(request: BuildRequest, name: str) -> Callable[[int, int], None] | None:
    return request.stage_progress(name) if request.stage_progress is not None else None


def _open_cache(request: BuildRequest):
    """The analysis cache beside the state file, or None (off, or it cannot be opened: a
    cache that fails costs time, never the brief)."""
    if not request.cache:
        return None
    from briefgen.ops.cache import open_cache

    return open_cache(Path(request.output_dir), keep_days=request.keep_days, today=request.today or request.day)


def _remember(store, story_items, day: date, briefs: dict, report: BuildReport) -> None:
    """Record what was briefed, after the files: a state file that fails now costs tomorrow's
    labels, not today's briefs (exit 3 and a warning instead of exit 1)."""
    from briefgen.stories.memory import StoreError
    from briefgen.stories.novelty import commit

    try:
        commit(store, story_items, day, briefs)  # one transaction
    except StoreError as err:
        log.warning("%s; the briefs were written, tomorrow's labels will not know today's", err)
        report.failures.append(Failure(str(store.path), str(err)))


def _render_all(request: BuildRequest, digests, failures, story_items, briefs: dict,
                cache=None) -> list[tuple[Path, bytes]]:
    """Every audience's files; an audience that fails is logged and listed in ``failures``.
    ``briefs`` gets the audiences that have at least one file (what story memory records).
    The audiences are laid out side by side when there are workers for it (the same bytes)."""
    made = [(audience, build_brief(digests, audience, request.day, failures, engine=request.engine,
                                   story_items=story_items)) for audience in request.audiences]
    tasks = [RenderTask(tuple(request.formats), tuple(request.template_dirs), request.limits, audience, brief)
             for audience, brief in made]
    rendered = _render_cached(tasks, request, cache)
    pending: list[tuple[Path, bytes]] = []
    problems: list[Failure] = []
    for (audience, brief), (files, problem) in zip(made, rendered):
        if problem is not None:
            log.error("%s: %s", problem.path, problem.reason)
            problems.append(problem)
        if files:
            briefs[audience.name] = brief
        pending.extend((output_path(request.output_dir, request.day, audience.name, fmt), data)
                       for fmt, data in files)
    if problems and not pending:
        raise BriefgenError(f"no audience could be rendered, nothing written; {problems[0].path}: "
                            f"{problems[0].reason}")
    failures.extend(problems)
    return pending


@dataclass(frozen=True)
class RenderTask:
    """One audience's rendering."""

    formats: tuple[str, ...]
    template_dirs: tuple[Path, ...]
    limits: Limits | None
    audience: Audience
    brief: Brief


Rendered = tuple[list[tuple[str, bytes]], Failure | None]


def _render_tasks(tasks: list[RenderTask], request: BuildRequest) -> list[Rendered]:
    """Each audience's files, side by side in forked children when there are workers for it:
    a brief holds every article (whose time zones need not pickle), and a fork sends nothing."""
    from briefgen import parallel

    progress = _stage(request, "rendering")
    workers = min(request.execution.workers, len(tasks))
    if workers < 2 or not {"pdf", "html"} & set(request.formats) or not parallel.can_fork():
        out = []
        for k, task in enumerate(tasks, start=1):
            out.append(_render_audience(task))
            if progress is not None:
                progress(k, len(tasks))
        return out
    import briefgen.rendering.render  # noqa: F401 - loaded once here, not once in every child
    import briefgen.rendering.serialize  # noqa: F401

    done = [0]

    def advanced(_k: int) -> None:
        done[0] += 1
        if progress is not None:
            progress(done[0], len(tasks))

    try:
        return parallel.forked_map(_render_audience, tasks, workers, advanced)
    except parallel.ChildFailed as err:
        raise BriefgenError(f"rendering failed in a worker process: {err}") from None


def _render_cached(tasks: list[RenderTask], request: BuildRequest, cache) -> list[Rendered]:
    """Files of an audience whose brief, look and templates are what an earlier run rendered
    come from the cache (a re-run of the day lays out nothing); the others are rendered."""
    if cache is None:
        return _render_tasks(tasks, request)
    from briefgen.rendering.html import builtin_template_dir  # jinja2: only when rendering

    builtin = builtin_template_dir()
    keys = [cache.render_key(t.brief, t.audience, t.formats, [builtin, *t.template_dirs], t.limits) for t in tasks]
    found = [cache.get_render(k, t.formats) for k, t in zip(keys, tasks)]
    missing = [t for t, f in zip(tasks, found) if f is None]
    fresh = iter(_render_tasks(missing, request) if missing else [])
    out: list[Rendered] = []
    for key, hit in zip(keys, found):
        if hit is not None:
            out.append((hit, None))
            continue
        files, problem = next(fresh)
        if problem is None:
            cache.put_render(key, files)
        out.append((files, problem))
    return out


def _render_audience(task: RenderTask) -> Rendered:
    """(format, bytes) in the requested order, and the render failure if any. An error that is
    not a RenderError is a bug of briefgen's, yet it costs only this audience's brief: the
    other readers still get theirs, and this one its JSON, which lists the failure."""
    from briefgen.rendering.render import render_html, render_pdf
    from briefgen.rendering.serialize import brief_to_dict

    formats, audience, brief = task.formats, task.audience, task.brief
    out: dict[str, bytes] = {}
    error: Exception | None = None
    try:
        if {"pdf", "html"} & set(formats):
            html = render_html(brief, audience, template_dirs=task.template_dirs, limits=task.limits)
            if "html" in formats:
                out["html"] = html.encode("utf-8")
            if "pdf" in formats:
                out["pdf"] = render_pdf(html, template_dirs=task.template_dirs, variant=audience.pdf_variant,
                                        limits=task.limits)
    except RenderError as err:
        error = err
    except Exception as err:  # noqa: BLE001 - see the docstring
        error = RenderError(f"internal error, please report it: {type(err).__name__}: {err}")
    problem = None if error is None else Failure(
        f"audience {audience.name} ({audience.template})",
        f"brief not rendered ({', '.join(f for f in formats if f != 'json' and f not in out)}): {error}")
    if "json" in formats:
        shown = brief if problem is None else replace(brief, failures=(*brief.failures, problem))
        out["json"] = (json.dumps(brief_to_dict(shown), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return [(fmt, out[fmt]) for fmt in formats if fmt in out], problem


def _write_all(pending: list[tuple[Path, bytes]], report: BuildReport) -> None:
    for target, data in pending:
        try:
            write_atomic(target, data)
        except OSError as err:
            done = f" ({len(report.written)} other file(s) were written)" if report.written else ""
            raise BriefgenError(f"cannot write {target}: {err.strerror or err}; "
                                f"the previous version, if any, is unchanged{done}") from None
        report.written.append(target)
