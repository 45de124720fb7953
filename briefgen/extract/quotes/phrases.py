"""Tokens around a cue -> the span of the speaker's noun phrase.

Walking right from a cue's subject position ("said the minister"), left from a verb
("the minister said"), or over a whole subject phrase with its appositives ("Ortiz, 53,
a lawyer, said"). Spans are article offsets; nothing here decides who the speaker is.
"""

from __future__ import annotations

import re

from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.vocab import (
    AUX,
    COMPLEMENTIZERS,
    DETERMINERS,
    LY_NOUNS,
    NAME_PARTICLES,
    NON_NAMES,
    NP_BREAKS,
    PREPOSITIONS,
    QUANTIFIERS,
    REL_BREAKS,
    SPEAKER_NOUNS,
    SPEECH_FORMS,
    SUBJECT_PRONOUNS,
    is_title_word,
)
from briefgen.text import lexicon
from briefgen.text.spans import ABBREVIATIONS, Token

_POSSESSIVE_RE = re.compile(r"[’']s$")
_POSSESSIVE_TAIL_RE = re.compile(r"[’']s?$")
_SENTENCE_PUNCT_RE = re.compile(r"[.;:]\s")
_APPOSITION_RE = re.compile(r",\s+")
_LAST_WORD_RE = re.compile(r"([\w.]+)$")
_SHORT_PAREN_RE = re.compile(r"\s*\([^()]{1,40}\)")
_ABBREV_PERIOD_RE = re.compile(r"\b([\w.]+)\.(?=\s|$)")
_PP_TAIL_RE = re.compile(
    r"\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w.’'&-]*)*"
)
_NAME_GAPS = (" ", ". ")


def plural_speaker(word: str) -> bool:
    """A plural noun for people who speak ("prosecutors", "officials")."""
    return word.endswith("s") and (word in SPEAKER_NOUNS or word[:-1] in SPEAKER_NOUNS)


def is_aux(tok: Token) -> bool:
    """Words allowed between a speaker and the verb: auxiliaries and -ly adverbs ("jokingly")."""
    low = tok.lower
    return low in AUX or (low.endswith("ly") and len(low) > 4 and not tok.is_cap and low not in LY_NOUNS)


def is_abbrev(tok: Token) -> bool:
    return tok.lower in ABBREVIATIONS or len(tok.text) == 1


def abbrev_before(text: str, pos: int) -> bool:
    """Is the period at ``pos`` the end of an abbreviation or an initial ("Sen.", "B.")?"""
    word = _LAST_WORD_RE.search(text[max(0, pos - 12) : pos])
    w = word.group(1).lower() if word else ""
    return w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or "." in w


def verb_like(tok: Token) -> bool:
    """A lower-case past or present verb form ("barked", "opines"), not a function word."""
    low = tok.text
    return (
        low.islower()
        and len(low) > 3
        and low.endswith(("ed", "es", "s"))
        and not low.endswith(("ss", "us", "is"))
        and low not in NON_NAMES
    )


def _description_continues(ctx: Context, toks: list[Token], i: int, j: int) -> bool:
    """Does the description that opened at toks[i] go on with toks[j]?"""
    text, t = ctx.text, toks[j]
    gap = text[toks[j - 1].end : t.start]
    return (
        j - i <= 6
        and t.lower not in SPEECH_FORMS
        # "The State Department of Agriculture notes": "of" inside a capitalised name
        and (
            t.lower not in REL_BREAKS
            or (t.lower == "of" and toks[j - 1].is_cap and j + 1 < len(toks) and toks[j + 1].is_cap)
        )
        and not (is_aux(t) and j + 1 < len(toks) and toks[j + 1].lower in SPEECH_FORMS)
        # "The Republican candidate appeared to …": a past verb after the head noun
        and not (
            t.lower.endswith("ed") and (toks[j - 1].lower in SPEAKER_NOUNS or (toks[j - 1].is_cap and t.text.islower()))
        )
        # "Her campaign quickly sent supporters …": an adverb after the head noun
        and not (t.lower.endswith("ly") and t.lower not in LY_NOUNS and toks[j - 1].lower in SPEAKER_NOUNS)
        and (gap in (" ", "’s ", "'s ") or gap == ". " and is_abbrev(toks[j - 1]))
    )


