"""Rules for a quote with no cue next to it, attributed from what surrounds it: the
subject of its own sentence, of the sentence before, of a reporting paragraph before, or
the speaker a later "he added" says spoke before. Weak evidence: low confidence caps.
"""

from __future__ import annotations

import re

from briefgen.extract.quotes.clauses import is_addressed_passive, sentence_subject
from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.marks import MARK_RE
from briefgen.extract.quotes.phrases import inverted_subject, is_aux, speaker_after
from briefgen.extract.quotes.site import Site
from briefgen.extract.quotes.speakers import attribute
from briefgen.extract.quotes.vocab import CONNECTIVES, PREPOSITIONS, RELATIVE_CUES, SPEECH_FORMS, alternation
from briefgen.text import lexicon
from briefgen.text.spans import Token

RELAY_VERBS = lexicon.words("relay_verbs")
_THAT_RE = re.compile(r"\s+that\b")
# "…, consultant Ben Cole says." / "…, Cole said on Monday.": the verb closes the sentence.
_CLOSING_CUE_RE = re.compile(r"\s+([a-z]+)(?:\s+(?:on\s+)?[A-Za-z]+)?\.[”\"’']?\s*$")
_CLAUSE_MARK_RE = re.compile(r"[,;:.!?“”\"]")
_SINGLE_MARK_RE = re.compile(r"[‘’']\s|\s[‘’']|^[‘']")
# "…, from Ann Read, who declared “…”": the relative clause's subject speaks.
_RELATIVE_CUE_RE = re.compile(rf",\s+who\s+(?:\w+\s+){{0,2}}?(?:{alternation(RELATIVE_CUES)})\b")


def subject(ctx: Context, site: Site) -> bool:
    """A quote inside a sentence with no cue next to it belongs to the sentence's subject:
    "Ortiz herself said Tuesday that “…”", "Cole launched an attack, calling her “…”".

    Only a subject that opens the sentence (after connectives, titles and an introductory
    phrase) and is a known person, "he"/"she" or a determiner + speaker noun counts, and
    only when no other quote precedes this one in the sentence.
    """
    q, text = site.q, ctx.text
    s = ctx.sentences.span_of(q.open_at)[0]
    # "The source is unknown; however, Korvex.com said: “…”": the clause after a semicolon.
    semi = text.rfind(";", s, q.open_at)
    s = semi + 1 if semi >= 0 else s
    head = text[s : q.open_at]
    if not head.strip() or MARK_RE.search(head) or _SINGLE_MARK_RE.search(head):
        return False
    if _RELATIVE_CUE_RE.search(head):
        return False
    found = sentence_subject(ctx, s, q.open_at)
    if found and found[1].lower in RELAY_VERBS:
        return False  # "The Ledger cited examples, including: “…”": someone else's words
    if found:
        after = ctx.tokens(found[1].start, q.open_at)
        if len(after) > 1 and is_addressed_passive(after, 1):
            # "Ortiz was asked by host Ben Cole, who …, “…”": the agent speaks, never the
            # subject that was spoken to.
            agent = inverted_subject(ctx, after, 3) if len(after) > 3 and after[2].lower == "by" else None
            return agent is not None and attribute(ctx, q, agent, after[1], "subject")
    if not found or not attribute(ctx, q, found[0], found[1], "subject"):
        return False
    q.cue = found[1].text if found[1].text in SPEECH_FORMS else None
    return True


def previous_sentence(ctx: Context, site: Site) -> bool:
    """A quote that opens a sentence right after a quote-free sentence of the same
    paragraph belongs to that sentence's subject: "Ortiz touted her record as a
    co-sponsor of the bill. “…”", "Cole agreed. “…”"."""
    q, text = site.q, ctx.text
    si = ctx.sentences.index_of(q.open_at)
    s0 = ctx.sentences.spans[si][0] if ctx.sentences.spans else 0
    ps = ctx.paras.span_of(q.open_at)[0]
    if si <= 0 or text[s0 : q.open_at].strip() or ps >= s0:
        return False
    prev_s, prev_e = ctx.sentences.spans[si - 1]
    prev_s = max(prev_s, ps)
    if prev_s >= prev_e or MARK_RE.search(text[prev_s:prev_e]) or any(prev_s <= a < prev_e for a, _ in ctx.quote_spans):
        return False
    found = (
        sentence_subject(ctx, prev_s, prev_e)
        or _as_clause_speaker(ctx, prev_s, prev_e)
        or _closing_cue_speaker(ctx, prev_s, prev_e)
    )
    if not found or not attribute(ctx, q, found[0], found[1], "previous-sentence"):
        return False
    q.cue = None
    return True


