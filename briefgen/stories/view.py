"""Labelled stories + an audience -> the brief items it sees and the brief's story memory.

``brief_items(stories, audience, select=...)`` applies the audience's filters and cut
first (``select``, from ``briefgen.compose``) to candidate items carrying the story's
merged quotes and participants, so only the stories shown are summarised; each shown
story then gets a summary cut from its pool (``Story.pool``, rated once per run) and
its ``StoryMemory`` (id, label, outlets, new facts); the brief gets ``BriefMemory``:
Today in brief (the brief's first stories in its order, one sentence each) and Who's who,
of exactly those stories. Each candidate carries its news value (``briefgen.stories.value``)
with its label's novelty and the audience's ``include`` words as priority, which ranks it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from briefgen.audience import Audience
from briefgen.links import safe_url
from briefgen.model import BriefMemory, BriefStory, NewsValue, OutletLink, StoryLine, StoryMemory, TodayLine, WhoEntry
from briefgen.stories.assemble import StoryOptions, cut_pool, summary_documents
from briefgen.stories.lead import lead_line
from briefgen.stories.novelty import is_new_fact
from briefgen.stories.outlets import outlet_key, outlet_name
from briefgen.stories.select import phrase_pattern
from briefgen.stories.story import Story
from briefgen.stories.value import NOVELTY
from briefgen.summarize import summarize_many
from briefgen.text import lexicon

Select = Callable[[list[BriefStory]], list[BriefStory]]
PRIORITY_BONUS = 5.0  # a story mentioning one of the audience's include words leads Today in brief


def brief_items(stories: Sequence[Story], audience: Audience, *, engine: str = "fast",
                today_count: int = 5, select: Select | None = None) -> tuple[list[BriefStory], BriefMemory]:
    """See the module docstring."""
    if audience.omit_continuing:
        stories = [s for s in stories if s.label != "continuing"]
    by_lead = {s.lead.article.path: s for s in stories}
    priority = phrase_pattern(audience.include)
    candidates = [BriefStory(lead=s.lead, summary=(), quotes=s.quotes, participants=s.participants,
                             duplicates=s.duplicates, sources=tuple(d.article for d in s.members or s.digests),
                             value=_value(s, priority))
                  for s in stories]
    shown = select(candidates) if select is not None else candidates
    items = [_item(by_lead[c.article.path], c, audience, engine) for c in shown]
    # "Today in brief" is the brief's first stories in the brief's own order
    today = tuple(TodayLine(headline=item.article.title, sentence=_clip_words(_memory(item).lead_sentence),
                            label=_memory(item).label, outlet_count=_memory(item).outlet_count)
                  for item in items[:today_count])
    return items, BriefMemory(today=today, whos_who=whos_who(items))


def _memory(item: BriefStory) -> StoryMemory:
    assert item.memory is not None, "_item gives every story its memory"
    return item.memory


def _value(story: Story, priority: re.Pattern[str] | None) -> NewsValue:
    """The story's news value with its label's novelty and the audience's priority."""
    mentioned = priority is not None and any(priority.search(f"{d.article.title}\n{d.article.text}")
                                             for d in story.digests)
    return replace(story.value, novelty=NOVELTY.get(story.label, 0.0), priority=PRIORITY_BONUS if mentioned else 0.0)


def _item(story: Story, candidate: BriefStory, audience: Audience, engine: str) -> BriefStory:
    """One shown story: the audience's summary (new facts flagged) and its memory."""
    picked = audience_summary(story, audience, engine)
    earlier = story.earlier if story.label == "updated" else None
    lines = tuple(StoryLine(p.text, p.document, p.index, p.score,
                            new=earlier is not None and is_new_fact(p.text, earlier))
                  for p in picked)
    articles = tuple(OutletLink(source=o.source or o.title, url=safe_url(o.url), title=o.title, path=o.path)
                     for o in story.outlets)
    value = candidate.value or story.value
    memory = StoryMemory(
        id=story.id,
        label=story.label,
        outlets=_one_per_outlet(articles, [o.source for o in story.outlets]),
        articles=articles,
        new_facts=tuple(line.text for line in lines if line.new),
        first_seen=story.first_seen,
        lead_sentence=_lead_text(picked, story),
        importance=value.total,
        value=value,
    )
    return replace(candidate, summary=lines, memory=memory)


