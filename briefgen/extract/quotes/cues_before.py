"""Rules that find the cue before the quote: "Ortiz said, “…”", "Said Ortiz, “…”",
"As Cole put it, “…”", "Ortiz issued a statement: “…”", "Cole cracked, “…”", and a
clause that introduces the quote with a colon.

Each takes (context, site) and returns whether it attributed the quote.
"""

from __future__ import annotations

import re

from briefgen.extract.quotes.clauses import (
    after_preposition,
    clause_subject,
    is_addressed_passive,
    phrasal,
    skip_to_infinitive,
)
from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.phrases import (
    inverted_subject,
    is_aux,
    speaker_after,
    speaker_before,
    subject_np,
    verb_like,
)
from briefgen.extract.quotes.site import Site
from briefgen.extract.quotes.speakers import attribute, plausible, resolve_pronoun
from briefgen.extract.quotes.vocab import (
    DETERMINERS,
    HOLDER_PARTICIPLES,
    NAMING_VERBS,
    OBJECT_VERBS,
    PARTICLES,
    PUT_IT_ADVERBS,
    SPEAKER_NOUNS,
    SPEECH_FORMS,
    STATEMENT_NOUNS,
    STATEMENT_VERBS,
    SUBJECT_PRONOUNS,
    alternation,
    is_title_word,
)
from briefgen.text import lexicon
from briefgen.text.spans import Token

_INVERTED_TAIL_RE = re.compile(r"(?:,[^“”\"]{0,120})?\s*[,:]\s*")
_TO_QUOTE_RE = re.compile(r"[\s,:—–-]*")
_PAREN_END_RE = re.compile(r"\)\s*,?\s*")
_SHORT_PAREN_RE = re.compile(r"\s*\([^()]{1,40}\),?")
_SHORT_PAREN_ONLY_RE = re.compile(r"\s*\([^()]{1,40}\)")
_NOT_WORDS_RE = re.compile(r"[^\w\s-]")
_POSSESSIVE_END_RE = re.compile(r"[’']s$")
_POSSESSIVE_RE = re.compile(r"[’']s\b")
# "Anton Berger, chairman of the guild stated, “…”": an appositive whose closing
# comma was left out.
_OPEN_APPOSITIVE_RE = re.compile(r",\s+(?:[^,.;:“”\"]|(?<=[A-Z])\.){3,80}\s+")
_WHO_RE = re.compile(r",\s+who\b")
_LABEL_AFTER_RE = re.compile(r"\s+[-–—]\s+[A-Z][^:“”\"\n]{1,60}:\s*$")
_RELATIVE_BREAK_RE = re.compile(r"[,;:.!?()“”\"—–]")
_STATEMENT_RE = re.compile(
    rf"\b({alternation(STATEMENT_VERBS)})\s+(?:a|an|the|this)\s+(?:[a-z-]+\s+){{0,2}}"
    rf"(?:{alternation(STATEMENT_NOUNS)})(?:\s+(?:to|on)\s+[^,:“”\"]{{1,40}})?\s*[,:]\s*$"
)
_PUT_IT_RE = re.compile(
    rf"\b[Aa]s\s+(?P<np>[^;:!?“”\"]{{2,160}}?)\s+(?:(?:{alternation(PUT_IT_ADVERBS)})\s+)?put\s+it(?:\s+\w+){{0,3}}\s*[,:—–-]?\s*$"
)
# "<Name>'s [modifiers] <document noun> [of/on/about …] [aux] <verb>", opening its clause.
_DOC_SUBJECT_RE = re.compile(
    r"(?:^|(?<=[,;]\s)|(?<=^The\s))(?P<owner>[A-Z][\w.&-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w.&-]*){0,4})['’]s\s+"
    rf"(?:[a-z-]+\s+){{0,3}}(?:{alternation(lexicon.words('document_nouns'))})"
    r"(?:\s+(?:of|on|about|into|by)\s+[^,;:“”\"]{1,60}?)?\s+(?:\w+ly\s+|has\s+|had\s+)?$"
)
_POSSESSIVE_SOURCE_RE = re.compile(
    r"(?:(?P<prep>\b(?:[Ii]n|[Ff]rom)\s+(?:the\s+)?)|^(?:The\s+)?)"
    r"(?P<owner>[A-Z][\w.&-]*(?:\s+(?:of\s+)?[A-Z][\w.&-]*){0,3})['’]s?\s+(?:own\s+)?(?:[a-z-]+\s+){0,2}"
    rf"(?P<noun>{alternation(lexicon.words('speech_nouns'))})"
    r"(?:\s+(?P<verb>was|is|reads|read|went|goes|came))?\s*[,:—–-]?\s*$"
)
_PRONOUN_SOURCE_RE = re.compile(
    r"(?P<prep>\b[Ii]n\s+)?\b(?P<owner>[Hh]is|[Hh]er)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}"
    rf"(?P<noun>{alternation(lexicon.words('speech_nouns'))})"
    r"(?:\s+(?P<that>that)|\s+(?P<verb>was|is))?\s*[,:—–-]?\s*$"
)
_COMMA_OR_COLON_RE = re.compile(r"\s*[,:]\s*")
_CLAUSE_BREAK_RE = re.compile("[,—–]")


