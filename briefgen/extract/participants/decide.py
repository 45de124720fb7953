"""One name and its mentions -> its kind: the name alone (``gazetteer``) first, else the
mentions' summed context evidence (``evidence``), then the corrections in ``_CORRECTIONS``,
tried in order. Returns the kind and the names of the rows that decided it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import NamedTuple

from briefgen.extract.participants import vocab
from briefgen.extract.participants.common import is_common_word
from briefgen.extract.participants.gazetteer import classify, kind_of
from briefgen.extract.participants.mention import Mention
from briefgen.extract.participants.names import (
    HYPHEN_GIVEN_RE,
    INITIALS_RE,
    is_title,
    looks_like_person_name,
    sentence_initial,
    surnames,
)
from briefgen.text import lexicon

_VERSION_RE = re.compile(r"[ \u00a0]\d{1,2}(?:\.\d{1,2})?(?![\w%/:.,–-]?\d|[\w%/–-])")
_ONE_INITIAL_RE = re.compile(r"[A-Z]\.")
_TITLE_SURNAMES = vocab.words("title_surnames")
_SCORE_RE = re.compile(r"(?<![\d/.-])\d{1,3}-\d{1,3}(?![\d/-])")
_SPORTS_RE = re.compile(r"\b" + vocab.alternation("sports_words") + r"\b", re.IGNORECASE)


@dataclass(frozen=True)
class Story:
    """What every decision in one text shares."""

    text: str
    sports: bool  # a sports report: city names often mean clubs
    lower: frozenset[str]  # the words the text writes in lower case
    votes: dict[str, dict[str, int]]  # name -> kind -> the optional model's votes
    weak: set[str]  # out: names whose kind rests on weak evidence only (the model may overrule)
    titles: tuple[tuple[int, int], ...] = ()  # spans of quoted titles (``quoted_titles``)


def sports_context(text: str) -> bool:
    """Sports reports: a score and sports vocabulary."""
    # Stops at the first score and the fourth sports word: no list of every match.
    return _SCORE_RE.search(text) is not None and next(islice(_SPORTS_RE.finditer(text), 3, None), None) is not None


_QUOTED_RE = re.compile(r"[“\"]([^“”\"\n]{3,150})[”\"]")
_SENTENCE_INSIDE_RE = re.compile(r"[.!?](?:\s|$)")
_WORDS_RE = re.compile(r"[A-Za-z]+")
_TITLE_WORDS = range(3, 13)


def quoted_titles(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the words of every quoted title in ``text``: a capitalised phrase of
    three to twelve words in quotation marks, no sentence inside and no speech verb near it
    ('a blogger, "Vale wins the day"'), so not a quoted statement ('"Vale wins," she said')."""
    out = []
    for m in _QUOTED_RE.finditer(text):
        inner = m.group(1)
        if not inner[:1].isupper() or len(inner.split()) not in _TITLE_WORDS or _SENTENCE_INSIDE_RE.search(inner):
            continue
        before, after = text[max(0, m.start() - 30) : m.start()], text[m.end() : m.end() + 40]
        near = _WORDS_RE.findall(before.rpartition("\n")[2])[-3:] + _WORDS_RE.findall(after.partition("\n")[0])[:4]
        if not any(w.lower() in lexicon.SPEECH_FORMS for w in near):
            out.append(m.span(1))
    return tuple(out)


def is_club(name: str) -> bool:
    nicknames, clubs = lexicon.teams()
    plain = name.title() if name.isupper() else name
    return plain in clubs or plain in nicknames


class _Facts(NamedTuple):
    story: Story
    name: str
    words: list[str]
    ms: list[Mention]
    person: float
    place: float
    org: float


