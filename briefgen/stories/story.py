"""The Story record (one news event across outlets) and the content fingerprint that
identifies an article across days; made by ``assemble``, labelled by ``novelty``."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from briefgen.model import Digest, Label, NewsValue, Participant, Quote


@dataclass(frozen=True)
class Outlet:
    """One article of a story: who published it, where, under which title."""

    source: str
    url: str | None
    path: str
    title: str


@dataclass(frozen=True)
class SummaryLine:
    """One sentence of a story's summary."""

    text: str
    path: str  # the article the sentence came from
    index: int  # sentence index in that article
    new: bool = False  # a fact not in any earlier brief of this story


@dataclass(frozen=True)
class Story:
    """One news event across outlets: its distinct texts, summary, merged quotes and people."""

    id: str  # stable across days once the store has matched it
    digests: tuple[Digest, ...]  # one per distinct text, the lead article first
    members: tuple[Digest, ...] = ()  # every article of the story, copies included
    duplicates: tuple[tuple[str, ...], ...] = ()  # paths of texts that are copies of each other
    summary: tuple[SummaryLine, ...] = ()
    quotes: tuple[Quote, ...] = ()
    participants: tuple[Participant, ...] = ()
    outlets: tuple[Outlet, ...] = ()
    importance: float = 0.0  # value.total
    value: NewsValue = NewsValue()
    label: Label = "new"
    first_seen: date | None = None
    # the oldest and newest publication dates among its articles (None: none is dated)
    first_reported: date | None = None
    updated: date | None = None
    # the multi-document summary rated once per run (summarize.SourcedSentence, the most
    # relevant with the highest score); every audience's summary is cut from it. None: no
    # pool was made (StoryOptions.pool_sentences), each budget is summarised on its own
    pool: tuple | None = None
    signature: Mapping[str, float] | None = None  # term signature, matched against stored stories
    earlier: tuple[frozenset[str], ...] | None = None  # words of each sentence briefed on earlier days
    # summaries made for audiences whose settings the pool does not fit, by budget: shared by
    # every audience's view of the story (copies made with dataclasses.replace share it too)
    summaries: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def lead(self) -> Digest:
        return self.digests[0]

    @property
    def headline(self) -> str:
        return self.lead.article.title

    @property
    def paths(self) -> tuple[str, ...]:
        """Every input article of the story, copies included."""
        seen = dict.fromkeys(d.article.path for d in self.digests)
        for dup in self.duplicates:
            seen.update(dict.fromkeys(dup))
        return tuple(seen)

    @property
    def new_facts(self) -> tuple[SummaryLine, ...]:
        return tuple(s for s in self.summary if s.new)


def fingerprint(text: str) -> str:
    """Content fingerprint: identical after NFKC, case and whitespace folding."""
    norm = " ".join(unicodedata.normalize("NFKC", text).lower().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]