def _lead_text(picked: Sequence, story: Story) -> str:
    line = lead_line(picked, [d.article.path for d in story.digests])  # digests: newest first
    return line.text if line is not None else story.headline


def _one_per_outlet(articles: Sequence[OutletLink], sources: Sequence[str]) -> tuple[OutletLink, ...]:
    """One entry per publisher (``outlet_key`` of the article's source; an article of unknown
    source, shown by its title, is its own), named as ``outlet_name`` shows it and linking its
    first article that has a URL; every article stays listed in ``StoryMemory.articles``."""
    outlets: dict[tuple[bool, str], OutletLink] = {}
    for a, source in zip(articles, sources):
        key = (True, outlet_key(source)) if source else (False, a.source)
        known = outlets.setdefault(key, replace(a, source=outlet_name(source)) if source else a)
        if known.url is None and a.url is not None:
            outlets[key] = replace(known, url=a.url)
    return tuple(outlets.values())


# "Today in brief" gives each story one line of reading: a lead up to TODAY_WORDS words whole;
# a longer one ends where its first clause after TODAY_MIN_WORDS ends (before ", which",
# ", while", "; ", " — ": the main clause stays whole), and only a sentence without one is cut
# at a word.
TODAY_WORDS, TODAY_MIN_WORDS = 40, 14
_CLAUSE_OPENERS = frozenset({"which", "who", "whose", "where", "with", "without", "and", "but", "saying",
                             "according", "including", "amid", "despite", "following"})


def _clip_words(text: str, limit: int = TODAY_WORDS) -> str:
    words = text.split()
    if len(words) <= limit:
        return text
    openers = _CLAUSE_OPENERS | lexicon.words("subordinators")
    for k in range(TODAY_MIN_WORDS, limit):
        before, after = words[k - 1], words[k]
        if before.endswith((";", ":")) or after in ("—", "–") or (
                before.endswith(",") and after.lower() in openers):
            return " ".join(words[:k]).rstrip(",;:–— ") + " …"
    return " ".join(words[:limit]).rstrip(",;:–—-") + " …"


def audience_summary(story: Story, audience: Audience, engine: str) -> Sequence:
    """The audience's summary of the story (summarize.SourcedSentence): cut from the pool when
    the pool was made with the audience's settings, else made once per budget and kept in
    ``story.summaries`` for the other audiences."""
    if story.pool is not None and audience.algorithm is None and engine == "fast":  # the pool's own settings
        return cut_pool(story.pool, audience.summary_sentences, audience.summary_words)
    key = (audience.summary_words, audience.summary_sentences, audience.algorithm, engine)
    cached = story.summaries.get(key)
    if cached is None:
        cached = story.summaries[key] = list(summarize_many(
            summary_documents(story.digests, StoryOptions.max_documents),
            words=audience.summary_words, count=audience.summary_sentences,
            title=story.headline, algorithm=audience.algorithm, engine=engine))
    return cached


def whos_who(items: Sequence[BriefStory], limit: int = 60) -> tuple[WhoEntry, ...]:
    """People across the brief's stories: role, the stories they appear in, and what they said."""
    people: dict[str, dict] = {}
    for item in items:
        headline = item.article.title
        for p in item.participants:
            if p.kind != "person":
                continue
            e = people.setdefault(p.name, {"name": p.name, "role": p.role, "stories": [], "said": [],
                                           "mentions": 0})
            e["role"] = e["role"] or p.role
            e["mentions"] += p.mentions
            if headline not in e["stories"]:
                e["stories"].append(headline)
        for q in item.quotes:
            if q.speaker in people and len(people[q.speaker]["said"]) < 2:
                people[q.speaker]["said"].append(q.text)
    ranked = sorted(people.values(), key=lambda e: (-len(e["stories"]), -len(e["said"]), -e["mentions"], e["name"]))
    # someone named once in passing, with no role and no words, is not worth a line
    return tuple(WhoEntry(name=e["name"], role=e["role"], stories=tuple(e["stories"]), said=tuple(e["said"]),
                          mentions=e["mentions"])
                 for e in ranked if e["role"] or e["said"] or len(e["stories"]) > 1)[:limit]
