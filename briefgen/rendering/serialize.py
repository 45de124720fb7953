"""Digests and briefs -> plain JSON-able dicts.

`digest_to_dict` is the `briefgen analyze --format json` contract of
EVALUATION.md (evaluations depend on it: keys keep their meaning, new keys may
be added); `brief_to_dict` is `briefgen build --format json`.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from briefgen.model import Article, Brief, Digest

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


def digest_to_dict(digest: Digest, *, with_sentences: bool = True) -> dict[str, Any]:
    out = article_meta(digest.article)
    out["text"] = digest.article.text
    if with_sentences:
        out["sentences"] = [s.text for s in digest.sentences]
        out["sentence_spans"] = [[s.start, s.end] for s in digest.sentences]
    out["summary"] = [asdict(s) for s in digest.summary]
    out["quotes"] = [asdict(q) for q in digest.quotes]
    out["participants"] = [
        {**asdict(p), "aliases": list(p.aliases)} for p in digest.participants
    ]
    for p in out["participants"]:
        p.pop("evidence", None)  # the why of a kind is for --explain, not the contract
    return out


def analysis_to_dict(digests: list[Digest], failures: list) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "articles": [digest_to_dict(d) for d in digests],
        "failures": [asdict(f) for f in failures],
    }


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    out = {
        "schema": SCHEMA_VERSION,
        "date": brief.date.isoformat(),
        "audience": brief.audience,
        "title": brief.title,
        "generated_by": brief.generated_by,
        "stories": [digest_to_dict(d, with_sentences=False) for d in brief.digests],
        "failures": [asdict(f) for f in brief.failures],
    }
    # Story memory (issue 7, build --stories): each story's id, label (new/updated/continuing),
    # outlets and new facts under "story"; "today" (Today in brief) and "whos_who" beside.
    memory = brief.extra.get("memory") or {}
    if memory:
        items = memory.get("by_path", {})
        for story, digest in zip(out["stories"], brief.digests):
            if digest.article.path in items:
                story["story"] = items[digest.article.path]
        out["today"] = memory.get("today", [])
        out["whos_who"] = memory.get("whos_who", [])
    return out
