"""How common a word is in English at large: the word-frequency table the story grouper
uses (``briefgen/data/background.tsv.gz``, zipf per Snowball stem), read here as data.

A capitalised run made only of everyday words ("Trading System", "Daily Variety") is
no person's name, however much it is written like one.
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from importlib import resources

import snowballstemmer

# log10 occurrences per billion words; "system", "orange", "daily" are above it, most
# surnames and given names of other languages below.
COMMON_ZIPF = 4.0


@cache
def _table() -> dict[str, float]:
    raw = resources.files("briefgen.data").joinpath("background.tsv.gz").read_bytes()
    table: dict[str, float] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            term, _, z = line.partition("\t")
            table[term] = float(z)
    return table


@cache
def _stem() -> snowballstemmer.stemmer:
    return snowballstemmer.EnglishStemmer()


@lru_cache(maxsize=50_000)
def is_common_word(word: str) -> bool:
    """Is ``word`` (any case) an everyday English word? Words with digits or of one letter are not."""
    w = word.lower().strip(".,'’")
    if len(w) < 2 or not w.isalpha():
        return False
    return _table().get(_stem().stemWord(w), 0.0) >= COMMON_ZIPF
