"""A .txt/.md article file -> Batch of one Article (briefgen.ingest.article's rules), date in the configured zone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from briefgen.ingest import dates
from briefgen.ingest.article import read_article
from briefgen.ingest.batch import Batch, ReadOptions


def read_text(path: Path, options: ReadOptions) -> Batch:
    article = read_article(path)
    if article.published is not None:
        article = replace(article, published=dates.normalise(article.published, options.tz))
    return Batch([article])
