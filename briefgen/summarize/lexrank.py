"""Stemmed content words per sentence -> LexRank scores (Erkan & Radev 2004, thresholded), vectorised.

As sumy 0.13: tf = count / the sentence's highest count, idf = log(n / (1 + df))
with each sentence a document, idf-modified cosine, edges where the cosine
exceeds 0.1, rows divided by their degree, power iteration with L2
normalisation until the change is at most 0.1. The cosine matrix is built in
row blocks and only the thresholded edges are kept. Up to DENSE_MAX sentences
the power iteration multiplies the dense matrix as sumy does (the same BLAS
call on the same values), so sentences whose scores tie in theory come out in
sumy's order, which its rounding decides; above that it stays sparse. Up to
DENSE_MAX the cosines need numpy only (``_matrix.pair_sums``): scipy is
imported for larger texts alone.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefgen.summarize._matrix import counts, dense_counts, entries, pair_sums, row_blocks
from briefgen.summarize.textrank import DENSE_COUNTS_MAX

THRESHOLD = 0.1
EPSILON = 0.1
DENSE_MAX = 2000  # an n x n float matrix: 32 MB at the cap


def rate(tokens: Sequence[Sequence[str]], threshold: float = THRESHOLD,
         epsilon: float = EPSILON, dense: np.ndarray | None = None) -> np.ndarray:
    """``dense``: the article's ``_matrix.dense_counts(tokens)`` when the caller has it."""
    n = len(tokens)
    if n == 0:
        return np.zeros(0)
    if n <= DENSE_COUNTS_MAX:
        return _power(_dense_adjacency(dense_counts(tokens) if dense is None else dense, threshold),
                      epsilon)
    if n <= DENSE_MAX:
        return _power(_pair_adjacency(tokens, threshold), epsilon)
    from scipy import sparse  # lazy: only texts beyond DENSE_MAX sentences need it

    c, _ = counts(tokens)
    rowmax = c.max(axis=1).toarray().ravel()
    rowmax[rowmax == 0] = 1.0
    tf = sparse.diags(1.0 / rowmax) @ c
    df = np.bincount(c.indices, minlength=c.shape[1])
    idf = np.log(n / (1.0 + df))
    x = (tf @ sparse.diags(idf)).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    inv = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    x = (sparse.diags(inv) @ x).tocsr()
    xt = x.T.tocsr()
    blocks = []
    for rows in row_blocks(n):
        sim = (x[rows] @ xt).toarray()
        blocks.append(sparse.csr_matrix((sim > threshold).astype(np.float64)))
    adj = sparse.vstack(blocks, format="csr")
    degree = np.asarray(adj.sum(axis=1)).ravel()
    degree[degree == 0] = 1.0
    return _iterate((sparse.diags(1.0 / degree) @ adj).T.tocsr(), n, epsilon)


def _dense_adjacency(c: np.ndarray, threshold: float) -> np.ndarray:
    """The thresholded cosine graph of an article's few dozen sentences, with dense arrays
    (a fraction of the sparse route's cost there); the same tf, idf and cosines."""
    n = c.shape[0]
    rowmax = c.max(axis=1)
    rowmax[rowmax == 0] = 1.0
    df = np.count_nonzero(c, axis=0)
    x = c * (1.0 / rowmax)[:, None] * np.log(n / (1.0 + df))[None, :]
    norms = np.sqrt((x * x).sum(axis=1))
    inv = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    x = x * inv[:, None]
    return (x @ x.T > threshold).astype(np.float64)


def _pair_adjacency(tokens: Sequence[Sequence[str]], threshold: float) -> np.ndarray:
    """The thresholded cosine graph from the count entries: the same tf, idf and
    normalisation as the sparse route, element by element, then the cosines of the
    pairs of sentences that share a term."""
    n = len(tokens)
    rows, cols, c, v = entries(tokens)
    rowmax = np.zeros(n)
    np.maximum.at(rowmax, rows, c)
    rowmax[rowmax == 0] = 1.0
    df = np.bincount(cols, minlength=v)
    x = (c * (1.0 / rowmax)[rows]) * np.log(n / (1.0 + df))[cols]
    norms = np.sqrt(np.bincount(rows, weights=x * x, minlength=n))
    inv = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    x = inv[rows] * x
    return (pair_sums(rows, cols, x, n) > threshold).astype(np.float64)


def _power(adj: np.ndarray, epsilon: float) -> np.ndarray:
    degree = adj.sum(axis=1)
    degree[degree == 0] = 1.0
    # sumy's matrix is C-ordered and multiplied through its transposed view
    return _iterate((adj / degree[:, None]).T, len(adj), epsilon)


def _iterate(mt, n: int, epsilon: float) -> np.ndarray:
    p = np.full(n, 1.0 / n)
    while True:
        nxt = mt @ p
        nrm = np.linalg.norm(nxt)
        if nrm == 0:
            return p
        nxt /= nrm
        change = np.linalg.norm(nxt - p)
        p = nxt
        if not change > epsilon:
            return p
