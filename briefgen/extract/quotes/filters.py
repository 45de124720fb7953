"""A candidate span + what the rules found -> is it a quote?

Short quoted phrases are scare quotes unless a strong cue sits next to them; titles of
works and programmes ("on Channel 4’s “Morning Call.”") are names, not speech.
"""

from __future__ import annotations

import re

from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.layout import citation_after
from briefgen.extract.quotes.marks import Candidate
from briefgen.extract.quotes.vocab import (
    DETERMINERS,
    HEADLINE_NOUNS,
    NAMING_VERBS,
    SPEECH_FORMS,
    STRONG_CUES,
    TITLE_SMALL,
    WORK_NOUNS,
    alternation,
)
from briefgen.text import lexicon

# "a blog post titled “…”", "a robot named “…”", "a report entitled “…”": a verb that only
# names (not "called", which also reports speech) right before the marks makes the quoted
# words a name. ("entitled to one thing: “…”" is no naming verb: the marks must follow it.)
_ONLY_NAMING = (lexicon.NAMING_FORMS | {"entitled"}) - lexicon.SPEECH_FORMS
_NAMED_BEFORE_RE = re.compile(rf"\b(?:{alternation(_ONLY_NAMING)}),?\s*$") if _ONLY_NAMING else None
# "dubbed the long feud over the plan: “Town versus Gown, part two”": a naming verb of the
# same sentence (no sentence end, quote or verb of speech between) and a colon before the
# marks give a name, however long the object that is named.
_NAMING_COLON_RE = re.compile(
    rf"\b(?P<verb>{alternation(NAMING_VERBS)})\b(?P<object>[^.;!?“”\"]{{0,160}}?):\s*$"
) if NAMING_VERBS else None
_SPEECH_ONLY = SPEECH_FORMS - NAMING_VERBS
# "will be dubbed the “Harbour Rescue Fund”": a determiner between a naming verb and the
# marks puts the quoted words in the slot of the name ("dubbed the plan “a disaster”" names
# the plan first, and stays a quote).
_NAMING_DET_RE = re.compile(
    rf"\b(?:{alternation(NAMING_VERBS)})\s+(?:{alternation(DETERMINERS)})\s*$", re.IGNORECASE
) if NAMING_VERBS else None

MAX_TITLE_WORDS = 10  # a longer span is a sentence, whatever its case
MIN_WORDS = 4  # shorter quoted phrases are scare quotes unless a cue sits right next to them

_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")
_END_PUNCT_RE = re.compile(r"[.!?,;:]\s*$")
_SHOW_SLOT_RE = re.compile(r"(?:[’']s|\b(?:on|in|with|to|from|at))\s*$")
# "his 2012 book, “A Long Road.”", "the podcast “Night Shift.”", "host of “…”": a
# work's name, even when a speaker is near.
_WORK_SLOT_RE = re.compile(rf"\b(?:{alternation(WORK_NOUNS | HEADLINE_NOUNS)}),?\s*$")
# "the “Our History” section", "her “Harbour Notes” column": the noun after the marks, a
# determiner or possessive before them.
_WORK_AFTER_RE = re.compile(rf"\s*(?:{alternation(WORK_NOUNS | HEADLINE_NOUNS)})\b")
_OWNER_BEFORE_RE = re.compile(rf"(?:\b(?:{alternation(DETERMINERS)})|[’']s)\s*$", re.IGNORECASE)
# "under the headline “Council votes to shut the pier”": a headline keeps sentence case.
_HEADLINE_SLOT_RE = re.compile(rf"\b(?:{alternation(HEADLINE_NOUNS)}),?:?\s*$")
_SHORT_END_RE = re.compile(r"[.!?,]$")


def is_title_like(words: list[str], content: str) -> bool:
    """ "Gone With the Wind", "Night Shift": capitalised words with no sentence punctuation."""
    if _END_PUNCT_RE.search(content.strip()):
        return False
    caps = [w for w in words if w.lower() not in TITLE_SMALL]
    return bool(caps) and all(w[:1].isupper() or not w[:1].isalpha() for w in caps) and len(words) <= MAX_TITLE_WORDS


def is_name_like(content: str) -> bool:
    """ "The Archive versus the Internet, part nine": a short span that opens with a capital
    and ends without sentence punctuation, as names do (a title's case is not required)."""
    words = content.split()
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and content.strip()[:1].isupper()
        and not _END_PUNCT_RE.search(content.strip())
    )


