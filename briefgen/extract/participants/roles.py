"""Roles: a capitalised run -> where its leading role ends ("Elbonian Prime Minister | Ana
Ruiz"); lower-case role words before a name ("former finance minister"); an apposition
after it (", a teacher at the school,")."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from briefgen.extract.participants import vocab
from briefgen.extract.participants.gazetteer import kind_of
from briefgen.extract.participants.names import demonym_len, is_title, sentence_initial, strip_possessive
from briefgen.text import lexicon
from briefgen.text.spans import ABBREVIATIONS, Token, last_word

# "Foreign Office Minister Lord Vale": the peer's style is no part of the role.
# "Mr Vale": a courtesy title is no role either.
STYLE_END_RE = re.compile(
    r"(?:^|\s+)" + vocab.alternation_of(vocab.STYLES | lexicon.words("courtesy_titles")) + r"\.?$"
)
_APPOSITION_ENDS = vocab.alternation("apposition_ends")
_CLAUSE_BREAKS = lexicon.words("role_clause_breaks")
_PAST_VERBS = lexicon.words("past_verbs")
_COURTESY = frozenset(w.lower() for w in lexicon.words("courtesy_titles"))
_GROUP_WORDS = lexicon.words("role_group_words") | lexicon.words("quantifiers")
_RANK_PREFIXES = lexicon.words("role_rank_prefixes")
_INNER_WORDS = lexicon.words("role_inner_words")
# Words a role's prepositional tail may hold ("ambassador to the US", "official with the Elbury Board").
_TAIL_WORDS = frozenset("the of for to at in on with and".split())
_PP_OPENERS = frozenset("of for to at in on with".split())
# "the only officer charged", "the first man rescued": a ranking, not a post.
_RANKING_WORDS = frozenset("only first last second third sole".split())
# ", a teacher at the school,", ", the U.K.'s Foreign Secretary said": abbreviation periods
# may sit inside; the phrase ends at punctuation or at the speech verb (closing comma left out).
_APPOSITIVE_RE = re.compile(
    r",\s+(?:\d{1,3},\s+)?((?:a|an|the|his|her|its|their)\s+[^,;:“”\"()\n]{2,70}?)"
    r"(?=[,;:]|(?<![A-Z])\.|\.\s+[A-Z]|\.$|\s+" + _APPOSITION_ENDS + r"\b)"
)


def _clause_cut(phrase: str) -> str:
    """The noun phrase of an apposition without the relative or participle clause after its
    role noun ("a teacher who lives nearby", "a teacher carrying a flag" -> the role). A finite
    verb left in it after a participle still makes the whole a clause ("the first man rescued
    on Friday was sent back"), so it is kept for that check."""
    words = phrase.split()
    for i, w in enumerate(words[1:], 1):
        low = w.lower()
        if low in _CLAUSE_BREAKS:
            return " ".join(words[:i])
        after_head = _is_head(words[i - 1].rstrip(","))
        if after_head and w.islower() and low.endswith(("ing", "ed")) and low not in lexicon.title_words():
            if any(x in vocab.FINITE_VERBS for x in words[i:]):
                return phrase
            return " ".join(words[:i])
    return phrase


def split_role(run: list[Token]) -> int:
    """Index where the name starts after a leading role ("South Korean President | Lee",
    "EU Farm Commissioner | Ana Ruiz"); 0 when there is no role."""
    k, cut = 0, 0
    while k < len(run):
        d = demonym_len(run, k)
        if d:
            k += d
            continue
        if not (is_title(run[k].text) or run[k].lower in vocab.ROLE_MODIFIERS or run[k].text in lexicon.PARTY_WORDS
                or rank_prefix(run, k)):
            break
        k += 1
        # "Democrat Ana Ruiz": a party word before a name is a role, like a title.
        if is_title(run[k - 1].text) or run[k - 1].text in lexicon.PARTY_WORDS and k < len(run):
            cut = k
        if k + 1 < len(run) and run[k].lower == "of":  # "Secretary of State Ana Ruiz"
            k += 2
            cut = k
    cut = _inner_title(run, cut) or cut
    return 0 if _general_as_adjective(run, cut) else cut


def _general_as_adjective(run: list[Token], cut: int) -> bool:
    """"Elbury General | Hospital", "the Elbonian General | Assembly": "General" after a
    place or body's name and before its head word alone is an adjective of the name, no
    title; the head word is no one's name."""
    return (
        2 <= cut == len(run) - 1
        and run[cut - 1].lower == "general"
        and (run[cut].text in vocab.PLACE_HEADS or run[cut].text in lexicon.org_cues()[0])
    )


def rank_prefix(run: list[Token], k: int) -> bool:
    """"Staff | Sgt.", "Rear | Admiral": a word that opens a rank right before a title."""
    return run[k].lower in _RANK_PREFIXES and k + 1 < len(run) and is_title(run[k + 1].text)


def _inner_title(run: list[Token], cut: int) -> int:
    """A title after an organisation or place: the last title word before 1-3 name words
    ("Former | UN Ambassador | Ana Ruiz" once the leading role is cut); 0 when none."""
    names = lexicon.first_names()
    for i in range(max(cut, 1), len(run) - 3):
        # "US Secretary of State | Ana Ruiz": a title's "of" part before the given name.
        if is_title(run[i].text) and run[i].text[:1].isupper() and run[i + 1].lower == "of":
            j = next((j for j in range(i + 2, min(i + 5, len(run) - 1)) if run[j].text in names), 0)
            if j and 2 <= len(run) - j <= 3 and not any(is_title(t.text) for t in run[j:]):
                return j
    for i in range(len(run) - 2, max(cut, 1) - 1, -1):
        # A unit's rank is a title before a given name ("Army Ranger Ana Ruiz", not "Ranger Division").
        rank = run[i].text in vocab.UNIT_RANKS and run[i + 1].text in lexicon.first_names()
        if (is_title(run[i].text) or rank) and run[i].text[:1].isupper() and 1 <= len(run) - i - 1 <= 3:
            if not any(is_title(t.text) for t in run[i + 1 :]):
                return i + 1
    return 0


_COMPOUND_ADJ_RE = re.compile(r"[a-z0-9]+(?:-[a-z]+)*-(?:[a-z]+ing|[a-z]+ed|time|term)")


def _before_title(t: Token) -> bool:
    """Is ``t`` a title, or a lower-case word inside a role ("long-serving | MP", "| former")?"""
    return is_title(t.text) or t.text.islower() and t.lower in vocab.ROLE_MODIFIERS


def left_role(text: str, tokens: list[Token], idx: int) -> tuple[str, int] | None:
    """Lower-case role words right before token ``idx`` ("former", "Veltra chief executive")."""
    titles = lexicon.title_words()
    j = idx - 1
    start = None
    has_title = False
    while j >= 0 and text[tokens[j].end : tokens[j + 1].start] == " ":
        t = tokens[j]
        if not (t.text.islower() and (t.lower in titles or t.lower in vocab.ROLE_MODIFIERS or (
                _COMPOUND_ADJ_RE.fullmatch(t.lower) and _before_title(tokens[j + 1])))):
            break  # "long-serving MP Ana Ruiz": a compound adjective may open the role
        has_title = has_title or t.lower in titles
        start = j
        j -= 1
    if start is None:
        return _possessive_before_title(text, tokens, idx)
    # "Veltra chief executive", "Veltra’s chief executive", "Elbonian foreign minister"
    if j >= 0 and tokens[j].is_cap and text[tokens[j].end : tokens[start].start] == " " and has_title:
        if (
            not sentence_initial(text, tokens[j].start)
            or tokens[j].text in lexicon.demonyms()
            or kind_of(strip_possessive(tokens[j].text))
        ):
            start = j
    return text[tokens[start].start : tokens[idx].start].strip(), tokens[start].start


_POSSESSIVE_RE = re.compile(r"[A-Z][\w.-]*(?:['’]s|s['’])$")
_SPACED_POSSESSIVE_RE = re.compile(r"[A-Z][\w.-]* ['’]s$")


def _possessive_ends(text: str, end: int) -> bool:
    """Does ``text[:end]``, trailing space stripped, end in a possessive (``_POSSESSIVE_RE``)?
    The pattern holds no space, so only the last word is read: the whole prefix, copied and
    searched once per mention, made this quadratic in the article's length."""
    hi = end
    while hi > 0 and text[hi - 1].isspace():
        hi -= 1
    lo = hi
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    return _POSSESSIVE_RE.search(text, lo, hi) is not None


def _possessive_before_title(text: str, tokens: list[Token], idx: int) -> tuple[str, int] | None:
    """"Elbury Party's Shadow Home Secretary Ana Ruiz": a proper name's possessive right before
    a run that opens with a title is the role's first word (whose post it is)."""
    j = idx - 1
    start = tokens[idx].start
    # a bounded window, not the whole prefix (copied once per mention, that was quadratic)
    if j > 0 and _SPACED_POSSESSIVE_RE.search(text[max(0, start - 80) : start].rstrip()):
        j -= 1  # treebank spacing, "Elbonia 's Minister of Roads": the mark is a token of its own
    elif j < 0 or not _possessive_ends(text, start):
        return None
    if not text[tokens[j].end : start].endswith(" "):
        return None
    k = idx
    while k < len(tokens) and tokens[k].is_cap and (k == idx or text[tokens[k - 1].end : tokens[k].start] == " "):
        if is_title(tokens[k].text):
            break
        k += 1
    if k >= len(tokens) or not tokens[k].is_cap or not is_title(tokens[k].text):
        return None
    start = max(text.rfind(c, 0, tokens[j].start) for c in " \n\t") + 1  # "…systems.\n\nLabour's": not past the break
    # The possessive may be the end of a longer name ("Elbury Party's"): read back over capitals.
    while j > 0 and tokens[j - 1].is_cap and text[tokens[j - 1].end : tokens[j].start] == " " and not (
        sentence_initial(text, tokens[j - 1].start) and tokens[j - 1].lower in _STARTERS
    ):
        j -= 1
        start = tokens[j].start
    if sentence_initial(text, start) and text[start : tokens[idx].start].split()[0].lower() in _STARTERS:
        return None
    return text[start : tokens[idx].start].strip(), start


def appositive_role(text: str, end: int) -> str | None:
    """The role phrase in apposition after a name ending at ``end`` (", a teacher at the school,")."""
    m = _APPOSITIVE_RE.match(text, end)
    if not m:
        return None
    phrase = _clause_cut(m.group(1))
    if any(w in vocab.FINITE_VERBS for w in phrase.split()):
        return None  # "Ana Ruiz, the first boat rescued … was turned around": a clause
    words = [w.strip("’'").lower() for w in phrase.split()]
    # Any noun of a post, occupation or relation makes it a role ("a construction engineer").
    if any(w in lexicon.title_words() or _is_head(w) and w not in _NON_PERSON_HEADS for w in words[1:]):
        return phrase
    return None


# ----------------------------------------------------------------------------- more role forms

_POST_NOMINALS = lexicon.words("post_nominals")
_ROLE_STOPS = lexicon.words("role_stop_words") | lexicon.SPEECH_FORMS | vocab.FINITE_VERBS
# The differences the role readers test words against, made once (not once per word).
_COMMA_ROLE_STOPS = _ROLE_STOPS - {"the", "of", "for"}
_ROLE_STOPS_BUT_ARTICLES = _ROLE_STOPS - {"the", "a", "an"}
_ROLE_STOPS_BUT_TAIL = _ROLE_STOPS - _TAIL_WORDS
_NON_PERSON_HEADS = lexicon.words("non_person_heads")
_SURNAME_RE = re.compile(r"^[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?[,.]?$")
_CALENDAR = frozenset(w.lower() for w in lexicon.words("weekdays") | lexicon.words("months"))
_MAX_ROLE_WORDS = 12
# ", the leader of …", ", Executive Secretary of …", ", who is believed to be the bomber of …":
# an apposition after the name, with or without a determiner, up to punctuation, a bracket
# or the speech verb.
_APPOSITION_RE = re.compile(
    r",?\s+(?:who\s+(?:is|was|has\s+been|had\s+been)\s+(?:(?:believed|thought|said|reported)\s+to\s+be\s+)?)?"
    r"((?:(?:a|an|the|his|her|its|their)\s+)?[^,;:“”\"()\n]{2,170}?)"
    r"(?=\s*[,;:(]|(?<![A-Z])\.|\.\s+[A-Z]|\.$|\s+" + _APPOSITION_ENDS + r"\b)"
)
_RELATIVE_RE = re.compile(r",?\s+who\s+(?:is|was|has been|had been)\b")
# "Minister for the Olympics Ana Ruiz", "Duchess of Elbury Ana Vale", "Ambassador to the
# United States Ana Ruiz": a title and its "of" part before the run that holds the name.
_TITLE_OF_BEFORE_RE = re.compile(
    r"((?:(?:[A-Z][\w.'’-]*|and)\s+)*[A-Z][\w'’-]*)\s+(?:of|for|to)\s+(?:the\s+)?$"
)


@cache
def _person_heads() -> frozenset[str]:
    """Lower-case nouns that can end a person's role ("minister", "presenter", "soprano")."""
    return (
        lexicon.title_words() | lexicon.ROLE_NOUNS | lexicon.words("occupations") | lexicon.words("person_nouns")
        | lexicon.words("kin_nouns")
    ) - _NON_PERSON_HEADS - _COURTESY - lexicon.words("role_plain_nouns")


_PERSON_SUFFIXES = ("ologist", "ologists", "ician", "icians")


def _is_head(word: str, plural: bool = False) -> bool:
    w = word.lower().strip("’'.").split("-")[-1]
    heads = _person_heads()
    # "singers Ana Ruiz and …": a plural head names each of the people after it.
    plural = plural and len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w[:-1] in heads
    # "epidemiologist", "paediatrician", "electrician": these endings name a person's field or trade.
    trade = len(w) > 7 and w.endswith(_PERSON_SUFFIXES) and w.isalpha()
    return w in heads or plural or trade or word.lower().rstrip(".") in heads or is_title(word)


def is_person_noun(word: str) -> bool:
    """Is the lower-case ``word`` a noun of a post, occupation or standing ("policeman")?"""
    return _is_head(word) and word not in _NON_PERSON_HEADS and word not in _COURTESY


def phrase_role_before(text: str, tokens: list[Token], idx: int) -> tuple[str, int] | None:
    """A role phrase right before token ``idx`` whose last word is a role noun, read back over
    modifiers and names up to a function word or punctuation ("TV presenter", "Vancouver-based
    venture capitalist", "five time Olympic gold medal winner", "US Transport Command
    spokesman"). Returns (role, start offset)."""
    j = idx - 1
    if j < 0 or not _is_head(tokens[j].text, plural=True) or tokens[j].lower.rstrip(".") in _COURTESY:
        return None  # "showing Mr Vale": a courtesy title heads no role
    gap = text[tokens[j].end : tokens[idx].start]
    # "Army Spc. Ana Ruiz": an abbreviated title keeps its full stop.
    if gap != " " and not (gap == ". " and tokens[j].lower in ABBREVIATIONS):
        return None
    if tokens[j].is_cap and not is_title(tokens[j].text) and not (
        sentence_initial(text, tokens[j].start) and _is_head(tokens[j].lower)  # "Policeman Ana Ruiz"
    ):
        return None  # "Brown Ana Ruiz": a capitalised word is a title only when titles.txt says so
    start = j
    k = j - 1
    while k >= 0 and idx - k <= _MAX_ROLE_WORDS and _joined(text, tokens[k], tokens[k + 1]):
        t = tokens[k]
        low = t.lower
        if low in _ROLE_STOPS and not _inside_name(tokens, k) and not _coordinated(tokens, k, start):
            break
        # "praised | coach", "after beating | champion": a verb form ends the role, but an
        # -ing noun inside it stays ("world rowing champion").
        gerund = low.endswith("ing") and low not in lexicon.title_words() and (
            k == 0 or tokens[k - 1].lower in _ROLE_STOPS or text[tokens[k - 1].end : t.start] != " "
        )
        # "award-winning journalist", "state-appointed lawyer": a hyphenated compound is an
        # adjective of the role; "newly elected councillor": inner words of a role.
        inner = "-" in low or low in _INNER_WORDS and start < j + 1
        if low in _PAST_VERBS and low not in _INNER_WORDS or not t.is_cap and not inner and (
            low.endswith("ly") or (low.endswith("ed") and low not in vocab.ROLE_MODIFIERS) or gerund
        ):
            break
        if t.is_cap and sentence_initial(text, t.start) and not (
            low in lexicon.title_words()  # "Chief executive Ana Ruiz"
            or low in _RANK_PREFIXES and is_title(tokens[k + 1].text)  # "Staff Sgt. Ana Ruiz"
            # "Global health campaigner …": a first word that is no sentence opener, before lower case
            or low not in _STARTERS and not tokens[k + 1].is_cap
            or t.text in lexicon.demonyms() or kind_of(strip_possessive(t.text)) or "-" in t.text
            or k + 1 < j and tokens[k + 1].is_cap
        ):
            break  # "Yesterday goalkeeper …": a sentence's first word is no part of the role
        start = k
        k -= 1
    while start < j and tokens[start].lower in _NAME_LINKS:
        start += 1  # ", and Elbury Council for … campaigner": a link word never opens the role
    return text[tokens[start].start : tokens[idx].start].strip(), tokens[start].start


def _joined(text: str, t: Token, nxt: Token) -> bool:
    """Are two words of one phrase next to each other: one space, or an initialism's or a
    possessive's mark and a space ("U.S. soldier", "Elbury' mayor")?"""
    gap = text[t.end : nxt.start]
    if gap == " " or gap == " - " and treebank_spaced(text):
        return True  # "pro - democracy activist": a compound's hyphen in treebank spacing
    if gap in (" '", " ’") and nxt.text == "s":
        return True  # "Civic Party 's chairman": treebank spacing's possessive, a token of its own
    return t.is_cap and (gap == ". " and "." in t.text or gap in ("' ", "’ ") and t.text.endswith("s"))


_TREEBANK_MARKS_RE = re.compile(r"\w [,.] ")


@lru_cache(maxsize=4)
def treebank_spaced(text: str) -> bool:
    """Is the text in treebank tokenisation spacing (a space before most commas and full stops)?
    A spaced hyphen is then a compound's ("six - member"), not a dash between phrases."""
    marks = len(_TREEBANK_MARKS_RE.findall(text))
    return marks >= 3 and marks * 2 >= text.count(",") + text.count(". ")


_STARTERS = lexicon.words("sentence_starters") | lexicon.words("intro_words") | _CALENDAR
_NAME_LINKS = frozenset("of for the and".split())


def _inside_name(tokens: list[Token], k: int) -> bool:
    """"Joint Council for the Welfare of Immigrants campaigner": a link word between capitalised
    words of one name is no end of the role."""
    if tokens[k].lower not in _NAME_LINKS:
        return False
    after = next((t for t in tokens[k + 1 :] if t.lower not in _NAME_LINKS), None)
    before = next((t for t in reversed(tokens[:k]) if t.lower not in _NAME_LINKS), None)
    # "Tom Vale and Elbonian armed forces spokesman": a nationality after "and" opens a role.
    return bool(after and before and after.is_cap and before.is_cap and after.text not in lexicon.demonyms() and (
        tokens[k + 1].is_cap or tokens[k + 1].lower == "the"))


def _coordinated(tokens: list[Token], k: int, start: int) -> bool:
    """"academic and former professor": "and" between two role words joins two roles of one person."""
    # "interior and overseas minister": two modifiers of one role noun are joined too.
    return (
        tokens[k].lower == "and" and k > 0 and tokens[k - 1].text.islower()
        and (_is_head(tokens[k - 1].text) or tokens[k - 1].lower in vocab.ROLE_MODIFIERS)
        and tokens[start].text.islower()
    )


_COMMA_END_RE = re.compile(r",\s+$")
_PHRASE_BREAKS = frozenset(',;:.!?()“”"\n')
_INITIALISM_DOT_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.)+$")


