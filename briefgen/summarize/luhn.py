"""Stemmed words per sentence -> Luhn (1958) significance scores, vectorised.

As sumy 0.13: significant words are the content stems seen more than once in
the document; a chunk is a run of words that starts at a significant word and
ends after four non-significant words in a row; its rating is
significant² / span (0 when it holds one significant word); a sentence scores
its best chunk. Two significant words at positions p < q share a chunk
exactly when q - p <= MAX_GAP, which turns the scan into array operations.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

MAX_GAP = 4


def rate(stems: Sequence[Sequence[str]], content: Sequence[Sequence[str]]) -> np.ndarray:
    """``stems``: every word of each sentence, stemmed; ``content``: the non-stop ones."""
    n = len(stems)
    scores = np.zeros(n)
    freq = Counter(s for sent in content for s in sent)
    significant = {s for s, f in freq.items() if f > 1}
    if not significant:
        return scores
    sent_ids, positions = [], []
    for i, sent in enumerate(stems):
        for pos, s in enumerate(sent):
            if s in significant:
                sent_ids.append(i)
                positions.append(pos)
    if not positions:
        return scores
    sid = np.asarray(sent_ids)
    at = np.asarray(positions)
    new_chunk = np.ones(len(at), dtype=bool)
    new_chunk[1:] = (sid[1:] != sid[:-1]) | (at[1:] - at[:-1] > MAX_GAP)
    starts = np.flatnonzero(new_chunk)
    ends = np.append(starts[1:], len(at)) - 1
    sig = (ends - starts + 1).astype(np.float64)
    span = (at[ends] - at[starts] + 1).astype(np.float64)
    rating = np.where(sig > 1, sig**2 / span, 0.0)
    np.maximum.at(scores, sid[starts], rating)
    return scores
