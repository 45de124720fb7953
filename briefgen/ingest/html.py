"""A saved or fetched web page (bytes) -> one Article: the article's own text plus metadata.

The main text comes from trafilatura (navigation, ads, captions and comments
removed); briefgen then removes what trafilatura keeps but a brief must not
repeat: the headline and standfirst at the top (they are metadata here), the
page's own URL, and one-line promotions ("Read more: …", "Advertisement").
Metadata: title, outlet (site name), author, publication time with its time
zone (normalised to ``tz``), canonical URL and language. Paragraphs are
separated by blank lines, as in briefgen's text articles.

Raises InputError when the page has no article text.
"""

from __future__ import annotations

import copy
import json
import logging
import re
import unicodedata
from datetime import tzinfo
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import urljoin, urlsplit

from briefgen.errors import InputError
from briefgen.ingest import dates
from briefgen.model import Article

if TYPE_CHECKING:
    from trafilatura.settings import Document

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w+")
# One-line promotions and page furniture that sit between paragraphs. Each
# must match a whole line, so ordinary sentences that merely contain the words stay.
_PROMO = re.compile(
    r"^(advertisement|advertising|sponsored( content)?|share this( article| story)?|share on \w+"
    r"|(read|see) more\b.*|don'?t miss:?|you may also like.*|you might also like.*|recommended( for you)?:?"
    r"|related( articles| stories| coverage)?:?|order reprints|print article|print this (page|article)"
    r"|like this story\?.*|sign up\b.*newsletter.*|subscribe\b.*newsletter.*|get the latest\b.*inbox.*"
    r"|.*\bclick(ing)? here\.?|skip to (main )?content|accept (all )?cookies.*"
    r"|we use cookies\b.*|this (site|website) uses cookies\b.*)$",
    re.I,
)
_LINE_PUNCT = " \t-|•·»›>"
MIN_WORDS = 8


def parse_html(
    data: bytes | str,
    *,
    path: str = "<memory>",
    url: str | None = None,
    charset: str | None = None,
    tz: tzinfo | None = None,
) -> Article:
    """Extract one article from a page. ``charset`` is the HTTP header's claim, if any."""
    import trafilatura
    from lxml import html as lxml_html

    page = decode_html(data, charset) if isinstance(data, bytes) else data
    page = page.replace("\x00", "")
    if not page.strip():
        raise InputError("empty page")
    try:
        tree = lxml_html.document_fromstring(page)
    except Exception as err:  # lxml's errors are many and undocumented
        raise InputError(f"not a readable HTML page: {err}") from None

    meta = _page_metadata(tree, url)
    _keep_embedded_posts(tree)
    pristine = copy.deepcopy(tree)  # trafilatura prunes the tree it is given
    # as_dict=False (the default): a Document or None, never the dict the annotation also allows
    doc = cast("Document | None", trafilatura.bare_extraction(
        tree, url=meta.get("url") or url, include_comments=False, include_tables=True, with_metadata=True
    ))
    if doc is None or not (doc.text or "").strip():
        raise InputError("no article text found in the page")

    title = meta.get("title") or doc.title or ""
    lines = _add_split_parts(pristine, (doc.text or "").split("\n"))
    lines = _clean_lines(lines, title, doc.description or meta.get("description"),
                         {u for u in (url, meta.get("url"), doc.url) if u})
    text = _normalise("\n\n".join(lines))
    if len(text.split()) < MIN_WORDS:  # a menu or a "Home" link is what is left of a page without an article
        raise InputError("no article text found in the page")
    if not title:
        from briefgen.ingest.article import find_title

        title, _ = find_title(text)
    published = dates.parse_when(meta.get("published")) or dates.parse_when(doc.date)
    return Article(
        path=path,
        title=_one_line(title) or "",
        text=text,
        source=_one_line(meta.get("site") or doc.sitename) or _host(url),
        url=meta.get("url") or doc.url or url,
        published=dates.normalise(published, tz),
        author=_one_line(meta.get("author") or doc.author),
        language=(meta.get("language") or doc.language or "en").split("-")[0].lower() or "en",
        encoding="utf-8",
    )


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Bytes -> text. Strict UTF-8 first (servers often mislabel it), then the
    charset the server or the page declares, then detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for name in (declared, _meta_charset(data)):
        if name:
            try:
                return data.decode(_codec(name))
            except (LookupError, UnicodeDecodeError):
                continue
    from briefgen.ingest.decode import detect_encoding as _detect  # one detector for every input

    guess = _detect(data) or "cp1252"
    return data.decode(guess, errors="replace")


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def _meta_charset(data: bytes) -> str | None:
    found = _META_CHARSET.search(data[:4096])
    return found.group(1).decode("ascii") if found else None


