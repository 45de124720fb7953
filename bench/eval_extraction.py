"""Article-body extraction on saved web pages: briefgen vs the benchmark's stored extractors.

Input: a folder laid out like ../shared/data/html (pages/<id>.html.gz, ground-truth.json
{id: {"articleBody": ...}}, optionally outputs/<extractor>.json). Each page is unpacked to a
temporary <id>.html and run through `briefgen analyze --format json` (the same path users
take, many pages per call); the article's "text" is scored against "articleBody".

Metric (the benchmark's own definition, re-implemented here): tokens are runs of word
characters; shingles are token 4-grams counted with multiplicity; per page
tp/fp/fn are the shingle-count overlaps, normalised by their sum; precision and recall are
averaged over pages (pages with no predicted, resp. no true, shingles are left out of that
average; empty vs empty counts as 1); F1 = 2PR/(P+R) of the averages.

    .venv/bin/python bench/eval_extraction.py                     # dev set in ../shared/data/html
    .venv/bin/python bench/eval_extraction.py --data /path/heldout --worst 10
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "html"
_TOKEN = re.compile(r"\w+")
BATCH = 40


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    # A text shorter than n tokens is one (short) shingle, as in the benchmark.
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(hit: float, miss: float, other_miss: float) -> float:
    if miss == other_miss == 0:
        return 1.0
    return hit / (hit + miss) if hit + miss else 0.0


def scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precision = statistics.mean(_ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0)
    recall = statistics.mean(_ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0)
    return precision, recall, 2 * precision * recall / (precision + recall)


def briefgen_bodies(pages: Path, ids: list[str]) -> dict[str, str]:
    """id -> extracted text, through `briefgen analyze` in batches."""
    out: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="briefgen-extract-") as tmp:
        files = []
        for page_id in ids:
            target = Path(tmp) / f"{page_id}.html"
            target.write_bytes(gzip.decompress((pages / f"{page_id}.html.gz").read_bytes()))
            files.append(target)
        for start in range(0, len(files), BATCH):
            batch = [str(f) for f in files[start : start + BATCH]]
            run = subprocess.run([sys.executable, "-m", "briefgen", "-q", "analyze", "--format", "json",
                                  "--sentences", "1", *batch], cwd=ROOT, capture_output=True, text=True)
            if run.returncode not in (0, 3, 4):
                sys.exit(f"briefgen analyze failed ({run.returncode}): {run.stderr.strip()[-500:]}")
            for article in json.loads(run.stdout)["articles"]:
                out[Path(article["path"]).stem] = article["text"]
    return out


def stored_outputs(folder: Path) -> dict[str, dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        data = data.get("output", data)
        found[path.stem] = {k: (v or {}).get("articleBody") or "" for k, v in data.items()}
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder (default: %(default)s)")
    parser.add_argument("--worst", type=int, default=0, help="also list the N pages briefgen scores worst on")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        sys.exit(f"no benchmark at {args.data} (expects ground-truth.json and pages/)")
    gold = json.loads((args.data / "ground-truth.json").read_text("utf-8"))
    truth = {k: v.get("articleBody", "") for k, v in gold.items()}
    ids = sorted(truth)

    ours = briefgen_bodies(args.data / "pages", ids)
    rows = {"briefgen": [page_counts(truth[i], ours.get(i, "")) for i in ids]}
    for name, bodies in stored_outputs(args.data / "outputs").items():
        rows[name] = [page_counts(truth[i], bodies.get(i, "")) for i in ids]

    print(f"{len(ids)} pages from {args.data}; {len(ids) - len(ours)} without an extracted article")
    print(f"{'extractor':<24}{'precision':>10}{'recall':>10}{'F1':>10}")
    for name, counts in sorted(rows.items(), key=lambda item: -scores(item[1])[2]):
        p, r, f = scores(counts)
        mark = "  <-" if name == "briefgen" else ""
        print(f"{name:<24}{p:>10.3f}{r:>10.3f}{f:>10.3f}{mark}")
    if args.worst:
        print(f"\nworst {args.worst} pages for briefgen (tp, fp, fn):")
        for counts, page_id in sorted(zip(rows["briefgen"], ids, strict=True))[: args.worst]:
            print(f"  {page_id[:12]}  {counts[0]:.2f} {counts[1]:.2f} {counts[2]:.2f}")


if __name__ == "__main__":
    main()
