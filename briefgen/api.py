"""The public API: articles -> digests -> stories -> a brief -> bytes, or the whole run in one call.

Each function is one stage, taking and returning the plain frozen dataclasses
of briefgen.model; ``build`` is exactly ``briefgen build`` (same settings
resolution, same files). Heavy libraries load inside the functions, so
``import briefgen`` stays cheap. Documented in docs/api.md.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from briefgen.audience import FORMATS, Audience
from briefgen.errors import BriefgenError, InputError
from briefgen.model import Article, Brief, Digest, Failure

if TYPE_CHECKING:
    from briefgen.ops.delivery import SmtpSettings
    from briefgen.run import BuildReport
    from briefgen.settings.resolve import BuildPlan
    from briefgen.stories.assemble import Story
    from briefgen.stories.grouping import Doc, GroupingOptions

log = logging.getLogger("briefgen")

PathArg = str | PathLike[str]


def read(paths: Iterable[PathArg], *, timezone: str | None = None, jsonl_fields: str | None = None,
         cache_dir: PathArg | None = None) -> tuple[list[Article], list[Failure]]:
    """Every article in ``paths`` (files, folders, http(s) URLs of pages and feeds) and the
    inputs that could not be used. ``timezone``: IANA name for publication times (default:
    the system's); ``jsonl_fields``: e.g. "text=body,title=headline"; ``cache_dir``: keep
    downloads for conditional re-fetching."""
    from briefgen.inputs import read_articles

    return read_articles(paths, _read_options(timezone, jsonl_fields, cache_dir))


def analyze(article: Article, *, algorithm: str | None = None, sentences: int | None = 3,
            words: int | None = None, engine: str = "fast", summary: bool = True) -> Digest:
    """One article -> its Digest: sentences, quotes, participants and a summary of
    ``sentences`` sentences (or a ``words`` budget) by ``algorithm`` (None: briefgen's editor)
    on ``engine`` ("fast", or "sumy" for the reference implementations). ``summary=False``
    skips the summary (stories make their own)."""
    from briefgen.analysis import AnalysisOptions, analyze_article

    if algorithm is not None:
        _check_algorithm(algorithm)
    return analyze_article(article, AnalysisOptions(algorithm, sentences, words, engine, summary))


def analyze_all(paths: Iterable[PathArg], *, algorithm: str | None = None, sentences: int | None = 3,
                words: int | None = None, engine: str = "fast", summary: bool = True,
                timezone: str | None = None, jsonl_fields: str | None = None,
                cache_dir: PathArg | None = None) -> tuple[list[Digest], list[Failure]]:
    """``read`` and ``analyze`` in one pass (what ``briefgen analyze`` runs): an article whose
    analysis fails becomes a Failure instead of raising; failures are in input order."""
    from briefgen.analysis import AnalysisOptions, analyze_paths

    if algorithm is not None:
        _check_algorithm(algorithm)
    return analyze_paths(paths, AnalysisOptions(algorithm, sentences, words, engine, summary),
                         read_options=_read_options(timezone, jsonl_fields, cache_dir))


def group(digests: Sequence[Digest], *, memory: PathArg | None = None, date: date | None = None,
          words: int | None = None, threshold: float | None = None, workers: int = 1) -> list[Story]:
    """Digests -> stories (copies collapsed, one multi-document summary each), biggest first.

    ``words=None`` gives each story a summary pool from which every audience's summary is
    cut (what ``build`` does; pass the result to ``brief``); ``words=N`` one summary of about
    N words (``briefgen group``). ``memory``: an existing state file (``build`` writes it) to
    label stories new/updated/continuing against ``date`` (default today); it is only read.
    ``threshold``: the grouping cut (default 11.0; higher splits more). ``workers``: processes
    that make the stories' summaries (the same stories as with one)."""
    from briefgen.stories.assemble import StoryOptions, build_stories
    from briefgen.stories.grouping import GroupingOptions
    from briefgen.stories.novelty import POOL_SENTENCES

    day = date or _today()
    grouping = GroupingOptions() if threshold is None else GroupingOptions(threshold=threshold)
    options = (StoryOptions(grouping=grouping, pool_sentences=POOL_SENTENCES) if words is None
               else StoryOptions(grouping=grouping, summary_words=words))
    stories = build_stories(digests, options, today=day, workers=workers)
    if memory is None:
        return stories
    from briefgen.stories.memory import open_store
    from briefgen.stories.novelty import label_stories

    if not Path(memory).is_file():  # only read: never create one here
        raise InputError(f"no state file at {memory} (it is created by `briefgen build`)")
    with open_store(memory) as store:
        return label_stories(stories, store, day)


def explain_groups(digests: Sequence[Digest], stories: Sequence[Story], *, date: date | None = None) -> dict:
    """Story id -> the links (briefgen.stories.explain.Link) that put its articles together,
    or, for a story of one article, its closest article elsewhere and what was missing."""
    from briefgen.stories.assemble import grouping_docs
    from briefgen.stories.explain import explain
    from briefgen.stories.grouping import GroupingOptions, near_duplicates

    options = GroupingOptions()
    index = {d.article.path: k for k, d in enumerate(digests)}
    clusters = [[index[d.article.path] for d in (s.members or s.digests)] for s in stories]
    pairs = [(i, j) for i, j, _ in near_duplicates([d.article.text for d in digests], options.duplicate_threshold)]
    links = explain(grouping_docs(digests, date or _today()), clusters, options, pairs)
    return {s.id: links.get(k, []) for k, s in enumerate(stories)}


def brief(stories: Sequence[Story] | Sequence[Digest], audience: str | Audience, date: date, *,
          failures: Sequence[Failure] = (), engine: str = "fast", config: PathArg | None = None) -> Brief:
    """One audience's Brief for ``date``: the audience's filters, order, count and summary
    length applied. ``stories`` from ``group`` (one item per story), or digests (one item per
    article, like ``build --no-stories``). ``audience``: a name (built-in or from the config
    file, found as ``build`` finds it; ``config`` names one) or an Audience. ``failures``
    are listed in the brief's appendix."""
    from briefgen.compose import build_brief

    chosen = _audience(audience, config)
    items = list(stories)
    if items and not isinstance(items[0], Digest):  # stories (the annotation: all of one kind)
        return build_brief([], chosen, date, failures, engine=engine, story_items=cast("list[Story]", items))
    return build_brief(cast("list[Digest]", items), chosen, date, failures, engine=engine)


def render(brief: Brief, format: str = "pdf", *, audience: Audience | None = None,
           template_dirs: Sequence[PathArg] = (), config: PathArg | None = None) -> bytes:
    """The brief as ``format`` ("pdf", "html" or "json") bytes, exactly as ``build`` writes it.
    The look is the brief's audience's (or ``audience``); ``template_dirs`` are searched
    before the built-in templates (default: the config's template_dirs)."""
    from briefgen.rendering.bounded import Limits
    from briefgen.settings import load_settings

    if format not in FORMATS:
        raise BriefgenError(f"unknown format {format!r}; choose from {', '.join(FORMATS)}")
    settings = load_settings(Path(config) if config else None)
    look = audience or settings.audience(brief.audience)
    dirs = tuple(Path(d) for d in template_dirs) or settings.template_dirs
    limits = Limits(seconds=settings.render_timeout, memory_mb=settings.render_memory_mb)
    with _source_date(brief.date):
        return _render_bytes(brief, look, format, dirs, limits)


def _render_bytes(brief: Brief, audience: Audience, fmt: str, template_dirs, limits) -> bytes:
    # the same steps as briefgen.run's render loop, for one format
    if fmt == "json":
        import json

        from briefgen.rendering.serialize import brief_to_dict

        return (json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    from briefgen.rendering.render import render_html, render_pdf

    html = render_html(brief, audience, template_dirs=template_dirs, limits=limits)
    if fmt == "html":
        return html.encode("utf-8")
    return render_pdf(html, template_dirs=template_dirs, variant=audience.pdf_variant, limits=limits)


@dataclass(frozen=True)
class BuildResult:
    """What ``build`` did. ``delivered`` is None when nothing was to be mailed, False when a
    message failed (logged); ``report`` is briefgen.run.BuildReport."""

    report: BuildReport
    plan: BuildPlan
    delivered: bool | None = None

    @property
    def written(self) -> list[Path]:
        return self.report.written

    @property
    def failures(self) -> list[Failure]:
        return self.report.failures

    @property
    def articles(self) -> int:
        return self.report.articles


def build(paths: Iterable[PathArg] = (), *, config: PathArg | None = None,
          audiences: str | Sequence[str] = (), date: date | datetime | str | None = None,
          output_dir: PathArg | None = None, template_dirs: PathArg | Sequence[PathArg] = (),
          formats: str | Sequence[str] = (), algorithm: str | None = None, engine: str | None = None,
          timezone: str | None = None, since: str | None = None, cutoff: str | None = None,
          empty_brief: bool | None = None, latest: bool | None = None, keep_days: int | None = None,
          mail_to: str | Sequence[str] = (), stories: bool = True, state: PathArg | None = None,
          jsonl_fields: str | None = None, progress: Callable[[int, int], None] | None = None,
          env: Mapping[str, str] | None = None, workers: int | None = None, executor: str | None = None,
          scheduler: str | None = None, cache: bool | None = None) -> BuildResult:
    """Exactly ``briefgen build PATHS [flags]``: the options are its flags; an option left
    out is taken from BRIEFGEN_* (``env``, default os.environ), then the config file, then
    the default (briefgen.settings.resolve). Writes OUTPUT_DIR/<date>/<audience>.<format>
    under the folder's lock and mails them when recipients are configured.

    Raises OptionError (a bad option, ``.option`` names the flag), ConfigError (the config
    file or a variable), briefgen.ops.lock.RunLocked (another run holds the folder) or
    BriefgenError (e.g. a file that cannot be written)."""
    from briefgen.settings.resolve import BuildFlags, resolve_build

    flags = BuildFlags(
        paths=_many(paths), config=_path(config), audiences=_many(audiences), date=_day(date),
        output_dir=_path(output_dir), template_dirs=tuple(Path(d) for d in _many(template_dirs)),
        formats=_many(formats), algorithm=algorithm, engine=engine, timezone=timezone, since=since,
        cutoff=cutoff, empty_brief=empty_brief, latest=latest, keep_days=keep_days, mail_to=_many(mail_to),
        stories=stories, state=_path(state), jsonl_fields=jsonl_fields, workers=workers, executor=executor,
        scheduler=scheduler, cache=cache,
    )
    return run_plan(resolve_build(flags, os.environ if env is None else env), progress=progress)


def run_plan(plan: BuildPlan, *, progress: Callable[[int, int], None] | None = None,
             stage_progress: Callable[[str], Callable[[int, int], None] | None] | None = None) -> BuildResult:
    """A resolved plan -> files written (and mailed); what ``build`` and the CLI share.
    ``progress(done, total)`` is told as inputs are read; ``stage_progress(stage)`` gives the
    callback for a later stage ("analysing", "rendering"), or None."""
    from briefgen.run import BuildRequest, build_briefs

    if plan.window:
        log.info("articles from %s", plan.window.describe())
    with _source_date(plan.day):
        report = build_briefs(BuildRequest(
            paths=list(plan.paths), read_options=plan.read_options, audiences=list(plan.audiences),
            day=plan.day, keep=plan.window.contains if plan.window else None, empty_brief=plan.empty_brief,
            latest=plan.latest, keep_days=plan.keep_days, today=plan.today, progress=progress,
            output_dir=plan.output_dir, formats=plan.formats, engine=plan.engine,
            template_dirs=plan.template_dirs, limits=plan.limits, stories=plan.stories, state=plan.state,
            execution=plan.execution, cache=plan.cache, stage_progress=stage_progress,
        ))
    if not report.articles:
        where = f" from {plan.window.describe()}" if plan.window else ""
        log.warning("no usable articles%s in %s", where, ", ".join(map(str, plan.inputs)))
    log.info("%d articles, %d skipped, %d files written", report.articles, len(report.failures),
             len(report.written))
    delivered = _deliver(plan, plan.smtp, report.written, report.briefs) if plan.smtp and report.written else None
    return BuildResult(report=report, plan=plan, delivered=delivered)


def _deliver(plan: BuildPlan, smtp: SmtpSettings, written: list[Path], briefs: Mapping[str, Brief]) -> bool:
    """One message per audience with its files, to that audience's recipients, its body the
    brief made for mail clients (briefgen.rendering.email); False when any failed."""
    from briefgen.ops.delivery import DeliveryError, mail_briefs
    from briefgen.rendering.email import render_email_html, render_email_text

    ok = True
    day = plan.day.isoformat()
    for audience in plan.audiences:
        files = [p for p in written if p.stem == audience.name]
        if not files or not plan.recipients.get(audience.name):
            continue
        brief = briefs.get(audience.name)
        try:
            mail_briefs(smtp, list(plan.recipients[audience.name]), files, subject=f"{audience.title} — {day}",
                        body=render_email_text(brief, audience) if brief else f"{audience.title} for {day}.\n",
                        html_body=render_email_html(brief, audience) if brief else None)
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
    from datetime import time

    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime.combine(day, time(), UTC).timestamp()))
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


# ---- for evaluation: the summarizers and the grouper on their own ------------------------------


def summarize_sentences(sentences: Sequence, *, algorithm: str | None = None, count: int | None = 3,
                        words: int | None = None, title: str | None = None, engine: str = "fast",
                        **options: Any) -> tuple:
    """The summarizer ``analyze`` runs, on sentences you split (briefgen.split_sentences):
    the chosen SummarySentences in text order. ``options`` go to the summarizer as they are
    (e.g. ``quote_units=False``: sentence by sentence, as the sumy baselines work). Named so
    because ``briefgen.summarize`` is the summarizers' package."""
    from briefgen.summarize import summarize

    return summarize(sentences, algorithm=algorithm, count=count, words=words, title=title, engine=engine,
                     **options)



def cluster(docs: Sequence[Doc], options: GroupingOptions | None = None) -> list[list[int]]:
    """Story clusters (lists of indexes into ``docs``) of briefgen.GroupingDoc items (title,
    text, published, names) under ``options`` (briefgen.GroupingOptions): the grouper that
    ``group`` runs, without analysis, summaries or labels."""
    from briefgen.stories.grouping import GroupingOptions, group as group_docs

    return group_docs(docs, options or GroupingOptions())


def near_duplicates(texts: Sequence[str], threshold: float = 0.5) -> list[tuple[int, int, float]]:
    """Pairs (i, j, jaccard), i < j, of texts whose word 5-gram Jaccard reaches ``threshold``:
    the copies ``group`` collapses into one story."""
    from briefgen.stories.grouping import near_duplicates as pairs

    return pairs(texts, threshold)


def terms(text: str) -> list[str]:
    """The words the grouper compares texts on: lower-cased and stemmed, stop words and
    one-letter words dropped (numbers kept as written)."""
    from briefgen.stories.features import word_terms

    return word_terms(text)


# ---- small helpers ----------------------------------------------------------------------------


def _check_algorithm(name: str) -> None:
    from briefgen.settings.resolve import check_algorithm

    check_algorithm(name)


def _audience(audience: str | Audience, config: PathArg | None) -> Audience:
    if isinstance(audience, Audience):
        return audience
    from briefgen.settings import load_settings

    return load_settings(Path(config) if config else None).audience(audience)


def _read_options(timezone: str | None, jsonl_fields: str | None, cache_dir: PathArg | None):
    from briefgen.ingest.fetch import FetchOptions
    from briefgen.ingest.formats import ReadOptions
    from briefgen.ingest.jsonl import parse_field_map
    from briefgen.settings.resolve import resolve_zone

    return ReadOptions(tz=resolve_zone(timezone) if timezone else None,  # None: local time, per instant
                       jsonl_fields=parse_field_map(jsonl_fields),
                       fetch=FetchOptions(cache_dir=Path(cache_dir) if cache_dir else None))


def _many(value: Any) -> tuple:
    """A repeatable option: one value or several."""
    if value is None:
        return ()
    if isinstance(value, (str, PathLike)):
        return (value,)
    return tuple(value)


def _path(value: PathArg | None) -> Path | None:
    return Path(value) if value is not None else None


def _day(value: date | datetime | str | None) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    try:
        return date.fromisoformat(value)
    except ValueError:
        from briefgen.settings.resolve import OptionError

        raise OptionError(f"{value!r} is not a date YYYY-MM-DD", "--date") from None


def _today() -> date:
    return date.today()
