"""Sentence texts -> (scores, ranking) from briefgen's vectorised engines.

``rate(name, texts)`` dispatches to one small module per algorithm. With
``compat=True`` the three algorithms where sumy 0.13 departs from the
published method (lsa, kl, sumbasic) reproduce sumy's behaviour instead;
the other engines always match sumy. Ranking = scores sorted descending,
ties in document order (sumy's stable sort).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from briefgen.summarize import _text, edmundson, kl, lexrank, lsa, luhn, reduction, sumbasic, textrank
from briefgen.text import lexicon

FAST = ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "reduction", "edmundson")
COMPAT_DIFFERS = ("lsa", "kl", "sumbasic")


@lru_cache(maxsize=1)
def _cue_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Edmundson's stemmed bonus and stigma words and stemmed stop ("null") words, as the
    sumy engine hands them to sumy (``sumy_engine.make_summarizer``)."""
    stem = _text.stem
    return (frozenset(map(stem, lexicon.words("edmundson_bonus"))),
            frozenset(map(stem, lexicon.words("edmundson_stigma"))),
            frozenset(map(stem, _text.stop_words())))


def edmundson_scores(words: _text.Words, paragraphs: Sequence[int], title: str | None) -> np.ndarray:
    bonus, stigma, null = _cue_words()
    title_words = _text.sumy_tokenizer().to_words(title or "")
    stops = _text.stop_words()
    # the title's non-stop words are bonus words too; its stems outside the null words count
    bonus = bonus | {_text.stem(w.lower()) for w in title_words if w.lower() not in stops}
    heading = [s for s in (_text.stem(w.lower()) for w in title_words) if s not in null]
    return edmundson.rate(words.stems, paragraphs, heading, bonus, stigma)


def scores(name: str, words: _text.Words, compat: bool = False,
           paragraphs: Sequence[int] | None = None, title: str | None = None) -> np.ndarray:
    if name == "edmundson":
        return edmundson_scores(words, paragraphs if paragraphs is not None else [0] * len(words), title)
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
EXACT = ("lsa", "sumbasic", "lexrank", "textrank", "reduction", "edmundson")


def ranking(values: np.ndarray, exact: bool = False) -> list[int]:
    """Best first, ties in document order. Unless ``exact``, scores equal to 12
    significant digits count as ties, because sumy's pure-Python sums tie exactly
    where ours differ by rounding."""
    scale = float(np.max(np.abs(values))) if len(values) else 0.0
    keyed = np.round(values / scale, 12) if scale > 0 and not exact else values
    return [int(i) for i in np.argsort(-keyed, kind="stable")]


def rate(name: str, texts: Sequence[str], compat: bool = False, paragraphs: Sequence[int] | None = None,
         title: str | None = None) -> tuple[list[float], list[int]]:
    """``paragraphs`` and ``title`` are read by Edmundson only (location and title methods)."""
    if not texts:
        return [], []
    values = scores(name, _text.analyse(texts), compat=compat, paragraphs=paragraphs, title=title)
    return [float(v) for v in values], ranking(values, exact=name in EXACT and (compat or name not in COMPAT_DIFFERS))
