"""A speaker mention in the text -> the participant who spoke, and the quote's attribution.

Pronouns go to the most salient earlier person of the same gender, "the minister" to the
person whose role says so, names and surnames to the participant, descriptions ("a police
spokesperson") stay as written. ``attribute`` records the result on the candidate.
"""

from __future__ import annotations

import re

from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.gender import gender
from briefgen.extract.quotes.marks import Candidate
from briefgen.extract.quotes.phrases import plural_speaker
from briefgen.extract.quotes.vocab import (
    CUE_PARTICLES,
    DETERMINERS,
    GOES_ON_CUES,
    ING_NON_NAMES,
    KIN_ADJECTIVES,
    LESSER_ROLES,
    NAME_PARTICLES,
    NON_NAMES,
    PARTY_WORDS,
    PREPOSITIONS,
    REL_BREAKS,
    REPORTING_VERBS,
    SPEAKER_NOUNS,
    SPEECH_FORMS,
    SUBJECT_PRONOUNS,
    TITLE_ABBREVIATIONS,
    alternation,
    is_name_word,
    is_title_word,
)
from briefgen.text import lexicon
from briefgen.text.spans import Token

# Determiners that stand for a noun phrase on their own ("another", "one", "some").
QUANTIFIER_PRONOUNS = frozenset({"another", "one", "others", "some", "many", "several"})
_POSSESSIVE_END_RE = re.compile(r"[’']s$")
_POSSESSIVE_TAIL_RE = re.compile(r"[’']s?$")
_AGE_RE = re.compile(r"\d{1,3}-year-old")
_TRAILING_TITLE_RE = re.compile(r"\s([A-Z][\w.]*)\s+$")
_LAST_WORD_RE = re.compile(r"(\w+)\s+$")
_TRAILING_PUNCT_RE = re.compile(r"[,\s]+$")
_SENTENCE_END_RE = re.compile(r"[.!?…]$")
# "“…” Mr. Zahed said: “…”", "“…!” She replied to him that …", "“…?” Cole writes back,
# “…”": after a quote that closed its sentence, a cue followed by a colon, "that" or a new
# quote introduces what follows, not the quote before it; so does "he would …", reported
# speech of its own.
_INTRODUCES_RE = re.compile(
    rf"(?:\s+(?:{alternation(CUE_PARTICLES)}))?(?:\s+(?:to|at)\s+\w+)?\s*(?::|,?\s*[“\"‘«]\s*[A-Z]|\s+that\b"
    rf"|\s+(?:{alternation(SUBJECT_PRONOUNS - {'i', 'you'})})\s+(?:{alternation(REPORTING_VERBS)})\b)"
)


def resolve_name(ctx: Context, mention: str) -> tuple[str | None, str]:
    """Canonical participant name for a name mention, and how it was found."""
    mention = _POSSESSIVE_END_RE.sub("", " ".join(mention.split()))
    if mention in ctx.forms:
        return ctx.forms[mention].name, "name"
    words = mention.split()
    # Drop leading titles: "President Lee" -> "Lee".
    while len(words) > 1 and words[0].lower().rstrip(".") in lexicon.title_words() | lexicon.demonyms().keys():
        words = words[1:]
    core = " ".join(words)
    if core in ctx.forms:
        return ctx.forms[core].name, "name"
    for p in ctx.participants:
        if p.kind == "person" and words and words[-1] in p.name.split():
            return p.name, "name"
    if words and words[0][:1].isupper():
        return core, "name-unlisted"
    return None, "name"


def resolve_pronoun(ctx: Context, pos: int, pronoun: str = "") -> str | None:
    """Most salient person before ``pos`` who agrees with ``pronoun`` ("he"/"she"):
    the first named in the nearest sentence; a person of the other gender is skipped."""
    want = {"he": "m", "she": "f"}.get(pronoun.lower())
    si = ctx.sentences.index_of(pos)
    for back in range(0, 5):
        k = si - back
        if k < 0:
            break
        s, e = ctx.sentences.spans[k] if ctx.sentences.spans else (0, 0)
        limit = min(e, pos)
        cands = [(a, p.name) for a, _, p in ctx.person_mentions if s <= a < limit]
        cands += [(a, name) for a, name in ctx.speaker_marks if s <= a < limit]
        if want:
            cands = [(a, n) for a, n in cands if gender(ctx, n) in (want, None)]
        # A name after a preposition is rarely the one who speaks next: "Asked about
        # Cole, Ortiz said ... she said" is Ortiz.
        cands = [c for c in cands if not _after_preposition_in_text(ctx, c[0])] or cands
        if cands:
            return min(cands)[1]
    return None


