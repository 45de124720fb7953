"""Docs + their clusters -> why each article joined its story, and why a lone article stayed
alone (``briefgen group --explain``).

For a story of several articles: each article's strongest link inside the story (a maximum
spanning tree over the pair scores), with the evidence behind it. For an article alone: its
closest article elsewhere and what was missing. The numbers are those the grouper used
(``linkage``): the batch-relative score against the threshold, the English-weighted cosine
against ``GroupingOptions.evidence``, the days apart, and the specific names and words the
two share, rarest first; the cluster merge pass (``drift``) may also join clusters whose
articles are not directly linked, which shows as a link below the threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from briefgen.stories import background
from briefgen.stories.doc import Doc, GroupingOptions
from briefgen.stories.features import _WORD, name_terms, opening, vectors, word_terms
from briefgen.stories.linkage import _background, _score
from briefgen.stories.timing import ordinal, time_factor

SHOWN_TERMS = 6


@dataclass(frozen=True)
class Link:
    """The evidence between two articles (indices into the docs)."""

    article: int
    other: int
    score: float  # batch-relative score (linkage._score), compared with ``threshold``
    threshold: float
    evidence: float  # English-weighted cosine, compared with ``evidence_needed``
    evidence_needed: float
    days_apart: float | None  # None: either is undated
    shared_names: tuple[str, ...]
    shared_words: tuple[str, ...]
    copy: bool  # near-duplicate texts: always one story

    @property
    def strong_enough(self) -> bool:
        return self.copy or (self.score >= self.threshold and self.evidence >= self.evidence_needed)


def explain(docs: Sequence[Doc], clusters: Sequence[Sequence[int]], options: GroupingOptions = GroupingOptions(),
            duplicates: Sequence[tuple[int, int]] = ()) -> dict[int, list[Link]]:
    """Cluster number -> its links (see the module docstring)."""
    if not docs:
        return {}
    x = vectors(docs, options)
    xe = vectors(docs, options, english=True)
    days = np.asarray([ordinal(d.published) for d in docs], dtype=float)
    mean, sd = _background(x, days, options)
    near = time_factor(days[:, None] - days[None, :], options)
    plain = time_factor(days[:, None] - days[None, :], replace(options, near_boost=0.0))
    sim = (x @ x.T).toarray() * near
    score = _score(sim, mean[:, None], sd[:, None], mean[None, :], sd[None, :], options)
    evidence = (xe @ xe.T).toarray() * plain
    copies = {frozenset(p) for p in duplicates}

    def link(i: int, j: int) -> Link:
        gap = abs(days[i] - days[j])
        known = docs[i].date_known and docs[j].date_known and not np.isnan(gap)
        return Link(i, j, float(score[i, j]), options.threshold, float(evidence[i, j]), options.evidence,
                    float(gap) if known else None, _shared_names(docs[i], docs[j]), _shared_words(docs[i], docs[j]),
                    frozenset((i, j)) in copies)

    out: dict[int, list[Link]] = {}
    for k, members in enumerate(clusters):
        if len(members) > 1:
            out[k] = [link(i, j) for i, j in _spanning_links(list(members), score)]
        elif len(docs) > 1:
            i = members[0]
            row = np.where(np.arange(len(docs)) == i, -np.inf, score[i])
            out[k] = [link(i, int(np.argmax(row)))]
        else:
            out[k] = []
    return out


def _spanning_links(members: list[int], score: np.ndarray) -> list[tuple[int, int]]:
    """Prim's maximum spanning tree: each article joined to the story by its strongest link."""
    inside = [members[0]]
    rest = set(members[1:])
    links = []
    while rest:
        i, j = max(((a, b) for a in rest for b in inside), key=lambda ab: score[ab[0], ab[1]])
        links.append((i, j))
        inside.append(i)
        rest.remove(i)
    return links


def _rarest(terms: set[str], stemmed: bool) -> tuple[str, ...]:
    ranked = sorted(terms, key=lambda t: (-background.english_idf(t, stemmed), t))
    return tuple(ranked[:SHOWN_TERMS])


def _shared_names(a: Doc, b: Doc) -> tuple[str, ...]:
    def names(d: Doc) -> set[str]:
        return set(name_terms((d.title or "") + "\n" + opening(d.text or "", 0), d.names))

    return _rarest(names(a) & names(b), stemmed=False)


def _shared_words(a: Doc, b: Doc) -> tuple[str, ...]:
    """The rarest content words both use, as the first article writes them (not as stems)."""
    text = f"{a.title}\n{a.text}"
    surface: dict[str, str] = {}
    for word in _WORD.findall(text):
        for term in word_terms(word):
            surface.setdefault(term, word.lower())
    shared = set(word_terms(text)) & set(word_terms(f"{b.title}\n{b.text}"))
    return tuple(surface.get(t, t) for t in _rarest(shared, stemmed=True))
