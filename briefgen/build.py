"""Inputs + audiences + date -> brief files on disk.

`build_briefs` reads top to bottom: analyse every article once, shape and
render a brief per audience, and only when everything has rendered write the
files (each atomically). A render error therefore leaves yesterday's files
and today's other audiences untouched.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from os import PathLike
from pathlib import Path

from .atomic import write_atomic
from .config import Audience
from .errors import BriefgenError
from .model import Failure
from .pipeline import AnalysisOptions, analyze_paths, build_brief

log = logging.getLogger(__name__)

FORMATS = ("pdf", "html", "json")


@dataclass(frozen=True)
class BuildRequest:
    paths: Sequence[str | PathLike[str]]
    audiences: Sequence[Audience]
    day: date
    output_dir: Path = Path("output")
    formats: Sequence[str] = ("pdf",)
    engine: str = "fast"
    template_dirs: Sequence[Path] = ()


@dataclass
class BuildReport:
    written: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    articles: int = 0


def output_path(output_dir: Path, day: date, audience: str, fmt: str) -> Path:
    return Path(output_dir) / day.isoformat() / f"{audience}.{fmt}"


def build_briefs(request: BuildRequest) -> BuildReport:
    from .render import render_html, render_pdf
    from .serialize import brief_to_dict

    unknown = [f for f in request.formats if f not in FORMATS]
    if unknown:
        raise BriefgenError(f"unknown format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    digests, failures = analyze_paths(request.paths, AnalysisOptions(engine=request.engine))
    report = BuildReport(failures=failures, articles=len(digests))
    if not digests:
        return report

    pending: list[tuple[Path, bytes]] = []
    for audience in request.audiences:
        brief = build_brief(digests, audience, request.day, failures, engine=request.engine)
        html = ""
        if {"pdf", "html"} & set(request.formats):
            html = render_html(brief, audience, template_dirs=request.template_dirs)
        for fmt in request.formats:
            if fmt == "pdf":
                data = render_pdf(html, template_dirs=request.template_dirs)
            elif fmt == "html":
                data = html.encode("utf-8")
            else:
                data = (json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
            pending.append((output_path(request.output_dir, request.day, audience.name, fmt), data))

    for target, data in pending:
        try:
            write_atomic(target, data)
        except OSError as err:
            raise BriefgenError(f"cannot write {target}: {err.strerror or err}") from None
        report.written.append(target)
    return report
