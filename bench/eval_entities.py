"""Participant extraction: document-level P/R/F1 per type on CoNLL-2003 and GUM news.

    python bench/eval_entities.py [--data ../shared/data] [--sets conll-train conll-testa gum]

Definitions (EVALUATION.md): the unique people, organizations and places of each
document; a system participant matches a gold one of the same type when the names are
equal after lower-casing and removing titles and possessives (strict), or when one
name's tokens are a subset of the other's (relaxed). Micro-averaged over documents.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefgen import lexicon  # noqa: E402
from briefgen.participants import extract_participants  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
TYPES = ("person", "organization", "place")
CONLL_TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}

# A gold entity is a set of name variants (aliases merged by the gold annotation).
Gold = dict[str, list[set[str]]]


def normalize(name: str) -> str:
    s = name.lower().replace("’", "'")
    s = re.sub(r"'s\b|'$", "", s)
    words = [w.strip(".,;:!?\"'()") for w in s.split()]
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    titles = lexicon.title_words()
    kept = [w for w in words if w and w.rstrip(".") not in titles]
    return " ".join(kept or [w for w in words if w])


# --------------------------------------------------------------------------- CoNLL


def detokenize(tokens: list[str]) -> str:
    out = ""
    quote_open = False
    for t in tokens:
        if t == '"':
            if quote_open:
                out += '"'
            else:
                out += (" " if out else "") + '"'
            quote_open = not quote_open
            continue
        no_space = (
            not out
            or t in {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"}
            or out.endswith(("(", "[", "$"))
            or (out.endswith('"') and quote_open)
        )
        out += t if no_space else " " + t
    return out


def prose(tokens: list[str]) -> bool:
    words = [t for t in tokens if re.search(r"[A-Za-z]", t)]
    lower = sum(1 for w in words if w[:1].islower())
    return len(tokens) >= 6 and lower >= 3 and tokens[-1] in {".", "?", "!", '"', "'"}


def read_conll(path: Path) -> Iterator[tuple[str, Gold]]:
    docs: list[list[list[tuple[str, str]]]] = []
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("-DOCSTART-"):
            docs.append([])
            continue
        if not line.strip():
            if sent and docs:
                docs[-1].append(sent)
            sent = []
            continue
        parts = line.split()
        sent.append((parts[0], parts[-1]))
    if sent and docs:
        docs[-1].append(sent)
    for sents in docs:
        if sum(1 for s in sents if prose([t for t, _ in s])) < 5:
            continue
        text = "\n".join(detokenize([t for t, _ in s]) for s in sents)
        names: dict[str, set[str]] = {t: set() for t in TYPES}
        for s in sents:
            cur: list[str] = []
            cur_type = None
            for tok, tag in s + [("", "O")]:
                typ = tag[2:] if tag != "O" else None
                if cur and (typ != cur_type or tag.startswith("B-")):
                    if cur_type in CONLL_TYPES:
                        names[CONLL_TYPES[cur_type]].add(detokenize(cur))
                    cur = []
                if typ:
                    cur.append(tok)
                    cur_type = typ
                else:
                    cur_type = None
        gold: Gold = {t: [] for t in TYPES}
        for t in TYPES:
            full = sorted(names[t], key=lambda n: -len(n.split()))
            for n in full:
                # A one-word person mention inside a longer person name is that person.
                if t == "person" and len(n.split()) == 1:
                    owner = next((g for g in gold[t] if any(n in v.split() for v in g)), None)
                    if owner is not None:
                        owner.add(n)
                        continue
                gold[t].append({n})
        yield text, gold


# --------------------------------------------------------------------------- GUM


def read_gum(root: Path) -> Iterator[tuple[str, Gold]]:
    for jpath in sorted(root.glob("*.gold.json")):
        doc = json.loads(jpath.read_text(encoding="utf-8"))
        text = jpath.with_name(jpath.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        variants: dict[str, set[str]] = {}
        types: dict[str, str] = {}
        for e in doc["entities"]:
            if e["proper"]:
                variants.setdefault(e["eid"], set()).add(e["text"])
                types[e["eid"]] = e["type"]
        gold: Gold = {t: [] for t in TYPES}
        for eid, vs in variants.items():
            gold[types[eid]].append(vs)
        yield text, gold


# --------------------------------------------------------------------------- scoring


def match(system: list[str], gold: list[set[str]], relaxed: bool) -> int:
    """One-to-one matches between system names and gold entities."""
    used: set[int] = set()
    tp = 0
    gnorm = [{normalize(v) for v in g} for g in gold]
    for name in system:
        n = normalize(name)
        nt = set(n.split())
        for i, vs in enumerate(gnorm):
            if i in used:
                continue
            if n in vs or relaxed and nt and any((set(v.split()) <= nt or nt <= set(v.split())) and v for v in vs):
                used.add(i)
                tp += 1
                break
    return tp


def evaluate(docs: Iterator[tuple[str, Gold]], errors: int = 0) -> tuple[dict[str, dict[str, float]], int, float]:
    counts = {(t, mode): [0, 0, 0] for t in TYPES for mode in ("strict", "relaxed")}  # tp, sys, gold
    n = 0
    shown = 0
    elapsed = 0.0
    for text, gold in docs:
        n += 1
        t0 = time.perf_counter()
        parts = extract_participants(text)
        elapsed += time.perf_counter() - t0
        for t in TYPES:
            system = list(dict.fromkeys(p.name for p in parts if p.kind == t))
            for mode in ("strict", "relaxed"):
                c = counts[(t, mode)]
                c[0] += match(system, gold[t], mode == "relaxed")
                c[1] += len(system)
                c[2] += len(gold[t])
            if shown < errors:
                gnorm = {normalize(v) for g in gold[t] for v in g}
                fp = [s for s in system if normalize(s) not in gnorm]
                fn = [sorted(g)[0] for g in gold[t] if not any(normalize(v) in {normalize(s) for s in system} for v in g)]
                if fp or fn:
                    shown += 1
                    print(f"{t}: FP {fp} FN {fn}", file=sys.stderr)
    scores: dict[str, dict[str, float]] = {}
    for (t, mode), (tp, ns, ng) in counts.items():
        p = tp / ns if ns else 0.0
        r = tp / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        scores[f"{t}/{mode}"] = {"P": p, "R": r, "F1": f}
    return scores, n, n / elapsed if elapsed else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--sets", nargs="+", default=["conll-train", "conll-testa", "gum"])
    ap.add_argument("--errors", type=int, default=0, help="print up to N documents' misses to stderr")
    args = ap.parse_args(argv)
    ent = args.data / "entities"
    if not ent.is_dir():
        print(f"no entity data under {args.data}", file=sys.stderr)
        return 2
    sources = {
        "conll-train": lambda: read_conll(ent / "conll2003" / "eng.train"),
        "conll-testa": lambda: read_conll(ent / "conll2003" / "eng.testa"),
        "gum": lambda: read_gum(ent / "gum-news" / "gold"),
    }
    print("| set | docs | type | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | docs/s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in args.sets:
        scores, n, speed = evaluate(sources[name](), args.errors)
        for t in TYPES:
            s, r = scores[f"{t}/strict"], scores[f"{t}/relaxed"]
            print(f"| {name} | {n} | {t} | {100 * s['P']:.1f} | {100 * s['R']:.1f} | {100 * s['F1']:.1f} | {100 * r['P']:.1f} | {100 * r['R']:.1f} | {100 * r['F1']:.1f} | {speed:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
