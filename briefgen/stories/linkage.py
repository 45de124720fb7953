"""Term vectors + days -> average-link clusters (lists of row indices) cut at one threshold.

A pair's score is how far its time-weighted cosine stands above both docs' background
similarity (z), plus the cosine itself. Average link is run exactly but only inside the
connected components of the graph of pairs above the threshold (clusters in different
components can never reach the threshold on average), so 10,000 articles never need a
dense 10,000 x 10,000 matrix; a component too big for a dense matrix is clustered on its
sparse pairs. Each cluster is then split where its articles are not tied by pairs of
absolute evidence (``gate``), and in a small batch a pair of overwhelming evidence scores the
threshold whatever its batch-relative score (``strong_cut``): the evidence of a pair means the
same in any batch, the batch-relative score only in one big enough to have measured itself.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components

from briefgen.stories.doc import GroupingOptions
from briefgen.stories.evidence import Parts
from briefgen.stories.timing import time_factor

# A doc's background is measured against at most this many others (a fixed, seeded sample
# when the batch is bigger): the mean and spread of its similarity to the day settle long
# before, and comparing every doc with every other would make the day quadratic.
BACKGROUND_SAMPLE = 2000


def _background(x: sparse.csr_matrix, days: np.ndarray, options: GroupingOptions) -> tuple[np.ndarray, np.ndarray]:
    """Mean and standard deviation of each doc's similarity to the other docs of the batch,
    shrunk towards a typical news day for small batches (a handful of articles says little)."""
    n = x.shape[0]
    if n > BACKGROUND_SAMPLE:
        sample = np.sort(np.random.default_rng(0).choice(n, BACKGROUND_SAMPLE, replace=False))
    else:
        sample = np.arange(n)
    xt = x[sample].T.tocsc()
    total = np.zeros(n)
    squares = np.zeros(n)
    others = np.full(n, float(len(sample)))
    position = np.full(n, -1)
    position[sample] = np.arange(len(sample))
    for start in range(0, n, 512):  # dense 512 x sample blocks keep memory linear in n
        block = (x[start:start + 512] @ xt).toarray()
        d = days[start:start + 512]
        block *= time_factor(d[:, None] - days[sample][None, :], options)
        rows = np.arange(block.shape[0])
        own = position[start:start + 512]
        inside = own >= 0
        block[rows[inside], own[inside]] = 0.0  # a doc is not its own background
        others[start:start + 512] -= inside
        total[start:start + 512] = block.sum(axis=1)
        squares[start:start + 512] = (block * block).sum(axis=1)
    k = np.maximum(others, 0.0)
    mean = total / np.maximum(k, 1.0)
    var = np.maximum(squares / np.maximum(k, 1.0) - mean * mean, 0.0)
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


def _absolute(score: np.ndarray, english: np.ndarray, threshold: float, options: GroupingOptions) -> np.ndarray:
    """The pair's score, capped by its absolute evidence. The batch-relative score tells one
    story from its look-alikes on a busy day; the cap keeps two unrelated articles apart when
    they are most of the inbox, where everything shared looks remarkable against so small a
    batch. The evidence is the pair's log-odds of one story (``evidence.Parts.logit``), the
    threshold at ``evidence_cut`` and ``evidence_scale`` threshold units per unit beyond; with
    ``evidence_scale`` 0, the plain cosine of the English-weighted vectors, ``options.evidence``
    of cosine counting as the threshold."""
    if options.evidence_scale > 0:
        # never below 0, like a cosine: one pair without evidence pulls a story's average
        # down as far as one with nothing in common, no further
        cap = threshold + options.evidence_scale * (english - options.evidence_cut)
        return np.minimum(score, np.maximum(cap, 0.0))
    return np.minimum(score, english * (threshold / options.evidence))


# Pair evidence (``evidence.Parts.logit``) is computed only for pairs whose English-weighted
# cosine reaches this: a pair below it can never pass the cosine cap (``_absolute``), and in
# the tune half no pair with log-odds of 1 or more had a cosine under 0.09, so the strong
# path and the gate lose nothing, and a day's pairs of unrelated articles cost nothing more.
EVIDENCE_COSINE = 0.075
# A pair of overwhelming evidence (``GroupingOptions.evidence_strong``) scores the threshold
# plus this many threshold units per unit of log-odds beyond
STRONG_SLOPE = 3.0
# a strong cut above this no pair reaches: the strong path is skipped
STRONG_OFF = 15.0
# How far the strong cut (``GroupingOptions.evidence_strong``) is raised for a batch big
# enough to judge its own look-alikes (units of log-odds; past ``STRONG_OFF``: no pair)
STRONG_RISE = 20.0
# How far the gate (``GroupingOptions.evidence_gate``) is lowered for a batch big enough to
# judge its own look-alikes (at most this many units of log-odds)
GATE_RELIEF = 5.0
# Past this many articles a batch judges its own look-alikes: its gate cut is below -3.5
# log-odds and the strong path is off, so the caller makes no pair evidence (``grouping``)
GATE_UP_TO = 400


def _trust(n: int, options: GroupingOptions) -> float:
    """How much a batch of ``n`` articles can say of its own pairs, 0 to 1: the weight of its
    measured background against the ``prior_weight`` pseudo-articles of ``_background``,
    squared, so that it stays near 0 for an inbox of two to ten articles (0.07 at ten, 0.5
    at fifty, 0.9 at four hundred)."""
    k = max(n - 1, 0)
    return (k / (k + options.prior_weight)) ** 2


def strong_cut(n: int, options: GroupingOptions) -> float:
    """The log-odds at which a pair counts as one story whatever the batch-relative score
    says: ``evidence_strong`` for a batch too small to have measured a background, higher as
    the batch can judge its own look-alikes (a busy day of one topic's reports)."""
    return options.evidence_strong + STRONG_RISE * _trust(n, options)


def gate_cut(n: int, options: GroupingOptions) -> float:
    """The log-odds the gate asks of a batch of ``n``: ``evidence_gate`` where the batch is
    too small to have measured a background, down by up to ``GATE_RELIEF`` for a big batch,
    where the batch-relative score already tells one story from its look-alikes (a day of
    one topic's reports, some of whose pairs share little but the story itself)."""
    return options.evidence_gate - GATE_RELIEF * _trust(n, options)


def _strong(logit: np.ndarray, threshold: float, cut: float) -> np.ndarray:
    return threshold + STRONG_SLOPE * (logit - cut)


def _english_cosine(english: sparse.csr_matrix, r: np.ndarray, c: np.ndarray) -> np.ndarray:
    """The cosine of each pair (r[k], c[k]); many pairs of a few rows (one block of
    ``_blockwise_pairs``) through one product of those rows with every row."""
    if not len(r):
        return np.zeros(0)
    lo, hi = int(r.min()), int(r.max()) + 1
    if len(r) > 4 * english.shape[0] and hi - lo <= 1024:
        block = (english[lo:hi] @ english.T).toarray()
        return block[r - lo, c]
    return np.asarray(english[r].multiply(english[c]).sum(axis=1)).ravel()


def pair_scores(x: sparse.csr_matrix, days: np.ndarray, floor: float, options: GroupingOptions,
                english: sparse.csr_matrix | None = None, threshold: float | None = None,
                parts: Parts | None = None) -> tuple[sparse.coo_matrix, np.ndarray, np.ndarray]:
    """Upper-triangle pairs with score >= floor (sparse), and each doc's background; the cap
    is the pair evidence of ``parts`` with ``evidence_scale`` > 0, else the cosine of
    ``english``; with ``parts``, a pair of overwhelming evidence scores at least the threshold
    (``GroupingOptions.evidence_strong``)."""
    mean, sd = _background(x, days, options)
    threshold = options.threshold if threshold is None else threshold
    unboosted = replace(options, near_boost=0.0)  # being published together is no evidence of one story
    cut = strong_cut(x.shape[0], options)

    def score(v: np.ndarray, r: np.ndarray, c: np.ndarray, start: int) -> np.ndarray:
        out = _score(v, mean[r], sd[r], mean[c], sd[c], options)
        if english is None:
            return out
        # the cap can only lower a score: only pairs that reach the floor need their evidence
        ok = np.flatnonzero(out >= floor)
        if len(ok):
            a, b = r[ok], c[ok]
            if parts is not None and options.evidence_scale > 0:
                found = parts.logit(a, b)
            else:
                found = np.asarray(english[a].multiply(english[b]).sum(axis=1)).ravel()
                found = found * time_factor(days[a] - days[b], unboosted)
            out[ok] = _absolute(out[ok], found, threshold, options)
        if parts is not None and cut < STRONG_OFF:
            cos = _english_cosine(english, r, c) * time_factor(days[r] - days[c], unboosted)
            strong = np.flatnonzero(cos >= EVIDENCE_COSINE)
            if len(strong):
                logit = parts.logit(r[strong], c[strong])
                out[strong] = np.maximum(out[strong], _strong(logit, threshold, cut))
        return out

    if english is not None and x.shape[0] > INDEX_FROM:
        return _indexed_pairs(x, english, days, floor, options, score), mean, sd
    return _blockwise_pairs(x, days, floor, options, score), mean, sd


# From this many articles, pairs are found through an index of each article's most specific
# terms instead of comparing every article with every other (whose cost grows with the
# square of the day, through the common words every pair shares).
INDEX_FROM = 3000
INDEX_TERMS = 24  # each article's terms of highest English weight that go into the index
# a pair is a candidate when these terms alone give this share of the evidence it needs:
# the full cosine is at least as high, so a pair that could link is rarely missed
INDEX_SHARE = 0.4


def _top_terms(m: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    m = m.tocsr()
    keep = np.zeros(len(m.data), dtype=bool)
    for i in range(m.shape[0]):
        a, b = m.indptr[i], m.indptr[i + 1]
        if b - a <= k:
            keep[a:b] = True
        else:
            keep[a + np.argpartition(-m.data[a:b], k)[:k]] = True
    out = m.copy()
    out.data = np.where(keep, out.data, 0.0)
    out.eliminate_zeros()
    return out


def _indexed_pairs(x: sparse.csr_matrix, english: sparse.csr_matrix, days: np.ndarray, floor: float,
                   options: GroupingOptions, score) -> sparse.coo_matrix:
    """The pairs of ``_blockwise_pairs``, among the candidates that share enough of their
    most specific terms (``INDEX_TERMS``, ``INDEX_SHARE``)."""
    n = x.shape[0]
    top = _top_terms(english, INDEX_TERMS)
    tt = top.T.tocsc()
    rows, cols, vals = [], [], []
    for start in range(0, n, 2048):
        block = (top[start:start + 2048] @ tt).tocoo()
        keep = ((block.row + start) < block.col) & (block.data >= INDEX_SHARE * options.evidence)
        r, c = block.row[keep] + start, block.col[keep]
        if not len(r):
            continue
        v = np.asarray(x[r].multiply(x[c]).sum(axis=1)).ravel() * time_factor(days[r] - days[c], options)
        v = score(v, r, c, start)
        ok = v >= floor
        rows.append(r[ok])
        cols.append(c[ok])
        vals.append(v[ok])
    r = np.concatenate(rows) if rows else np.zeros(0, int)
    c = np.concatenate(cols) if cols else np.zeros(0, int)
    v = np.concatenate(vals) if vals else np.zeros(0)
    return sparse.coo_matrix((v, (r, c)), shape=(n, n))


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
        v = v * time_factor(days[r] - days[c], options)
        if score is not None and len(v):
            v = score(v, r, c, start)
        ok = v >= floor
        rows.append(r[ok])
        cols.append(c[ok])
        vals.append(v[ok])
    r = np.concatenate(rows) if rows else np.zeros(0, int)
    c = np.concatenate(cols) if cols else np.zeros(0, int)
    v = np.concatenate(vals) if vals else np.zeros(0)
    return sparse.coo_matrix((v, (r, c)), shape=(n, n))


# Components larger than this are clustered on their sparse pairs (_sparse_average_link):
# a dense average link needs memory and time quadratic in the component.
DENSE_LIMIT = 1500
SPARSE_FLOOR = 0.5  # pairs scoring under this share of the threshold count as scoring exactly that


def average_link(x: sparse.csr_matrix, days: np.ndarray, threshold: float | None = None,
                 options: GroupingOptions = GroupingOptions(),
                 must_link: Sequence[tuple[int, int]] = (), plain: bool = False,
                 english: sparse.csr_matrix | None = None, parts: Parts | None = None) -> list[list[int]]:
    """Average-link clusters of rows of x cut at ``threshold`` (default: the options').

    ``plain=True`` clusters on the time-softened cosine alone (the baseline);
    otherwise on the background-adjusted score of ``_score``, capped by the absolute
    evidence of ``parts`` (``evidence.parts`` of the same docs) or else of ``english`` (their
    English-weighted vectors, which also find a big day's candidate pairs) when given."""
    n = x.shape[0]
    if n == 0:
        return []
    threshold = options.threshold if threshold is None else threshold
    edges, low, scorer = _edges(x, days, threshold, options, plain, english, parts)
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
        elif low is not None and len(members) > DENSE_LIMIT:
            clusters.extend(_sparse_average_link(members, low, threshold * SPARSE_FLOOR, threshold, must_link))
        else:
            clusters.extend(_dense_average_link(members, x, days, scorer, links, threshold, options))
    if parts is not None and english is not None:
        clusters = [part for c in clusters for part in gate(c, english, days, parts, links, options)]
    clusters.sort(key=lambda c: (-len(c), c[0]))
    return clusters


def gate(members: list[int], english: sparse.csr_matrix, days: np.ndarray, parts: Parts,
         links: dict[int, list[int]], options: GroupingOptions) -> list[list[int]]:
    """``members`` split into the groups that pairs of at least ``evidence_gate`` log-odds of
    one story connect (copies of one text, ``links``, always together): however alike a
    batch makes two articles look, one story needs evidence that means the same in a
    two-article inbox and a big day."""
    if len(members) < 2:
        return [members]
    ix = np.asarray(members)
    sub = english[ix]
    d = days[ix]
    cos = sparse.triu(sub @ sub.T, k=1).tocoo()
    soft = time_factor(d[cos.row] - d[cos.col], replace(options, near_boost=0.0))
    keep = cos.data * soft >= EVIDENCE_COSINE
    a, b = cos.row[keep], cos.col[keep]
    if len(a):
        ok = parts.logit(ix[a], ix[b]) >= gate_cut(len(days), options)
        a, b = a[ok], b[ok]
    pos = {m: k for k, m in enumerate(members)}
    copies = [(pos[i], pos[j]) for i in members for j in links.get(i, ()) if j in pos]
    if copies:
        a = np.concatenate([a, np.asarray([p for p, _ in copies])])
        b = np.concatenate([b, np.asarray([q for _, q in copies])])
    n = len(members)
    _, labels = connected_components(sparse.coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n)), directed=False)
    return [[members[k] for k in np.flatnonzero(labels == g)] for g in np.unique(labels)]


