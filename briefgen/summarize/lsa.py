"""Stemmed content words per sentence -> LSA sentence scores (Steinberger & Ježek 2004).

Published method (``compat=False``): augmented term frequency
(0.4 + 0.6 * tf / max tf for the terms a sentence contains), a truncated SVD
that keeps the dimensions whose singular value is at least half the largest
(never fewer than MIN_DIMENSIONS), and score = length of the sentence's
vector in that space weighted by the singular values.

sumy 0.13 (``rate_sumy``): its reduction ratio of 1 keeps every dimension,
so the SVD is a no-op and the score is just the column norm of the smoothed
matrix, in which *absent* terms also get 0.4; it mostly rewards long
sentences. That norm is computed here in O(non-zeros), without any SVD.
Where two norms tie, sumy's order is decided by the SVD's rounding, which
depends on its dictionary's row order (a frozenset's, so on PYTHONHASHSEED):
then sumy's own computation is repeated step for step, which gives its
ranking under whatever seed this process runs with. That dense SVD is
skipped above EXACT_CELLS (terms x sentences; ~1 s at the cap, minutes at
5,000 sentences): there ties go in document order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from briefgen.summarize._matrix import counts

if TYPE_CHECKING:
    from scipy import sparse

SMOOTH = 0.4
MIN_DIMENSIONS = 3


def _augmented(c: sparse.csr_matrix) -> sparse.csr_matrix:
    from scipy import sparse  # lazy: importing fast (the editor's ranking) must not load scipy

    rowmax = c.max(axis=1).toarray().ravel()
    rowmax[rowmax == 0] = 1.0
    f = (sparse.diags(1.0 / rowmax) @ c).tocsr()
    f.data = SMOOTH + (1.0 - SMOOTH) * f.data
    return f


# norms closer than this (relative to the largest) may swap under the SVD's rounding
TIE = 1e-9
EXACT_CELLS = 4_000_000


def rate(tokens: Sequence[Sequence[str]]) -> np.ndarray:
    """Published LSA of each sentence's content stems."""
    n = len(tokens)
    if n == 0:
        return np.zeros(0)
    c, _ = counts(tokens)
    if c.nnz == 0:
        return np.zeros(n)
    a = _augmented(c)  # sentences x terms
    k_max = min(a.shape) - 1
    if k_max < 1:
        return np.sqrt(np.asarray(a.multiply(a).sum(axis=1)).ravel())
    # lazy: scipy.sparse.linalg loads scipy.linalg (~0.1 s), and only this branch needs it
    from scipy.sparse.linalg import svds

    k = min(k_max, max(MIN_DIMENSIONS, 1))
    # grow k until the smallest kept value is below half the largest
    while True:
        u, s, _vt = svds(a, k=k, random_state=0, solver="arpack",
                         v0=np.full(min(a.shape), 1.0 / np.sqrt(min(a.shape))))
        if s.min() < 0.5 * s.max() or k >= k_max:
            break
        k = min(k_max, k * 2)
    keep = s >= 0.5 * s.max()
    if keep.sum() < MIN_DIMENSIONS:
        keep = np.argsort(-s)[: min(MIN_DIMENSIONS, len(s))]
    return np.sqrt(((u[:, keep] * s[keep]) ** 2).sum(axis=1))


def rate_sumy(content: Sequence[Sequence[str]], stems: Sequence[Sequence[str]]) -> np.ndarray:
    """sumy 0.13's LSA scores; rank them exactly (no rounding to ties).

    ``content``: each sentence's stems of non-stop words (sumy's dictionary, in
    the order sumy inserts them); ``stems``: every word's stem (what sumy counts).
    """
    if not content:
        return np.zeros(0)
    dictionary = {w: i for i, w in enumerate(frozenset(w for ws in content for w in ws))}
    counted = [[w for w in ws if w in dictionary] for ws in stems]
    norms = _column_norms(counted, len(dictionary))
    ordered = np.sort(norms)
    if len(ordered) < 2 or np.all(np.diff(ordered) > TIE * max(ordered[-1], 1.0)) \
            or len(dictionary) * len(counted) > EXACT_CELLS:
        return norms
    return _sumy_svd(counted, dictionary)


def _sumy_svd(counted: Sequence[Sequence[str]], dictionary: dict[str, int]) -> np.ndarray:
    """sumy's LsaSummarizer step for step, vectorised where that keeps every rounding."""
    matrix = np.zeros((len(dictionary), len(counted)))
    for col, ws in enumerate(counted):
        for w in ws:
            matrix[dictionary[w], col] += 1
    peak = matrix.max(axis=0)
    has = peak != 0
    matrix[:, has] = SMOOTH + (1.0 - SMOOTH) * (matrix[:, has] / peak[has])
    _u, sigma, v = np.linalg.svd(matrix, full_matrices=False)
    # sumy squares numpy scalars (libm pow, which float_power calls; an array's **2
    # is a multiply that rounds differently in the last bit now and then), keeps
    # max(3, len(sigma)) dimensions, i.e. all, and sums s * v**2 left to right in
    # Python; cumsum adds in the same order
    powered = np.float_power(sigma, 2.0)
    return np.sqrt(np.cumsum(powered[:, None] * np.float_power(v, 2.0), axis=0)[-1])


def _column_norms(tokens: Sequence[Sequence[str]], n_terms: int) -> np.ndarray:
    # a sentence's column counts every one of its stems that is in the dictionary
    if n_terms == 0:
        return np.zeros(len(tokens))
    c, _ = counts(tokens)
    rowmax = c.max(axis=1).toarray().ravel()
    f = c.multiply(1.0 / np.where(rowmax == 0, 1.0, rowmax)[:, None]).tocsr()
    # sum over all terms of (0.4 + 0.6 f)^2 = V*0.16 + 0.48*sum f + 0.36*sum f^2
    s1 = np.asarray(f.sum(axis=1)).ravel()
    s2 = np.asarray(f.multiply(f).sum(axis=1)).ravel()
    sq = n_terms * SMOOTH**2 + 2 * SMOOTH * (1 - SMOOTH) * s1 + (1 - SMOOTH) ** 2 * s2
    return np.where(rowmax > 0, np.sqrt(sq), 0.0)