def _codec(name: str) -> str:
    # WHATWG: pages labelled Latin-1 are decoded as windows-1252 by every browser.
    name = name.strip().lower()
    return "cp1252" if name in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"} else name


def _keep_embedded_posts(tree) -> None:
    """Embedded posts (tweets) are part of many stories and often the quotes a
    brief wants; trafilatura drops them with the social-widget wrapper, so
    the wrapper's classes are cleared and the post becomes a plain quotation."""
    for post in tree.xpath('//blockquote[contains(@class, "twitter-tweet")]'):
        post.attrib.pop("class", None)
        parent = post.getparent()
        if parent is not None and len(parent) <= 2:
            parent.attrib.pop("class", None)
            parent.attrib.pop("id", None)
    for script in tree.xpath('//script[contains(@src, "platform.twitter.com")]'):
        script.getparent().remove(script)


def _clean_lines(lines: list[str], title: str, standfirst: str | None, own_urls: set[str]) -> list[str]:
    lines = [ln.strip() for ln in lines if ln.strip()]
    # The headline (and the standfirst printed under it) are metadata, not body.
    if lines and title and _same(lines[0], title):
        lines = lines[1:]
        if lines and standfirst and _same(lines[0], standfirst):
            lines = lines[1:]
    own = {u.rstrip("/") for u in own_urls}
    return [ln for ln in lines if ln.rstrip("/") not in own and not _PROMO.match(ln.strip(_LINE_PUNCT))]


_BODY_CLASS = re.compile(r"body|article|content|story|text|entry|post", re.I)


def _add_split_parts(tree, lines: list[str]) -> list[str]:
    """Pages that break the article into several containers of the same kind
    (one per screenful, with ads between) lose all but one to the extractor.
    The other containers of the same tag and class are added back, in page order."""
    wanted = {tuple(_WORD.findall(ln.lower())) for ln in lines if len(_WORD.findall(ln)) >= 5}
    if not wanted:
        return lines
    holders: dict[Any, int] = {}
    for p in tree.iter("p"):
        if tuple(_WORD.findall(p.text_content().lower())) in wanted:
            parent = p.getparent()
            holders[parent] = holders.get(parent, 0) + 1
    if not holders:
        return lines
    main = max(holders, key=holders.__getitem__)
    cls = main.get("class", "")
    if not cls or not _BODY_CLASS.search(cls):
        return lines
    # Parts live near each other (siblings, or cousins across ad rows); a
    # same-class box elsewhere on the page is a footer or a teaser, not a part.
    area = main
    for _ in range(3):
        area = area.getparent() if area.getparent() is not None else area
    before: list[str] = []
    after: list[str] = []
    seen_main = False
    for part in area.iter(main.tag):
        if part is main:
            seen_main = True
            continue
        if part.get("class") != cls or part in holders:
            continue
        texts = [" ".join(p.text_content().split()) for p in part.iter("p")]
        texts = [t for t in texts if t and tuple(_WORD.findall(t.lower())) not in wanted]
        if sum(len(_WORD.findall(t)) for t in texts) >= 20:
            (after if seen_main else before).extend(texts)
    return before + lines + after


def _same(a: str, b: str) -> bool:
    wa, wb = _WORD.findall(a.lower()), _WORD.findall(b.lower())
    return bool(wa) and wa == wb


