"""Brief items + Audience -> the items that audience sees, in its order.

Filters come from the audience's configuration: ``sources`` and ``tags`` keep
only matching articles, ``include`` keeps stories that mention one of its
words or phrases, ``exclude`` drops stories that mention any of its. Words
match whole words, case-insensitively, in the headline and the text, so
"oil" does not catch "turmoil". The cut to ``max_stories`` happens after
ordering, in ``briefgen.compose.build_brief``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from briefgen.audience import Audience
from briefgen.model import BriefStory
from briefgen.stories.value import news_value


def phrase_pattern(phrases: Sequence[str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = ("\\s+".join(map(re.escape, p.split())) for p in phrases if p.split())
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def filter_stories(items: Sequence[BriefStory], audience: Audience) -> list[BriefStory]:
    include, exclude = phrase_pattern(audience.include), phrase_pattern(audience.exclude)
    sources = {s.casefold() for s in audience.sources}
    tags = {t.casefold() for t in audience.tags}
    kept = []
    for item in items:
        a = item.article
        if sources and (a.source or "").casefold() not in sources:
            continue
        if tags and not tags & {t.casefold() for t in a.tags}:
            continue
        text = f"{a.title}\n{a.text}"
        if include and not include.search(text):
            continue
        if exclude and exclude.search(text):
            continue
        kept.append(item)
    return kept


def _day(item: BriefStory) -> float:
    value = item.article.published
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).timestamp() if value.tzinfo is None else value.timestamp()
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day).timestamp()
    return float("-inf")


def order_stories(items: Sequence[BriefStory], order: str) -> list[BriefStory]:
    """Stories in the audience's order; every order is stable and ends on the rank."""
    ranked = rank_stories(items)
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


def select_stories(items: Sequence[BriefStory], audience: Audience) -> list[BriefStory]:
    """Filtered and ordered, before the cut to max_stories."""
    return order_stories(filter_stories(items, audience), audience.order)


def rank_stories(items: Sequence[BriefStory]) -> list[BriefStory]:
    """Most newsworthy first (``briefgen.stories.value``: outlets, recency, consequence,
    office, novelty, the audience's priority); newer before older on a tie, then the title.
    An item without a story's value (a brief of single articles) is valued from itself,
    its age counted from the newest article of the batch."""
    days = [d for item in items if (d := _published(item)) is not None]
    today = max(days, default=None)

    def value(item: BriefStory) -> float:
        if item.value is not None:
            return item.value.total
        return news_value(headline=item.article.title, opening=[s.text for s in item.lead.sentences],
                          outlets=1, newest=_published(item), today=today,
                          roles=[p.role for p in item.participants]).total

    def key(item: BriefStory) -> tuple:
        day = _published(item)
        return (-value(item), -(day.toordinal() if day else 0), item.article.title)

    return sorted(items, key=key)


def _published(item: BriefStory) -> date | None:
    value = item.article.published
    return value.date() if isinstance(value, datetime) else value
