"""Words per sentence -> KL-Sum ranking (Haghighi & Vanderwende 2009), vectorised.

Greedy: each round adds the sentence that makes the summary's word
distribution closest to the document's, KL(P_doc || P_summary); every
sentence is ranked, score = -round (higher is better), as in sumy.

Published method (``compat=False``): unigram distributions over stemmed
content words, the summary's smoothed with add-delta (delta = 0.01) over the
document vocabulary so the divergence is always finite.
sumy 0.13 (``compat=True``) normalises inconsistently: document frequencies
are counted on words stop-filtered *before* lower-casing, sentence words are
lower-cased then filtered, the summary's words are not filtered or
lower-cased at all, no stemming, and the divergence only sums the words of
the candidate and summary. Both are reproduced with one sparse
product per round: O(rounds x non-zeros) instead of sumy's O(n^3).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from briefgen.summarize._matrix import counts

DELTA = 0.01


def rate(tokens: Sequence[Sequence[str]], rounds: int | None = None) -> np.ndarray:
    """Published KL-Sum on ``tokens`` (stemmed content words)."""
    n = len(tokens)
    if n == 0:
        return np.zeros(0)
    c, vocab = counts(tokens)
    total = c.sum()
    scores = np.full(n, -float(n))
    if total == 0:
        return -np.arange(n, dtype=np.float64)
    v = len(vocab)
    p = np.asarray(c.sum(axis=0)).ravel() / total
    lengths = np.asarray(c.sum(axis=1)).ravel()
    s = np.zeros(v)  # summary word counts
    s_len = 0.0
    alive = np.ones(n, dtype=bool)
    coo = c.tocoo()
    rows, cols, data = coo.row, coo.col, coo.data
    rounds = n if rounds is None else min(n, rounds)
    for r in range(rounds):
        base = s + DELTA
        log_base = np.log(base)
        # sum_w p_w log q_w for summary+candidate, changed only on the candidate's words
        delta_terms = p[cols] * (np.log(base[cols] + data) - log_base[cols])
        gain = np.bincount(rows, weights=delta_terms, minlength=n) + p @ log_base
        kl = np.log(s_len + lengths + DELTA * v) - gain  # + const sum p log p
        kl[~alive] = np.inf
        best = int(np.argmin(kl))
        scores[best] = -float(r)
        alive[best] = False
        row = c.getrow(best)
        s[row.indices] += row.data
        s_len += lengths[best]
    return scores


def rate_sumy(raw_words: Sequence[Sequence[str]], stop_words: frozenset[str],
              rounds: int | None = None) -> np.ndarray:
    """sumy 0.13's KLSummarizer ranking, reproduced exactly but vectorised."""
    n = len(raw_words)
    if n == 0:
        return np.zeros(0)
    doc_words, cand, vocab = _sumy_words(raw_words, stop_words)
    v = len(vocab)
    pdoc = np.zeros(v)
    if doc_words:
        np.add.at(pdoc, [vocab[w] for w in doc_words], 1.0)
        pdoc /= len(doc_words)
    plogp = np.where(pdoc > 0, pdoc * np.log(np.where(pdoc > 0, pdoc, 1.0)), 0.0)
    c, _ = _counts_in(cand, vocab, v)
    raw, _ = _counts_in(raw_words, vocab, v)
    cand_len = np.asarray(c.sum(axis=1)).ravel()
    raw_len = np.asarray(raw.sum(axis=1)).ravel()
    coo = c.tocoo()
    s = np.zeros(v)
    s_len = 0.0
    alive = np.ones(n, dtype=bool)
    scores = np.full(n, -float(n))
    rounds = n if rounds is None else min(n, rounds)
    summary_words: list[str] = []
    tf: dict[str, float] | None = None
    for r in range(rounds):
        kl = _sumy_divergences(pdoc, plogp, coo, cand_len, s, s_len)
        kl[~alive] = np.inf
        best = int(np.argmin(kl))
        low = float(kl[best])
        near: np.ndarray = (np.flatnonzero(kl <= low + NEAR_TIE * max(1.0, abs(low)))
                            if np.isfinite(low) else np.zeros(0, dtype=np.intp))
        if len(near) > 1:
            # values this close are ordered by the last bits of sumy's pure-Python sums:
            # repeat those sums for the candidates concerned, in sumy's order
            if tf is None:
                tf = _sumy_tf(doc_words)
            exact = [_sumy_kl(cand[int(i)], summary_words, tf) for i in near]
            best = int(near[exact.index(min(exact))])
        scores[best] = -float(r)
        alive[best] = False
        row = raw.getrow(best)
        s[row.indices] += row.data
        s_len += raw_len[best]
        summary_words.extend(raw_words[best])
    return scores


