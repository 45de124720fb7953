"""briefgen's data files; ``background_zipf`` reads the English word-frequency table once."""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources


@cache
def background_zipf() -> dict[str, float]:
    """Stem -> zipf (log10 occurrences per billion words) from ``background.tsv.gz``."""
    raw = resources.files("briefgen.data").joinpath("background.tsv.gz").read_bytes()
    table: dict[str, float] = {}
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            term, _, z = line.partition("\t")
            table[term] = float(z)
    return table
