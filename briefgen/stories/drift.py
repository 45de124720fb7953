"""Clusters of one day -> the same clusters with those of one story joined, when its wording
drifted over days or years (the second pass of ``briefgen.stories.grouping``)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from briefgen.stories.doc import GroupingOptions
from briefgen.stories.features import normalise


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
    groups = [list(c) for c in clusters]
    n = x.shape[0]
    while len(groups) > 1:
        sizes = np.asarray([len(c) for c in groups], dtype=float)
        r = np.concatenate([np.full(len(c), k) for k, c in enumerate(groups)])
        col = np.concatenate([np.asarray(c) for c in groups])
        member = sparse.csr_matrix((1.0 / sizes[r], (r, col)), shape=(len(groups), n))
        pace = [_pace(days[c]) for c in groups]
        cent = normalise((member @ x).tocsr())
        prof = normalise((member @ names).tocsr())
        head = normalise((member @ heads).tocsr())
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
            if not _closest_days(days[groups[a]], days[groups[b]]) <= near:
                continue
            used.update((a, b))
            joins.append((a, b))
        if not joins:
            break
        for a, b in joins:
            groups[a] = groups[a] + groups[b]
            groups[b] = []
        groups = [c for c in groups if c]
    groups.sort(key=lambda c: (-len(c), c[0]))
    return groups
