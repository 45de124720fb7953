"""Digests of one day -> Stories: one item per news event across outlets.

``build_stories(digests)`` collapses near-duplicate texts (wire copies) into one
article that lists every outlet, groups the rest into stories
(``briefgen.stories.grouping``), and gives each story one multi-document summary
(``summarize_many``: no fact twice), its quotes merged (the same words from
three outlets appear once, with the best-attributed speaker), its participants
merged, and the outlets that reported it with their links. Stories come out
ranked by importance (outlets, recency, size). Labels (new / updated /
continuing) are added later by ``briefgen.stories.novelty``.

``story_digest(story)`` turns a story back into one ``Digest`` so every
existing template renders it as a single item. ``brief_digests(stories,
audience, select=...)`` is one audience's view: its filters and cut first, then
a summary per shown story cut from the story's summary pool (computed once per
run, ``StoryOptions.pool_sentences``), and the memory (labels, outlets, Today in
brief, Who's who) of exactly the shown stories.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from briefgen.audience import Audience
from briefgen.stories.grouping import Doc, DuplicateSets, GroupingOptions, group, near_duplicates
from briefgen.model import Digest, Participant, Quote, SummarySentence

Label = str  # "new" | "updated" | "continuing"


@dataclass(frozen=True)
class Outlet:
    source: str
    url: str | None
    path: str
    title: str


@dataclass(frozen=True)
class SummaryLine:
    text: str
    path: str  # the article the sentence came from
    index: int  # sentence index in that article
    new: bool = False  # a fact not in any earlier brief of this story


@dataclass(frozen=True)
class Story:
    id: str  # stable across days once the store has matched it
    digests: tuple[Digest, ...]  # one per distinct text, the lead article first
    members: tuple[Digest, ...] = ()  # every article of the story, copies included
    duplicates: tuple[tuple[str, ...], ...] = ()  # paths of texts that are copies of each other
    summary: tuple[SummaryLine, ...] = ()
    quotes: tuple[Quote, ...] = ()
    participants: tuple[Participant, ...] = ()
    outlets: tuple[Outlet, ...] = ()
    importance: float = 0.0
    label: Label = "new"
    first_seen: date | None = None
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def lead(self) -> Digest:
        return self.digests[0]

    @property
    def headline(self) -> str:
        return self.lead.article.title

    @property
    def paths(self) -> tuple[str, ...]:
        """Every input article of the story, copies included."""
        seen = dict.fromkeys(d.article.path for d in self.digests)
        for dup in self.duplicates:
            seen.update(dict.fromkeys(dup))
        return tuple(seen)

    @property
    def new_facts(self) -> tuple[SummaryLine, ...]:
        return tuple(s for s in self.summary if s.new)


def fingerprint(text: str) -> str:
    """Content fingerprint: identical after NFKC, case and whitespace folding."""
    norm = " ".join(unicodedata.normalize("NFKC", text).lower().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]


def _day(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


# ---- merging -------------------------------------------------------------------------------

_QWORD = re.compile(r"[a-z0-9]+")


def _quote_key(text: str) -> tuple[str, ...]:
    return tuple(_QWORD.findall(unicodedata.normalize("NFKC", text).lower().replace("’", "'")))


def _same_quote(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One outlet trims or extends a quote another prints whole: containment or high overlap."""
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if f" {' '.join(short)} " in f" {' '.join(long_)} ":  # whole words: "no" is not in "not now"
        return True
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) >= 0.8


def merge_quotes(quote_lists: Sequence[Sequence[Quote]]) -> tuple[Quote, ...]:
    """Each quote once: the attributed, most confident, longest version wins."""
    groups: list[list[Quote]] = []
    keys: list[tuple[str, ...]] = []
    for quotes in quote_lists:
        for q in quotes:
            k = _quote_key(q.text)
            for g, gk in zip(groups, keys):
                if _same_quote(k, gk):
                    g.append(q)
                    break
            else:
                groups.append([q])
                keys.append(k)
    out = []
    for g in groups:
        best = max(g, key=lambda q: (q.speaker is not None, q.confidence, len(q.text)))
        if best.speaker is None:  # another outlet may have named who said it
            named = [q for q in g if q.speaker]
            if named:
                best = replace(best, speaker=named[0].speaker, speaker_mention=named[0].speaker_mention)
        out.append(best)
    return tuple(out)


