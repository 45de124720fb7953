"""Sentences -> one score per sentence from the real sumy 0.13 summarizers, offline.

sumy never exposes scores, so we hand its ``_get_best_sentences`` a callable
"count" that records every (order, rating) pair sumy computed and keeps them
all; the rating order is therefore exactly sumy's. The document is built from
our own sentences (one sumy paragraph per ``Sentence.paragraph``), so sumy's
tokenizer is never used to split: words come from ``SumyTokenizer.to_words``.
"""

from __future__ import annotations

import random as _random
from collections.abc import Sequence
from functools import lru_cache

from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.edmundson import EdmundsonSummarizer
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.random import RandomSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer

from briefgen.summarize import _text
from briefgen.text import lexicon

SUMY_CLASSES = {
    "lexrank": LexRankSummarizer,
    "lsa": LsaSummarizer,
    "textrank": TextRankSummarizer,
    "luhn": LuhnSummarizer,
    "edmundson": EdmundsonSummarizer,
    "kl": KLSummarizer,
    "sumbasic": SumBasicSummarizer,
    "reduction": ReductionSummarizer,
    "random": RandomSummarizer,
}

# Edmundson's cue method needs words that signal importance (bonus) and
# unimportance (stigma); sumy's fallback lists are Czech, these are English news cues.
BONUS_WORDS: frozenset[str] = lexicon.words("edmundson_bonus")
STIGMA_WORDS: frozenset[str] = lexicon.words("edmundson_stigma")
RANDOM_SEED = 20041  # random must be reproducible: same input, same "random" summary


def build_document(texts: Sequence[str], paragraphs: Sequence[int], title: str | None = None):
    tok = _text.sumy_tokenizer()
    groups: list[list[SumySentence]] = []
    last = object()
    for text, par in zip(texts, paragraphs):
        if par != last or not groups:
            groups.append([])
            last = par
        groups[-1].append(SumySentence(text, tok))
    if title:
        heading = SumySentence(title, tok, is_heading=True)
        if groups:
            groups[0].insert(0, heading)
        else:
            groups.append([heading])
    return ObjectDocumentModel(Paragraph(g) for g in groups)


@lru_cache(maxsize=1)
def stemmer() -> Stemmer:
    """sumy's own English stemmer (nltk's Snowball): the reference stays sumy as it is."""
    return Stemmer("english")


def make_summarizer(name: str, title: str | None = None):
    cls = SUMY_CLASSES[name]
    stem = stemmer()
    stops = _text.stop_words()
    if name == "edmundson":
        s = cls(stem)
        title_words = tuple(_text.sumy_tokenizer().to_words(title or ""))
        s.bonus_words = BONUS_WORDS | {w.lower() for w in title_words if w.lower() not in stops}
        s.stigma_words = STIGMA_WORDS
        s.null_words = tuple(stops)
        return s
    s = cls() if name == "random" else cls(stem)
    if hasattr(s, "stop_words"):
        s.stop_words = stops
    return s


def rate(name: str, texts: Sequence[str], paragraphs: Sequence[int],
         title: str | None = None) -> tuple[list[float], list[int]]:
    """Return sumy's rating of every sentence (document order) and sumy's ranking.

    The ranking is the order sumy sorted the sentences in (rating descending,
    ties in document order), so selecting from it takes what sumy would take.
    """
    if not texts:
        return [], []
    doc = build_document(texts, paragraphs, title if name == "edmundson" else None)
    return rate_document(name, doc, len(texts), title)


def rate_document(name: str, doc, n: int, title: str | None = None) -> tuple[list[float], list[int]]:
    """``rate`` on an already built sumy document of ``n`` sentences."""
    summarizer = make_summarizer(name, title)
    seen: list = []

    def keep_all(infos: list) -> list:
        seen.extend(infos)
        return infos

    state = _random.getstate()
    _random.seed(RANDOM_SEED)
    try:
        summarizer(doc, keep_all)
    finally:
        _random.setstate(state)
    scores = [0.0] * n
    for info in seen:
        scores[info.order] = float(info.rating)
    return scores, [info.order for info in seen]
