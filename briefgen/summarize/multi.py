"""The articles of one story -> one summary over all of them, each sentence naming its article.

Relevance and redundancy are computed in ``briefgen.summarize.mmr`` (numpy, imported
on first use); this module pools the articles' sentences and orders the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.model import Sentence
from briefgen.summarize import budget as _budget
from briefgen.summarize.candidate import Candidate
from briefgen.summarize.registry import check, distinct, rate, rescale


@dataclass(frozen=True)
class SourcedSentence:
    """A summary sentence that remembers which article it came from."""

    document: str  # the reference the caller gave for the article (path, id, url)
    index: int  # index into that article's sentences
    text: str
    score: float  # relevance in [0, 1] across the whole set (1 = the best sentence)


def summarize_many(docs: Sequence[tuple[str, Sequence[Sentence]]], *, words: int | None = None,
                   count: int | None = None, ratio: float | None = None, title: str | None = None,
                   algorithm: str | None = None, engine: str = "fast",
                   diversity: float = 0.3) -> tuple[SourcedSentence, ...]:
    """One summary over several articles of a story, with MMR redundancy control.

    Relevance of a sentence = half its score inside its own article (``algorithm``,
    default the default summarizer, rescaled to [0, 1]) and half its cosine with
    the centroid of all the articles (what the sources agree on). Sentences are
    then picked by maximal marginal relevance (Carbonell & Goldstein 1998):
    ``(1 - diversity) * relevance - diversity * max cosine to what is chosen``,
    skipping near-duplicates, non-prose and dangling openers, until the budget
    (same rules as ``summarize``; ratio is a share of all sentences) is spent.
    Output: grouped by article, document order inside each; the article whose
    sentence was picked first (the most relevant) comes first, and so on.
    """
    from briefgen.summarize import mmr  # numpy and scipy: lazy

    name = check(algorithm, engine)
    items, own = _pool(docs, name, title, engine)
    if not items:
        return ()
    texts = [c.text for c in items]
    x, rel = mmr.relevance(texts, own)
    lengths = [_budget.word_count(t) for t in texts]
    limit, budget = _budget.limits(len(texts), count=count, words=words, ratio=ratio)
    ok = mmr.eligible(items)
    chosen = mmr.pick(items, x, rel, ok, lengths, limit, budget, diversity)
    if not chosen and budget != 0 and limit > 0:
        chosen = [mmr.best(rel, ok)]
    return _by_article(items, chosen, rescale(list(rel)))


def _pool(docs: Sequence[tuple[str, Sequence[Sentence]]], name: str, title: str | None,
          engine: str) -> tuple[list[Candidate], list[float]]:
    """Every distinct sentence of every article, and its score inside its own article."""
    items: list[Candidate] = []
    own: list[float] = []
    for d, (ref, sentences) in enumerate(docs):
        kept = distinct(sentences)
        if not kept:
            continue
        raw, _ = rate([k for _, k in kept], [s.paragraph for s, _ in kept], algorithm=name,
                      title=title, engine=engine)
        own.extend(rescale(raw))
        items.extend(Candidate(d, ref, s, k) for s, k in kept)
    return items, own


def _by_article(items: list[Candidate], chosen: list[int],
                scores: list[float]) -> tuple[SourcedSentence, ...]:
    """Each article's sentences together, in document order, the articles in the order
    their first sentence was picked: the most relevant article leads, so a reader
    (or a cut to fewer words) meets the best material first."""
    lead: dict[int, int] = {}
    for k, i in enumerate(chosen):
        lead.setdefault(items[i].doc, k)
    ordered = sorted(chosen, key=lambda i: (lead[items[i].doc], items[i].sentence.index))
    return tuple(SourcedSentence(items[i].ref, items[i].sentence.index, items[i].sentence.text,
                                 scores[i]) for i in ordered)
