"""Digests of one day -> Stories: one item per news event across outlets.

``build_stories(digests)`` collapses near-duplicate texts (wire copies) into one
article that lists every outlet, groups the rest into stories
(``briefgen.stories.grouping``), and gives each story one multi-document summary
(``summarize_many``: no fact twice), its quotes merged (the same words from
three outlets appear once, with the best-attributed speaker), its participants
merged (``briefgen.stories.merge``), and the outlets that reported it with their
links. Stories come out ranked by news value (``briefgen.stories.value``). Labels
(new / updated / continuing) are added later by ``briefgen.stories.novelty``;
one audience's view of them is ``briefgen.stories.view``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from briefgen.model import Digest, Participant, Quote
from briefgen.stories.grouping import Doc, DuplicateSets, GroupingOptions, group, near_duplicates
from briefgen.stories.lead import lead_line, leans_on_earlier, opening
from briefgen.stories.merge import merged_people
from briefgen.stories.outlets import outlet_key
from briefgen.stories.repeats import says_again
from briefgen.stories.stale import states_present
from briefgen.stories.story import Outlet, Story, SummaryLine, fingerprint
from briefgen.stories.value import MAX_CONSEQUENCE, consequence, news_value
from briefgen.summarize import summarize_many, summary_input
from briefgen.summarize.multi import SourcedSentence

if TYPE_CHECKING:
    from briefgen.ops.cache import AnalysisCache


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
    # The summary reads at most this many of a story's articles (the lead order: newest,
    # then most attributed quotes, then longest): rating is the costly step, and the tenth
    # outlet rarely adds a fact the first nine lacked.
    max_documents: int | None = 10
    # Where articles of a story disagree the newer is right ("are being held" is stale once
    # they are home): a summary sentence's relevance (0-1) is raised by this much when its
    # article is the story's newest, the raise halving every ``recency_days`` older.
    recency: float = 0.2
    recency_days: float = 2.0
    # A story's outcome is what its reader needs most ("no survivors", "107 killed"): a
    # sentence naming a consequence (``value.consequence``: deaths, injuries, evacuations ...)
    # is raised by up to this much, in proportion to that consequence's weight
    outcome: float = 0.2


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
    kept: list = []
    for s in current(picked, digests):  # in relevance order of articles: the first telling of a fact stays
        if not says_again(s.text, (k.text for k in kept)):
            kept.append(s)
    return newest_first(tuple(SummaryLine(s.text, s.document, s.index) for s in kept), digests, options)


def cut_pool(pool: Sequence, count: int | None, words: int | None) -> list:
    """The sentences of a story's summary pool within ``count`` and ``words``, back in the
    pool's order (newest article first). First the story's lead (``lead.lead_line``: the
    newest article's first sentence that stands alone), so even a two-sentence summary says
    the latest development and not a statement a newer article overtook; then the most
    relevant, skipping one that would overrun the word budget (as summarize_many does), one
    that says again what a chosen sentence said (``repeats``) and one that leans on a
    sentence left out ("The ministry then said"). Never empty when the pool is not."""
    chosen: set[int] = set()
    used = 0
    lead = lead_line(pool, list(dict.fromkeys(p.document for p in pool)))
    first = [k for k, p in enumerate(pool) if p is lead]
    for k in first + sorted(range(len(pool)), key=lambda k: -pool[k].score):
        if k in chosen or (count is not None and len(chosen) >= count):
            continue
        n = len(pool[k].text.split())
        if words is not None and chosen and used + n > words:
            continue
        if chosen and (says_again(pool[k].text, (pool[c].text for c in chosen))
                       or leans_on_earlier(pool[k].text) and not _after_chosen(pool, k, chosen)):
            continue  # the fact is in already, or the sentence it leans on is not
        chosen.add(k)
        used += n
    return [p for k, p in enumerate(pool) if k in chosen]


def _after_chosen(pool: Sequence, k: int, chosen: set[int]) -> bool:
    """Whether the sentence before pool[k] in its article is among the chosen."""
    return any(pool[c].document == pool[k].document and pool[c].index == pool[k].index - 1 for c in chosen)


def _pool(digests: Sequence[Digest], options: StoryOptions) -> tuple:
    """The story's summary pool, holding the lead article's own opening (``lead.opening``)
    even where the summarizer ranked it out: the story's lead line is that article's earliest
    usable line, and without its opening that is whatever came second ("The forms are part
    of ...", whose antecedent is the opening)."""
    pool = summarize_many(summary_documents(digests, options.max_documents), count=options.pool_sentences,
                          title=digests[0].article.title, algorithm=options.algorithm)
    lead = digests[0].article.path
    first = opening(digests[0].sentences)
    if first is not None and pool and not any(p.document == lead and p.index == first.index for p in pool):
        pool = (SourcedSentence(lead, first.index, first.text, max(p.score for p in pool)), *pool)
    return newest_first(pool, digests, options)


# Relevance scores are 0-1 plus the recency and outcome raises: lowering a stale line by more
# than their sum puts it after every current one.
STALE = 2.0


def current(lines: Sequence[SourcedSentence], digests: Sequence[Digest]) -> list[SourcedSentence]:
    """``lines`` without the stale ones: a sentence of an article dated before the story's
    newest that says how things stood then (``stale.states_present``: "the jet is reported
    missing" under a newer "wreckage confirmed"). All of them when every line is stale."""
    days = {d.article.path: _day(d.article.published) for d in digests}
    newest = max((v for v in days.values() if v is not None), default=None)
    if newest is None:
        return list(lines)
    kept = [line for line in lines
            if (day := days.get(line.document)) is None or day >= newest or not states_present(line.text)]
    return kept or list(lines)


def newest_first(lines: Sequence, digests: Sequence[Digest], options: StoryOptions) -> tuple:
    """Summary sentences (SourcedSentence or SummaryLine) ordered as ``digests`` are (the
    newest article first), each article's in its own order; a SourcedSentence's score is
    raised for a recent article (``StoryOptions.recency``), so a cut keeps the newer fact, and
    lowered below every current line when it is stale (``current``)."""
    rank = {d.article.path: k for k, d in enumerate(digests)}
    days = {d.article.path: _day(d.article.published) for d in digests}
    newest = max((v for v in days.values() if v is not None), default=None)

    def raised(line):
        if not hasattr(line, "score"):
            return line
        score = line.score
        if options.outcome:
            score += options.outcome * consequence([line.text]) / MAX_CONSEQUENCE
        if newest is not None and (day := days.get(line.document)) is not None:
            score += options.recency * 0.5 ** ((newest - day).days / options.recency_days)
            if day < newest and states_present(line.text):
                score -= STALE  # after every current line: kept only when the budget has room
        return replace(line, score=score)

    def path(line) -> str:
        return line.document if hasattr(line, "document") else line.path

    ordered = sorted(lines, key=lambda line: (rank.get(path(line), len(rank)), line.index))
    return tuple(raised(line) for line in ordered)


def grouping_docs(digests: Sequence[Digest], today: date | None) -> list[Doc]:
    """What the grouper sees of each digest. An undated article is taken as news of the
    run's day: left undated, it would sit "near" every date and could bridge stories years
    apart; ``date_known`` keeps the merge pass from trusting that date."""
    return [Doc(title=d.article.title, text=d.article.text, published=d.article.published or today,
                names=tuple(p.name for p in d.participants if p.kind == "person"),
                date_known=d.article.published is not None)
            for d in digests]


def build_stories(digests: Sequence[Digest], options: StoryOptions = StoryOptions(),
                  today: date | None = None, workers: int = 1, cache: AnalysisCache | None = None) -> list[Story]:
    """See the module docstring. With ``workers`` > 1 the stories' summaries and merged
    people (most of this stage's cost) are made in that many forked children, a share of
    the stories each; with ``cache`` a story an earlier run made is taken from it. The
    stories are the same either way."""
    if not digests:
        return []
    texts = [d.article.text for d in digests]
    pairs = [(i, j) for i, j, _ in near_duplicates(texts, options.grouping.duplicate_threshold)]
    dup_sets = DuplicateSets.from_pairs(len(digests), pairs).sets
    clusters = group(grouping_docs(digests, today), options.grouping, duplicates=pairs)
    in_dup = {i: s for s in dup_sets for i in s}
    chosen = [[digests[i] for i in _representatives(members, digests, in_dup)] for members in clusters]
    made = _story_parts(chosen, options, workers, cache)
    stories = [_story(members, c, m, digests, dup_sets, options, today)
               for members, c, m in zip(clusters, chosen, made)]
    stories.sort(key=lambda s: (-s.importance, s.headline))
    return stories


# Forking children and sending their results back costs more than it saves on a small day.
MIN_STORIES_TO_SHARE = 24


def _story_parts(chosen: Sequence[Sequence[Digest]], options: StoryOptions, workers: int,
                 cache: AnalysisCache | None = None) -> list[tuple]:
    """(pool, summary, participants, quotes) of each story's lead-ordered digests: the costly part
    of a story, independent of every other story. Taken from ``cache`` when an earlier run made
    the same story; the others are made here, shares of them in ``workers`` forked children
    (``parallel.forked_map``: nothing pickled on the way in) balanced by their number of
    articles, and stored."""
    if cache is None:
        return _make_parts(chosen, options, workers)
    keys = [cache.story_key([d.article for d in c], options) for c in chosen]
    found = cache.get_stories(keys)
    out: list[tuple | None] = []
    for key in keys:
        try:
            out.append(decode_parts(found[key]) if key in found else None)
        except (KeyError, TypeError, ValueError):
            out.append(None)  # written by something else, or damaged: made anew
    todo = [k for k, p in enumerate(out) if p is None]
    made = _make_parts([chosen[k] for k in todo], options, workers)
    cache.put_stories([(keys[k], encode_parts(p)) for k, p in zip(todo, made)])
    for k, p in zip(todo, made):
        out[k] = p
    return [p for p in out if p is not None]


def encode_parts(parts: tuple) -> str:
    pool, summary, participants, quotes = parts
    from briefgen.ops.cache import flat

    return json.dumps({
        "pool": None if pool is None else [flat(p) for p in pool],
        "summary": [flat(s) for s in summary],
        "participants": [flat(p) for p in participants],
        "quotes": [flat(q) for q in quotes],
    }, ensure_ascii=False, separators=(",", ":"))


def decode_parts(text: str) -> tuple:
    d = json.loads(text)
    pool = None if d["pool"] is None else tuple(SourcedSentence(**p) for p in d["pool"])
    participants = tuple(Participant(**{**p, "aliases": tuple(p["aliases"]), "evidence": tuple(p["evidence"])})
                         for p in d["participants"])
    return (pool, tuple(SummaryLine(**s) for s in d["summary"]), participants,
            tuple(Quote(**q) for q in d["quotes"]))


def _make_parts(chosen: Sequence[Sequence[Digest]], options: StoryOptions, workers: int) -> list[tuple]:
    from briefgen import parallel

    if workers <= 1 or len(chosen) < MIN_STORIES_TO_SHARE or not parallel.can_fork():
        return [_parts(c, options) for c in chosen]

    shares: list[list[int]] = [[] for _ in range(workers)]
    load = [0] * workers
    for k in sorted(range(len(chosen)), key=lambda k: -len(chosen[k])):
        w = load.index(min(load))
        shares[w].append(k)
        load[w] += len(chosen[k])
    done = parallel.forked_map(lambda share: [_parts(chosen[k], options) for k in share], shares, workers)
    out: list[tuple] = [()] * len(chosen)
    for share, parts in zip(shares, done):
        for k, p in zip(share, parts):
            out[k] = p
    return out


def _parts(chosen: Sequence[Digest], options: StoryOptions) -> tuple:
    pool = None
    if options.pool_sentences:
        # plain floats, not numpy's: the same story read back from the cache has the same repr
        # (a rendered brief is keyed by its repr)
        pool = tuple(replace(p, score=float(p.score)) for p in _pool(chosen, options))
        summary = tuple(SummaryLine(p.text, p.document, p.index)
                        for p in cut_pool(pool, options.summary_sentences, options.summary_words))
    else:
        summary = _multi_summary(chosen, options)
    participants, quotes = merged_people(chosen)
    return pool, summary, participants, quotes


def story_of(digests: Sequence[Digest], options: StoryOptions = StoryOptions(),
              today: date | None = None) -> Story:
    """The digests taken as one story, whatever the grouper would say (a caller that knows
    its articles belong together: a benchmark's gold cluster, an editor's pick)."""
    texts = [d.article.text for d in digests]
    pairs = [(i, j) for i, j, _ in near_duplicates(texts, options.grouping.duplicate_threshold)]
    dup_sets = DuplicateSets.from_pairs(len(digests), pairs).sets
    in_dup = {i: s for s in dup_sets for i in s}
    members = range(len(digests))
    chosen = [digests[i] for i in _representatives(members, digests, in_dup)]
    return _story(members, chosen, _parts(chosen, options), digests, dup_sets, options, today)


def _representatives(members: Sequence[int], digests: Sequence[Digest],
                     in_dup: dict[int, list[int]]) -> list[int]:
    """One article per copy set (the longest text, which keeps the most facts), the lead
    article first: the newest (a story leads with its latest development; an undated
    article's age is unknown, so it never leads a dated one), then most attributed
    quotes, then the longest."""
    def size(k: int) -> int:
        return len(digests[k].article.text)

    def newest(k: int) -> int:
        day = _day(digests[k].article.published)
        return -day.toordinal() if day else 0

    reps: list[int] = []
    seen_sets: set[int] = set()
    for i in members:
        s = in_dup.get(i)
        if s is None:
            reps.append(i)
        elif id(s) not in seen_sets:
            seen_sets.add(id(s))
            reps.append(max(s, key=size))
    reps.sort(key=lambda i: (newest(i), -sum(1 for q in digests[i].quotes if q.speaker), -size(i), i))
    return reps


def _story(members: Sequence[int], chosen: Sequence[Digest], parts: tuple, digests: Sequence[Digest],
           dup_sets: Sequence[Sequence[int]], options: StoryOptions, today: date | None) -> Story:
    """One cluster of article indices, its lead-ordered representatives and their ``_parts``
    -> its Story (summary, merged people, outlets, importance)."""
    articles = [digests[i].article for i in members]
    outlets = tuple(dict.fromkeys(outlet_key(a.source) if a.source else a.url or a.path for a in articles))
    links = tuple(
        Outlet(source=a.source or "", url=a.url, path=a.path, title=a.title)
        for _, a in sorted(zip(members, articles), key=lambda ka: (ka[1].source or "", ka[0]))
    )
    dups = tuple(tuple(digests[k].article.path for k in s) for s in dup_sets if s[0] in members)
    dated = [day for a in articles if (day := _day(a.published)) is not None]
    newest = max(dated, default=None)
    fp = sorted(fingerprint(a.text) for a in articles)
    pool, summary, participants, quotes = parts
    lead = chosen[0]
    value = news_value(headline=lead.article.title, opening=[x.text for x in lead.sentences], outlets=len(outlets),
                       newest=newest, today=today, roles=[p.role for p in participants])
    return Story(
        id="s-" + fp[0][:12],
        digests=tuple(chosen),
        members=tuple(digests[i] for i in sorted(members)),
        duplicates=dups,
        summary=summary,
        quotes=quotes,
        participants=participants,
        outlets=links,
        importance=value.total,
        value=value,
        first_seen=today,
        first_reported=min(dated, default=None),
        updated=newest,
        pool=pool,
    )
