"""Publication dates -> day ordinals and the similarity factor of two articles some days apart
(raised for days close together, softened over years, neutral when a side is undated)."""

from __future__ import annotations

from datetime import date, datetime

import numpy as np

from briefgen.stories.doc import GroupingOptions


def ordinal(d: date | datetime | None) -> float:
    if d is None:
        return np.nan
    if isinstance(d, datetime):
        d = d.date()
    return float(d.toordinal())


def time_factor(days: np.ndarray, options: GroupingOptions) -> np.ndarray:
    """Similarity factor of pairs ``days`` apart (NaN: one side undated)."""
    known = ~np.isnan(days)
    gap = np.where(known, np.abs(np.nan_to_num(days, nan=0.0)), 0.0)  # undated: neither near nor far
    if not known.any():
        return np.ones_like(gap)
    top = int(gap.max())
    if top < 100_000 and np.array_equal(gap, np.floor(gap)):
        # whole days (the usual case): a table per distinct gap, not a power per pair
        return _time_table(top, options)[gap.astype(np.int64)] * np.where(known, 1.0, _undated(options))
    return _time_curve(gap, known, options)


def _time_curve(gap: np.ndarray, known: np.ndarray, options: GroupingOptions) -> np.ndarray:
    over = np.maximum(gap - options.day_window, 0.0)
    factor = np.power(0.5, over / options.day_halflife)
    if options.near_boost:
        factor = factor * (1.0 + options.near_boost * known * np.power(0.5, gap / options.near_days))
    return factor


def _time_table(top: int, options: GroupingOptions) -> np.ndarray:
    gaps = np.arange(top + 1, dtype=float)
    return _time_curve(gaps, np.ones(top + 1, dtype=bool), options)


def _undated(options: GroupingOptions) -> float:
    """Factor of an undated pair relative to a dated pair 0 days apart (the table's entry 0)."""
    return 1.0 / (1.0 + options.near_boost)
