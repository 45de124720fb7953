"""A ranking of sentences + a length budget -> the chosen sentence positions.

Budgets: ``count`` sentences, ``words`` words, ``ratio`` share of sentences;
any combination applies at once (the tightest wins). Without any budget a
summary has ``DEFAULT_COUNT`` sentences. Words are counted as
whitespace-separated tokens of the sentence text, the way a reader or a word
processor counts them.

The word budget is a hard cap with one exception, chosen so a brief never
shows an empty summary for a real article: when not even the best-ranked
sentence fits, that sentence is returned alone.

``summary_input`` caps the sentences a summary is chosen from.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TypeVar

T = TypeVar("T")

DEFAULT_COUNT = 3


def word_count(text: str) -> int:
    return len(text.split())


def max_sentences(n: int, count: int | None, ratio: float | None) -> int:
    """How many sentences the count/ratio budgets allow out of ``n``."""
    limits = [n]
    if count is not None:
        limits.append(max(0, int(count)))
    if ratio is not None:
        r = float(ratio)
        if math.isnan(r):
            r = 0.0
        r = min(max(r, 0.0), 1.0)
        # at least one sentence for a positive ratio, like sumy's "N%" counts
        limits.append(max(1, round(r * n)) if r > 0 else 0)
    return min(limits)


def limits(n: int, *, count: int | None = None, words: int | None = None,
           ratio: float | None = None) -> tuple[int, int | None]:
    """(most sentences allowed, word budget or None) for an article of ``n`` sentences."""
    if count is None and words is None and ratio is None:
        count = DEFAULT_COUNT
    return max_sentences(n, count, ratio), (None if words is None else max(0, int(words)))


def select(ranking: Iterable[int], lengths: Sequence[int], *, count: int | None = None,
           words: int | None = None, ratio: float | None = None) -> list[int]:
    """Walk ``ranking`` (best first) and keep what fits; returns positions in document order."""
    limit, budget = limits(len(lengths), count=count, words=words, ratio=ratio)
    chosen: list[int] = []
    used = 0
    first = None
    for i in ranking:
        if len(chosen) >= limit:
            break
        if first is None:
            first = i
        if budget is not None and used + lengths[i] > budget:
            continue  # a shorter, lower-ranked sentence may still fit
        chosen.append(i)
        used += lengths[i]
    if not chosen and first is not None and limit > 0 and (budget is None or budget > 0):
        chosen = [first]
    return sorted(chosen)


# The graph summarizers are quadratic in the sentence count: a 5,000-sentence dump
# took ~20 s per summary. News puts its substance up front, so the summary is
# chosen from the first sentences only; a prefix keeps every index valid.
SUMMARY_INPUT_LIMIT = 400


def summary_input(sentences: Sequence[T]) -> Sequence[T]:
    """The sentences a summary is chosen from: at most SUMMARY_INPUT_LIMIT, from the start."""
    return sentences[:SUMMARY_INPUT_LIMIT]
