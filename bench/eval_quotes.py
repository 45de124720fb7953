"""Direct-quote extraction on PolNeAR: recall, precision, speaker accuracy (EVALUATION.md).

    python bench/eval_quotes.py [--data ../shared/data] [--split train dev] [--errors N]

Gold direct quotes are attributions whose Content has >= 4 words and >= 80% of its letters
inside double quotation marks; gold speaker = the Source mention text. Calls the public
API (extract_participants, extract_quotes), one process, no network.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefgen.participants import extract_participants  # noqa: E402
from briefgen.quotes import extract_quotes  # noqa: E402

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

# Words that never decide whether two speaker names agree.
STOP = frozenset(
    """a an the of and or for to in on at by with from as is was were be been his her their its
    our my your this that these those who which said says told mr mrs ms dr also but not""".split()
)
TITLES = frozenset(
    """president prime minister senator sen sen. rep rep. gov gov. governor secretary former chief
    executive spokesman spokeswoman spokesperson chairman director candidate nominee democratic
    republican presidential vice deputy mayor judge attorney general official officials
    congressman congresswoman representative leader""".split()
)


@dataclass
class Attribution:
    content: list[tuple[int, int]]
    source: str | None


def read_ann(path: Path) -> list[Attribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    current: str | None = None
    for line in path.read_text(encoding="utf-8").split("\n"):
        if re.match(r"T\d+\t", line):
            tid, rest, *txt = line.split("\t")
            label, _, offs = rest.partition(" ")
            pieces = [tuple(int(x) for x in p.split()) for p in offs.split(";")]
            spans[tid] = (label, pieces, "\t".join(txt))  # type: ignore[assignment]
            current = tid
        elif re.match(r"E\d+\t", line):
            eid, rest = line.split("\t", 1)
            events.append(dict(part.split(":", 1) for part in rest.split()))
            current = None
        elif current is not None and line:
            label, pieces, txt = spans[current]
            spans[current] = (label, pieces, txt + "\n" + line)
    out = []
    for ev in events:
        if "Content" not in ev or ev["Content"] not in spans:
            continue
        source = spans[ev["Source"]][2] if ev.get("Source") in spans else None
        out.append(Attribution(content=spans[ev["Content"]][1], source=source))
    return out


def quote_mask(text: str) -> list[bool]:
    """True for characters between double quotation marks (curly pairs, straight toggles), per line."""
    mask = [False] * len(text)
    inside = False
    for i, ch in enumerate(text):
        if ch == "\n":
            inside = False  # an unbalanced mark must not swallow the rest of the article
        elif ch == "“":
            inside = True
        elif ch == "”":
            inside = False
        elif ch == '"':
            inside = not inside
        elif inside:
            mask[i] = True
    return mask


def is_direct(text: str, mask: list[bool], att: Attribution) -> bool:
    content = " ".join(text[s:e] for s, e in att.content)
    if len(content.split()) < 4:
        return False
    letters = [i for s, e in att.content for i in range(s, e) if text[i].isalpha()]
    return bool(letters) and sum(mask[i] for i in letters) >= 0.8 * len(letters)


def overlap(a: list[tuple[int, int]], b: tuple[int, int]) -> int:
    return sum(max(0, min(e, b[1]) - max(s, b[0])) for s, e in a)


def words(s: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (s or "").lower().replace("’", "'"))}


def content_words(s: str | None) -> set[str]:
    return words(s) - STOP - TITLES


def speaker_ok(source: str, speaker: str | None, mention: str | None) -> bool:
    gold = content_words(source) or words(source)  # a bare pronoun source compares as written
    return bool(gold & (words(speaker) | words(mention)))


def evaluate(data: Path, split: str, errors: int = 0, limit: int | None = None) -> dict[str, float]:
    root = data / "quotes" / "polnear" / split
    n_gold = n_gold_src = matched = correct = attributed = wrong = 0
    n_sys = n_sys_ok = 0
    shown = 0
    docs = sorted((root / "text").glob("*.txt"))[:limit]
    t0 = time.perf_counter()
    for doc in docs:
        anns = sorted((root / "attributions").glob(doc.stem + "_*.ann"))
        if not anns:
            continue
        text = doc.read_text(encoding="utf-8")
        atts = read_ann(anns[0])  # several annotators on a few docs: use the first
        mask = quote_mask(text)
        gold = [a for a in atts if is_direct(text, mask, a)]
        quotes = extract_quotes(text, extract_participants(text))
        n_sys += len(quotes)
        for q in quotes:
            span = (q.start, q.end)
            if any(overlap(a.content, span) * 2 > (q.end - q.start) for a in atts):
                n_sys_ok += 1
            elif shown < errors:
                shown += 1
                print(f"FP {doc.name}: {q.text[:100]!r} [{q.rule}]", file=sys.stderr)
        for g in gold:
            n_gold += 1
            glen = sum(e - s for s, e in g.content)
            best, best_ov = None, 0
            for q in quotes:
                ov = overlap(g.content, (q.start, q.end))
                if ov * 2 > min(glen, q.end - q.start) and ov > best_ov:
                    best, best_ov = q, ov
            if g.source is not None:
                n_gold_src += 1
            if best is None:
                if shown < errors:
                    shown += 1
                    print(f"FN {doc.name}: {text[g.content[0][0]:g.content[-1][1]][:100]!r}", file=sys.stderr)
                continue
            matched += 1
            if g.source is None:
                continue
            if best.speaker or best.speaker_mention:
                attributed += 1
            if speaker_ok(g.source, best.speaker, best.speaker_mention):
                correct += 1
            elif not (best.speaker or best.speaker_mention) and shown < errors:
                shown += 1
                print(f"NA {doc.name}: gold={g.source!r} {text[max(0, best.start - 120):best.start]!r} || {text[best.end:best.end + 80]!r}", file=sys.stderr)
            elif best.speaker or best.speaker_mention:
                wrong += 1
                if shown < errors:
                    shown += 1
                    print(f"WS {doc.name}: gold={g.source!r} sys={best.speaker!r}/{best.speaker_mention!r} [{best.rule}] {best.text[:60]!r}", file=sys.stderr)
    elapsed = time.perf_counter() - t0
    return {
        "docs": len(docs),
        "gold": n_gold,
        "system": n_sys,
        "recall": matched / n_gold if n_gold else 0.0,
        "precision": n_sys_ok / n_sys if n_sys else 0.0,
        "speaker": correct / n_gold_src if n_gold_src else 0.0,
        "attribution": attributed / matched if matched else 0.0,
        "wrong": wrong / attributed if attributed else 0.0,
        "docs/s": len(docs) / elapsed if elapsed else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", nargs="+", default=["train", "dev"])
    ap.add_argument("--errors", type=int, default=0, help="print up to N misses to stderr")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = ap.parse_args(argv)
    if not (args.data / "quotes" / "polnear").is_dir():
        print(f"no PolNeAR data under {args.data}", file=sys.stderr)
        return 2
    cols = ["docs", "gold", "system", "recall", "precision", "speaker", "attribution", "wrong", "docs/s"]
    print("| split | " + " | ".join(cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for split in args.split:
        r = evaluate(args.data, split, args.errors, args.limit)
        cells = [f"{r[c]:.0f}" if c in ("docs", "gold", "system") else f"{r[c]:.1f}" if c == "docs/s" else f"{100 * r[c]:.1f}%" for c in cols]
        print(f"| {split} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