def decide(story: Story, name: str, ms: list[Mention]) -> tuple[str | None, list[str]]:
    """(kind or None, why) for one name found by the rules; "misc" for no participant."""
    kind, row = classify(name)
    why = [row] if row else []
    if kind is None and any(m.work for m in ms) and not any(m.person or m.role for m in ms):
        return "misc", why + ["a title or make"]  # "the novel Silver Harbour" is a title, not a person
    if (
        kind == "place"
        and sum(m.work for m in ms) >= 2
        and name not in lexicon.countries()
        and not any(m.place >= 1 and not m.work for m in ms)
    ):
        return "misc", why + ["a title or make"]  # "Quest: Silver Harbour", a title though a province too
    f = _Facts(
        story, name, name.split(), ms, sum(m.person for m in ms), sum(m.place for m in ms), sum(m.org for m in ms)
    )
    if row == "short capitals" and any(c == "state abbreviation after a place" for m in ms for c, _ in m.cues):
        kind = "place"  # "Wolf Point, MT": capitals are an organisation only by their shape
    if (
        kind == "place"
        and f.person >= 2
        and f.place == 0
        and name not in lexicon.places()
        # "the former South Elbonia", "Elbury's Channel Islands, police said": a region of a
        # known place or a strong place head outweighs a title word or an apposition.
        and row != "direction before a place"
        and not (row == "place head word" and f.words[-1] in vocab.STRONG_PLACE_HEADS)
    ):
        kind = "person"
    if kind is None:
        kind = _from_context(f)
        if kind == "person" and f.person < 2 and all(m.article for m in ms):
            kind = None
        if kind == "person" and f.person == 0 and not any(m.role for m in ms) and _versioned(story.text, ms):
            return "misc", why + ["written with version numbers"]  # "Corvid 6", "Corvid 9": a product
        # One speech verb or one preposition is weak evidence: the model may overrule it.
        if max(f.person, f.place, f.org) < 2:
            story.weak.add(name)
    for corr in _CORRECTIONS:
        new = corr.apply(f, kind)
        if new != kind:
            kind = new
            why.append(corr.name)
    return kind, why


def _from_context(f: _Facts) -> str | None:
    """Kind from the summed context evidence of a name no gazetteer row knows."""
    if f.org >= 2 and f.org > f.person and f.org > f.place:
        return "organization"  # "Tarsip said", but "the news agency Tarsip" first
    if f.person > 0 and f.person >= f.place:
        return "person"
    if f.place > 0:
        return "place"
    if f.org > 0:
        return "organization"
    if not f.words:
        return None
    last, first = f.words[-1].lower(), f.words[0]
    # "Northern Cables", "Korvel Development": the last word is an ordinary noun of this very
    # article, and nothing says the first is a given name.
    ordinary = (last in f.story.lower or first.lower() in f.story.lower) and first not in lexicon.first_names()
    return "person" if looks_like_person_name(f.name) and not ordinary else None


def _versioned(text: str, ms: list[Mention]) -> bool:
    """Is a name mostly written with a version number after it ("Corvid 6")?"""
    n = sum(1 for m in ms if _VERSION_RE.match(text, m.end))
    return n >= 2 and 2 * n >= len(ms)


class _Correction(NamedTuple):
    name: str
    apply: Callable[[_Facts, str | None], str | None]  # (facts, kind so far) -> kind


def _hyphenated_given_name(f: _Facts, kind: str | None) -> str | None:
    # "Lau Wai-man" even though Lau is also a place
    if kind in (None, "place") and HYPHEN_GIVEN_RE.fullmatch(f.name) and f.name not in lexicon.places() and f.org < 2:
        return "person"
    return kind


def _given_name_first(f: _Facts, kind: str | None) -> str | None:
    # "Grace Hill", "Ana Lake": a given name outweighs "in" or a place's head word ...
    if (
        2 <= len(f.words) <= 4
        and f.words[0] in lexicon.first_names()
        and kind in (None, "place")
        and f.name not in lexicon.places()
        and f.words[-1] not in vocab.STRONG_PLACE_HEADS
        and f.place < 2  # ... but not "the island of Ana Maria"
    ):
        return "person"
    return kind


