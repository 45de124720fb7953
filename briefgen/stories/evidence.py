"""Docs -> how strongly each pair of articles is one story, from evidence that means the same
in a two-article inbox and a 20,000-article day (the pair "logit" the grouper caps its
batch-relative score with; see ``linkage``).

Each article is cut into parts, every part a vector weighted by how rare each term is in
English at large (``background``): the headline's words, the lead's (its first
``LEAD_WORDS`` words), the whole text's, the names in headline and lead (who the story is
about), the known places there (where), and the numbers there (a death toll, a score, a
year). A pair's evidence is a logistic score over the parts' cosines, fitted by
``bench/fit_evidence.py`` on pairs drawn as small inboxes from the tune half of the stories
data (``briefgen/data/grouping_evidence.json``): the log-odds that the two articles tell one
story. Parts both articles have but do not share count against: two headlines with no word
in common, two leads naming different cities, two different death tolls; a part missing
from either side (no headline, no place named) says nothing. Cosines are softened by the
time between the articles (``timing``, without the near-in-time raise: being published
together is no evidence of one story).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

import numpy as np
from scipy import sparse

from briefgen.stories import background
from briefgen.stories.doc import Doc, GroupingOptions
from briefgen.stories.features import _NAME, _title_is_lead, _undated, name_terms, opening, tfidf, word_terms
from briefgen.stories.timing import time_factor

LEAD_WORDS = 60  # the opening that says what happened, to whom and where
PLACE_WORDS = 120  # places and numbers are looked for in the headline and this much of the body

# The parts; each gives its cosine and the cosine's square root (the first shared words of a
# part say more than the next ones); "both_*" is 1 when both articles have the part (so a part
# both have and do not share can count against, and one missing says nothing); "rare" is how
# many words both texts use that are rare in English (``RARE_IDF``), log(1 + n).
COSINES = ("title", "lead", "body", "names", "places", "numbers")
PRESENT = {"both_titled": "title", "both_placed": "places", "both_numbered": "numbers"}
DISJOINT = {"both_titled": "titles_disjoint", "both_placed": "places_disjoint", "both_numbered": "numbers_disjoint"}
# "*_covered": how much of each article's headline-and-opening words (of its headline-and-lead
# names) the other's whole text also uses, English-weighted, the smaller of the two ways: a
# report of the same event mentions the other's protagonist and what happened somewhere, one
# of another event with the same people does not
COVERED = ("head_covered", "names_covered")
FEATURES = (COSINES + tuple(f"sqrt_{p}" for p in COSINES) + tuple(PRESENT) + tuple(DISJOINT.values())
            + ("rare",) + COVERED)
HEAD_WORDS = 25
RARE_IDF = 7.0

_NUMBER = re.compile(r"(?<![\w.,])\d[\d,.]*\d(?![\w])|(?<![\w.,])\d(?![\w.,])")


@cache
def weights() -> tuple[float, dict[str, float]]:
    """(bias, feature -> weight) from ``briefgen/data/grouping_evidence.json``."""
    raw = json.loads(resources.files("briefgen.data").joinpath("grouping_evidence.json").read_text("utf-8"))
    return float(raw["bias"]), {k: float(raw["weights"].get(k, 0.0)) for k in FEATURES}


def place_terms(text: str) -> list[str]:
    """Known places (countries, regions, cities) named in ``text``, lower case: the capitalised
    phrases that are a place, or hold one (the first such span of up to three words)."""
    from briefgen.text.lexicon import places

    known = places()
    out = []
    for m in _NAME.finditer(text):
        words = m.group(0).split()
        k = 0
        while k < len(words):
            for size in (3, 2, 1):
                span = " ".join(words[k:k + size]).strip(".'’")
                if len(words) - k >= size and span in known:
                    out.append(span.lower())
                    k += size
                    break
            else:
                k += 1
    return out


def number_terms(text: str) -> list[str]:
    """The numbers in ``text`` ("1,200" and "1200" alike; "3.5" kept whole)."""
    return [n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)]


def _derive(cos: dict[str, np.ndarray], both: dict[str, np.ndarray], rare: np.ndarray,
            covered: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Every feature from the parts' cosines, the presence flags and the shared rare words
    (elementwise: the same for a list of pairs and for a square matrix)."""
    out = dict(cos)
    for p in COSINES:
        out[f"sqrt_{p}"] = np.sqrt(np.maximum(cos[p], 0.0))
    out.update(both)
    for flag, part in PRESENT.items():
        out[DISJOINT[flag]] = both[flag] * (cos[part] <= 0.0)
    out["rare"] = np.log1p(rare)
    out.update(covered)
    return out