def _after_preposition_in_text(ctx: Context, pos: int) -> bool:
    # Titles between do not count: "the visit of Bishop Karl Meyer". Unlike
    # clauses.after_preposition (one clause's tokens), this looks back over raw text from any
    # sentence, so it skips only titles: skipping every capitalised word reached back
    # into the previous sentence ("… about Ortiz. Ohio Gov. Ben Cole").
    before = ctx.text[max(0, pos - 40) : pos]
    while (m := _TRAILING_TITLE_RE.search(before)) and is_title_word(m.group(1)):
        before = before[: m.start() + 1]
    m = _LAST_WORD_RE.search(before)
    return m is not None and m.group(1).lower() in PREPOSITIONS and m.group(1).lower() != "by"


def resolve_role(ctx: Context, phrase: str, pos: int) -> str | None:
    """ "the minister" -> the last-mentioned person whose role says minister."""
    words = phrase.lower().split()
    head = words[-1]
    # "the Ohio senator" is a senator whose role says Ohio, not any senator.
    places = [w.lower() for w in phrase.split()[1:-1] if w in lexicon.places()]

    def fits(role: str | None) -> bool:
        r = [TITLE_ABBREVIATIONS.get(w, w) for w in role.lower().split()] if role else []
        if head not in r or any(w not in r for w in places):
            return False
        k, j = r.index(head), words.index(head)
        mine = r[k - 1] if k else ""
        theirs = words[j - 1] if j else ""
        # "the president" is not the Vice President nor a former one, and "the vice
        # president" not the President; but "the former president" may be "President
        # Lena Ortiz": articles give a past office its bare title too.
        return not (
            mine in LESSER_ROLES and mine not in words or theirs in LESSER_ROLES - {"former", "ex"} and theirs not in r
        )

    # Only someone named before: "Later on the same programme, Sen. Ben Cole spoke" is not
    # "the senator" who spoke first.
    best = None
    for a, _, p in ctx.person_mentions:
        if a < pos and fits(p.role):
            best = p.name
    return best


def plausible(ctx: Context, phrase: str) -> bool:
    """Is this noun phrase something that can speak?"""
    words = phrase.split()
    low = phrase.lower()
    if low in SUBJECT_PRONOUNS:
        return True
    if 1 < len(words) <= 5 and _named_possessor(words) and words[-1].lower() in SPEAKER_NOUNS:
        return True  # "Ortiz’s deputy campaign manager", "Gov. Ortiz's spokesman"
    if 1 < len(words) <= 4 and phrase.islower() and plural_speaker(words[-1]):
        return True  # "federal prosecutors", "senior officials"
    if words[0].lower() in DETERMINERS:
        return _plausible_description(words)
    if phrase.isupper() and len(phrase) > 4:
        return False  # "SPRINGFIELD —" datelines
    if _POSSESSIVE_END_RE.search(phrase):
        return False  # "the campaign's said": the possessor is not the speaker
    if len(words) == 1 and (low in PARTY_WORDS or phrase in lexicon.demonyms()) and not ctx.is_surname(phrase):
        return False  # "Republican", "French" alone are adjectives of a longer subject
    core = [w for w in words if w.lower().rstrip(".") not in lexicon.title_words()] or words
    # "Speaking", "Following" open clauses; "Sterling" and "King" are names.
    if (core[0].lower() in NON_NAMES or core[0].lower() in SPEECH_FORMS or core[0].lower() in ING_NON_NAMES) and not (
        len(core) == 1 and ctx.is_surname(core[0])
    ):
        return False  # but "Read said", "Will wrote" when the article names Ann Read
    return all(is_name_word(w) or w in NAME_PARTICLES for w in words)


def _named_possessor(words: list[str]) -> bool:
    """Does the phrase open with a possessor, after any titles ("Ortiz's", "Mrs. Ortiz's")?
    Then it describes someone of theirs, not the named person."""
    i = 0
    while i < len(words) - 1 and is_title_word(words[i]):
        i += 1
    return i < len(words) - 1 and bool(_POSSESSIVE_END_RE.search(words[i]))