def _inverted_before(ctx: Context, site: Site, vi: int) -> bool:
    """An inverted cue that opens its clause and introduces the quote: "Said Ann Read,
    who grew up with Ortiz, “…”", "…, explained Cole, “…”"."""
    toks, text = site.before_tokens, ctx.text
    v = toks[vi]
    if vi + 1 >= len(toks) or not toks[vi + 1].is_cap or v.lower.endswith("ing"):
        return False
    if vi > 0 and text[toks[vi - 1].end : v.start].strip() != ",":
        return False
    span = inverted_subject(ctx, toks, vi + 1)
    if not span or not _INVERTED_TAIL_RE.fullmatch(text[span[1] : site.before[1]]):
        return False
    return attribute(ctx, site.q, span, v, "cue-before-inverted")


def cue_before(ctx: Context, site: Site) -> bool:
    """A speech verb among the last words before the quote and its subject."""
    toks, text = site.before_tokens, ctx.text
    if not toks:
        return False
    if toks[0].lower in SPEECH_FORMS and _inverted_before(ctx, site, 0):
        return True  # "Said Ann Read, who grew up with Ortiz in the neighborhood, “…”"
    # The cue must be close to the quote: at most 8 words between verb and quote.
    for vi in range(len(toks) - 1, max(-1, len(toks) - 10), -1):
        v = toks[vi]
        if v.lower == "according" and vi + 1 < len(toks) and toks[vi + 1].lower == "to":
            span = speaker_after(ctx, toks, vi + 2)
            if (
                span
                and _TO_QUOTE_RE.fullmatch(text[span[1] : site.before[1]])
                and attribute(ctx, site.q, span, v, "according-to")
            ):
                return True
            continue
        if is_addressed_passive(toks, vi):
            # "Ortiz was asked by host Ben Cole, “…”": the agent speaks; with no agent
            # ("Ortiz was asked, “…”") the subject was only spoken to, and nobody is named.
            return _passive_agent(ctx, site, vi)
        if v.lower not in SPEECH_FORMS:
            continue
        if _LABEL_AFTER_RE.match(text, v.end, site.before[1]):
            return False  # "Pollsters agree - Ann Read: “…”": a headline, then its source's label
        if v.is_cap and vi > 0 and f"{toks[vi - 1].text} {v.text}" in lexicon.places():
            continue  # "the United States": a name, not "states"
        if _inverted_before(ctx, site, vi):
            return True
        span = _subject_of_verb(ctx, toks, vi) or _document_owner(ctx, toks, vi) or _held_document(ctx, toks, vi)
        if span is not None and attribute(ctx, site.q, span, v, "cue-before"):
            return True
    return False


def _passive_agent(ctx: Context, site: Site, vi: int) -> bool:
    toks = site.before_tokens
    if vi + 2 >= len(toks) or toks[vi + 1].lower != "by":
        return False
    span = inverted_subject(ctx, toks, vi + 2)
    if not span or not _INVERTED_TAIL_RE.fullmatch(ctx.text[span[1] : site.before[1]]):
        return False
    return attribute(ctx, site.q, span, toks[vi], "cue-before")


def _held_document(ctx: Context, toks: list[Token], vi: int) -> tuple[int, int] | None:
    """ "A leaked internal letter seen by the Courier says “…”": the document before a
    participle of who holds it speaks (for its author), not the holder."""
    p = next((i for i in range(vi - 1, max(0, vi - 8), -1) if toks[i].lower in HOLDER_PARTICIPLES), None)
    if p is None or p + 1 >= vi or toks[p + 1].lower != "by" or "," in ctx.text[toks[p].start : toks[vi].start]:
        return None
    span = speaker_before(ctx, toks, p - 1)
    if not span or ctx.text[span[0] : span[1]].split()[-1].lower() not in lexicon.words("document_nouns"):
        return None
    return span[0], toks[vi - 1].end


