"""Digests of one day -> Stories: one item per news event across outlets.

``build_stories(digests)`` collapses near-duplicate texts (wire copies) into one
article that lists every outlet, groups the rest into stories
(``briefgen.stories.grouping``), and gives each story one multi-document summary
(``summarize_many``: no fact twice), its quotes merged (the same words from
three outlets appear once, with the best-attributed speaker), its participants
merged (``briefgen.stories.merge``), and the outlets that reported it with their
links. Stories come out ranked by importance (outlets, recency, size). Labels
(new / updated / continuing) are added later by ``briefgen.stories.novelty``;
one audience's view of them is ``briefgen.stories.view``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from briefgen.model import Digest
from briefgen.stories.grouping import Doc, DuplicateSets, GroupingOptions, group, near_duplicates
from briefgen.stories.merge import merged_people
from briefgen.stories.outlets import outlet_key
from briefgen.stories.story import Outlet, Story, SummaryLine, fingerprint
from briefgen.summarize import summarize_many, summary_input


def _day(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


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


def summary_documents(digests: Sequence[Digest], limit: int | None) -> list[tuple[str, Sequence]]:
    """(path, sentences) of the first ``limit`` digests for summarize_many, each cut to the
    prefix single-article summaries use (summarize.summary_input): graph scoring is
    quadratic, and news puts its substance up front."""
    return [(d.article.path, summary_input(d.sentences)) for d in digests[:limit]]


def _multi_summary(digests: Sequence[Digest], options: StoryOptions, words: int | None = None,
                   count: int | None = None) -> tuple[SummaryLine, ...]:
    if words is None and count is None:
        words, count = options.summary_words, options.summary_sentences
    picked = summarize_many(summary_documents(digests, options.max_documents), words=words, count=count,
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
    return summarize_many(summary_documents(digests, options.max_documents), count=options.pool_sentences,
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
    pairs = [(i, j) for i, j, _ in near_duplicates(texts, options.grouping.duplicate_threshold)]
    dup_sets = DuplicateSets.from_pairs(len(digests), pairs).sets
    # An undated article is taken as news of the run's day: left undated, it would sit
    # "near" every date and could bridge stories years apart.
    docs = [
        Doc(title=d.article.title, text=d.article.text, published=d.article.published or today,
            names=tuple(p.name for p in d.participants if p.kind == "person"),
            date_known=d.article.published is not None)
        for d in digests
    ]
    clusters = group(docs, options.grouping, duplicates=pairs)
    in_dup = {i: s for s in dup_sets for i in s}
    stories = [_story(members, digests, dup_sets, in_dup, options, today) for members in clusters]
    stories.sort(key=lambda s: (-s.importance, s.headline))
    return stories


def _representatives(members: Sequence[int], digests: Sequence[Digest],
                     in_dup: dict[int, list[int]]) -> list[int]:
    """One article per copy set (the longest text, which keeps the most facts), the lead
    article first: most attributed quotes, then the longest."""
    def size(k: int) -> int:
        return len(digests[k].article.text)

    reps: list[int] = []
    seen_sets: set[int] = set()
    for i in members:
        s = in_dup.get(i)
        if s is None:
            reps.append(i)
        elif id(s) not in seen_sets:
            seen_sets.add(id(s))
            reps.append(max(s, key=size))
    reps.sort(key=lambda i: (-sum(1 for q in digests[i].quotes if q.speaker), -size(i), i))
    return reps


def _story(members: Sequence[int], digests: Sequence[Digest], dup_sets: Sequence[Sequence[int]],
           in_dup: dict[int, list[int]], options: StoryOptions, today: date | None) -> Story:
    """One cluster of article indices -> its Story (summary, merged people, outlets, importance)."""
    chosen = [digests[i] for i in _representatives(members, digests, in_dup)]
    articles = [digests[i].article for i in members]
    outlets = tuple(dict.fromkeys(outlet_key(a.source) if a.source else a.url or a.path for a in articles))
    links = tuple(
        Outlet(source=a.source or "", url=a.url, path=a.path, title=a.title)
        for _, a in sorted(zip(members, articles), key=lambda ka: (ka[1].source or "", ka[0]))
    )
    dups = tuple(tuple(digests[k].article.path for k in s) for s in dup_sets if s[0] in members)
    newest = max((day for a in articles if (day := _day(a.published)) is not None), default=None)
    fp = sorted(fingerprint(a.text) for a in articles)
    pool = None
    if options.pool_sentences:
        pool = tuple(_pool(chosen, options))
        summary = tuple(SummaryLine(p.text, p.document, p.index)
                        for p in cut_pool(pool, options.summary_sentences, options.summary_words))
    else:
        summary = _multi_summary(chosen, options)
    participants, quotes = merged_people(chosen)
    return Story(
        id="s-" + fp[0][:12],
        digests=tuple(chosen),
        members=tuple(digests[i] for i in sorted(members)),
        duplicates=dups,
        summary=summary,
        quotes=quotes,
        participants=participants,
        outlets=links,
        importance=_importance(chosen, len(outlets), newest, today),
        first_seen=today,
        pool=pool,
    )
