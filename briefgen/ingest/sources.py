"""Declared news sources (`[[sources]]` in briefgen.toml) -> Sources -> Articles.

    [[sources]]
    name = "Avelin Herald"            # the outlet shown in the brief
    feed = "https://herald.example/rss"   # or: url = "https://…/page" | path = "inbox/export.jsonl"
    tags = ["local", "harbour"]       # added to every article's tags
    priority = 2                      # ranking may prefer higher priorities (default 0)

``parse_sources(raw, base)`` validates the TOML value (raises ValueError naming
what was expected); ``read_source(source, options)`` reads one source into a
Batch, stamping its name, tags and priority on each article.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from briefgen.ingest.fetch import is_url
from briefgen.ingest.formats import Batch, ReadOptions, read_path, read_urls

_KEYS = {"name", "feed", "url", "path", "tags", "priority"}


@dataclass(frozen=True)
class Source:
    name: str
    location: str  # an http(s) URL (feed or page) or a file/folder path
    tags: tuple[str, ...] = ()
    priority: int = 0


def parse_sources(raw: Any, base: Path = Path(".")) -> tuple[Source, ...]:
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise ValueError('[[sources]] tables, each with name and one of feed, url or path')
    sources = []
    for number, item in enumerate(raw, start=1):
        where = f"source {number}"
        unknown = sorted(set(item) - _KEYS)
        if unknown:
            raise ValueError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})")
        places = [k for k in ("feed", "url", "path") if k in item]
        if len(places) != 1 or not isinstance(item[places[0]], str) or not item[places[0]].strip():
            raise ValueError(f"{where}: exactly one of feed, url or path, as a non-empty string")
        location = item[places[0]].strip()
        if places[0] in ("feed", "url") and not is_url(location):
            raise ValueError(f"{where}: {places[0]} must be an http(s) URL, not {location!r}")
        if places[0] == "path":
            location = str((base / Path(location).expanduser()).resolve())
        name = item.get("name", "")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{where}: a name (a non-empty string)")
        tags = item.get("tags", [])
        if isinstance(tags, str):
            tags = [tags]
        if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
            raise ValueError(f"{where}: tags must be a list of strings")
        priority = item.get("priority", 0)
        if isinstance(priority, bool) or not isinstance(priority, int):
            raise ValueError(f"{where}: priority must be a whole number")
        sources.append(Source(name.strip(), location, tuple(t.strip() for t in tags), priority))
    return tuple(sources)


def read_source(source: Source, options: ReadOptions | None = None) -> Batch:
    """One declared source -> Batch; its name, tags and priority go on every article."""
    options = options or ReadOptions()
    if is_url(source.location):
        batch = read_urls([source.location], options)
    else:
        from briefgen.ingest.walk import collect_paths

        files, failures = collect_paths([source.location])
        batch = Batch(failures=failures)
        for f in files:
            batch.extend(read_path(f, options))
    batch.articles = [
        replace(a, source=source.name, tags=tuple(dict.fromkeys((*a.tags, *source.tags))),
                priority=source.priority)
        for a in batch.articles
    ]
    return batch
