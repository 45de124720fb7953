"""Stemmed content words per sentence -> TextRank scores (Mihalcea & Tarau 2004), vectorised.

Same graph as sumy 0.13: edge(i, j) = shared word occurrences / (log|i| + log|j|)
(self-loops included, as in sumy), rows normalised, damping 0.85 with the
teleport term divided by n, power iteration from the uniform vector until the
L1-free Euclidean change is below 1e-4. The n x n product is built in row
blocks and kept sparse, so memory is bounded by the number of edges. Up to
DENSE_MAX sentences the walk runs on the dense matrix with sumy's own numpy
operations, so scores that tie in theory come out in sumy's rounding order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from briefgen.summarize._matrix import counts, dense_counts, entries, log_lengths, pair_sums, row_blocks

if TYPE_CHECKING:
    from scipy import sparse

DAMPING = 0.85
EPSILON = 1e-4
_ZERO_DIVISION_PREVENTION = 1e-7  # sumy's guard for sentences without edges
DENSE_MAX = 2000  # an n x n float matrix: 32 MB at the cap
DENSE_COUNTS_MAX = 400  # sentences x words as a dense array: a few MB at the cap


def overlap_graph(tokens: Sequence[Sequence[str]], *, single_word_edges: bool) -> sparse.csr_matrix:
    """Edge weights shared by TextRank and Reduction: overlap / (log|i| + log|j|).

    ``single_word_edges``: TextRank keeps an edge of weight ``overlap`` between
    two one-word sentences (log norm 0); Reduction drops it.
    """
    from scipy import sparse  # lazy: only texts beyond DENSE_MAX sentences need it

    c, _ = counts(tokens)
    n = c.shape[0]
    lengths = np.asarray([len(t) for t in tokens], dtype=np.float64)
    logs = log_lengths(lengths)
    ct = c.T.tocsr()
    blocks = []
    for rows in row_blocks(n):
        ov = (c[rows] @ ct).toarray()
        norm = logs[rows][:, None] + logs[None, :]
        tiny = np.isclose(norm, 0.0) if single_word_edges else norm == 0.0
        with np.errstate(divide="ignore", invalid="ignore"):
            w = np.where(tiny, ov if single_word_edges else 0.0, ov / np.where(tiny, 1.0, norm))
        w[ov == 0] = 0.0
        blocks.append(sparse.csr_matrix(w))
    return sparse.vstack(blocks, format="csr") if blocks else sparse.csr_matrix((0, 0))


def overlap(tokens: Sequence[Sequence[str]], dense: np.ndarray | None = None) -> np.ndarray:
    """Shared word occurrences of every pair of sentences (dense, exact integers): the one
    graph TextRank and Reduction both weigh, computed once per article (up to DENSE_MAX).
    ``dense``: the article's ``_matrix.dense_counts(tokens)`` when the caller has it."""
    if dense is not None or len(tokens) <= DENSE_COUNTS_MAX:
        c = dense_counts(tokens) if dense is None else dense
        return c @ c.T
    # a dense sentence x word array would outgrow the n x n one: sum over shared words
    rows, cols, data, _ = entries(tokens)
    return pair_sums(rows, cols, data, len(tokens))


def dense_weights(ov: np.ndarray, tokens: Sequence[Sequence[str]], *,
                  single_word_edges: bool) -> np.ndarray:
    """``overlap_graph`` as a dense array, from the ``overlap`` counts: the same values."""
    logs = log_lengths(np.asarray([len(t) for t in tokens], dtype=np.float64))
    norm = logs[:, None] + logs[None, :]
    tiny = np.isclose(norm, 0.0) if single_word_edges else norm == 0.0
    with np.errstate(divide="ignore", invalid="ignore"):
        w = np.where(tiny, ov if single_word_edges else 0.0, ov / np.where(tiny, 1.0, norm))
    w[ov == 0] = 0.0
    return w


def rate(tokens: Sequence[Sequence[str]], damping: float = DAMPING,
         epsilon: float = EPSILON, ov: np.ndarray | None = None) -> np.ndarray:
    """``ov``: the article's ``overlap`` when the caller has it already (the editor)."""
    n = len(tokens)
    if n == 0:
        return np.zeros(0)
    if n <= DENSE_MAX:
        ov = overlap(tokens) if ov is None else ov
        return _rate_dense(dense_weights(ov, tokens, single_word_edges=True), damping, epsilon)
    from scipy import sparse  # lazy, as in overlap_graph

    w = overlap_graph(tokens, single_word_edges=True)
    rowsum = np.asarray(w.sum(axis=1)).ravel() + _ZERO_DIVISION_PREVENTION
    w = sparse.diags(1.0 / rowsum) @ w
    wt = (damping * w).T.tocsr()
    teleport = (1.0 - damping) / n
    p = np.full(n, 1.0 / n)
    while True:
        nxt = teleport * p.sum() + wt @ p
        change = np.linalg.norm(nxt - p)
        p = nxt
        if not change > epsilon:
            return p


def _rate_dense(weights: np.ndarray, damping: float, epsilon: float) -> np.ndarray:
    """sumy's TextRank power method on the same values, operation for operation."""
    n = len(weights)
    weights /= weights.sum(axis=1)[:, np.newaxis] + _ZERO_DIVISION_PREVENTION
    matrix = np.full((n, n), (1.0 - damping) / n) + damping * weights
    p = np.full(n, 1.0 / n)
    while True:
        nxt = np.dot(matrix.T, p)
        change = np.linalg.norm(np.subtract(nxt, p))
        p = nxt
        if not change > epsilon:
            return p
