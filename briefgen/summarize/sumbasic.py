"""Stemmed content words per sentence -> SumBasic ranking (Nenkova & Vanderwende 2005), vectorised.

Every sentence is ranked by the greedy loop, so the score is the round in
which it was picked (-round; higher is better), as in sumy.

Published method (``compat=False``): p(w) = count / content words; a
sentence's weight is the mean p over its words; pick the best-weighted
sentence among those containing the currently most probable word; then square
p(w) once for every word type of the picked sentence.
sumy 0.13 (``compat=True``) picks the best weight over all sentences and
squares p(w) once per *occurrence* (a word used twice becomes p^4); its
pure-Python sums are reproduced to the last bit, so its ties break the same way.
Each round costs the rows that hold a word of the picked sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefgen.summarize._matrix import counts


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
    p = np.asarray(c.sum(axis=0)).ravel() / total
    if not compat:
        return _rate_published(c, p, lengths, n, rounds)
    return _rate_sumy(tokens, c, p, lengths, n if rounds is None else min(n, rounds))


def _rate_sumy(tokens: Sequence[Sequence[str]], c, p: np.ndarray, lengths: np.ndarray,
               rounds: int) -> np.ndarray:
    """sumy's loop with its roundings: a sentence's weight is the left-to-right sum of
    p over its words (a padded row cumsum adds in that order; padding adds 0.0),
    each occurrence of a picked word squares p again, and the first best wins.
    Only the rows holding a changed word are summed again."""
    n = len(tokens)
    vocab: dict[str, int] = {}
    for ws in tokens:
        for w in ws:
            vocab.setdefault(w, len(vocab))
    ids = np.full((n, max(1, int(lengths.max()))), len(vocab), dtype=np.int64)
    for i, ws in enumerate(tokens):
        ids[i, :len(ws)] = [vocab[w] for w in ws]
    # _matrix.counts numbers terms in first-seen order too, so p lines up with vocab
    p = np.append(p, 0.0)
    safe_len = np.where(lengths > 0, lengths, 1.0)
    weight = np.where(lengths > 0, np.cumsum(p[ids], axis=1)[:, -1] / safe_len, 0.0)
    holders = c.tocsc()
    alive = np.ones(n, dtype=bool)
    scores = np.full(n, -float(n))
    for r in range(rounds):
        best = int(np.argmax(np.where(alive, weight, -1.0)))  # -1: below any real weight
        scores[best] = -float(r)
        alive[best] = False
        for w in ids[best, :int(lengths[best])]:
            p[w] = p[w] * p[w]
        changed = np.unique(ids[best, :int(lengths[best])])
        rows = np.unique(np.concatenate([holders.indices[holders.indptr[w]:holders.indptr[w + 1]]
                                         for w in changed])) if len(changed) else changed
        rows = rows[alive[rows]]
        weight[rows] = np.cumsum(p[ids[rows]], axis=1)[:, -1] / safe_len[rows]
    return scores


def _rate_published(c, p, lengths, n: int, rounds: int | None) -> np.ndarray:
    """Published SumBasic: only the holders of the most probable word compete each round.

    Only those candidates' weights are computed (a gather over their rows, not
    a product over the whole matrix), and a word held by one unpicked sentence
    needs no weights at all: the cost per round follows the candidates.
    """
    indptr, indices, data = c.indptr, c.indices, c.data
    cc = c.tocsc()
    cptr, crow = cc.indptr, cc.indices
    holders_alive = np.diff(cptr).astype(np.int64)
    # p of the words still held by an unpicked sentence, -1 once none is left
    live_p = np.where(holders_alive > 0, p, -1.0)
    inv_len = np.divide(1.0, lengths, out=np.zeros(n), where=lengths > 0)
    alive = np.ones(n, dtype=bool)
    scores = np.full(n, -float(n))
    rounds = n if rounds is None else min(n, rounds)
    for r in range(rounds):
        w = int(live_p.argmax())
        if live_p[w] < 0:  # only sentences without content words are left
            rest = np.flatnonzero(alive)[: rounds - r]
            scores[rest] = -np.arange(r, r + len(rest), dtype=np.float64)
            break
        holders = crow[cptr[w]:cptr[w + 1]]
        holders = holders[alive[holders]]
        if len(holders) == 1:
            best = int(holders[0])
        else:
            # positions of the candidates' entries in the CSR arrays, row after row
            start = indptr[holders]
            size = indptr[holders + 1] - start
            end = size.cumsum()
            pos = np.arange(end[-1]) + np.repeat(start - (end - size), size)
            sums = np.add.reduceat(data[pos] * p[indices[pos]], end - size)
            best = int(holders[(sums * inv_len[holders]).argmax()])
        scores[best] = -float(r)
        alive[best] = False
        words = indices[indptr[best]:indptr[best + 1]]
        holders_alive[words] -= 1
        squared = p[words] ** 2
        p[words] = squared
        live_p[words] = np.where(holders_alive[words] > 0, squared, -1.0)
    return scores
