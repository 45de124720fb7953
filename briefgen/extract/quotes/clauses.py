"""Tokens of a clause or sentence -> its subject (the likely speaker) and verb.

The first pronoun or known person that is not a possessor nor the object of a
preposition, after connectives, introductory phrases and subordinate clauses.
"""

from __future__ import annotations

import re

from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.phrases import apposed_name, is_aux, speaker_after, verb_like
from briefgen.extract.quotes.speakers import plausible
from briefgen.extract.quotes.vocab import (
    ADDRESSED_VERBS,
    CONNECTIVES,
    COPULAS,
    DETERMINERS,
    INTRO_WORDS,
    NON_NAMES,
    PARTICLES,
    PASSIVE_AUX,
    PHRASAL_VERBS,
    PREPOSITIONS,
    ROLE_LINKS,
    ROLE_NOUNS,
    SPEAKER_NOUNS,
    SPEECH_FORMS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TO_VERBS,
    is_title_word,
)
from briefgen.text.spans import Token

_CLAUSE_PUNCT_RE = re.compile(r"[,;:]")
_POSSESSIVE_RE = re.compile(r"[’']s\b")
_POSSESSIVE_TAIL_RE = re.compile(r"[’']s?$")
_WORDS_ONLY_RE = re.compile(r"[\w\s]*")
_ROLE_WORD_RE = re.compile(r" ([A-Za-z]+)(?= )")
# "(R-Ohio)", ", 53,", " -- a lawyer who lost in 2008 --": asides between a subject and its verb.
_PAREN_OR_AGE_RE = re.compile(r"^\s*(?:\([^)]{1,30}\)|,[^,“”\"]{1,120},|(?:--|—|–)[^“”\"—–]{1,100}?(?:--|—|–))")
# "Ben Cole, the communications director for the party said": the closing comma left out
_OPEN_APPOSITIVE_RE = re.compile(
    r"^,\s+(?:the|a|an|his|her|its|their)\s[^,“”\"]{1,80}?(?=\s+(?:said|says|told|added|wrote|stated)\b)"
)
_VERB_AFTER_RE = re.compile(r"\s+(?:(?:has|had|have|also|then|later|once|would|will|now|[a-z]{3,}ly)\s+)*([a-z]+)")
# "for the Harbour Board", "of Veltra Corp.": a capitalised body after a speaker noun.
_BODY_TAIL_RE = re.compile(r"\s+(?:for|of|at|from)\s+(?:the\s+)?[A-Z][\w’'&-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w’'&-]*)*")
_CLAUSE_DASHES = (",", "—", "–", "--")


def phrasal(toks: list[Token], k: int) -> bool:
    """A two-word speech verb: "went on", "shot back", "pointed out", "chimed in"."""
    return k + 1 < len(toks) and toks[k].lower in PHRASAL_VERBS and toks[k + 1].lower in PARTICLES


def is_addressed_passive(toks: list[Token], vi: int) -> bool:
    """Is toks[vi] the participle of a passive verb of addressing ("was asked", "got
    told")? Its subject is the one spoken to, not the speaker."""
    return toks[vi].lower in ADDRESSED_VERBS and vi > 0 and toks[vi - 1].lower in PASSIVE_AUX


def after_preposition(ctx: Context, toks: list[Token], i: int) -> bool:
    """Is toks[i] inside a prepositional phrase ("with reporter Ann Read", "on
    Facebook")? Looks back over capitalised words, titles and role nouns."""
    j = i - 1
    while j >= 0 and i - j <= 6:
        if _CLAUSE_PUNCT_RE.search(ctx.text[toks[j].end : toks[j + 1].start]):
            return False  # "Here in Springfield, Ortiz": the phrase ended at the comma
        if (
            (toks[j].is_cap and toks[j].lower not in PREPOSITIONS)
            or toks[j].lower in ROLE_NOUNS
            or is_title_word(toks[j].text)
        ):
            j -= 1  # but "Of Cole, Ortiz said": a capitalised preposition opens the phrase
        elif toks[j].lower == "of" and j > 0 and (toks[j - 1].is_cap or is_title_word(toks[j - 1].text)):
            j -= 1  # "Secretary of State Lena Ortiz": "of" inside a title
        else:
            break
    return (
        j >= 0
        and toks[j].lower in PREPOSITIONS
        and not _CLAUSE_PUNCT_RE.search(ctx.text[toks[j].end : toks[j + 1].start])
    )