_ACRONYM_BRACKET_RE = re.compile(r"\s+\([A-Z][A-Z.&]{1,9}\)$")


def _phrase_before_comma(before: str) -> str | None:
    """The words between the last break and the comma that ends ``before``; an initialism's
    full stops stay inside ("the U.N. climate chief, Ana Ruiz")."""
    m = _COMMA_END_RE.search(before)
    if not m:
        return None
    # "a spokesman for the Elbury Water Board (EWB), Ana Ruiz": the body's initialism in
    # brackets is no break, and no part of the role.
    acronym = _ACRONYM_BRACKET_RE.search(before, 0, m.start())
    if acronym:
        before = before[: acronym.start()] + before[acronym.end() :]
        m = _COMMA_END_RE.search(before)
        if not m:
            return None
    i = m.start()
    while i > 0:
        c = before[i - 1]
        if c in _PHRASE_BREAKS and not (
            c == "." and _INITIALISM_DOT_RE.search(before, 0, i) and re.match(r"[A-Z]\.|\s+[a-z]", before[i:])
        ):
            break
        i -= 1
    phrase = before[i : m.start()]
    return phrase if 2 <= len(phrase) <= 120 else None


_COUNT_WORDS = frozenset("two three four five six seven eight nine ten".split())
# A name, then ", " or " and " and the next capitalised name: the name opens a list.
_LIST_AHEAD_RE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*(?:,\s+(?:and\s+)?|\s+and\s+)[A-Z]")
_AGE_BEFORE_RE = re.compile(r"(?<=\s)\d{1,3}[- ]years?[- ]old\s+$")


