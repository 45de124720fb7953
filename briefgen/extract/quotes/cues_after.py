"""Rules that find the cue after the quote: "“…,” said Ortiz", "“…,” Ortiz said",
"“…,” according to Cole", "“…?” Ortiz shot back."

Each takes (context, site) and returns whether it attributed the quote.
"""

from __future__ import annotations

import re

from briefgen.extract.quotes.clauses import phrasal
from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.phrases import inverted_subject, is_aux, np_clean, speaker_after, subject_np, verb_like
from briefgen.extract.quotes.site import Site
from briefgen.extract.quotes.speakers import attribute_after
from briefgen.extract.quotes.vocab import DETERMINERS, PP_HEADS, SPEECH_FORMS, STRONG_CUES

_OPEN_END_RE = re.compile(r"[,?!]$")  # the quote does not end its sentence
_NOT_WORDS_RE = re.compile(r"[^\w\s’'-]")
# "Olga Brandt, 44, of Dover, Del., who took part in the survey, said": up to five
# comma segments before the verb; a segment may hold a short quoted name ("wearing
# “Vote Ortiz” pins").
_APPOSITIVE_RE = re.compile(
    r"\.?(?:\s*\([^()]{1,40}\))?(?:(?:,\s+(?:\d{1,3}|(?:[^,“”\"\n]|[“\"][^,“”\"\n]{1,40}[”\"]){2,150})){1,5},)?\s+"
)
# A short quoted name inside a subject's appositive is a word of it, not a sentence break.
_SHORT_QUOTED_RE = re.compile(r"[“\"][^,“”\"\n]{1,40}[”\"]")
_CLAUSE_END_RE = re.compile(r"[.,;]| and\b| with\b")
# Sentence punctuation inside a subject; a full stop inside a word ("harbourpolls.com") is none.
_SUBJECT_PUNCT_RE = re.compile(r"\.(?!\w)|[!?;:()\[\]“”\"]")


def _first_is_cue(site: Site) -> bool:
    toks = site.after_tokens
    return bool(toks) and toks[0].lower in SPEECH_FORMS


def cue_after_inverted(ctx: Context, site: Site) -> bool:
    """ "“…,” said Ortiz" / "“…,” says the minister"."""
    if not _first_is_cue(site):
        return False
    toks = site.after_tokens
    span = inverted_subject(ctx, toks, 1)
    return span is not None and attribute_after(ctx, site.q, span, toks[0], "cue-after-inverted")


def according_to_after(ctx: Context, site: Site) -> bool:
    """ "“…,” according to the Ledger"."""
    toks = site.after_tokens
    if not (len(toks) > 2 and toks[0].lower == "according" and toks[1].lower == "to"):
        return False
    span = speaker_after(ctx, toks, 2)
    return span is not None and attribute_after(ctx, site.q, span, toks[0], "according-to")


def _short_subject(ctx: Context, site: Site) -> tuple[tuple[int, int], int, bool] | None:
    """(subject span, index of the word after it and its appositive, long appositive?) for a
    subject that opens the window: "Ortiz, 53, told", "a spokesman for the party said"."""
    toks, text = site.after_tokens, ctx.text
    if not toks or _first_is_cue(site):
        return None
    span = speaker_after(ctx, toks, 0)
    if not span:
        return None
    k = next((i for i, t in enumerate(toks) if t.start >= span[1]), len(toks))
    if toks[0].lower in DETERMINERS and k < len(toks) and toks[k].lower in PP_HEADS:
        # "a spokesman for council Democrats said", "a staffer in the room wondered":
        # the description keeps its short prepositional tail.
        m = next(
            (m for m in range(k + 1, min(len(toks), k + 7)) if toks[m].lower in SPEECH_FORMS or verb_like(toks[m])),
            None,
        )
        if m is not None and not _NOT_WORDS_RE.search(text[span[1] : toks[m].start]):
            span, k = (span[0], toks[m - 1].end), m
    app = _APPOSITIVE_RE.match(text[span[1] : site.after[1]])
    if app and (app.end() > 180 or (app.group().count(",") > 2 and not _OPEN_END_RE.search(site.content))):
        app = None  # a long appositive only after a quote that ends its clause ("…,” Bond, 30, of …, said)
    if app:
        while k < len(toks) and toks[k].start < span[1] + app.end():
            k += 1
    while k < len(toks) and is_aux(toks[k]) and toks[k].lower not in SPEECH_FORMS:
        k += 1
    return span, k, app is not None and app.group().count(",") > 2