def skip_intro(ctx: Context, toks: list[Token]) -> int:
    """Index of the first token after the introductory phrases that open the sentence,
    one after another ("Later in the show, after the interview ended, Cole said"), or 0."""
    i = _skip_one_intro(ctx, toks)
    while 0 < i < len(toks) and (n := _skip_one_intro(ctx, toks[i:])):
        i += n
    return i


def _skip_one_intro(ctx: Context, toks: list[Token]) -> int:
    """Index of the first token after an introductory phrase ("In December,", "After
    Cole criticized her during a debate,"), or 0 when the sentence has none. The phrase
    must open the sentence and end at a comma within 20 words."""
    i = 0
    while i < len(toks) and toks[i].lower in CONNECTIVES:
        i += 1
    # "Standing in for Ortiz at the rally, Cole said …": a participle opens a phrase too.
    if (
        i >= len(toks)
        or (
            toks[i].lower not in INTRO_WORDS
            and not (toks[i].is_cap and toks[i].lower.endswith("ing") and len(toks[i].text) > 5)
        )
    ):
        return 0
    for n in range(i, min(len(toks) - 1, i + 20)):
        gap = ctx.text[toks[n].end : toks[n + 1].start]
        if gap.strip() == ",":
            return n + 1
        if gap.strip():
            return 0
    return 0


def skip_to_infinitive(text: str, toks: list[Token], k: int) -> int:
    """Index of the last subject word before "went on to say" / "was prompted to say",
    or ``k`` unchanged when toks[k] is not such a "to"."""
    if k < 1 or toks[k].lower != "to":
        return k
    j = k - 1
    if toks[j].lower in PARTICLES and j >= 1:
        j -= 1  # "went on to say"
    if toks[j].lower not in TO_VERBS or not _WORDS_ONLY_RE.fullmatch(text[toks[j].end : toks[k].start]):
        return k
    j -= 1
    while j >= 0 and is_aux(toks[j]) and toks[j].lower not in SUBJECT_PRONOUNS:
        j -= 1
    return j if j >= 0 and not text[toks[j].end : toks[j + 1].start].strip() else k


def _main_clause(ctx: Context, toks: list[Token]) -> tuple[list[Token], int]:
    """The tokens of the main clause and the index of its first non-connective word."""
    # "The source is unknown; however, Veltra, a news site, said": a semicolon joins two
    # independent clauses, and a verb at the end has its subject in the last one.
    semi = [n for n in range(1, len(toks)) if ";" in ctx.text[toks[n - 1].end : toks[n].start]]
    if semi:
        toks = toks[semi[-1] :]
    i = 0
    while i < len(toks) and toks[i].lower in CONNECTIVES:
        i += 1
    k = _skip_one_intro(ctx, toks)
    if k and k < len(toks) and toks[k].lower in SUBORDINATORS:
        toks, i = toks[k:], 0  # "In June, after Ortiz …, Cole emailed"
    for _ in range(2):
        # "When Ortiz suggested that …, Cole fired back:" the main clause follows the comma
        # that closes the subordinate clause ("Once, when my mother …, I laughed").
        sub = next((n for n in range(i, min(len(toks), i + 3)) if toks[n].lower in SUBORDINATORS), None)
        if sub is None:
            break
        for n in range(sub, min(len(toks) - 1, sub + 25)):
            # "As Ortiz tried to discuss … — Cole responded": a dash ends it too.
            if ctx.text[toks[n].end : toks[n + 1].start].strip() in _CLAUSE_DASHES:
                break
        else:
            break
        if toks[sub].lower == "as" and any(t.lower in SPEECH_FORMS for t in toks[sub + 1 : n + 1]):
            break  # "as Ann Read observed, …:": that clause is the attribution
        toks, i = toks[n + 1 :], 0
    return toks, i


