"""Plain, immutable data passed between the stages.

Article (ingest) -> Sentence spans (segment) -> Summary, Quote, Participant
(summarize, quotes, participants) -> Digest (one analysed article) -> Brief
(what a template receives). Offsets are always character offsets into
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


@dataclass(frozen=True)
class Brief:
    """One audience's brief for one day: the whole template context."""

    date: date
    audience: str
    title: str
    digests: tuple[Digest, ...]
    failures: tuple[Failure, ...] = ()
    generated_by: str = "briefgen"
    extra: dict = field(default_factory=dict)