def _given_name_alone(f: _Facts, kind: str | None) -> str | None:
    # "his daughters, Mira and Tessa": a given name alone, nothing else known of it
    if (
        kind is None
        and len(f.words) == 1
        and f.name in lexicon.first_names()
        and f.name not in lexicon.places()
        and f.name not in surnames()
        and not all(sentence_initial(f.story.text, m.start) for m in f.ms)
    ):
        return "person"
    return kind


def _family_name_last(f: _Facts, kind: str | None) -> str | None:
    # "Neale Fraser", "Arkadiusz Bak": a known family name after one or two capitalised words
    # that are no everyday word, place, nationality, title or organisation word, though the
    # given name is in no list and "in" or a place word came before it.
    suffixes, prefixes, _ = lexicon.org_cues()
    if (
        kind in (None, "place")
        and 2 <= len(f.words) <= 3
        and f.words[-1] in surnames()
        and f.words[-1] not in vocab.PLACE_HEADS  # "Palk Strait", "Elbury Abbey"
        and not is_common_word(f.words[0])  # "Red Sox", "Old Trafford"
        and f.name not in lexicon.places()
        and f.place < 2
        and f.org < 2
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in f.words)
        and not any(
            w in lexicon.places()
            or w in lexicon.demonyms()
            or w in suffixes
            or w in prefixes
            or is_title(w)
            or w in vocab.PLACE_FIRST_WORDS
            or w.rstrip(".") in vocab.PLACE_PREFIXES
            for w in f.words[:-1]
        )
    ):
        return "person"
    return kind


def _title_last(f: _Facts, kind: str | None) -> str | None:
    # "then Elbury Gov." (the name on the next line), "the Westland Speaker says": a title is
    # the last word of a role, not of a name, unless a given name opens it ("Carla King").
    if (
        kind == "person"
        and len(f.words) > 1
        and is_title(f.words[-1])
        and f.words[-1] not in _TITLE_SURNAMES
        and f.words[0] not in lexicon.first_names()
        and not _ONE_INITIAL_RE.fullmatch(f.words[0])  # "C. King"; but "U.S. Congressman" is a role
    ):
        return "misc"
    return kind


def _plural_opening(f: _Facts, kind: str | None) -> str | None:
    # "Officials said", "Elbonians marched": a plural noun opening a sentence
    if (
        kind != "misc"
        and len(f.words) == 1
        and f.name.endswith("s")
        and kind_of(f.name) is None
        and not is_club(f.name)
        and all(sentence_initial(f.story.text, m.start) for m in f.ms)
    ):
        return "misc"
    return kind


def _head_word_alone(f: _Facts, kind: str | None) -> str | None:
    # "Photos released …", "Construction was halted": a head word alone is a noun
    suffixes, _, orgs = lexicon.org_cues()
    if (
        kind == "organization"
        and len(f.words) == 1
        and f.name in suffixes
        and f.name not in orgs
        and f.name not in vocab.GOVERNMENT_HEADS
        and all(sentence_initial(f.story.text, m.start) for m in f.ms)
    ):
        return None
    return kind


def _everyday_words(f: _Facts, kind: str | None) -> str | None:
    # "Trading System", "Daily Variety said": every word an everyday English word, none a
    # given name, and nothing but its shape or a speech verb for a person. What speaks is
    # then a body; the rest is no participant.
    if (
        kind == "person"
        and len(f.words) > 1  # one word may be a surname common in the news ("Ruiz said")
        and f.person < 2
        and not any(m.role for m in f.ms)
        and not set(f.words) & lexicon.first_names()
        and not any(w.lower() in vocab.NAME_PARTICLES for w in f.words)  # "Marine Le Pen"
        and f.words[-1] not in surnames()  # "Brady Anderson": a family name common in the news
        and all(is_common_word(w) for w in f.words)
    ):
        return "organization" if f.person > 0 else None
    return kind


