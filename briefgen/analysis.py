"""Articles -> Digests.

`analyze_article` runs the extractors and the summarizer over one article;
`analyze_paths` reads and analyses every input once, isolating failures so one
broken file never sinks the brief.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError
from briefgen.ingest.walk import collect_paths
from briefgen.model import Article, Digest, Failure
from briefgen.extract.participants import extract_participants
from briefgen.extract.quotes import extract_quotes
from briefgen.text.segment import split_sentences
from briefgen.summarize import summarize, summary_input

if TYPE_CHECKING:
    from briefgen.ingest.formats import ReadOptions

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


def analyze_paths(
    paths: Iterable[str | PathLike[str]],
    options: AnalysisOptions = AnalysisOptions(),
    *,
    keep: Callable[[Article], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    read_options: "ReadOptions | None" = None,
) -> tuple[list[Digest], list[Failure]]:
    """Read and analyse every article; return the digests and the inputs that failed.

    `keep` (e.g. briefgen.ops.window.Window.contains) drops articles before the
    costly analysis; they are not failures. `progress(done, total)` is told
    after each file. `paths` may hold http(s) URLs (str) of pages or feeds and
    declared `briefgen.ingest.sources.Source`s;
    `read_options` (briefgen.ingest.formats.ReadOptions) sets the time zone, the
    JSON Lines field names and how to fetch.
    """
    from briefgen.ingest.fetch import is_url
    from briefgen.ingest.formats import ReadOptions, read_path, read_urls
    from briefgen.ingest.sources import Source, read_source

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
