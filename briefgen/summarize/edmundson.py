"""Stems per sentence + paragraphs + title -> Edmundson (1969) scores, as sumy 0.13 computes them.

sumy's default weights: cue 1, key 0, title 1, location 1. A sentence scores

- cue: its bonus-word stems minus its stigma-word stems (every occurrence counts);
- title: its stems found among the title's non-stop stems;
- location: the title count again, +1 in the first paragraph (else +1 in the last),
  +1 as its paragraph's first sentence (else +1 as its last).

Every part is an integer count, so the scores are sumy's exactly and ties (in
document order, as sumy's stable sort) fall the same way. The bonus words are
``edmundson_bonus`` plus the title's non-stop words, the stigma words
``edmundson_stigma`` (English news cues, ``briefgen/data/vocab``), as the sumy
engine configures sumy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np


def rate(stems: Sequence[Sequence[str]], paragraphs: Sequence[int], title_stems: Iterable[str],
         bonus: frozenset[str], stigma: frozenset[str]) -> np.ndarray:
    """``stems``: every word of each sentence, stemmed; ``title_stems``: the title's non-stop
    stems; ``bonus``/``stigma``: stemmed cue words."""
    n = len(stems)
    scores = np.zeros(n)
    if n == 0:
        return scores
    heading = frozenset(title_stems)
    # paragraph order and each sentence's place in its paragraph, as sumy's DOM numbers them
    para_of: list[int] = []
    for i, p in enumerate(paragraphs):
        para_of.append(0 if i == 0 else para_of[-1] + (p != paragraphs[i - 1]))
    last_para = para_of[-1]
    for i, sent in enumerate(stems):
        cue = sum(s in bonus for s in sent) - sum(s in stigma for s in sent)
        title = sum(s in heading for s in sent)
        location = title
        if para_of[i] == 0:
            location += 1
        elif para_of[i] == last_para:
            location += 1
        first = i == 0 or para_of[i - 1] != para_of[i]
        last = i == n - 1 or para_of[i + 1] != para_of[i]
        if first or last:
            location += 1
        scores[i] = cue + title + location
    return scores
