"""Token lists -> a sparse sentence x term count matrix (scipy CSR), the shared input of the fast engines."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

import numpy as np
from scipy import sparse


def counts(token_lists: Sequence[Sequence[str]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """Row i counts how often each term occurs in sentence i (duplicates kept)."""
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
