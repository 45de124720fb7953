"""Wire-copy conventions -> plain prose: an article's leading dateline and AP's " _ " dash.

Agency copy opens with a dateline ("OSTRAVA, Velmora (AP) _ The ministry said...") and
plain-text AP copy writes a dash as " _ ". Neither belongs in a headline, a summary or a
takeaway, and a dateline would make every article from one city look alike to the
grouper. ``tidy`` strips the dateline from the start of the text (and from a title that
was made from the text's first sentence) and turns " _ " into an em dash. A dateline is
a place in capitals, optionally ", Country", then an agency in brackets
(``vocab/wire_agencies.txt``) and/or a dash: "WASHINGTON —", "PARIS (AFP) -".
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from briefgen.model import Article
from briefgen.text.lexicon import words

_DASH = r"(?:_|—|–|--|-)"
_PLACE = r"[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}"  # the city, in capitals
_REGION = r"(?:,\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})?"  # ", South Korea"
_UNDERSCORE_DASH = re.compile(r"(?<=\S) _ (?=\S)")


@cache
def _dateline() -> re.Pattern[str]:
    agencies = "|".join(sorted((re.escape(a) for a in words("wire_agencies")), key=len, reverse=True))
    agency = rf"\((?:{agencies})\)"
    # without an agency only a long dash marks a dateline: "US - China talks" is a headline
    return re.compile(rf"^\s*{_PLACE}{_REGION}\s*(?:{agency}\s*{_DASH}?|(?:_|—|--))\s+(?=\S)")


def dateline(text: str) -> str:
    """The dateline the text opens with, or ""."""
    m = _dateline().match(text)
    return m.group(0) if m else ""


def _without(text: str, prefix: str) -> str:
    if not prefix or not text.startswith(prefix):
        return text
    rest = text[len(prefix):]
    return rest[:1].upper() + rest[1:]


def tidy(article: Article) -> Article:
    """The article without its dateline (also in a title made from its first sentence)
    and with AP's " _ " as a dash."""
    prefix = dateline(article.text)
    text = _UNDERSCORE_DASH.sub(" — ", _without(article.text, prefix))
    title = _UNDERSCORE_DASH.sub(" — ", _without(article.title, prefix.lstrip()))
    if text == article.text and title == article.title:
        return article
    return replace(article, text=text, title=title)
