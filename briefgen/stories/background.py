"""Term -> how specific it is (IDF), from English at large and the day's own counts.

Whether two articles tell one story must mean the same in a two-article inbox and a
20,000-article day. An IDF taken from the inbox alone cannot do that: in a two-article
inbox every shared word is "in half the documents", so "year" and "cricket" weigh the
same and any overlap looks strong. Each term's document frequency is therefore the larger
of two estimates: its frequency in English (``background.tsv.gz``, built by
``bench/build_background.py``), turned into the chance that a news article of
``ARTICLE_WORDS`` content words holds it, and its share of the day's other articles, shrunk
by ``DAY_PRIOR`` pseudo-articles so that only a big day can lower a term's weight (a word
in a third of 5,000 articles is today's common vocabulary, whatever English at large says).
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from briefgen.data import background_zipf
from briefgen.summarize._text import stem

ARTICLE_WORDS = 400  # content words of a typical news article
DAY_PRIOR = 1000.0  # pseudo-articles of the day's own counts; a small inbox cannot move an IDF
UNSEEN_ZIPF = 1.5  # stems rarer than the table's floor (names, coinages) count as this rare
NUMBER_ZIPF = 4.5  # numbers: the table has none; "2008" or "15" is about as common as "cricket"
MAX_IDF = 9.0




def zipf(term: str, stemmed: bool = True) -> float:
    """How common ``term`` is in English: log10 of its occurrences per billion words."""
    if term[:1].isdigit():
        return NUMBER_ZIPF
    return background_zipf().get(term if stemmed else stem(term.lower()), UNSEEN_ZIPF)


def _document_share(z: float) -> float:
    return -math.expm1(-ARTICLE_WORDS * 10.0 ** (z - 9.0))


@lru_cache(maxsize=400_000)
def english_idf(term: str, stemmed: bool = True) -> float:
    return min(MAX_IDF, -math.log(_document_share(zipf(term, stemmed))))


def idf(terms: list[str], day_df: np.ndarray, day_size: int, stemmed: bool = True) -> np.ndarray:
    """IDF of each of ``terms`` given its count in the day's ``day_size`` articles."""
    english = np.fromiter((english_idf(t, stemmed) for t in terms), float, len(terms))
    share = np.maximum(day_df - 1.0, 0.0) / (max(day_size - 1, 0) + DAY_PRIOR)
    day = -np.log(np.maximum(share, 1e-12))
    return np.minimum(english, day)