def comma_role_before(text: str, start: int) -> str | None:
    """"The state's governor, Ana Ruiz", "Minister for Ports, Ana Ruiz": a role phrase that
    ends in a role noun (or opens with a title and its "of" part) before a comma and the name."""
    age = _AGE_BEFORE_RE.search(text, max(0, start - 20), start)
    if age:
        start = age.start()  # "one soldier, 26-year-old Ana Ruiz": the age is no part of the role
    lo = max(0, start - 40)
    j, i = last_word(text, lo, start)  # re.search(r"(\S+)\s+$", text[lo:start])
    if lo < i < start and text[j:i] in lexicon.demonyms():
        start = j  # "The winner, Elbonian Ana Ruiz": the nationality is no role
    before = text[max(0, start - 140) : start]
    phrase = _phrase_before_comma(before)
    if phrase is None:
        return None
    words = phrase.split()
    pp = _head_with_tail(words)
    if pp is not None:
        return pp
    # The phrase starts after the last word no role runs across ("including the minister").
    cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _COMMA_ROLE_STOPS
               and not _between_capitals(words, i)), default=0)
    words = words[cut:]
    # "one local resident, Ana Ruiz": "one" before a singular noun is an article, not a group.
    # "at least one soldier, Ana Ruiz": "at least" counts, no part of the role.
    while words and (words[0].lower() in ("the", "a", "an", "least") or words[0].lower() == "one" and len(words) > 1
                     and words[1].lower() != "of"):
        words = words[1:]
    # "the two deputy ministers, Ana Ruiz and Tom Vale": a plural role before a list of names is
    # each one's, without its count.
    plural = bool(words) and _is_head(words[-1], plural=True) and not _is_head(words[-1]) and bool(
        _LIST_AHEAD_RE.match(text, start))
    if plural and len(words) > 1 and words[0].lower() in _COUNT_WORDS and words[1].lower() != "of":
        words = words[1:]
    if not words or len(words) > _MAX_ROLE_WORDS or words[0].lower() in _GROUP_WORDS or _partitive(words):
        return None
    if any(w.islower() and (w in lexicon.SPEECH_FORMS or w in vocab.FINITE_VERBS) for w in words):
        return None
    last = words[-1]
    if plural and last[:1].islower():
        return " ".join(words)
    # "head of the Elbury Port Authority": a title, then "of"/"for" and a name.
    of_at = next((i for i, w in enumerate(words[:4]) if w in ("of", "for") and i and is_title(words[i - 1])), None)
    title_of = of_at is not None and len(words) > of_at + 1 and all(
        w[:1].isupper() or w in ("of", "for", "the", "and") for w in words[of_at + 1 :]
    )
    # "the Elbonian Foreign Minister, Ana Ruiz": a capitalised head counts when it is a title.
    head = _is_head(last) and (last[:1].islower() or is_title(last))
    if (head and last.lower() not in _NON_PERSON_HEADS) or title_of:
        return " ".join(words)
    return None


