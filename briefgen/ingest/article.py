"""A text article's bytes -> Article: decoded text, front matter metadata, a title.

Every problem is an `InputError` with a one-line reason, so one bad file never
sinks the brief.
"""

from __future__ import annotations

import logging
import os
import re
from datetime import date, datetime
from pathlib import Path

import yaml

from briefgen.errors import InputError
from briefgen.ingest import fields
from briefgen.ingest.decode import MAX_BYTES, decode_bytes, normalise_text, read_bytes
from briefgen.ingest.suffixes import ARTICLE_SUFFIXES
from briefgen.model import Article

log = logging.getLogger(__name__)

_FRONT_MATTER_KEYS = {"title", "source", "url", "published", "date", "author", "language", "lang", "tags"}


def read_article(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Article:
    """Read one text article file. Raises InputError with a one-line reason.

    Other formats (pages, feeds, JSON Lines, URL lists) go through
    `briefgen.ingest.formats.read_path`, which may return several articles per file."""
    path = Path(path)
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise InputError(f"unsupported file type {path.suffix or '(none)'!r}: briefgen reads .txt and .md")
    return parse_article(read_bytes(path, max_bytes=max_bytes), path=str(path))


def parse_article(data: bytes, *, path: str = "<memory>") -> Article:
    """Decode bytes, split off front matter and find a title."""
    text, encoding = decode_bytes(data, path=path)
    text = normalise_text(text)
    meta, body = split_front_matter(text)
    body = body.strip("\n")
    if not body.strip():
        raise InputError("article has no text" + (" after its front matter" if meta else ""))
    title = fields.text(meta.get("title"), "title", path)
    if not title:
        title, body = find_title(body)
    language = "language" if "language" in meta else "lang"
    published = "published" if "published" in meta else "date"
    return Article(
        path=path,
        title=title,
        text=body,
        source=fields.text(meta.get("source"), "source", path),
        url=fields.text(meta.get("url"), "url", path),
        published=_parse_date(meta.get(published), path, published),
        author=fields.text(meta.get("author"), "author", path),
        language=fields.text(meta.get(language), language, path) or "en",
        tags=fields.tags(meta.get("tags"), "tags", path),
        encoding=encoding,
    )


_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def split_front_matter(text: str) -> tuple[dict, str]:
    """Optional YAML front matter between a first line `---` and the next `---` (or `...`)."""
    if not text.startswith("---"):
        return {}, text
    first_line_end = text.find("\n")
    if first_line_end == -1 or text[:first_line_end].strip() != "---":
        return {}, text
    closing = _FENCE.search(text, first_line_end + 1)
    if closing is None:
        raise InputError("front matter starts with '---' but has no closing '---' line")
    raw = text[first_line_end + 1 : closing.start()]
    try:
        meta = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(err, "problem", None) or "syntax error"
        raise InputError(f"front matter is not valid YAML{where}: {problem}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError("front matter must be 'key: value' lines (title, source, url, published, author, language)")
    meta = {str(k).lower(): v for k, v in meta.items()}
    unknown = sorted(set(meta) - _FRONT_MATTER_KEYS)
    if unknown:
        log.debug("front matter keys not used by briefgen: %s", ", ".join(unknown))
    return meta, text[closing.end() :]


_MD_HEADING = re.compile(r"\A[ \t]*#{1,6}[ \t]+(.+?)[ \t#]*\n")
_TITLE_WORDS = 14


def find_title(body: str) -> tuple[str, str]:
    """A title for an article without front matter -> (title, body without it).

    A Markdown heading or a short first line standing alone (a headline, as in
    most news dumps) becomes the title and leaves the body; otherwise the first
    sentence, shortened at a word boundary, names the article and stays in it.
    """
    heading = _MD_HEADING.match(body)
    if heading:
        return heading.group(1).strip(), body[heading.end() :].lstrip("\n")
    first, sep, rest = body.partition("\n")
    line = first.strip()
    if sep and rest.startswith("\n") and rest.strip() and _looks_like_headline(line):
        return line, rest.lstrip("\n")
    from briefgen.ingest.wire import dateline

    return headline_phrase(_first_sentence(line[len(dateline(line)):] or line)), body


def _looks_like_headline(line: str) -> bool:
    return 0 < len(line.split()) <= _TITLE_WORDS and not line.endswith((".", ",", ";", ":"))


def _first_sentence(line: str) -> str:
    # Imported late: segment is the only module that knows sentence rules.
    from briefgen.text.segment import split_sentences

    sentences = split_sentences(line)
    return sentences[0].text if sentences else line


# Where a long first sentence can end as a headline: before a clause or an aside, so the
# headline is a whole phrase ("X said it would hold talks with Y next week", not "… with Y…")
_CLAUSE_BREAK = re.compile(r",\s|\s[—–]\s|:\s|;\s|\s(?:after|as|when|while|because|but|which|who|amid|despite|"
                           r"although|though|before|until|since|where)\s")


# an opening clause may run this much over the limit: a whole 110-character phrase reads
# better as a headline than a cut one
CLAUSE_SLACK = 1.25
_PHRASE_START = re.compile(r"\s(?:about|against|among|at|between|by|during|for|from|in|into|near|of|on|over|"
                           r"through|to|toward|towards|under|with|without)\s")


def headline_phrase(sentence: str, limit: int = 90) -> str:
    """A title for an article that came without one: its first sentence when short enough,
    else the longest opening clause that fits (at least four words; a little over ``limit``
    is allowed), else the clause without its trailing prepositional phrases ("... met" for
    "... met in Japan on Tuesday"), else a cut at a word. Never a cut mid-phrase when a whole
    one exists."""
    text = " ".join(sentence.split()).rstrip(".")
    if len(text) <= limit:
        return text

    def longest(pattern: re.Pattern[str], most: float) -> str | None:
        cuts = [m.start() for m in pattern.finditer(text) if m.start() <= most and len(text[:m.start()].split()) >= 4]
        return text[:max(cuts)].rstrip(",;:–— ") if cuts else None

    return (longest(_CLAUSE_BREAK, limit * CLAUSE_SLACK) or longest(_PHRASE_START, limit)
            or shorten(text, limit))


def shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text.rstrip(".")
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return cut + "…"


def _parse_date(value: object, path: str, field: str = "published") -> datetime | date | None:
    if value is None or isinstance(value, (datetime, date)):
        return value
    if not fields.is_date_like(value, field, path):
        return None
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        log.warning("%s: ignoring unreadable published date %r (expected ISO 8601, e.g. 2026-11-28)", path, text)
        return None
