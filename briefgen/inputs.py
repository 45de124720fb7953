"""Inputs (files, folders, http(s) URLs, declared [[sources]]) -> Articles, and the inputs that failed.

One file may hold many articles (feeds, JSON Lines, URL lists); URLs come
last, fetched together. A broken input costs that input, never the run.

Readers and the fetcher are imported inside the functions, so that a build of local text
files never loads feedparser, trafilatura or the network code.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError
from briefgen.ingest.walk import collect_paths
from briefgen.model import Article, Failure

if TYPE_CHECKING:
    from briefgen.ingest.formats import ReadOptions

log = logging.getLogger("briefgen.analysis")  # the name these messages always had


def iter_articles(paths: Iterable[str | PathLike[str]], failures: list[Failure], *,
                  progress: Callable[[int, int], None] | None = None,
                  read_options: ReadOptions | None = None) -> Iterator[Article]:
    """Every article of every input, in input order; inputs that cannot be read are appended
    to ``failures`` as they come. ``progress(done, total)`` is told before each input."""
    from briefgen.ingest.fetch import is_url
    from briefgen.ingest.formats import ReadOptions
    from briefgen.ingest.sources import Source

    paths = list(paths)
    reading = read_options or ReadOptions()
    declared = [p for p in paths if isinstance(p, Source)]  # [[sources]] from the config
    urls = [str(p) for p in paths if isinstance(p, str) and is_url(p)]
    files, missing = collect_paths([p for p in paths if not (isinstance(p, str) and is_url(p))
                                    and not isinstance(p, Source)])
    failures.extend(missing)
    sources: list[Path | Source | None] = [*files, *declared, *([None] if urls else [])]
    for done, source in enumerate(sources, start=1):
        if progress is not None:
            progress(done, len(sources))
        batch = _read_one(source, urls, reading, failures)
        if batch is not None:
            failures.extend(batch.failures)
            yield from batch.articles


def _read_one(source, urls: Sequence[str], reading, failures: list[Failure]):
    """One input's batch (briefgen.ingest.formats), or None with its failure recorded."""
    from briefgen.ingest.formats import read_path, read_urls
    from briefgen.ingest.sources import Source, read_source

    try:
        if isinstance(source, Source):
            return read_source(source, reading)
        return read_path(source, reading) if source is not None else read_urls(urls, reading)
    except BriefgenError as err:
        failures.append(Failure(_input_name(source, urls), str(err)))
    except Exception as err:  # a bug must cost one input, not the brief
        log.debug("reading %s failed", _input_name(source, urls), exc_info=True)
        failures.append(Failure(_input_name(source, urls),
                                f"internal error while reading: {type(err).__name__}: {err}"))
    return None


def read_articles(paths: Iterable[str | PathLike[str]],
                  read_options: ReadOptions | None = None) -> tuple[list[Article], list[Failure]]:
    """Every article of ``paths`` and the inputs that could not be used (each logged)."""
    failures: list[Failure] = []
    articles = list(iter_articles(paths, failures, read_options=read_options))
    log_failures(failures)
    return articles, failures


def log_failures(failures: Sequence[Failure]) -> None:
    for failure in failures:
        log.warning("skipped %s: %s", failure.path, failure.reason)


def _input_name(source: object, urls: Sequence[str]) -> str:
    """How a failed input is named in the log and the appendix; None stands for the URL batch."""
    return str(source) if source is not None else ", ".join(urls)
