"""Articles -> near-duplicate pairs and story clusters (indices into the input list).

``near_duplicates(texts)`` finds wire copies: pairs (i, j), i < j, whose sets of
5-word shingles (NFKC, lower-cased, tokens ``[a-z0-9]+``) have Jaccard >= the
threshold. The Jaccard is exact: shingles become columns of a sparse binary
matrix and one sparse product counts every pair's shared shingles (a MinHash
sketch would only estimate what this computes in the same time at our sizes).

``group(docs)`` clusters ``Doc`` records into stories: a TF-IDF vector of the
title and text, joined with a vector of the names in the text (and
participant names when the caller has them) so that two earthquakes in
different countries stay apart, and with a headline-only vector (outlets
re-word the body but keep the headline's key words), compared by cosine,
raised for articles a day or two apart, softened over years, and clustered
by average link cut at one threshold; a second pass (``merge_clusters``) then
joins clusters of one story whose wording drifted over days or years, when
their centroids, headline-and-lead names and headline words all agree and
their closest dated articles are near in time for the slower story's pace.
An undated article is neither near nor far from anything (callers that know
the day of the run date it to that day). Near-duplicates are forced into the
same story. Output: a list of clusters (lists of input indices), every index
in exactly one, largest clusters first.

Average link is run exactly but only inside the connected components of the
graph of pairs above the threshold (clusters in different components can
never reach the threshold on average), so 10,000 articles never need a dense
10,000 x 10,000 matrix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, datetime

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components

from briefgen.summarize._text import stem, stop_words


@dataclass(frozen=True)
class Doc:
    """What the grouper may look at for one article."""

    title: str
    text: str
    published: date | datetime | None = None
    names: tuple[str, ...] = ()  # participant names, when the analysis found them
    # False when ``published`` is only the run's day standing in for a missing date: the
    # first pass may use it, the cluster merge (which trusts closeness in time) may not
    date_known: bool = True


@dataclass(frozen=True)
class GroupingOptions:
    threshold: float = 11.0  # average-link score (see _score) at which two groups are one story
    cosine_weight: float = 25.0  # share of the plain cosine in the score
    lead_words: int = 0  # 0: whole text; else only the opening words
    title_weight: float = 2.0  # the headline counts as this many copies of itself
    name_weight: float = 1.0  # share of the names vector in the joined vector
    headline_weight: float = 0.3  # share of a headline-only vector (words and names) in the joined vector
    day_window: int = 30  # no penalty within this many days
    # Beyond the window, similarity halves every this many days. Slowly: follow-ups and
    # background pieces come months after the event, and feeds often date an article by
    # when it was fetched. Look-alike events are kept apart by their names and headlines
    # (ECB+ has no dates and is separated without them), so time is only a gentle prior.
    day_halflife: float = 1500.0
    # Articles published close together are more likely one event (the time-locality of
    # news that topic-detection systems use): a dated pair's similarity is raised by up to
    # this share, the raise halving every ``near_days`` days apart. Undated pairs get none.
    near_boost: float = 0.3
    near_days: float = 2.0
    # a typical day's background similarity, for batches too small to measure their own
    prior_mean: float = 0.03
    prior_sd: float = 0.06
    prior_weight: float = 20.0
    duplicate_threshold: float = 0.5
    # Second pass, between clusters (see ``merge_clusters``): a long story splits when its
    # vocabulary drifts; two clusters become one when their closest dated articles are near
    # enough in time (``merge_days``, or ``merge_pace`` times the slower cluster's pace), their
    # centroids' cosine reaches ``merge_cosine`` and their salient names (the people, places
    # and organisations of their headlines and leads) agree to ``merge_names`` and their
    # headline words to ``merge_headline``. ``merge_days < 0`` switches the pass off.
    merge_days: float = 7.0
    merge_pace: float = 30.0
    # Low: fragments of one long story (a trial, an anniversary) share only its core words,
    # a centroid cosine of 0.2 to 0.5; the name and headline guards keep look-alikes apart.
    merge_cosine: float = 0.25
    merge_names: float = 0.25
    merge_headline: float = 0.3


# ---- near-duplicates ------------------------------------------------------------------------

_SHINGLE_TOKEN = re.compile(r"[a-z0-9]+")


def shingles(text: str, k: int = 5) -> set[str]:
    tokens = _SHINGLE_TOKEN.findall(unicodedata.normalize("NFKC", text).lower())
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i:i + k]) for i in range(len(tokens) - k + 1)}


def near_duplicates(texts: Sequence[str], threshold: float = 0.5) -> list[tuple[int, int, float]]:
    """Pairs (i, j, jaccard) with i < j and exact shingle Jaccard >= threshold."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, t in enumerate(texts):
        for s in shingles(t):
            rows.append(i)
            cols.append(vocab.setdefault(s, len(vocab)))
    n = len(texts)
    if not vocab:
        return []
    m = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, len(vocab)))
    sizes = np.asarray(m.sum(axis=1)).ravel()
    out = []
    mt = m.T.tocsr()
    for start in range(0, n, 512):  # row blocks keep the product's memory bounded
        block = (m[start:start + 512] @ mt).tocoo()
        for i, j, inter in zip(block.row + start, block.col, block.data):
            if i < j:
                jac = inter / (sizes[i] + sizes[j] - inter)
                if jac >= threshold:
                    out.append((int(i), int(j), float(jac)))
    out.sort()
    return out


