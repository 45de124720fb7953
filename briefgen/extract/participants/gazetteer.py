"""A name alone -> its kind, from gazetteers and head words: an ordered table whose first
matching row decides ("misc" for names that are no participant: events, creeds, groups).

The rows are evidence too: their names explain a participant's kind (``Participant.evidence``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from briefgen.extract.participants import vocab
from briefgen.text import lexicon

_VENUE_RE = re.compile(r"\b" + vocab.alternation("venue_words") + r" Cent(?:re|er)$")
_NUMERAL_RE = re.compile(r"[IVXLC]+")
_SHORT_CAPS_RE = re.compile(r"[A-Z][A-Z&.]{1,4}")


class Row(NamedTuple):
    name: str
    kind: str  # person, organization, place or misc
    test: Callable[[str, list[str]], bool]  # (name, its words) -> does the row apply


def _team_of_place(name: str, words: list[str]) -> bool:
    # "New York Yankees", "Oakland Athletics": a place followed by a team nickname.
    nicknames = lexicon.teams()[0]
    return any(
        len(words) > k and " ".join(words[-k:]) in nicknames and " ".join(words[:-k]) in lexicon.places()
        for k in (1, 2)
    )


def _head_before_of(name: str, words: list[str]) -> bool:
    # "Chicago Board of Trade", "National Bank of Elbury": the head comes before "of".
    if " of " not in name:
        return False
    head = name.split(" of ")[0].split()
    return bool(head) and head[-1] in lexicon.org_cues()[0]


def _event_head(name: str, words: list[str]) -> bool:
    # "Harvest Cup", "Peace Prize" are events; "Tessa Law" (a given name, then a surname
    # that is also a head word) is a person.
    return (
        len(words) > 1
        and words[-1] in lexicon.MISC_HEADS
        and not (len(words) == 2 and words[-1] in vocab.SURNAME_HEADS and words[0] in lexicon.first_names())
    )


def _nationality(name: str, words: list[str]) -> bool:
    dem = lexicon.demonyms()
    return name in dem or name.endswith("s") and (name[:-1] in dem or name[:-2] in dem and name.endswith("es"))


def _in_places(name: str, words: list[str]) -> bool:
    places = lexicon.places()
    return name in places or name.isupper() and name.title() in places


ROWS: tuple[Row, ...] = (
    Row("known organisation", "organization", lambda n, w: n in lexicon.org_cues()[2]),
    Row("abbreviation that is no participant", "misc", lambda n, w: n in lexicon.NOT_PARTICIPANTS),
    Row("creed", "misc", lambda n, w: n in lexicon.CREEDS),
    Row("place and team nickname", "organization", _team_of_place),
    Row("known club", "organization", lambda n, w: n in lexicon.teams()[1] and n not in lexicon.places()),
    Row(
        "organisation opener with a connector",
        "organization",
        lambda n, w: len(w) > 2 and w[0] in vocab.ORG_OPENERS and any(x in vocab.CONNECTORS for x in w),
    ),
    Row("organisation head before 'of'", "organization", _head_before_of),
    Row("space station", "misc", lambda n, w: n.endswith("Space Station")),  # a craft, like a telescope
    Row("operation code name", "misc", lambda n, w: len(w) > 1 and w[0] == "Operation"),
    Row("ship prefix", "misc", lambda n, w: len(w) > 1 and w[0] in vocab.SHIP_PREFIXES),
    # "Hurricane Ana", "Tropical Storm Bill": a storm, named like a person
    # ("Storm Prediction Center" is a body: a storm's name is one word after its opener)
    Row("storm name", "misc", lambda n, w: len(w) == 2 and w[0] in vocab.STORM_WORDS or w[:2] == ["Tropical", "Storm"]
        and len(w) == 3),
    Row("event head word", "misc", _event_head),
    # "Muslim Americans": a group of people
    Row(
        "plural nationality after a word",
        "misc",
        lambda n, w: len(w) > 1 and w[-1].endswith("s") and w[-1][:-1] in lexicon.demonyms(),
    ),
    # "Republican", "New Hampshire Republican", "Senate Democrats": descriptions of people
    Row("party word last", "misc", lambda n, w: bool(w) and w[-1] in lexicon.PARTY_WORDS),
    Row("nationality", "misc", _nationality),
    Row(
        "national team",
        "organization",
        lambda n, w: len(w) > 1 and w[0] == "Team" and " ".join(w[1:]) in lexicon.places(),
    ),
    # "the Elbonian Red Cross": a national society of a known organisation
    Row(
        "national society",
        "organization",
        lambda n, w: len(w) > 2 and w[0] in lexicon.demonyms() and " ".join(w[1:]) in lexicon.org_cues()[2],
    ),
    Row("place gazetteer", "place", _in_places),
    # "South Kivu", "Northern Elbonia": a direction word before a known place is a region of it
    Row(
        "direction before a place",
        "place",
        lambda n, w: len(w) > 1 and w[0] in vocab.COMPASS_WORDS and " ".join(w[1:]) in lexicon.places(),
    ),
    # "the Open", "the Cup" alone name an event
    Row(
        "event head alone",
        "misc",
        lambda n, w: len(w) == 1 and (n in lexicon.MISC_HEADS or n == "Olympic") and n not in vocab.SURNAME_HEADS,
    ),
    Row(
        "place head word",
        "place",
        lambda n, w: len(w) > 1 and (w[-1] in vocab.PLACE_HEADS or w[0] in vocab.PLACE_FIRST_WORDS),
    ),
    Row("venue", "place", lambda n, w: bool(_VENUE_RE.search(n))),  # the building, not the body that runs it
    Row(
        "organisation head word",
        "organization",
        lambda n, w: bool(w) and (w[-1] in lexicon.org_cues()[0] or w[0] in lexicon.org_cues()[1] and len(w) > 1),
    ),
    # "the State and Trade Departments": several bodies, no one name
    Row("several bodies", "misc", lambda n, w: len(w) > 1 and w[-1] in vocab.PLURAL_BODIES),
    Row(
        "roman numeral", "misc", lambda n, w: len(n) > 1 and bool(_NUMERAL_RE.fullmatch(n))
    ),  # "part XVII", "Henry VIII"
    Row("short capitals", "organization", lambda n, w: bool(_SHORT_CAPS_RE.fullmatch(n))),
)


@lru_cache(maxsize=1 << 16)
def classify(name: str) -> tuple[str | None, str]:
    """(kind, the deciding row's name) of a name alone; (None, "") when no row applies."""
    words = name.split()
    for row in ROWS:
        if row.test(name, words):
            return row.kind, row.name
    return None, ""


def kind_of(name: str) -> str | None:
    return classify(name)[0]
