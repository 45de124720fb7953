"""Sentences -> summaries: a registry of summarizers by name, one small module per algorithm.

``summarize(sentences, algorithm=..., count=/words=/ratio=, title=, engine=)``
(``single``) returns ``SummarySentence`` tuples for one article;
``summarize_many`` (``multi``) summarizes the articles of one story together.
Every name in ``ALGORITHMS`` (``registry``) works with both engines:
``engine="sumy"`` runs the real sumy 0.13 classes offline (the reference,
``sumy_engine``), ``engine="fast"`` runs briefgen's vectorised implementations
(``fast``: lexrank, lsa, textrank, luhn, kl, sumbasic, reduction, edmundson) where
one exists and sumy otherwise (random), and ``engine="compat"`` runs the same
vectorised engines in sumy's own variant: where sumy 0.13 departs from the
published method (LSA keeps every SVD dimension, so it scores a smoothed column
norm that rewards length; KL normalises its words inconsistently and sums only
some of them; SumBasic picks over all sentences and squares a repeated word's
probability once per occurrence) "fast" follows the paper and "compat" follows sumy, ranking as sumy does (the same
top-3 on all 491 BBC dev articles, ``bench/bench_summarizers.py --compat 3``).
``editor`` is briefgen's own default.

Scores: every algorithm's own rating is rescaled to [0, 1] over the article
(1 = the article's best sentence, 0 = its worst; all 1 when every sentence
ties), so higher always means more important and scores are comparable
between algorithms only in their order, not their size.

Budgets are described in ``briefgen.summarize.budget`` (the word budget is a
hard cap, except that a non-empty article always gets its best sentence).
The function never raises on odd input (empty, blank or duplicate sentences,
negative budgets); only an unknown algorithm or engine name raises
``UnknownAlgorithm``. Importing this package loads no numpy, scipy or sumy.
"""

from __future__ import annotations

from briefgen.summarize.budget import SUMMARY_INPUT_LIMIT, summary_input
from briefgen.summarize.multi import SourcedSentence, summarize_many
from briefgen.summarize.registry import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    ENGINES,
    FAST_ALGORITHMS,
    SUMY_ALGORITHMS,
    Rater,
    rate,
)
from briefgen.summarize.single import summarize

__all__ = [
    "ALGORITHMS", "DEFAULT_ALGORITHM", "ENGINES", "FAST_ALGORITHMS", "SUMY_ALGORITHMS",
    "SUMMARY_INPUT_LIMIT", "Rater", "SourcedSentence", "rate", "summarize", "summarize_many",
    "summary_input",
]