def _closing_cue_speaker(ctx: Context, s: int, e: int) -> tuple[tuple[int, int], Token] | None:
    """ "Or the mayor may step in, consultant Ben Cole says.": a sentence that closes on a
    known person and a speech verb after a comma reports that person's words."""
    text = ctx.text
    for a, b, _ in reversed(ctx.person_mentions):
        if not s <= a < e:
            continue
        m = _CLOSING_CUE_RE.match(text, b, e)
        if not m or m.group(1).lower() not in SPEECH_FORMS:
            return None
        head = text[s:a]
        comma = head.rfind(",")
        between = head[comma + 1 :].split()
        if comma < 0 or len(between) > 4 or (between and between[-1].lower() in PREPOSITIONS):
            return None  # "…, after a long talk with Ben Cole.": an object, no speaker
        return (a, b), Token(m.group(1), m.start(1), m.end(1))
    return None


def _as_clause_speaker(ctx: Context, s: int, e: int) -> tuple[tuple[int, int], Token] | None:
    """ "As Ortiz told the Ledger, the plan has stalled.": a sentence that opens with an
    "as" clause of speech reports its subject's words, so the quote after it is theirs too."""
    toks = ctx.tokens(s, e)
    i = 0
    while i < len(toks) and toks[i].lower in CONNECTIVES:
        i += 1
    if i + 2 >= len(toks) or toks[i].lower != "as":
        return None
    # "As coauthor Lena Ortiz told": a known person within the first words, else the phrase.
    near = toks[i + 1].start, toks[min(len(toks) - 1, i + 4)].end
    named = [(a, b) for a, b, _ in ctx.person_mentions if near[0] <= a < near[1]]
    span = named[0] if named else speaker_after(ctx, toks, i + 1)
    if not span or (not named and not toks[i + 1].is_cap and toks[i + 1].lower not in {"he", "she", "the"}):
        return None
    v = next((n for n, t in enumerate(toks) if t.start >= span[1]), None)
    while v is not None and v < len(toks) and is_aux(toks[v]) and toks[v].lower not in SPEECH_FORMS:
        v += 1
    if v is None or v >= len(toks) or toks[v].lower not in SPEECH_FORMS:
        return None
    if _CLAUSE_MARK_RE.search(ctx.text, span[1], toks[v].start):
        return None
    # the clause ends at a comma within a few words of the verb ("told the Ledger,")
    rest = ctx.text[toks[v].end : e]
    comma = rest.find(",")
    if comma < 0 or len(rest[:comma].split()) > 6:
        return None
    return span, toks[v]


def reported_paragraph(ctx: Context, site: Site) -> bool:
    """A quote paragraph right after a quote-free paragraph whose last sentence reports
    speech ("Then, in 2017, Ortiz said that the plan would pass." then "“…”") belongs to
    that sentence's subject."""
    q, text = site.q, ctx.text
    k = ctx.paras.index_of(q.open_at)
    if k <= 0 or ctx.paras.spans[k][0] != q.open_at:
        return False
    ps, pe = ctx.paras.spans[k - 1]
    if MARK_RE.search(text[ps:pe]) or any(ps <= a < pe for a, _ in ctx.quote_spans):
        return False
    si = ctx.sentences.index_of(max(ps, pe - 1))
    ss, se = ctx.sentences.spans[si] if ctx.sentences.spans else (ps, pe)
    last = max(ss, ps), min(se, pe)
    found = sentence_subject(ctx, *last)
    if found and found[1].text not in SPEECH_FORMS and not _THAT_RE.match(text, found[1].end):
        found = None  # "Ortiz speculated that …" reports her words as well as "Ortiz said"
    found = found or _as_clause_speaker(ctx, *last) or _closing_cue_speaker(ctx, *last)
    if not found:
        return False
    if not attribute(ctx, q, found[0], found[1], "reported-paragraph"):
        return False
    q.cue = None  # the verb reports other words; a short fragment here is no quote
    return True


def added_next(ctx: Context, site: Site) -> bool:
    """ "“…” She added, “…”": the cue of the next quote says the same person spoke this one."""
    q = site.q
    return q.added_by is not None and attribute(ctx, q, q.added_by[0], q.added_by[1], "added-next")
