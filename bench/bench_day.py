"""Speed of a day of any size: analyse, group, summarise, shape and render all three audiences' PDFs.

Articles are built at run time and never written anywhere. Source: the story
datasets of ../shared/data/stories/grouping (real articles, several outlets per
story; read, never copied into the repo), or the repository's seeds (Wikinews,
CC BY 2.5) when the shared data is missing. To reach any size with distinct
stories, the k-th pass over the source renames every capitalised word (people,
places, organisations) and half of the other content words with invented words
fixed per (word, pass): pass k of a story is a different story about other
people that shares everyday vocabulary with the others. Every article is dated
the bench day. Story sizes are the source's own (1 to ~40 articles a story).

One run prints, each measured in a fresh process (so memory is that size's own):
- per stage, at each --sizes: wall, process CPU (the workers' included: the pool is shut
  down inside the stage so its CPU is counted) and peak RSS so far (driver; largest child);
  PDFs up to --pdf-up-to, the larger sizes without them;
- at --compare articles: analysis on 1 process vs a pool of 2 vs a Dask LocalCluster of 2
  worker processes (same digests checked), and a re-run of the day with the analysis cache;
- the growth from the smallest to the largest size and, by the measured per-stage growth
  exponent, an extrapolation to --extrapolate articles and to a 4- and 16-worker cluster.

    OPENBLAS_NUM_THREADS=1 .venv/bin/python bench/bench_day.py [--sizes 100,1000,10000] [--workers 2]
    .venv/bin/python bench/bench_day.py --grouping        # the grouper alone: time and B-cubed F1
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import re
import resource
import subprocess
import sys
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


AUDIENCES = ("executive", "analyst", "press")


def _cpu() -> float:
    """This process's CPU and that of its children that have ended (s)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _rss() -> tuple[float, float]:
    """Peak RSS so far in MiB: this process, and the largest child that has ended."""
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)


_POOL_CPU = [0.0]  # CPU of the pool's workers, read before they end (they are the fork server's children)


def _proc_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _process_cpu() -> float:
    """This process's CPU (for a Dask worker: run there by client.run)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    return me.ru_utime + me.ru_stime


class Meter:
    def __init__(self) -> None:
        self.stages: list[dict] = []

    def stage(self, name: str, fn):
        w0, c0, p0 = time.perf_counter(), _cpu(), _POOL_CPU[0]
        result = fn()
        me, child = _rss()
        self.stages.append({"stage": name, "wall": time.perf_counter() - w0,
                            "cpu": _cpu() - c0 + _POOL_CPU[0] - p0,
                            "rss": me, "child_rss": child})
        return result


def _analyse(arts, workers: int):
    from briefgen import parallel
    from briefgen.analysis import AnalysisOptions, analyze_articles  # not public: build stages

    # as `briefgen build --stories` runs: no per-article summary, one summary pool per story
    out = analyze_articles(arts, AnalysisOptions(summary=False), execution=parallel.Execution(workers=workers))
    _end_pool()
    return out


def _end_pool() -> None:
    """Shut the pool down (its start-up is part of the stage), counting its workers' CPU."""
    from briefgen import parallel

    pool = parallel._pool  # the bench reads the pool's pids; nothing else should
    if pool is not None:
        _POOL_CPU[0] += sum(_proc_cpu(pid) for pid in list(pool._processes or {}))
    parallel.shutdown_pool()


def _render_all(briefs, workers: int, pdf: bool) -> list[int]:
    """Each audience's HTML (and PDF) as build lays them out: side by side in forked children
    when there are workers. Returns the sizes (HTML characters, PDF bytes)."""
    from briefgen import parallel

    def one(b):
        html = briefgen.render(b, "html")
        return [len(html), len(briefgen.render(b, "pdf")) if pdf else 0]

    if workers > 1:
        return parallel.forked_map(one, briefs, min(workers, len(briefs)))
    return [one(b) for b in briefs]


