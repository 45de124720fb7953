"""Sentences of one article -> its summary: chosen sentences in document order, with scores.

``summarize(sentences, algorithm=..., count=/words=/ratio=, title=, engine=)``
returns ``SummarySentence`` tuples. Every name in ``ALGORITHMS`` works with
both engines: ``engine="sumy"`` runs the real sumy 0.13 classes offline (the
reference), ``engine="fast"`` runs briefgen's vectorised implementations
(``briefgen.summarize``) where one exists and sumy otherwise.

Scores: every algorithm's own rating is rescaled to [0, 1] over the article
(1 = the article's best sentence, 0 = its worst; all 1 when every sentence
ties), so higher always means more important and scores are comparable
between algorithms only in their order, not their size.

Budgets are described in ``briefgen.summarize.budget`` (the word budget is a
hard cap, except that a non-empty article always gets its best sentence).
The function never raises on odd input (empty, blank or duplicate sentences,
negative budgets); only an unknown algorithm or engine name raises
``UnknownAlgorithm``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from briefgen.errors import UnknownAlgorithm
from briefgen.model import Sentence, SummarySentence
from briefgen.summarize import budget as _budget

SUMY_ALGORITHMS: tuple[str, ...] = (
    "lexrank", "lsa", "textrank", "luhn", "edmundson", "kl", "sumbasic", "reduction", "random",
)
# "editor" is briefgen's own: position + centrality + title + length, with
# editorial selection (see briefgen.summarize.editor)
ALGORITHMS: tuple[str, ...] = SUMY_ALGORITHMS + ("lead", "editor")
DEFAULT_ALGORITHM: str = "editor"
ENGINES: tuple[str, ...] = ("fast", "sumy")
# algorithms with a vectorised engine; the others (edmundson, random, lead) are
# linear already and run the same code under both engines
FAST_ALGORITHMS: tuple[str, ...] = ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "reduction")

Rater = Callable[[Sequence[str], Sequence[int], "str | None"], tuple[list[float], list[int]]]


def _check(algorithm: str | None, engine: str) -> str:
    name = (algorithm or DEFAULT_ALGORITHM).strip().lower()
    if name not in ALGORITHMS:
        raise UnknownAlgorithm(
            f"unknown summarizer {algorithm!r}; choose one of: {', '.join(ALGORITHMS)}"
        )
    if engine not in ENGINES:
        raise UnknownAlgorithm(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    return name


def _rate_lead(texts: Sequence[str], paragraphs: Sequence[int], title: str | None):
    n = len(texts)
    return [float(n - i) for i in range(n)], list(range(n))


def rate(texts: Sequence[str], paragraphs: Sequence[int], *, algorithm: str,
         title: str | None = None, engine: str = "fast") -> tuple[list[float], list[int]]:
    """Raw scores (document order) and ranking (best first) of non-empty sentence texts."""
    name = _check(algorithm, engine)
    if not texts:
        return [], []
    if name == "lead":
        return _rate_lead(texts, paragraphs, title)
    if name == "editor":
        from briefgen.summarize import editor

        return editor.rate(texts, paragraphs, title)
    if engine == "fast" and name in FAST_ALGORITHMS:
        from briefgen.summarize import fast

        return fast.rate(name, texts)
    from briefgen.summarize import sumy_engine

    return sumy_engine.rate(name, texts, paragraphs, title)


def _rescale(scores: Sequence[float]) -> list[float]:
    lo, hi = min(scores), max(scores)
    if not hi > lo:  # also catches NaN
        return [1.0] * len(scores)
    return [round((s - lo) / (hi - lo), 6) for s in scores]


def summarize(sentences: Sequence[Sentence], *, algorithm: str | None = None,
              count: int | None = None, words: int | None = None, ratio: float | None = None,
              title: str | None = None, engine: str = "fast",
              quote_units: bool = True, participants: Sequence | None = None,
              ) -> tuple[SummarySentence, ...]:
    """Choose the summary sentences of one article; see the module docstring.

    With ``quote_units`` (the default) a quotation the segmenter split into
    several sentences is one unit: it is rated, counted and returned as one
    summary sentence (``index`` = its first sentence, ``text`` = all of it), and
    a unit whose quote marks still do not pair up is left out unless nothing
    else is left. ``quote_units=False`` rates the sentences as given (what
    stock sumy does; the evaluation uses it for the baselines).

    The default ("editor") summary never opens a sentence with a pronoun or
    connective whose antecedent is left out: such a sentence's ``text`` is
    repaired ("However, " dropped, "He" replaced by the person's name; pass the
    article's ``participants`` to name people as the participant extractor
    does) or the sentence before it is taken too (``summarizers.editor``).
    ``index`` always points at the article sentence the text comes from.
    """
    from briefgen.summarize import units as _units

    name = _check(algorithm, engine)
    kept, seen = [], set()
    for s in sentences:
        key = " ".join((s.text or "").split())
        # repeated sentences would share one sumy score and could both be chosen
        if key and key not in seen:
            seen.add(key)
            kept.append(s)
    if not kept:
        return ()
    groups = _units.group(kept) if quote_units else _units.singletons(kept)
    texts = [" ".join(u.text.split()) for u in groups]
    paragraphs = [u.paragraph for u in groups]
    raw, ranking = rate(texts, paragraphs, algorithm=name, title=title, engine=engine)
    if quote_units:
        whole = [i for i in ranking if groups[i].balanced]
        ranking = whole or list(ranking)
    lengths = [_budget.word_count(t) for t in texts]
    if name == "editor":
        from briefgen.summarize import editor

        limit, budget = _budget.limits(len(texts), count=count, words=words, ratio=ratio)
        balanced = [u.balanced for u in groups] if quote_units and any(u.balanced for u in groups) \
            else [True] * len(groups)
        allowed = [b and not c for b, c in zip(balanced, editor.captions(texts, paragraphs))]
        from briefgen.summarize.resolve import Resolver

        resolver = Resolver(texts, participants)
        chosen = editor.choose(texts, ranking, lengths, limit, budget, allowed=allowed,
                               resolver=resolver)
        if not chosen and ranking and limit > 0 and budget != 0:
            chosen = [ranking[0]]  # same rule as every algorithm: never empty
        shown = editor.final_texts(texts, chosen, resolver)
    else:
        chosen = _budget.select(ranking, lengths, count=count, words=words, ratio=ratio)
        shown = [texts[i] for i in chosen]
    scores = _rescale(raw)
    out = []
    for i, flat in zip(chosen, shown):
        first = kept[groups[i].members[0]]
        # keep the article's own spacing unless the text was repaired or joined
        text = first.text if len(groups[i].members) == 1 and flat == texts[i] \
            and groups[i].text == first.text else flat
        out.append(SummarySentence(first.index, text, scores[i]))
    return tuple(out)


# ---- many articles, one summary ------------------------------------------------------------


@dataclass(frozen=True)
class SourcedSentence:
    """A summary sentence that remembers which article it came from."""

    document: str  # the reference the caller gave for the article (path, id, url)
    index: int  # index into that article's sentences
    text: str
    score: float  # relevance in [0, 1] across the whole set (1 = the best sentence)


def summarize_many(docs: Sequence[tuple[str, Sequence[Sentence]]], *, words: int | None = None,
                   count: int | None = None, ratio: float | None = None, title: str | None = None,
                   algorithm: str | None = None, engine: str = "fast",
                   diversity: float = 0.3) -> tuple[SourcedSentence, ...]:
    """One summary over several articles of a story, with MMR redundancy control.

    Relevance of a sentence = half its score inside its own article (``algorithm``,
    default the default summarizer, rescaled to [0, 1]) and half its cosine with
    the centroid of all the articles (what the sources agree on). Sentences are
    then picked by maximal marginal relevance (Carbonell & Goldstein 1998):
    ``(1 - diversity) * relevance - diversity * max cosine to what is chosen``,
    skipping near-duplicates, non-prose and dangling openers, until the budget
    (same rules as ``summarize``; ratio is a share of all sentences) is spent.
    Output: grouped by article, document order inside each; the article whose
    sentence was picked first (the most relevant) comes first, and so on.
    """
    import numpy as np
    from scipy import sparse

    from briefgen.summarize import _matrix, _text, editor

    name = _check(algorithm, engine)
    items: list[tuple[int, str, Sentence, str]] = []  # (doc no, ref, sentence, clean text)
    relevance: list[float] = []
    for d, (ref, sentences) in enumerate(docs):
        kept, seen = [], set()
        for s in sentences:
            key = " ".join((s.text or "").split())
            if key and key not in seen:
                seen.add(key)
                kept.append((s, key))
        if not kept:
            continue
        raw, _ = rate([k for _, k in kept], [s.paragraph for s, _ in kept], algorithm=name,
                      title=title, engine=engine)
        relevance.extend(_rescale(raw))
        items.extend((d, ref, s, k) for s, k in kept)
    if not items:
        return ()
    texts = [k for *_, k in items]
    words_ = _text.analyse(texts)
    c, _ = _matrix.counts(words_.content)
    df = np.bincount(c.indices, minlength=c.shape[1])
    x = (c @ sparse.diags(np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0)).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    x = (sparse.diags(np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)) @ x).tocsr()
    centroid = np.asarray(x.mean(axis=0)).ravel()
    cn = np.linalg.norm(centroid)
    central = x @ (centroid / cn) if cn > 0 else np.zeros(len(texts))
    cmax = central.max() if len(central) else 0.0
    rel = 0.5 * np.asarray(relevance) + 0.5 * (central / cmax if cmax > 0 else central)

    lengths = [_budget.word_count(t) for t in texts]
    limit, budget = _budget.limits(len(texts), count=count, words=words, ratio=ratio)
    ok = np.asarray([editor.is_content(t) for t in texts])
    by_doc: dict[int, list[int]] = {}
    for i, (d, *_) in enumerate(items):
        by_doc.setdefault(d, []).append(i)
    for mine in by_doc.values():
        for i, caption in zip(mine, editor.captions([texts[i] for i in mine], [items[i][2].paragraph for i in mine])):
            ok[i] &= not caption
    max_sim = np.zeros(len(texts))
    chosen: list[int] = []
    taken: set[tuple[int, int]] = set()
    used = 0
    alive = ok.copy()
    while len(chosen) < limit and alive.any():
        mmr = np.where(alive, (1 - diversity) * rel - diversity * max_sim, -np.inf)
        i = int(np.argmax(mmr))
        alive[i] = False
        d, _, s, t = items[i]
        if budget is not None and used + lengths[i] > budget:
            continue
        if max_sim[i] > 0.8:  # says what a chosen sentence says
            continue
        if editor.opener(t) in editor.OPENERS and (d, s.index - 1) not in taken:
            continue
        chosen.append(i)
        taken.add((d, s.index))
        used += lengths[i]
        max_sim = np.maximum(max_sim, (x @ x[i].T).toarray().ravel())
        if editor.opener(t) is not None:
            # a dangling follower of this sentence may now be taken: let it compete again
            for j in range(len(items)):
                if items[j][0] == d and items[j][2].index == s.index + 1 and ok[j] and j not in chosen:
                    alive[j] = True
    if not chosen and budget != 0 and limit > 0:
        chosen = [int(np.argmax(np.where(ok, rel, -np.inf)))] if ok.any() else [0]
    scores = _rescale(list(rel))
    # each article's sentences together, in document order, the articles in the order
    # their first sentence was picked: the most relevant article leads, so a reader
    # (or a cut to fewer words) meets the best material first
    lead: dict[int, int] = {}
    for k, i in enumerate(chosen):
        lead.setdefault(items[i][0], k)
    chosen.sort(key=lambda i: (lead[items[i][0]], items[i][2].index))
    return tuple(SourcedSentence(items[i][1], items[i][2].index, items[i][2].text, scores[i])
                 for i in chosen)


# The graph summarizers are quadratic in the sentence count: a 5,000-sentence dump
# took ~20 s per summary. News puts its substance up front, so the summary is
# chosen from the first sentences only; a prefix keeps every index valid.
SUMMARY_INPUT_LIMIT = 400


def summary_input(sentences: Sequence[Sentence]) -> Sequence[Sentence]:
    """The sentences a summary is chosen from: at most SUMMARY_INPUT_LIMIT, from the start."""
    return sentences[:SUMMARY_INPUT_LIMIT]