def _described_subject(ctx: Context, toks: list[Token], i: int) -> tuple[int, int] | None:
    """A determiner + speaker noun opening the clause at toks[i] ("The lawmaker, who …, said")."""
    text = ctx.text
    span = speaker_after(ctx, toks, i)
    if span and _POSSESSIVE_TAIL_RE.sub("", text[span[0] : span[1]].split()[-1].lower()) in SPEAKER_NOUNS:
        # "A spokesman for the Harbour Board declined to …, but said": the body he speaks
        # for is part of who he is.
        if tail := _BODY_TAIL_RE.match(text, span[1]):
            span = span[0], tail.end()
        return apposed_name(ctx, span[1]) or span  # "her senior policy adviser, Ben Cole, said"
    # "One poster admitted to …, writing": the noun phrase ends before the clause's verb.
    for n in range(i + 1, min(len(toks) - 1, i + 4)):
        if (
            verb_like(toks[n + 1])
            and toks[n].text.islower()
            and not verb_like(toks[n])
            and text[toks[n].end : toks[n + 1].start] == " "
        ):
            phrase = text[toks[i].start : toks[n].end]
            if toks[n].lower in SPEAKER_NOUNS or n == i + 1 and plausible(ctx, phrase):
                return toks[i].start, toks[n].end
            break
    return None


def _pronoun_or_person(ctx: Context, toks: list[Token], i: int) -> tuple[int, int] | None:
    """The first pronoun or known person among the clause's first 20 words that can be its subject."""
    text, starts = ctx.text, ctx.mention_ends
    for n, t in enumerate(toks[:20]):
        # "I laughed and said, “…”", "Meanwhile, it attacked Ortiz, saying"; but not the
        # empty "It was a well-timed blow …, as Ms. Ortiz echoed it, saying".
        dummy = t.lower == "it" and n + 1 < len(toks) and toks[n + 1].lower in COPULAS
        if t.lower in {"he", "she"} or n == i and t.lower in {"i", "we", "they", "it"} and not dummy:
            return t.start, t.end
        if t.start not in starts:
            continue
        end = starts[t.start]
        if _POSSESSIVE_RE.match(text[end : end + 3]):
            # "Ortiz’s campaign shrugged off …, telling reporters": the possessed speaker
            # noun opening the clause is its subject.
            m, head = n + 1, None
            while (
                m < len(toks) and toks[m].text.islower() and text[toks[m - 1].end : toks[m].start] == " " and m - n <= 3
            ):
                head = m if toks[m].lower in SPEAKER_NOUNS else head
                m += 1
            m = head + 1 if head else n
            if n == i and m > n + 1:
                # "Ortiz's campaign chairman, Ben Cole, said": the name in apposition.
                return apposed_name(ctx, toks[m - 1].end) or (t.start, toks[m - 1].end)
            continue
        if after_preposition(ctx, toks, n):
            continue
        return person_after_role(ctx, (t.start, end))
    return None


def _capitalised_subject(ctx: Context, toks: list[Token]) -> tuple[int, int] | None:
    """A capitalised name among the first 8 words that is no place nor a preposition's object."""
    places = {w for p in ctx.participants if p.kind == "place" for f in (p.name, *p.aliases) for w in f.split()}
    for i, t in enumerate(toks[:8]):
        if t.is_cap and t.lower not in NON_NAMES and not is_title_word(t.text):
            if t.text in places or after_preposition(ctx, toks, i):
                continue  # "after winning Ohio", "in Springfield"
            span = speaker_after(ctx, toks, i)
            if span and plausible(ctx, re.sub(r"[,\s]+$", "", ctx.text[span[0] : span[1]])):
                return span  # "Here in Springfield, Ortiz stepped up …": not "Here"
    return None


def clause_subject(ctx: Context, toks: list[Token], names: bool = True) -> tuple[int, int] | None:
    """The first pronoun or known person in the clause (its likely subject); a person
    named as a possessor ("Ortiz’s proposal") or after a preposition is not a subject.
    With ``names``, an unlisted capitalised name counts too."""
    toks, i = _main_clause(ctx, toks)
    if i < len(toks) and toks[i].lower in DETERMINERS:
        span = _described_subject(ctx, toks, i)
        if span:
            return span
    span = _pronoun_or_person(ctx, toks, i)
    if span is None and names:
        span = _capitalised_subject(ctx, toks)
    return span


