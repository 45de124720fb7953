"""Docs -> term vectors: TF-IDF of the title and text beside a vector of the names in it and
a headline-only vector (``vectors``), and the salient names and headline words the merge
pass compares (``salient_names``, ``headline_words``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse

from briefgen.stories import background
from briefgen.stories.doc import Doc, GroupingOptions
from briefgen.summarize._text import stem, stop_words

_WORD = re.compile(r"[^\W_][\w'’-]*")


# a name: capitalised words, joined by spaces or initials; sentence-initial common words
# are filtered by the stop list below
_NAME = re.compile(r"\b[A-Z][\w'’.-]*[a-zA-Z0-9](?:\s+(?:[A-Z][\w'’.-]*[a-zA-Z0-9]|of|de|al|bin|van|von|la)){0,4}")


def opening(text: str, limit: int) -> str:
    if limit <= 0:
        return text
    # cut on whitespace without splitting the whole text first (some inputs are huge)
    count, pos = 0, 0
    for m in re.finditer(r"\S+", text):
        count += 1
        if count >= limit:
            pos = m.end()
            break
    return text[:pos] if pos else text


@lru_cache(maxsize=200_000)  # a day repeats its words; stemming each again was a third of grouping
def _stem(word: str) -> str:
    return stem(word)


def word_terms(text: str) -> list[str]:
    sw = stop_words()
    out = []
    for w in _WORD.findall(text):
        lw = w.lower().replace("’", "'")
        if lw in sw or len(lw) < 2:
            continue
        out.append(lw if lw[0].isdigit() else _stem(lw))
    return out


def name_terms(text: str, extra: Sequence[str] = ()) -> list[str]:
    """Capitalised phrases (not the common word that opens a sentence), as lower-case words."""
    sw = stop_words()
    out = []
    for m in _NAME.finditer(text):
        words = [w.lower().strip(".'’") for w in m.group(0).split()]
        words = [w for w in words if w and w not in sw]
        out.extend(words)
    for name in extra:
        out.extend(w.lower() for w in name.split() if w.lower() not in sw)
    return out


def tfidf(term_lists: Sequence[Sequence[str]], weights: Sequence[Sequence[float]] | None = None,
          english: bool = False, stemmed: bool = True) -> sparse.csr_matrix:
    """Sublinear-tf TF-IDF rows, l2-normalised. By default the IDF is the batch's own, and
    terms in only one document carry no link and are dropped: what this batch's articles
    share against each other. ``english=True`` weighs every term by ``background.idf``
    instead, so the cosine means the same in an inbox of two articles and of 20,000."""
    vocab: dict[str, int] = {}
    n = len(term_lists)
    lengths = np.fromiter((len(t) for t in term_lists), np.int64, n)
    cols = np.fromiter((vocab.setdefault(t, len(vocab)) for terms in term_lists for t in terms), np.int64,
                       int(lengths.sum()))
    rows = np.repeat(np.arange(n), lengths)
    vals = (np.fromiter((w for ws in weights for w in ws), np.float64, len(cols)) if weights is not None
            else np.ones(len(cols)))
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(1, len(vocab))))
    m.sum_duplicates()
    df = np.bincount(m.indices, minlength=m.shape[1])
    if english:
        idf = background.idf(list(vocab), df[:len(vocab)].astype(float), n, stemmed) if vocab else np.zeros(1)
    else:
        idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
        idf[df < 2] = 0.0
    m.data = 1.0 + np.log(np.maximum(m.data, 1e-9))
    m = m @ sparse.diags(idf)
    m.eliminate_zeros()
    return normalise(m.tocsr())


def normalise(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    inv = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return (sparse.diags(inv) @ m).tocsr()


@dataclass(frozen=True)
class Terms:
    """The terms of each doc the vectors are made of, found once for both kinds of vector."""

    title: tuple[tuple[str, ...], ...]
    body: tuple[tuple[str, ...], ...]
    names: tuple[tuple[str, ...], ...]


def terms_of(docs: Sequence[Doc], options: GroupingOptions = GroupingOptions()) -> Terms:
    titles, bodies, names = [], [], []
    for d in docs:
        title = d.title or ""
        lead = opening(d.text or "", options.lead_words)
        titles.append(tuple(word_terms(title)))
        bodies.append(tuple(word_terms(lead)))
        names.append(tuple(name_terms(title + "\n" + lead, d.names)))
    return Terms(tuple(titles), tuple(bodies), tuple(names))


def vectors(docs: Sequence[Doc], options: GroupingOptions = GroupingOptions(),
            english: bool = False, terms: Terms | None = None) -> sparse.csr_matrix:
    """One l2-normalised row per doc: words and names side by side (``english``: see ``tfidf``)."""
    terms = terms or terms_of(docs, options)
    # "on Sunday" is shared by every article of a day, not evidence of one story
    keep = _undated if english else list
    word_lists, weight_lists = [], []
    for title, body in zip(terms.title, terms.body):
        tw, bw = keep(title), keep(body)
        word_lists.append(tw + bw)
        weight_lists.append([options.title_weight] * len(tw) + [1.0] * len(bw))
    parts = [tfidf(word_lists, weight_lists, english)]
    if options.name_weight > 0:
        parts.append(tfidf([keep(n) for n in terms.names], english=english, stemmed=False)
                     * np.sqrt(options.name_weight))
    if options.headline_weight > 0:
        parts.append(tfidf([keep(t) for t in terms.title], english=english) * np.sqrt(options.headline_weight))
    return normalise(sparse.hstack(parts).tocsr())


SALIENT_LEAD = 60  # words of the body that, with the headline, say who and where the story is about


_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday".split())
_CALENDAR_STEMS = _CALENDAR | frozenset(_stem(w) for w in _CALENDAR)


def _undated(terms: Sequence[str]) -> list[str]:
    return [t for t in terms if t not in _CALENDAR_STEMS]


def _idf_sets(term_sets: Sequence[set[str]]) -> sparse.csr_matrix:
    """Binary doc x term matrix weighted by IDF over the batch; a term in one doc links
    nothing and is dropped. The batch's own IDF on purpose: these profiles compare clusters
    the first pass made, and what tells two of them apart is what the day does not share."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, terms in enumerate(term_sets):
        for w in sorted(terms):
            rows.append(i)
            cols.append(vocab.setdefault(w, len(vocab)))
    n = len(term_sets)
    m = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, max(1, len(vocab))))
    df = np.bincount(m.indices, minlength=m.shape[1])
    idf = np.where(df >= 2, np.log(max(n, 2) / np.maximum(df, 1)), 0.0)
    m = (m @ sparse.diags(idf)).tocsr()
    m.eliminate_zeros()
    return m