def _page_metadata(tree, url: str | None) -> dict[str, str]:
    """What the page says about itself in <meta>, <link> and JSON-LD, which
    keeps the time and zone that trafilatura's day-only date drops."""
    out: dict[str, str | None] = {}

    def meta(*names: str) -> str | None:
        for name in names:
            for attr in ("property", "name", "itemprop"):
                found = tree.xpath(f'//meta[@{attr}="{name}"]/@content')
                if found and found[0].strip():
                    return found[0].strip()
        return None

    ld = _json_ld(tree)
    out["title"] = meta("og:title", "twitter:title") or ld.get("headline") or _first_text(tree, "//title")
    out["site"] = meta("og:site_name", "application-name") or ld.get("publisher")
    # article:author is often a profile URL, not a name.
    out["author"] = next((a for a in (meta("author", "parsely-author", "sailthru.author"), ld.get("author"),
                                      meta("article:author")) if a and not a.startswith("http")), None)
    out["description"] = meta("og:description", "description")
    out["published"] = (
        meta("article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date",
             "DC.date.issued", "parsely-pub-date", "sailthru.date")
        or ld.get("datePublished")
        or _first_text(tree, "//time[@pubdate]/@datetime | //time[@itemprop='datePublished']/@datetime")
        or _first_text(tree, "//time/@datetime")
    )
    canonical = _first_text(tree, '//link[@rel="canonical"]/@href') or meta("og:url")
    if canonical:
        canonical = urljoin(url or "", canonical)
        out["url"] = canonical if urlsplit(canonical).scheme in {"http", "https"} else ""
    out["language"] = _first_text(tree, "/html/@lang") or meta("og:locale", "language")
    if language := out["language"]:
        out["language"] = language.replace("_", "-")
    return {k: v for k, v in out.items() if v}


def _first_text(tree, xpath: str) -> str | None:
    for found in tree.xpath(xpath):
        text = found if isinstance(found, str) else found.text_content()
        if text and text.strip():
            return " ".join(text.split())
    return None


_ARTICLE_TYPES = {"article", "newsarticle", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "report", "webpage", "liveblogposting"}


def _json_ld(tree) -> dict[str, str]:
    """headline, datePublished, author and publisher names from the page's first article object."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, TypeError):
            continue
        for obj in _objects(data):
            kind = obj.get("@type")
            kinds = {str(k).lower() for k in (kind if isinstance(kind, list) else [kind])}
            if kinds & _ARTICLE_TYPES:
                return {k: v for k, v in (
                    ("headline", _name(obj.get("headline"))),
                    ("datePublished", _name(obj.get("datePublished"))),
                    ("author", _name(obj.get("author"))),
                    ("publisher", _name(obj.get("publisher"))),
                ) if v}
    return {}


def _objects(data):
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            yield item
            if "@graph" in item:
                stack.append(item["@graph"])


def _name(value) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _one_line(value: str | None) -> str | None:
    return " ".join(value.split()) if value and value.strip() else None


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub(" ", text).strip()


_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre",
           "section", "article", "figure", "table", "ul", "ol", "dd", "dt", "hr"}
_DROP = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "form", "button",
         "figcaption", "nav", "aside", "footer", "header"}


def fragment_text(fragment: str) -> str:
    """An HTML fragment already known to be the article (a feed's content, a
    CMS export's body) -> plain text, one paragraph per block element."""
    from lxml import etree, html as lxml_html

    if "<" not in fragment:
        return _normalise(fragment)
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _normalise(re.sub(r"<[^>]+>", " ", fragment))
    for bad in [el for el in root.iter() if isinstance(el.tag, str) and el.tag.lower() in _DROP]:
        bad.drop_tree()
    parts: list[str] = []

    def walk(el) -> None:
        if not isinstance(el.tag, str):  # comments, processing instructions
            if el.tail:
                parts.append(el.tail)
            return
        block = el.tag.lower() in _BLOCKS
        if block:
            parts.append("\n\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", "".join(parts)))
    return _normalise("\n\n".join(p for p in paragraphs if p))


def looks_like_html(text: str) -> bool:
    return bool(re.search(r"<(p|div|br|span|a|em|strong|b|i|ul|li|h[1-6])\b[^>]*>", text, re.I))
