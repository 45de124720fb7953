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


# Verbs that introduce speech or writing: base form -> its forms ("say" -> "said", "says", ...).
SPEECH_VERBS: dict[str, tuple[str, ...]] = {row[0]: tuple(row[1].split()) for row in table("speech_verbs")}

SPEECH_FORMS: frozenset[str] = frozenset(f for forms in SPEECH_VERBS.values() for f in forms)

PRONOUNS: frozenset[str] = words("pronouns")

# Capitalised words that are never (the start of) a participant name.
NON_NAMES: frozenset[str] = frozenset(
    """
    a about above according across additionally after afterwards again against ago all
    almost also although always am among an and another any anyone anything are around as
    at back be because been before being below between beyond both but by can could
    despite did do does during each earlier either else even ever every everyone
    everything except few finally first for from further furthermore had has have having
    he her here hers herself him himself his how however i if in including indeed inside
    instead into is it its itself just last later lastly least less like many may me
    meanwhile might moreover most much must my myself neither never nevertheless next no
    nobody none nor not nothing now of off often on once one only or other others
    otherwise our ours out outside over overall perhaps please rather recently regardless
    same second several she should similarly since so some someone something sometimes
    soon still such than that the their theirs them themselves then there therefore these
    they third this those though through throughout thus to today together tomorrow too
    toward towards under unless unlike until up upon us very via was we well were what
    whatever when whenever where whereas whether which while who whoever whom whose why
    will with within without would yes yesterday yet you your yours yourself
    monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    mr mrs ms dr
    oh ok okay hey dear thanks thank yeah sorry hello
    breaking update updated editor note photo video watch read related advertisement
    sign subscribe click share follow comments comment email print
    rest
    """.split()
)

# Words that can follow "the" and name a speaker by role ("the minister said").
ROLE_NOUNS: frozenset[str] = words("role_nouns")


@cache
def places() -> frozenset[str]:
    """Known place names, exact case (countries, subdivisions, cities, regions)."""
    names = set(_lines("countries.txt")) | set(_lines("subdivisions.txt")) | set(_lines("cities.txt"))
    names |= set(_lines("cities_geonames.txt"))
    # Subdivision names that are ordinary words would turn "Central" or "North" into places.
    # "US" is kept: in capitals it is the country, not the pronoun.
    return frozenset(n for n in names
                     if (n.isupper() and len(n) > 1) or (n.lower() not in NON_NAMES and n.lower() not in _COMMON_WORDS))


_COMMON_WORDS = frozenset(
    """
    central centre center north south east west northern southern eastern western coast
    capital national city region district island islands upper lower middle river lake
    mountain valley plains highlands lakes west-end federal border interior port
    """.split()
)


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


# Last words of capitalised names that are events, prizes, laws, diseases or periods, not
# people, organisations or places ("World Cup", "Nobel Peace Prize", "Labor Day").
MISC_HEADS: frozenset[str] = frozenset(
    """Cup Cups Slam Slams Series Prize Prizes Open Championship Championships Games Olympics
    Convention Treaty Disease War Day Year Award Awards Trophy Tournament Rally Stakes Festival
    Act Accord Accords Agreement Summit Marathon Derby Grand Prix Classic Masters Bowl Prix
    Encephalopathy Syndrome Index Indices Average Plan Doctrine Revolution Era Age Dynasty
    Week Month Season Olympiad Tour Race Stage Final Finals Semifinal Semifinals Charter
    Declaration Protocol Initiative Bill Law Code Constitution Amendment
    Telescope Shuttle Rover Orbiter Lander Probe Satellite Spacecraft Expo Flight Show""".split()
)


@cache
def first_names() -> frozenset[str]:
    # The hand-written list, plus census given names that are not also ordinary words.
    return frozenset(_lines("first_names.txt")) | frozenset(_lines("given_names_census.txt"))


# Faiths, their followers and their observances: capitalised, often after "in", never participants.
CREEDS: frozenset[str] = frozenset(
    """Islam Islamic Muslim Muslims Moslem Moslems Christianity Christian Christians Judaism Jew
    Jews Jewish Hinduism Hindu Hindus Buddhism Buddhist Buddhists Sikhism Sikh Sikhs Catholicism
    Catholic Catholics Protestantism Protestant Protestants Evangelical Evangelicals Mormon
    Mormons Scientologist Scientologists Hajj Ramadan Eid Easter Christmas Passover
    Hanukkah Diwali Lent Islamophobia Antisemitism Sunni Sunnis Shia Shiite Shiites
    Islamist Islamists""".split()
) | {"Roman Catholic", "Roman Catholics", "Orthodox Christian", "Greek Orthodox"}


# Capitalised abbreviations that are neither people, organisations nor places.
NOT_PARTICIPANTS: frozenset[str] = frozenset(
    """GMT EDT EST CET BST PST CST MST UTC GDP CPI GNP PPI TV AM PM CEO CFO AIDS HIV BSE CJD
    OK DNA IPO VAT NAV EPS VIP POTUS FLOTUS HTML HTTP URL PDF USB GPS SUV LGBT LGBTQ RNA
    MRI ICU PPE A.M. P.M.""".split()
)


# Capitalised verb forms that end a name in Title Case headlines ("Trump Says", "Clinton Tells
# Voters"); "Will" and "May" stay out because they are also given names.
HEADLINE_VERBS: frozenset[str] = frozenset(
    """says said tells told announces announced wants calls called slams slammed urges urged
    warns warned claims claimed admits admitted defends defended blasts blasted rips backs
    endorses endorsed vows vowed plans asks asked explains responds responded praises praised
    attacks attacked accuses accused is are was were has have had does did gets got makes
    made won't can't doesn't isn't wasn't stands hits takes gives goes comes leads wins loses
    faces picks drops joins leaves signs seeks sees unveils reveals rejects slams""".split()
)

# Party words: "Democrat Hillary Clinton" has a role, "New Hampshire Republican" and
# "Senate Democrats" are descriptions of people, not names.
PARTY_WORDS: frozenset[str] = frozenset(
    "Republican Republicans Democrat Democrats Democratic GOP Libertarian Libertarians".split()
)
