"""An RSS 0.9x/1.0/2.0 or Atom feed (bytes) -> Batch: one Article per entry.

The entry's full content (Atom ``content``, RSS ``content:encoded``) is used
when present, as is, however short: a content element that says more than the
summary and does not end in an ellipsis is the full text. Only an entry that
carries a teaser (a summary, or content no longer than it, of fewer than
``options.teaser_words`` words) has its page fetched and extracted like any
saved page. When that fetch fails the teaser is kept and the failure is
reported, so the brief says the story is incomplete instead of losing it.
Feed-level title becomes the outlet; entry tags become Article tags.

Raises InputError when the bytes are not a feed at all.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from briefgen.errors import BriefgenError, InputError
from briefgen.ingest import dates, fields as typed
from briefgen.ingest.batch import Batch, ReadOptions
from briefgen.ingest.html import fragment_text, looks_like_html, parse_html
from briefgen.model import Article, Failure

log = logging.getLogger(__name__)


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """Sniff a fetched body: feed media types, or a feed's root element near the start."""
    if any(t in content_type for t in ("rss", "atom", "rdf")):
        return True
    head = data[:2048].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def parse_feed(data: bytes, *, path: str, options: ReadOptions, base_url: str | None = None) -> Batch:
    import feedparser

    # Always bytes: given a string, feedparser would treat it as a URL and fetch it itself.
    parsed = feedparser.parse(data, response_headers={"content-location": base_url} if base_url else None,
                              sanitize_html=True, resolve_relative_uris=True)
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("version"):
            reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")() or parsed.get("bozo_exception")
            raise InputError(f"not an RSS or Atom feed ({reason})")
        if not parsed.get("version"):
            raise InputError("not an RSS or Atom feed")
        log.info("%s: the feed has no entries", path)
        return Batch()
    outlet = _clean(parsed.feed.get("title"))
    batch = Batch()
    teasers: dict[str, Article] = {}
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{path}#{number}"
        try:
            article, full = _entry_article(entry, where, outlet, options)
        except BriefgenError as err:
            batch.failures.append(Failure(where, str(err)))
            continue
        if options.full_text and article.url and not full and _is_teaser(article.text, options.teaser_words):
            teasers[article.url] = article
        elif not article.text:
            batch.failures.append(Failure(where, "feed entry has no text"))
        else:
            batch.articles.append(article)
    if teasers:
        batch.extend(_full_articles(teasers, options))
    return batch


def _entry_article(entry, where: str, outlet: str | None, options: ReadOptions) -> tuple[Article, bool]:
    """The entry as an Article, and whether it carries the full text (see the module docstring)."""
    content = ""
    for part in entry.get("content") or ():
        value = part.get("value") or ""
        if len(value) > len(content):
            content = value
    summary = entry.get("summary") or ""
    content_text, summary_text = _plain(content), _plain(summary)
    full = len(content_text) > len(summary_text) and not content_text.endswith(("…", "...", "[…]", "[...]"))
    text = content_text if len(content) >= len(summary) else summary_text
    title = typed.text(entry.get("title"), "title", where)
    link = entry.get("link")
    if not text and not link:
        raise InputError("feed entry has neither text nor a link")
    published = (dates.parse_when(entry.get("published")) or dates.parse_when(entry.get("updated"))
                 or dates.parse_when(entry.get("published_parsed")) or dates.parse_when(entry.get("updated_parsed")))
    tags = typed.tags([tag.get("term") for tag in entry.get("tags") or () if tag.get("term")], "tags", where)
    article = Article(
        path=where,
        title=title or (text[:80] if text else link),
        text=text,
        source=typed.text((entry.get("source") or {}).get("title"), "source", where) or outlet,
        url=link,
        published=dates.normalise(published, options.tz),
        author=typed.text(entry.get("author"), "author", where),
        language=(typed.text(entry.get("language"), "language", where) or "en").split("-")[0] or "en",
        tags=tags,
    )
    return article, full


def _plain(body: str) -> str:
    return fragment_text(body) if looks_like_html(body) or "&" in body else " ".join(body.split())


def _is_teaser(text: str, limit: int) -> bool:
    return len(text.split()) < limit


def _full_articles(teasers: dict[str, Article], options: ReadOptions) -> Batch:
    """Fetch the pages behind teaser entries, hosts in parallel; keep feed metadata
    (the feed's title and time are more reliable than a page's)."""
    batch = Batch()
    fetched = options.fetcher.get_many(list(teasers))
    for url, teaser in teasers.items():
        result = fetched[url]
        try:
            if isinstance(result, BriefgenError):
                raise result
            page = parse_html(result.body, path=teaser.path, url=result.final_url, charset=result.charset,
                              tz=options.tz)
        except BriefgenError as err:
            batch.failures.append(Failure(url, f"full article unavailable ({err}); the feed's teaser was used"))
            if teaser.text:
                batch.articles.append(teaser)
            continue
        batch.articles.append(replace(
            page,
            title=teaser.title or page.title,
            source=teaser.source or page.source,
            published=teaser.published or page.published,
            author=teaser.author or page.author,
            tags=teaser.tags or page.tags,
            url=page.url or url,
        ))
    return batch


def _clean(value) -> str | None:
    if not value:
        return None
    text = " ".join(str(value).split())
    return text or None