def merge_participants(lists: Sequence[Sequence[Participant]]) -> tuple[Participant, ...]:
    """One entry per name (case-folded); mentions add up, the first known role is kept."""
    merged: dict[str, Participant] = {}
    alias_of: dict[str, str] = {}
    for plist in lists:
        for p in plist:
            key = alias_of.get(p.name.lower(), p.name.lower())
            have = merged.get(key)
            if have is None:
                merged[key] = p
            else:
                merged[key] = replace(
                    have,
                    role=have.role or p.role,
                    aliases=tuple(dict.fromkeys(have.aliases + p.aliases)),
                    mentions=have.mentions + p.mentions,
                )
            for a in p.aliases:
                alias_of.setdefault(a.lower(), key)
    return tuple(sorted(merged.values(), key=lambda p: (-p.mentions, p.name)))


def surname_owners(people: Sequence[Participant]) -> dict[str, str]:
    """Surname (lower case) -> the only full person name that ends with it.

    One outlet writes "Blair" where another wrote "Tony Blair"; within a story they
    are one person. A surname shared by two full names is left out (no guessing)."""
    owners: dict[str, set[str]] = {}
    for p in people:
        words = p.name.split()
        if p.kind == "person" and len(words) > 1:
            owners.setdefault(words[-1].lower(), set()).add(p.name)
    return {last: next(iter(names)) for last, names in owners.items() if len(names) == 1}


def _merged_people(digests: Sequence[Digest]) -> dict[str, tuple]:
    """The story's participants and quotes, with surname-only people folded into their full name."""
    people = merge_participants([d.participants for d in digests])
    owners = surname_owners(people)

    def full(name: str | None) -> str | None:
        if name and " " not in name:
            return owners.get(name.lower(), name)
        return name

    # Renamed entries merge with their full name: mentions add up, a role is kept.
    people = merge_participants([[replace(p, name=full(p.name)) if p.kind == "person" else p for p in people]])
    quotes = tuple(replace(q, speaker=full(q.speaker)) for q in merge_quotes([d.quotes for d in digests]))
    return {"quotes": quotes, "participants": people}


# ---- building ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StoryOptions:
    grouping: GroupingOptions = GroupingOptions()
    summary_words: int | None = 120
    summary_sentences: int | None = None
    algorithm: str | None = None
    # With a pool size, each story's multi-document summary is computed once with this many
    # sentences (no word cap) and every budget, the story's own and each audience's, is cut
    # from it (``cut_pool``): one costly rating per story per run instead of one per audience.
    # None: the story summary is ``summarize_many`` at exactly the budget above (the
    # ``briefgen group`` evaluation contract).
    pool_sentences: int | None = None
    # The summary reads at most this many of a story's articles (the lead order: most
    # attributed quotes, then longest): rating is the costly step, and the tenth outlet
    # rarely adds a fact the first nine lacked.
    max_documents: int | None = 10


def _documents(digests: Sequence[Digest], limit: int | None) -> list[tuple[str, Sequence]]:
    """(path, sentences) of the first ``limit`` digests for summarize_many, each cut to the
    prefix single-article summaries use (pipeline.summary_input): graph scoring is
    quadratic, and news puts its substance up front."""
    from briefgen.summarize import summary_input

    return [(d.article.path, summary_input(d.sentences)) for d in digests[:limit]]


def _multi_summary(digests: Sequence[Digest], options: StoryOptions, words: int | None = None,
                   count: int | None = None) -> tuple[SummaryLine, ...]:
    from briefgen.summarize import summarize_many

    if words is None and count is None:
        words, count = options.summary_words, options.summary_sentences
    picked = summarize_many(_documents(digests, options.max_documents), words=words, count=count,
                            title=digests[0].article.title, algorithm=options.algorithm)
    return tuple(SummaryLine(s.text, s.document, s.index) for s in picked)


def cut_pool(pool: Sequence, count: int | None, words: int | None) -> list:
    """The best sentences of a story's summary pool (most relevant first, skipping one
    that would overrun the word budget, as summarize_many does) within ``count`` and
    ``words``, back in the pool's order. Never empty when the pool is not."""
    chosen: set[int] = set()
    used = 0
    for k in sorted(range(len(pool)), key=lambda k: -pool[k].score):
        if count is not None and len(chosen) >= count:
            break
        n = len(pool[k].text.split())
        if words is not None and chosen and used + n > words:
            continue
        chosen.add(k)
        used += n
    return [p for k, p in enumerate(pool) if k in chosen]


def _pool(digests: Sequence[Digest], options: StoryOptions) -> tuple:
    from briefgen.summarize import summarize_many

    return summarize_many(_documents(digests, options.max_documents), count=options.pool_sentences,
                          title=digests[0].article.title, algorithm=options.algorithm)


