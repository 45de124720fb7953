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
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path

from ..errors import InputError
from ..fetch import Fetcher, FetchOptions
from ..ingest import ARTICLE_SUFFIXES as TEXT_SUFFIXES  # one list: ingest.read_article checks it too
from ..ingest import read_bytes  # size-capped, one-line InputErrors
from ..model import Article, Failure

HTML_SUFFIXES = frozenset({".html", ".htm"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
JSONL_SUFFIXES = frozenset({".jsonl"})
URL_LIST_SUFFIXES = frozenset({".urls"})
ALL_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES | URL_LIST_SUFFIXES
FOLDER_SUFFIXES = ALL_SUFFIXES - {".xml"}


@dataclass
class Batch:
    articles: list[Article] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    def extend(self, other: "Batch") -> None:
        self.articles.extend(other.articles)
        self.failures.extend(other.failures)


@dataclass
class ReadOptions:
    tz: tzinfo | None = None  # None: the machine's local zone
    jsonl_fields: Mapping[str, str] = field(default_factory=dict)  # Article field -> JSON key
    fetch: FetchOptions = field(default_factory=FetchOptions)
    full_text: bool = True  # fetch the page behind a feed entry that is only a teaser
    teaser_words: int = 120  # a feed entry with fewer words is a teaser
    _fetcher: Fetcher | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def fetcher(self) -> Fetcher:
        """Created on first use, so inputs without URLs never touch the network."""
        with self._lock:
            if self._fetcher is None:
                self._fetcher = Fetcher(self.fetch)
            return self._fetcher


def read_path(path: str | os.PathLike[str], options: ReadOptions | None = None) -> Batch:
    """One input file -> Batch. Raises InputError when the file is unusable as a whole."""
    options = options or ReadOptions()
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        from .text import read_text

        return read_text(path, options)
    if suffix in HTML_SUFFIXES:
        from .html import parse_html

        return Batch([parse_html(read_bytes(path), path=str(path), tz=options.tz)])
    if suffix in FEED_SUFFIXES:
        from .feed import parse_feed

        return parse_feed(read_bytes(path), path=str(path), options=options)
    if suffix in JSONL_SUFFIXES:
        from .jsonl import parse_jsonl

        return parse_jsonl(read_bytes(path, max_bytes=200 * 1024 * 1024), path=str(path), options=options)
    if suffix in URL_LIST_SUFFIXES:
        from .urls import parse_url_list

        return parse_url_list(read_bytes(path), path=str(path), options=options)
    raise InputError(
        f"unsupported file type {suffix or '(none)'!r}: briefgen reads .txt and .md articles, "
        ".html pages, .rss/.atom/.xml feeds, .jsonl exports and .urls lists"
    )


def read_urls(urls: list[str], options: ReadOptions | None = None) -> Batch:
    """Web pages or feeds by URL -> Batch; every URL that fails is a Failure."""
    from .urls import read_urls as _read_urls

    return _read_urls(urls, options or ReadOptions())