def _document_owner(ctx: Context, toks: list[Token], vi: int) -> tuple[int, int] | None:
    """ "The Ledger's latest analysis of its own figures concluded, “…”": a document
    subject speaks with its owner's words; the name before the possessive is the speaker."""
    start = toks[0].start
    m = _DOC_SUBJECT_RE.search(ctx.text[start : toks[vi].start])
    if not m or m.group("owner").lower() in DETERMINERS:
        return None
    return start + m.start("owner"), start + m.end("owner")


def _subject_index(ctx: Context, toks: list[Token], vi: int) -> int:
    """Index of the last word of the verb's subject: over auxiliaries, "went on to", and a
    short parenthesis ("Gov. Ben Cole (R-Ohio), said"); -1 when there is none."""
    text, v = ctx.text, toks[vi]
    k = vi - 1
    while k >= 0 and is_aux(toks[k]) and toks[k].lower not in SUBJECT_PRONOUNS:
        k -= 1
    k = skip_to_infinitive(text, toks, k)
    if k >= 0 and _PAREN_END_RE.fullmatch(text[toks[k].end : v.start]):
        paren = text.rfind("(", toks[0].start, toks[k].end)
        while k >= 0 and toks[k].start > paren:
            k -= 1
        if k >= 0 and text[toks[k].end : paren].strip():
            k = -1
    return k


def _subject_of_verb(ctx: Context, toks: list[Token], vi: int) -> tuple[int, int] | None:
    """The speaker of the speech verb toks[vi], looking left."""
    text, v = ctx.text, toks[vi]
    k = _subject_index(ctx, toks, vi)
    if k >= 0 and (rel := _restrictive_relative(ctx, toks, k, vi)):
        return rel
    span = None
    if k >= 0 and toks[k].lower in {"and", "but", "then"}:
        # "Ortiz called on him to resign and said, “…”": the subject opens the clause.
        span = clause_subject(ctx, toks[:k])
    elif k >= 0 and not _NOT_WORDS_RE.search(_SHORT_PAREN_RE.sub("", text[toks[k].end : v.start])):
        span = _object_or_subject(ctx, toks, k)
    if (
        span is None
        and v.lower.endswith("ing")
        and k >= 1
        and toks[k].lower in SPEECH_FORMS
        and text[toks[k].end : v.start].strip() == ","
    ):
        span = _first_verb_subject(ctx, toks, k)  # "Cole said, adding": the subject of the first verb
    # "…, adding: “…”" and "Ortiz spoke at the summit, saying “…”": the subject of the
    # clause is further left.
    if span is None and v.lower.endswith("ing") and k >= 0:
        span = clause_subject(ctx, toks[: k + 1])
    if (
        span is None
        and k >= 0
        and (
            _SHORT_PAREN_ONLY_RE.sub("", text[toks[k].end : toks[k + 1].start]).strip() == ","
            or toks[k].lower in {"and", "but", "then"}
        )
    ):
        span = clause_subject(ctx, toks[: k + 1])  # "Ortiz, who is on a trip, said", "Cole ... but told his supporters"
    if span is None and k >= 1 and toks[k].lower == "who":
        span = _relative_antecedent(ctx, toks, k)
    if k >= 1 and (span is None or span[0] > toks[0].end):
        span = _opening_person(ctx, toks, k, vi) or span
    return span


def _restrictive_relative(ctx: Context, toks: list[Token], k: int, vi: int) -> tuple[int, int] | None:
    """ "a council official who spoke anonymously to discuss the budget said, “…”": a relative
    clause with no comma between the subject and its verb; the noun before "who" speaks."""
    text = ctx.text
    for w in range(k, max(0, k - 12), -1):
        if toks[w].lower != "who":
            continue
        if w < 1 or w == k or _RELATIVE_BREAK_RE.search(text, toks[w - 1].end, toks[vi].start):
            return None
        span = speaker_before(ctx, toks, w - 1)
        if not (span and text[span[0] : span[1]].split()[0].lower() in DETERMINERS | SUBJECT_PRONOUNS):
            span = next(((a, b) for a, b, _ in ctx.person_mentions if b == toks[w - 1].end), None)
        # The noun opens its clause ("…, a council official who …"), or it is an object
        # ("praised the woman who raised him and said").
        first = next((n for n, t in enumerate(toks) if span and t.start == span[0]), None)
        if first is None or (first > 0 and "," not in text[toks[first - 1].end : toks[first].start]):
            return None
        return span
    return None


