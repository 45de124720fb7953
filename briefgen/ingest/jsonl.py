"""A JSON Lines export (bytes) -> Batch: one Article per line.

Field names are configurable: ``fields`` maps an Article field (text, title,
url, published, author, source, language, tags) to the export's key, dotted
for nested objects ("meta.headline"). Unmapped fields are looked up under
common names (text: text/body/content/articleBody/article, title:
title/headline, ...). A body that is HTML is reduced to its text. A bad line
is a Failure named ``file:line``; the other lines still count.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC

from briefgen.errors import InputError
from briefgen.ingest import (
    dates,
    fields as typed,  # `fields` is the field map here
)
from briefgen.ingest.article import find_title
from briefgen.ingest.batch import Batch, ReadOptions
from briefgen.ingest.decode import decode_bytes
from briefgen.ingest.html import fragment_text, looks_like_html
from briefgen.model import Article, Failure

FIELDS = ("text", "title", "url", "published", "author", "source", "language", "tags")
DEFAULT_KEYS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "articleBody", "article", "story"),
    "title": ("title", "headline", "name"),
    "url": ("url", "link", "canonical_url", "uri"),
    "published": ("published", "date", "datePublished", "pubDate", "published_at", "time", "timestamp"),
    "author": ("author", "byline", "authors", "creator"),
    "source": ("source", "outlet", "publisher", "sitename", "site"),
    "language": ("language", "lang"),
    "tags": ("tags", "keywords", "categories"),
}


def parse_field_map(spec: str | Mapping[str, str] | None) -> dict[str, str]:
    """'text=body,title=headline' (or a mapping) -> {"text": "body", "title": "headline"}."""
    if not spec:
        return {}
    pairs = spec.items() if isinstance(spec, Mapping) else (
        item.split("=", 1) if "=" in item else (item, "") for item in spec.split(",") if item.strip())
    out: dict[str, str] = {}
    for name, key in pairs:
        name, key = name.strip().lower(), key.strip()
        if name not in FIELDS or not key:
            raise InputError(f"JSON Lines field mapping {name}={key!r}: use FIELD=KEY with FIELD one of "
                             f"{', '.join(FIELDS)}, e.g. text=body,title=headline")
        out[name] = key
    return out


def parse_jsonl(data: bytes, *, path: str, options: ReadOptions) -> Batch:
    text, _ = decode_bytes(data, path=path)
    fields = parse_field_map(options.jsonl_fields)
    batch = Batch()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            batch.failures.append(Failure(where, f"not valid JSON: {err.msg} at column {err.colno}"))
            continue
        except (ValueError, RecursionError) as err:  # a number over Python's digit limit; nesting too deep
            batch.failures.append(Failure(where, f"not valid JSON: {err}"))
            continue
        if not isinstance(record, dict):
            batch.failures.append(Failure(where, "a JSON Lines article must be an object {...}"))
            continue
        try:
            batch.articles.append(_article(record, where, fields, options))
        except InputError as err:
            batch.failures.append(Failure(where, str(err)))
    if not batch.articles and not batch.failures:
        raise InputError("JSON Lines file has no records")
    return batch


def _article(record: dict, where: str, fields: Mapping[str, str], options: ReadOptions) -> Article:
    def value(name: str):
        keys = (fields[name],) if name in fields else DEFAULT_KEYS[name]
        for key in keys:
            found = _dig(record, key)
            if found not in (None, "", [], {}):
                return found
        return None

    body = value("text")
    if not isinstance(body, str) or not body.strip():
        wanted = fields.get("text") or "/".join(DEFAULT_KEYS["text"])
        raise InputError(f"no article text under {wanted!r} (map it with text=KEY)")
    body = fragment_text(body) if looks_like_html(body) else body.replace("\r\n", "\n").strip()
    title = _text(value("title"), "title", where)
    if not title:
        title, body = find_title(body)
    published = value("published")
    return Article(
        path=where,
        title=title,
        text=body,
        source=_text(value("source"), "source", where),
        url=_text(value("url"), "url", where),
        published=dates.normalise(_when(published) if typed.is_date_like(published, "published", where) else None,
                                  options.tz),
        author=_text(value("author"), "author", where),
        language=_text(value("language"), "language", where) or "en",
        tags=typed.tags(_names(value("tags")), "tags", where),
    )


def _dig(record: dict, key: str):
    current = record
    for part in key.split("."):
        if not isinstance(current, dict) or part not in current:
            return None
        current = current[part]
    return current


def _when(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        from datetime import datetime

        seconds = value / 1000 if value > 1e11 else value  # milliseconds since the epoch are common
        return datetime.fromtimestamp(seconds, tz=UTC)
    return dates.parse_when(value)


def _names(value):
    """[{"name": "x"}, "y"] -> ["x", "y"]: exports give tags as objects too."""
    if isinstance(value, list):
        return [v["name"] if isinstance(v, dict) and isinstance(v.get("name"), str) else v for v in value]
    return value


def _text(value, field: str, where: str) -> str | None:
    """Text, also from the shapes exports give people and outlets: {"name": ...} and lists of them."""
    if isinstance(value, dict) and "name" in value:
        value = value["name"]
    elif isinstance(value, list) and value:
        names = [v.get("name") if isinstance(v, dict) else v for v in value]
        strings = [n for n in names if isinstance(n, str)]
        if len(strings) == len(names):
            value = ", ".join(strings)
    return typed.text(value, field, where)