def _importance(digests: Sequence[Digest], outlets: int, newest: date | None, today: date | None) -> float:
    """More outlets first, then fresher, then the developed story (quotes, people)."""
    quotes = sum(1 for d in digests for q in d.quotes if q.speaker)
    age = (today - newest).days if today and newest else 0
    return 3.0 * outlets + min(quotes, 10) * 0.2 + len(digests) * 0.5 - 0.5 * max(age, 0)


def build_stories(digests: Sequence[Digest], options: StoryOptions = StoryOptions(),
                  today: date | None = None) -> list[Story]:
    """See the module docstring."""
    if not digests:
        return []
    texts = [d.article.text for d in digests]
    pairs = near_duplicates(texts, options.grouping.duplicate_threshold)
    dup_sets = DuplicateSets.from_pairs(len(digests), [(i, j) for i, j, _ in pairs]).sets
    # An undated article is taken as news of the run's day: left undated, it would sit
    # "near" every date and could bridge stories years apart.
    docs = [
        Doc(title=d.article.title, text=d.article.text, published=d.article.published or today,
            names=tuple(p.name for p in d.participants if p.kind == "person"),
            date_known=d.article.published is not None)
        for d in digests
    ]
    clusters = group(docs, options.grouping, duplicates=[(i, j) for i, j, _ in pairs])
    in_dup = {i: s for s in dup_sets for i in s}
    stories = []
    for members in clusters:
        # one representative per copy set: the longest text, which keeps the most facts
        reps: list[int] = []
        seen_sets: set[int] = set()
        for i in members:
            s = in_dup.get(i)
            if s is None:
                reps.append(i)
            elif id(s) not in seen_sets:
                seen_sets.add(id(s))
                reps.append(max(s, key=lambda k: len(texts[k])))
        # the lead article: most quotes and people, then the longest
        reps.sort(key=lambda i: (-sum(1 for q in digests[i].quotes if q.speaker), -len(texts[i]), i))
        chosen = [digests[i] for i in reps]
        outlets = tuple(dict.fromkeys(
            (digests[i].article.source or digests[i].article.url or digests[i].article.path) for i in members))
        links = tuple(
            Outlet(source=digests[i].article.source or "", url=digests[i].article.url,
                   path=digests[i].article.path, title=digests[i].article.title)
            for i in sorted(members, key=lambda k: (digests[k].article.source or "", k))
        )
        dups = tuple(tuple(digests[k].article.path for k in s) for s in dup_sets if s[0] in members)
        newest = max((_day(digests[i].article.published) for i in members if digests[i].article.published),
                     default=None)
        fp = sorted(fingerprint(texts[i]) for i in members)
        extra: dict = {}
        if options.pool_sentences:
            pool = _pool(chosen, options)
            extra["pool"] = pool
            summary = tuple(SummaryLine(p.text, p.document, p.index)
                            for p in cut_pool(pool, options.summary_sentences, options.summary_words))
        else:
            summary = _multi_summary(chosen, options)
        stories.append(Story(
            id="s-" + fp[0][:12],
            digests=tuple(chosen),
            members=tuple(digests[i] for i in sorted(members)),
            duplicates=dups,
            summary=summary,
            **_merged_people(chosen),
            outlets=links,
            importance=_importance(chosen, len(outlets), newest, today),
            first_seen=today,
            extra=extra,
        ))
    stories.sort(key=lambda s: (-s.importance, s.headline))
    return stories


def story_digest(story: Story, summary_words: int | None = None) -> Digest:
    """The story as one Digest (the lead article's text and sentences), for the templates."""
    lead = story.lead
    lines = story.summary
    if summary_words is not None:
        kept, used = [], 0
        for s in lines:
            n = len(s.text.split())
            if kept and used + n > summary_words:
                break
            kept.append(s)
            used += n
        lines = tuple(kept)
    summary = tuple(SummarySentence(index=s.index, text=s.text, score=1.0) for s in lines)
    return replace(lead, summary=summary, quotes=story.quotes, participants=story.participants)


# ---- one audience's view ---------------------------------------------------------------------


def _mentions(story: Story, pattern) -> bool:
    return any(pattern.search(f"{d.article.title}\n{d.article.text}") for d in story.digests)