def _object_or_subject(ctx: Context, toks: list[Token], k: int) -> tuple[int, int] | None:
    """The noun phrase ending at toks[k]; when it is a description that is the object of a
    verb ("Ortiz issued a statement saying"), what carried the words: the clause's subject
    spoke them."""
    text = ctx.text
    span = speaker_before(ctx, toks, k)
    if not span or text[span[0] : span[1]].split()[0].lower() not in DETERMINERS:
        return span
    d = next(i for i, t in enumerate(toks) if t.start == span[0])
    if d > 1 and toks[d - 1].lower in PARTICLES and (verb_like(toks[d - 2]) or toks[d - 2].lower in OBJECT_VERBS):
        d -= 1  # "The mayor's office put out a note saying", "sent out an email"
    if (
        d > 0
        and (verb_like(toks[d - 1]) or toks[d - 1].lower in OBJECT_VERBS)
        and text[toks[d - 1].end : toks[d].start] == " "
    ):
        return clause_subject(ctx, toks[: d - 1])
    return span


def _first_verb_subject(ctx: Context, toks: list[Token], k: int) -> tuple[int, int] | None:
    j = k - 1
    while j >= 0 and is_aux(toks[j]):
        j -= 1
    # ... but "the mayor’s comments, telling": a possessor before a noun is no subject.
    if j >= 0 and not ctx.text[toks[j].end : toks[k].start].strip() and not _POSSESSIVE_END_RE.search(toks[j].text):
        return speaker_before(ctx, toks, j)
    return None


def _relative_antecedent(ctx: Context, toks: list[Token], k: int) -> tuple[int, int] | None:
    """ "this post from Ann Read who tweeted, “…”": the person the relative clause is about."""
    text = ctx.text
    named = [(a, b) for a, b, _ in ctx.person_mentions if b == toks[k - 1].end]
    j = k - 1
    while j > 0 and toks[j - 1].is_cap and text[toks[j - 1].end : toks[j].start] == " ":
        j -= 1
    if not named and toks[k - 1].is_cap and k - j >= 2 and plausible(ctx, text[toks[j].start : toks[k - 1].end]):
        named = [(toks[j].start, toks[k - 1].end)]  # a full name the list missed
    return named[0] if named else None


def _opening_person(ctx: Context, toks: list[Token], k: int, vi: int) -> tuple[int, int] | None:
    """ "Ann Read, president and CEO of the association stated, “…”": an appositive whose
    closing comma was left out, after the clause's first name; "Cole, who has in the past
    described Ortiz as “…”": a relative clause the same way."""
    text, v = ctx.text, toks[vi]
    named = [(a, b) for a, b, _ in ctx.person_mentions if a == toks[0].start]
    if named and _OPEN_APPOSITIVE_RE.fullmatch(text[named[0][1] : v.start]) and (
        any(is_title_word(t.text) or t.lower in SPEAKER_NOUNS for t in toks[1 : k + 1])
        or _WHO_RE.match(text[named[0][1] :])
    ):
        return named[0]
    return None


def put_it(ctx: Context, site: Site) -> bool:
    """ "As Sen. Ann Read, the No. 2 in the party leadership, put it: “…”": the phrase
    between "as" and "put it" is the speaker, appositives and all."""
    text = ctx.text
    m = _PUT_IT_RE.search(text, site.before[0], site.before[1])
    if not m:
        return False
    start, end = m.start("np"), m.end("np")
    span = subject_np(ctx, start, len(text[:end].rstrip(" ,")), text[:end].rstrip().endswith(","))
    toks = ctx.tokens(end, site.before[1])
    return span is not None and bool(toks) and attribute(ctx, site.q, span, toks[0], "put-it")


def statement(ctx: Context, site: Site) -> bool:
    """ "Ortiz issued a statement, “…”", "her campaign sent out an email: “…”": the words
    are the statement's; its sender is the clause's subject."""
    m = _STATEMENT_RE.search(ctx.text, site.before[0], site.before[1])
    if not m:
        return False
    head = [t for t in site.before_tokens if t.end <= m.start()]
    span = clause_subject(ctx, head) if head else None
    return span is not None and attribute(ctx, site.q, span, Token(m.group(1), m.start(1), m.end(1)), "statement")


