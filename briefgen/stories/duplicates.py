"""Texts -> near-duplicate pairs (wire copies) and the sets they close into.

``near_duplicates(texts)`` finds pairs (i, j), i < j, whose sets of 5-word shingles
(NFKC, lower-cased, tokens ``[a-z0-9]+``) have Jaccard >= the threshold. The Jaccard
is exact: shingles become columns of a sparse binary matrix and one sparse product
counts every pair's shared shingles (a MinHash sketch would only estimate what this
computes in the same time at our sizes).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

_SHINGLE_TOKEN = re.compile(r"[a-z0-9]+")


def shingles(text: str, k: int = 5) -> set[str]:
    tokens = _SHINGLE_TOKEN.findall(unicodedata.normalize("NFKC", text).lower())
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + k]) for i in range(len(tokens) - k + 1)}


def near_duplicates(texts: Sequence[str], threshold: float = 0.5) -> list[tuple[int, int, float]]:
    """Pairs (i, j, jaccard) with i < j and exact shingle Jaccard >= threshold."""
    # Each text's shingles as 64-bit hashes, not strings in one vocabulary dict: the day's
    # shingles are most of its text, and as Python strings and list entries they cost about
    # 50 KB an article at once (a 100,000-article day: gigabytes). Two shingles sharing a
    # hash inside one call is a 1 in 10^10 event at that size.
    per_text = [np.fromiter({hash(s) for s in shingles(t)}, dtype=np.int64) for t in texts]
    n = len(texts)
    sizes = np.array([len(h) for h in per_text], dtype=np.int64)
    if not sizes.sum():
        return []
    rows = np.repeat(np.arange(n, dtype=np.int32), sizes)
    _, cols = np.unique(np.concatenate(per_text), return_inverse=True)
    del per_text
    m = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols.ravel())), shape=(n, int(cols.max()) + 1))
    out = []
    mt = m.T.tocsr()
    for start in range(0, n, 512):  # row blocks keep the product's memory bounded
        block = (m[start:start + 512] @ mt).tocoo()
        for i, j, inter in zip(block.row + start, block.col, block.data):
            if i < j:
                jac = inter / (sizes[i] + sizes[j] - inter)
                if jac >= threshold:
                    out.append((int(i), int(j), float(jac)))
    out.sort()
    return out


@dataclass
class DuplicateSets:
    """Near-duplicate pairs closed under 'is a copy of': each set is one text carried by several outlets."""

    sets: list[list[int]] = field(default_factory=list)

    @classmethod
    def from_pairs(cls, n: int, pairs: Sequence[tuple[int, int]]) -> DuplicateSets:
        parent = list(range(n))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, j in pairs:
            parent[find(i)] = find(j)
        sets: dict[int, list[int]] = {}
        for i in range(n):
            sets.setdefault(find(i), []).append(i)
        return cls([s for s in sets.values() if len(s) > 1])
