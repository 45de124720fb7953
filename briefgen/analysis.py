"""Articles -> Digests.

`analyze_article` runs the extractors and the summarizer over one article;
`analyze_paths` reads every input once (briefgen.inputs) and analyses each
article, isolating failures so one broken file never sinks the brief.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from os import PathLike
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError
from briefgen.extract.participants import extract_participants
from briefgen.extract.quotes import extract_quotes
from briefgen.inputs import iter_articles, log_failures
from briefgen.model import Article, Digest, Failure
from briefgen.summarize import summarize, summary_input
from briefgen.text.segment import split_sentences

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
    read_options: ReadOptions | None = None,
) -> tuple[list[Digest], list[Failure]]:
    """Read and analyse every article; return the digests and the inputs that failed.

    `keep` (e.g. briefgen.ops.window.Window.contains) drops articles before the
    costly analysis; they are not failures. `progress(done, total)` is told
    after each file. `paths` may hold http(s) URLs (str) of pages or feeds and
    declared `briefgen.ingest.sources.Source`s;
    `read_options` (briefgen.ingest.formats.ReadOptions) sets the time zone, the
    JSON Lines field names and how to fetch.
    """
    failures: list[Failure] = []
    digests: list[Digest] = []
    outside = 0
    for article in iter_articles(paths, failures, progress=progress, read_options=read_options):
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
    log_failures(failures)
    return digests, failures
