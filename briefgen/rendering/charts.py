"""Story and speaker views -> the numbers the charts draw (``templates/partials/charts.html``):
bars for coverage by story (articles and distinct outlets), sources by outlet and speakers
by number of quotes, and a dated timeline for each developing story. Everything a chart
needs is computed here (shares of the longest bar, positions on a date axis, the text
alternative), so the SVG macros only place shapes; no article text reaches an attribute
other than as escaped text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from briefgen.rendering.clip import shorten
from briefgen.rendering.sources import SourceView
from briefgen.stories.outlets import outlet_key


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    share: float  # value / the chart's largest value, 0..1
    second: int | None = None  # a second series (distinct outlets of a story)
    second_share: float = 0.0
    href: str | None = None  # "#story-2": generated anchors only


@dataclass(frozen=True)
class BarChart:
    id: str  # "chart-coverage": generated, never article text
    title: str
    description: str  # the text alternative: every number the bars show
    bars: tuple[Bar, ...]
    unit: str  # what ``value`` counts ("articles")
    second_unit: str | None = None  # what ``second`` counts ("outlets")
    note: str | None = None  # said under the bars: what they leave out


@dataclass(frozen=True)
class Point:
    source: SourceView
    position: float  # 0..1 along the story's date axis


@dataclass(frozen=True)
class Timeline:
    id: str
    title: str
    description: str
    points: tuple[Point, ...]
    start: str  # the first and last dates, formatted
    end: str


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _label(number: int, headline: str, limit: int = 70) -> str:
    return shorten(f"{number}. {headline}", limit)


def coverage_chart(stories: Sequence) -> BarChart | None:
    """Articles and distinct outlets per story told by more than one article; None when no
    story is (every bar would be the same). A one-article story gets no bar: a column of
    "1 · 1" bars would push the brief overleaf and tell the reader nothing the caption's
    count of them does not."""
    several = [s for s in stories if len(s.sources) > 1]
    if not several:
        return None
    top = max(len(s.sources) for s in several)
    bars = tuple(Bar(label=_label(s.number, s.headline, 48), value=len(s.sources), share=len(s.sources) / top,
                     second=len(s.outlets) or 1, second_share=(len(s.outlets) or 1) / top, href=f"#{s.anchor}")
                 for s in several)
    text = "; ".join(f"story {b.label}: {_plural(b.value, 'article')} from {_plural(b.second or 1, 'outlet')}"
                     for b in bars)
    single = len(stories) - len(several)
    rest = {0: "", 1: " The other story had one article."}.get(
        single, f" The other {single} stories had one article each.")
    return BarChart(id="chart-coverage", title="Coverage by story",
                    description=f"Articles and outlets per story. {text}.{rest}",
                    bars=bars, unit="articles", second_unit="outlets", note=rest.strip() or None)


def outlet_chart(sources: Sequence[SourceView], limit: int = 10) -> BarChart | None:
    """Articles per publisher, most first; None with fewer than two articles."""
    if len(sources) < 2:
        return None
    counts: dict[str, list] = {}
    for s in sources:
        name = s.outlet or "Unknown outlet"
        counts.setdefault(outlet_key(name), [name, 0])[1] += 1
    rows = sorted(counts.values(), key=lambda r: (-r[1], r[0].casefold()))[:limit]
    top = rows[0][1]
    bars = tuple(Bar(label=name, value=n, share=n / top) for name, n in rows)
    text = "; ".join(f"{b.label}: {_plural(b.value, 'article')}" for b in bars)
    return BarChart(id="chart-outlets", title="Sources by outlet", description=f"Articles used per outlet. {text}.",
                    bars=bars, unit="articles")


def speaker_chart(speakers: Sequence, limit: int = 10) -> BarChart | None:
    """Named speakers (people, organisations) by number of quotes, most quoted first; None
    with fewer than two. The "Other sources" entry of described speakers is no speaker."""
    named = [s for s in speakers if s.name and not getattr(s, "described", False)][:limit]
    if len(named) < 2:
        return None
    top = max(len(s.quotes) for s in named)
    bars = tuple(Bar(label=s.name, value=len(s.quotes), share=len(s.quotes) / top, href=f"#{s.anchor}")
                 for s in named)
    text = "; ".join(f"{b.label}: {_plural(b.value, 'quote')}" for b in bars)
    return BarChart(id="chart-speakers", title="Most quoted", description=f"Quotes per speaker. {text}.",
                    bars=bars, unit="quotes")


def timeline(story) -> Timeline | None:  # noqa: ANN001 - a StoryView (views imports this module)
    """The story's dated articles on one axis; None unless it has two dates or more."""
    dated: tuple[SourceView, ...] = story.timeline
    days = sorted({s.day for s in dated if s.day is not None})
    if len(days) < 2:
        return None
    first, last = days[0], days[-1]
    span = (last - first).days

    def at(day: date | None) -> float:
        return 0.0 if day is None else (day - first).days / span

    points = tuple(Point(source=s, position=at(s.day)) for s in dated)
    text = "; ".join(f"{s.published}: {s.outlet or 'unknown outlet'}, source {s.number}"
                     + (" (background)" if s.background else "") for s in dated)
    return Timeline(id=f"timeline-{story.number}", title=f"Timeline of story {story.number}",
                    description=f"{_plural(len(dated), 'article')} from {dated[0].published} to "
                                f"{dated[-1].published}. {text}.",
                    points=points, start=dated[0].published or "", end=dated[-1].published or "")
