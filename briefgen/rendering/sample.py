"""A small invented news day -> Brief, for `briefgen templates check` and template previews.

Every person, place and story here is fictional. The day is built to reach
every branch a template may have: attributed and unattributed quotes, roles
and no roles, all three participant kinds, a safe and an unsafe URL, stories
with and without author and time, one input that failed, and the story memory
of a ``build --stories`` day: each label, a story two outlets reported, a new
fact, Today in brief and Who's who.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from briefgen.links import safe_url
from briefgen.model import (
    Article,
    Brief,
    BriefMemory,
    BriefStory,
    Digest,
    Failure,
    Label,
    OutletLink,
    Participant,
    Quote,
    Sentence,
    StoryMemory,
    SummarySentence,
    TodayLine,
    WhoEntry,
)

SAMPLE_DAY = date(2025, 3, 11)

_STORIES = (
    ("Harbour council approves new ferry terminal", "Eastport Courier", "https://example.org/ferry",
     ("Ada Okafor", "Mayor of Eastport"), "Harbour Workers Union", "Eastport"),
    ("Central bank holds interest rates", "Northern Financial Review", "javascript:void(0)",
     ("Lukas Brenner", "Governor of the Central Bank"), "Halden Capital", "Halden"),
    ("Flooding closes rail line for a week", "Valley Times", None,
     ("Tomasz Wielgus", None), "Valley Rail", "Marrow"),
)


def _digest(n: int) -> Digest:
    title, source, url, (person, role), org, place = _STORIES[n % len(_STORIES)]
    lines = [
        f"{title}, officials in {place} confirmed on Monday.",
        f"“We have listened carefully and this plan reflects what people told us,” {person} said.",
        f"{org} welcomed the decision but warned that costs could rise.",
        "“It is simply too early to say,” one observer noted.",
    ]
    sentences, start = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(index=i, start=start, end=start + len(line), text=line, paragraph=i // 2))
        start += len(line) + 1
    text = " ".join(lines)
    q1 = sentences[1].start + 1
    quotes = (
        Quote(text="We have listened carefully and this plan reflects what people told us,", start=q1,
              end=q1 + 72, speaker=person, speaker_mention=person, cue="said", rule="sample", confidence=0.9),
        Quote(text="It is simply too early to say,", start=sentences[3].start + 1, end=sentences[3].start + 31,
              speaker=None, speaker_mention=None, cue="noted", rule="sample", confidence=0.2),
    )
    participants = (
        Participant(person, "person", role, aliases=(person.split()[-1],), mentions=2),
        Participant(org, "organization", mentions=1),
        Participant(place, "place", mentions=1),
    )
    article = Article(
        path=f"sample/story-{n + 1}.txt", title=title, text=text, source=source, url=url,
        published=datetime(2025, 3, 10, 8 + n, 15) if n % 2 == 0 else SAMPLE_DAY,
        author="Staff reporter" if n % 2 == 0 else None, tags=("sample",),
    )
    summary = tuple(SummarySentence(index=i, text=sentences[i].text, score=1.0 - i / 4) for i in (0, 2))
    return Digest(article=article, sentences=tuple(sentences), summary=summary, quotes=quotes,
                  participants=participants, algorithm="sample")


_LABELS: tuple[Label, ...] = ("new", "updated", "continuing")
_SECOND_OUTLET = OutletLink(source="Coastal Gazette", url="https://example.org/gazette", title="A second report")


def _memory(n: int, item: BriefStory) -> StoryMemory:
    a = item.article
    own = OutletLink(source=a.source or a.title, url=safe_url(a.url), title=a.title)
    outlets = (own, _SECOND_OUTLET) if n % len(_STORIES) == 0 else (own,)
    label = _LABELS[n % len(_LABELS)]
    return StoryMemory(
        id=f"s-sample{n + 1}", label=label, outlets=outlets, articles=outlets,
        new_facts=tuple(s.text for s in item.summary[-1:]) if label == "updated" else (),
        first_seen=SAMPLE_DAY, lead_sentence=item.summary[0].text, importance=3.0 * len(outlets) - n,
    )


def _whos_who(items: tuple[BriefStory, ...]) -> tuple[WhoEntry, ...]:
    people: dict[str, WhoEntry] = {}
    for item in items:
        for p in item.participants:
            if p.kind == "person":
                said = tuple(q.text for q in item.quotes if q.speaker == p.name)
                people.setdefault(p.name, WhoEntry(p.name, p.role, (item.article.title,), said, p.mentions))
    return tuple(people.values())


def sample_brief(stories: int = 3, *, audience: str = "analyst", title: str = "Sample Brief",
                 memory: bool = True) -> Brief:
    """An invented day with ``stories`` stories (0 for the empty brief) and one failed input;
    ``memory=False``: a day built without --stories."""
    items = tuple(BriefStory.of(_digest(i)) for i in range(stories))
    brief_memory = None
    if memory:
        memories = [_memory(i, item) for i, item in enumerate(items)]
        items = tuple(replace(item, memory=m) for item, m in zip(items, memories, strict=True))
        today = tuple(TodayLine(i.article.title, m.lead_sentence, m.label, m.outlet_count)
                      for i, m in zip(items, memories, strict=True))
        brief_memory = BriefMemory(today=today, whos_who=_whos_who(items))
    return Brief(
        date=SAMPLE_DAY,
        audience=audience,
        title=title,
        stories=items,
        failures=(Failure("inbox/broken.txt", "not valid text (binary file)"),),
        memory=brief_memory,
    )
