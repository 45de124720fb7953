"""Stemmed content words per sentence -> SumBasic ranking (Nenkova & Vanderwende 2005), vectorised.

Every sentence is ranked by the greedy loop, so the score is the round in
which it was picked (-round; higher is better), as in sumy.

Published method (``compat=False``): p(w) = count / content words; a
sentence's weight is the mean p over its words; pick the best-weighted
sentence among those containing the currently most probable word; then square
p(w) once for every word type of the picked sentence.
sumy 0.13 (``compat=True``) picks the best weight over all sentences and
squares p(w) once per *occurrence* (a word used twice becomes p^4).
Each round is one sparse matrix-vector product: O(rounds x non-zeros).
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ._matrix import counts


def rate(tokens: Sequence[Sequence[str]], compat: bool = False,
         rounds: int | None = None) -> np.ndarray:
    n = len(tokens)
    if n == 0:
        return np.zeros(0)
    c, _ = counts(tokens)
    total = c.sum()
    if total == 0:
        return -np.arange(n, dtype=np.float64)
    lengths = np.asarray(c.sum(axis=1)).ravel()
    safe_len = np.where(lengths > 0, lengths, 1.0)
    p = np.asarray(c.sum(axis=0)).ravel() / total
    cc = c.tocsc()
    holders_alive = np.diff(cc.indptr).astype(np.int64)  # unpicked sentences per word
    alive = np.ones(n, dtype=bool)
    scores = np.full(n, -float(n))
    rounds = n if rounds is None else min(n, rounds)
    for r in range(rounds):
        # a full product per round (not an incremental update) keeps the sums
        # bit-identical to sumy's, so ties break the same way
        weight = (c @ p) / safe_len
        weight[lengths == 0] = 0.0
        masked = np.where(alive, weight, -1.0)  # -1: below any real weight, like sumy
        if compat:
            best = int(np.argmax(masked))
        else:
            best = _best_with_top_word(p, cc, masked, holders_alive)
        scores[best] = -float(r)
        alive[best] = False
        lo, hi = c.indptr[best], c.indptr[best + 1]
        words, occurrences = c.indices[lo:hi], c.data[lo:hi]
        holders_alive[words] -= 1
        old = p[words]
        new = old ** (2.0 ** occurrences) if compat else old**2
        p[words] = new
    return scores


def _best_with_top_word(p, cc, masked, holders_alive) -> int:
    # the most probable word that still occurs in an unpicked sentence (published step 3)
    if not (holders_alive > 0).any():
        return int(np.argmax(masked))
    w = int(np.argmax(np.where(holders_alive > 0, p, -1.0)))
    holders = cc.indices[cc.indptr[w]:cc.indptr[w + 1]]
    return int(holders[np.argmax(masked[holders])])
