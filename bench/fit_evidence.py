"""Fit the grouping's pair evidence (``briefgen.stories.evidence``) -> briefgen/data/grouping_evidence.json.

Pairs come from small inboxes drawn as ``eval_inboxes.py`` draws them, from the **tune half**
of the stories only (``eval_inboxes.half_of``): unrelated inboxes (every pair is two
stories) and one-story inboxes (the story's pairs are one story, every other pair two).
Each inbox's parts are built as the grouper builds them, so the features are exactly those
it will see; a logistic regression (Newton's method, a small ridge) on them gives the
weights. The same draw with another ``--seed`` gives the check printed at the end (share
of negative pairs above the cut that keeps a given share of positive pairs).

    PYTHONPATH=. .venv/bin/python bench/fit_evidence.py [--inboxes 3000] [--negatives 5] [--pools] [--write]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

import eval_inboxes as ei  # the inbox draws and the tune/held split (same folder)
import numpy as np

import briefgen
from briefgen.stories.evidence import FEATURES, parts  # not public: the features the fit is for
from briefgen.stories.timing import ordinal  # not public: as the grouper dates a doc

OUT = Path(__file__).resolve().parents[1] / "briefgen" / "data" / "grouping_evidence.json"
RIDGE = 1e-4  # per pair (the weighted loss sums to one per pair)


def pairs_of(stories, inboxes: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Feature rows (one per pair of articles in an inbox) and labels (1: one story)."""
    rng = random.Random(seed)
    options = briefgen.GroupingOptions()
    xs, ys = [], []
    for k in range(inboxes):
        if k % 2:
            keys, docs = ei.draw_unrelated(stories, rng)
        else:
            keys, docs, _ = ei.draw_one_story(stories, rng)
        days = np.asarray([ordinal(d.published) for d in docs], dtype=float)
        p = parts(docs, days, options)
        r, c = np.triu_indices(len(docs), 1)
        f = p.features(r, c)
        xs.append(np.column_stack([f[name] for name in FEATURES]))
        ys.append(np.asarray([keys[i] == keys[j] for i, j in zip(r, c, strict=True)], dtype=float))
    return np.vstack(xs), np.concatenate(ys)


def pool_pairs(seed: int, negatives: int = 4000) -> tuple[np.ndarray, np.ndarray]:
    """Pairs of each dataset's tune half as one big batch (its own dates, the day's IDF as the
    grouper sees a big day): every same-story pair, and ``negatives`` others drawn at random."""
    rng = np.random.default_rng(seed)
    options = briefgen.GroupingOptions()
    xs, ys = [], []
    for name in ei.eg.SETS:
        rows = ei.eg.load(name)
        keep = [(r, d) for r, d in zip(rows, ei.eg.docs_for(name, rows), strict=True)
                if ei.half_of((name, str(r["story"]))) == "tune"]
        if len(keep) < 2:
            continue
        keys = np.asarray([str(r["story"]) for r, _ in keep])
        docs = [d for _, d in keep]
        days = np.asarray([ordinal(d.published) for d in docs], dtype=float)
        p = parts(docs, days, options)
        r, c = np.triu_indices(len(docs), 1)
        same = keys[r] == keys[c]
        other = np.flatnonzero(~same)
        pick = np.concatenate([np.flatnonzero(same), rng.choice(other, min(negatives, len(other)), replace=False)])
        f = p.features(r[pick], c[pick])
        xs.append(np.column_stack([f[k] for k in FEATURES]))
        ys.append(same[pick].astype(float))
    return np.vstack(xs), np.concatenate(ys)


def fit(x: np.ndarray, y: np.ndarray, negatives: float = 1.0) -> tuple[float, np.ndarray]:
    """Logistic regression by Newton's method; the negatives together weigh ``negatives``
    times the positives."""
    a = np.column_stack([np.ones(len(x)), x])
    w = np.where(y > 0, 1.0 / max(y.sum(), 1), negatives / max((1 - y).sum(), 1)) * len(y) / (1 + negatives)
    beta = np.zeros(a.shape[1])
    ridge = np.full(a.shape[1], RIDGE * len(y))
    ridge[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(a @ beta)))
        grad = a.T @ (w * (p - y)) + ridge * beta
        hess = (a * (w * p * (1 - p))[:, None]).T @ a + np.diag(ridge)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(beta[0]), beta[1:]


def check(x: np.ndarray, y: np.ndarray, bias: float, weights: np.ndarray) -> None:
    logit = bias + x @ weights
    pos, neg = np.sort(logit[y > 0]), logit[y == 0]
    print(f"check pairs: {int(y.sum())} one story, {int((1 - y).sum())} two stories")
    for keep in (0.90, 0.95, 0.97, 0.99):
        cut = pos[int((1 - keep) * len(pos))]
        print(f"  keeps {keep:.0%} of one-story pairs at logit >= {cut:6.2f}: "
              f"{(neg >= cut).mean():.3%} of two-story pairs pass")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--inboxes", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=100)
    ap.add_argument("--write", action="store_true", help=f"write the weights to {OUT}")
    ap.add_argument("--negatives", type=float, default=1.0, help="weight of the negative pairs, positives = 1")
    ap.add_argument("--pools", action="store_true", help="also pairs of each dataset's tune half as one batch")
    ap.add_argument("--drop", nargs="*", default=[], help="features left out of the fit")
    ap.add_argument("--cache", action="store_true", help="keep the pairs' features in /tmp between runs")
    args = ap.parse_args()
    if not ei.eg.DATA.exists():
        sys.exit(f"no data at {ei.eg.DATA}")
    stories = ei.pool("tune")
    cache = Path(f"/tmp/fit_evidence_{args.inboxes}_{args.seed}_{int(args.pools)}.npz") if args.cache else None
    if cache is not None and cache.exists():
        z = np.load(cache)
        x, y, xc, yc = z["x"], z["y"], z["xc"], z["yc"]
    else:
        x, y = pairs_of(stories, args.inboxes, args.seed)
        xc, yc = pairs_of(stories, args.inboxes // 2, args.seed + 1)
        if args.pools:
            xp, yp = pool_pairs(args.seed)
            x, y = np.vstack([x, xp]), np.concatenate([y, yp])
        if cache is not None:
            np.savez(cache, x=x, y=y, xc=xc, yc=yc)
    use = [k for k, name in enumerate(FEATURES) if name not in args.drop]
    bias, fitted = fit(x[:, use], y, args.negatives)
    weights = np.zeros(len(FEATURES))
    weights[use] = fitted
    print(f"fitted on {len(y)} pairs ({int(y.sum())} one story) of {args.inboxes} tune-half inboxes")
    print(f"  bias {bias:+.3f}")
    for name, w in zip(FEATURES, weights, strict=True):
        print(f"  {name:14} {w:+.3f}")
    check(xc, yc, bias, weights)
    if args.write:
        OUT.write_text(json.dumps({
            "about": "Pair evidence of briefgen.stories.evidence: log-odds that two articles tell one story = "
                     "bias + sum of weight x feature. Fitted by bench/fit_evidence.py on the tune half of the "
                     "stories data (small inboxes); regenerate with that script, do not edit by hand.",
            "command": f"PYTHONPATH=. python bench/fit_evidence.py --inboxes {args.inboxes} --seed {args.seed} "
                       f"--negatives {args.negatives:g}{' --pools' if args.pools else ''}"
                       f"{''.join(' --drop ' + d for d in args.drop)} --write",
            "bias": round(bias, 4),
            "weights": {name: round(float(w), 4) for name, w in zip(FEATURES, weights, strict=True)},
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
