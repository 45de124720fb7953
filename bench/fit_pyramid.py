"""Fit the inverted-pyramid gate (keep the lead or rank?) -> briefgen/data/pyramid_weights.json.

Training sets: the BBC development articles with odd IDs and the GUM news
tune half (``eval_summaries.declared_halves``, its human summaries; reported
leave-one-out, and on the held half). For every
article, and for BBC at the reference's size and
at 2 and 3 sentences (scored against the whole reference: what the short
summary holds of it), the default summary is made twice, once with the lead forced and once with the ranking forced
(``editor.rate(lead=...)``, through ``pyramid.keeps_lead``), both scored with
ROUGE-1/2/L F1 against the reference. Label: the lead scores higher (mean of
the three); each article weighs by how much the choice matters (the gap). Model:
L2-regularised weighted logistic regression (Newton, numpy; each training set
weighs the same in total) over
``pyramid.FEATURES``, fitted on standardised features and written back in raw
units. The even IDs report how the gate does on articles it never saw; BBC,
GUM, MultiLing and DUC 2003 are scored by ``bench/eval_summaries.py``.

    python bench/fit_pyramid.py            # fit, report, write the weights
    python bench/fit_pyramid.py --dry-run
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

from eval_summaries import bbc_halves, declared_halves, lead_heavy, load_bbc, load_gum, make_scorer  # noqa: E402

from briefgen.summarize import pyramid, summarize  # noqa: E402

OUT = ROOT / "briefgen" / "data" / "pyramid_weights.json"
# summary sizes fitted: the reference's own and shorter ones, so the gate sees short summaries of
# long articles too (every BBC reference holds about 40% of its article)
SIZES = (None, 2, 3)


def both_ways(docs, scorer, sizes=(None,)):
    """Per article and summary size (None = the reference's sentence count): gate features,
    and mean ROUGE F1 of the lead's and the ranking's summary."""
    real = pyramid.keeps_lead
    rows, lead_scores, rank_scores = [], [], []
    try:
        for d, size in ((d, size) for d in docs for size in sizes):
            k = d.k if size is None else size
            if size is not None and d.k is not None and size >= d.k:
                continue
            got: list[np.ndarray] = []
            out = []
            for forced in (True, False):
                def fake(x, forced=forced, got=got):
                    got.append(x)
                    return forced
                pyramid.keeps_lead = fake
                summary = summarize(d.sentences, algorithm="editor", count=k, title=d.title,
                                    words=None if d.cut is None else d.cut + 40)
                pred = "\n".join(" ".join(s.text.split()) for s in summary)
                if d.cut is not None:
                    pred = " ".join(pred.split()[:d.cut])
                refs = d.references or ["\n".join(d.reference)]
                out.append(sum(100 * sc[m].fmeasure for ref in refs
                               for sc in [scorer.score(ref, pred)]
                               for m in ("rouge1", "rouge2", "rougeL")) / (3 * len(refs)))
            if not got:
                continue
            rows.append(got[0])
            lead_scores.append(out[0])
            rank_scores.append(out[1])
    finally:
        pyramid.keeps_lead = real
    return np.vstack(rows), np.asarray(lead_scores), np.asarray(rank_scores)


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float, iters: int = 100) -> np.ndarray:
    """Weighted logistic regression on standardised columns; raw-unit weights returned."""
    mu = x[:, 1:].mean(axis=0)
    sd = x[:, 1:].std(axis=0)
    sd[sd == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x[:, 1:] - mu) / sd])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], l2)
    reg[0] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (weight * (p - y)) + reg * w
        hess = (z * (weight * p * (1 - p))[:, None]).T @ z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-9:
            break
    raw = np.empty_like(w)
    raw[1:] = w[1:] / sd
    raw[0] = w[0] - float(np.sum(w[1:] * mu / sd))
    return raw


def report(name: str, x, lead, rank, w) -> None:
    p = 1.0 / (1.0 + np.exp(-(x @ w)))
    gated = np.where(p > 0.5, lead, rank)
    print(f"{name}: {len(x)} articles, lead chosen for {int((p > 0.5).sum())}; mean ROUGE-1/2/L F1: "
          f"lead {lead.mean():.2f}, ranking {rank.mean():.2f}, gated {gated.mean():.2f}, "
          f"oracle {np.maximum(lead, rank).mean():.2f}", file=sys.stderr)


def train(sets, l2: float) -> np.ndarray:
    """One fit over several training sets, each weighing the same in total (so 20 GUM
    articles count as much as 700 BBC rows); inside a set, an article weighs its ROUGE gap."""
    xs, ys, ws = [], [], []
    for x, lead, rank in sets:
        gap = np.abs(lead - rank) + 1e-3
        xs.append(x)
        ys.append((lead > rank).astype(float))
        ws.append(gap / gap.sum())
    return fit(np.vstack(xs), np.concatenate(ys), np.concatenate(ws) * sum(len(x) for x in xs), l2)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--l2", type=float, default=10.0)
    args = ap.parse_args(argv)
    scorer = make_scorer()
    fit_docs, check_docs = bbc_halves(load_bbc())
    bbc = both_ways(fit_docs, scorer, SIZES)
    gum_tune, gum_held = declared_halves("gum", load_gum())
    gum = both_ways(gum_tune, scorer)
    w = train([bbc, gum], args.l2)
    allx = np.vstack([bbc[0], gum[0]])
    report("BBC odd IDs (fit)", *bbc, w)
    report("GUM (fit)", *gum, w)
    # GUM scored leave-one-out: each article's gate fitted without it
    gx, glead, grank = gum
    picked = []
    for i in range(len(gx)):
        m = np.arange(len(gx)) != i
        wi = train([bbc, (gx[m], glead[m], grank[m])], args.l2)
        picked.append(glead[i] if gx[i] @ wi > 0 else grank[i])
    print(f"GUM leave-one-out: gated {np.mean(picked):.2f} (lead {glead.mean():.2f}, ranking "
          f"{grank.mean():.2f})", file=sys.stderr)
    report("GUM held half (check)", *both_ways(gum_held, scorer), w)
    report("BBC even IDs (check), 2- and 3-sentence summaries", *both_ways(check_docs, scorer, (2, 3)), w)
    cx, clead, crank = both_ways(check_docs, scorer)
    report("BBC even IDs (check)", cx, clead, crank, w)
    heavy = {d.id for d in lead_heavy(check_docs)}
    keep = np.asarray([d.id in heavy for d in check_docs])
    report("BBC even IDs, lead-heavy", cx[keep], clead[keep], crank[keep], w)
    out = {
        "model": f"weighted logistic regression, L2 {args.l2:g} on standardised features, Newton; "
                 "label: the lead's summary beats the ranking's on mean ROUGE-1/2/L F1; an article "
                 "weighs its ROUGE gap, each training set the same in total",
        "fitted_on": f"BBC News Summary dev articles with odd IDs at their reference's size and at 2 "
                     f"and 3 sentences ({len(bbc[0])} rows, lead better in {int((bbc[1] > bbc[2]).sum())}); "
                     f"GUM news tune half (declared_halves) with its human summaries ({len(gx)} docs, lead better in "
                     f"{int((glead > grank).sum())})",
        "script": "bench/fit_pyramid.py",
        "weights": {f: round(float(v), 6) for f, v in zip(pyramid.FEATURES, w)},
        # the article shapes the model saw: outside them (a whole cluster of articles run
        # together, say) the editor ranks rather than extrapolate the gate
        "applies_within": {f: [round(float(np.min(allx[:, pyramid.FEATURES.index(f)])), 6),
                               round(float(np.max(allx[:, pyramid.FEATURES.index(f)])), 6)]
                           for f in pyramid.SHAPE},
    }
    print(json.dumps(out, indent=2))
    if not args.dry_run:
        OUT.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