def salient_names(docs: Sequence[Doc]) -> sparse.csr_matrix:
    """The names in each headline and lead (who and where the article is about, not
    everyone it mentions), IDF-weighted; calendar words are not names."""
    return _idf_sets([set(name_terms((d.title or "") + "\n" + opening(d.text or "", SALIENT_LEAD))) - _CALENDAR
                      for d in docs])


def headline_words(docs: Sequence[Doc]) -> sparse.csr_matrix:
    """The stemmed content words of each headline, IDF-weighted: what happened (the event
    type: crash, breach, launch), which outlets keep in the headline as the body drifts.
    A title that only repeats the opening of the body is no headline: it is what ingest
    makes of an article that came without one (wire copy), and two leads of one story
    (a dateline, a new angle) share far fewer words than two headlines do."""
    return _idf_sets([set() if _title_is_lead(d) else set(word_terms(d.title or "")) - _CALENDAR
                      for d in docs])


def _title_is_lead(d: Doc) -> bool:
    # a headline that extraction left atop the body stands on its own line; a title cut
    # from the lead sentence is followed on its line by the rest of that sentence
    title = " ".join((d.title or "").rstrip("…").split())
    first = " ".join((d.text or "").lstrip().split("\n", 1)[0].split())
    return bool(title) and first.startswith(title) and len(first) > len(title)
