"""An article's shape -> does its opening already tell the story (keep the lead) or not (rank)?

News written as an inverted pyramid puts the story in its first sentences: a
summary of such an article is its lead, and a ranking can only do worse. A
feature, a BBC-style report or a long piece spreads the story out, and ranking
wins. The editor asks this module first (``keeps_lead``): a logistic model over
the article's shape (how many sentences and paragraphs, how long the opening is)
and over how much of the rest the opening already covers and how central the
ranking itself finds it. Weights: ``briefgen/data/pyramid_weights.json``, fitted
by ``bench/fit_pyramid.py`` on the odd-numbered BBC development articles (label:
the lead's summary scores a higher ROUGE than the ranking's). One configuration
for every kind of news: nothing here knows the source.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

# how many opening sentences stand for "the lead" when measuring it
LEAD = 3

FEATURES: tuple[str, ...] = (
    "bias", "log_share", "log_sentences", "sentences_per_paragraph", "single_paragraphs", "log_first_len",
    "lead_cover", "lead_cover_gain", "lead_rank", "lead_centrality", "title_in_first",
    "lead_quotes",
)


def features(content: Sequence[Sequence[str]], paragraphs: Sequence[int], lengths: Sequence[int],
             editor_pct: np.ndarray, centrality_pct: np.ndarray, title_overlap: np.ndarray,
             quoted: Sequence[bool], share: float) -> np.ndarray:
    """One row of FEATURES for an article, from what the editor has already computed:
    each sentence's content stems, paragraph, word count, editor score and centrality as
    percentiles (1 = the best sentence), share of the title's stems it holds, and
    whether it carries a quotation; ``share`` = the part of the article's sentences the
    summary may hold (a short summary of a long article is where a lead is hardest to beat)."""
    n = len(content)
    x = np.zeros(len(FEATURES))
    if n == 0:
        return x
    col = {f: i for i, f in enumerate(FEATURES)}
    k = min(LEAD, n)
    para = list(paragraphs)
    sizes = Counter(para)
    x[col["bias"]] = 1.0
    x[col["log_share"]] = np.log(min(1.0, max(share, 1.0 / n)))
    x[col["log_sentences"]] = np.log(n)
    x[col["sentences_per_paragraph"]] = n / len(sizes)
    x[col["single_paragraphs"]] = sum(1 for v in sizes.values() if v == 1) / len(sizes)
    x[col["log_first_len"]] = np.log1p(lengths[0])
    # how much of the rest's vocabulary (by occurrences) the opening already holds, against
    # what the ranking's own best k sentences hold of the sentences outside them
    x[col["lead_cover"]] = _cover(content, list(range(k)))
    best = [int(i) for i in np.argsort(-editor_pct, kind="stable")[:k]]
    x[col["lead_cover_gain"]] = x[col["lead_cover"]] - _cover(content, best)
    x[col["lead_rank"]] = float(np.mean(editor_pct[:k]))
    x[col["lead_centrality"]] = float(np.mean(centrality_pct[:k]))
    x[col["title_in_first"]] = float(title_overlap[0]) if len(title_overlap) else 0.0
    x[col["lead_quotes"]] = sum(bool(q) for q in quoted[:k]) / k
    return x


def _cover(content: Sequence[Sequence[str]], chosen: Sequence[int]) -> float:
    """Share of the word occurrences outside ``chosen`` whose word ``chosen`` holds."""
    inside = set(chosen)
    held = {w for i in inside for w in content[i]}
    rest = [w for i, s in enumerate(content) if i not in inside for w in s]
    return sum(w in held for w in rest) / len(rest) if rest else 1.0


# the features whose fitted range bounds where the gate applies (``applies_within``)
SHAPE: tuple[str, ...] = ("log_share", "log_sentences")


@lru_cache(maxsize=1)
def _model() -> dict:
    raw = resources.files("briefgen.data").joinpath("pyramid_weights.json").read_text("utf-8")
    return json.loads(raw)


def weights() -> np.ndarray:
    w = _model()["weights"]
    return np.asarray([w.get(f, 0.0) for f in FEATURES])


def applies(x: np.ndarray) -> bool:
    """The article's shape lies within the shapes the gate was fitted on."""
    bounds = _model().get("applies_within", {})
    return all(lo <= x[FEATURES.index(f)] <= hi for f, (lo, hi) in bounds.items())


def lead_probability(x: np.ndarray, w: np.ndarray | None = None) -> float:
    """The model's probability that the lead beats the ranking for this article."""
    z = float(x @ (weights() if w is None else w))
    return 1.0 / (1.0 + np.exp(-z))


def keeps_lead(x: np.ndarray) -> bool:
    """Keep the lead: the model says so, for an article shaped like those it was fitted on
    (elsewhere, e.g. many articles run together, the editor's ranking stands)."""
    return applies(x) and lead_probability(x) > 0.5
