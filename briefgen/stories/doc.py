"""What the grouper sees of one article (Doc) and its settings (GroupingOptions), shared by
the features, the linkage and the merge pass of ``briefgen.stories.grouping``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


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
    # Absolute evidence caps every pair's score, however alike two articles look against a
    # small inbox: the pair's fitted log-odds of one story (``evidence``) counts as the
    # threshold at ``evidence_cut``, ``evidence_scale`` threshold units per unit beyond.
    evidence_cut: float = 0.5
    evidence_scale: float = 0.0
    # With ``evidence_scale`` 0, the cap is instead the cosine of the English-weighted
    # vectors (``background``), this much of it counting as the threshold; it also sets
    # which pairs a big day's index offers as candidates. 0: no cap at all
    evidence: float = 0.15
    # Whatever the batch-relative score says, the articles of one story must be tied by pairs
    # whose fitted log-odds of one story (``evidence.Parts.logit``) reach ``evidence_gate``: a
    # cluster of the average link is split into the groups such pairs connect (copies of one
    # text stay together). A pair whose log-odds reach ``evidence_strong`` counts as reaching
    # the threshold however it compares with the batch (in a small inbox the batch says little
    # of two articles of one story), ``linkage.STRONG_SLOPE`` threshold units per unit beyond.
    # Tuned on the tune half of eval_inboxes; a very low gate and a very high strong cut
    # switch both off.
    evidence_gate: float = 1.0
    evidence_strong: float = 0.5
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