def _plausible_description(words: list[str]) -> bool:
    if len(words) == 1 and words[0].lower() in QUANTIFIER_PRONOUNS:
        return True  # "“…,” tweeted another.", "Another wrote, “…”": one more of those before
    # "Another source familiar with the plan": the head comes before its modifier.
    cut = next((n for n in range(2, len(words)) if words[n].lower() in REL_BREAKS), len(words))
    head = _POSSESSIVE_TAIL_RE.sub("", words[cut - 1].lower())
    if _AGE_RE.fullmatch(head):
        return True  # "the 46-year-old"
    # Any noun head can speak after a determiner ("one campaign confidant", "this source"),
    # but not a function word or a verb form.
    return head in SPEAKER_NOUNS or (
        len(words) > 1
        and head.isalpha()
        and head not in NON_NAMES
        and head not in SPEECH_FORMS
        and not head.endswith(("ing", "ed"))
    )


def adjective_and_name(ctx: Context, words: list[str]) -> bool:
    """ "an angry Ortiz": a known person with an adjective."""
    return (
        len(words) == 3
        and words[0].lower() in {"a", "an", "the"}
        and words[1].isalpha() and words[1].islower()
        and words[1] not in KIN_ADJECTIVES
        and words[1] not in PREPOSITIONS
        and words[2] in ctx.forms
    )


def attribute(ctx: Context, q: Candidate, mention: tuple[int, int], cue: Token, rule: str) -> bool:
    """Record ``mention`` (resolved) as the speaker of ``q`` under ``rule``; False when the
    mention cannot speak."""
    ms, me = mention
    phrase = _TRAILING_PUNCT_RE.sub("", ctx.text[ms:me])
    if not phrase or not plausible(ctx, phrase):
        return False
    q.mention, q.cue, q.cue_at, q.mention_span = phrase, cue.text, cue.start, (ms, me)
    q.speaker, how, q.confidence = _resolve(ctx, phrase, ms)
    q.rule = f"{rule}+{how}"
    if q.speaker:
        ctx.speaker_marks.append((ms, q.speaker))
    return True


def _resolve(ctx: Context, phrase: str, ms: int) -> tuple[str | None, str, float]:
    """(speaker, how it was resolved, confidence) for a plausible mention."""
    low = phrase.lower()
    words = phrase.split()
    if low in {"he", "she"}:
        speaker = resolve_pronoun(ctx, ms, low)
        return speaker, "pronoun", 0.8 if speaker else 0.3
    if low in SUBJECT_PRONOUNS:
        # "they", "we", "I", "it": kept as the mention, never resolved to a name
        return None, "pronoun-" + ("plural" if low in {"they", "we"} else "unresolved"), 0.3
    if _POSSESSIVE_END_RE.search(words[0]) and words[-1][:1].isupper() and resolve_name(ctx, phrase)[1] == "name":
        # "the party's Shadow Home Secretary Lena Ortiz": a known person after the possessor
        return resolve_name(ctx, phrase)[0], "name", 0.95
    if adjective_and_name(ctx, words):
        return ctx.forms[words[-1]].name, "name", 0.9
    if words[0].lower() in DETERMINERS or phrase.islower() or _named_possessor(words):
        # a description: "the minister", "federal prosecutors", "Ortiz’s campaign manager"
        # "the spokesman for the Harbour Board" is a spokesman whose role may name him.
        cut = next((n for n in range(2, len(words)) if words[n].lower() in REL_BREAKS), len(words))
        resolved = resolve_role(ctx, " ".join(words[:cut]), ms) if words[0].lower() == "the" else None
        if resolved:
            return resolved, "title", 0.75
        return phrase, "description", 0.7  # anonymous sources are kept as written
    speaker, how = resolve_name(ctx, phrase)
    return speaker, how, 0.95 if how == "name" else 0.85


def attribute_after(ctx: Context, q: Candidate, mention: tuple[int, int], cue: Token, rule: str) -> bool:
    """``attribute`` for a cue after the quote, unless that cue introduces what follows."""
    if _SENTENCE_END_RE.search(ctx.text[q.start : q.end].rstrip()) and _INTRODUCES_RE.match(ctx.text, cue.end):
        if cue.lower in GOES_ON_CUES:
            q.added_by = (mention, cue)
        return False
    return attribute(ctx, q, mention, cue, rule)
