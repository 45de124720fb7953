"""Articles -> Digests.

`analyze_article` runs the extractors and the summarizer over one article;
`analyze_paths` reads every input once (briefgen.inputs) and analyses each
article, isolating failures so one broken file never sinks the brief.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from os import PathLike
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError
from briefgen.extract.participants import extract_participants
from briefgen.extract.quotes import extract_quotes
from briefgen.inputs import iter_articles, log_failures
from briefgen.model import Article, Digest, Failure
from briefgen.parallel import Execution
from briefgen.stories.outlets import publisher
from briefgen.summarize import summarize, summary_input
from briefgen.text.segment import split_sentences

if TYPE_CHECKING:
    from briefgen.ingest.formats import ReadOptions
    from briefgen.ops.cache import AnalysisCache

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
    # the outlet that publishes the article is its channel, not a participant ("Wikinews")
    participants = extract_participants(article.text, sentences, publisher=publisher(article.source))
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


def analyze_one(article: Article, options: AnalysisOptions) -> Digest | Failure:
    """``analyze_article``, with a failure costing this article only."""
    try:
        return analyze_article(article, options)
    except BriefgenError as err:
        return Failure(article.path, str(err))
    except Exception as err:  # a bug must cost one article, not the brief
        log.debug("analysis of %s failed", article.path, exc_info=True)
        return Failure(article.path, f"internal error while analysing: {type(err).__name__}: {err}")


# Variables that change what the analysis finds: a task carries the driver's values, since a
# worker's environment is the one it started with (or another machine's).
ANALYSIS_ENV = ("BRIEFGEN_NER",)


def analysis_env() -> dict[str, str]:
    return {k: os.environ[k] for k in ANALYSIS_ENV if k in os.environ}


def chunk_task(articles: Sequence[Article], options: AnalysisOptions) -> tuple:
    """What a worker is sent for ``articles``: they, the options, the driver's variables and pid."""
    return (articles, options, analysis_env(), os.getpid())


def analyze_chunk(task: tuple) -> tuple[list[Digest | Failure], list]:
    """One worker task (briefgen.parallel, briefgen.cluster): the chunk's results in order, and
    the log records made on the way (replayed by the driver)."""
    from briefgen.parallel import collected_logs, environment

    articles, options, env, driver = task
    if driver == os.getpid():  # a thread of the driver itself: its environment is the driver's
        return [analyze_one(a, options) for a in articles], []
    with collected_logs(driver) as lines, environment({k: env.get(k) for k in ANALYSIS_ENV}):
        results = [analyze_one(a, options) for a in articles]
    return results, lines


def analyze_articles(articles: Sequence[Article], options: AnalysisOptions = AnalysisOptions(), *,
                     execution: Execution = Execution(),
                     progress: Callable[[int, int], None] | None = None) -> list[Digest | Failure]:
    """Each article's Digest (or Failure), in input order, whatever runs them: the same bytes
    from one process, a local pool or a cluster."""
    n = len(articles)
    if execution.executor == "dask":
        from briefgen.ops.cluster import analyze_on_cluster

        return _reattached(articles, analyze_on_cluster(_sendable(articles), options, execution.scheduler,
                                                        run_chunk=analyze_chunk, make_task=chunk_task,
                                                        progress=progress))
    from briefgen import parallel

    if not parallel.worth_a_pool(n, execution.workers):
        results: list[Digest | Failure] = []
        for k, article in enumerate(articles, start=1):
            results.append(analyze_one(article, options))
            if progress is not None:
                progress(k, n)
        return results
    parts = parallel.chunks(articles, parallel.chunk_size(n, execution.workers))
    sizes = [len(p) for p in parts]
    done = [0]

    def advanced(k: int) -> None:
        done[0] += sizes[k]
        if progress is not None:
            progress(done[0], n)

    from concurrent.futures.process import BrokenProcessPool

    pool = parallel.local_pool(execution.workers)
    try:
        outputs = parallel.ordered_map(pool, analyze_chunk, [chunk_task(_sendable(p), options) for p in parts],
                                       advanced)
    except BrokenProcessPool:
        parallel.discard_broken_pool()
        raise BriefgenError("an analysis worker process died (out of memory or killed); "
                            "try fewer --workers") from None
    merged: list[Digest | Failure] = []
    for results, lines in outputs:
        parallel.replay(lines)
        merged.extend(results)
    return _reattached(articles, merged)


