"""Digests + Audience -> the stories that audience sees, in its order.

Filters come from the audience's configuration: ``sources`` and ``tags`` keep
only matching articles, ``include`` keeps stories that mention one of its
words or phrases, ``exclude`` drops stories that mention any of its. Words
match whole words, case-insensitively, in the headline and the text, so
"oil" does not catch "turmoil". The cut to ``max_stories`` happens after
ordering, in ``pipeline.build_brief``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from briefgen.audience import Audience
from briefgen.model import Digest


def _phrase_pattern(phrases: Sequence[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = ("\\s+".join(map(re.escape, p.split())) for p in phrases if p.split())
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def filter_stories(digests: Sequence[Digest], audience: Audience) -> list[Digest]:
    include, exclude = _phrase_pattern(audience.include), _phrase_pattern(audience.exclude)
    sources = {s.casefold() for s in audience.sources}
    tags = {t.casefold() for t in audience.tags}
    kept = []
    for d in digests:
        a = d.article
        if sources and (a.source or "").casefold() not in sources:
            continue
        if tags and not tags & {t.casefold() for t in a.tags}:
            continue
        text = f"{a.title}\n{a.text}"
        if include and not include.search(text):
            continue
        if exclude and exclude.search(text):
            continue
        kept.append(d)
    return kept


def _day(d: Digest) -> float:
    value = d.article.published
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).timestamp() if value.tzinfo is None else value.timestamp()
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day).timestamp()
    return float("-inf")


def order_stories(digests: Sequence[Digest], order: str) -> list[Digest]:
    """Stories in the audience's order; every order is stable and ends on the rank."""

    ranked = rank_stories(digests)
    if order == "newest":
        return sorted(ranked, key=_day, reverse=True)
    if order == "oldest":
        undated = [d for d in ranked if _day(d) == float("-inf")]
        return sorted((d for d in ranked if _day(d) != float("-inf")), key=_day) + undated
    if order == "source":
        return sorted(ranked, key=lambda d: ((d.article.source or "\uffff").casefold()))
    if order == "title":
        return sorted(ranked, key=lambda d: d.article.title.casefold())
    return ranked


def select_stories(digests: Sequence[Digest], audience: Audience) -> list[Digest]:
    """Filtered and ordered, before the cut to max_stories."""
    return order_stories(filter_stories(digests, audience), audience.order)


def rank_stories(digests: Sequence[Digest]) -> list[Digest]:
    """Most newsworthy first: attributed quotes and named people mark a developed
    story; newer before older; the title keeps the order stable."""

    def key(d: Digest) -> tuple:
        attributed = sum(1 for q in d.quotes if q.speaker)
        people = sum(1 for p in d.participants if p.kind == "person")
        weight = 2 * attributed + people + min(len(d.sentences), 20) / 10
        day = d.article.published.toordinal() if d.article.published else 0
        return (-weight, -day, d.article.title)

    return sorted(digests, key=key)