_PREDICATE_RE = re.compile(
    r"(?:,\s+\d{1,3},)?\s+(?:is|was)\s+(?:a|an|the)\s+([^,;:“”\"()\n]{2,90}?)(?=\s*[,;]|\.\s|\.$)"
)


# "Vale has been mayor of Elbury since 2019.", "Vale became head of the board in May.", "Vale
# serves as the club's treasurer.": a main clause's verb of holding a post, as in a relative clause.
_HOLDS_RE = re.compile(
    r"(?:,\s+\d{1,3},)?\s+(?:(?:(?:has|had)\s+)?(?:served|serves|worked|works|acted|acts)\s+as|became|becomes|"
    r"(?:has|had)\s+been)\s+(?:(?:a|an|the)\s+)?([^,;:“”\"()\n]{2,90}?)(?=\s*[,;]|\.\s|\.$)"
)
_PREDICATE_TAILS = _PP_OPENERS | {"from"}  # "Vale is a lawyer from Elbury."


def predicate_role(text: str, end: int) -> str | None:
    """"Vale is a spokesperson for the mayor's office.": a copular predicate right after a name
    whose noun phrase ends in a role noun (with its tail) states the person's post; read only
    when the text gives the person no other role."""
    m = _PREDICATE_RE.match(text, end)
    if not m:
        held = _HOLDS_RE.match(text, end)
        return _post_phrase(held.group(1).split()) if held else None
    words = _clause_cut(m.group(1)).split()
    if not words or len(words) > _MAX_ROLE_WORDS or words[0].lower() in _GROUP_WORDS | _RANKING_WORDS:
        return None
    if any(w in vocab.FINITE_VERBS or w.lower() in lexicon.SPEECH_FORMS for w in words):
        return None
    tail = next((i for i, w in enumerate(words) if w.lower() in _PREDICATE_TAILS), len(words))
    head = words[tail - 1] if tail else ""
    if tail and head[:1].islower() and _is_head(head) and head.lower() not in _NON_PERSON_HEADS:
        return " ".join(words)
    return None


def _partitive(words: list[str]) -> bool:
    """"one of the bombers", "two of the judges": a part of a group, no role."""
    return any(w.lower() in _GROUP_WORDS and words[i + 1].lower() == "of" for i, w in enumerate(words[:-1]))


def _between_capitals(words: list[str], i: int) -> bool:
    """"the Office for Aid Affairs in Elbonia chief": a small word inside a capitalised name,
    between two of its words, is no end of the role."""
    small = words[i].lower() in ("in", "on", "and", "at") and words[i].islower()
    return small and 0 < i < len(words) - 2 and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()


