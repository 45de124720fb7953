"""One audience's brief items -> the views templates lay out: a StoryView per story (summary,
quotes with their speakers' roles, participants by kind, safe links) and the quotes grouped
by speaker (SpeakerView), all computed here so templates only lay out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from briefgen.audience import Audience
from briefgen.extract.quotes import is_named_speaker, rank_quotes
from briefgen.links import safe_url
from briefgen.model import BriefStory, Digest, Participant, Quote, StoryMemory
from briefgen.rendering.charts import Timeline, timeline
from briefgen.rendering.clip import shorten
from briefgen.rendering.gist import key_facts, takeaway
from briefgen.rendering.locales import format_date as locale_date
from briefgen.rendering.sources import SourceView, article_day, is_background, item_articles
from briefgen.stories.outlets import distinct_outlets

_LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_KIND_ORDER = {"person": 0, "organization": 1, "place": 2}


@dataclass(frozen=True)
class QuoteView:
    text: str
    speaker: str | None  # None: the extractor could not tell who said it
    role: str | None
    cue: str | None
    story: int  # 1-based number of the story it comes from
    anchor: str  # id of that story's section, for links
    source: SourceView | None = None  # the article it was said in (its "[n]" mark and date)
    headline: str = ""  # the headline of the story it comes from


@dataclass(frozen=True)
class LineView:
    """One summary sentence with the article it came from."""

    text: str
    source: SourceView | None
    new: bool = False  # a fact no earlier brief of the story said


@dataclass(frozen=True)
class StoryView:
    number: int
    anchor: str  # "story-3": generated, never article text
    headline: str
    running: str  # the headline cut to fit the running footer
    source: str | None
    author: str | None
    published: str | None  # formatted for people
    url: str | None  # safe for href: http(s) only, else None
    url_text: str | None  # the raw URL, shown as text when it is not safe
    lang: str | None
    summary: tuple[str, ...]
    speakers: tuple[tuple[str | None, str | None], ...]  # (name, role) of each quoted speaker, once
    quotes: tuple[QuoteView, ...]
    participants: tuple[Participant, ...]  # people, then organizations, then places
    people: tuple[Participant, ...]
    organizations: tuple[Participant, ...]
    places: tuple[Participant, ...]
    memory: StoryMemory | None  # with --stories: label, outlets, new facts; else None
    digest: Digest  # the lead article as analysed (raw)
    lines: tuple[LineView, ...] = ()  # the summary, each sentence with its source
    takeaway: LineView | None = None  # the one self-contained sentence that says the most
    facts: tuple[LineView, ...] = ()  # 2-3 key facts besides the takeaway
    sources: tuple[SourceView, ...] = ()  # its articles in Sources (sources.cited_articles), the lead first
    unlisted: int = 0  # its articles beyond audience.sources_per_story (all are in the JSON)
    timeline: tuple[SourceView, ...] = ()  # its dated articles, oldest first (two or more: developing)
    outlets: tuple[str, ...] = ()  # distinct publishers
    first_reported: str | None = None  # the oldest article's date, formatted
    updated: str | None = None  # the newest article's date when later than the first
    age: str = "new"  # new, updated, continuing (story memory) or background (older than the window)
    chart: Timeline | None = None  # the dated timeline of a developing story (two dates or more)


@dataclass(frozen=True)
class DigestLine:
    """A story beyond the audience's full_stories: one line in "Also today"."""

    number: int
    headline: str
    source: str | None
    sentence: str  # the story's lead sentence (or the first summary line)
    label: str | None  # new / updated / continuing with --stories; else None
    outlet_count: int
    ref: SourceView | None = None  # the article the sentence came from: its "[n]" mark


def digest_line(number: int, item: BriefStory, sources: dict[str, SourceView] | None = None) -> DigestLine:
    memory = item.memory
    sentence = memory.lead_sentence if memory is not None and memory.lead_sentence else (
        item.summary[0].text if item.summary else "")
    path = next((line.path for line in item.summary if line.text == sentence), None)
    said_in = item.source(path)
    return DigestLine(number=number, headline=item.article.title, source=item.article.source,
                      sentence=sentence, label=memory.label if memory is not None else None,
                      outlet_count=memory.outlet_count if memory is not None else 1,
                      ref=(sources or {}).get(said_in.path) if said_in is not None else None)


@dataclass(frozen=True)
class SpeakerStory:
    story: StoryView
    quotes: tuple[QuoteView, ...]  # what the speaker said in that story, in order


