"""Pooled sentences of several articles -> relevance, eligibility and an MMR pick, vectorised.

Used by ``briefgen.summarize.multi``: TF-IDF rows over stemmed content words, a
sentence's cosine with the centroid of the pool (what the sources agree on), and
maximal marginal relevance (Carbonell & Goldstein 1998) within a budget.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from briefgen.summarize import _matrix, _text, editor
from briefgen.summarize.units import balanced

if TYPE_CHECKING:
    from briefgen.summarize.candidate import Candidate

NEAR_DUPLICATE = 0.8  # cosine above which a sentence says what a chosen sentence says


def tfidf_rows(texts: Sequence[str]):
    """L2-normalised TF-IDF rows (sparse, one per text) over stemmed content words."""
    c, _ = _matrix.counts(_text.analyse(texts).content)
    df = np.bincount(c.indices, minlength=c.shape[1])
    x = (c @ sparse.diags(np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0)).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    return (sparse.diags(np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)) @ x).tocsr()


def relevance(texts: Sequence[str], own: Sequence[float]):
    """(TF-IDF rows, relevance): half the score inside its article (``own``), half the
    cosine with the pool's centroid scaled so the most central sentence has 1."""
    x = tfidf_rows(texts)
    centroid = np.asarray(x.mean(axis=0)).ravel()
    cn = np.linalg.norm(centroid)
    central = x @ (centroid / cn) if cn > 0 else np.zeros(len(texts))
    cmax = central.max() if len(central) else 0.0
    return x, 0.5 * np.asarray(own) + 0.5 * (central / cmax if cmax > 0 else central)


def eligible(items: Sequence[Candidate]) -> np.ndarray:
    """True for prose (``editor.is_content``) that a one-article summary could show too: not a
    picture's caption or a label in its article, and not half a quotation (its quote marks
    pair up: a quotation the segmenter split shows its close without its open)."""
    ok = np.asarray([editor.is_content(c.text) and balanced(c.text) for c in items])
    by_doc: dict[int, list[int]] = {}
    for i, c in enumerate(items):
        by_doc.setdefault(c.doc, []).append(i)
    for mine in by_doc.values():
        texts = [items[i].text for i in mine]
        paragraphs = [items[i].sentence.paragraph for i in mine]
        for i, caption, label in zip(mine, editor.captions(texts, paragraphs), editor.labels(texts, paragraphs)):
            ok[i] &= not (caption or label)
    return ok


def pick(items: Sequence[Candidate], x, rel: np.ndarray, ok: np.ndarray, lengths: Sequence[int],
         limit: int, budget: int | None, diversity: float) -> list[int]:
    """Positions chosen by MMR, in the order picked; skips what does not fit the budget,
    near-duplicates and openers whose sentence before is not taken."""
    max_sim = np.zeros(len(items))
    chosen: list[int] = []
    taken: set[tuple[int, int]] = set()
    used = 0
    alive = ok.copy()
    while len(chosen) < limit and alive.any():
        mmr = np.where(alive, (1 - diversity) * rel - diversity * max_sim, -np.inf)
        i = int(np.argmax(mmr))
        alive[i] = False
        c = items[i]
        if budget is not None and used + lengths[i] > budget:
            continue
        if max_sim[i] > NEAR_DUPLICATE:
            continue
        leans = editor.leans_back(c.text)  # "He said", "The report comes after"
        if leans and (c.doc, c.sentence.index - 1) not in taken:
            continue
        chosen.append(i)
        taken.add((c.doc, c.sentence.index))
        used += lengths[i]
        max_sim = np.maximum(max_sim, (x @ x[i].T).toarray().ravel())
        if editor.opener(c.text) is not None:
            _revive_follower(items, c, ok, chosen, alive)
    return chosen


def _revive_follower(items: Sequence[Candidate], c: Candidate, ok: np.ndarray,
                     chosen: list[int], alive: np.ndarray) -> None:
    """A dangling follower of a chosen sentence may now be taken: let it compete again."""
    for j, other in enumerate(items):
        if other.doc == c.doc and other.sentence.index == c.sentence.index + 1 and ok[j] \
                and j not in chosen:
            alive[j] = True


def best(rel: np.ndarray, ok: np.ndarray) -> int:
    """The most relevant eligible sentence (the first one when none is eligible)."""
    return int(np.argmax(np.where(ok, rel, -np.inf))) if ok.any() else 0