def _long_name_with_a_word(f: _Facts, kind: str | None) -> str | None:
    # "Global Depositary Receipts", "Northern Textile Mills": three or more words, one of them
    # an everyday word, no given name, no known family name last and no particle, and
    # nothing but the shape for a person: a thing or a body, not someone's name.
    if (
        kind == "person"
        and len(f.words) >= 3
        and f.person == 0
        and not any(m.role for m in f.ms)
        and _unnamed_with_a_word(f)
    ):
        return None
    return kind


def _unnamed_with_a_word(f: _Facts) -> bool:
    """No given name, no known family name last and no name particle, and an everyday word
    among the words: nothing in the name itself says it is a person's."""
    return (not set(f.words) & lexicon.first_names()
            and f.words[-1] not in surnames()
            and not any(w.lower() in vocab.NAME_PARTICLES for w in f.words)
            and any(is_common_word(w) for w in f.words))


_SPEECH_CUES = frozenset({"speech verb after", "speech verb before"})


def _speech_only(f: _Facts) -> bool:
    """Is a speech verb all the evidence of a person the name's mentions have?"""
    cues = {c for m in f.ms for c, k in m.cues if k == "person"}
    return bool(cues) and cues <= _SPEECH_CUES


def _speaks_with_an_everyday_word(f: _Facts, kind: str | None) -> str | None:
    # "Radical Cause said", "Elbury Globo said": a name of several words, one of them an
    # everyday word, no given name and no known family name, whose only person evidence is a
    # speech verb: bodies and papers speak more often than people so named, so too little
    # to tell.
    if (
        kind == "person"
        and len(f.words) > 1
        and _speech_only(f)
        and not any(m.role or m.surface for m in f.ms)
        and _unnamed_with_a_word(f)
    ):
        return None
    return kind


def _lone_word_that_speaks(f: _Facts, kind: str | None) -> str | None:
    # "Veltrax said on Monday": one word, no known given or family name, nothing but a
    # speech verb for a person, no title or role: companies and papers are named so more
    # often than people, who are named in full first (a surname that joins a full name is
    # decided there). Too little to tell: no participant.
    if (
        kind == "person"
        and len(f.words) == 1
        and f.person < 2
        and not any(m.role or m.surface for m in f.ms)
        and _speech_only(f)
        and f.name not in lexicon.first_names()
        and f.name not in surnames()
    ):
        return None
    return kind


def _lone_word_described(f: _Facts, kind: str | None) -> str | None:
    # "Velmark, a biotech firm,", "Prime Minister … Battle": one word whose only evidence is an
    # apposition, or a title before a word the text writes in lower case too or in capitals,
    # and no given or family name.
    cues = {c for m in f.ms for c, k in m.cues if k == "person"}
    if (
        kind == "person"
        and len(f.words) == 1
        and f.name not in lexicon.first_names()
        and f.name not in surnames()
        and (
            cues == {"role in apposition"}
            # an everyday word the text also writes in lower case ("battle"), or capitals
            or cues == {"title before the name"} and (f.name.lower() in f.story.lower or f.name.isupper())
        )
    ):
        return None
    return kind


def _org_word_inside(f: _Facts, kind: str | None) -> str | None:
    # "Veltra Radio Four", "Veltra News Daily": an organisation word inside
    if kind == "person" and f.person < 2 and len(f.words) > 1 and any(w in lexicon.org_cues()[0] for w in f.words[:-1]):
        return "organization"
    return kind


def _company_product(f: _Facts, kind: str | None) -> str | None:
    # "Veltra Corvid", "Microsoft Word": a known company's product
    if (
        kind == "person"
        and f.person < 2
        and len(f.words) > 1
        and f.words[0] in lexicon.org_cues()[2]
        and not any(m.role for m in f.ms)
    ):
        return "misc"
    return kind


def _word_of_a_quoted_title(f: _Facts, kind: str | None) -> str | None:
    # 'a blogger, "Vale declares war on the Elbury Guild"': a name seen only as a word of a
    # quoted title (not the whole title: 'the daily "Elbury Post"'), which no list knows and
    # no role describes, is too weak to be a participant.
    if (
        kind not in (None, "misc")
        and f.story.titles
        and kind_of(f.name) is None
        and not any(m.role or m.surface for m in f.ms)
        and all(_inside_a_title(f.story.titles, m) for m in f.ms)
    ):
        return "misc"
    return kind