def speaker_after(ctx: Context, toks: list[Token], i: int) -> tuple[int, int] | None:
    """Span of a speaker noun phrase starting at toks[i], or None."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t.lower in SUBJECT_PRONOUNS:
        return t.start, t.end
    if t.lower in DETERMINERS:
        j = i + 1
        if (
            t.lower in QUANTIFIERS
            and j + 1 < len(toks)
            and toks[j].lower == "of"
            and toks[j + 1].lower in DETERMINERS | {"those", "the"}
        ):
            j += 2  # "one of those advisers", "two of his aides": the head comes after "of"
        # "a Democratic strategist who spoke …", "one source familiar with": the phrase
        # ends before a relative pronoun or a preposition.
        while j < len(toks) and _description_continues(ctx, toks, i, j):
            j += 1
        if j == i + 1 and t.lower in {"another", "one", "others"} and (j == len(toks) or toks[j].lower in SPEECH_FORMS):
            return t.start, t.end  # "“…,” tweeted another."
        return (t.start, toks[j - 1].end) if j > i + 1 else None
    if t.is_cap:
        j = i + 1
        while (
            j < len(toks)
            and (toks[j].is_cap or toks[j].lower in NAME_PARTICLES)
            and ctx.text[toks[j - 1].end : toks[j].start] in _NAME_GAPS
        ):
            j += 1
        return t.start, toks[j - 1].end
    return None


def apposed_name(ctx: Context, end: int) -> tuple[int, int] | None:
    """The known person named in apposition right after ``end`` (", Ben Cole,"), or None."""
    app = _APPOSITION_RE.match(ctx.text[end : end + 3])
    return next(((a, b) for a, b, _ in ctx.person_mentions if app and a == end + app.end()), None)


def _inverted_np_end(ctx: Context, toks: list[Token], i: int) -> int:
    """Index after the noun phrase of an inverted subject opening at toks[i]."""
    j = i
    while j < len(toks) and j - i < 12:
        if j > i:
            gap = ctx.text[toks[j - 1].end : toks[j].start]
            if gap not in (" ", ". ", "\u00a0") or (gap == ". " and not is_abbrev(toks[j - 1])):
                break
            if toks[j].lower in NP_BREAKS or toks[j].lower in SPEECH_FORMS:
                break
            if toks[j].lower == "and" and not (j + 1 < len(toks) and toks[j + 1].is_cap):
                break
        j += 1
    return j


def inverted_subject(ctx: Context, toks: list[Token], i: int) -> tuple[int, int] | None:
    """The subject after an inverted cue: "said Republican pollster Lena Ortiz of Ohio".

    The noun phrase runs to the first comma, bracket or preposition. Its head is its last
    word: a capitalised head is a name (a known person inside the phrase wins), a lower-case
    head is a description kept as written ("said Ortiz spokeswoman" is not Ortiz).
    """
    text = ctx.text
    if i >= len(toks) or toks[i].lower in COMPLEMENTIZERS:
        return None  # "…,” adding that it’s why the mayor …": no subject follows
    if toks[i].lower in SUBJECT_PRONOUNS or toks[i].lower in DETERMINERS:
        return speaker_after(ctx, toks, i)
    np = toks[i : _inverted_np_end(ctx, toks, i)]
    if np and not toks[i].is_cap:
        # "said former secretary of state Lena Ortiz, who …", "said master of ceremonies
        # Ben Cole,": a known person before the first comma.
        clause_end = text.find(",", toks[i].start, toks[min(len(toks), i + 9) - 1].end + 1)
        limit = clause_end if clause_end >= 0 else toks[min(len(toks), i + 9) - 1].end
        named = ctx.named_within(toks[i].start, limit)
        if named and not _SENTENCE_PUNCT_RE.search(text[toks[i].start : named[0][0]]):
            return named[0]
    if np and len(np) > 1 and _POSSESSIVE_RE.search(np[0].text) and np[-1].lower in SPEAKER_NOUNS:
        # "said Ortiz’s deputy campaign manager, Ben Cole, who …": the name in apposition,
        # else the description as written.
        return apposed_name(ctx, np[-1].end) or (np[0].start, np[-1].end)
    if not np or not np[-1].is_cap or np[-1].lower in NON_NAMES:
        if np and toks[i].is_cap:
            return speaker_after(ctx, toks, i)
        return None
    named = ctx.named_within(np[0].start, np[-1].end)
    if named:
        return named[-1]
    a = len(np) - 1
    while a > 0 and np[a - 1].is_cap and not is_title_word(np[a - 1].text) and text[np[a - 1].end : np[a].start] == " ":
        a -= 1
    return np[a].start, np[-1].end


def speaker_before(ctx: Context, toks: list[Token], k: int) -> tuple[int, int] | None:
    """Span of the speaker noun phrase ending at toks[k] (walking left), or None."""
    if k < 0:
        return None
    t = toks[k]
    if t.lower in SUBJECT_PRONOUNS:
        return t.start, t.end
    if t.lower in REL_BREAKS:
        return None  # "… Ann Read who tweeted": the relative pronoun is no speaker
    if t.is_cap:
        return _name_before(ctx, toks, k)
    return _description_before(ctx, toks, k)


def _participle_follows(toks: list[Token], k: int) -> bool:
    return k + 1 < len(toks) and toks[k + 1].lower.endswith("ing") and toks[k + 1].lower in SPEECH_FORMS


def _name_before(ctx: Context, toks: list[Token], k: int) -> tuple[int, int] | None:
    """A capitalised name ending at toks[k], unless it is the object of a preposition."""
    text, t = ctx.text, toks[k]
    j = k
    while (
        j - 1 >= 0
        and (toks[j - 1].is_cap or toks[j - 1].lower in NAME_PARTICLES | lexicon.title_words())
        and text[toks[j - 1].end : toks[j].start] in _NAME_GAPS
    ):
        if toks[j - 1].lower in NON_NAMES and toks[j - 1].lower not in lexicon.title_words():
            break
        if not toks[j - 1].is_cap and toks[j - 1].lower not in NAME_PARTICLES:
            break  # "Ortiz spokesman Ben Cole": the name, not the description
        j -= 1
    # "Bishop Karl Meyer of the Northern Diocese told": the person, not the place he
    # is of (a known person, then only "of/at/from [the]" and capitalised words).
    for a, b, who in ctx.person_mentions:
        if (
            b <= toks[j].start
            and toks[j].start - b < 60
            and who.kind == "person"
            and _PP_TAIL_RE.fullmatch(text, b, t.end)
        ):
            return a, b
    p = j - 1
    if (
        p > 0
        and toks[p].lower in {"the", "a", "an", "his", "her", "their", "its"}
        and text[toks[p].end : toks[j].start] == " "
    ):
        p -= 1  # "obtained by The Daily Ledger", "on his Facebook page"
    titled = p > 0 and toks[p].lower == "of" and is_title_word(toks[p - 1].text)  # "Speaker of the House Rep. Ann Read"
    if p >= 0 and toks[p].lower in PREPOSITIONS and text[toks[p].end : toks[p + 1].start] == " " and not titled:
        # "wrote on Facebook", "speaking to Channel 4": not the subject; but "footage of
        # Lena Ortiz asking": the participle's subject follows "of".
        if not (toks[p].lower == "of" and _participle_follows(toks, k) and text[t.end : toks[k + 1].start] == " "):
            return None
    # "the Foreign Ministry", "a Reuters reporter" keep their determiner
    return toks[j].start, t.end


def _description_before(ctx: Context, toks: list[Token], k: int) -> tuple[int, int] | None:
    """ "the minister", "a police spokesperson", "the company's chief executive" ending at toks[k]."""
    text, t = ctx.text, toks[k]
    j = k
    while j >= 0 and k - j <= 6:
        # "the 41-year-old father of two replied": a number after "of" ends the phrase.
        if toks[j].lower in DETERMINERS and not (j == k and j > 0 and toks[j - 1].lower == "of"):
            if j == k:
                return None
            p = j - 1
            if p >= 0 and toks[p].lower in PREPOSITIONS and text[toks[p].end : toks[j].start] == " ":
                # "the agency's analysis of its own figures concluded", "leads in the polls,
                # telling": the object of a preposition is not the subject, unless a
                # participle follows ("footage of a guard saying", "with one poster writing").
                if not (toks[p].lower in {"of", "with"} and _participle_follows(toks, k)):
                    return None
            return toks[j].start, t.end
        if (
            j != k
            and toks[j].is_cap
            and _POSSESSIVE_WORD_RE.search(toks[j].text)
            and t.lower in SPEAKER_NOUNS
            and t.lower not in lexicon.words("document_nouns")
        ):
            # "Gov. Varga's spokesman said", "Mrs. Berg's campaign said": a named
            # possessor stands where the determiner would; the name opens the phrase.
            # (A document's owner is found by the cue rules: "the Board's report said".)
            owner = _name_before(ctx, toks, j)
            return (owner[0], t.end) if owner else None
        if text[toks[j].end : toks[min(j + 1, k)].start].strip(" ’'s") and j != k:
            return None
        j -= 1
    if t.lower in lexicon.ROLE_NOUNS and t.lower.endswith("s"):
        return t.start, t.end  # "officials said"
    return None


def np_clean(phrase: str) -> str:
    """The phrase without short parentheticals and abbreviation periods ("Sen.", "(D-Ohio)"),
    so that what is left shows real sentence punctuation only."""
    phrase = _SHORT_PAREN_RE.sub("", phrase)
    return _ABBREV_PERIOD_RE.sub(
        lambda m: m.group(1) if abbrev_before(m.group(0), len(m.group(0)) - 1) else m.group(0), phrase
    )


_COMMA_RE = re.compile(r",\s*")
_POSSESSIVE_WORD_RE = re.compile(r"[’']s\b")


def subject_np(ctx: Context, start: int, end: int, appositive: bool) -> tuple[int, int] | None:
    """The speaker inside a subject noun phrase text[start:end] that precedes its verb.

    With ``appositive`` (a comma before the verb: "Cole, who gave money to Ortiz, said")
    the subject is the first comma segment, or the name right after a descriptive one
    ("Ms. Ortiz's spokesman, Ben Cole,"). Otherwise a comma ends an introductory
    phrase ("as his father dreamed, Mr. Cole said") and the last segment is the subject.
    """
    text = ctx.text
    cuts = [start] + [start + m.end() for m in _COMMA_RE.finditer(text[start:end])]
    segs = [(a, b) for a, b in zip(cuts, [c - 1 for c in cuts[1:]] + [end])]
    segs = [(a, len(text[:b].rstrip(" ,"))) for a, b in segs]
    segs = [(a, b) for a, b in segs if b > a]
    if not segs:
        return None
    if appositive and len(segs) > 1:
        first = np_speaker(ctx, *segs[0], possessive_ok=False)
        if first:
            return first
        if (
            _POSSESSIVE_WORD_RE.search(text[segs[0][0] : segs[0][1]])
            or text[segs[0][0] : segs[0][1]].split()[0].lower() in DETERMINERS
        ):
            second = np_speaker(ctx, *segs[1], possessive_ok=False)
            if second and text[second[0]][:1].isupper():
                return second
        return np_speaker(ctx, *segs[0], possessive_ok=True, description=True)
    if len(segs) > 1 and not appositive:
        last = np_speaker(ctx, *segs[-1], possessive_ok=False)
        if last:
            return last
    return np_speaker(ctx, start, end, possessive_ok=True, description=True)


def np_speaker(
    ctx: Context, start: int, end: int, possessive_ok: bool, description: bool = False
) -> tuple[int, int] | None:
    """A pronoun, known person, capitalised name or (with ``description``) determiner +
    speaker noun that makes up the phrase text[start:end]."""
    text = ctx.text
    toks = ctx.tokens(start, end)
    if not toks:
        return None
    if len(toks) == 1 and toks[0].lower in {"he", "she"}:
        return toks[0].start, toks[0].end
    named = ctx.named_within(start, end)
    if not possessive_ok:
        named = [(a, b) for a, b in named if not _POSSESSIVE_WORD_RE.match(text[b : b + 3])]
    last = toks[-1]
    head = _POSSESSIVE_TAIL_RE.sub("", last.lower)
    # "Ortiz's former campaign strategist said": the possessor's speaker, kept as written.
    owner = next((i for i, t in enumerate(toks) if _POSSESSIVE_RE.search(t.text) and t.is_cap), None)
    if (
        description
        and owner is not None
        and owner < len(toks) - 1
        and all(t.text.islower() for t in toks[owner + 1 :])
        and head in SPEAKER_NOUNS
    ):
        return toks[owner].start, end
    if named:
        return named[-1]
    if description and toks[0].lower in DETERMINERS and (head in SPEAKER_NOUNS or last.text in lexicon.demonyms()):
        return start, end
    if description and len(toks) <= 4 and all(t.text.islower() for t in toks) and plural_speaker(head):
        return start, end  # "federal prosecutors wrote"
    if last.is_cap and last.lower not in NON_NAMES and (possessive_ok or not _POSSESSIVE_RE.search(last.text)):
        a = len(toks) - 1
        while a > 0 and toks[a - 1].is_cap and text[toks[a - 1].end : toks[a].start] in (" ", ". ", "\u00a0"):
            a -= 1
        return toks[a].start, last.end
    return None