def _head_with_tail(words: list[str]) -> str | None:
    """"the Elbonian ambassador to the US", "an official with the Elbury Board": a role noun
    and its prepositional tail before a comma and the name; None when the phrase is not one."""
    for h in range(len(words) - 2, -1, -1):
        w = words[h]
        # "Co-founder of Veltra, Ana Ruiz": a capitalised head may open the phrase.
        opens = h == 0 or words[h - 1].lower() in ("the", "a", "an")
        if not (_is_head(w) and (w[:1].islower() or is_title(w) or opens)) or words[h + 1].lower() not in _PP_OPENERS:
            continue
        tail = words[h + 1 :]
        # A capitalised word of the tail is part of a name ("to the United States"), no verb.
        if any(t.islower() and (t in _ROLE_STOPS_BUT_TAIL or t in lexicon.SPEECH_FORMS) for t in tail):
            return None
        cut = max((i + 1 for i, x in enumerate(words[:h]) if x.lower() in _ROLE_STOPS_BUT_ARTICLES),
                  default=0)
        role = words[cut:]
        while role and role[0].lower() in ("the", "a", "an"):
            role = role[1:]
        if not role or len(role) > _MAX_ROLE_WORDS or role[0].lower() in _GROUP_WORDS or _partitive(role) or (
            w.lower() in _NON_PERSON_HEADS
        ):
            return None
        return " ".join(role)
    return None


_CAPS = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)"
# One item of a list of people: a name, and maybe its party or group ("of the Elbury Party").
_ITEM = _CAPS + r"{0,3}(?:\s+(?:of|from)\s+(?:the\s+)?" + _CAPS + r"{0,4})?"
_LIST_TAIL_RE = re.compile(r"(?:^|\s)(" + _ITEM + r")(?:,\s+(?:and\s+)?|\s+and\s+)$")


def _list_link_before(text: str, at: int) -> bool:
    """Can ``_LIST_TAIL_RE`` end at ``at``: a comma or "and", then space, right before it?"""
    return text[max(0, at - 160) : at].rstrip().endswith((",", "and"))


def shared_role_before(text: str, tokens: list[Token], idx: int) -> str | None:
    """"singers Ana Ruiz, Lena Kovac and Mira Holt", "councillors Ana Ruiz of the Elbury Party and
    Lena Kovac": a later name of a list shares the plural role before its first name (each name
    may carry its party or group after "of"/"from")."""
    first = None
    at = tokens[idx].start
    for _ in range(8):
        if not _list_link_before(text, at):
            break  # the cheap test: the search scans its whole window, once per mention
        m = _LIST_TAIL_RE.search(text, max(0, at - 160), at)
        if not m:
            break
        first = at = m.start(1)
    if first is None:
        return None
    k = next((i for i in range(idx - 1, -1, -1) if tokens[i].start == first), None)
    found = phrase_role_before(text, tokens, k) if k is not None else None
    if not found:
        # "the two deputy ministers, Ana Ruiz and Tom Vale": the list's role before a comma.
        comma = comma_role_before(text, first)
        found = (comma, first) if comma else None
    if not found:
        return None
    head = found[0].split()[-1].lower()
    return found[0] if head.endswith("s") and not head.endswith("ss") else None

# Treebank tokenisation spacing ("Ana Ruiz , head of the club 's youth team , said"): a space
# before each comma, full stop and bracket. The role keeps the words as written ("club 's",
# "six - member"); only the space before a mark goes, so the comma that ends the name follows it.
_SPACED_AFTER_RE = re.compile(r" [,;:)]| \.(?:\s|$)")
_SPACE_BEFORE_MARK_RE = re.compile(r"(?:(?<=\S)|^) +(?=[,;:.!?)])")
_SPACED_WINDOW = 400


def apposition_after(text: str, end: int) -> str | None:
    """The role after a name ending at ``end``, read as ``_apposition_after`` reads it; in
    treebank spacing the words after the name are first closed up to their punctuation, so
    every after-name form reads them as it reads ordinary prose."""
    found = _read_after(text, end)
    age = _AGE_AFTER_RE.match(text, end)
    if found is None and age:
        found = _read_after(text, age.end())  # "Ana Ruiz, 45, who is a spokeswoman for …"
    party = _AFFILIATION_AND_RE.match(text, end) if found is None else None
    if party:
        # "Ana Ruiz, of the Green Party and member of the city council, said": the party is an
        # affiliation, no role; the post after "and" is read as an apposition of its own.
        found = _read_after(text[:end] + ", " + text[party.end() :], end)
        found = _body_end(found) if found else None
    return found


def _body_end(role: str) -> str:
    """The role up to the end of the body it names ("member of the Elbury Council | tried to
    …"): an apposition left unclosed runs on into the sentence's verb."""
    words = role.split()
    named = False
    for i, w in enumerate(words):
        if w[:1].isupper() and i and any(x in _PP_OPENERS for x in words[:i]):
            named = True
        elif named and w.lower() not in _TAIL_WORDS:
            return " ".join(words[:i])
    return role


_AGE_AFTER_RE = re.compile(r"\s?,\s+\d{1,3}(?=\s?,)")
_AFFILIATION_AND_RE = re.compile(r"\s?,\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}\s+and\s+")


def _read_after(text: str, end: int) -> str | None:
    if not _SPACED_AFTER_RE.match(text, end):
        return _apposition_after(text, end)
    window = _SPACE_BEFORE_MARK_RE.sub("", text[end : end + _SPACED_WINDOW].replace("( ", "("))
    # The text before the name stays as it is: an apposition's place check reads the name's last word.
    head = text[:end]
    return _apposition_after(head + window, len(head))


def _apposition_after(text: str, end: int) -> str | None:
    """The role in apposition after a name ending at ``end``: with a determiner (", a teacher
    at the school,"), without one when it opens with a role word (", president of the
    league (…)", ", Executive Secretary of …"), or in a relative clause (", who is the …")."""
    found = appositive_role(text, end)
    if found:
        if _names_someone(found.split()):
            return _relation_cut(found.split()) if _relation_to(found.split()) else None
        return found
    found = bracket_role(text, end) or list_role(text, end) or _as_clause(text, end) or _role_verb_clause(
        text, end) or _both_role(text, end) or _appointed_role(text, end)
    if found:
        return found
    m = _APPOSITION_RE.match(text, end)
    if not m:
        return None
    relative = bool(_RELATIVE_RE.match(text, end))
    if not relative and not text[end : m.start(1)].lstrip().startswith(",") and not text[end:end + 1] == ",":
        return None  # an apposition after a name is set off by a comma (or is a relative clause)
    phrase = _clause_cut(m.group(1).strip())
    words = phrase.split()
    if not words or len(words) > 26 or any(w in vocab.FINITE_VERBS or w in lexicon.SPEECH_FORMS for w in words):
        return None
    core = [w for w in words if w.lower() not in ("a", "an", "the", "his", "her", "its", "their")]
    if core and _names_someone(words) and _relation_to(core):
        return _relation_cut(words)
    if not core or _names_someone(words) or core[0].lower() in _GROUP_WORDS:
        return None
    if relative and core[0].islower() and core[0].endswith("ed") and core[0] not in vocab.ROLE_MODIFIERS:
        return None  # "who was named after his grandfather": a passive clause, no post
    # The first words say it is a role: a title ("Executive Secretary of …", "former BBC
    # Director"), a modifier then a role noun, or (in a relative clause) any role noun.
    lead = core[:3]
    if any(_is_head(w) for w in lead) and (relative or core[0][:1].isupper() or core[0].lower() in
                                            vocab.ROLE_MODIFIERS or _is_head(core[0])):
        return phrase + _place_after(text, m.end(1)) if phrase == m.group(1).strip() else phrase
    if _named_body_role(core):
        return phrase
    return None


