"""Whole briefs built from news days of the development stories data -> a table on stdout.

A day is every dated article of Giveme5W1H, NewsWCL50, DUC 2003 and MultiLing published in
the three days up to it (a morning inbox with some backlog), at most ``--cap`` of them
(drawn at random, seeded); the ``--days`` busiest days are used. Each day goes through the
public pipeline (``briefgen.analyze`` -> ``briefgen.group`` -> ``briefgen.brief`` for the
analyst audience) and is scored as its reader would meet it:

- grouping: B-cubed F1 of the day's stories against the gold story labels;
- lead: the share of the brief's multi-article stories whose lead article is the newest;
- repeats: summary lines per story that repeat an earlier line of the same summary (most of
  their content words, or a number with the word after it, already said);
- entity twice: the share of multi-article stories whose participants list one entity
  under two entries (``same_entity``: one spelling with and without dots or "the", an
  acronym of the other's initials, a person's surname beside the full name, a place with
  and without its feature word, a country's common names) — judged here by rules of this
  script, not by the resolver under test;
- provenance: the share of summary lines and quotes that resolve to one of the day's articles
  with a date (the source mark the PDF and HTML print: its path or link, outlet and date), and
  the share whose article also names its outlet (DUC and MultiLing rows come without one).

    .venv/bin/python bench/eval_days.py [--days 8] [--cap 40] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import defaultdict
from datetime import date, timedelta

import eval_grouping as eg  # the loaders and field rules of the grouping benchmark (same folder)

import briefgen

DATED = ("giveme5w1h", "newswcl50", "duc2003-pooled", "multiling-pooled")
BACKLOG_DAYS = 2
_WORD = re.compile(r"[A-Za-z][\w'-]+|\d[\d,.]*")
_STOP = frozenset("the a an and or of to in on at for by with from that this is was were are be been has have had "
                  "it its he she they his her their said says will would as but not".split())


def articles() -> list[tuple[briefgen.Article, str]]:
    out = []
    for name in DATED:
        for k, row in enumerate(eg.load(name)):
            if not row.get("published"):
                continue
            day = date.fromisoformat(row["published"][:10])
            out.append((briefgen.Article(path=f"{name}/{k}", title=row.get("title") or "", text=row["text"],
                                         source=row.get("source") or None, url=row.get("url") or None,
                                         published=day), f"{name}/{row['story']}"))
    return out


def days(pool, count: int, cap: int, rng: random.Random):
    by_day = defaultdict(list)
    for art, story in pool:
        by_day[art.published].append((art, story))
    inbox = {}
    for d in by_day:
        items = [x for k in range(BACKLOG_DAYS + 1) for x in by_day.get(d - timedelta(days=k), [])]
        inbox[d] = items
    busiest = sorted(inbox, key=lambda d: (-len(inbox[d]), d))
    chosen = []
    for d in busiest:
        if all(abs((d - c).days) > BACKLOG_DAYS for c in chosen):  # days that share no article
            chosen.append(d)
        if len(chosen) == count:
            break
    return [(d, rng.sample(inbox[d], min(cap, len(inbox[d])))) for d in sorted(chosen)]


def content(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP}


def numbers(text: str) -> set[tuple[str, str]]:
    toks = _WORD.findall(text)
    return {(a, b.lower()) for a, b in zip(toks, toks[1:]) if a[0].isdigit() and len(a.strip(",.")) >= 2}


def repeats(lines: list[str]) -> int:
    """Lines that say again what an earlier line of the summary said."""
    seen_words: list[set[str]] = []
    seen_numbers: set[tuple[str, str]] = set()
    count = 0
    for line in lines:
        words, nums = content(line), numbers(line)
        again = any(len(words & w) >= 0.6 * max(len(words), 1) for w in seen_words) or bool(nums & seen_numbers)
        count += again
        seen_words.append(words)
        seen_numbers |= nums
    return count


_SMALL = frozenset("of the and for & de du la le al".split())
_FEATURES = frozenset("ocean sea river island islands county province state mountains".split())
_COUNTRIES = [frozenset(g.split("|")) for g in (
    "uk|united kingdom|britain|great britain", "us|usa|united states|united states of america|america",
    "un|united nations", "eu|european union", "uae|united arab emirates", "dprk|north korea",
    "ussr|soviet union", "prc|china|people's republic of china")]


def _norm(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.lower().replace(".", "").replace("-", " "))
    return " ".join(w for w in name.split() if w != "the")


def same_entity(a: str, b: str, person: bool, acronym: bool = True) -> bool:
    """Whether two entries name one entity (see the module docstring); ``acronym``: whether
    one may be the other's initials (not between a person and anything)."""
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na == nb or any(na in g and nb in g for g in _COUNTRIES):
        return True
    short, long_ = sorted((na, nb), key=len)
    sw, lw = short.split(), long_.split()
    caps = a if len(na) <= len(nb) else b
    if acronym and len(sw) == 1 and caps.replace(".", "").isupper() and 2 <= len(short) <= 6:
        initials = "".join(w[0] for w in lw if w not in _SMALL)
        if short == initials:
            return True
    if person:
        return len(lw) > 1 and (sw == lw[-1:] or (len(sw) > 1 and sw[0] == lw[0] and sw[-1] == lw[-1]))
    return lw[-1] in _FEATURES and sw == lw[:-1]


