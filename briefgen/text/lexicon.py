"""Word lists for quote attribution and participant extraction.

Packaged text files under ``briefgen/data`` (places, demonyms, titles, organisation cues)
plus small closed-class lists kept here -> frozen sets, loaded once per process.
Country and subdivision names come from ISO 3166 (via pycountry, generated once at
development time); the other lists are hand-written facts.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("briefgen.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@cache
def words(name: str) -> frozenset[str]:
    """A closed word list, ``briefgen/data/vocab/<name>.txt``: entries separated by lines or
    spaces (an entry with inner spaces needs a line of its own and a ``|`` at its start),
    ``#`` starts a comment. Case is kept: the caller decides whether lists are lower-case."""
    out: set[str] = set()
    for line in _lines(f"vocab/{name}.txt"):
        line = line.split(" #", 1)[0].strip()
        if line.startswith("|"):
            out.add(line[1:].strip())
        else:
            out.update(line.split())
    return frozenset(out)


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``briefgen/data/vocab/<name>.tsv`` (tab-separated, ``#`` comments), in file order."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(f"vocab/{name}.tsv"))


# Verbs that introduce speech or writing. Base forms; inflections are derived in
# ``speech_verb_forms`` so "said", "says", "saying" all match.
SPEECH_VERBS: dict[str, tuple[str, ...]] = {
    "say": ("said", "says", "saying", "say"),
    "tell": ("told", "tells", "telling", "tell"),
    "add": ("added", "adds", "adding", "add"),
    "state": ("stated", "states", "stating"),
    "explain": ("explained", "explains", "explaining"),
    "write": ("wrote", "writes", "writing", "write"),
    "ask": ("asked", "asks", "asking"),
    "declare": ("declared", "declares", "declaring"),
    "note": ("noted", "notes", "noting"),
    "insist": ("insisted", "insists", "insisting"),
    "argue": ("argued", "argues", "arguing"),
    "claim": ("claimed", "claims", "claiming"),
    "recall": ("recalled", "recalls", "recalling"),
    "continue": ("continued", "continues", "continuing"),
    "warn": ("warned", "warns", "warning"),
    "tweet": ("tweeted", "tweets", "tweeting"),
    "announce": ("announced", "announces", "announcing"),
    "reply": ("replied", "replies", "replying"),
    "respond": ("responded", "responds", "responding"),
    "answer": ("answered", "answers", "answering"),
    "comment": ("commented", "comments", "commenting"),
    "remark": ("remarked", "remarks", "remarking"),
    "observe": ("observed", "observes", "observing"),
    "admit": ("admitted", "admits", "admitting"),
    "acknowledge": ("acknowledged", "acknowledges", "acknowledging"),
    "concede": ("conceded", "concedes", "conceding"),
    "confirm": ("confirmed", "confirms", "confirming"),
    "deny": ("denied", "denies", "denying"),
    "suggest": ("suggested", "suggests", "suggesting"),
    "predict": ("predicted", "predicts", "predicting"),
    "promise": ("promised", "promises", "promising"),
    "vow": ("vowed", "vows", "vowing"),
    "pledge": ("pledged", "pledges", "pledging"),
    "urge": ("urged", "urges", "urging"),
    "tell_reporters": (),
    "shout": ("shouted", "shouts", "shouting"),
    "yell": ("yelled", "yells", "yelling"),
    "scream": ("screamed", "screams", "screaming"),
    "cry": ("cried", "cries"),
    "exclaim": ("exclaimed", "exclaims"),
    "joke": ("joked", "jokes", "joking"),
    "quip": ("quipped", "quips"),
    "boast": ("boasted", "boasts", "boasting"),
    "complain": ("complained", "complains", "complaining"),
    "mock": ("mocked", "mocks", "mocking"),
    "recount": ("recounted", "recounts"),
    "emphasize": ("emphasized", "emphasizes", "emphasised", "emphasises"),
    "stress": ("stressed", "stresses", "stressing"),
    "point": ("pointed",),
    "describe": ("described", "describes"),
    "call": ("called", "calls"),
    "read": ("read", "reads"),
    "post": ("posted", "posts"),
    "testify": ("testified", "testifies"),
    "counter": ("countered", "counters"),
    "retort": ("retorted", "retorts"),
    "interject": ("interjected",),
    "whisper": ("whispered", "whispers"),
    "mutter": ("muttered",),
    "chant": ("chanted", "chanting"),
    "conclude": ("concluded", "concludes"),
    "begin": ("began",),
    "agree": ("agreed", "agrees"),
    "reiterate": ("reiterated", "reiterates"),
    "assert": ("asserted", "asserts"),
    "maintain": ("maintained", "maintains"),
    "contend": ("contended", "contends"),
    "charge": ("charged", "charges"),
    "allege": ("alleged", "alleges"),
    "report": ("reported", "reports"),
    "quote": ("quoted",),
    "wonder": ("wondered", "wonders"),
    "muse": ("mused", "muses"),
    "sigh": ("sighed",),
    "plead": ("pleaded", "pleads"),
    "demand": ("demanded", "demands"),
    "beg": ("begged",),
    "reflect": ("reflected", "reflects"),
    "predict_": (),
    "caution": ("cautioned", "cautions"),
    "insinuate": ("insinuated",),
    "proclaim": ("proclaimed", "proclaims"),
    "thunder": ("thundered",),
    "fume": ("fumed",),
    "gush": ("gushed",),
    "rave": ("raved",),
    "lament": ("lamented", "laments"),
    "speak": ("spoke", "speaks", "speaking"),
    "mention": ("mentioned", "mentions"),
    "estimate": ("estimated", "estimates"),
    "echo": ("echoed", "echoes", "echoing"),
    "reveal": ("revealed", "reveals"),
    "label": ("labeled", "labelled", "labeling", "labelling", "labels"),
    "dub": ("dubbed",),
    "assure": ("assured", "assures"),
    "go_on": (),
}

SPEECH_FORMS: frozenset[str] = frozenset(f for forms in SPEECH_VERBS.values() for f in forms)

PRONOUNS: frozenset[str] = words("pronouns")

# Capitalised words that are never (the start of) a participant name, lower case.
NON_NAMES: frozenset[str] = words("non_names") | words("weekdays") | words("months") | words("month_abbreviations")

# Words that can follow "the" and name a speaker by role ("the minister said").
ROLE_NOUNS: frozenset[str] = frozenset(
    """
    minister president premier chancellor senator governor mayor official officials
    spokesman spokeswoman spokesperson secretary chairman chairwoman chair director
    leader candidate congressman congresswoman lawmaker ambassador envoy judge
    prosecutor lawyer attorney commissioner chief executive ceo founder officer
    sheriff detective coach manager player king queen prince pope bishop professor
    doctor expert analyst economist source sources statement report author woman man
    company agency ministry department police nominee businessman billionaire
    winner laureate novelist writer journalist reporter scientist researcher physicist
    artist actor actress singer musician teacher student frontrunner front-runner hopeful challenger
    """.split()
)


@cache
def places() -> frozenset[str]:
    """Known place names, exact case (countries, subdivisions, cities, regions)."""
    names = set(_lines("countries.txt")) | set(_lines("subdivisions.txt")) | set(_lines("cities.txt"))
    names |= set(_lines("cities_geonames.txt"))
    # Subdivision names that are ordinary words would turn "Central" or "North" into places.
    # "US" is kept: in capitals it is the country, not the pronoun.
    return frozenset(n for n in names if n.isupper() and len(n) > 1 or n.lower() not in NON_NAMES and n.lower() not in _COMMON_WORDS)


_COMMON_WORDS = words("place_common_words")


@cache
def demonyms() -> dict[str, str]:
    """Demonym -> place ("Japanese" -> "Japan")."""
    out: dict[str, str] = {}
    for line in _lines("demonyms.txt"):
        adj, _, place = line.partition("|")
        out[adj] = place
    return out


@cache
def title_words() -> frozenset[str]:
    return frozenset(_lines("titles.txt"))


@cache
def org_cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(suffix head words, prefix head words, known organisation names)."""
    suffixes, prefixes, names = set(), set(), set()
    for line in _lines("orgs.txt"):
        if line.startswith("suffix:"):
            suffixes.add(line[7:])
        elif line.startswith("prefix:"):
            prefixes.add(line[7:])
        else:
            names.add(line)
    return frozenset(suffixes), frozenset(prefixes), frozenset(names)


@cache
def countries() -> frozenset[str]:
    """Country names only (national teams stay places, unlike city clubs)."""
    return frozenset(_lines("countries.txt"))


@cache
def teams() -> tuple[frozenset[str], frozenset[str]]:
    """(team nicknames such as "Yankees", club names such as "Ajax Amsterdam")."""
    nicknames, clubs = set(), set()
    for line in _lines("teams.txt"):
        if line.startswith("nickname:"):
            nicknames.add(line[9:])
        else:
            clubs.add(line)
    return frozenset(nicknames), frozenset(clubs)


# Last words of names that are events, prizes, laws or periods ("World Cup", "Labor Day").
MISC_HEADS: frozenset[str] = words("misc_heads")


@cache
def first_names() -> frozenset[str]:
    # The hand-written list, plus census given names that are not also ordinary words.
    return frozenset(_lines("first_names.txt")) | frozenset(_lines("given_names_census.txt"))


# Faiths, their followers and their observances: capitalised, never participants.
CREEDS: frozenset[str] = words("creeds")


# Capitalised abbreviations that are neither people, organisations nor places.
NOT_PARTICIPANTS: frozenset[str] = words("not_participants")


# Verb forms that end a name in Title Case headlines ("Trump Says").
HEADLINE_VERBS: frozenset[str] = words("headline_verbs")

# Party words: a role before a name, a description of people as a name's end.
PARTY_WORDS: frozenset[str] = words("party_words")
