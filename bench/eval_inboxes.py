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
seeded; ``--seed`` gives another set of inboxes from the same articles (the data has no
second split of stories).

    .venv/bin/python bench/eval_inboxes.py [--inboxes 600] [--seed 0] [--threshold T]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date

import eval_grouping as eg  # the loaders and field rules of the big-pool benchmark (same folder)

import briefgen

DAY = date(2026, 1, 15)


def pool() -> dict[tuple[str, str], list[briefgen.GroupingDoc]]:
    stories: dict[tuple[str, str], list[briefgen.GroupingDoc]] = defaultdict(list)
    for name in eg.SETS:
        rows = eg.load(name)
        for row, doc in zip(rows, eg.docs_for(name, rows), strict=True):
            stories[(name, str(row["story"]))].append(doc)
    return stories


def clusters_of(docs: list[briefgen.GroupingDoc], options: briefgen.GroupingOptions) -> list[int]:
    return eg.labels_of(briefgen.cluster(docs, options), len(docs))


def _topic(key: tuple[str, str]) -> tuple[str, str]:
    """ECB+ gives each topic two look-alike events (``14ecb``, ``14ecbplus``: two fires at one
    chain's shops, years apart); dated alike here, only their details tell them apart."""
    name, story = key
    return (name, story.removesuffix("plus").removesuffix("ecb")) if name == "ecbplus-dev" else key


def unrelated(stories, rng: random.Random, options) -> tuple[bool, bool]:
    """Whether anything was merged, and whether anything but ECB+ sibling events was."""
    keys = rng.sample(sorted(stories), rng.randint(2, 8))
    docs = [replace(rng.choice(stories[k]), published=DAY) for k in keys]
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


def one_story(stories, rng: random.Random, options) -> tuple[bool, bool, str]:
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
    labels = clusters_of(docs, options)
    story = set(labels[:len(told)])
    whole = len(story) == 1
    rest = labels[len(told):]
    stray = any(label in story for label in rest) or len(set(rest)) < len(rest)
    return whole, stray, key[0]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--inboxes", type=int, default=600)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threshold", type=float, default=None)
    args = ap.parse_args()
    if not eg.DATA.exists():
        sys.exit(f"no data at {eg.DATA}")
    options = briefgen.GroupingOptions()
    if args.threshold is not None:
        options = replace(options, threshold=args.threshold)
    stories = pool()
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