def after_naming_colon(text: str, start: int, end: int) -> bool:
    """Does text[start:end] end in a naming verb's colon ("dubbed the feud: “…”"), so that the
    quote after it is a name? "named three reasons and then said: “…”" is speech."""
    if _NAMING_COLON_RE is None:
        return False
    m = _NAMING_COLON_RE.search(text, max(start, end - 200), end)
    if not m:
        return False
    return not any(w.lower() in _SPEECH_ONLY for w in _WORD_RE.findall(m.group("object")))


def in_headline(ctx: Context, q: Candidate) -> bool:
    """Is the quote on a Title Case line ("Ortiz: ‘Budget Cuts’ Have ‘No Place …’"),
    where every quote looks like a title?"""
    ps, pe = ctx.paras.span_of(q.open_at)
    outside = ctx.text[ps : q.open_at] + " " + ctx.text[q.close_at : pe]
    caps = [w for w in _WORD_RE.findall(outside) if w.lower() not in TITLE_SMALL]
    return len(caps) >= 2 and all(w[:1].isupper() for w in caps)


def show_slot(text: str, open_at: int) -> bool:
    """Is the quote in the slot of a programme or publication name ("on Channel 4’s “…”",
    "appeared on “…”", "an interview with “…”")?"""
    return bool(_SHOW_SLOT_RE.search(text[max(0, open_at - 30) : open_at]))


def work_slot(text: str, q: Candidate) -> bool:
    """Is the quote in the slot of a work's name: right after a work noun ("his 2012 book,
    “…”", "a blog post “…”") or between a determiner and one ("the “…” section")?"""
    if _WORK_SLOT_RE.search(text, max(0, q.open_at - 30), q.open_at):
        return True
    return bool(
        _WORK_AFTER_RE.match(text, q.close_at) and _OWNER_BEFORE_RE.search(text, max(0, q.open_at - 20), q.open_at)
    )


def is_cited_title(ctx: Context, q: Candidate) -> bool:
    """Is the quote the title after a signature that closes the quote before it ("“…” Ann
    Read, “Why We Sail”")?"""
    ps = ctx.paras.span_of(q.open_at)[0] if ctx.paras.spans else 0
    before = [b for a, b in ctx.quote_spans if ps < b <= q.open_at]
    if not before:
        return False
    m = citation_after(ctx, max(before))
    return m is not None and m.start("title") == q.start


def is_anchor(q: Candidate, content: str, attributed: bool) -> bool:
    """A short phrase that is no quote; when attributed, its speaker carries on to the next."""
    words = content.split()
    return len(words) < MIN_WORDS and not (
        attributed and q.cue and q.cue.lower() in STRONG_CUES and _SHORT_END_RE.search(content.strip())
    )


def is_name_not_speech(ctx: Context, q: Candidate, content: str, attributed: bool) -> bool:
    """Is the span a title or name rather than quoted speech?"""
    words = content.split()
    text = ctx.text
    if _NAMED_BEFORE_RE is not None and _NAMED_BEFORE_RE.search(text, max(0, q.open_at - 30), q.open_at):
        return True
    if is_name_like(content) and is_cited_title(ctx, q):
        return True
    if is_name_like(content) and after_naming_colon(text, ctx.sentences.span_of(q.open_at)[0], q.open_at):
        return True
    # "Tales From the Crypt," and "Night Shift: The Early Years,": American style puts the
    # comma inside the marks of a title too.
    if not attributed and is_title_like(words, re.sub(r",$", "", content.rstrip())) and not in_headline(ctx, q):
        return True
    if len(words) <= 6 and is_title_like(words, re.sub(r"[.,]+$", "", content.rstrip())) and show_slot(text, q.open_at):
        return True  # "told Channel 4’s “Morning Call.”": American style puts the period inside a title
    if is_title_like(words, re.sub(r"[.,!?]+$", "", content.rstrip())) and (
        work_slot(text, q)
        or (_NAMING_DET_RE is not None and _NAMING_DET_RE.search(text, max(0, q.open_at - 30), q.open_at))
    ):
        return True
    if is_name_like(re.sub(r"[.,]$", "", content.rstrip())) and _HEADLINE_SLOT_RE.search(
        text, max(0, q.open_at - 30), q.open_at
    ):
        return True
    return not q.closed and len(words) < 8
