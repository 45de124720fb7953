"""Inputs + audiences + date -> brief files on disk.

`build_briefs` reads top to bottom: analyse every article once, shape and
render a brief per audience, and only when everything has rendered write the
files (each atomically). A render error therefore leaves yesterday's files
and today's other audiences untouched.

The whole run holds the output folder's lock (briefgen.ops.lock), so two runs
never interleave their writes; under it, leftovers of killed runs are removed
first and `latest/` and retention are updated last (briefgen.ops.retention).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from os import PathLike
from pathlib import Path

from briefgen.ops.atomic import write_atomic
from briefgen.rendering.bounded import Limits
from briefgen.audience import FORMATS, Audience
from briefgen.errors import BriefgenError
from briefgen.ops.lock import hold_lock
from briefgen.model import Article, Failure
from briefgen.analysis import AnalysisOptions, analyze_paths
from briefgen.compose import build_brief

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
    read_options: object | None = None  # briefgen.ingest.formats.ReadOptions: time zone, JSON Lines fields, fetching


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    articles: int = 0
    latest: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)  # old date folders deleted by retention


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
    digests, failures = analyze_paths(request.paths, analysis,
                                      keep=request.keep, progress=request.progress,
                                      read_options=request.read_options)
    report = BuildReport(failures=failures, articles=len(digests))
    if not digests and not request.empty_brief:
        return report

    story_items, store, briefs = None, None, {}
    if request.stories and digests:
        from briefgen.stories.novelty import prepare
        from briefgen.stories.memory import default_path

        story_items, store = prepare(digests, request.day, request.state or default_path(request.output_dir))
    try:
        pending = _render_all(request, digests, failures, story_items, briefs)
        _write_all(pending, report)
        if store is not None:
            from briefgen.stories.novelty import commit

            commit(store, story_items, request.day, briefs)  # one transaction, after the files
    finally:
        if store is not None:
            store.close()
    return report


def _render_all(request: BuildRequest, digests, failures, story_items, briefs: dict) -> list[tuple[Path, bytes]]:
    from briefgen.rendering.render import render_html, render_pdf
    from briefgen.rendering.serialize import brief_to_dict

    pending: list[tuple[Path, bytes]] = []
    for audience in request.audiences:
        brief = build_brief(digests, audience, request.day, failures, engine=request.engine,
                            story_items=story_items)
        briefs[audience.name] = brief
        html = ""
        if {"pdf", "html"} & set(request.formats):
            html = render_html(brief, audience, template_dirs=request.template_dirs, limits=request.limits)
        for fmt in request.formats:
            if fmt == "pdf":
                data = render_pdf(html, template_dirs=request.template_dirs, variant=audience.pdf_variant,
                                  limits=request.limits)
            elif fmt == "html":
                data = html.encode("utf-8")
            else:
                data = (json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            pending.append((output_path(request.output_dir, request.day, audience.name, fmt), data))
    return pending


def _write_all(pending: list[tuple[Path, bytes]], report: BuildReport) -> None:
    for target, data in pending:
        try:
            write_atomic(target, data)
        except OSError as err:
            done = f" ({len(report.written)} other file(s) were written)" if report.written else ""
            raise BriefgenError(f"cannot write {target}: {err.strerror or err}; "
                                f"the previous version, if any, is unchanged{done}") from None
        report.written.append(target)