def one_day(n: int, workers: int, pdf: bool) -> dict:
    """A day of n articles, stage by stage, in this process."""
    arts, _ = synthetic(n)
    meter = Meter()
    digests = meter.stage("analyse (per article)", lambda: _analyse(arts, workers))
    stories = meter.stage("group + story summaries", lambda: briefgen.group(digests, date=DAY, workers=workers))
    briefs = meter.stage("shape 3 audiences", lambda: [briefgen.brief(stories, a, DAY) for a in AUDIENCES])
    sizes = meter.stage("render 3 HTML" + (" + 3 PDF" if pdf else ""), lambda: _render_all(briefs, workers, pdf))
    return {"n": n, "workers": workers, "pdf": pdf, "stories": len(stories), "stages": meter.stages,
            "sizes": dict(zip(AUDIENCES, sizes))}


def compare(n: int, cluster: bool) -> dict:
    """Analysis of n articles: 1 process, a pool of 2, a LocalCluster of 2; then the cache."""
    from briefgen import parallel
    from briefgen.analysis import AnalysisOptions, analyze_articles, analyze_with_cache  # not public: build stages
    from briefgen.ops.cache import open_cache  # not public: build stages

    arts, _ = synthetic(n)
    options = AnalysisOptions(summary=False)
    out: dict = {"n": n}
    w0, c0 = time.perf_counter(), _cpu()
    alone = analyze_articles(arts, options, execution=parallel.Execution(workers=1))
    out["1 process"] = {"wall": time.perf_counter() - w0, "cpu": _cpu() - c0}
    w0, c0, p0 = time.perf_counter(), _cpu(), _POOL_CPU[0]
    pooled = _analyse(arts, 2)
    out["pool of 2"] = {"wall": time.perf_counter() - w0, "cpu": _cpu() - c0 + _POOL_CPU[0] - p0,
                        "same": pooled == alone}
    if cluster:
        from distributed import Client, LocalCluster

        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc, \
                Client(lc) as client:
            run = parallel.Execution(executor="dask", scheduler=lc.scheduler_address)
            analyze_articles(arts[:20], options, execution=run)  # a running cluster has briefgen imported
            w0, c0, k0 = time.perf_counter(), _cpu(), sum(client.run(_process_cpu).values())
            on_cluster = analyze_articles(arts, options, execution=run)
            cpu = _cpu() - c0 + sum(client.run(_process_cpu).values()) - k0
            out["LocalCluster of 2"] = {"wall": time.perf_counter() - w0, "cpu": cpu, "same": on_cluster == alone}
    with tempfile.TemporaryDirectory() as tmp:
        for label in ("cache: first run", "cache: re-run"):
            cache = open_cache(Path(tmp), today=DAY)
            w0, c0, p0 = time.perf_counter(), _cpu(), _POOL_CPU[0]
            analyze_with_cache(arts, options, parallel.Execution(workers=2), None, cache)
            _end_pool()
            cache.close()
            out[label] = {"wall": time.perf_counter() - w0, "cpu": _cpu() - c0 + _POOL_CPU[0] - p0,
                          "hits": cache.hits}
    return out


def cached_day(n: int, workers: int) -> dict:
    """`briefgen build` of a day of n articles (three PDFs), then the same build again: the
    re-run takes analyses and rendered briefs from the cache. The articles go to a temporary
    JSON Lines file, deleted afterwards."""
    arts, _ = synthetic(n)
    out: dict = {"n": n}
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "day.jsonl"
        with inbox.open("w", encoding="utf-8") as f:
            for a in arts:
                f.write(json.dumps({"title": a.title, "text": a.text, "source": a.source, "url": a.url,
                                    "published": DAY.isoformat()}) + "\n")
        for label in ("build", "re-run"):
            w0, c0, p0 = time.perf_counter(), _cpu(), _POOL_CPU[0]
            result = briefgen.build([inbox], output_dir=Path(tmp) / "out", date=DAY, formats=["pdf"],
                                    workers=workers, env={})
            _end_pool()
            out[label] = {"wall": time.perf_counter() - w0, "cpu": _cpu() - c0 + _POOL_CPU[0] - p0,
                          "written": len(result.written)}
    return out


