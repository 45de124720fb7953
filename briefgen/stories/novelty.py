"""Today's stories + the store -> the same stories labelled new / updated / continuing.

A story of today is the continuation of a stored story when it contains an
article already recorded under that story (same content fingerprint), or else
when its term signature is close to the signature of a story seen within the
last ``window_days`` days (cosine >= ``threshold``); it then takes the stored
story's id, so a story keeps growing across days.

Labels, relative to briefs of earlier days:
- new: no earlier story, or one that was never briefed;
- updated: briefed before, and today's summary says something no earlier brief
  said (those summary lines are flagged ``new=True``: the new facts);
- continuing: briefed before and nothing new in the summary.

A run calls ``prepare(digests, day, state_path)`` -> (labelled stories, open
store) before rendering, and ``commit(store, stories, day, briefs)`` after its
files are written: one transaction (``record`` inside ``store.run()``) saying
what went into which audience's brief.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence, Set
from dataclasses import replace
from datetime import date, timedelta
from os import PathLike
from typing import TYPE_CHECKING

from briefgen.model import Brief, Digest, Label
from briefgen.stories.assemble import StoryOptions, build_stories
from briefgen.stories.features import name_terms, word_terms
from briefgen.stories.memory import Store, open_store
from briefgen.stories.story import Story, fingerprint

if TYPE_CHECKING:
    from briefgen.ops.cache import AnalysisCache

WINDOW_DAYS = 14
POOL_SENTENCES = 10  # more than any built-in audience shows of one story
THRESHOLD = 0.35
_TOKEN = re.compile(r"[a-z0-9]+")


def signatures(stories: Sequence[Story], top: int = 60) -> list[dict[str, float]]:
    """TF-IDF over today's stories of titles + texts (+ names), the top terms, l2-normalised."""
    counts = []
    for s in stories:
        c: Counter[str] = Counter()
        for d in s.digests:
            c.update(word_terms(d.article.title))
            c.update(word_terms(d.article.text[:4000]))
            c.update("n:" + t for t in name_terms(d.article.title + "\n" + d.article.text[:4000]))
        counts.append(c)
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(counts)
    out = []
    for c in counts:
        w = {t: (1 + math.log(v)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, v in c.items()}
        best = sorted(w.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        norm = math.sqrt(sum(v * v for _, v in best)) or 1.0
        out.append({t: round(v / norm, 5) for t, v in best})
    return out


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def _tokens(text: str) -> set[str]:
    return set(_TOKEN.findall(text.lower()))


def is_new_fact(sentence: str, earlier: Sequence[Set[str]], overlap: float = 0.5) -> bool:
    """A sentence is a new fact when no earlier briefed sentence shares most of its words."""
    words = _tokens(sentence)
    if not words:
        return False
    return all(len(words & e) / max(1, min(len(words), len(e))) < overlap for e in earlier if e)


def label_stories(stories: Sequence[Story], store: Store | None, day: date,
                  window_days: int = WINDOW_DAYS, threshold: float = THRESHOLD) -> list[Story]:
    """See the module docstring. Without a store every story is new."""
    sigs = signatures(stories)
    if store is None:
        return [replace(s, signature=sig) for s, sig in zip(stories, sigs)]
    active = store.active_stories(day - timedelta(days=window_days))
    taken: set[str] = set()
    out = []
    for story, sig in zip(stories, sigs):
        fps = [fingerprint(d.article.text) for d in (story.members or story.digests)]
        known = store.story_of(fps)
        match = None
        if known:
            match = Counter(known.values()).most_common(1)[0][0]
        else:
            scored = [(cosine(sig, st.signature), st.id) for st in active if st.id not in taken]
            best = max(scored, default=(0.0, None))
            if best[0] >= threshold:
                match = best[1]
        if match is None or match in taken:
            out.append(replace(story, label="new", signature=sig))
            continue
        taken.add(match)
        stored = store.get_story(match)
        first = stored.first_seen if stored else day
        if not store.was_briefed(match, day):
            out.append(replace(story, id=match, label="new", first_seen=first, signature=sig))
            continue
        earlier = tuple(frozenset(_tokens(t)) for t in store.briefed_sentences(match, day))
        unseen = [fp for fp in fps if fp not in known]
        lines = tuple(replace(line, new=bool(unseen) and is_new_fact(line.text, earlier)) for line in story.summary)
        label: Label = "updated" if any(line.new for line in lines) else "continuing"
        out.append(replace(story, id=match, label=label, summary=lines, first_seen=first, signature=sig,
                           earlier=earlier))
    return out


def record(store: Store, stories: Sequence[Story], day: date,
           briefs: Mapping[str, Sequence[Story]]) -> None:
    """Write today's stories, their articles, and each audience's brief into the store."""
    for s in stories:
        store.upsert_story(s.id, s.headline, day, s.signature or {})
        for d in s.members or s.digests:
            a = d.article
            store.add_article(fingerprint(a.text), s.id, day, url=a.url, source=a.source, title=a.title,
                              published=a.published.isoformat() if a.published else None)
    briefed: dict[str, Story] = {}
    for audience, chosen in briefs.items():
        store.record_brief(day, audience, [(s.id, s.label) for s in chosen])
        for s in chosen:
            briefed[s.id] = s
    for s in briefed.values():
        store.add_briefed_sentences(s.id, day, [line.text for line in s.summary])


def prepare(digests: Sequence[Digest], day: date, state_path: str | PathLike[str] | None = None, *,
            store: Store | None = None, workers: int = 1,
            cache: AnalysisCache | None = None) -> tuple[list[Story], Store | None]:
    """Digests of a run -> labelled stories and the open store (None without a state path or
    ``store``, which is used as given). The caller records with ``commit`` after its files are
    written and then closes the store. ``workers``: processes for the stories' summaries;
    ``cache``: where stories an earlier run made are kept (``build_stories``)."""
    # a summary pool per story: every audience's summary is cut from it (stories.cut_pool)
    stories = build_stories(digests, StoryOptions(pool_sentences=POOL_SENTENCES), today=day, workers=workers,
                            cache=cache)
    if store is None and state_path is not None:
        store = open_store(state_path)
    try:
        return label_stories(stories, store, day), store
    except BaseException:
        if store is not None:
            store.close()
        raise


def commit(store: Store, stories: Sequence[Story], day: date, briefs: Mapping[str, Brief]) -> None:
    """Record the run in one transaction; ``briefs`` maps audience -> Brief (its stories' memory ids)."""
    by_id = {s.id: s for s in stories}
    chosen = {}
    for audience, brief in briefs.items():
        ids = [item.memory.id for item in brief.stories if item.memory is not None]
        chosen[audience] = [by_id[i] for i in ids if i in by_id]
    with store.run():
        record(store, stories, day, chosen)
