"""Stemmed content words per sentence -> Reduction scores (sum of a sentence's edge weights), vectorised.

Same weights as sumy 0.13's ReductionSummarizer (after adamfabish/Reduction):
edge(i, j) = shared word occurrences / (log|i| + log|j|) for i != j, 0 when
the norm is 0; a sentence's score is the sum of its edges, added in
document order as sumy adds them (up to DENSE_MAX sentences; above, a sparse
row sum), so scores that tie in theory come out in sumy's rounding order.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefgen.summarize.textrank import DENSE_MAX, dense_weights, overlap, overlap_graph


def rate(tokens: Sequence[Sequence[str]], ov: np.ndarray | None = None) -> np.ndarray:
    """``ov``: the article's ``textrank.overlap`` when the caller has it already (the editor)."""
    if not tokens:
        return np.zeros(0)
    if len(tokens) <= DENSE_MAX:
        dense = dense_weights(overlap(tokens) if ov is None else ov, tokens, single_word_edges=False)
        np.fill_diagonal(dense, 0.0)
        # sumy adds each sentence's edges left to right from 0.0; adding 0.0 changes nothing
        return np.cumsum(dense, axis=1)[:, -1]
    w = overlap_graph(tokens, single_word_edges=False)
    return np.asarray(w.sum(axis=1)).ravel() - w.diagonal()