_KIN = lexicon.words("kin_nouns")
_ROLE_VERB_RE = re.compile(
    r",\s+who\s+(" + vocab.alternation("role_verbs") + r"\s+[^,;:“”\"()\n]{2,90}?)"
    r"(?=\s*[,;]|(?<![A-Z])\.|\.\s+[A-Z]|\.$|\s+" + _APPOSITION_ENDS + r"\b)"
)


_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
# "Ana Ruiz and Tom Vale, both deputy ministers,": the rest of a list of names, then "both"/"all"
# and a plural role that is each one's.
_BOTH_RE = re.compile(
    r"(?:(?:,\s+(?:and\s+)?|\s+and\s+)" + _NAME + r")*,\s+(?:both|all)\s+([^,;:“”\"()\n]{2,80}?)"
    r"(?=\s*[,;]|(?<![A-Z])\.|\.\s+[A-Z]|\.$|\s+" + _APPOSITION_ENDS + r"\b)"
)


def _both_role(text: str, end: int) -> str | None:
    """The plural role a list of names shares after "both"/"all" ("…, both deputy ministers,")."""
    m = _BOTH_RE.match(text, end)
    if not m:
        return None
    words = m.group(1).split()
    if words and words[0].lower() == "of" or any(w in vocab.FINITE_VERBS for w in words):
        return None  # "both of them", "all said": no role
    role = _role_words(words)
    if role is None or len(role) != len(words):
        return None
    # The role noun is the last word before its tail ("deputy ministers", "members | of the board").
    head = role[: next((i for i, w in enumerate(role) if w in _PP_OPENERS), len(role))][-1]
    if not _is_head(head, plural=True) or _is_head(head):
        return None  # only a plural role noun (with its tail) is shared
    return " ".join(words)


def _relation_to(words: list[str]) -> bool:
    """"the daughter of Ana Ruiz", "uncle to Tom Vale": a relation names the other person, and is
    still this person's role."""
    core = [w for w in words if w.lower() not in ("a", "an", "the", "his", "her", "its", "their")]
    if len(core) <= 2:
        return False
    kin = core[0].lower() in _KIN and core[1].lower() in ("of", "to")
    # "spokeswoman for Prime Minister Tom Vale", "an aide to Ana Ruiz": a post held for someone.
    post = core[0].islower() and _is_head(core[0]) and core[0].lower() not in _NON_PERSON_HEADS and core[1] in (
        "for", "to")
    return kin or post


def _relation_cut(words: list[str]) -> str:
    """The relation up to the end of the other person's name ("uncle to Tom Vale | one of …")."""
    i = next(i for i, w in enumerate(words) if w.lower() in ("of", "to", "for"))
    j = i + 1
    while j < len(words) and (words[j][:1].isupper() or words[j].lower() == "the" and j == i + 1):
        j += 1
    return " ".join(words[:j])


# ", who served as health minister until 2020,", ", who was appointed head of the board in
# May,": the post after "as" or after a verb of appointment, without the time it held.
_AS_CLAUSE_RE = re.compile(
    r",\s+who\s+(?:(?:has|had)\s+)?(?:(?:served|serves|works|worked|acted|acts)\s+as|(?:is|was|has\s+been|had\s+been)"
    r"\s+(?:appointed|named|elected|re-elected|made)(?:\s+as)?|became|becomes)\s+(?:(?:a|an|the)\s+)?"
    r"([^,;:“”\"()\n]{2,90}?)(?=\s*[,;]|(?<![A-Z])\.|\.\s+[A-Z]|\.$)"
)
_TIME_WORDS = frozenset("until till from since between during when after before last this next".split())
_DURATION_RE = re.compile(r"for\s+(?:\S+\s+){0,2}(?:years?|months?|weeks?|days?|decades?|seasons?)$")
_DATE_RE = re.compile(r"^(?:\d|(?:" + "|".join(sorted(_CALENDAR | {"may"})) + r")\b)", re.IGNORECASE)


def _as_clause(text: str, end: int) -> str | None:
    """The post a relative clause says the person holds or held ("who served as health
    minister until 2020" -> "health minister"); None when the words are no role."""
    m = _AS_CLAUSE_RE.match(text, end)
    return _post_phrase(m.group(1).split()) if m else None


# "Ana Ruiz was appointed head coach on Monday", "the club named Ana Ruiz as its new coach".
_APPOINTED_AFTER_RE = re.compile(
    r"\s+(?:(?:was|is|has\s+been|had\s+been|will\s+be)\s+(?:appointed|named|elected|re-elected|made|promoted\s+to|"
    r"confirmed\s+as)(?:\s+as)?|(as))\s+(?:(?:its|their|the|his|her|a|an)\s+)?([^,;:“”\"()\n]{2,90}?)"
    r"(?=\s*[,;]|(?<![A-Z])\.|\.\s+[A-Z]|\.$)"
)
_APPOINTING_BEFORE_RE = re.compile(
    r"\b(?:appointed|named|elected|re-elected|hired|nominated|promoted|chose|picked|installed|confirmed)\s+"
    r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*$"
)


def _appointed_role(text: str, end: int) -> str | None:
    """The post a person is appointed to, after the name ("X was named head coach on Monday",
    "appointed X as its new chief executive"); the bare "as" form only after a verb of appointing."""
    m = _APPOINTED_AFTER_RE.match(text, end)
    if not m or m.group(1) and not _APPOINTING_BEFORE_RE.search(text, max(0, end - 80), end):
        return None
    return _post_phrase(m.group(2).split())


def _post_phrase(words: list[str]) -> str | None:
    """The post in the words after a verb of holding or appointing, without the time ("health
    minister | until 2020", "head coach | on Monday"); None when they are no role."""
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in _TIME_WORDS or w in _PP_OPENERS and _DATE_RE.match(nxt) or _DATE_RE.match(w) or (
                w == "for" and _DURATION_RE.match(" ".join(words[i:]))):  # "… | for ten years"
            words = words[:i]
            break
    if not words or len(words) > _MAX_ROLE_WORDS or any(w in vocab.FINITE_VERBS for w in words):
        return None
    if words[0].endswith("ly") or words[0].lower() in _ROLE_STOPS:
        return None  # "who was elected internally by the council": no post follows the verb
    role = _role_words(words)
    return " ".join(words) if role is not None and role[-1].lower() not in _NON_PERSON_HEADS else None


