"""Stemmed content words per sentence -> LSA sentence scores (Steinberger & Ježek 2004).

Published method (``compat=False``): augmented term frequency
(0.4 + 0.6 * tf / max tf for the terms a sentence contains), a truncated SVD
that keeps the dimensions whose singular value is at least half the largest
(never fewer than MIN_DIMENSIONS), and score = length of the sentence's
vector in that space weighted by the singular values.

sumy 0.13 (``compat=True``): its reduction ratio of 1 keeps every dimension,
so the SVD is a no-op and the score is just the column norm of the smoothed
matrix, in which *absent* terms also get 0.4; it mostly rewards long
sentences. That norm is computed here in O(non-zeros), without any SVD.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
from scipy import sparse

from briefgen.summarize._matrix import counts

SMOOTH = 0.4
MIN_DIMENSIONS = 3


def _augmented(c: sparse.csr_matrix) -> sparse.csr_matrix:
    rowmax = c.max(axis=1).toarray().ravel()
    rowmax[rowmax == 0] = 1.0
    f = (sparse.diags(1.0 / rowmax) @ c).tocsr()
    f.data = SMOOTH + (1.0 - SMOOTH) * f.data
    return f


def rate(tokens: Sequence[Sequence[str]], vocabulary: Sequence[Sequence[str]] | None = None,
         compat: bool = False) -> np.ndarray:
    n = len(tokens)
    if n == 0:
        return np.zeros(0)
    if compat:
        return _rate_sumy(tokens, vocabulary)
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


def _rate_sumy(tokens: Sequence[Sequence[str]], vocabulary: Sequence[Sequence[str]] | None):
    # sumy's dictionary comes from the document's content stems; a sentence's
    # column counts every one of its stems that is in the dictionary.
    c, vocab = counts(tokens)
    n_terms = len(vocab) if vocab else 0
    if n_terms == 0:
        return np.zeros(len(tokens))
    rowmax = c.max(axis=1).toarray().ravel()
    f = c.multiply(1.0 / np.where(rowmax == 0, 1.0, rowmax)[:, None]).tocsr()
    # sum over all terms of (0.4 + 0.6 f)^2 = V*0.16 + 0.48*sum f + 0.36*sum f^2
    s1 = np.asarray(f.sum(axis=1)).ravel()
    s2 = np.asarray(f.multiply(f).sum(axis=1)).ravel()
    sq = n_terms * SMOOTH**2 + 2 * SMOOTH * (1 - SMOOTH) * s1 + (1 - SMOOTH) ** 2 * s2
    return np.where(rowmax > 0, np.sqrt(sq), 0.0)