def _sendable(articles: Sequence[Article]) -> list[Article]:
    """What a worker needs of each article: the analysis reads its title, text and outlet only
    (a publication time's zone may not even pickle), and less to send is less to pickle."""
    return [Article(path=a.path, title=a.title, text=a.text, source=a.source) for a in articles]



def _reattached(articles: Sequence[Article], results: list[Digest | Failure]) -> list[Digest | Failure]:
    """The workers' digests with the driver's own articles back in them."""
    return [replace(r, article=a) if isinstance(r, Digest) else r for a, r in zip(articles, results)]


def analyze_paths(
    paths: Iterable[str | PathLike[str]],
    options: AnalysisOptions = AnalysisOptions(),
    *,
    keep: Callable[[Article], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
    read_options: ReadOptions | None = None,
    execution: Execution = Execution(),
    analysing: Callable[[int, int], None] | None = None,
    cache: AnalysisCache | None = None,
) -> tuple[list[Digest], list[Failure]]:
    """Read and analyse every article; return the digests and the inputs that failed.

    `keep` (e.g. briefgen.ops.window.Window.contains) drops articles before the
    costly analysis; they are not failures. `progress(done, total)` is told
    after each file, `analysing(done, total)` after each article analysed. `paths` may hold
    http(s) URLs (str) of pages or feeds and declared `briefgen.ingest.sources.Source`s;
    `read_options` (briefgen.ingest.formats.ReadOptions) sets the time zone, the
    JSON Lines field names and how to fetch. `execution` says where the analysis runs;
    `cache` (briefgen.ops.cache) answers for articles analysed before.
    Failures are in input order (a read failure before the articles that follow it).
    """
    failures: list[Failure] = []
    articles: list[Article] = []
    slots: list[int] = []  # for each article, how many read failures came before it
    outside = 0
    for article in iter_articles(paths, failures, progress=progress, read_options=read_options):
        try:
            if keep is not None and not keep(article):
                outside += 1
                continue
        except Exception as err:  # a date window that cannot judge an article costs that article
            failures.append(Failure(article.path, f"{type(err).__name__}: {err}" if not isinstance(
                err, BriefgenError) else str(err)))
            continue
        articles.append(article)
        slots.append(len(failures))
    if outside:
        log.info("%d article(s) outside the date window were left out", outside)
    results = analyze_with_cache(articles, options, execution, analysing, cache)
    digests: list[Digest] = []
    ordered: list[Failure] = []
    read = 0
    for slot, result in zip(slots, results):
        ordered.extend(failures[read:slot])
        read = slot
        if isinstance(result, Failure):
            ordered.append(result)
        else:
            digests.append(result)
    ordered.extend(failures[read:])
    log_failures(ordered)
    return digests, ordered


def analyze_with_cache(articles: Sequence[Article], options: AnalysisOptions, execution: Execution,
                       progress: Callable[[int, int], None] | None,
                       cache: AnalysisCache | None) -> list[Digest | Failure]:
    """``analyze_articles`` for the articles ``cache`` has no analysis of; the others from it."""
    if cache is None:
        return analyze_articles(articles, options, execution=execution, progress=progress)
    found = cache.get_many(articles, options)
    missing = [a for a, d in zip(articles, found) if d is None]
    if len(missing) < len(articles):
        log.debug("%d of %d article(s) analysed before (cache); analysing %d", len(articles) - len(missing),
                  len(articles), len(missing))
    fresh = iter(analyze_articles(missing, options, execution=execution, progress=progress))
    results: list[Digest | Failure] = [d if d is not None else next(fresh) for d in found]
    cache.put_many([r for r, d in zip(results, found) if d is None and isinstance(r, Digest)], options)
    return results
