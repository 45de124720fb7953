"""One-line builders for briefgen.model objects, so tests say only what matters.

Every default is invented for these tests (fictional people, places and news);
nothing here is copied from real articles.

    article(title="Port strike ends")                 -> Article
    quote("We are ready.", "Ada Okafor")              -> Quote
    participant("Ada Okafor", role="Mayor")           -> Participant
    digest("Port strike ends", quotes=[...])          -> Digest
    brief(digest(), digest(), audience="analyst")     -> Brief
    sample_brief(12)                                  -> Brief that looks like a real day
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime

from briefgen.model import (
    Article,
    Brief,
    BriefStory,
    Digest,
    Failure,
    Kind,
    Participant,
    Quote,
    Sentence,
    SummarySentence,
)

DAY = date(2025, 3, 11)


def article(title: str = "Harbour council approves ferry terminal", text: str | None = None, **kw) -> Article:
    text = text if text is not None else f"{title}. The decision was taken on Monday."
    kw.setdefault("path", f"{title[:40].lower().replace(' ', '-')}.txt")
    kw.setdefault("source", "Eastport Courier")
    kw.setdefault("url", "https://example.org/news/" + title[:30].lower().replace(" ", "-"))
    kw.setdefault("published", DAY)
    return Article(title=title, text=text, **kw)


def quote(text: str = "We are ready to build.", speaker: str | None = "Ada Okafor", *, cue: str | None = "said", **kw) -> Quote:
    kw.setdefault("start", 0)
    kw.setdefault("end", len(text) + 2)
    kw.setdefault("speaker_mention", speaker)
    kw.setdefault("confidence", 0.9 if speaker else 0.2)
    return Quote(text=text, speaker=speaker, cue=cue, **kw)


def participant(name: str = "Ada Okafor", kind: Kind = "person", role: str | None = None, *, aliases: Sequence[str] = (), mentions: int = 1) -> Participant:
    return Participant(name=name, kind=kind, role=role, aliases=tuple(aliases), mentions=mentions)


def sentences(text: str) -> tuple[Sentence, ...]:
    """Naive split on '. ' — enough for builder data, not a segmenter."""
    out, start = [], 0
    for i, chunk in enumerate(p for p in text.split(". ") if p):
        body = chunk if chunk.endswith((".", "!", "?", "”", '"')) else chunk + "."
        out.append(Sentence(index=i, start=start, end=start + len(body), text=body))
        start += len(chunk) + 2
    return tuple(out)


def digest(
    title: str = "Harbour council approves ferry terminal",
    *,
    summary: Iterable[str] | None = None,
    quotes: Iterable[Quote] = (),
    participants: Iterable[Participant] = (),
    text: str | None = None,
    algorithm: str = "lead",
    **article_kw,
) -> Digest:
    a = article(title, text, **article_kw)
    sents = sentences(a.text)
    summary = list(summary) if summary is not None else [s.text for s in sents[:2]]
    return Digest(
        article=a,
        sentences=sents,
        summary=tuple(SummarySentence(index=i, text=t, score=1.0 - i / 10) for i, t in enumerate(summary)),
        quotes=tuple(quotes),
        participants=tuple(participants),
        algorithm=algorithm,
    )


def brief(
    *digests: Digest,
    audience: str = "analyst",
    title: str | None = None,
    day: date = DAY,
    failures: Iterable[Failure] = (),
    **kw,
) -> Brief:
    return Brief(
        date=day,
        audience=audience,
        title=title or f"{audience.title()} Brief",
        stories=tuple(BriefStory.of(d) for d in digests),
        failures=tuple(failures),
        **kw,
    )


def failure(path: str = "broken.txt", reason: str = "empty file") -> Failure:
    return Failure(path=path, reason=reason)


# --------------------------------------------------------------------------
# A realistic (fictional) day: varied lengths, roles, sources, unattributed quotes

_STORIES = [
    ("Harbour council approves new ferry terminal after two-year dispute", "Eastport Courier",
     [("Ada Okafor", "Mayor of Eastport"), ("Harbour Workers Union", None)], "Eastport"),
    ("Central bank holds interest rates, signals cut later this year", "Northern Financial Review",
     [("Lukas Brenner", "Governor of the Central Bank"), ("Priya Raman", "chief economist at Halden Capital")], "Halden"),
    ("Flooding closes rail line between Marrow and Easton for a week", "Valley Times",
     [("Tomasz Wielgus", "Transport Minister"), ("Valley Rail", None)], "Marrow"),
    ("University hospital opens region's first proton therapy unit", "Health Ledger",
     [("Dr. Miriam Achterberg", "Director of the University Hospital")], "Sorrento Bay"),
    ("Wind farm tender draws record bids from seven consortia", "Energy Wire",
     [("Jon-Erik Sæther", "Energy Commissioner"), ("Grid Alliance", None)], "North Shelf"),
    ("Teachers' union and ministry reach pay agreement", "Capital Post",
     [("Fatima El-Amin", "General Secretary of the Teachers' Union"), ("Rafael Ortega", "Education Minister")], "Capital District"),
    ("City library digitises 19th-century newspaper archive", "Eastport Courier",
     [("Hyun-woo Park", "Head Archivist")], "Eastport"),
    ("Regional airline adds routes as tourism rebounds", "Travel Desk",
     [("Claire Dubois-Lindqvist", "Chief Executive of Skylark Air")], "Port Amsel"),
    ("Court blocks quarry expansion over water concerns", "Valley Times",
     [("Judge Helena Vasquez", "presiding judge"), ("Friends of the Marrow", None)], "Marrow"),
    ("Startup raises funds for battery recycling plant", "Energy Wire",
     [("Kwame Mensah", "founder of Loop Cells")], "Halden"),
    ("Parliament committee questions defence procurement delays", "Capital Post",
     [("Ingrid Solberg", "committee chair"), ("Defence Procurement Agency", None)], "Capital District"),
    ("Fishing quotas cut by a fifth after survey shows stock decline", "Coastal Observer",
     [("Sean MacAuley", "Fisheries Minister"), ("Coastal Fishers Association", None)], "Western Isles"),
]

_LINES = [
    "We have listened carefully and this plan reflects what people told us",
    "Nobody should pretend that the hard part is over",
    "The numbers are better than expected, but we remain cautious",
    "This is a decision for the next twenty years, not the next election",
    "We will publish the full figures next month so everyone can check them",
]


def sample_digest(n: int = 0) -> Digest:
    """Story number n (wraps around) of an invented but plausible news day."""
    title, source, people, place = _STORIES[n % len(_STORIES)]
    lead_name = people[0][0]
    surname = lead_name.split()[-1]
    text = (
        f"{title} on Monday, officials in {place} confirmed. "
        f"The move follows months of negotiation and public consultation. "
        f"Critics argue that costs have risen sharply since the plan was first proposed. "
        f"Supporters say the benefits will be felt across the region within three years. "
        f"{surname} is expected to present details to the regional assembly next week. "
        f"A final review is scheduled for the autumn."
    )
    participants = [
        participant(name, "person" if role else "organization", role, mentions=3 - i,
                    aliases=(name.split()[-1],) if role else ())
        for i, (name, role) in enumerate(people)
    ]
    participants.append(participant(place, "place", mentions=2))
    speakers = [name for name, role in people if role]
    quotes = [
        quote(_LINES[(n + i) % len(_LINES)] + ".", speakers[i % len(speakers)], cue="said")
        for i in range(1 + n % 3)
    ]
    if n % 4 == 3:
        quotes.append(quote("It is simply too early to say", None, cue=None))
    return digest(
        title,
        text=text,
        summary=[s.text for s in sentences(text)[: 2 + n % 3]],
        quotes=quotes,
        participants=participants,
        source=source,
        author=None if n % 2 else "Staff reporter",
        published=datetime(2025, 3, 10, 8 + n % 10, 15) if n % 3 else DAY,
        path=f"story-{n:02d}.txt",
    )


def sample_brief(stories: int = 3, *, audience: str = "analyst", failures: int = 0) -> Brief:
    return brief(
        *(sample_digest(i) for i in range(stories)),
        audience=audience,
        failures=[failure(f"inbox/bad-{i}.txt", "not valid text (binary file)") for i in range(failures)],
    )