def possessive_source(ctx: Context, site: Site) -> bool:
    """ "In Ortiz's words, “…”", "Cole's reply was: “…”", "From the Board's post: “…”": the
    possessor of the words (or of the document) right before the quote speaks."""
    start, end = site.before
    m = _POSSESSIVE_SOURCE_RE.search(ctx.text[start:end])
    if not m:
        return _pronoun_source(ctx, site)
    if not (m.group("prep") or m.group("verb")):
        return False
    owner = (start + m.start("owner"), start + m.end("owner"))
    noun = Token(m.group("noun"), start + m.start("noun"), start + m.end("noun"))
    if not attribute(ctx, site.q, owner, noun, "possessive-source"):
        return False
    site.q.cue = None
    return True


def _pronoun_source(ctx: Context, site: Site) -> bool:
    """ "In his words, “…”", "after her March comment that, “…”": the person the possessive
    pronoun stands for."""
    start, end = site.before
    m = _PRONOUN_SOURCE_RE.search(ctx.text[start:end])
    if not m or not (m.group("prep") or m.group("that") or m.group("verb")):
        return False
    pronoun = m.group("owner")
    speaker = resolve_pronoun(ctx, start + m.start("owner"), "he" if pronoun.lower() == "his" else "she")
    if not speaker:
        return False
    q = site.q
    q.speaker, q.mention, q.cue, q.cue_at = speaker, pronoun, None, start + m.start("noun")
    q.mention_span = (start + m.start("owner"), start + m.end("owner"))
    q.rule, q.confidence = "possessive-source+pronoun", 0.6
    return True


def cue_before_verb(ctx: Context, site: Site) -> bool:
    """ "Ann Read cracked, “…”": a name or he/she, one unknown verb, a comma or colon, the
    quote. The mirror image of cue-after-verb."""
    toks, text = site.before_tokens, ctx.text
    is_phrasal = len(toks) >= 3 and phrasal(toks, len(toks) - 2)  # "Ortiz shot back, “…”"
    if not (
        len(toks) >= 2
        and (verb_like(toks[-1]) or is_phrasal)
        and _COMMA_OR_COLON_RE.fullmatch(text[toks[-1].end : site.before[1]])
    ):
        return False
    subj = toks[-3] if is_phrasal else toks[-2]
    named = [(a, b) for a, b, _ in ctx.person_mentions if b == subj.end]
    span = (subj.start, subj.end) if subj.lower in {"he", "she"} else named[0] if named else None
    if span is None and is_phrasal and subj.is_cap and plausible(ctx, subj.text):
        span = (subj.start, subj.end)  # "shot back", "fired back" are speech whoever the subject
    return (
        span is not None
        and not _POSSESSIVE_RE.match(text[span[1] : span[1] + 3])
        and attribute(ctx, site.q, span, toks[-1], "cue-before-verb")
    )


def colon(ctx: Context, site: Site) -> bool:
    """ "…, as Ann Read observed, the stage itself:" and other colon introductions, but not
    a name given to something ("Cole dubbed the feud: “Town vs. Gown”")."""
    toks, text, (w0, w1) = site.before_tokens, ctx.text, site.before
    if not text[w0:w1].rstrip().endswith(":") or any(t.lower in NAMING_VERBS for t in toks):
        return False
    if len(toks) > 1 and is_addressed_passive(toks, len(toks) - 1):
        return False  # "Ortiz was asked: “…”": she was spoken to (an agent is cue-before's)
    span = clause_subject(ctx, toks, names=False)
    # Only the clause's subject introduces the quote: a name deep inside the clause
    # ("a poll that put Ortiz ahead:") is usually what the quote is about.
    commas = [m.end() for m in _CLAUSE_BREAK_RE.finditer(text[w0 : span[0] if span else 0])]
    clause_start = w0 + commas[-1] if commas else w0
    if span and len([t for t in toks if clause_start <= t.start < span[0]]) > 8:
        span = None
    if span is None:
        # "… doesn’t surprise Republican pollster Ann Read: “…”": a person named right
        # before the colon (not after a preposition: "… for Ortiz:") introduces it.
        colon_at = text.rindex(":", w0, w1)
        named = [(a, b) for a, b, _ in ctx.person_mentions if w0 <= a and b == colon_at]
        n = next((i for i, t in enumerate(toks) if named and t.start == named[0][0]), None)
        if named and n is not None and not after_preposition(ctx, toks, n):
            span = named[0]
    if not span or not attribute(ctx, site.q, span, toks[-1], "colon"):
        return False
    site.q.cue = None
    return True
