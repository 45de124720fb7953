"""Sentence texts -> (scores, ranking) from briefgen's vectorised engines.

``rate(name, texts)`` dispatches to one small module per algorithm. With
``compat=True`` the three algorithms where sumy 0.13 departs from the
published method (lsa, kl, sumbasic) reproduce sumy's behaviour instead;
the other engines always match sumy. Ranking = scores sorted descending,
ties in document order (sumy's stable sort).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefgen.summarize import _text, kl, lexrank, lsa, luhn, reduction, sumbasic, textrank

FAST = ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "reduction")
COMPAT_DIFFERS = ("lsa", "kl", "sumbasic")


def scores(name: str, words: _text.Words, compat: bool = False) -> np.ndarray:
    if name == "lexrank":
        return lexrank.rate(words.content)
    if name == "textrank":
        return textrank.rate(words.content)
    if name == "reduction":
        return reduction.rate(words.content)
    if name == "luhn":
        return luhn.rate(words.stems, words.content)
    if name == "lsa":
        if compat:
            return lsa.rate_sumy(words.content, words.stems)
        return lsa.rate(words.content)
    if name == "sumbasic":
        return sumbasic.rate(words.content, compat=compat)
    if name == "kl":
        if compat:
            return kl.rate_sumy(words.words, _text.stop_words())
        return kl.rate(words.content)
    raise KeyError(name)


# engines whose scores are sumy's to the last bit (lsa and sumbasic in compat
# mode): ranked without rounding
EXACT = ("lsa", "sumbasic", "lexrank", "textrank", "reduction")


def ranking(values: np.ndarray, exact: bool = False) -> list[int]:
    """Best first, ties in document order. Unless ``exact``, scores equal to 12
    significant digits count as ties, because sumy's pure-Python sums tie exactly
    where ours differ by rounding."""
    scale = float(np.max(np.abs(values))) if len(values) else 0.0
    keyed = np.round(values / scale, 12) if scale > 0 and not exact else values
    return [int(i) for i in np.argsort(-keyed, kind="stable")]


def rate(name: str, texts: Sequence[str], compat: bool = False) -> tuple[list[float], list[int]]:
    if not texts:
        return [], []
    values = scores(name, _text.analyse(texts), compat=compat)
    return [float(v) for v in values], ranking(values, exact=name in EXACT and (compat or name not in COMPAT_DIFFERS))
