"""Speed of a day: many distinct stories -> analyse, group, summarise, render three audiences.

Articles are built at run time and never written anywhere. Source: the story
datasets of ../shared/data/stories/grouping (real articles, several outlets per
story; read, never copied into the repo), or the repository's seeds (Wikinews,
CC BY 2.5) when the shared data is missing. To reach any size with distinct
stories, the k-th pass over the source renames every capitalised word (people,
places, organisations) and half of the other content words with invented words
fixed per (word, pass): pass k of a story is a different story about other
people that shares everyday vocabulary with the others. Every article is dated
the bench day.

Prints: seconds for each stage of a 1,000-article day; grouping time for 100,
1,000 and 10,000 articles; peak Python memory of labelling a day against an
empty state file and against one holding a long history.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/bench_day.py [--articles 1000] [--profile]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

from sumy.utils import get_stop_words

import briefgen
from briefgen import Article, GroupingDoc

ROOT = Path(__file__).resolve().parents[1]
GROUPING = ROOT.parent / "shared" / "data" / "stories" / "grouping"

DAY = date(2026, 11, 28)
_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")
_SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "dun", "esh", "bra", "qui", "zan", "ol", "pet", "ru", "gan"]


def _source() -> list[tuple[str, str, str, str]]:
    """(story key, title, text, outlet) of every source article, grouped by story."""
    rows = []
    if GROUPING.exists():
        for name in ("giveme5w1h", "newswcl50", "ecbplus-dev"):
            for line in (GROUPING / f"{name}.jsonl").open(encoding="utf-8"):
                r = json.loads(line)
                rows.append((f"{name}:{r['story']}", r.get("title") or "", r["text"], r.get("source") or name))
    else:
        for a in briefgen.read([ROOT / "seeds"])[0]:
            rows.append((Path(a.path).name, a.title, a.text, a.source or "seed"))
    rows.sort(key=lambda r: r[0])
    return rows


def _invented(word: str, salt: int) -> str:
    h = hashlib.blake2b(f"{salt}:{word}".encode(), digest_size=6).digest()
    return "".join(_SYLLABLES[b % len(_SYLLABLES)] for b in h[: 2 + h[5] % 2]).capitalize()


def _rename(text: str, salt: int) -> str:
    """Pass ``salt`` of a text: every name and half of the other content words (the same
    half for the whole pass) invented anew, so passes are different stories that share
    only everyday words, not ten copies of one event under different names."""
    if salt == 0:
        return text
    common = frozenset(get_stop_words("english"))

    def swap(m: re.Match) -> str:
        w = m.group(0)
        if w.lower() in common:
            return w
        if w[0].isupper():
            return _invented(w, salt)
        keep = hashlib.blake2b(f"{salt}:{w.lower()}".encode(), digest_size=1).digest()[0] % 2
        return w if keep else _invented(w.lower(), salt).lower()

    return _WORD.sub(swap, text)


def synthetic(n: int, seed: int = 7) -> tuple[list[Article], list[str]]:
    """n articles of distinct stories (see the module docstring) and each one's story label."""
    rows = _source()
    out: list[tuple[Article, str]] = []
    salt = 0
    while len(out) < n:
        for k, (story, title, text, outlet) in enumerate(rows):
            out.append((Article(path=f"syn/{salt:03d}/{k:05d}.txt", title=_rename(title, salt),
                                text=_rename(text, salt), source=outlet,
                                url=f"https://{outlet}/{salt}/{k}", published=DAY), f"{salt}:{story}"))
            if len(out) >= n:
                break
        salt += 1
    random.Random(seed).shuffle(out)  # input order must not help the grouper
    return [a for a, _ in out], [label for _, label in out]


def bcubed_f1(gold: list[str], clusters: list[list[int]]) -> float:
    system = {i: k for k, c in enumerate(clusters) for i in c}
    g_sets: dict[str, set[int]] = {}
    s_sets: dict[int, set[int]] = {}
    for i, g in enumerate(gold):
        g_sets.setdefault(g, set()).add(i)
        s_sets.setdefault(system[i], set()).add(i)
    p = sum(len(g_sets[g] & s_sets[system[i]]) / len(s_sets[system[i]]) for i, g in enumerate(gold)) / len(gold)
    r = sum(len(g_sets[g] & s_sets[system[i]]) / len(g_sets[g]) for i, g in enumerate(gold)) / len(gold)
    return 2 * p * r / (p + r)


def timed(label: str, fn):
    t0 = time.perf_counter()
    result = fn()
    print(f"  {label:38} {time.perf_counter() - t0:7.2f} s")
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--profile", action="store_true", help="cProfile the day; print the top functions")
    ap.add_argument("--sizes", default="100,1000,10000", help="article counts for the grouping growth")
    args = ap.parse_args()
    from briefgen.stories.assemble import build_stories  # not public: the history probe below
    from briefgen.stories.memory import open_store  # not public: the history probe below
    from briefgen.stories.novelty import label_stories  # not public: the history probe below

    arts, _ = synthetic(args.articles)
    print(f"a day of {len(arts)} articles, {'shared story data' if GROUPING.exists() else 'seeds'} renamed")
    profile = None
    if args.profile:
        import cProfile
        profile = cProfile.Profile()
        profile.enable()
    t_all = time.perf_counter()
    # as `briefgen build --stories` runs: no per-article summary, one summary pool per story
    digests = timed("analyse (per article)", lambda: [briefgen.analyze(a, summary=False) for a in arts])
    stories = timed("group + story summaries", lambda: briefgen.group(digests, date=DAY))
    names = ("executive", "analyst", "press")
    briefs = timed("shape 3 audiences", lambda: [briefgen.brief(stories, n, DAY) for n in names])
    timed("render HTML x3", lambda: [briefgen.render(b, "html") for b in briefs])
    timed("render PDF x3", lambda: [briefgen.render(b, "pdf") for b in briefs])
    print(f"  {'total':38} {time.perf_counter() - t_all:7.2f} s   ({len(stories)} stories)")
    if profile is not None:
        import pstats
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)

    print("grouping alone (near-duplicates + clustering), B-cubed F1 against the generated stories:")
    for n in map(int, args.sizes.split(",")):
        arts_n, labels = synthetic(n, seed=n)
        docs = [GroupingDoc(a.title, a.text, a.published) for a in arts_n]
        t0 = time.perf_counter()
        clusters = briefgen.cluster(docs)
        secs = time.perf_counter() - t0
        peak = 0
        if n <= 1000:  # tracemalloc slows Python down; measure memory in a second, untimed run
            tracemalloc.start()
            briefgen.cluster(docs)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        print(f"  {n:6d} articles {secs:7.2f} s  {len(set(labels)):5d} true / {len(clusters):5d} found stories"
              f"  B3-F1 {bcubed_f1(labels, clusters):.3f}  peak {peak / 1e6:6.1f} MB")

    print("labelling 300 stories, peak memory vs history size:")
    small = build_stories(digests[:300], today=DAY)
    for history in (0, 20000):
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(Path(tmp) / "s.sqlite")
            with store.run():
                for i in range(history):  # old stories: outside the matching window
                    store.upsert_story(f"old-{i}", "old", DAY - timedelta(days=60 + i % 300), {"w": 1.0})
            tracemalloc.start()
            t0 = time.perf_counter()
            label_stories(small, store, DAY)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            store.close()
        print(f"  history {history:6d} stories: {time.perf_counter() - t0:6.2f} s  peak {peak / 1e6:6.1f} MB")


if __name__ == "__main__":
    main()
