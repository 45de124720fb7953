"""Articles -> story clusters (indices into the input list), and their near-duplicate pairs.

``group(docs)`` clusters ``Doc`` records into stories: a TF-IDF vector of the
title and text, joined with a vector of the names in the text (and
participant names when the caller has them) so that two earthquakes in
different countries stay apart, and with a headline-only vector (outlets
re-word the body but keep the headline's key words) (``features``), compared
by cosine, raised for articles a day or two apart, softened over years
(``timing``), and clustered by average link cut at one threshold
(``linkage``), each pair's score capped by its absolute evidence: the cosine of
vectors weighted by how rare each word is in English at large
(``background``), so two unrelated articles that are the whole inbox never
look alike merely for lack of other articles to compare with. The pair's
fitted log-odds of one story (``evidence``) then gates every cluster (``linkage.gate``: its
articles must be connected by pairs that reach ``evidence_gate``), and in a batch too small to
measure its own background a pair of overwhelming evidence reaches the threshold whatever its
batch-relative score (``evidence_strong``); both relax as the batch grows big enough to judge
its own look-alikes (``linkage.gate_cut``, ``linkage.strong_cut``). A second
pass (``drift.merge_clusters``) then joins clusters of
one story whose wording drifted over days or years, when their centroids,
headline-and-lead names and headline words all agree and their closest dated
articles are near in time for the slower story's pace. An undated article is
neither near nor far from anything (callers that know the day of the run date
it to that day). Near-duplicates (``duplicates.near_duplicates``: wire copies)
are forced into the same story. Output: a list of clusters (lists of input
indices), every index in exactly one, largest clusters first.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from briefgen.stories.doc import Doc, GroupingOptions
from briefgen.stories.drift import merge_clusters
from briefgen.stories.duplicates import DuplicateSets, near_duplicates
from briefgen.stories.evidence import parts
from briefgen.stories.features import headline_words, salient_names, terms_of, vectors
from briefgen.stories.linkage import GATE_UP_TO, average_link
from briefgen.stories.timing import ordinal

__all__ = ["Doc", "DuplicateSets", "GroupingOptions", "group", "near_duplicates"]


def group(docs: Sequence[Doc], options: GroupingOptions = GroupingOptions(),
          duplicates: Sequence[tuple[int, int]] | None = None) -> list[list[int]]:
    """Story clusters of ``docs`` (see the module docstring)."""
    if not docs:
        return []
    if duplicates is None:
        duplicates = [(i, j) for i, j, _ in near_duplicates([d.text for d in docs], options.duplicate_threshold)]
    terms = terms_of(docs, options)
    x = vectors(docs, options, terms=terms)
    days = np.asarray([ordinal(d.published) for d in docs], dtype=float)
    english = vectors(docs, options, english=True, terms=terms) if options.evidence > 0 else None
    # a big batch judges its own look-alikes: the gate's cut there is below -3.5 log-odds, the
    # strong path is off, and (bench_day --grouping, 1,000 and 3,000 articles) they change no
    # story, so the pair evidence, as costly as the rest of the features, is not made
    gated = options.evidence_scale > 0 or len(docs) <= GATE_UP_TO
    pair_parts = parts(docs, days, options, terms.body) if english is not None and gated else None
    clusters = average_link(x, days, options.threshold, options, must_link=duplicates, english=english,
                            parts=pair_parts)
    if options.merge_days < 0 or len(clusters) < 2:
        return clusters
    known = np.where([d.date_known for d in docs], days, np.nan)
    return merge_clusters(clusters, x if english is None else english, known, salient_names(docs),
                          headline_words(docs), options)