def person_after_role(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    """ "Ortiz spokesman Ben Cole said": the person named after a role that opens with
    another person's name speaks, not the first name."""
    role: list[str] = []
    for m in _ROLE_WORD_RE.finditer(ctx.text[span[1] : span[1] + 60]):
        if m.start() != sum(len(w) + 1 for w in role) or len(role) == 3:
            break  # one to three words, single-spaced, right after the name
        role.append(m.group(1))
        if not (m.group(1)[:1].isupper() or m.group(1) in SPEAKER_NOUNS or is_title_word(m.group(1))):
            break  # "Cole quotes former Ortiz adviser": a verb, no role
        after = span[1] + m.end() + 1
        if after in ctx.mention_ends and (role[-1].lower() in SPEAKER_NOUNS or is_title_word(role[-1])):
            return after, ctx.mention_ends[after]
    return span


def _possessive_owner(ctx: Context, toks: list[Token], i: int) -> tuple[int, int] | None:
    """The person after a capitalised possessive subject that opens at toks[i] ("Ohio State
    University's Ann Read", "the Ledger’s Ben Cole"), or None."""
    starts = ctx.mention_ends
    for k in range(i, min(len(toks) - 1, i + 5)):
        if not toks[k].is_cap or ctx.text[toks[k].end : toks[k + 1].start] != " ":
            return None
        if toks[k].text.endswith(("’s", "'s")):
            nxt = toks[k + 1]
            return (nxt.start, starts[nxt.start]) if nxt.start in starts else None
    return None


def _opening_subject(ctx: Context, toks: list[Token], i: int) -> tuple[int, int] | None:
    """The subject span at toks[i]: he/she, a known person, a possessor's person or a description."""
    text, starts, t = ctx.text, ctx.mention_ends, toks[i]
    if t.lower in {"he", "she"}:
        return t.start, t.end
    if t.start in starts:
        return person_after_role(ctx, (t.start, starts[t.start]))
    if t.is_cap and (owner := _possessive_owner(ctx, toks, i)):
        return owner  # "Ohio State University's Ann Read agreed."
    if t.is_cap and (name := speaker_after(ctx, toks, i)) and _OPEN_APPOSITIVE_RE.match(text[name[1] :]):
        return name  # "Korvex.com, a news site run by his supporters said": the comma left out
    if t.lower in {"the", "a", "an"}:
        span = speaker_after(ctx, toks, i)
        words = text[span[0] : span[1]].split()[1:] if span else []
        # "The State Department of Agriculture notes": an organisation's name speaks too.
        proper = (
            bool(words)
            and t.lower == "the"
            and all(w[:1].isupper() or w in ("of", "and") for w in words)
            and words[-1][:1].isupper()
        )
        if (
            not span
            or (
                _POSSESSIVE_TAIL_RE.sub("", text[span[0] : span[1]].split()[-1].lower()) not in SPEAKER_NOUNS
                and not proper
            )
        ):
            return None
        return span
    return None


def sentence_subject(ctx: Context, s: int, end: int) -> tuple[tuple[int, int], Token] | None:
    """The subject that opens text[s:end] and the word after it (its verb), or None."""
    text = ctx.text
    toks = ctx.tokens(s, end)
    i = skip_intro(ctx, toks)
    while i < len(toks) and (toks[i].lower in CONNECTIVES or is_title_word(toks[i].text)):
        i += 1
    if i >= len(toks) - 1:
        return None
    # "Interim Party Chairwoman Lena Ortiz said", "The Council on Public Relations National
    # Executive Director Ben Cole says": a capitalised role with a title in it before a
    # known person.
    j = i + (toks[i].text == "The")
    while (
        j < min(len(toks) - 1, i + 10)
        and toks[j].start not in ctx.mention_ends
        and (toks[j].is_cap or toks[j].lower in ROLE_LINKS)
        and text[toks[j].end : toks[j + 1].start] in (" ", "-")
    ):
        j += 1
    if j > i and toks[j].start in ctx.mention_ends and any(is_title_word(toks[m].text) for m in range(i, j)):
        i = j
    span = _opening_subject(ctx, toks, i)
    if span is None:
        return None
    rest = text[span[1] : end]
    if _POSSESSIVE_RE.match(rest):
        return None  # "Ortiz's plan to ..." is not Ortiz speaking
    # "Sen. Ben Cole (R-Ohio), a candidate for governor, tweeted": one aside after another.
    while aside := _PAREN_OR_AGE_RE.match(rest):
        rest = rest[aside.end() :]
    rest = _OPEN_APPOSITIVE_RE.sub("", rest)
    verb = _VERB_AFTER_RE.match(rest)
    if not verb:
        return None
    vs = text.find(verb.group(1), span[1])
    return span, Token(verb.group(1), vs, vs + len(verb.group(1)))
