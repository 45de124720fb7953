"""Articles -> Digests -> Briefs.

`analyze_paths` reads and analyses every article once, isolating failures so
one broken file never sinks the brief; `build_brief` shapes those digests for
one audience (story order, count and summary length) without analysing again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from os import PathLike

from .config import Audience
from .errors import BriefgenError
from .ingest import collect_paths, read_article
from .model import Article, Brief, Digest, Failure
from .participants import extract_participants
from .quotes import extract_quotes
from .segment import split_sentences
from .summarize import summarize

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AnalysisOptions:
    algorithm: str | None = None  # None: the default summarizer
    sentences: int | None = 3
    words: int | None = None
    engine: str = "fast"


def analyze_article(article: Article, options: AnalysisOptions = AnalysisOptions()) -> Digest:
    sentences = tuple(split_sentences(article.text))
    participants = extract_participants(article.text, sentences)
    quotes = extract_quotes(article.text, participants, sentences)
    summary = summarize(
        sentences,
        algorithm=options.algorithm,
        count=options.sentences,
        words=options.words,
        title=article.title,
        engine=options.engine,
    )
    return Digest(
        article=article,
        sentences=sentences,
        summary=summary,
        quotes=quotes,
        participants=participants,
        algorithm=options.algorithm or "",
    )


def analyze_paths(
    paths: Iterable[str | PathLike[str]], options: AnalysisOptions = AnalysisOptions()
) -> tuple[list[Digest], list[Failure]]:
    """Read and analyse every article; return the digests and the inputs that failed."""
    files, failures = collect_paths(paths)
    digests: list[Digest] = []
    for path in files:
        try:
            article = read_article(path)
            digests.append(analyze_article(article, options))
        except BriefgenError as err:
            failures.append(Failure(str(path), str(err)))
        except Exception as err:  # a bug must cost one article, not the brief
            log.debug("analysis of %s failed", path, exc_info=True)
            failures.append(Failure(str(path), f"internal error while analysing: {type(err).__name__}: {err}"))
    for failure in failures:
        log.warning("skipped %s: %s", failure.path, failure.reason)
    return digests, failures


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
) -> Brief:
    stories = rank_stories(digests)
    if audience.max_stories is not None:
        stories = stories[: audience.max_stories]
    stories = [
        replace(
            d,
            summary=summarize(
                d.sentences,
                algorithm=audience.algorithm,
                count=audience.summary_sentences,
                words=audience.summary_words,
                title=d.article.title,
                engine=engine,
            ),
            algorithm=audience.algorithm or "",
        )
        for d in stories
    ]
    return Brief(
        date=day,
        audience=audience.name,
        title=audience.title,
        digests=tuple(stories),
        failures=tuple(failures),
    )