def _inside_a_title(titles: tuple[tuple[int, int], ...], m: Mention) -> bool:
    return any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end) for a, b in titles)


def _model_vote(f: _Facts, kind: str | None) -> str | None:
    # The model decides where the rules had no evidence or only the name's shape.
    votes = f.story.votes
    if f.name in votes and kind != "misc" and (kind is None or f.name in f.story.weak):
        return max(votes[f.name].items(), key=lambda kv: kv[1])[0]
    return kind


# "Ana Ruiz (Elbonia) beat …", "… Tomas Feld (Elbonia) 6-3 6-4", "… Feld of Elbonia 6-3 2-6":
# a player (sets are won in pairs of scores), where a club's bracket is followed by its goals
# ("Eastfield Rovers (Elbonia) 5").
_PLAYER_AFTER_RE = re.compile(
    r"\s*\([A-Z][\w .]{1,30}\)\s+[a-z]"
    r"|(?:\s*\([A-Z][\w .]{1,30}\)|\s+of\s+[A-Z]\w+(?:\s[A-Z]\w+)?)?\s+\d{1,2}-\d{1,2},?\s+\d{1,2}-\d{1,2}\b"
)


def _club_with_a_persons_shape(f: _Facts, kind: str | None) -> str | None:
    # "Eastfield Rovers (Elbonia) 5": a club's name has a person's shape
    if (
        f.story.sports
        and kind == "person"
        and f.person == 0
        and sum(m.club for m in f.ms) > 0
        and not any(_PLAYER_AFTER_RE.match(f.story.text, m.end) for m in f.ms)
        and f.words[0] not in lexicon.first_names()
        and not INITIALS_RE.fullmatch(f.words[0])  # "A. Vale 64 not out" is a batsman
        and len(f.words) > 1
    ):
        return "organization"
    return kind


def _club_who(f: _Facts, kind: str | None) -> str | None:
    # "Eastfield, who lost at home": a sports report calls clubs "who" too, so a one-word
    # name with only that for a person stays open (the club rules may take it).
    if (
        f.story.sports
        and kind == "person"
        and len(f.words) == 1
        and {c for m in f.ms for c, k in m.cues if k == "person"} == {"', who' after"}
    ):
        return None
    return kind


def _club_in_sports(f: _Facts, kind: str | None) -> str | None:
    # "Eastfield beat Westport": clubs named after their cities
    if (
        f.story.sports
        and kind != "person"
        and f.name not in lexicon.countries()
        and (is_club(f.name) or sum(m.club for m in f.ms) > 0)
    ):
        return "organization"
    return kind


_CORRECTIONS: tuple[_Correction, ...] = (
    _Correction("hyphenated given name", _hyphenated_given_name),
    _Correction("given name first", _given_name_first),
    _Correction("given name alone", _given_name_alone),
    _Correction("family name last", _family_name_last),
    _Correction("a title last", _title_last),
    _Correction("plural noun opening sentences", _plural_opening),
    _Correction("head word alone opening sentences", _head_word_alone),
    _Correction("organisation word inside", _org_word_inside),
    _Correction("a company's product", _company_product),
    _Correction("everyday words", _everyday_words),
    _Correction("a long name with an everyday word", _long_name_with_a_word),
    _Correction("speaks, with an everyday word", _speaks_with_an_everyday_word),
    _Correction("a lone word that speaks", _lone_word_that_speaks),
    _Correction("a lone word described", _lone_word_described),
    _Correction("a word of a quoted title", _word_of_a_quoted_title),
    _Correction("model vote", _model_vote),
    _Correction("club with a person's shape", _club_with_a_persons_shape),
    _Correction("'who' said of a club", _club_who),
    _Correction("club in a sports report", _club_in_sports),
)