# ---- features -------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_][\w'’-]*")
# a name: capitalised words, joined by spaces or initials; sentence-initial common words
# are filtered by the stop list below
_NAME = re.compile(r"\b[A-Z][\w'’.-]*[a-zA-Z0-9](?:\s+(?:[A-Z][\w'’.-]*[a-zA-Z0-9]|of|de|al|bin|van|von|la)){0,4}")


def _lead(text: str, limit: int) -> str:
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


def _tfidf(term_lists: Sequence[Sequence[str]], weights: Sequence[Sequence[float]] | None = None) -> sparse.csr_matrix:
    """Sublinear-tf TF-IDF rows, l2-normalised; terms in only one document carry no link and are dropped."""
    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for i, terms in enumerate(term_lists):
        ws = weights[i] if weights is not None else None
        for k, t in enumerate(terms):
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
            vals.append(ws[k] if ws is not None else 1.0)
    n = len(term_lists)
    m = sparse.csr_matrix((np.asarray(vals, dtype=np.float64), (rows, cols)), shape=(n, max(1, len(vocab))))
    m.sum_duplicates()
    df = np.bincount(m.indices, minlength=m.shape[1])
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    idf[df < 2] = 0.0
    m.data = 1.0 + np.log(np.maximum(m.data, 1e-9))
    m = m @ sparse.diags(idf)
    m.eliminate_zeros()
    return _normalise(m.tocsr())


