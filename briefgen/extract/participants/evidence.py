"""Context evidence: a mention and the words around it -> weights for its kind.

``CUES`` is the table scoring walks: each row names a pattern of context, the kind it
supports and its weight. "work" and "thing" rows set flags (a title or make; written like a
thing) instead of weights. The rows' names are kept on the mention and explain the kind
later (``Participant.evidence``); test cases: tests/cases/participants/.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import NamedTuple

from briefgen.extract.participants import vocab
from briefgen.extract.participants.mention import Mention
from briefgen.extract.participants.names import person_of_before, person_shaped_at
from briefgen.text import lexicon
from briefgen.text.spans import Token

_alt = vocab.alternation


class Site(NamedTuple):
    """Where a mention sits: the text, its offsets and the tokens around it."""

    text: str
    name: str
    raw: str  # as written, with a possessive the name dropped
    start: int
    end: int  # end of the name
    after: int  # end of the raw form (past a possessive)
    role: str | None  # a role found before the name (title or role words)
    titled: bool  # that role ends in a title word
    styled: bool  # a peer's style alone before the name ("Lady Vale")
    appositive: bool  # a role phrase in apposition after the name
    tokens: list[Token]
    last: int  # index of the name's last token
    prv: Token | None
    nxt: Token | None


class Cue(NamedTuple):
    name: str
    kind: str  # person, place, organization, club; or the flags work, thing
    weight: float
    test: Callable[[Site], bool]


def _after(pattern: str, *, at_end: bool = False, window: int = 0) -> Callable[[Site], bool]:
    """Pattern matched right after the name (past its possessive, unless ``at_end``)."""
    match = re.compile(pattern).match
    if window and at_end:
        return lambda s: match(s.text[s.end : s.end + window]) is not None
    if window:
        return lambda s: match(s.text[s.after : s.after + window]) is not None
    if at_end:
        return lambda s: match(s.text, s.end) is not None
    return lambda s: match(s.text, s.after) is not None


def _before(pattern: str, window: int, ends: tuple[str, ...] = ()) -> Callable[[Site], bool]:
    """Pattern found at the end of the ``window`` characters before the name. ``ends``: what
    those characters, trailing space left out, end with wherever the pattern matches: a cheap
    test first, for the search tries every offset of the window at every mention."""
    search = re.compile(pattern).search
    if not ends:
        return lambda s: search(s.text[max(0, s.start - window) : s.start]) is not None

    def test(s: Site) -> bool:
        before = s.text[max(0, s.start - window) : s.start]
        return before.rstrip().endswith(ends) and search(before) is not None

    return test


def _words_or_comma(name: str) -> tuple[str, ...]:
    """The entries of list ``name``, each also with a comma after it (``ends`` of ``_before``)."""
    return tuple(w + c for w in sorted(vocab.words(name)) for c in ("", ","))


def _either(a: Callable[[Site], bool], b: Callable[[Site], bool]) -> Callable[[Site], bool]:
    return lambda s: a(s) or b(s)


def _not_place(test: Callable[[Site], bool]) -> Callable[[Site], bool]:
    # Places take these words too ("at Elbury", "Elbury's plant"): a known place is not the body.
    return lambda s: s.name not in lexicon.places() and test(s)


def _not_place_or_country(test: Callable[[Site], bool]) -> Callable[[Site], bool]:
    return lambda s: s.name not in lexicon.places() and s.name not in lexicon.countries() and test(s)


def _speech_after(s: Site) -> bool:
    nxt = s.nxt
    if nxt is None or nxt.lower not in lexicon.SPEECH_FORMS or s.text[s.end : nxt.start].strip(" ,") != "":
        return False
    # "Recent reports have shown": a noun, not "Ruiz reports"; "Corvid continues to
    # grow": anything continues to do something.
    toks, i = s.tokens, s.last
    noun_use = i + 2 < len(toks) and (
        toks[i + 2].lower in vocab.AUX_AFTER_NOUN
        or (toks[i + 2].lower == "to" and toks[i + 1].lower.startswith("continu"))
    )
    return not noun_use


# What a speaker's own pronoun after the speech verb says it is: "Veltra said it would",
# "Veltra said on Monday its profit rose" (a company), "Vale said he would" (a person).
# "it" before a copula is mostly no speaker ("Vale said it was a mess").
_THEN_PRONOUN_RE = re.compile(
    r"\s+(?:(?:on|late|early)\s+[A-Z][a-z]+day\s+|in\s+a\s+statement\s+)?(?:that\s+)?"
    r"(it(?!\s+(?:is|was|were|has been|had been|(?:will|would|could|might|may) be)\b|['’]s)|its|he|she|his|her)\b"
)


def _speech_pronoun(s: Site) -> str | None:
    nxt = s.nxt
    if nxt is None or nxt.lower not in lexicon.SPEECH_FORMS or s.text[s.end : nxt.start].strip(" ,") != "":
        return None
    m = _THEN_PRONOUN_RE.match(s.text, nxt.end)
    return m.group(1) if m else None


def _speaks_of_itself(s: Site) -> bool:
    return _speech_pronoun(s) in ("it", "its")


def _speaks_of_himself(s: Site) -> bool:
    return _speech_pronoun(s) in ("he", "she", "his", "her")


def _speech_before(s: Site) -> bool:
    return s.prv is not None and s.prv.lower in lexicon.SPEECH_FORMS and s.text[s.prv.end : s.start] == " "


_COURTESY = lexicon.words("courtesy_titles")


def _courtesy_before(s: Site) -> bool:
    # "Mr Vale", "Mrs. Ruiz": a courtesy title is no run's word (nor a role), but it is said of people only.
    return s.prv is not None and s.prv.text in _COURTESY and s.text[s.prv.end : s.start] in (" ", ". ")


_LOWER_AFTER_RE = re.compile(r"\s+[a-z]")
_WHO_AFTER_RE = re.compile(r",\s+who\s")
_RECORD_AFTER = r"\s+\(\d{1,2}-\d{1,2}\)(?:\s+|,\s+who\s+)[a-z]"


def _place_preposition(s: Site) -> bool:
    # "from Ana Ruiz's assist": the preposition governs the noun after the possessive.
    possessor = s.raw != s.name and _LOWER_AFTER_RE.match(s.text[s.after : s.after + 3])
    return (
        s.prv is not None
        and s.prv.lower in vocab.PLACE_PREPOSITIONS
        and s.text[s.prv.end : s.start] == " "
        and not possessor
    )


_PLACE_AFTER_COMMA_RE = re.compile(r",\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})(?=[,.;:]|\s*$)")


def _place_after_comma(s: Site) -> bool:
    m = _PLACE_AFTER_COMMA_RE.match(s.text, s.end, min(len(s.text), s.end + 40))
    if m is None or s.raw != s.name or s.name in lexicon.places():
        return False
    after = m.group(1).rstrip(".")
    return after in lexicon.countries() or after in _subdivisions() or after in _STATE_CODES


_STATE_CODES = vocab.words("abbrev_us_states") | vocab.words("us_state_codes")
_NAME_COMMA_RE = re.compile(r"[A-Z][\w.'’-]*,\s+$")


def _state_after_place(s: Site) -> bool:
    return s.name.rstrip(".") in _STATE_CODES and bool(_NAME_COMMA_RE.search(s.text, max(0, s.start - 30), s.start))


@cache
def _subdivisions() -> frozenset[str]:
    """States and provinces (briefgen/data/subdivisions.txt): "Ana Ruiz, Paris," is common, a
    town's state after it rarely follows a person's name."""
    text = resources.files("briefgen.data").joinpath("subdivisions.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


_BRACKETED_RE = re.compile(r"\s+\(([A-Z][\w. ]+)\)")


def _country_in_brackets(s: Site) -> bool:
    # "Eastfield (Elbonia) 5" in results; people too ("Ana Ruiz (Elbonia)")
    m = _BRACKETED_RE.match(s.text[s.after : s.after + 40])
    return m is not None and m.group(1) in lexicon.countries()


def _beside_person(s: Site) -> bool:
    # "Veltra's Ana Ruiz", "Ana Ruiz of Veltra": the party or employer beside a person's name.
    if s.name in lexicon.places() or s.name in lexicon.countries() or s.name in lexicon.demonyms():
        return False
    return s.raw != s.name and person_shaped_at(s.text, s.after) or person_of_before(s.text, s.start)


def _place_before_player(s: Site) -> bool:
    return s.raw != s.name and s.name in lexicon.places() and person_shaped_at(s.text, s.after)


_SUBTITLE_RE = re.compile(r":\s+(?:The\s+|A\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+(?=[\s,.;!?)]|$)")
_LABEL_RE = re.compile(r"\S\s+([A-Z][\w'’-]*):\s+(?:The\s+|A\s+)?$")


def _line_before(s: Site) -> str:
    return s.text[max(s.text.rfind("\n", 0, s.start) + 1, s.start - 200) : s.start]  # bounded: one long line


# "In Elbury: Elbury Rovers 2 …": a line opened by a place after a preposition and a colon.
_PLACE_LABEL_RE = re.compile(r"^\s*" + _alt("place_prepositions") + r"\s+$", re.IGNORECASE)


def _before_subtitle(s: Site) -> bool:
    # "Quest: Silver Harbour": a title and its subtitle inside a sentence (a label opening a
    # line is not one, nor is a place after a line's preposition: "In Elbury: Elbury Rovers 2 …").
    line = _line_before(s)
    return bool(_SUBTITLE_RE.match(s.text, s.after)) and bool(line.strip()) and not _PLACE_LABEL_RE.search(line)


def _is_subtitle(s: Site) -> bool:
    line = _line_before(s)
    if ":" not in line:
        return False  # the label's colon: a cheap test before the search
    label = _LABEL_RE.search(line)
    return (
        label is not None
        and label.group(1).lower() not in vocab.CAPTION_LABELS  # "Image: Ana Ruiz."
        and not _PLACE_LABEL_RE.match(line[: label.start(1)])  # "In Elbury: Elbury Rovers 2"
        and bool(_SUBTITLE_RE.match(s.text, s.start - len(line) + line.rindex(":")))
    )


_THE_BEFORE_RE = re.compile(r"\b[Tt]he $")
_LEADER_AFTER_RE = re.compile(r"\s+" + _alt("leader_nouns") + r"\b")


def _leader_modifier(s: Site) -> bool:
    # "the Varga government", "the Ruiz administration": a leader's name as a modifier.
    return (
        not s.role
        and bool(_LEADER_AFTER_RE.match(s.text, s.after))
        and bool(_THE_BEFORE_RE.search(s.text[max(0, s.start - 4) : s.start]))
        and s.name not in lexicon.places()
        and s.name not in lexicon.demonyms()
        and s.name not in lexicon.PARTY_WORDS
        and s.name.lower() not in vocab.NOT_LEADERS
    )


def _after_the(s: Site) -> bool:
    # "the Bundesrat", "the Golden Four": people take no article (a role between is fine)
    return s.prv is not None and s.prv.lower == "the" and s.text[s.prv.end : s.start] == " " and not s.role


_MEDIA = _alt("media_nouns")
_MINUTE_AFTER = r"\s*\((?:pen(?:alty)?\.?,?\s+|own goal,?\s+)?\d{1,3}(?:st|nd|rd|th)\b"
_CLUB_AFTER = (
    r"\s+(?:\d{1,3}(?:-\d{1,3})?\b(?! per ?cent| percent|%)|" + _alt("result_verbs")[3:-1] + r"|v\.?|vs\.?)(?:\s|$)"
)
_CLUB_BEFORE = (
    r"(?:\b"
    + _alt("result_verbs_before")  # a \b before the group is one before each entry
    + r"|\bv\.?|\bvs\.?|\d{1,3}-\d{1,3} (?:win|victory|defeat) (?:over|against)"
    + r"|\b\d{1,2}-\d{1,2} (?:to|at|against|over|by))\s+$"  # "lost 3-1 to Westport"
)
_CLUB_BEFORE_ENDS = tuple(sorted(vocab.words("result_verbs_before"))) + (
    "v", "v.", "vs", "vs.", "over", "against", "to", "at", "by")
_EMPLOYER = (
    r"(?:\b"
    + _alt("employer_nouns")
    + r" (?:at|of|with|from|for)|\bsaid (?:[A-Z][\w.'-]+ ){1,3}(?:of|at|from|with)) (?:the )?$"
)

_EMPLOYER_SEARCH = re.compile(_EMPLOYER).search
# Every employer phrase ends in a preposition (and "the"): a cheap test before the search.
_EMPLOYER_ENDS = (" at ", " of ", " with ", " from ", " for ", " the ")


def _employer_before(s: Site) -> bool:
    window = s.text[max(0, s.start - 60) : s.start]
    return window.endswith(_EMPLOYER_ENDS) and _EMPLOYER_SEARCH(window) is not None


CUES: tuple[Cue, ...] = (
    Cue("style before the name", "person", 2, lambda s: s.styled),  # "Lady Vale": a style alone, no role
    Cue("courtesy title before the name", "person", 2, _courtesy_before),  # "Mr Vale", "Mrs. Ruiz"
    Cue("title before the name", "person", 2, lambda s: s.titled),  # "Senator Vale", "finance minister Vale"
    Cue("role in apposition", "person", 2, lambda s: s.appositive),  # "Vale, a teacher at the school,"
    Cue("speech verb after", "person", 1.5, lambda s: _speech_after(s) and not _speaks_of_itself(s)),  # "Vale said"
    Cue("speech verb then 'it'", "organization", 2, _speaks_of_itself),  # "Veltra said it would"
    Cue("speech verb then 'he' or 'she'", "person", 1, _speaks_of_himself),  # "Vale said he would"
    Cue("speech verb before", "person", 1, _speech_before),  # "said Vale"
    # "Vale, who resigned": a relative clause said of a person (clubs take one too: see decide)
    Cue("', who' after", "person", 2, lambda s: not _after_the(s) and _WHO_AFTER_RE.match(s.text, s.after) is not None),
    Cue("age in commas", "person", 2, _after(r",\s+\d{1,3},", at_end=True, window=8)),  # "Vale, 53, said"
    # "Vale (14-7) allowed two runs", "Vale (14-7), who allowed": a pitcher's won-lost record in brackets
    Cue("record in brackets after", "person", 1, _after(_RECORD_AFTER, at_end=True, window=20)),
    # "Vale (54th minute)", "Feld (penalty, 78th)": a scorer and the minute of the goal
    Cue("minute in brackets after", "person", 2, _after(_MINUTE_AFTER, at_end=True, window=24)),
    Cue("place preposition before", "place", 1, _place_preposition),  # "in Elbury"
    Cue("-based after", "place", 2, _after(r"-based\b", at_end=True, window=7)),  # "an Elbury-based firm"
    # "in Port Vale, Westshire, on Monday": a known region or country after a comma and before
    # punctuation says where the name is
    Cue("known place after a comma", "place", 2, _place_after_comma),
    # "Wolf Point, MT", "Chillicothe, Mo.": a US state's abbreviation after a place and a comma
    Cue("state abbreviation after a place", "place", 2, _state_after_place),
    # "the port city of Elbury"
    Cue("'town of' before", "place", 2, _before(r"\b" + _alt("settlement_nouns") + r" of $", 20, ("of",))),
    # "Elbury airport"
    Cue("facility noun after", "place", 2, _after(r"(?:['’]s)?\s+" + _alt("facility_nouns") + r"\b")),
    # "Eastfield beat Westport 2-1"
    Cue("result beside the name", "club", 1, _either(
        _after(_CLUB_AFTER), _before(_CLUB_BEFORE, 20, _CLUB_BEFORE_ENDS))),
    Cue("country in brackets after", "club", 1, _country_in_brackets),
    # "Korvex shares"
    Cue("company noun after", "organization", 2, _after(r"(?:['’]s)?\s+" + _alt("company_nouns_after") + r"\b")),
    # "a stake in Korvex"
    Cue("holding before", "organization", 2, _before(
        r"\b" + _alt("holding_nouns") + r" (?:of|in) (?:the )?$", 24, ("of", "in", "the"))),
    Cue("organisation noun beside", "organization", 2, _not_place(_either(
        _before(r"(?<![A-Za-z-])" + _alt("org_nouns") + r",?\s+$", 30, _words_or_comma("org_nouns")),
        _after(r"\s+" + _alt("org_nouns_after") + r"\b"),
    ))),
    # Strong enough to outweigh the speech verb that usually follows an outlet's name.
    Cue("news outlet noun beside", "organization", 3, _not_place(_either(
        _after(r"\s+(?:" + _alt("media_modifiers") + r"\s+)?" + _MEDIA + r"\b"),
        _before(r"(?<![A-Za-z])" + _MEDIA + r",?\s+$", 40, _words_or_comma("media_nouns")),
    ))),
    Cue("employer after a job", "organization", 2, _not_place_or_country(_employer_before)),  # "an analyst at Brenholt"
    # Weak (1): a person's evidence elsewhere outweighs it.
    Cue("beside a person's name", "organization", 1, _beside_person),
    # "Elbury's Ana Ruiz scored": in a sports report a place owning a player is the club
    Cue("place before a player", "club", 1, _place_before_player),
    Cue("work or make noun beside", "work", 1, _either(  # "the film Silver Harbour", "Skyhawk helicopters"
        _before(
            r"\b" + _alt("work_nouns") + r"\s+$|\b" + _alt("craft_nouns") + r"\s+$|\b"
            + vocab.alternation_of(lexicon.QUOTED_NAME_FORMS) + r",?\s+[“\"‘]$",
            30,
            tuple(vocab.words("work_nouns") | vocab.words("craft_nouns")) + ("“", '"', "‘"),
        ),
        _after(r"\s+" + _alt("product_nouns") + r"\b"),
    )),
    Cue("title before a subtitle", "work", 1, _before_subtitle),
    Cue("subtitle after a title", "work", 1, _is_subtitle),
    Cue("leader's name as a modifier", "person", 2, _leader_modifier),
    Cue("after 'the'", "thing", 1, _after_the),
    # "Corvid, its main rival,": an apposition opened by 'its' is written of a thing, never a person
    Cue("', its' after", "thing", 1, _after(r",\s+its\s", at_end=True, window=8)),
)


def score(m: Mention, site: Site) -> None:
    """Walk ``CUES`` and add every row whose pattern fits ``site`` to ``m``."""
    for name, kind, weight, test in CUES:
        if test(site):
            m.add(name, kind, weight)