def _role_verb_clause(text: str, end: int) -> str | None:
    """", who heads the Elbury Port Authority,": a relative clause with a verb of a post is the
    role, as written from the verb."""
    m = _ROLE_VERB_RE.match(text, end)
    if not m:
        return None
    words = m.group(1).split()
    if len(words) > _MAX_ROLE_WORDS or any(w.islower() and w in vocab.FINITE_VERBS for w in words[1:]):
        return None
    return m.group(1)


def _named_body_role(words: list[str]) -> bool:
    """"Elbury Rights Watch military analyst": an organisation's name, then modifiers and a
    lower-case role noun, with no other word (a list or a clause is no apposition)."""
    last = words[-1]
    if len(words) < 2 or len(words) > 8 or not words[0][:1].isupper() or not last.islower() or not _is_head(last):
        return False
    body = words[:-1]
    caps = [w for w in body if w[:1].isupper()]
    return bool(caps) and not _names_someone(words) and all(
        w[:1].isupper() or w in vocab.ROLE_MODIFIERS or _is_head(w) for w in body
    ) and last not in _NON_PERSON_HEADS


_BRACKET_RE = re.compile(r"\s*\(([^()\n]{2,90})\)")
_LINE_NAME_RE = re.compile(r"\s*(?:[*•–-]\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*")
_LIST_RE = re.compile(r"(?:\s*\([^()\n]{1,80}\))?:\s+([^\n]{2,240})")
_SEGMENT_RE = re.compile(r"[;,]\s+|\.\s+|\.$")


def _role_words(words: list[str]) -> list[str] | None:
    """The role at the start of a list entry or a bracket: modifiers, the first role noun
    (within five words) and its prepositional tail ("suspected planner", "resident of
    Elbury"); None when the words before the noun hold a verb or pronoun (a sentence)."""
    for h, w in enumerate(words[:5]):
        low = w.lower().strip("’'")
        if low in vocab.FINITE_VERBS or low in lexicon.PRONOUNS or low in lexicon.SPEECH_FORMS:
            return None
        if _is_head(w, plural=True) and low not in _NON_PERSON_HEADS:
            # "former mayor", "chief executive": the role noun is the last of a run of role words.
            while h + 1 < len(words) and words[h + 1][:1].islower() and (
                _is_head(words[h + 1], plural=True) or words[h + 1] in vocab.ROLE_MODIFIERS
            ):
                h += 1
            end = h + 1
            if end < len(words) and words[end].lower() in _PP_OPENERS:
                end += 1
                while end < len(words) and not (
                    (low_e := words[end].lower()) in _ROLE_STOPS_BUT_TAIL or low_e in _CLAUSE_BREAKS
                    or low_e in _PAST_VERBS or words[end].islower() and low_e.endswith(("ed", "ly"))
                ):
                    end += 1
                if end == h + 2:
                    end = h + 1  # "planner of": no tail after all
            return words[:end]
    return None


def bracket_role(text: str, end: int) -> str | None:
    """"Ana Ruiz (former Elbury mayor)": a role in brackets right after the name."""
    m = _BRACKET_RE.match(text, end)
    if not m:
        return None
    words = m.group(1).split()
    # "(Commissioner of the … Council of the Republic of Elbonia)": a title and a long official
    # name may run past the usual length.
    official = is_title(words[0]) and words[0][:1].isupper() and all(
        w[:1].isupper() or w in _NAME_LINKS for w in words[1:])
    if len(words) > _MAX_ROLE_WORDS and not official or words[0].lower() in _GROUP_WORDS or _names_someone(words):
        return None
    role = _role_words(words)
    last = words[-1]
    # The bracket holds the role and nothing else ("(38)", "(also named as …)" are none).
    whole = role is not None and (len(role) == len(words) or _is_head(last) and (last[:1].islower() or is_title(last)))
    return " ".join(words) if whole else None


def list_role(text: str, end: int) -> str | None:
    """"Ana Ruiz: owner of a shop; a retired teacher.": in a list of people, each line opens with
    a name, a colon and what the person is; the first entry part that is a role."""
    line_start = text.rfind("\n", 0, end) + 1
    if not _LINE_NAME_RE.fullmatch(text[line_start:end]):
        return None
    m = _LIST_RE.match(text, end)
    if not m:
        return None
    for part in _SEGMENT_RE.split(m.group(1)):
        words = _clause_cut(part.strip()).split()
        while words and words[0].lower() in ("a", "an", "the"):
            words = words[1:]
        if not words or words[0].lower() in _GROUP_WORDS or _partitive(words):
            continue
        role = _role_words(words)
        if role:
            return " ".join(role)
    return None


_PLACE_AFTER_RE = re.compile(
    r",\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})(?=\s*[,;]|\.\s|\.$|\s+" + _APPOSITION_ENDS + r"\b)"
)


def _place_after(text: str, end: int) -> str:
    """", … at the University of Elbury, Santa Cruz, said": a place after the comma that ends
    an apposition belongs to it (the institution's town); "" when none follows."""
    m = _PLACE_AFTER_RE.match(text, end)
    named = text[:end].rstrip()[-1:].isalpha() and text[:end].split()[-1][:1].isupper()  # "… of Elbury"
    return f", {m.group(1)}" if m and named and kind_of(m.group(1)) == "place" else ""




def _names_someone(words: list[str]) -> bool:
    """"…, London Mayor Ana Ruiz and …": the phrase after a name in a list holds the next
    person (a given name before a capitalised word), so it is no apposition."""
    names = lexicon.first_names()
    return any(
        w in names and _SURNAME_RE.match(words[i + 1]) is not None for i, w in enumerate(words[:-1]) if i
    )


def post_nominal(run: list[Token]) -> bool:
    """Does the run end in letters written after a name ("Ana Ruiz QC")?"""
    return len(run) >= 3 and run[-1].text in _POST_NOMINALS


_ORG_BEFORE_NAME_RE = re.compile(
    r"\s+(?:of|for|at)\s+(?:the\s+)?((?:[A-Z][\w'’&-]*\s+){0,5}([A-Z][\w'’-]*))\s+$"
)
_WORD_RE = re.compile(r"\S+")


def title_of_org_before(text: str, start: int) -> str | None:
    """"CEO of the Elbury Refugee Council Ana Ruiz", "Chief executive of the Vale Trust Ana
    Ruiz": title words (capitalised or not), "of"/"for"/"at" and the organisation right before
    the name (the organisation a participant of its own); None when not so."""
    j, i = last_word(text, max(0, start - 160), start)
    if not (j < i < start and "A" <= text[j] <= "Z"):
        return None  # the pattern's last word, a capitalised one, is not there
    m = _ORG_BEFORE_NAME_RE.search(text, max(0, start - 160), start)
    if not m or m.group(2) not in lexicon.org_cues()[0]:
        return None
    before = list(_WORD_RE.finditer(text, max(0, m.start() - 80), m.start()))
    first = None
    for w in reversed(before):
        word = w.group()
        if not (is_title(word) or word.lower() in vocab.ROLE_MODIFIERS) or word.lower() in _CALENDAR:
            break
        if w.end() < m.start() and text[w.end() : w.end() + 1] != " ":
            break
        first = w
    if first is None or not is_title(before[-1].group()):
        return None
    return text[first.start() : m.end(1)].strip()