def _normalise(m: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    inv = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return (sparse.diags(inv) @ m).tocsr()


def vectors(docs: Sequence[Doc], options: GroupingOptions = GroupingOptions()) -> sparse.csr_matrix:
    """One l2-normalised row per doc: words and names side by side."""
    word_lists, weight_lists, name_lists = [], [], []
    for d in docs:
        title = d.title or ""
        lead = _lead(d.text or "", options.lead_words)
        tw, bw = word_terms(title), word_terms(lead)
        word_lists.append(tw + bw)
        weight_lists.append([options.title_weight] * len(tw) + [1.0] * len(bw))
        name_lists.append(name_terms(title + "\n" + lead, d.names))
    words = _tfidf(word_lists, weight_lists)
    parts = [words]
    if options.name_weight > 0:
        parts.append(_tfidf(name_lists) * np.sqrt(options.name_weight))
    if options.headline_weight > 0:
        heads = [word_terms(d.title or "") for d in docs]
        parts.append(_tfidf(heads) * np.sqrt(options.headline_weight))
    return _normalise(sparse.hstack(parts).tocsr())


# ---- clustering -----------------------------------------------------------------------------


def _ordinal(d: date | datetime | None) -> float:
    if d is None:
        return np.nan
    if isinstance(d, datetime):
        d = d.date()
    return float(d.toordinal())


def _time_factor(days: np.ndarray, options: GroupingOptions) -> np.ndarray:
    """Similarity factor of pairs ``days`` apart (NaN: one side undated)."""
    known = ~np.isnan(days)
    gap = np.where(known, np.abs(np.nan_to_num(days, nan=0.0)), 0.0)  # undated: neither near nor far
    if not known.any():
        return np.ones_like(gap)
    top = int(gap.max())
    if top < 100_000 and np.array_equal(gap, np.floor(gap)):
        # whole days (the usual case): a table per distinct gap, not a power per pair
        return _time_table(top, options)[gap.astype(np.int64)] * np.where(known, 1.0, _undated(options))
    return _time_curve(gap, known, options)


def _time_curve(gap: np.ndarray, known: np.ndarray, options: GroupingOptions) -> np.ndarray:
    over = np.maximum(gap - options.day_window, 0.0)
    factor = np.power(0.5, over / options.day_halflife)
    if options.near_boost:
        factor = factor * (1.0 + options.near_boost * known * np.power(0.5, gap / options.near_days))
    return factor


def _time_table(top: int, options: GroupingOptions) -> np.ndarray:
    gaps = np.arange(top + 1, dtype=float)
    return _time_curve(gaps, np.ones(top + 1, dtype=bool), options)


def _undated(options: GroupingOptions) -> float:
    """Factor of an undated pair relative to a dated pair 0 days apart (the table's entry 0)."""
    return 1.0 / (1.0 + options.near_boost)


def _background(x: sparse.csr_matrix, days: np.ndarray, options: GroupingOptions) -> tuple[np.ndarray, np.ndarray]:
    """Mean and standard deviation of each doc's similarity to the other docs of the batch,
    shrunk towards a typical news day for small batches (a handful of articles says little)."""
    n = x.shape[0]
    xt = x.T.tocsc()
    total = np.zeros(n)
    squares = np.zeros(n)
    for start in range(0, n, 512):  # dense 512 x n blocks keep memory linear in n
        block = (x[start:start + 512] @ xt).toarray()
        d = days[start:start + 512]
        block *= _time_factor(d[:, None] - days[None, :], options)
        idx = np.arange(block.shape[0])
        block[idx, idx + start] = 0.0  # a doc is not its own background
        total[start:start + 512] = block.sum(axis=1)
        squares[start:start + 512] = (block * block).sum(axis=1)
    k = max(n - 1, 0)
    mean = total / max(k, 1)
    var = np.maximum(squares / max(k, 1) - mean * mean, 0.0)
    w = options.prior_weight
    mean = (w * options.prior_mean + k * mean) / (w + k)
    var = (w * options.prior_sd ** 2 + k * var) / (w + k)
    return mean, np.sqrt(var)


def _score(sim: np.ndarray, mi: np.ndarray, si: np.ndarray, mj: np.ndarray, sj: np.ndarray,
           options: GroupingOptions) -> np.ndarray:
    """How far a pair stands above both docs' background (z) plus the cosine itself, scaled:
    the z part adapts to a day where every article is about politics, the cosine part
    keeps a few strong pairs together on a day of unrelated news."""
    z = (sim - (mi + mj) / 2) / np.maximum((si + sj) / 2, 1e-6)
    return z + options.cosine_weight * sim


def pair_scores(x: sparse.csr_matrix, days: np.ndarray, floor: float,
                options: GroupingOptions) -> tuple[sparse.coo_matrix, np.ndarray, np.ndarray]:
    """Upper-triangle pairs with score >= floor (sparse), and each doc's background."""
    mean, sd = _background(x, days, options)

    def score(v: np.ndarray, r: np.ndarray, c: np.ndarray) -> np.ndarray:
        return _score(v, mean[r], sd[r], mean[c], sd[c], options)

    return _blockwise_pairs(x, days, floor, options, score), mean, sd


def _blockwise_pairs(x: sparse.csr_matrix, days: np.ndarray, floor: float, options: GroupingOptions,
                     score=None) -> sparse.coo_matrix:
    """Time-weighted cosines of every pair i < j (optionally rescored) that reach `floor`,
    computed 512 rows at a time so memory stays flat however many articles there are."""
    n = x.shape[0]
    xt = x.T.tocsc()
    rows, cols, vals = [], [], []
    for start in range(0, n, 512):
        block = (x[start:start + 512] @ xt).tocoo()
        keep = (block.row + start) < block.col
        r, c, v = block.row[keep] + start, block.col[keep], block.data[keep]
        v = v * _time_factor(days[r] - days[c], options)
        if score is not None:
            v = score(v, r, c)
        ok = v >= floor
        rows.append(r[ok]); cols.append(c[ok]); vals.append(v[ok])
    r = np.concatenate(rows) if rows else np.zeros(0, int)
    c = np.concatenate(cols) if cols else np.zeros(0, int)
    v = np.concatenate(vals) if vals else np.zeros(0)
    return sparse.coo_matrix((v, (r, c)), shape=(n, n))


def average_link(x: sparse.csr_matrix, days: np.ndarray, threshold: float | None = None,
                 options: GroupingOptions = GroupingOptions(),
                 must_link: Sequence[tuple[int, int]] = (), plain: bool = False) -> list[list[int]]:
    """Average-link clusters of rows of x cut at ``threshold`` (default: the options').

    ``plain=True`` clusters on the time-softened cosine alone (the baseline);
    otherwise on the background-adjusted score of ``_score``."""
    n = x.shape[0]
    if n == 0:
        return []
    threshold = options.threshold if threshold is None else threshold
    low = None
    if plain:
        mean = np.zeros(n); sd = np.ones(n)
        scorer = lambda sim, ix: sim  # noqa: E731
        edges = _plain_edges(x, days, threshold, options)
    else:
        if n > DENSE_LIMIT:  # a component may be too big for a dense matrix: keep weaker pairs too
            low, mean, sd = pair_scores(x, days, threshold * SPARSE_FLOOR, options)
            keep = low.data >= threshold
            edges = sparse.coo_matrix((low.data[keep], (low.row[keep], low.col[keep])), shape=(n, n))
        else:
            edges, mean, sd = pair_scores(x, days, threshold, options)
        scorer = lambda sim, ix: _score(sim, mean[ix][:, None], sd[ix][:, None], mean[ix][None, :], sd[ix][None, :], options)  # noqa: E731
    graph = edges.tocsr()
    if must_link:
        a, b = zip(*must_link)
        graph = graph + sparse.csr_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    links: dict[int, list[int]] = {}
    for i, j in must_link:
        links.setdefault(i, []).append(j)
    clusters: list[list[int]] = []
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    for members in np.split(order, bounds):
        members = members.tolist()
        if len(members) == 1:
            clusters.append(members)
            continue
        ix = np.asarray(members)
        if low is not None and len(members) > DENSE_LIMIT:
            clusters.extend(_sparse_average_link(members, low, threshold * SPARSE_FLOOR, threshold, must_link))
            continue
        sub = x[ix]
        d = days[ix]
        sim = (sub @ sub.T).toarray() * _time_factor(d[:, None] - d[None, :], options)
        score = scorer(sim, ix)
        top = max(float(score.max()), threshold) + 1.0
        pos = {m: k for k, m in enumerate(members)}
        for i in members:  # copies of one text always share a story
            for j in links.get(i, ()):
                score[pos[i], pos[j]] = score[pos[j], pos[i]] = top
        dist = top - score
        np.fill_diagonal(dist, 0.0)
        iu = np.triu_indices(len(members), 1)
        z = linkage(np.clip(dist[iu], 0.0, None), method="average")
        lab = fcluster(z, t=top - threshold, criterion="distance")
        for k in np.unique(lab):
            clusters.append([members[i] for i in np.flatnonzero(lab == k)])
    clusters.sort(key=lambda c: (-len(c), c[0]))
    return clusters


# Components larger than this are clustered on their sparse pairs (_sparse_average_link):
# a dense average link needs memory and time quadratic in the component.
DENSE_LIMIT = 1500
SPARSE_FLOOR = 0.5  # pairs scoring under this share of the threshold count as scoring exactly that


def _sparse_average_link(members: list[int], low: sparse.coo_matrix, floor: float, threshold: float,
                         must_link: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Average link over one big component from its pairs scoring >= floor; every other
    pair counts as scoring ``floor``. Its true score is lower, so this merges at most a
    little more than the exact method, and only where the known pairs are strong: two
    clusters with no known pair average ``floor`` < threshold and never merge."""
    import heapq

    local = {m: k for k, m in enumerate(members)}
    parent = list(range(len(members)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in must_link:  # copies of one text start as one cluster
        if i in local and j in local:
            parent[find(local[i])] = find(local[j])
    cluster: dict[int, list[int]] = {}
    for k in range(len(members)):
        cluster.setdefault(find(k), []).append(k)
    nb: dict[int, dict[int, list[float]]] = {c: {} for c in cluster}
    inside = np.fromiter((r in local and c in local for r, c in zip(low.row, low.col)), bool, len(low.data))
    for r, c, v in zip(low.row[inside], low.col[inside], low.data[inside]):
        a, b = find(local[int(r)]), find(local[int(c)])
        if a != b:
            e = nb[a].get(b)
            if e is None:
                e = nb[a][b] = nb[b][a] = [0.0, 0]  # one shared [sum of known scores, known pairs]
            e[0] += float(v)
            e[1] += 1
    size = {c: len(m) for c, m in cluster.items()}

    def average(a: int, b: int, e: list[float]) -> float:
        pairs = size[a] * size[b]
        return (e[0] + (pairs - e[1]) * floor) / pairs

    heap = [(-average(a, b, e), a, b) for a in nb for b, e in nb[a].items() if a < b]
    heapq.heapify(heap)
    next_id = len(members)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if -neg < threshold:
            break
        if a not in cluster or b not in cluster:
            continue  # one side has merged since: a fresher entry exists
        c, next_id = next_id, next_id + 1
        cluster[c] = cluster.pop(a) + cluster.pop(b)
        size[c] = size.pop(a) + size.pop(b)
        na, nbb = nb.pop(a), nb.pop(b)
        nb[c] = {}
        for k in set(na) | set(nbb):
            if k in (a, b):
                continue
            ea, eb = na.get(k, (0.0, 0)), nbb.get(k, (0.0, 0))
            e = [ea[0] + eb[0], ea[1] + eb[1]]
            nb[c][k] = e
            nb[k].pop(a, None)
            nb[k].pop(b, None)
            nb[k][c] = e
            heapq.heappush(heap, (-average(c, k, e), min(c, k), max(c, k)))
    return [[members[k] for k in m] for m in cluster.values()]


def _plain_edges(x: sparse.csr_matrix, days: np.ndarray, floor: float,
                 options: GroupingOptions) -> sparse.coo_matrix:
    return _blockwise_pairs(x, days, floor, options)


def group(docs: Sequence[Doc], options: GroupingOptions = GroupingOptions(),
          duplicates: Sequence[tuple[int, int]] | None = None) -> list[list[int]]:
    """Story clusters of ``docs`` (see the module docstring)."""
    if not docs:
        return []
    if duplicates is None:
        duplicates = [(i, j) for i, j, _ in near_duplicates([d.text for d in docs], options.duplicate_threshold)]
    x = vectors(docs, options)
    days = np.asarray([_ordinal(d.published) for d in docs], dtype=float)
    clusters = average_link(x, days, options.threshold, options, must_link=duplicates)
    if options.merge_days < 0 or len(clusters) < 2:
        return clusters
    known = np.where([d.date_known for d in docs], days, np.nan)
    return merge_clusters(clusters, x, known, salient_names(docs), headline_words(docs), options)


# ---- second pass: clusters of one drifting story ---------------------------------------------

SALIENT_LEAD = 60  # words of the body that, with the headline, say who and where the story is about
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday".split())


def _idf_sets(term_sets: Sequence[set[str]]) -> sparse.csr_matrix:
    """Binary doc x term matrix weighted by IDF over the batch; a term in one doc links
    nothing and is dropped."""
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, terms in enumerate(term_sets):
        for w in terms:
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
    return _idf_sets([set(name_terms((d.title or "") + "\n" + _lead(d.text or "", SALIENT_LEAD))) - _CALENDAR
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


def _pace(days: np.ndarray) -> float:
    """Median days between a cluster's consecutive dated articles (0 with fewer than two)."""
    d = np.sort(days[~np.isnan(days)])
    return float(np.median(np.diff(d))) if len(d) > 1 else 0.0


def _closest_days(a: np.ndarray, b: np.ndarray) -> float:
    """Days between the closest dated articles of two clusters (NaN if either has none)."""
    a, b = a[~np.isnan(a)], b[~np.isnan(b)]
    if not len(a) or not len(b):
        return np.nan
    b = np.sort(b)
    k = np.clip(np.searchsorted(b, a), 1, len(b) - 1) if len(b) > 1 else np.zeros(len(a), int)
    return float(min(np.abs(a - b[k]).min(), np.abs(a - b[np.maximum(k - 1, 0)]).min()))


def merge_clusters(clusters: Sequence[Sequence[int]], x: sparse.csr_matrix, days: np.ndarray,
                   names: sparse.csr_matrix, heads: sparse.csr_matrix,
                   options: GroupingOptions = GroupingOptions()) -> list[list[int]]:
    """Join clusters that are one story told over several days as its wording drifted.

    Two clusters join when (1) their closest dated articles are at most ``merge_days``
    apart, or ``merge_pace`` times the pace of the more slowly covered one: the distance
    is between the nearest articles, not the centres, because a story grows at its newest
    end; a burst of daily coverage that then falls silent for months has ended (the next
    missile test is another event), while a story covered every few weeks for years (an
    inquiry, an anniversary, a trial) goes on after a month without news; undated
    articles never count, since without time a second earthquake looks like the first
    one's follow-up (ECB+ is built of such pairs);
    (2) the cosine of their centroids reaches ``merge_cosine``: the centroid averages
    away what each article adds, leaving what the cluster is about; (3) the cosine of
    their salient-name profiles (share of the cluster's articles naming each person,
    place or organisation in headline or lead, times its IDF) reaches ``merge_names``:
    a different protagonist or place keeps them apart; (4) the same for their headline
    words reaches ``merge_headline`` when both have headlines: the same people doing
    something else (a summit after a missile test) is another story. Best pairs first, each cluster
    joins at most once per round, rounds repeat until nothing joins."""
    clusters = [list(c) for c in clusters]
    n = x.shape[0]
    while len(clusters) > 1:
        sizes = np.asarray([len(c) for c in clusters], dtype=float)
        r = np.concatenate([np.full(len(c), k) for k, c in enumerate(clusters)])
        col = np.concatenate([np.asarray(c) for c in clusters])
        member = sparse.csr_matrix((1.0 / sizes[r], (r, col)), shape=(len(clusters), n))
        pace = [_pace(days[c]) for c in clusters]
        cent = _normalise((member @ x).tocsr())
        prof = _normalise((member @ names).tocsr())
        head = _normalise((member @ heads).tocsr())
        close = sparse.triu(cent @ cent.T, k=1).tocoo()
        keep = close.data >= options.merge_cosine
        pairs = sorted(zip(close.data[keep], close.row[keep], close.col[keep]), reverse=True)
        used: set[int] = set()
        joins = []
        for _, a, b in pairs:
            if a in used or b in used:
                continue
            if (prof[a] @ prof[b].T).sum() < options.merge_names:
                continue
            # a side without headlines (wire copy fed without them) gives no evidence either way
            if head[a].nnz and head[b].nnz and (head[a] @ head[b].T).sum() < options.merge_headline:
                continue
            near = max(options.merge_days, options.merge_pace * max(pace[a], pace[b]))
            if not _closest_days(days[clusters[a]], days[clusters[b]]) <= near:
                continue
            used.update((a, b))
            joins.append((a, b))
        if not joins:
            break
        for a, b in joins:
            clusters[a] = clusters[a] + clusters[b]
            clusters[b] = []
        clusters = [c for c in clusters if c]
    clusters.sort(key=lambda c: (-len(c), c[0]))
    return clusters


@dataclass
class DuplicateSets:
    """Near-duplicate pairs closed under 'is a copy of': each set is one text carried by several outlets."""

    sets: list[list[int]] = field(default_factory=list)

    @classmethod
    def from_pairs(cls, n: int, pairs: Sequence[tuple[int, int]]) -> "DuplicateSets":
        parent = list(range(n))

        def find(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        for i, j in pairs:
            parent[find(i)] = find(j)
        sets: dict[int, list[int]] = {}
        for i in range(n):
            sets.setdefault(find(i), []).append(i)
        return cls([s for s in sets.values() if len(s) > 1])
