"""What every reader returns (a Batch) and how it reads (ReadOptions)."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo

from briefgen.ingest.fetch import Fetcher, FetchOptions
from briefgen.model import Article, Failure


@dataclass
class Batch:
    articles: list[Article] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)

    def extend(self, other: Batch) -> None:
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
