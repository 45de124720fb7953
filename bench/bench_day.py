"""Speed of a day: synthetic articles -> analyse, group, summarise, render three audiences.

Articles are generated at run time from the seeds (Wikinews, CC BY 2.5) so no
shared-data text is ever written into the repo: a synthetic story mixes the
sentences of two seed articles, and each of its 1-6 articles keeps a random 70%
of them in a shuffled order, under a numbered headline.

Prints: seconds for each stage of a 1,000-article day; grouping time for 100,
1,000 and 10,000 articles; peak Python memory of labelling a day against an
empty state file and against one holding a long history.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/bench_day.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefgen.config import BUILTIN_AUDIENCES  # noqa: E402
from briefgen.grouping import Doc, group  # noqa: E402
from briefgen.ingest import collect_paths, read_article  # noqa: E402
from briefgen.model import Article  # noqa: E402
from briefgen.pipeline import analyze_article, build_brief  # noqa: E402
from briefgen.segment import split_sentences  # noqa: E402

DAY = date(2026, 11, 28)


def synthetic(n: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    files = [p for p in collect_paths([ROOT / "seeds"])[0] if p.suffix in (".txt", ".md")]
    pools = [[s.text for s in split_sentences(a.text)] for a in map(read_article, files)]
    out: list[Article] = []
    k = 0
    while len(out) < n:
        a, b = rng.sample(range(len(pools)), 2)
        pool = pools[a][:12] + pools[b][:6]
        for v in range(rng.randint(1, 6)):
            sents = rng.sample(pool, max(3, int(0.7 * len(pool))))
            out.append(Article(path=f"syn/{k:05d}-{v}.txt", title=f"Story {k}: " + pool[0][:60],
                               text="\n\n".join(sents), source=f"outlet{rng.randint(1, 40)}.example",
                               url=f"https://outlet.example/{k}/{v}", published=DAY))
            if len(out) >= n:
                break
        k += 1
    return out


def timed(label: str, fn):
    t0 = time.perf_counter()
    result = fn()
    print(f"  {label:38} {time.perf_counter() - t0:7.2f} s")
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    args = ap.parse_args()
    from briefgen.novelty import label_stories
    from briefgen.render import render_html, render_pdf
    from briefgen.stories import build_stories
    from briefgen.store import open_store

    arts = synthetic(args.articles)
    print(f"a day of {len(arts)} synthetic articles")
    t_all = time.perf_counter()
    digests = timed("analyse (per article)", lambda: [analyze_article(a) for a in arts])
    stories = timed("group + story summaries", lambda: build_stories(digests, today=DAY))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "s.sqlite")
        stories = timed("label against the state file", lambda: label_stories(stories, store, DAY))
        store.close()
    briefs = timed("shape 3 audiences", lambda: [
        (a, build_brief(digests, a, DAY, story_items=stories)) for a in BUILTIN_AUDIENCES.values()])
    timed("render HTML x3", lambda: [render_html(b, a) for a, b in briefs])
    ex = BUILTIN_AUDIENCES["executive"]
    timed("render executive PDF", lambda: render_pdf(render_html(dict(briefs)[ex], ex)))
    print(f"  {'total':38} {time.perf_counter() - t_all:7.2f} s   ({len(stories)} stories)")

    print("grouping alone (near-duplicates + clustering):")
    for n in (100, 1000, 10000):
        docs = [Doc(a.title, a.text, a.published) for a in synthetic(n, seed=n)]
        t0 = time.perf_counter()
        clusters = group(docs)
        secs = time.perf_counter() - t0
        peak = 0
        if n <= 1000:  # tracemalloc slows Python down; measure memory in a second, untimed run
            tracemalloc.start()
            group(docs)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        print(f"  {n:6d} articles {secs:7.2f} s  {len(clusters):5d} stories  peak {peak / 1e6:6.1f} MB")

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
