"""The brief's items -> every article it used, numbered once (``SourceView``), so each summary
sentence and quote can carry a compact mark "[n]" that links to its row in the Sources
section, and each story can show its age: first reported, updated, and which of its articles
are background (dated before the brief's window) rather than news of the day."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from briefgen.links import safe_url
from briefgen.model import Article, BriefStory
from briefgen.rendering.locales import format_date
from briefgen.stories.outlets import outlet_name

# The brief's window when it is read without one: the brief's day and the day before (an
# overnight article is still news at 7 am). An article dated earlier is background.
WINDOW_DAYS = 2


@dataclass(frozen=True)
class SourceView:
    number: int  # 1-based: the "[n]" every line from this article carries
    anchor: str  # "source-3": generated, never article text
    title: str
    outlet: str | None  # the publisher ("Wikinews (sample feed)" -> "Wikinews"); None: unknown
    day: date | None  # the publication date; None: undated
    published: str | None  # the date formatted for people
    url: str | None  # safe for href: http(s) only, else None
    url_text: str | None  # the raw URL, shown as text when it is not safe
    path: str
    stories: tuple[int, ...]  # numbers of the stories it was used in
    background: bool  # dated before the brief's window


def article_day(article: Article | None) -> date | None:
    value = article.published if article else None
    if isinstance(value, datetime):
        return value.date()
    return value


def is_background(day: date | None, brief_day: date) -> bool:
    """Older than the brief's window; an undated article has an unknown age, not an old one."""
    return day is not None and day <= brief_day - timedelta(days=WINDOW_DAYS)


def item_articles(item: BriefStory) -> tuple[Article, ...]:
    """Every article of a brief item, the lead first, then oldest first (undated last)."""
    others = [a for a in item.sources if a.path != item.article.path]
    others.sort(key=lambda a: (article_day(a) is None, article_day(a) or date.min, a.path))
    return (item.article, *others)


def cited_articles(item: BriefStory, limit: int | None = None) -> tuple[Article, ...]:
    """The articles of a brief item a reader is pointed to, at most ``limit`` (None: all): those
    its summary lines and quotes come from, in that order, then the lead, then the others
    newest first. A story told by forty outlets lists the ones its lines cite; the JSON brief
    keeps every article."""
    everything = item_articles(item)
    if limit is None or len(everything) <= limit:
        return everything
    cited: dict[str, Article] = {}
    for path in (*(s.path for s in item.summary), *(q.path for q in item.quotes), item.article.path):
        if (a := item.source(path)) is not None:
            cited.setdefault(a.path, a)
    newest = sorted(everything, key=lambda a: (article_day(a) or date.min, a.path), reverse=True)
    for a in newest:
        cited.setdefault(a.path, a)
    return tuple(cited.values())[:limit]


def number_sources(items: Sequence[BriefStory], brief_day: date, locale: str, per_story: int | None = None,
                   digest: Sequence[BriefStory] = ()) -> dict[str, SourceView]:
    """Path -> its SourceView, numbered in the order a reader meets them (story by story):
    up to ``per_story`` articles of each of ``items`` (``cited_articles``), then the one
    article each ``digest`` story's single line comes from."""
    used: dict[str, tuple[Article, list[int]]] = {}
    lists = [(item, per_story) for item in items] + [(item, 1) for item in digest]
    for number, (item, limit) in enumerate(lists, start=1):
        for a in cited_articles(item, limit):
            used.setdefault(a.path, (a, []))[1].append(number)
    out: dict[str, SourceView] = {}
    for n, (path, (a, stories)) in enumerate(used.items(), start=1):
        day = article_day(a)
        out[path] = SourceView(
            number=n, anchor=f"source-{n}", title=a.title,
            outlet=outlet_name(a.source) if a.source and a.source.strip() else None,
            day=day, published=format_date(a.published, locale), url=safe_url(a.url), url_text=a.url,
            path=path, stories=tuple(dict.fromkeys(stories)), background=is_background(day, brief_day),
        )
    return out


