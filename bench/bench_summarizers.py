"""Time sumy 0.13 against briefgen's fast engines on 100, 1,000 and 5,000 sentences, in one run.

Input: real news sentences (BBC dev articles from ../shared/data, split with
briefgen.text.segment, concatenated in a fixed order until the size is reached).
Both sides get the same sentences already split into words by the same
tokenizer (briefgen.text.segment via SumyTokenizer), so the clock measures the
summarizers: stemming, matrices and ranking. Two fast times are shown: "cold"
clears briefgen's stem memo first (every word stemmed, as sumy does on every
call); "warm" keeps it, as in a process that summarizes many articles (a
day's brief, a story cluster), where each word form is stemmed once. Ratios
use the warm time; the cold ratio is printed too. Times are process CPU
seconds, medians over the repeats shown. Set
OPENBLAS_NUM_THREADS=1 (the script does so before importing numpy).

sumy KL grows ~n^3 (about 9 minutes at 1,000 sentences): it runs once at
1,000 and is skipped at 5,000 (its ratio there is reported as "skipped").
Use --sumy-cap NAME=SIZE to change such caps, --sizes to pick sizes.

``--process`` times whole processes instead (imports included, as a user pays
them): a fresh Python that splits the text and calls ``summarize`` once, per
engine, beside ``lead`` on the same text (the cost of everything but the
summarizer); CPU of the child process, median of --repeats.

    OPENBLAS_NUM_THREADS=1 python bench/bench_summarizers.py
    python bench/bench_summarizers.py --sizes 100,1000 --only lexrank,kl
    python bench/bench_summarizers.py --process --sizes 1000 --only lexrank

``--compat K`` checks instead that the fast engines reproduce sumy: on every
BBC dev article (distinct sentences, paragraphs kept, no quote units: stock
sumy's input) it counts the articles whose top-K set is sumy's (titles given: Edmundson reads them), with
``compat=True`` for the algorithms where the fast default is the published
method. sumy's LSA orders its dictionary by set iteration, so PYTHONHASHSEED
matters there: run under several seeds.

    PYTHONHASHSEED=0 python bench/bench_summarizers.py --compat 3

``--share N`` times ``briefgen.analyze`` on the first N BBC dev articles and the part of it
spent in the summarizer (the default, with quote units and repairs, as analyze calls it).

    python bench/bench_summarizers.py --share 491
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"

from briefgen.summarize import _text, fast, sumy_engine  # noqa: E402

DEFAULT_CAPS = {"kl": 1000}  # largest size at which sumy runs
ALGOS = fast.FAST


def corpus(n: int) -> list[str]:
    from briefgen.text.segment import split_sentences

    out: list[str] = []
    for art in sorted((DATA / "summaries" / "bbc").glob("*/*.article.txt")):
        body = art.read_text(encoding="utf-8").partition("\n")[2]
        out.extend(" ".join(s.text.split()) for s in split_sentences(body))
        if len(out) >= n:
            return out[:n]
    raise SystemExit(f"only {len(out)} sentences available")


def timed(fn, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        t0 = time.process_time()
        result = fn()
        times.append(time.process_time() - t0)
    return statistics.median(times), result


def run_fast(name: str, words: list[tuple[str, ...]], compat: bool = False, cold: bool = False):
    if cold:
        _text._stem_cache.clear()  # stem every word again, as sumy does
        _text._word_cache.clear()
    values = fast.scores(name, _text.analyse_words(words), compat=compat)
    return values, fast.ranking(values)


def run_sumy(name: str, texts: list[str], paras: list[int]):
    # both sides share the same tokenizer: split words before the clock starts
    doc = sumy_engine.build_document(texts, paras)
    for s in doc.sentences:
        _ = s.words  # fills sumy's word cache before the clock starts
    t0 = time.process_time()
    result = sumy_engine.rate_document(name, doc, len(texts))
    return time.process_time() - t0, result


_CHILD = """import sys
from briefgen.text.segment import split_sentences
from briefgen.summarize import summarize
text = open(sys.argv[1], encoding="utf-8").read()
summarize(list(split_sentences(text)), algorithm=sys.argv[2], engine=sys.argv[3], count=3)
"""


def child_cpu(path: str, name: str, engine: str) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-c", _CHILD, path, name, engine], cwd=ROOT, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_processes(sizes: list[int], names: list[str], repeats: int) -> int:
    print("| algorithm | sentences | lead s | fast s | sumy s | ratio whole | "
          "ratio over lead |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            path = str(Path(tmp) / f"{n}.txt")
            Path(path).write_text("\n\n".join(corpus(n)) + "\n", encoding="utf-8")
            lead = statistics.median(child_cpu(path, "lead", "fast") for _ in range(repeats))
            for name in names:
                tf = statistics.median(child_cpu(path, name, "fast") for _ in range(repeats))
                ts = statistics.median(child_cpu(path, name, "sumy") for _ in range(repeats))
                extra = (ts - lead) / max(tf - lead, 1e-3)
                print(f"| {name} | {n} | {lead:.2f} | {tf:.2f} | {ts:.2f} | {ts / tf:.1f}x | "
                      f"{extra:.0f}x |", flush=True)
    return 0


def bbc_articles() -> list[tuple[list[str], list[int], str]]:
    from briefgen.text.segment import split_sentences

    out = []
    for art in sorted((DATA / "summaries" / "bbc").glob("*/*.article.txt")):
        title, _, body = art.read_text(encoding="utf-8").partition("\n")
        seen: dict[str, int] = {}
        for s in split_sentences(body):
            seen.setdefault(" ".join(s.text.split()), s.paragraph)
        out.append((list(seen), list(seen.values()), title.strip()))
    return out


def run_compat(k: int, names: list[str]) -> int:
    articles = bbc_articles()
    print(f"| algorithm | BBC dev articles with sumy's top-{k} (of {len(articles)}) | "
          "with sumy's whole ranking | mode |")
    print("|---|---|---|---|")
    for name in names:
        same = whole = 0
        for texts, paras, title in articles:
            _, sr = sumy_engine.rate(name, texts, paras, title)
            _, fr = fast.rate(name, texts, compat=True, paragraphs=paras, title=title)
            same += sorted(sr[:k]) == sorted(fr[:k])
            whole += sr == fr
        mode = "compat" if name in fast.COMPAT_DIFFERS else "default"
        print(f"| {name} | {same} | {whole} | {mode} |", flush=True)
    return 0


def run_share(limit: int) -> int:
    """The default summarizer's share of ``briefgen.analyze`` time on BBC dev articles: every
    call analyze makes to ``summarize`` is timed (process CPU) beside the whole analysis."""
    import briefgen
    from briefgen import analysis

    arts = sorted((DATA / "summaries" / "bbc").glob("*/*.article.txt"))[:limit]
    articles = []
    for p in arts:
        title, _, body = p.read_text(encoding="utf-8").partition("\n")
        articles.append(briefgen.Article(path=str(p), title=title.strip(), text=body.strip("\n")))
    inner = analysis.summarize
    spent = [0.0]

    def timed_summarize(*a, **k):
        t0 = time.process_time()
        try:
            return inner(*a, **k)
        finally:
            spent[0] += time.process_time() - t0

    briefgen.analyze(articles[0])  # imports and lazy tables outside the clock
    analysis.summarize = timed_summarize  # type: ignore[assignment]
    try:
        t0 = time.process_time()
        for a in articles:
            briefgen.analyze(a)
        total = time.process_time() - t0
    finally:
        analysis.summarize = inner  # type: ignore[assignment]
    print(f"| articles | analyze cpu s | summarize cpu s | share |\n|---|---|---|---|\n"
          f"| {len(articles)} | {total:.2f} | {spent[0]:.2f} | {100 * spent[0] / total:.0f}% |")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,5000")
    ap.add_argument("--only", default=",".join(ALGOS))
    ap.add_argument("--sumy-cap", action="append", default=[], metavar="NAME=SIZE")
    ap.add_argument("--process", action="store_true", help="time whole processes (imports included)")
    ap.add_argument("--repeats", type=int, default=3, help="--process: runs per cell")
    ap.add_argument("--compat", type=int, metavar="K", help="count BBC dev articles whose top-K is sumy's")
    ap.add_argument("--share", type=int, metavar="N",
                    help="the default summarizer's share of analyze time on the first N BBC articles")
    args = ap.parse_args(argv)
    if args.share:
        return run_share(args.share)
    if args.compat:
        return run_compat(args.compat, args.only.split(","))
    if args.process:
        return run_processes([int(s) for s in args.sizes.split(",")], args.only.split(","),
                             args.repeats)
    caps = dict(DEFAULT_CAPS)
    for c in args.sumy_cap:
        k, _, v = c.partition("=")
        caps[k] = int(v)
    sizes = [int(s) for s in args.sizes.split(",")]
    names = args.only.split(",")
    print("| algorithm | sentences | sumy s (runs) | fast warm s (runs) | fast cold s | ratio warm | "
          "ratio cold | same top-10 as sumy |")
    print("|---|---|---|---|---|---|---|---|")
    for n in sizes:
        texts = corpus(n)
        paras = list(range(n))  # one sentence per paragraph: no paragraph effects
        tok = _text.sumy_tokenizer()
        words = [tok.to_words(t) for t in texts]
        for name in names:
            fruns = 5 if n <= 1000 else 3
            tc, _ = timed(lambda name=name, words=words: run_fast(name, words, cold=True), 1)
            tf, (fs, fr) = timed(lambda name=name, words=words: run_fast(name, words), fruns)
            if n > caps.get(name, 10**9):
                print(f"| {name} | {n} | skipped (cap {caps[name]}) | {tf:.4f} ({fruns}) | {tc:.4f} | "
                      "skipped | skipped | - |", flush=True)
                continue
            sruns = 3 if n <= 100 else 1
            if name == "kl" and n > 100:
                sruns = 1
            runs = [run_sumy(name, texts, paras) for _ in range(sruns)]
            ts = statistics.median(t for t, _ in runs)
            ss, sr = runs[-1][1]
            same = "yes" if sorted(sr[:10]) == sorted(fr[:10]) else "no"
            if name in fast.COMPAT_DIFFERS:
                # the fast default is the published method; its sumy-compatible mode is checked
                _, cr = run_fast(name, words, compat=True)
                same = ("yes" if sorted(sr[:10]) == sorted(cr[:10]) else "no") + " (compat mode)"
            print(f"| {name} | {n} | {ts:.3f} ({sruns}) | {tf:.4f} ({fruns}) | {tc:.4f} | "
                  f"{ts / tf:.0f}x | {ts / tc:.0f}x | {same} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