def entity_twice(participants) -> bool:
    ps = list(participants)
    return any(same_entity(p.name, q.name, p.kind == q.kind == "person", "person" not in (p.kind, q.kind))
               for i, p in enumerate(ps) for q in ps[i + 1:])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=8)
    ap.add_argument("--cap", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if not eg.DATA.exists():
        sys.exit(f"no data at {eg.DATA}")
    rng = random.Random(args.seed)
    totals = defaultdict(float)
    print(f"{'day':10} {'articles':>8} {'stories':>7} {'B3-F1':>6} {'lead newest':>11} {'repeats/summary':>15} "
          f"{'sourced':>8} {'outlet':>7} {'entity twice':>12} {'secs':>5}")
    for day, items in days(articles(), args.days, args.cap, rng):
        t0 = time.perf_counter()
        arts = [a for a, _ in items]
        gold = {a.path: s for a, s in items}
        digests = [briefgen.analyze(a) for a in arts]
        stories = briefgen.group(digests, date=day)
        index = {a.path: k for k, a in enumerate(arts)}
        system = [0] * len(arts)
        for k, s in enumerate(stories):
            for p in s.paths:
                system[index[p]] = k
        f1 = eg.bcubed([gold[a.path] for a in arts], system)[2]
        brief = briefgen.brief(stories, "analyst", day)
        multi = [item for item in brief.stories if len(item.sources) > 1]
        newest = sum(item.article.published == max(a.published for a in item.sources) for item in multi)
        reps = [repeats([line.text for line in item.summary]) for item in brief.stories]
        marks = [(item, line.path) for item in brief.stories for line in item.summary]
        marks += [(item, q.path) for item in brief.stories for q in item.quotes]
        resolved = [item.source(path) for item, path in marks]
        sourced = sum(1 for a in resolved if a is not None and a.published)
        outlet = sum(1 for a in resolved if a is not None and a.published and a.source)
        twice = sum(entity_twice(item.participants) for item in multi)
        secs = time.perf_counter() - t0
        lead_share = newest / len(multi) if multi else float("nan")
        print(f"{day.isoformat():10} {len(arts):8d} {len(brief.stories):7d} {f1:6.3f} "
              f"{newest:4d}/{len(multi):<3d} {lead_share:4.0%} {sum(reps) / max(len(reps), 1):15.2f} "
              f"{sourced / max(len(marks), 1):8.1%} {outlet / max(len(marks), 1):7.1%} "
              f"{twice:4d}/{len(multi):<3d} {twice / max(len(multi), 1):4.0%} {secs:5.1f}")
        for key, value in (("f1", f1), ("newest", newest), ("multi", len(multi)), ("reps", sum(reps)),
                           ("summaries", len(reps)), ("sourced", sourced), ("outlet", outlet),
                           ("marks", len(marks)), ("twice", twice), ("days", 1)):
            totals[key] += value
    print(f"{'all':10} {'':8} {'':7} {totals['f1'] / totals['days']:6.3f} "
          f"{int(totals['newest']):4d}/{int(totals['multi']):<3d} {totals['newest'] / max(totals['multi'], 1):4.0%} "
          f"{totals['reps'] / max(totals['summaries'], 1):15.2f} {totals['sourced'] / max(totals['marks'], 1):8.1%} "
          f"{totals['outlet'] / max(totals['marks'], 1):7.1%} "
          f"{int(totals['twice']):4d}/{int(totals['multi']):<3d} {totals['twice'] / max(totals['multi'], 1):4.0%}")


if __name__ == "__main__":
    main()
