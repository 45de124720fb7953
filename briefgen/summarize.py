"""Sentences of one article -> its summary: chosen sentences in document order, with scores.

``summarize(sentences, algorithm=..., count=/words=/ratio=, title=, engine=)``
returns ``SummarySentence`` tuples. Every name in ``ALGORITHMS`` works with
both engines: ``engine="sumy"`` runs the real sumy 0.13 classes offline (the
reference), ``engine="fast"`` runs briefgen's vectorised implementations
(``briefgen.summarizers``) where one exists and sumy otherwise.

Scores: every algorithm's own rating is rescaled to [0, 1] over the article
(1 = the article's best sentence, 0 = its worst; all 1 when every sentence
ties), so higher always means more important and scores are comparable
between algorithms only in their order, not their size.

Budgets are described in ``briefgen.summarizers.budget`` (the word budget is a
hard cap, except that a non-empty article always gets its best sentence).
The function never raises on odd input (empty, blank or duplicate sentences,
negative budgets); only an unknown algorithm or engine name raises
``UnknownAlgorithm``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from .errors import UnknownAlgorithm
from .model import Sentence, SummarySentence
from .summarizers import budget as _budget

SUMY_ALGORITHMS: tuple[str, ...] = (
    "lexrank", "lsa", "textrank", "luhn", "edmundson", "kl", "sumbasic", "reduction", "random",
)
ALGORITHMS: tuple[str, ...] = SUMY_ALGORITHMS + ("lead",)
DEFAULT_ALGORITHM: str = "lead"
ENGINES: tuple[str, ...] = ("fast", "sumy")

Rater = Callable[[Sequence[str], Sequence[int], "str | None"], tuple[list[float], list[int]]]


def _check(algorithm: str | None, engine: str) -> str:
    name = (algorithm or DEFAULT_ALGORITHM).strip().lower()
    if name not in ALGORITHMS:
        raise UnknownAlgorithm(
            f"unknown summarizer {algorithm!r}; choose one of: {', '.join(ALGORITHMS)}"
        )
    if engine not in ENGINES:
        raise UnknownAlgorithm(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    return name


def _rate_lead(texts: Sequence[str], paragraphs: Sequence[int], title: str | None):
    n = len(texts)
    return [float(n - i) for i in range(n)], list(range(n))


def rate(texts: Sequence[str], paragraphs: Sequence[int], *, algorithm: str,
         title: str | None = None, engine: str = "fast") -> tuple[list[float], list[int]]:
    """Raw scores (document order) and ranking (best first) of non-empty sentence texts."""
    name = _check(algorithm, engine)
    if not texts:
        return [], []
    if name == "lead":
        return _rate_lead(texts, paragraphs, title)
    from .summarizers import sumy_engine

    return sumy_engine.rate(name, texts, paragraphs, title)


def _rescale(scores: Sequence[float]) -> list[float]:
    lo, hi = min(scores), max(scores)
    if not hi > lo:  # also catches NaN
        return [1.0] * len(scores)
    return [round((s - lo) / (hi - lo), 6) for s in scores]


def summarize(sentences: Sequence[Sentence], *, algorithm: str | None = None,
              count: int | None = None, words: int | None = None, ratio: float | None = None,
              title: str | None = None, engine: str = "fast") -> tuple[SummarySentence, ...]:
    """Choose the summary sentences of one article; see the module docstring."""
    name = _check(algorithm, engine)
    kept = [s for s in sentences if s.text and s.text.strip()]
    if not kept:
        return ()
    texts = [" ".join(s.text.split()) for s in kept]
    paragraphs = [s.paragraph for s in kept]
    raw, ranking = rate(texts, paragraphs, algorithm=name, title=title, engine=engine)
    lengths = [_budget.word_count(t) for t in texts]
    chosen = _budget.select(ranking, lengths, count=count, words=words, ratio=ratio)
    scores = _rescale(raw)
    return tuple(SummarySentence(kept[i].index, kept[i].text, scores[i]) for i in chosen)
