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
    return [ln for ln in map(str.strip, text.splitlines()) if ln and not ln.startswith("#")]


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


# speech_verbs.tsv says, row by row, whether a verb introduces speech, gives something a name
# ("dubbed the feud: “…”"), or both; the two sets below are read from that one table.
_VERB_USES: tuple[tuple[str, tuple[str, ...], frozenset[str]], ...] = tuple(
    (row[0], tuple(row[1].split()), frozenset(row[2].split())) for row in table("speech_verbs")
)

# Verbs that introduce speech or writing: base form -> its forms ("say" -> "said", "says", ...).
SPEECH_VERBS: dict[str, tuple[str, ...]] = {base: forms for base, forms, uses in _VERB_USES if "speech" in uses}

SPEECH_FORMS: frozenset[str] = frozenset(f for forms in SPEECH_VERBS.values() for f in forms)

# Forms of verbs that give something a name: a colon after them introduces the name, not speech.
NAMING_FORMS: frozenset[str] = frozenset(f for _, forms, uses in _VERB_USES if "naming" in uses for f in forms)

# Forms that give a name in quotation marks ("a boat called “Sea Lark”"): the naming verbs, and
# verbs whose colon still introduces speech ("called them on it: “…”").
QUOTED_NAME_FORMS: frozenset[str] = NAMING_FORMS | frozenset(
    f for _, forms, uses in _VERB_USES if "quoted-name" in uses for f in forms)

PRONOUNS: frozenset[str] = words("pronouns")

# Capitalised words that are never (the start of) a participant name, lower case.
NON_NAMES: frozenset[str] = words("non_names") | words("weekdays") | words("months") | words("month_abbreviations")

# Words that can follow "the" and name a speaker by role ("the minister said").
ROLE_NOUNS: frozenset[str] = words("role_nouns")


@cache
def places() -> frozenset[str]:
    """Known place names, exact case (countries, subdivisions, cities, regions)."""
    names = set(_lines("countries.txt")) | set(_lines("subdivisions.txt")) | set(_lines("cities.txt"))
    names |= set(_lines("cities_geonames.txt")) | set(_lines("towns_geonames.txt"))
    # Subdivision names that are ordinary words would turn "Central" or "North" into places.
    # "US" is kept: in capitals it is the country, not the pronoun.
    everyday = NON_NAMES | _COMMON_WORDS
    return frozenset(n for n in names if (n.isupper() and len(n) > 1) or n.lower() not in everyday)


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