def _child(*args: str) -> dict:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1"}
    proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"bench child {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _print_day(day: dict) -> None:
    total_w = sum(s["wall"] for s in day["stages"])
    total_c = sum(s["cpu"] for s in day["stages"])
    print(f"\n{day['n']:,} articles, {day['stories']:,} stories, {day['workers']} worker(s)"
          f"{'' if day['pdf'] else ', no PDFs'}:")
    print(f"  {'stage':34} {'wall s':>8} {'CPU s':>8} {'peak RSS MiB (driver / child)':>30}")
    for s in day["stages"]:
        print(f"  {s['stage']:34} {s['wall']:8.2f} {s['cpu']:8.2f} {s['rss']:14.0f} / {s['child_rss']:5.0f}")
    print(f"  {'total':34} {total_w:8.2f} {total_c:8.2f}")
    analyse = day["stages"][0]
    print(f"  analysis: {day['n'] / analyse['cpu']:.0f} articles per CPU-second;  HTML characters "
          + ", ".join(f"{a} {v[0]:,}" for a, v in day["sizes"].items())
          + ("" if not day["pdf"] else ";  PDF bytes " + ", ".join(f"{a} {v[1]:,}" for a, v in day["sizes"].items())))


def _exponent(days: list[dict], k: int, key: str = "cpu") -> float:
    """The growth exponent of stage k between the first and the last day, by CPU: on a shared
    machine wall time follows the neighbours' load as much as the work."""
    a, b = days[0], days[-1]
    return math.log(max(b["stages"][k][key], 1e-3) / max(a["stages"][k][key], 1e-3)) / math.log(b["n"] / a["n"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,1000,10000", help="day sizes, each run in a fresh process")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pdf-up-to", type=int, default=10000, help="larger days are measured without PDFs")
    ap.add_argument("--compare", type=int, default=1000, help="articles for 1 vs 2 workers, cluster, cache (0: skip)")
    ap.add_argument("--no-cluster", action="store_true")
    ap.add_argument("--extrapolate", type=int, default=100000)
    ap.add_argument("--grouping", action="store_true", help="the grouper alone at --sizes: time and B-cubed F1")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--pdf", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--compare-child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--cached-day", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_day(args.one, args.workers, bool(args.pdf))))
        return
    if args.cached_day:
        print(json.dumps(cached_day(args.cached_day, args.workers)))
        return
    if args.compare_child:
        print(json.dumps(compare(args.compare_child, not args.no_cluster)))
        return
    sizes = [int(x) for x in args.sizes.split(",")]
    if args.grouping:
        grouping_growth(sizes)
        return
    print(f"days of {', '.join(f'{n:,}' for n in sizes)} articles "
          f"({'shared story data' if GROUPING.exists() else 'seeds'} renamed); {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f} at the start")
    days = []
    for n in sizes:
        day = _child("--one", str(n), "--workers", str(args.workers), "--pdf", str(int(n <= args.pdf_up_to)))
        _print_day(day)
        days.append(day)
    if args.compare:
        c = _child("--compare-child", str(args.compare), *(["--no-cluster"] if args.no_cluster else []))
        base = c["1 process"]["wall"]
        print(f"\nanalysis of {c['n']:,} articles (wall s, CPU s incl. workers, speed-up over 1 process):")
        for label, r in c.items():
            if label == "n":
                continue
            cpu = "   -  " if r["cpu"] is None else f"{r['cpu']:6.2f}"
            extra = f"  same digests: {'yes' if r['same'] else 'NO'}" if "same" in r else ""
            extra += f"  cache hits {r['hits']:,}" if "hits" in r else ""
            print(f"  {label:22} {r['wall']:7.2f} {cpu}  x{base / r['wall']:5.2f}{extra}")
        first, again = c["cache: first run"]["wall"], c["cache: re-run"]["wall"]
        print(f"  cache re-run / first run, analysis: {again / first:.1%}")
        same = [d for d in days if d["n"] == c["n"]]
        if same:
            d = same[0]
            total = sum(s["wall"] for s in d["stages"])
            rerun = total - d["stages"][0]["wall"] + again
            print(f"  cache re-run / first run, whole day of {d['n']:,} (other stages as measured above): "
                  f"{rerun / total:.1%}")
        d = _child("--cached-day", str(args.compare), "--workers", str(args.workers))
        b1, b2 = d["build"], d["re-run"]
        print(f"  `briefgen build` of {d['n']:,} articles, 3 PDFs, {args.workers} workers: {b1['wall']:.1f} s wall "
              f"{b1['cpu']:.1f} s CPU; the same build again (analyses, story summaries and briefs from the cache): "
              f"{b2['wall']:.1f} s wall {b2['cpu']:.1f} s CPU = {b2['wall'] / b1['wall']:.1%} wall, "
              f"{b2['cpu'] / b1['cpu']:.1%} CPU of the first")
        per_article = c["1 process"]["cpu"] / c["n"]
        print(f"  analysis cost: {per_article * 1000:.1f} ms CPU per article = {1 / per_article:.0f} "
              f"articles/s/core")
    if len(days) >= 2:
        a, b = days[0], days[-1]
        print(f"\ngrowth {a['n']:,} -> {b['n']:,} articles (x{b['n'] / a['n']:.0f}):")
        for k, s in enumerate(b["stages"]):
            if k < len(a["stages"]):
                wall = s["wall"] / max(a["stages"][k]["wall"], 1e-3)
                print(f"  {s['stage']:34} CPU x{s['cpu'] / max(a['stages'][k]['cpu'], 1e-3):7.1f} "
                      f"(exponent {_exponent(days, k):.2f}),  wall x{wall:7.1f}")
        print(f"  peak RSS (driver)                  x{b['stages'][-1]['rss'] / a['stages'][-1]['rss']:7.1f}")
        big = args.extrapolate
        if big > b["n"]:
            print(f"\n{big:,} articles, extrapolated from {b['n']:,}: each stage's CPU times (N / {b['n']:,}) to "
                  f"the power of its CPU growth exponent between {days[-2]['n']:,} and {b['n']:,} (rendering: "
                  f"as measured, its length is bounded); memory likewise:")
            pair = days[-2:]
            est = []
            for k, s in enumerate(b["stages"]):
                e = 0.0 if k == 3 else _exponent(pair, k)
                est.append(s["cpu"] * (big / b["n"]) ** e)
                print(f"  {s['stage']:34} ~{est[-1]:8.0f} s CPU")
            e_rss = _exponent(pair, len(b["stages"]) - 1, "rss")
            print(f"  {'peak RSS (driver)':34} ~{b['stages'][-1]['rss'] * (big / b['n']) ** e_rss:8.0f} MiB "
                  f"(exponent {e_rss:.2f})")
            per_article = est[0] / big
            driver = sum(est[1:])  # grouping, memory, shaping and rendering stay on the driver
            for w in (4, 16):
                print(f"  on a {w:2d}-worker cluster: analysis ~{big * per_article / w:6.0f} s "
                      f"({per_article * 1000:.1f} ms CPU/article / {w}) + driver stages ~{driver:5.0f} s "
                      f"= ~{(big * per_article / w + driver) / 60:.1f} min, if the workers are idle cores")


def grouping_growth(sizes: list[int]) -> None:
    print("grouping alone (near-duplicates + clustering), B-cubed F1 against the generated stories:")
    for n in sizes:
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
    from briefgen.stories.assemble import build_stories  # not public: the history probe below
    from briefgen.stories.memory import open_store  # not public: the history probe below
    from briefgen.stories.novelty import label_stories  # not public: the history probe below

    print("labelling 300 stories, peak memory vs history size:")
    arts, _ = synthetic(300)
    small = build_stories([briefgen.analyze(a, summary=False) for a in arts], today=DAY)
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
