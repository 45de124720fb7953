"""How common a word is in English at large: the word-frequency table the story grouper
uses (``briefgen/data/background.tsv.gz``, zipf per Snowball stem), read here as data.

A capitalised run made only of everyday words ("Trading System", "Daily Variety") is
no person's name, however much it is written like one.
"""

from __future__ import annotations

from functools import cache, lru_cache

import snowballstemmer

from briefgen.data import background_zipf

# log10 occurrences per billion words; "system", "orange", "daily" are above it, most
# surnames and given names of other languages below.
COMMON_ZIPF = 4.0


@cache
def _stem() -> snowballstemmer.stemmer:
    return snowballstemmer.EnglishStemmer()


@lru_cache(maxsize=50_000)
def is_common_word(word: str) -> bool:
    """Is ``word`` (any case) an everyday English word? Words with digits or of one letter are not."""
    w = word.lower().strip(".,'’")
    if len(w) < 2 or not w.isalpha():
        return False
    return background_zipf().get(_stem().stemWord(w), 0.0) >= COMMON_ZIPF