@dataclass(frozen=True)
class SpeakerView:
    name: str | None  # None groups the unattributed quotes
    role: str | None
    running: str  # the name cut to fit the running footer
    anchor: str  # "speaker-2": generated, never article text
    quotes: tuple[QuoteView, ...]
    stories: tuple[SpeakerStory, ...]
    described: bool = False  # the "Other sources" entry: each quote shows its own speaker


def _select_quotes(quotes: Sequence[Quote], limit: int | None) -> list[Quote]:
    """Every quote in article order when the audience wants them all; else the key quotes,
    falling back to the first attributed ones when none is substantive enough to rank."""
    if limit is None:
        return list(quotes)  # unattributed ones too, marked as such
    ranked = rank_quotes(quotes, limit)
    if ranked:
        return sorted(ranked, key=lambda q: q.start)
    return [q for q in quotes if q.speaker][:limit]


def _budgeted_quotes(quotes: Sequence[Quote], audience: Audience) -> list[Quote]:
    """The audience's quotes, and only the key ones when that is more than its quote_budget."""
    chosen = _select_quotes(quotes, audience.quotes_per_story)
    if audience.quote_budget is not None and len(chosen) > audience.quote_budget:
        return _select_quotes(quotes, audience.quote_budget)
    return chosen




def format_date(value: date | datetime | None, locale: str = "en-GB") -> str | None:
    """'11 March 2025' in the audience's locale (briefgen.rendering.locales)."""
    return locale_date(value, locale)


def story_view(number: int, item: BriefStory, audience: Audience,
               sources: dict[str, SourceView] | None = None, day: date | None = None) -> StoryView:
    """``sources``: the brief's numbered articles (``sources.number_sources``); ``day``: the
    brief's date, which decides what is background."""
    article = item.article
    anchor = f"story-{number}"
    register = sources or {}

    def source(path: str | None) -> SourceView | None:
        found = item.source(path)
        return register.get(found.path) if found is not None else None

    quotes = tuple(
        QuoteView(
            text=q.text,
            speaker=q.speaker,
            role=_role(item.participant(q.speaker)),
            cue=q.cue,
            story=number,
            anchor=anchor,
            source=source(q.path),
            headline=article.title,
        )
        for q in _budgeted_quotes(item.quotes, audience)
    )
    lines = tuple(LineView(s.text, source(s.path), s.new) for s in item.summary)
    everything = item_articles(item)
    mine = tuple(register[a.path] for a in everything if a.path in register)
    dated = sorted((s for s in mine if s.day is not None), key=lambda s: (s.day, s.number))
    # the story's age from all its articles, listed or not
    days = sorted(d for a in everything if (d := article_day(a)) is not None)
    first, last = (days[0], days[-1]) if days else (None, None)
    label = item.memory.label if item.memory else "new"
    newest = article_day(article) if last is None else last
    age = "background" if day is not None and label == "new" and is_background(newest, day) else label
    gist = takeaway(item.summary, item.lead)
    gist_line = LineView(gist.text, source(gist.path)) if gist else None
    facts = tuple(LineView(f.text, source(f.path)) for f in key_facts(item.summary, item.lead, gist))
    named = _one_per_spelling(item.participants)
    if audience.participants_per_story is not None:  # the most mentioned (a story of 40 articles names hundreds)
        named = sorted(named, key=lambda p: (-p.mentions, p.name))[: audience.participants_per_story]
    participants = tuple(sorted(named, key=lambda p: (_KIND_ORDER.get(p.kind, 9), -p.mentions, p.name)))
    lang = valid_lang(article.language)
    view = StoryView(
        number=number,
        anchor=anchor,
        headline=article.title,
        running=shorten(f"{number} {article.title}", 80),
        source=article.source,
        author=article.author,
        published=format_date(article.published, audience.locale),
        url=safe_url(article.url),
        url_text=article.url,
        lang=lang,
        summary=tuple(s.text for s in item.summary),
        speakers=tuple(dict.fromkeys((q.speaker, q.role) for q in quotes)),
        quotes=quotes,
        participants=participants,
        people=tuple(p for p in participants if p.kind == "person"),
        organizations=tuple(p for p in participants if p.kind == "organization"),
        places=tuple(p for p in participants if p.kind == "place"),
        memory=item.memory,
        digest=item.lead,
        lines=lines,
        takeaway=gist_line,
        facts=facts,
        sources=mine,
        timeline=tuple(dated),
        outlets=distinct_outlets(a.source for a in everything),
        unlisted=len(everything) - len(mine),
        first_reported=format_date(first, audience.locale) if first else None,
        updated=format_date(last, audience.locale) if last and first and last != first else None,
        age=age,
    )
    return replace(view, chart=timeline(view))


