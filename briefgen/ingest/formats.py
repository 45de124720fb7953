"""Inputs of every format -> Articles (plus per-item Failures).

``read_path(path, options) -> Batch`` picks a reader by file suffix;
``read_urls(urls, options) -> Batch`` fetches web pages and feeds. One file
may hold many articles (a feed, a JSON Lines export, a list of URLs), so
every reader returns a ``Batch``: the articles it could read and the items
it could not. A file that cannot be used at all raises ``InputError``.

Suffix rule (also for folders): ``.txt .md .markdown .text`` text articles;
``.html .htm`` saved pages; ``.rss .atom`` feeds; ``.jsonl`` JSON Lines;
``.urls`` a list of URLs, one per line. ``.xml`` is read as a feed only when
named explicitly (folders hold too many other kinds of XML). A ``.txt`` file
is always an article, never a URL list.

Each reader is imported when its suffix is met: feeds, pages and JSON Lines pull in
feedparser, trafilatura and lxml, which a folder of text files never needs.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from briefgen.errors import InputError
from briefgen.ingest.batch import Batch, ReadOptions
from briefgen.ingest.decode import read_bytes  # size-capped, one-line InputErrors
from briefgen.ingest.suffixes import FEED_SUFFIXES, HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES, URL_LIST_SUFFIXES

__all__ = ["Batch", "ReadOptions", "read_path", "read_urls"]


def read_path(path: str | os.PathLike[str], options: ReadOptions | None = None) -> Batch:
    """One input file -> Batch. Raises InputError when the file is unusable as a whole."""
    return _tidy(_read_path(path, options or ReadOptions()))


def _tidy(batch: Batch) -> Batch:
    from briefgen.ingest.wire import tidy  # wire-copy datelines and dashes, whatever the format

    batch.articles = [tidy(a) for a in batch.articles]
    return batch


def _read_path(path: str | os.PathLike[str], options: ReadOptions) -> Batch:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        from briefgen.ingest.text import read_text

        return read_text(path, options)
    if suffix in HTML_SUFFIXES:
        from briefgen.ingest.html import parse_html

        return Batch([parse_html(read_bytes(path), path=str(path), tz=options.tz)])
    if suffix in FEED_SUFFIXES:
        from briefgen.ingest.feed import parse_feed

        return parse_feed(read_bytes(path), path=str(path), options=options)
    if suffix in JSONL_SUFFIXES:
        from briefgen.ingest.jsonl import parse_jsonl

        return parse_jsonl(read_bytes(path, max_bytes=200 * 1024 * 1024), path=str(path), options=options)
    if suffix in URL_LIST_SUFFIXES:
        from briefgen.ingest.urls import parse_url_list

        return parse_url_list(read_bytes(path), path=str(path), options=options)
    raise InputError(
        f"unsupported file type {suffix or '(none)'!r}: briefgen reads .txt and .md articles, "
        ".html pages, .rss/.atom/.xml feeds, .jsonl exports and .urls lists"
    )


def read_urls(urls: Sequence[str], options: ReadOptions | None = None) -> Batch:
    """Web pages or feeds by URL -> Batch; every URL that fails is a Failure."""
    from briefgen.ingest.urls import read_urls as _read_urls

    return _tidy(_read_urls(urls, options or ReadOptions()))