def _edges(x: sparse.csr_matrix, days: np.ndarray, threshold: float, options: GroupingOptions,
           plain: bool, english: sparse.csr_matrix | None, parts: Parts | None = None
           ) -> tuple[sparse.coo_matrix, sparse.coo_matrix | None, Callable]:
    """The pairs at or above the threshold; for a batch too big for one dense matrix also the
    weaker pairs down to the sparse floor; and the scorer of a component's dense similarities."""
    n = x.shape[0]
    if plain:
        return _plain_edges(x, days, threshold, options), None, lambda sim, ix: sim
    low = None
    if n > DENSE_LIMIT:  # a component may be too big for a dense matrix: keep weaker pairs too
        low, mean, sd = pair_scores(x, days, threshold * SPARSE_FLOOR, options, english, threshold, parts)
        keep = low.data >= threshold
        edges = sparse.coo_matrix((low.data[keep], (low.row[keep], low.col[keep])), shape=(n, n))
    else:
        edges, mean, sd = pair_scores(x, days, threshold, options, english, threshold, parts)

    def scorer(sim: np.ndarray, ix: np.ndarray) -> np.ndarray:
        out = _score(sim, mean[ix][:, None], sd[ix][:, None], mean[ix][None, :], sd[ix][None, :], options)
        if parts is not None and options.evidence_scale > 0:
            return _absolute(out, parts.dense_logit(ix), threshold, options)
        if english is None:
            return out
        sub = english[ix]
        d = days[ix]
        plain = (sub @ sub.T).toarray() * time_factor(d[:, None] - d[None, :], replace(options, near_boost=0.0))
        out = _absolute(out, plain, threshold, options)
        cut = strong_cut(n, options)
        if parts is not None and cut < STRONG_OFF:
            a, b = np.nonzero(np.triu(plain >= EVIDENCE_COSINE, 1))
            if len(a):
                strong = np.maximum(out[a, b], _strong(parts.logit(ix[a], ix[b]), threshold, cut))
                out[a, b] = out[b, a] = strong
        return out

    return edges, low, scorer


