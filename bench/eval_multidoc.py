"""Multi-document summaries on ../shared/data/stories/multidoc -> ROUGE table on stdout.

For each cluster: briefgen's story summary (``summarize_many``), the same cut
from a story's summary pool as ``build --stories`` does (``stories.cut_pool``), and the
baselines (Lead = first sentences of the newest document; every sumy
algorithm, briefgen's fast engine, over the concatenated cluster), each cut to
the first 100 words (DUC 2003 dev) or 250 words (MultiLing 2011) and scored
with rouge-score ROUGE-1/2 F1 (Porter stemmer) against each reference, mean
over references then clusters.

    .venv/bin/python bench/eval_multidoc.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "stories" / "multidoc"

from rouge_score import rouge_scorer  # noqa: E402

from briefgen.analysis import AnalysisOptions, analyze_article  # noqa: E402
from briefgen.ingest.article import read_article  # noqa: E402
from briefgen.stories.assemble import StoryOptions, cut_pool, story_of  # noqa: E402
from briefgen.stories.novelty import POOL_SENTENCES  # noqa: E402
from briefgen.summarize import summarize, summarize_many  # noqa: E402
from briefgen.text.segment import split_sentences  # noqa: E402

SETS = {"duc2003-dev": 100, "multiling2011": 250}
SUMY = ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic", "reduction", "editor")


def cut(sentences: list[str], words: int) -> str:
    out = " ".join(sentences).split()
    return " ".join(out[:words])


def clusters(name: str):
    for folder in sorted(p for p in (DATA / name).iterdir() if p.is_dir()):
        docs = [read_article(p) for p in sorted((folder / "docs").glob("*.txt"))]
        refs = [p.read_text(encoding="utf-8") for p in sorted((folder / "models").glob("*.txt"))]
        yield folder.name, docs, refs


def main() -> None:
    if not DATA.exists():
        sys.exit(f"no data at {DATA}")
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    for name, words in SETS.items():
        totals: dict[str, list[float]] = {}
        n = 0
        for _cid, docs, refs in clusters(name):
            n += 1
            sents = [(a.path, tuple(split_sentences(a.text))) for a in docs]
            systems: dict[str, str] = {}
            picked = summarize_many(sents, words=words + 40, title=docs[0].title or None)
            systems["briefgen story"] = cut([s.text for s in picked], words)
            # what `build --stories` shows: cut from a pool of POOL_SENTENCES (stories.cut_pool)
            pool = summarize_many(sents, count=POOL_SENTENCES, title=docs[0].title or None)
            systems["story pool cut"] = cut([s.text for s in cut_pool(pool, None, words + 40)], words)
            # what a brief shows: the story as build makes it (newest article first, recency, repeats)
            story = story_of([analyze_article(a, AnalysisOptions(summary=False)) for a in docs],
                             StoryOptions(pool_sentences=POOL_SENTENCES, summary_words=words + 40))
            systems["brief story"] = cut([s.text for s in story.summary], words)
            newest = max(range(len(docs)), key=lambda i: (str(docs[i].published or ""), i))
            systems["lead (newest)"] = cut([s.text for s in sents[newest][1]], words)
            # every sumy algorithm over the concatenated cluster (sentences re-indexed)
            flat = [s for _, ss in sents for s in ss]
            from dataclasses import replace
            flat = [replace(s, index=i) for i, s in enumerate(flat)]
            for alg in SUMY:
                chosen = summarize(flat, algorithm=alg, words=words + 40, engine="fast")
                systems[alg] = cut([s.text for s in chosen], words)
            for sysname, text in systems.items():
                r1 = sum(scorer.score(ref, text)["rouge1"].fmeasure for ref in refs) / len(refs)
                r2 = sum(scorer.score(ref, text)["rouge2"].fmeasure for ref in refs) / len(refs)
                t = totals.setdefault(sysname, [0.0, 0.0])
                t[0] += r1
                t[1] += r2
        print(f"\n{name}: {n} clusters, summaries cut at {words} words; ROUGE F1 x100")
        print(f"{'system':18} {'R-1':>6} {'R-2':>6}")
        for sysname, (r1, r2) in sorted(totals.items(), key=lambda kv: -kv[1][1]):
            print(f"{sysname:18} {100 * r1 / n:6.2f} {100 * r2 / n:6.2f}")


if __name__ == "__main__":
    main()