_LOWER_TITLE_OF_BEFORE_RE = re.compile(r"((?:[\w.'’-]+\s+){0,5}[a-z][\w'’-]*)\s+to\s+(?:the\s+)?$")


def title_of_before(text: str, run: list[Token]) -> tuple[int, int] | None:
    """"Prime Minister of the Elbonian Republic Ana Ruiz": when the text before the run is a
    title and its "of"/"for", and the run ends in a given name and a surname, (offset where
    the role starts, index in the run where the name starts); else None."""
    if len(run) < 3:
        return None
    lo = max(0, run[0].start - 120)
    if not text[lo : run[0].start].rstrip().endswith(("of", "for", "to", "the")):
        return None  # both patterns end in one of these words and space
    m = _TITLE_OF_BEFORE_RE.search(text, lo, run[0].start)
    if not m or not any(is_title(w) for w in m.group(1).split()[-3:]):
        # "the Elbonian ambassador to Vale Ana Ruiz": a lower-case title right before its "to"
        # (the "of" form is title_of_org_before's).
        m = _LOWER_TITLE_OF_BEFORE_RE.search(text, lo, run[0].start)
        if not m or not is_title(m.group(1).split()[-1]):
            return None
    # "Professor Tom Lodge of the University of Elbury": a name after the title ends the role
    # there; what follows "of" is the person's body, not another name's title.
    words = m.group(1).split()
    last_title = max(i for i, w in enumerate(words) if is_title(w))
    if any(w in lexicon.first_names() for w in words[last_title + 1 :]):
        return None
    # The title starts after any word no role runs across ("On Tuesday | Prime Minister of").
    start = m.start(1)
    for w in re.finditer(r"\S+", m.group(1)):
        low = w.group().lower()
        if low != "and" and (low in _ROLE_STOPS or low in _CALENDAR):
            start = m.start(1) + w.end() + 1
        elif low == "and":
            # "Ana Ruiz and Minister for Ports | Lena Kovac": the title starts after the first name.
            before, after = text[start : m.start(1) + w.start()].split(), text[m.start(1) + w.end() : m.end(1)].split()
            if after and is_title(after[0]) and not any(_is_head(x) for x in before):
                start = m.start(1) + w.end() + 1
    if start >= m.end(1) or not is_title(text[start:m.end(1)].split()[0]) and not any(
        is_title(x) for x in text[start:m.end(1)].split()
    ):
        return None
    for i in range(1, len(run) - 1):
        if run[i].text in lexicon.first_names() and 2 <= len(run) - i <= 3:
            return start, i
    # "Ambassador to the United States Hamdullah Mohib": a known place or body, then two words
    # the gazetteer does not know (a given name it does not list).
    for i in range(1, len(run) - 1):
        body = text[run[0].start : run[i - 1].end]
        # "President of the Republic Ana Ruiz": a place's head word alone is the body too.
        if len(run) - i == 2 and (kind_of(body) or body in vocab.PLACE_HEADS) and not kind_of(
            text[run[i].start : run[-1].end]
        ) and not any(is_title(t.text) for t in run[i:]):
            return start, i
    return None


def more_specific(role: str, than: str | None) -> bool:
    """Does ``role`` say more than ``than`` (None: no role yet)? The one role a person keeps is
    the most specific the text gives: "Mayor" < "Mayor of Elbury" (more words)."""
    return than is None or len(role.split()) > len(than.split())


_OBJECT_WORDS = frozenset("of for at with on in the and".split())
_OPENING_BREAKS = ',;:.!?()“”"\n'
_MAX_OPENING_WORDS = 18


def role_with_object_before(text: str, pos: int) -> int | None:
    """"Executive director of the Elbury chapter of the Coastal Society | Ana Ruiz", "History
    student at Elbury University | Ana Ruiz": a phrase from the last break up to ``pos`` that
    opens with a role noun (after at most three modifiers), then "of"/"at"/"for"… and the body
    it serves, with no verb, is the role of the name at ``pos``; returns where it starts."""
    start = max(text.rfind(c, 0, pos) for c in _OPENING_BREAKS) + 1
    phrase = text[start:pos]
    words = phrase.split()
    if not 3 <= len(words) <= _MAX_OPENING_WORDS or text[pos - 1 : pos] != " ":
        return None
    lead = 1 if words[0].lower() in ("the", "a", "an") else 0
    if words[lead].lower() in _STARTERS or words[lead].lower() in _GROUP_WORDS:
        return None
    head = next((h for h in range(lead, min(lead + 4, len(words) - 1)) if words[h + 1] in _PP_OPENERS), None)
    if head is None:
        return None
    noun = words[head]
    if not _is_head(noun) or noun.lower().strip(".") in _NON_PERSON_HEADS | _COURTESY:
        return None
    # The modifiers before the role noun and every word of its object: no verb, pronoun or other
    # word a role never runs across ("Fans of the club | who …").
    for w in words[lead:head] + words[head + 1 :]:
        low = w.lower()
        if low in _OBJECT_WORDS or w[:1].isupper() or w == "-":
            continue
        if low in vocab.FINITE_VERBS or low in lexicon.PRONOUNS or low in lexicon.SPEECH_FORMS or low in _ROLE_STOPS:
            return None
        if low.endswith(("ing", "ed", "ly")) and low not in vocab.ROLE_MODIFIERS:
            return None
    return start + len(phrase) - len(phrase.lstrip()) + (len(words[0]) + 1 if lead else 0)


# "… my friend [UN mission head] Hedi Vale …": an editor's words in square brackets inside a
# quote, right before the name, say who the speaker means.
_SQUARE_BEFORE_RE = re.compile(r"\[([^\[\]\n]{2,80})\]\s$")


def square_role_before(text: str, start: int) -> str | None:
    """The role an editor adds in square brackets right before a name; None when the bracket
    holds no role noun at its end or holds a clause."""
    m = _SQUARE_BEFORE_RE.search(text, max(0, start - 90), start)
    if not m:
        return None
    words = m.group(1).split()
    while words and words[0].lower() in ("the", "a", "an", "his", "her", "their", "its"):
        words = words[1:]
    if not words or len(words) > 8 or not is_person_noun(words[-1].lower()):
        return None
    if any(w.lower() in vocab.FINITE_VERBS or w.lower() in lexicon.SPEECH_FORMS or w.lower() in lexicon.PRONOUNS
           for w in words):
        return None
    return " ".join(words)