def _one_per_spelling(participants: Sequence[Participant]) -> list[Participant]:
    """A reader sees one "Moscow", not the dateline's "MOSCOW" beside it. The digest keeps
    both spellings (it reports names as written); the brief shows the one in running text."""
    merged: dict[tuple[str, str], Participant] = {}
    for p in participants:
        key = (p.kind, p.name.casefold())
        seen = merged.get(key)
        if seen is None:
            merged[key] = p
            continue
        name, other = (p.name, seen.name) if seen.name.isupper() and not p.name.isupper() else (seen.name, p.name)
        merged[key] = replace(
            seen,
            name=name,
            role=seen.role or p.role,
            aliases=tuple(dict.fromkeys(a for a in (*seen.aliases, *p.aliases, other) if a != name)),
            mentions=seen.mentions + p.mentions,
        )
    return list(merged.values())


def valid_lang(tag: object) -> str | None:
    return tag if isinstance(tag, str) and _LANG.fullmatch(tag) else None


def _role(participant: Participant | None) -> str | None:
    return participant.role if participant else None


# The one entry of the speaker index that gathers speakers kept as written ("a police
# spokesperson", "one poster"): the index and its chart name people and organisations only.
DESCRIBED = "Other sources"


@dataclass(frozen=True)
class _Key:
    """A speaker index entry: a named speaker (case-folded), the described ones, or none."""

    name: str | None
    described: bool = False


def speaker_views(stories: Sequence[StoryView]) -> tuple[SpeakerView, ...]:
    """Quotes grouped by speaker: people and organisations, most quoted first; then every
    quote whose speaker is a description ("One poster", "a police spokesperson") under one
    "Other sources" entry, each quote keeping its speaker as written; unattributed last."""
    groups: dict[_Key, dict[int, list[QuoteView]]] = {}
    roles: dict[_Key, str | None] = {}
    names: dict[_Key, str | None] = {}  # the form shown: a capitalised one when there is one
    for story in stories:
        for q in story.quotes:
            if q.speaker and not is_named_speaker(q.speaker):
                key = _Key(DESCRIBED, described=True)
            else:
                key = _Key(q.speaker.casefold() if q.speaker else None)
            groups.setdefault(key, {}).setdefault(story.number, []).append(q)
            if key.described:
                roles[key], names[key] = None, DESCRIBED
                continue
            roles[key] = roles.get(key) or q.role
            if key not in names or q.speaker and q.speaker[:1].isupper() and not (names[key] or "")[:1].isupper():
                names[key] = q.speaker

    def count(key: _Key) -> int:
        return sum(len(qs) for qs in groups[key].values())

    order = sorted(groups, key=lambda k: (k.name is None, k.described, -count(k), (names[k] or "").casefold()))
    return tuple(
        SpeakerView(
            name=names[s],
            role=roles[s],
            running=shorten(names[s] or "Unattributed quotes", 80),
            anchor=f"speaker-{i}",
            quotes=tuple(q for qs in groups[s].values() for q in qs),
            stories=tuple(SpeakerStory(stories[n - 1], tuple(qs)) for n, qs in groups[s].items()),
            described=s.described,
        )
        for i, s in enumerate(order, start=1)
    )


def top_quotes(items: Sequence[BriefStory], stories: Sequence[StoryView], audience: Audience,
               limit: int = 3, lead_stories: int = 3) -> tuple[QuoteView, ...]:
    """The quote of the day (first) and the next top quotes (two: the executive's second page
    ends with them and its sources, and must not spill onto a third): each story's best key quote
    (``rank_quotes``), one per story so the list spans the day; the quote of the day comes
    from the ``lead_stories`` most newsworthy stories when one of them has a key quote."""
    best: list[tuple[int, QuoteView]] = []
    for rank, (item, story) in enumerate(zip(items, stories)):
        ranked = rank_quotes(item.quotes, 1)
        if not ranked:
            continue
        q = ranked[0]
        view = next((v for v in story.quotes if v.text == q.text), None)
        if view is None:  # the audience shows fewer quotes than the story has
            said_in = item.source(q.path)
            view = QuoteView(text=q.text, speaker=q.speaker, role=_role(item.participant(q.speaker)), cue=q.cue,
                             story=story.number, anchor=story.anchor, headline=story.headline,
                             source=next((s for s in story.sources if said_in and s.path == said_in.path), None))
        best.append((rank, view))
    leading = [b for b in best if b[0] < lead_stories]
    if leading:
        first = max(leading, key=lambda b: _weight(b[1]))
        best.remove(first)
        best.insert(0, first)
    return tuple(v for _, v in best[:limit])


def _weight(q: QuoteView) -> float:
    """How well a quote stands for the day: near 30 words reads as a statement, not a fragment."""
    return -abs(len(q.text.split()) - 30)
