"""Plain, immutable data passed between the stages.

Article (ingest) -> Sentence spans (segment) -> Summary, Quote, Participant
(summarize, quotes, participants) -> Digest (one analysed article) -> BriefStory
(one item of a brief: an article, or a story told by several, with what the story
memory says of it) -> Brief (what a template receives). Offsets are always character offsets into
``Article.text`` so every stage can point back at the exact words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

Kind = Literal["person", "organization", "place"]


@dataclass(frozen=True)
class Article:
    path: str
    title: str
    text: str
    source: str | None = None
    url: str | None = None
    published: datetime | date | None = None
    author: str | None = None
    language: str = "en"
    tags: tuple[str, ...] = ()
    encoding: str = "utf-8"
    priority: int = 0  # from the declared source ([[sources]] priority); ranking may prefer higher


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class SummarySentence:
    index: int  # index into the article's sentences
    text: str
    score: float


@dataclass(frozen=True)
class Quote:
    text: str  # the quoted words, without the quote marks
    start: int
    end: int
    speaker: str | None  # canonical participant name; None when unsure
    speaker_mention: str | None  # the words in the text that name the speaker ("He")
    cue: str | None  # the speech verb or phrase ("said", "according to")
    rule: str = ""  # which attribution rule fired, for debugging and evaluation
    confidence: float = 0.0
    # The article whose text start/end point into, set when a story merges the quotes of
    # several articles; None: the digest's own article.
    path: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Participant:
    name: str
    kind: Kind
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: int = 1
    # Names of the evidence rows that decided the kind and role (extract.participants);
    # shown only under --explain, never in the normal JSON.
    evidence: tuple[str, ...] = field(default=(), compare=False)
    # The article the entry (and its role) was taken from, set when a story merges the
    # participants of several articles; None: the digest's own article.
    path: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Digest:
    """Everything briefgen learned from one article; computed once, shared by audiences."""

    article: Article
    sentences: tuple[Sentence, ...]
    summary: tuple[SummarySentence, ...]
    quotes: tuple[Quote, ...]
    participants: tuple[Participant, ...]
    algorithm: str = ""

    def participant(self, name: str | None) -> Participant | None:
        for p in self.participants:
            if p.name == name:
                return p
        return None


@dataclass(frozen=True)
class Failure:
    """An input that could not be used, with a one-line reason for the appendix and the log."""

    path: str
    reason: str


Label = Literal["new", "updated", "continuing"]


@dataclass(frozen=True)
class StoryLine:
    """One sentence of a brief item's summary, from article ``path`` (a story's summary
    draws on several of its articles)."""

    text: str
    path: str
    index: int  # sentence index in that article
    score: float
    new: bool = False  # a fact no earlier brief of this story said


@dataclass(frozen=True)
class OutletLink:
    """An article of a story as the brief lists it."""

    source: str  # the outlet; the article's title when its source is unknown
    url: str | None  # http(s) only, safe for href; else None
    title: str
    path: str | None = None  # the input article, resolved by BriefStory.source for provenance


@dataclass(frozen=True)
class NewsValue:
    """Why a story ranks where it does, part by part (``briefgen.stories.value``)."""

    breadth: float = 0.0
    recency: float = 0.0
    consequence: float = 0.0
    office: float = 0.0
    novelty: float = 0.0
    priority: float = 0.0

    @property
    def total(self) -> float:
        return self.breadth + self.recency + self.consequence + self.office + self.novelty + self.priority

    def parts(self) -> dict[str, float]:
        return {k: round(getattr(self, k), 3) for k in
                ("breadth", "recency", "consequence", "office", "novelty", "priority")}


@dataclass(frozen=True)
class StoryMemory:
    """What the story memory says of one brief item (build --stories)."""

    id: str  # stable across days
    label: Label
    outlets: tuple[OutletLink, ...]  # one per outlet, linking its first article that has a URL
    articles: tuple[OutletLink, ...]  # every article of the story, copies included
    new_facts: tuple[str, ...]  # summary sentences no earlier brief of the story said
    first_seen: date | None
    lead_sentence: str  # the summary's most relevant sentence (its line in Today in brief)
    importance: float  # the news value's total (``value``)
    value: NewsValue = NewsValue()

    @property
    def outlet_count(self) -> int:
        return len(self.outlets)


@dataclass(frozen=True)
class BriefStory:
    """One item of a brief: an article, or a story several outlets told (``memory`` set)."""

    lead: Digest  # the lead article, as analysed
    summary: tuple[StoryLine, ...]
    quotes: tuple[Quote, ...]  # a story's: merged across its articles, each quote once
    participants: tuple[Participant, ...]  # likewise merged
    duplicates: tuple[tuple[str, ...], ...] = ()  # paths of texts that are copies of each other
    memory: StoryMemory | None = None
    # Every article of the item (a story's, copies included): what the paths on its summary
    # lines, quotes and participants resolve to. Empty: the lead article only.
    sources: tuple[Article, ...] = ()
    value: NewsValue | None = None  # a story's news value; None: ranked from the item itself

    @classmethod
    def of(cls, digest: Digest) -> BriefStory:
        """One article as a brief item, with the digest's own summary."""
        return cls(
            lead=digest,
            summary=tuple(StoryLine(s.text, digest.article.path, s.index, s.score) for s in digest.summary),
            quotes=digest.quotes,
            participants=digest.participants,
        )

    @property
    def article(self) -> Article:
        return self.lead.article

    def source(self, path: str | None) -> Article | None:
        """The article a line, quote or participant came from (None: the lead article's own);
        None when the path is not one of the item's articles."""
        if path is None or path == self.article.path:
            return self.article
        return next((a for a in self.sources if a.path == path), None)

    def participant(self, name: str | None) -> Participant | None:
        for p in self.participants:
            if p.name == name:
                return p
        return None


@dataclass(frozen=True)
class TodayLine:
    """One story in "Today in brief"."""

    headline: str
    sentence: str
    label: Label
    outlet_count: int


@dataclass(frozen=True)
class WhoEntry:
    """One person in "Who's who": across the brief's stories."""

    name: str
    role: str | None
    stories: tuple[str, ...]  # headlines of the stories they appear in
    said: tuple[str, ...]  # at most two of their quotes
    mentions: int


@dataclass(frozen=True)
class BriefMemory:
    """The brief-level story memory (build --stories), of exactly the stories shown."""

    today: tuple[TodayLine, ...]
    whos_who: tuple[WhoEntry, ...]


@dataclass(frozen=True)
class Brief:
    """One audience's brief for one day: the whole template context."""

    date: date
    audience: str
    title: str
    stories: tuple[BriefStory, ...]
    failures: tuple[Failure, ...] = ()
    generated_by: str = "briefgen"
    available: int | None = None  # items that passed the audience's filters before max_stories
    memory: BriefMemory | None = None  # None: built without --stories
    author: str | None = None  # the PDF author; None: generated_by
    lang: str | None = None  # the document language; None: "en"