@dataclass(frozen=True)
class Parts:
    """One l2-normalised, English-weighted row per doc for each part (``COSINES``), and each
    doc's words rare in English (a binary row)."""

    rows: dict[str, sparse.csr_matrix]
    rare: sparse.csr_matrix
    # feature -> (each doc's head terms, English-weighted, summing to 1; each doc's whole-text terms, 0/1)
    cover: dict[str, tuple[sparse.csr_matrix, sparse.csr_matrix]]
    days: np.ndarray
    options: GroupingOptions

    def has(self, part: str) -> np.ndarray:
        return np.diff(self.rows[part].indptr) > 0

    def features(self, r: np.ndarray, c: np.ndarray) -> dict[str, np.ndarray]:
        """Feature -> its value for each pair (r[k], c[k])."""
        soft = time_factor(self.days[r] - self.days[c], replace(self.options, near_boost=0.0))
        cos = {}
        for part in COSINES:
            m = self.rows[part]
            cos[part] = np.asarray(m[r].multiply(m[c]).sum(axis=1)).ravel() * soft
        both = {}
        for flag, part in PRESENT.items():
            h = self.has(part)
            both[flag] = (h[r] & h[c]).astype(float)
        rare = np.asarray(self.rare[r].multiply(self.rare[c]).sum(axis=1)).ravel() * soft
        covered = {}
        for name, (head, full) in self.cover.items():
            ab = np.asarray(head[r].multiply(full[c]).sum(axis=1)).ravel()
            ba = np.asarray(head[c].multiply(full[r]).sum(axis=1)).ravel()
            covered[name] = np.minimum(ab, ba) * soft
        return _derive(cos, both, rare, covered)

    def logit(self, r: np.ndarray, c: np.ndarray) -> np.ndarray:
        bias, w = weights()
        f = self.features(r, c)
        out = np.full(len(r), bias)
        for k in FEATURES:
            out += w[k] * f[k]
        return out

    def dense_logit(self, ix: np.ndarray) -> np.ndarray:
        """The logit of every pair of docs ``ix`` (a square matrix)."""
        bias, w = weights()
        d = self.days[ix]
        soft = time_factor(d[:, None] - d[None, :], replace(self.options, near_boost=0.0))
        cos = {}
        for part in COSINES:
            sub = self.rows[part][ix]
            cos[part] = (sub @ sub.T).toarray() * soft
        both = {}
        for flag, part in PRESENT.items():
            h = self.has(part)[ix].astype(float)
            both[flag] = np.outer(h, h)
        sub = self.rare[ix]
        covered = {}
        for name, (head, full) in self.cover.items():
            ab = (head[ix] @ full[ix].T).toarray()
            covered[name] = np.minimum(ab, ab.T) * soft
        f = _derive(cos, both, (sub @ sub.T).toarray() * soft, covered)
        out = np.full((len(ix), len(ix)), bias)
        for k in FEATURES:
            out += w[k] * f[k]
        return out


def parts(docs: Sequence[Doc], days: np.ndarray, options: GroupingOptions = GroupingOptions(),
          body: Sequence[Sequence[str]] | None = None) -> Parts:
    """The parts of ``docs`` (``body``: the terms of their texts, when the caller has them)."""
    titles, leads, bodies, names, places, numbers = [], [], [], [], [], []
    heads, fulls, all_names = [], [], []
    for k, d in enumerate(docs):
        text = d.text or ""
        title = "" if _title_is_lead(d) else (d.title or "")
        lead = opening(text, LEAD_WORDS)
        wide = (d.title or "") + "\n" + opening(text, PLACE_WORDS)
        titles.append(_undated(word_terms(title)))
        leads.append(_undated(word_terms(lead)))
        bodies.append(_undated(body[k] if body is not None else word_terms(text)))
        names.append(_undated(name_terms((d.title or "") + "\n" + lead, d.names)))
        places.append(place_terms(wide))
        numbers.append(number_terms(wide))
        heads.append(titles[-1] + _undated(word_terms(opening(text, HEAD_WORDS))))
        fulls.append(titles[-1] + bodies[-1])
        all_names.append(_undated(name_terms((d.title or "") + "\n" + text, d.names)))
    rows = {"title": tfidf(titles, english=True), "lead": tfidf(leads, english=True),
            "body": tfidf(bodies, english=True), "names": tfidf(names, english=True, stemmed=False),
            "places": tfidf(places, english=True, stemmed=False),
            "numbers": tfidf(numbers, english=True, stemmed=False)}
    cover = {"head_covered": _coverage(heads, fulls, True), "names_covered": _coverage(names, all_names, False)}
    return Parts(rows, _rare(bodies), cover, days, options)


def _coverage(heads: Sequence[Sequence[str]], fulls: Sequence[Sequence[str]], stemmed: bool
              ) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """Head terms weighted by English IDF, each row summing to 1, and whole-text terms as 0/1,
    over one vocabulary."""
    vocab: dict[str, int] = {}
    hr, hc, hv, fr, fc = [], [], [], [], []
    for i, (head, full) in enumerate(zip(heads, fulls, strict=True)):
        for t in set(head):
            hr.append(i)
            hc.append(vocab.setdefault(t, len(vocab)))
            hv.append(background.english_idf(t, stemmed))
        for t in set(full) | set(head):
            fr.append(i)
            fc.append(vocab.setdefault(t, len(vocab)))
    shape = (len(heads), max(1, len(vocab)))
    head = sparse.csr_matrix((np.asarray(hv, dtype=float), (hr, hc)), shape=shape)
    total = np.asarray(head.sum(axis=1)).ravel()
    head = (sparse.diags(np.divide(1.0, total, out=np.zeros_like(total), where=total > 0)) @ head).tocsr()
    return head, sparse.csr_matrix((np.ones(len(fr)), (fr, fc)), shape=shape)


def _rare(term_lists: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    """Binary doc x term rows of the terms rarer in English than ``RARE_IDF`` (numbers aside)."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, terms in enumerate(term_lists):
        for t in set(terms):
            if not t[:1].isdigit() and background.english_idf(t) >= RARE_IDF:
                rows.append(i)
                cols.append(vocab.setdefault(t, len(vocab)))
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(term_lists), max(1, len(vocab))))
