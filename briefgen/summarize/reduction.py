"""Stemmed content words per sentence -> Reduction scores (sum of a sentence's edge weights), vectorised.

Same weights as sumy 0.13's ReductionSummarizer (after adamfabish/Reduction):
edge(i, j) = shared word occurrences / (log|i| + log|j|) for i != j, 0 when
the norm is 0; a sentence's score is the sum of its edges.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from briefgen.summarize.textrank import overlap_graph


def rate(tokens: Sequence[Sequence[str]]) -> np.ndarray:
    if not tokens:
        return np.zeros(0)
    w = overlap_graph(tokens, single_word_edges=False)
    return np.asarray(w.sum(axis=1)).ravel() - w.diagonal()