# candidates whose vectorised divergences lie this close (relative) to the best are compared
# with sumy's own arithmetic
NEAR_TIE = 1e-9


def _sumy_tf(doc_words: Sequence[str]) -> dict[str, float]:
    """sumy's ``compute_tf``: frequency / number of document content words."""
    freq: dict[str, int] = {}
    for w in doc_words:
        freq[w] = freq.get(w, 0) + 1
    return {w: f / len(doc_words) for w, f in freq.items()}


def _sumy_kl(words: Sequence[str], summary: Sequence[str], tf: dict[str, float]) -> float:
    """sumy's ``_joint_freq`` then ``_kl_divergence``, operation for operation."""
    total = len(words) + len(summary)
    joint: dict[str, float] = {}
    for w in words:
        joint[w] = joint.get(w, 0) + 1
    extra: dict[str, int] = {}
    for w in summary:
        extra[w] = extra.get(w, 0) + 1
    for k, c in extra.items():
        joint[k] = joint[k] + c if k in joint else c
    for k in joint:
        joint[k] /= float(total)
    value = 0.0
    for w, q in joint.items():
        f = tf.get(w)
        if f:
            value += f * math.log(f / q)
    return value


def _sumy_words(raw_words: Sequence[Sequence[str]], stop_words: frozenset[str]):
    """sumy's three normalisations: (document words: filtered, then lower-cased; candidate
    words: lower-cased, then filtered; vocabulary over those and the raw summary words)."""
    doc_words = [w.lower() for ws in raw_words for w in ws if w not in stop_words]
    cand = [[w.lower() for w in ws if w.lower() not in stop_words] for ws in raw_words]
    vocab: dict[str, int] = {}
    for w in doc_words:
        vocab.setdefault(w, len(vocab))
    for ws in cand:
        for w in ws:
            vocab.setdefault(w, len(vocab))
    for raw in raw_words:
        for w in raw:
            vocab.setdefault(w, len(vocab))
    return doc_words, cand, vocab


def _sumy_divergences(pdoc: np.ndarray, plogp: np.ndarray, coo, cand_len: np.ndarray, s: np.ndarray,
                      s_len: float) -> np.ndarray:
    """sumy's KL(P_doc || summary + candidate) for every candidate (row of ``coo``; ``plogp``
    is p log p of ``pdoc``), summed
    over the words of the candidate and the summary ``s`` (counts, ``s_len`` words) only."""
    n = coo.shape[0]
    rows, cols, data = coo.row, coo.col, coo.data
    # words of the summary alone (those in the document)
    summ = (s > 0) & (pdoc > 0)
    with np.errstate(divide="ignore"):
        log_s = np.log(np.where(s > 0, s, 1.0))
    base = (plogp[summ] - pdoc[summ] * log_s[summ]).sum()
    mass = pdoc[summ].sum()
    # candidate words: new ones add a term, shared ones change it
    pw = pdoc[cols]
    new = (s[cols] == 0) & (pw > 0)
    shared = (s[cols] > 0) & (pw > 0)
    t = np.zeros(len(cols))
    t[new] = plogp[cols[new]] - pw[new] * np.log(data[new])
    t[shared] = pw[shared] * (log_s[cols[shared]] - np.log(s[cols[shared]] + data[shared]))
    m = np.where(new, pw, 0.0)
    total = base + np.bincount(rows, weights=t, minlength=n)
    mass_c = mass + np.bincount(rows, weights=m, minlength=n)
    denom = cand_len + s_len
    with np.errstate(divide="ignore", invalid="ignore"):
        kl = total + mass_c * np.log(np.where(denom > 0, denom, 1.0))
    return np.where(denom > 0, kl, 0.0)


def _counts_in(lists, vocab, v):
    from scipy import sparse  # lazy: importing fast (the editor's ranking) must not load scipy

    indptr: list[int] = [0]
    idx: list[int] = []
    for ws in lists:
        idx.extend(vocab[w] for w in ws)
        indptr.append(len(idx))
    m = sparse.csr_matrix((np.ones(len(idx)), np.asarray(idx, dtype=np.int64), indptr),
                          shape=(len(lists), max(1, v)))
    m.sum_duplicates()
    return m, vocab