def brief_digests(stories: Sequence[Story], audience: Audience, *, engine: str = "fast",
                  today_count: int = 5,
                  select: Callable[[list[Digest]], list[Digest]] | None = None) -> tuple[list[Digest], dict]:
    """Stories -> (one Digest per story the audience sees, the template's story memory).

    ``select`` is the audience's filters, order and cut (pipeline.build_brief passes
    it); it runs on the stories' lead digests before any summary is made, so only the
    stories that will be shown are summarised, and the memory describes exactly them:
    ``by_path`` (lead path -> id, label, outlets, new facts), ``today`` (the top
    stories, one sentence each, ranked by outlets/recency plus the audience's
    ``include`` words as priorities) and ``whos_who`` (people across those stories).
    A summary is cut from the story's pool when it has one (StoryOptions.pool_sentences),
    else made once per budget and kept in ``story.extra`` for the other audiences."""
    from briefgen.stories.novelty import is_new_fact
    from briefgen.rendering.render import safe_url
    from briefgen.stories.select import _phrase_pattern

    if audience.omit_continuing:
        stories = [s for s in stories if s.label != "continuing"]
    by_lead = {s.lead.article.path: s for s in stories}
    leads = [story_digest(s) for s in stories]
    shown = select(leads) if select is not None else leads
    stories = [by_lead[d.article.path] for d in shown]
    priority = _phrase_pattern(audience.include)
    digests, items = [], {}
    for s, lead in zip(stories, shown):
        picked = _audience_summary(s, audience, engine)
        earlier = s.extra.get("earlier")
        lines = tuple(SummaryLine(p.text, p.document, p.index,
                                  new=s.label == "updated" and earlier is not None and is_new_fact(p.text, earlier))
                      for p in picked)
        best = max(picked, key=lambda p: p.score).text if picked else s.headline
        digests.append(replace(lead, summary=tuple(
            SummarySentence(l.index, l.text, p.score) for l, p in zip(lines, picked))))
        articles = [{"source": o.source or o.title, "url": safe_url(o.url), "title": o.title} for o in s.outlets]
        # One entry per outlet (linking its first article that has a URL); every
        # article stays listed under "articles" for the JSON brief.
        outlets: dict[str, dict] = {}
        for a in articles:
            known = outlets.setdefault(a["source"], dict(a))
            known["url"] = known["url"] or a["url"]
        items[s.lead.article.path] = {
            "id": s.id,
            "label": s.label,
            "outlet_count": len(outlets),
            "outlets": list(outlets.values()),
            "articles": articles,
            "new_facts": [l.text for l in lines if l.new],
            "first_seen": s.first_seen.isoformat() if s.first_seen else None,
            "lead_sentence": best,
            "importance": s.importance + (5.0 if priority is not None and _mentions(s, priority) else 0.0),
        }
    ranked = sorted(stories, key=lambda s: -items[s.lead.article.path]["importance"])
    today = [{"headline": s.headline, "sentence": _clip_words(items[s.lead.article.path]["lead_sentence"], 30),
              "label": s.label, "outlet_count": items[s.lead.article.path]["outlet_count"]}
             for s in ranked[:today_count]]
    return digests, {"by_path": items, "today": today, "whos_who": whos_who(stories)}


def _clip_words(text: str, limit: int) -> str:
    """"Today in brief" is one line of reading per story: cut long sentences at a word."""
    words = text.split()
    if len(words) <= limit:
        return text
    return " ".join(words[:limit]).rstrip(",;:–—-") + " …"


def _audience_summary(story: Story, audience: Audience, engine: str) -> list:
    pool = story.extra.get("pool")
    if pool is not None and audience.algorithm is None and engine == "fast":  # the pool's own settings
        return cut_pool(pool, audience.summary_sentences, audience.summary_words)
    from briefgen.summarize import summarize_many

    key = ("summary", audience.summary_words, audience.summary_sentences, audience.algorithm, engine)
    cached = story.extra.get(key)  # extra is shared by every audience's view of the story
    if cached is None:
        cached = story.extra[key] = list(summarize_many(
            _documents(story.digests, StoryOptions.max_documents),
            words=audience.summary_words, count=audience.summary_sentences,
            title=story.headline, algorithm=audience.algorithm, engine=engine))
    return cached


def whos_who(stories: Sequence[Story], limit: int = 60) -> list[dict]:
    """People across all stories: role, the stories they appear in, and what they said."""
    people: dict[str, dict] = {}
    for s in stories:
        for p in s.participants:
            if p.kind != "person":
                continue
            e = people.setdefault(p.name, {"name": p.name, "role": p.role, "stories": [], "said": [],
                                           "mentions": 0})
            e["role"] = e["role"] or p.role
            e["mentions"] += p.mentions
            if s.headline not in e["stories"]:
                e["stories"].append(s.headline)
        for q in s.quotes:
            if q.speaker in people and len(people[q.speaker]["said"]) < 2:
                people[q.speaker]["said"].append(q.text)
    ranked = sorted(people.values(), key=lambda e: (-len(e["stories"]), -len(e["said"]), -e["mentions"], e["name"]))
    # someone named once in passing, with no role and no words, is not worth a line
    return [e for e in ranked if e["role"] or e["said"] or len(e["stories"]) > 1][:limit]
