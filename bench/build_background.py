"""Write briefgen/data/background.tsv.gz: how common each word stem is in English at large.

The grouper weighs the words two articles share by how rare they are in English, not in
the inbox alone: in a two-article inbox every shared word is "in half the documents", so an
inbox-only IDF cannot tell "said" from "cricket". The frequencies come from wordfreq
(https://github.com/rspeer/wordfreq, data CC BY-SA 4.0: Wikipedia, subtitles, news, books,
web text, Twitter, Reddit); the table holds only stems and numbers (facts), see
briefgen/data/README.md for the attribution. Needs wordfreq, which briefgen itself does not:

    pip install wordfreq && .venv/bin/python bench/build_background.py
"""

from __future__ import annotations

import gzip
import math
from collections import defaultdict
from pathlib import Path

import wordfreq

from briefgen.stories.features import word_terms  # not public: the grouper's own terms

OUT = Path(__file__).resolve().parents[1] / "briefgen" / "data" / "background.tsv.gz"
WORDS = 120_000  # the most frequent English words; rarer ones count as unseen (most specific)
FLOOR = 1.5  # Zipf value under which a stem is left out: about once in 30 million words


def main() -> None:
    total: dict[str, float] = defaultdict(float)
    for word in wordfreq.top_n_list("en", WORDS):
        terms = word_terms(word)
        if len(terms) == 1:  # one content word (not a stop word, not split)
            total[terms[0]] += wordfreq.word_frequency(word, "en")
    rows = sorted((t, math.log10(f) + 9) for t, f in total.items() if f > 0)
    rows = [(t, z) for t, z in rows if z >= FLOOR]
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as out:
        out.write(f"# stem\tzipf (log10 of occurrences per billion words); built by {Path(__file__).name}\n")
        for t, z in rows:
            out.write(f"{t}\t{z:.2f}\n")
    print(f"{len(rows)} stems -> {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