def _dense_average_link(members: list[int], x: sparse.csr_matrix, days: np.ndarray, scorer: Callable,
                        links: dict[int, list[int]], threshold: float,
                        options: GroupingOptions) -> list[list[int]]:
    """Exact average link (scipy) over one component's dense score matrix."""
    ix = np.asarray(members)
    sub = x[ix]
    d = days[ix]
    sim = (sub @ sub.T).toarray() * time_factor(d[:, None] - d[None, :], options)
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
    return [[members[i] for i in np.flatnonzero(lab == k)] for k in np.unique(lab)]


def _sparse_average_link(members: list[int], low: sparse.coo_matrix, floor: float, threshold: float,
                         must_link: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Average link over one big component from its pairs scoring >= floor; every other
    pair counts as scoring ``floor``. Its true score is lower, so this merges at most a
    little more than the exact method, and only where the known pairs are strong: two
    clusters with no known pair average ``floor`` < threshold and never merge."""
    cluster, nb = _sparse_start(members, low, must_link)
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


def _sparse_start(members: list[int], low: sparse.coo_matrix, must_link: Sequence[tuple[int, int]]
                  ) -> tuple[dict[int, list[int]], dict[int, dict[int, list[float]]]]:
    """The starting clusters of a big component (copies of one text already joined, local
    indices) and, between each two, one shared [sum of known scores, known pairs]."""
    local = {m: k for k, m in enumerate(members)}
    parent = list(range(len(members)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in must_link:
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
                e = nb[a][b] = nb[b][a] = [0.0, 0]
            e[0] += float(v)
            e[1] += 1
    return cluster, nb


def _plain_edges(x: sparse.csr_matrix, days: np.ndarray, floor: float,
                 options: GroupingOptions) -> sparse.coo_matrix:
    return _blockwise_pairs(x, days, floor, options)