def cue_after(ctx: Context, site: Site) -> bool:
    """ "“…,” Ortiz said", "“…,” Ortiz, 53, told reporters", "“…,” a spokesman for the party said"."""
    found = _short_subject(ctx, site)
    if not found:
        return False
    span, k, long_app = found
    toks = site.after_tokens
    cues = STRONG_CUES if long_app else SPEECH_FORMS
    return k < len(toks) and toks[k].lower in cues and attribute_after(ctx, site.q, span, toks[k], "cue-after")


def cue_after_verb(ctx: Context, site: Site) -> bool:
    """ "“…” Cole barked.", "“…,” the note says.", "“…?” Ortiz shot back.": subject + one
    unknown verb that ends the clause; and inverted, "“…,” declares Ann Read, 27."."""
    return _subject_then_verb(ctx, site) or _verb_then_subject(ctx, site)


def _subject_then_verb(ctx: Context, site: Site) -> bool:
    # A quote that ends its sentence ("…”) may be followed by a new sentence; but not by a
    # lower-case "he" ("“…” he points out."), and a phrasal speech verb is speech anyway
    # ("“…” Cole shot back with a laugh.").
    found = _short_subject(ctx, site)
    if not found:
        return False
    span, k, _ = found
    toks, text = site.after_tokens, ctx.text
    open_end = _OPEN_END_RE.search(site.content) or text[span[0] : span[1]] in ("he", "she")
    if not (k < len(toks) and (open_end or phrasal(toks, k))):
        return False
    verb_end = toks[k + 1].end if phrasal(toks, k) else toks[k].end if verb_like(toks[k]) else -1
    return (
        verb_end > 0
        and bool(_CLAUSE_END_RE.match(text[verb_end : verb_end + 5]))
        and attribute_after(ctx, site.q, span, toks[k], "cue-after-verb")
    )


def _verb_then_subject(ctx: Context, site: Site) -> bool:
    toks = site.after_tokens
    if (
        not toks
        or _first_is_cue(site)
        or not (verb_like(toks[0]) and len(toks) > 1 and toks[1].is_cap and _OPEN_END_RE.search(site.content))
    ):
        return False
    span = inverted_subject(ctx, toks, 1)
    return span is not None and attribute_after(ctx, site.q, span, toks[0], "cue-after-verb")


def cue_after_long_subject(ctx: Context, site: Site) -> bool:
    """A longer subject before the verb: "Republican candidate Lena Ortiz said", "the
    grey-haired, 71-year-old diplomat said", "Rep. Ben Cole (D-Ohio) said", "Ms. Ortiz's
    spokesman, Ben Cole, wrote"; or a phrase, then the inverted cue ("“…” in the 2008
    primary, said professor Ann Read")."""
    toks, text = site.after_tokens, ctx.text
    if not toks or _first_is_cue(site):
        return False
    k = next((k for k in range(1, min(len(toks), 14)) if toks[k].lower in SPEECH_FORMS), None)
    if k is None:
        return False
    j = k - 1
    while j > 0 and is_aux(toks[j]):
        j -= 1
    if j > 0 and toks[j].lower == "who" and text[toks[j - 1].end : toks[j].start].strip() == ",":
        # "“…,” an unnamed source close to the command, who also said that …": the words
        # are the description's, its relative clause says so.
        span = speaker_after(ctx, toks, 0) if toks[0].lower in DETERMINERS else None
        if span and not _SUBJECT_PUNCT_RE.search(np_clean(text[toks[0].start : toks[j - 1].end])):
            return attribute_after(ctx, site.q, span, toks[k], "cue-after")
        return False
    np_start, np_end = toks[0].start, toks[j].end
    if text[np_end : np_end + 1] == ")":
        np_end += 1  # "state Sen. Ann Read (D) said"
    if _SUBJECT_PUNCT_RE.search(_SHORT_QUOTED_RE.sub("name", np_clean(text[np_start:np_end]))):
        return False
    span = subject_np(ctx, np_start, np_end, text[np_end : toks[k].start].strip() == ",")
    if span is None and text[toks[k - 1].end : toks[k].start].strip() == ",":
        span = inverted_subject(ctx, toks, k + 1)
        return span is not None and attribute_after(ctx, site.q, span, toks[k], "cue-after-inverted")
    return span is not None and attribute_after(ctx, site.q, span, toks[k], "cue-after")

