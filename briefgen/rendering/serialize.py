"""Digests and briefs -> plain JSON-able dicts.

`digest_to_dict` is the `briefgen analyze --format json` contract of
EVALUATION.md (evaluations depend on it: keys keep their meaning, new keys may
be added); `brief_to_dict` is `briefgen build --format json`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from briefgen.model import Article, Brief, BriefMemory, BriefStory, Digest, OutletLink, Quote, StoryMemory

SCHEMA_VERSION = 1


def _when(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def article_meta(article: Article) -> dict[str, Any]:
    return {
        "path": article.path,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": _when(article.published),
        "author": article.author,
        "language": article.language,
        "tags": list(article.tags),
    }


def provenance(article: Article | None) -> dict[str, Any]:
    """Where a summary sentence, quote or participant came from (EVALUATION.md, "Whole
    briefs"): the article's input path, URL, outlet and ISO date, each null when unknown."""
    if article is None:
        return {"path": None, "url": None, "outlet": None, "published": None}
    return {"path": article.path, "url": article.url, "outlet": article.source, "published": _when(article.published)}


def _explained_quote(q: Quote) -> dict[str, Any]:
    # "cue-after+pronoun": the rule that decided, then how the speaker mention was resolved.
    rule, _, resolved = q.rule.partition("+")
    return {**asdict(q), "explain": {"rule": rule, "speaker_by": resolved or None, "confidence": q.confidence}}


def _without_evidence(row: dict[str, Any]) -> dict[str, Any]:
    row.pop("evidence", None)  # the why of a kind is for --explain, not the brief
    return row


def digest_to_dict(digest: Digest, *, with_sentences: bool = True, explain: bool = False) -> dict[str, Any]:
    out = article_meta(digest.article)
    out["text"] = digest.article.text
    if with_sentences:
        out["sentences"] = [s.text for s in digest.sentences]
        out["sentence_spans"] = [[s.start, s.end] for s in digest.sentences]
    # Every item is the article's own: its provenance is the article's (new keys, after the
    # contract's; a model field of the same name, "path", keeps its place and gets the value).
    own = provenance(digest.article)
    out["summary"] = [{**asdict(s), **own} for s in digest.summary]
    out["quotes"] = [_after(_explained_quote(q) if explain else asdict(q), own) for q in digest.quotes]
    out["participants"] = [
        {**asdict(p), "aliases": list(p.aliases)} for p in digest.participants
    ]
    for row, p in zip(out["participants"], digest.participants):
        row.pop("evidence", None)  # the why of a kind is for --explain, not the contract
        if explain:
            row["evidence"] = list(p.evidence)
        _after(row, own)
    return out


def _after(row: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    row.pop("path", None)  # the model's field: given with the rest of the provenance, last
    row.update(own)
    return row


def analysis_to_dict(digests: list[Digest], failures: list, *, explain: bool = False) -> dict[str, Any]:
    """With ``explain``, each quote also says which rule decided it and how its speaker
    was resolved, and each participant its evidence (when the model records it)."""
    return {
        "schema": SCHEMA_VERSION,
        "articles": [digest_to_dict(d, explain=explain) for d in digests],
        "failures": [asdict(f) for f in failures],
    }


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    out = {
        "schema": SCHEMA_VERSION,
        "date": brief.date.isoformat(),
        "audience": brief.audience,
        "title": brief.title,
        "generated_by": brief.generated_by,
        "stories": [story_to_dict(item) for item in brief.stories],
        "failures": [asdict(f) for f in brief.failures],
    }
    # Story memory (issue 7, build --stories): "today" (Today in brief) and "whos_who" beside
    # the stories; each story's memory under its "story" key.
    if brief.memory is not None:
        out.update(memory_to_dict(brief.memory))
    return out


def story_to_dict(item: BriefStory) -> dict[str, Any]:
    """One brief item: its lead article's metadata and text, the item's summary, quotes and
    participants (a story's merged ones), and with --stories its memory under "story"."""
    out = article_meta(item.article)
    out["text"] = item.article.text
    out["summary"] = [{"index": s.index, "text": s.text, "score": s.score, **provenance(item.source(s.path))}
                      for s in item.summary]
    out["quotes"] = [{**asdict(q), **provenance(item.source(q.path))} for q in item.quotes]
    out["participants"] = [{**_without_evidence(asdict(p)), "aliases": list(p.aliases),
                            **provenance(item.source(p.path))} for p in item.participants]
    if item.memory is not None:
        out["story"] = story_memory_to_dict(item.memory, item.source)
    return out


def _link(link: OutletLink, source: Callable[[str | None], Article | None] | None) -> dict[str, Any]:
    out = {"source": link.source, "url": link.url, "title": link.title}
    if source is not None and link.path is not None:
        # the article's own URL (null when it has none); "url" above is the link, http(s) only
        out.update({**provenance(source(link.path)), "url": link.url})
    return out


def story_memory_to_dict(memory: StoryMemory,
                         source: Callable[[str | None], Article | None] | None = None) -> dict[str, Any]:
    """With ``source`` (``BriefStory.source``), each article and outlet also carries its path,
    outlet and date."""
    return {
        "id": memory.id,
        "label": memory.label,
        "outlet_count": memory.outlet_count,
        "outlets": [_link(o, source) for o in memory.outlets],
        "articles": [_link(a, source) for a in memory.articles],
        "new_facts": list(memory.new_facts),
        "first_seen": _when(memory.first_seen),
        "lead_sentence": memory.lead_sentence,
        "importance": memory.importance,
        "news_value": memory.value.parts(),
    }


def memory_to_dict(memory: BriefMemory) -> dict[str, Any]:
    return {
        "today": [{"headline": t.headline, "sentence": t.sentence, "label": t.label, "outlet_count": t.outlet_count}
                  for t in memory.today],
        "whos_who": [{"name": w.name, "role": w.role, "stories": list(w.stories), "said": list(w.said),
                      "mentions": w.mentions} for w in memory.whos_who],
    }
