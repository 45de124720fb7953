"""Story grouping on small mixed inboxes, as a morning's few articles are -> a table on stdout.

Grouping that scores well on one big same-topic pool can still merge two unrelated articles
when they are the whole inbox. This draws many random inboxes from the development stories
data (Giveme5W1H, NewsWCL50, ECB+ dev, DUC 2003 and MultiLing clusters, via eval_grouping's
loaders and its rules on which fields each set may show):

- **unrelated**: 2-8 articles, each from a different story, all dated the same day (the hard
  case: no time gap helps). Reported: the share of inboxes where anything was merged
  (target <= 2%), and where anything was merged that is not one ECB+ topic's two look-alike
  events (which the data leaves undated, though they happened years apart).
- **one story**: 2-4 articles of one story told within ``TOLD_DAYS`` of each other (their own
  dates; all undated for ECB+) among 0-6 articles of other stories dated on the story's
  newest day. Articles of one gold story months apart (MultiLing's and some Giveme5W1H
  stories are topics followed for years) are not one story told by several outlets: the
  grouper should keep them apart unless the evidence is overwhelming, and the B-cubed
  scores of eval_grouping.py measure how it treats them. Reported: the share of
  inboxes where the story was kept whole (target >= 95%), and where anything else was joined
  to it or to each other ("stray").

Every row of an inbox keeps only what briefgen would see (title, text, date). The draw is
seeded; ``--seed`` gives another set of inboxes from the same articles. ``--half tune|held``
draws only from one half of the stories, split by a hash of the story's topic (an ECB+
topic's two look-alike events fall in the same half): the grouping evidence is fitted on
the tune half (``bench/fit_evidence.py``) and reported on the held half.

    .venv/bin/python bench/eval_inboxes.py [--inboxes 600] [--seed 0] [--half all|tune|held] [--threshold T]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date

import eval_grouping as eg  # the loaders and field rules of the big-pool benchmark (same folder)

import briefgen

DAY = date(2026, 1, 15)


def half_of(key: tuple[str, str]) -> str:
    """"tune" or "held", fixed by a hash of the story's topic (not Python's salted hash)."""
    name, topic = _topic(key)
    return "tune" if hashlib.sha1(f"{name}/{topic}".encode()).digest()[0] % 2 == 0 else "held"


def pool(half: str = "all") -> dict[tuple[str, str], list[briefgen.GroupingDoc]]:
    stories: dict[tuple[str, str], list[briefgen.GroupingDoc]] = defaultdict(list)
    for name in eg.SETS:
        rows = eg.load(name)
        for row, doc in zip(rows, eg.docs_for(name, rows), strict=True):
            key = (name, str(row["story"]))
            if half == "all" or half_of(key) == half:
                stories[key].append(doc)
    return stories


def clusters_of(docs: list[briefgen.GroupingDoc], options: briefgen.GroupingOptions) -> list[int]:
    return eg.labels_of(briefgen.cluster(docs, options), len(docs))


def _topic(key: tuple[str, str]) -> tuple[str, str]:
    """ECB+ gives each topic two look-alike events (``14ecb``, ``14ecbplus``: two fires at one
    chain's shops, years apart); dated alike here, only their details tell them apart."""
    name, story = key
    return (name, story.removesuffix("plus").removesuffix("ecb")) if name == "ecbplus-dev" else key


def draw_unrelated(stories, rng: random.Random) -> tuple[list[tuple[str, str]], list[briefgen.GroupingDoc]]:
    """2-8 articles of different stories, all dated ``DAY``, and their stories."""
    keys = rng.sample(sorted(stories), rng.randint(2, 8))
    return keys, [replace(rng.choice(stories[k]), published=DAY) for k in keys]


def unrelated(stories, rng: random.Random, options) -> tuple[bool, bool]:
    """Whether anything was merged, and whether anything but ECB+ sibling events was."""
    keys, docs = draw_unrelated(stories, rng)
    labels = clusters_of(docs, options)
    merged = len(set(labels)) < len(labels)
    topics = defaultdict(set)
    for k, label in zip(keys, labels, strict=True):
        topics[label].add(_topic(k))
    return merged, any(len(t) > 1 for t in topics.values())


TOLD_DAYS = 3


def _told_together(docs: list[briefgen.GroupingDoc], first: briefgen.GroupingDoc) -> list[briefgen.GroupingDoc]:
    if first.published is None:
        return [d for d in docs if d.published is None]
    return [d for d in docs if d.published is not None and abs((d.published - first.published).days) <= TOLD_DAYS]


def draw_one_story(stories, rng: random.Random
                   ) -> tuple[list[tuple[str, str]], list[briefgen.GroupingDoc], int]:
    """2-4 articles of one story told within ``TOLD_DAYS`` (first in the list) among 0-6 of
    other stories dated on its newest day; each article's story; how many tell the story."""
    while True:
        key = rng.choice(sorted(k for k, v in stories.items() if len(v) >= 2))
        near = _told_together(stories[key], rng.choice(stories[key]))
        if len(near) >= 2:
            break
    told = rng.sample(near, rng.randint(2, min(4, len(near))))
    dated = [d.published for d in told if d.published]
    day = max(dated) if dated else None
    others = rng.sample(sorted(k for k in stories if k != key), rng.randint(0, 6))
    docs = told + [replace(rng.choice(stories[k]), published=day) for k in others]
    return [key] * len(told) + others, docs, len(told)


def one_story(stories, rng: random.Random, options) -> tuple[bool, bool, str]:
    keys, docs, n_told = draw_one_story(stories, rng)
    key = keys[0]
    labels = clusters_of(docs, options)
    story = set(labels[:n_told])
    whole = len(story) == 1
    rest = labels[n_told:]
    stray = any(label in story for label in rest) or len(set(rest)) < len(rest)
    return whole, stray, key[0]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--inboxes", type=int, default=600)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--half", choices=("all", "tune", "held"), default="all")
    ap.add_argument("--threshold", type=float, default=None)
    ap.add_argument("--option", action="append", default=[], metavar="NAME=VALUE",
                    help="another value of one GroupingOptions field (numbers only), e.g. evidence_cut=1.5")
    args = ap.parse_args()
    if not eg.DATA.exists():
        sys.exit(f"no data at {eg.DATA}")
    options = briefgen.GroupingOptions()
    if args.threshold is not None:
        options = replace(options, threshold=args.threshold)
    for item in args.option:
        field, _, value = item.partition("=")
        options = replace(options, **{field: float(value)})
    stories = pool(args.half)
    rng = random.Random(args.seed)
    merged = Counter()
    seen = Counter()
    for _ in range(args.inboxes):
        hit, across_topics = unrelated(stories, rng, options)
        merged["all"] += hit
        merged["topics"] += across_topics
        seen["all"] += 1
    whole, stray, per_set = Counter(), Counter(), Counter()
    for _ in range(args.inboxes):
        w, s, name = one_story(stories, rng, options)
        for k in ("all", name):
            whole[k] += w
            stray[k] += s
            per_set[k] += 1
    print(f"{'inboxes':10} {'kind':28} {'n':>5} {'rate':>7}  target")
    print(f"{'unrelated':10} {'anything merged':28} {seen['all']:5d} {merged['all'] / seen['all']:7.1%}  <= 2%")
    print(f"{'unrelated':10} {'merged across ECB+ topics':28} {seen['all']:5d} {merged['topics'] / seen['all']:7.1%}")
    for k in ["all", *eg.SETS]:
        if per_set[k]:
            print(f"{'one story':10} {'kept whole (' + k + ')':28} {per_set[k]:5d} {whole[k] / per_set[k]:7.1%}"
                  f"  {'>= 95%' if k == 'all' else ''}")
    for k in ["all", *eg.SETS]:
        if per_set[k]:
            print(f"{'one story':10} {'stray joined (' + k + ')':28} {per_set[k]:5d} {stray[k] / per_set[k]:7.1%}")


if __name__ == "__main__":
    main()
