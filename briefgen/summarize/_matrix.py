"""Token lists -> sentence x term counts, the shared input of the fast engines.

``counts`` builds a scipy CSR matrix (the large inputs, and the algorithms that
walk rows or columns); ``dense_counts`` and ``entries`` + ``pair_sums`` need
numpy only, so an article's graph (the default path) never imports scipy,
whose import costs more than ranking an article.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse


def counts(token_lists: Sequence[Sequence[str]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Row i counts how often each term occurs in sentence i (duplicates kept)."""
    from scipy import sparse  # lazy: ~0.14 s of imports, and the default path needs none

    vocab: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    for toks in token_lists:
        for t in toks:
            indices.append(vocab.setdefault(t, len(vocab)))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    m = sparse.csr_matrix((data, np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
                          shape=(len(token_lists), max(1, len(vocab))))
    m.sum_duplicates()  # CSR construction keeps repeated (row, col) pairs apart until summed
    return m, vocab


def entries(token_lists: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """``counts`` as coordinates: (rows, columns, counts, number of terms), one entry per
    (sentence, term), ordered by row then column, terms numbered in first-seen order:
    the same entries, in the same order, as ``counts``'s CSR arrays."""
    vocab: dict[str, int] = {}
    setdefault = vocab.setdefault
    cols = [setdefault(t, len(vocab)) for toks in token_lists for t in toks]
    v = max(1, len(vocab))
    rows = np.repeat(np.arange(len(token_lists), dtype=np.int64), [len(t) for t in token_lists])
    keys, data = np.unique(rows * v + np.asarray(cols, dtype=np.int64), return_counts=True)
    return keys // v, keys % v, data.astype(np.float64), v


def pair_sums(rows: np.ndarray, cols: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """The n x n product X @ X.T of the sparse matrix X given by ``entries`` coordinates
    (``values`` in place of the counts), as a dense array, with numpy alone: every pair of
    entries in one column adds its product to its pair of rows. Costs the sum of squared
    column sizes (a few hundred thousand pairs for a thousand news sentences) instead of
    n x n x terms for a dense product. Integer values give exact integer sums."""
    order = np.argsort(cols, kind="stable")
    r, c, x = rows[order], cols[order], values[order]
    if len(c) == 0:
        return np.zeros((n, n))
    starts = np.flatnonzero(np.concatenate([[True], c[1:] != c[:-1]]))
    sizes = np.diff(np.append(starts, len(c)))
    size_of = np.repeat(sizes, sizes)  # each entry's column size
    start_of = np.repeat(starts, sizes)
    left = np.repeat(np.arange(len(c)), size_of)
    offsets = np.arange(len(left)) - np.repeat(np.cumsum(size_of) - size_of, size_of)
    right = np.repeat(start_of, size_of) + offsets
    flat = np.bincount(r[left] * n + r[right], weights=x[left] * x[right], minlength=n * n)
    return flat.reshape(n, n)


def row_blocks(n: int, size: int = 512) -> Iterator[slice]:
    """Row slices for block-wise n x n products: keeps peak memory at size x n."""
    for start in range(0, n, size):
        yield slice(start, min(n, start + size))


def log_lengths(lengths: np.ndarray) -> np.ndarray:
    # math.log, as sumy: numpy's vector log differs from libm's in the last bit now and then
    return np.array([math.log(v) if v > 0 else 0.0 for v in lengths.tolist()], dtype=np.float64)


def dense_counts(token_lists: Sequence[Sequence[str]]) -> np.ndarray:
    """``counts`` as a dense array (columns in first-seen order, as ``counts``): for an
    article's few dozen sentences the dense products cost a fraction of building sparse
    matrices, and integer counts make them exact."""
    vocab: dict[str, int] = {}
    setdefault = vocab.setdefault
    cols = [setdefault(t, len(vocab)) for toks in token_lists for t in toks]
    n, v = len(token_lists), max(1, len(vocab))
    rows = np.repeat(np.arange(n), [len(t) for t in token_lists])
    flat = rows * v + np.asarray(cols, dtype=np.intp)
    return np.bincount(flat, minlength=n * v).reshape(n, v).astype(np.float64)
