"""Articles -> Digests -> Briefs.

`analyze_paths` reads and analyses every article once, isolating failures so
one broken file never sinks the brief; `build_brief` shapes those digests for
one audience (story order, count and summary length) without analysing again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Audience
from .errors import BriefgenError
from .ingest import collect_paths
from .model import Article, Brief, Digest, Failure, Sentence
from .participants import extract_participants
from .quotes import extract_quotes
from .segment import split_sentences
from .summarize import summarize

if TYPE_CHECKING:
    from .readers import ReadOptions

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AnalysisOptions:
    algorithm: str | None = None  # None: the default summarizer
    sentences: int | None = 3
    words: int | None = None
    engine: str = "fast"
    # False when every summary shown is made later (build --stories makes one per story):
    # the per-article summary would be computed and thrown away.
    summary: bool = True


def analyze_article(article: Article, options: AnalysisOptions = AnalysisOptions()) -> Digest:
    sentences = tuple(split_sentences(article.text))
    participants = extract_participants(article.text, sentences)
    quotes = extract_quotes(article.text, participants, sentences)
    summary = summarize(
        summary_input(sentences),
        algorithm=options.algorithm,
        count=options.sentences,
        words=options.words,
        title=article.title,
        engine=options.engine,
        participants=participants,  # names "He" when a summary sentence would dangle
    ) if options.summary else ()
    return Digest(
        article=article,
        sentences=sentences,
        summary=summary,
        quotes=quotes,
        participants=participants,
        algorithm=options.algorithm or "",
    )


# The graph summarizers are quadratic in the sentence count: a 5,000-sentence dump
# took ~20 s per summary. News puts its substance up front, so the summary is
# chosen from the first sentences only; a prefix keeps every index valid.
SUMMARY_INPUT_LIMIT = 400


def summary_input(sentences: Sequence[Sentence]) -> Sequence[Sentence]:
    """The sentences a summary is chosen from: at most SUMMARY_INPUT_LIMIT, from the start."""
    return sentences[:SUMMARY_INPUT_LIMIT]


def analyze_paths(
    paths: Iterable[str | PathLike[str]],
    options: AnalysisOptions = AnalysisOptions(),
    *,
    keep: Callable[[Article], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    read_options: "ReadOptions | None" = None,
) -> tuple[list[Digest], list[Failure]]:
    """Read and analyse every article; return the digests and the inputs that failed.

    `keep` (e.g. briefgen.window.Window.contains) drops articles before the
    costly analysis; they are not failures. `progress(done, total)` is told
    after each file. `paths` may hold http(s) URLs (str) of pages or feeds and
    declared `briefgen.sources.Source`s;
    `read_options` (briefgen.readers.ReadOptions) sets the time zone, the
    JSON Lines field names and how to fetch.
    """
    from .fetch import is_url
    from .readers import ReadOptions, read_path, read_urls
    from .sources import Source, read_source

    paths = list(paths)
    reading = read_options or ReadOptions()
    declared = [p for p in paths if isinstance(p, Source)]  # [[sources]] from the config
    urls = [str(p) for p in paths if isinstance(p, str) and is_url(p)]
    files, failures = collect_paths([p for p in paths if not (isinstance(p, str) and is_url(p))
                                     and not isinstance(p, Source)])
    digests: list[Digest] = []
    outside = 0
    # One file may hold many articles (feeds, JSON Lines, URL lists); URLs come last, fetched together.
    sources: list[Path | Source | None] = [*files, *declared, *([None] if urls else [])]
    for done, path in enumerate(sources, start=1):
        if progress is not None:
            progress(done, len(sources))
        try:
            if isinstance(path, Source):
                batch = read_source(path, reading)
            else:
                batch = read_path(path, reading) if path is not None else read_urls(urls, reading)
        except BriefgenError as err:
            failures.append(Failure(_input_name(path, urls), str(err)))
            continue
        except Exception as err:  # a bug must cost one input, not the brief
            log.debug("reading %s failed", _input_name(path, urls), exc_info=True)
            failures.append(Failure(_input_name(path, urls),
                                    f"internal error while reading: {type(err).__name__}: {err}"))
            continue
        failures.extend(batch.failures)
        for article in batch.articles:
            try:
                if keep is not None and not keep(article):
                    outside += 1
                    continue
                digests.append(analyze_article(article, options))
            except BriefgenError as err:
                failures.append(Failure(article.path, str(err)))
            except Exception as err:  # a bug must cost one article, not the brief
                log.debug("analysis of %s failed", article.path, exc_info=True)
                failures.append(Failure(article.path,
                                        f"internal error while analysing: {type(err).__name__}: {err}"))
    if outside:
        log.info("%d article(s) outside the date window were left out", outside)
    for failure in failures:
        log.warning("skipped %s: %s", failure.path, failure.reason)
    return digests, failures


def _input_name(source: object, urls: Sequence[str]) -> str:
    """How a failed input is named in the log and the appendix; None stands for the URL batch."""
    return str(source) if source is not None else ", ".join(urls)


def rank_stories(digests: Sequence[Digest]) -> list[Digest]:
    """Most newsworthy first: attributed quotes and named people mark a developed
    story; newer before older; the title keeps the order stable."""

    def key(d: Digest) -> tuple:
        attributed = sum(1 for q in d.quotes if q.speaker)
        people = sum(1 for p in d.participants if p.kind == "person")
        weight = 2 * attributed + people + min(len(d.sentences), 20) / 10
        day = d.article.published.toordinal() if d.article.published else 0
        return (-weight, -day, d.article.title)

    return sorted(digests, key=key)


def build_brief(
    digests: Sequence[Digest],
    audience: Audience,
    day: date,
    failures: Sequence[Failure] = (),
    *,
    engine: str = "fast",
    story_items: Sequence | None = None,
) -> Brief:
    """One audience's brief. With ``story_items`` (briefgen.stories.Story, issue 7) each story is
    one item: its lead digest carries a multi-document summary and the merged quotes/participants,
    and ``Brief.extra`` gets the story memory (labels, outlets, today in brief, who's who)."""
    from .select import select_stories  # the audience's filters and order (issue 5)

    available = 0  # stories that pass the audience's filters, before max_stories cuts them

    def chosen(candidates: Sequence[Digest]) -> list[Digest]:
        nonlocal available
        picked = select_stories(candidates, audience)
        available = len(picked)
        return picked if audience.max_stories is None else picked[: audience.max_stories]

    memory: dict = {}
    if story_items is not None:
        from .stories import brief_digests

        # selected before summarising: only shown stories are summarised and listed in the memory
        stories, memory = brief_digests(story_items, audience, engine=engine, select=chosen)
    else:
        stories = chosen(digests)
    stories = [
        d if d.article.path in memory.get("by_path", {}) else replace(
            d,
            summary=summarize(
                summary_input(d.sentences),
                algorithm=audience.algorithm,
                count=audience.summary_sentences,
                words=audience.summary_words,
                title=d.article.title,
                engine=engine,
                participants=d.participants,
            ),
            algorithm=audience.algorithm or "",
        )
        for d in stories
    ]
    extra: dict = {"available": available}
    if memory:
        extra["memory"] = memory
    return Brief(
        date=day,
        audience=audience.name,
        title=audience.title,
        digests=tuple(stories),
        failures=tuple(failures),
        extra=extra,
    )
