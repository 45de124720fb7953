"""Fit the "editor" summarizer's weights on BBC development articles -> briefgen/data/editor_weights.json.

Label: a sentence is positive when the reference summary contains it.
Model: L2-regularised logistic regression (Newton's method, numpy only) over
``briefgen.summarizers.editor.FEATURES``. Only the odd-numbered BBC dev IDs
are used, so the even ones stay a check set (``eval_summaries.py --split check``).

    python bench/fit_editor.py            # fit and write the weights
    python bench/fit_editor.py --dry-run  # print them only
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_summaries import bbc_halves, load_bbc  # noqa: E402

from briefgen.summarizers import editor  # noqa: E402

OUT = ROOT / "briefgen" / "data" / "editor_weights.json"


def _norm(s: str) -> str:
    return " ".join(s.split())


def dataset(docs):
    xs, ys, groups = [], [], []
    for g, d in enumerate(docs):
        sents = [s for s in d.sentences if s.text.strip()]
        if not sents:
            continue
        texts = [_norm(s.text) for s in sents]
        ref = " \n ".join(_norm(r) for r in d.reference)
        x = editor.features(texts, [s.paragraph for s in sents], d.title)
        y = np.asarray([1.0 if t in ref else 0.0 for t in texts])
        xs.append(x)
        ys.append(y)
        groups.extend([g] * len(texts))
    return np.vstack(xs), np.concatenate(ys), np.asarray(groups)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, iters: int = 50) -> np.ndarray:
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0.0  # no penalty on the bias
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--l2", type=float, default=1.0)
    args = ap.parse_args(argv)
    fit_docs, _ = bbc_halves(load_bbc())
    x, y, _ = dataset(fit_docs)
    w = fit_logistic(x, y, args.l2)
    out = {
        "model": "logistic regression, L2 %.3g, Newton" % args.l2,
        "fitted_on": "BBC News Summary dev articles with odd IDs (%d docs, %d sentences)"
                     % (len(fit_docs), len(y)),
        "script": "bench/fit_editor.py",
        "weights": {f: round(float(v), 6) for f, v in zip(editor.FEATURES, w)},
    }
    print(json.dumps(out, indent=2))
    if not args.dry_run:
        OUT.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
