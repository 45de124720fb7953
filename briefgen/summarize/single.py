"""Sentences of one article -> its summary: chosen sentences in document order, with scores.

The steps: drop blank and repeated sentences, group a quotation split over several
sentences into one unit (``units``), rate the units (``registry.rate``), choose within
the budget (``editor.choose`` for the editor, ``budget.select`` for the others), and
return each choice as a ``SummarySentence``.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.model import Sentence, SummarySentence
from briefgen.summarize import budget as _budget, units as _units
from briefgen.summarize.registry import check, distinct, rate, rescale


def summarize(sentences: Sequence[Sentence], *, algorithm: str | None = None,
              count: int | None = None, words: int | None = None, ratio: float | None = None,
              title: str | None = None, engine: str = "fast",
              quote_units: bool = True, participants: Sequence | None = None,
              articles: Sequence[int] | None = None) -> tuple[SummarySentence, ...]:
    """Choose the summary sentences of one article; see the ``briefgen.summarize`` docstring.

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

    ``articles`` (one per sentence): which article each sentence comes from when the
    sentences of several articles run together, each article's in a block (a story's
    articles, newest first); the editor then counts positions inside each article, so every
    article has its own lead. The other algorithms ignore it.
    """
    name = check(algorithm, engine)
    kept = [s for s, _ in distinct(sentences)]
    of_article = None
    if articles is not None and len(articles) == len(sentences):
        # distinct keeps the Sentence objects themselves: find each one's article by identity
        by_id = {id(s): a for s, a in zip(sentences, articles)}
        of_article = [by_id[id(s)] for s in kept]
    if not kept:
        return ()
    groups = _units.group(kept) if quote_units else _units.singletons(kept)
    texts = [" ".join(u.text.split()) for u in groups]
    paragraphs = [u.paragraph for u in groups]
    lengths = [_budget.word_count(t) for t in texts]
    limit, budget = _budget.limits(len(texts), count=count, words=words, ratio=ratio)
    size: float = limit
    if budget is not None and lengths:  # a word budget: about that many average sentences
        size = min(size, budget / max(1.0, sum(lengths) / len(lengths)))
    unit_articles = None if of_article is None else [of_article[u.members[0]] for u in groups]
    raw, ranking = rate(texts, paragraphs, algorithm=name, title=title, engine=engine,
                        summary_sentences=size, articles=unit_articles)
    if quote_units:
        whole = [i for i in ranking if groups[i].balanced]
        ranking = whole or list(ranking)
    if name == "editor":
        chosen, shown = _choose_editor(groups, texts, paragraphs, ranking, lengths, limit, budget,
                                       quote_units=quote_units, participants=participants)
    else:
        chosen = _budget.select(ranking, lengths, count=count, words=words, ratio=ratio)
        shown = [texts[i] for i in chosen]
    return _summary_sentences(kept, groups, texts, chosen, shown, rescale(raw))


def _choose_editor(groups: list[_units.Unit], texts: list[str], paragraphs: list[int],
                   ranking: list[int], lengths: list[int], limit: int, budget: int | None, *,
                   quote_units: bool, participants: Sequence | None) -> tuple[list[int], list[str]]:
    """The editor's choice (positions in document order) and the text each one shows."""
    from briefgen.summarize import editor  # numpy: lazy
    from briefgen.summarize.resolve import Resolver

    balanced = [u.balanced for u in groups] if quote_units and any(u.balanced for u in groups) \
        else [True] * len(groups)
    allowed = [b and not c and not h for b, c, h in zip(balanced, editor.captions(texts, paragraphs),
                                                        editor.labels(texts, paragraphs))]
    resolver = Resolver(texts, participants)
    chosen = editor.choose(texts, ranking, lengths, limit, budget, allowed=allowed,
                           resolver=resolver)
    if not chosen and ranking and limit > 0 and budget != 0:
        chosen = [ranking[0]]  # same rule as every algorithm: never empty
    return chosen, editor.final_texts(texts, chosen, resolver)


def _summary_sentences(kept: list[Sentence], groups: list[_units.Unit], texts: list[str],
                       chosen: list[int], shown: list[str],
                       scores: list[float]) -> tuple[SummarySentence, ...]:
    out = []
    for i, flat in zip(chosen, shown):
        first = kept[groups[i].members[0]]
        # keep the article's own spacing unless the text was repaired or joined
        text = first.text if len(groups[i].members) == 1 and flat == texts[i] \
            and groups[i].text == first.text else flat
        out.append(SummarySentence(first.index, text, scores[i]))
    return tuple(out)
