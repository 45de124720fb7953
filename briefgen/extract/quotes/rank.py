"""Quotes of an article -> the key quotes a brief shows (used by rendering)."""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.extract.quotes.filters import is_title_like
from briefgen.model import Quote

RANK_MIN_WORDS = 10
RANK_MAX_WORDS = 60
RANK_PER_SPEAKER = 2


def rank_quotes(
    quotes: Sequence[Quote], limit: int | None = None, per_speaker: int = RANK_PER_SPEAKER
) -> tuple[Quote, ...]:
    """Key quotes for a brief: attributed, substantive (10-60 words), at most
    ``per_speaker`` per speaker, best first (confidence, then length near 30 words,
    then position in the article)."""

    def score(q: Quote) -> tuple[float, int]:
        n = len(q.text.split())
        return (q.confidence - abs(n - 30) / 200.0, -q.start)

    eligible = [
        q
        for q in quotes
        if q.speaker
        and RANK_MIN_WORDS <= len(q.text.split()) <= RANK_MAX_WORDS
        and not is_title_like(q.text.split(), q.text)
    ]
    per: dict[str, int] = {}
    out: list[Quote] = []
    for q in sorted(eligible, key=score, reverse=True):
        key = q.speaker or ""
        if per.get(key, 0) >= per_speaker:
            continue
        per[key] = per.get(key, 0) + 1
        out.append(q)
        if limit is not None and len(out) >= limit:
            break
    return tuple(out)
