"""Docs + their clusters -> why each article joined its story, and why a lone article stayed
alone (``briefgen group --explain``).

For a story of several articles: each article's strongest link inside the story (a maximum
spanning tree over the pair scores), with the evidence behind it. For an article alone: its
closest article elsewhere and what was missing. The numbers are those the grouper used
(``linkage``): the pair's score against the threshold (batch-relative, capped by the English
cosine, raised for a pair of overwhelming evidence in a small batch), the pair's absolute
evidence (its fitted log-odds of one story, ``evidence``) against the gate every story's
articles must be tied by (``linkage.gate_cut``; ``evidence_cut`` with the fitted cap on),
with what each part added or took away (shared headline, lead and body words, names,
places, numbers; a part both articles have but do not share counts against), the days
apart, the specific names and words the two share, rarest first, and the places and numbers
where they differ; the cluster merge pass (``drift``) may also join clusters whose articles
are not directly linked, which shows as a link below the threshold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from briefgen.stories import background
from briefgen.stories.doc import Doc, GroupingOptions
from briefgen.stories.evidence import FEATURES, PLACE_WORDS, number_terms, parts, place_terms, weights
from briefgen.stories.features import _WORD, name_terms, opening, terms_of, vectors, word_terms
from briefgen.stories.linkage import (
    EVIDENCE_COSINE,
    _absolute,
    _background,
    _score,
    _strong,
    gate_cut,
    strong_cut,
)
from briefgen.stories.timing import ordinal, time_factor

SHOWN_TERMS = 6


@dataclass(frozen=True)
class Link:
    """The evidence between two articles (indices into the docs)."""

    article: int
    other: int
    score: float  # the pair's score in the average link (see the module docstring), compared with ``threshold``
    threshold: float
    evidence: float  # absolute evidence (log-odds of one story), compared with ``evidence_needed``
    evidence_needed: float
    days_apart: float | None  # None: either is undated
    shared_names: tuple[str, ...]
    shared_words: tuple[str, ...]
    copy: bool  # near-duplicate texts: always one story
    # what each part of the evidence added (+) or took away (-), largest first ("headline 2.1")
    parts: tuple[tuple[str, float], ...] = ()
    # places and numbers one names and the other does not, when both name some (evidence against)
    differing: tuple[str, ...] = ()

    @property
    def strong_enough(self) -> bool:
        return self.copy or (self.score >= self.threshold and self.evidence >= self.evidence_needed)


# each feature's share of the evidence is shown under its part (a part's cosine, its root,
# and "both have it" / "nothing shared" add up)
PART_LABELS = {"title": "headline words", "sqrt_title": "headline words", "both_titled": "headline words",
               "titles_disjoint": "headline words", "lead": "lead words", "sqrt_lead": "lead words",
               "body": "text words", "sqrt_body": "text words", "rare": "rare words",
               "head_covered": "headline told in the other", "names": "names", "sqrt_names": "names",
               "names_covered": "names", "places": "places", "sqrt_places": "places", "both_placed": "places",
               "places_disjoint": "places", "numbers": "numbers", "sqrt_numbers": "numbers",
               "both_numbered": "numbers", "numbers_disjoint": "numbers"}


def explain(docs: Sequence[Doc], clusters: Sequence[Sequence[int]], options: GroupingOptions = GroupingOptions(),
            duplicates: Sequence[tuple[int, int]] = ()) -> dict[int, list[Link]]:
    """Cluster number -> its links (see the module docstring)."""
    if not docs:
        return {}
    terms = terms_of(docs, options)
    x = vectors(docs, options, terms=terms)
    xe = vectors(docs, options, english=True, terms=terms)
    days = np.asarray([ordinal(d.published) for d in docs], dtype=float)
    mean, sd = _background(x, days, options)
    near = time_factor(days[:, None] - days[None, :], options)
    plain = time_factor(days[:, None] - days[None, :], replace(options, near_boost=0.0))
    sim = (x @ x.T).toarray() * near
    score = _score(sim, mean[:, None], sd[:, None], mean[None, :], sd[None, :], options)
    pair_parts = parts(docs, days, options, terms.body)
    evidence = pair_parts.dense_logit(np.arange(len(docs)))
    if options.evidence_scale > 0:
        score = _absolute(score, evidence, options.threshold, options)
        needed = options.evidence_cut
    else:
        cosine = (xe @ xe.T).toarray() * plain
        score = _absolute(score, cosine, options.threshold, options)
        cut = strong_cut(len(docs), options)
        strong = cosine >= EVIDENCE_COSINE
        score = np.where(strong, np.maximum(score, _strong(evidence, options.threshold, cut)), score)
        needed = round(gate_cut(len(docs), options), 3)
    copies = {frozenset(p) for p in duplicates}

    def link(i: int, j: int) -> Link:
        gap = abs(days[i] - days[j])
        known = docs[i].date_known and docs[j].date_known and not np.isnan(gap)
        _, w = weights()
        f = pair_parts.features(np.asarray([i]), np.asarray([j]))
        shares: dict[str, float] = {}
        for k in FEATURES:
            shares[PART_LABELS[k]] = shares.get(PART_LABELS[k], 0.0) + float(w[k] * f[k][0])
        why = tuple(sorted(((p, round(v, 2)) for p, v in shares.items() if round(v, 2)), key=lambda s: -abs(s[1])))
        return Link(i, j, float(score[i, j]), options.threshold, float(evidence[i, j]), needed,
                    float(gap) if known else None, _shared_names(docs[i], docs[j]), _shared_words(docs[i], docs[j]),
                    frozenset((i, j)) in copies, why, _differing(docs[i], docs[j]))

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


def _differing(a: Doc, b: Doc) -> tuple[str, ...]:
    """"places: X / Y" and "numbers: 3 / 7" where both name some and the two differ."""
    out = []
    for label, find in (("places", place_terms), ("numbers", number_terms)):
        sa, sb = (set(find((d.title or "") + "\n" + opening(d.text or "", PLACE_WORDS))) for d in (a, b))
        if sa and sb and sa != sb:
            only_a, only_b = sorted(sa - sb)[:3], sorted(sb - sa)[:3]
            out.append(f"{label}: {', '.join(only_a) or '-'} / {', '.join(only_b) or '-'}")
    return tuple(out)


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
