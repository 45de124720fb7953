"""Shared tokens -> runs of capitalised tokens that may be names ("Bank of Elbury",
"Procter & Gamble", "Jan van der Berg"), and runs cut where an organisation's speaker begins.

A run grows one step at a time; ``_STEPS`` lists the ways it may grow, tried in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefgen.extract.participants import vocab
from briefgen.extract.participants.names import (
    HYPHEN_TAIL_RE,
    INITIALISM_RE,
    is_title,
    person_shaped_at,
    sentence_initial,
)
from briefgen.text import lexicon
from briefgen.text.spans import Token

_ARABIC_ARTICLE_RE = re.compile(r"^" + vocab.alternation("arabic_articles") + r"-[A-Z]")
_POSSESSIVE = ("’s", "'s")
_LEGAL_FORMS = lexicon.words("legal_form_words")

Run = list[Token]


def gap_ok(text: str, a: Token, b: Token) -> bool:
    """May ``a`` and ``b`` be words of one name: one space, or an initial's or a short
    title's full stop ("Dr. Vale", "George W. Bush", "J.K. Rowling", "St. Ives")?"""
    gap = text[a.end : b.start]
    if gap == " " or gap == "\u00a0":
        return True
    return gap == ". " and (
        a.lower.rstrip(".") in vocab.NAME_ABBREVIATIONS or len(a.text) == 1 or bool(INITIALISM_RE.fullmatch(a.text))
    )


def runs(text: str, tokens: list[Token], spelled: frozenset[str] = frozenset()) -> list[Run]:
    """Maximal runs of capitalised tokens (with "of" and name particles inside)."""
    out: list[Run] = []
    i, n = 0, len(tokens)
    while i < n:
        if not _opens_run(text, tokens, i, spelled):
            i += 1
            continue
        run = [tokens[i]]
        j = i + 1
        while j < n:
            ext = _extension(text, tokens, run, j)
            if not ext:
                break
            run.extend(ext)
            j += len(ext)
        out.append(run)
        i = j
    return out


def _opens_run(text: str, tokens: list[Token], i: int, spelled: frozenset[str]) -> bool:
    t = tokens[i]
    if not t.is_cap or t.lower in lexicon.HEADLINE_VERBS:
        return False
    if t.lower not in lexicon.NON_NAMES:
        return True
    # "Jan Erik Dahl", "Oct Smith": a month abbreviation may open a name ...
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if t.lower in vocab.MONTH_ABBREVIATIONS and nxt is not None and nxt.is_cap and text[t.end : nxt.start] == " ":
        return True
    return t.text in spelled and text[t.end : t.end + 1] != "$"  # "WHO", "US", but not "US$"


def _extension(text: str, tokens: list[Token], run: Run, j: int) -> Run:
    """The tokens from ``j`` that extend ``run``, or [] where the run ends."""
    if run[-1].text.endswith(_POSSESSIVE):
        return _after_possessive(text, tokens, run, j)
    for step in _STEPS:
        ext = step(text, tokens, run, j)
        if ext:
            return ext
    return []


def _after_possessive(text: str, tokens: list[Token], run: Run, j: int) -> Run:
    # "People's Daily", "Moody's Investors Service": known names keep their 's; so does a
    # collective noun before a head word ("New People's Party", "Children's Hospital").
    prev, nxt = run[-1], tokens[j]
    known = text[run[0].start : nxt.end] in lexicon.org_cues()[2]
    collective = prev.text[:-2] in vocab.COLLECTIVE_NOUNS and nxt.text in lexicon.org_cues()[0]
    return [nxt] if nxt.is_cap and text[prev.end : nxt.start] == " " and (known or collective) else []


def _capitalised(text: str, tokens: list[Token], run: Run, j: int) -> Run:
    prev, nxt = run[-1], tokens[j]
    ok = (
        nxt.is_cap
        and gap_ok(text, prev, nxt)
        and nxt.lower not in vocab.RUN_BREAKERS
        # "Elin Vale In the North": a heading without a full stop.
        and nxt.lower not in vocab.MID_RUN_BREAKERS
        # "Elbury D.C. The six-member team": a full stop then a closed-class word.
        and not (text[prev.end : nxt.start] != " " and nxt.lower in lexicon.NON_NAMES)
        # "… Ana Ruiz Image: Agency": a caption label.
        and not (nxt.lower in vocab.CAPTION_LABELS and text[nxt.end : nxt.end + 1] == ":")
    )
    return [nxt] if ok else []


def _ampersand(text: str, tokens: list[Token], run: Run, j: int) -> Run:
    # "Procter & Gamble", "Holt Brothers & Co"
    prev, nxt = run[-1], tokens[j]
    return [nxt] if nxt.is_cap and text[prev.end : nxt.start] == " & " and not HYPHEN_TAIL_RE.search(prev.text) else []


def _connector(text: str, tokens: list[Token], run: Run, j: int) -> Run:
    # "Securities and Exchange Commission", "Organisation for Security and Cooperation in
    # Europe": connectors are kept when the longer run is an organisation.
    prev, nxt = run[-1], tokens[j]
    if not (
        nxt.lower in vocab.CONNECTORS and _cap_after(text, tokens, j, len(run) == 1) and gap_ok(text, prev, nxt)
    ):
        return []
    if (
        len(run) > 1
        and prev.text in lexicon.org_cues()[0]
        and nxt.lower in ("and", "&")
        # "Ministry of Petroleum and Minerals": a head word inside an "of" tail is a portfolio
        and not (_head_before_of(run) and prev.text not in _LEGAL_FORMS)
    ):
        return []  # "Holt Controls Inc and Vane Corp" are two names
    if len(run) == 1 and sentence_initial(text, run[0].start) and run[0].text not in vocab.ORG_OPENERS:
        return []
    if nxt.lower == "of" and 2 <= len(run) <= 3 and run[0].text in lexicon.first_names():
        return []  # "Mira Holt of Veltra Records": a person, then their organisation
    return connector_extension(text, tokens, run, j)


def _arabic_article(text: str, tokens: list[Token], run: Run, j: int) -> Run:
    # "Hassan al-Rami": an Arabic article joined to the surname.
    prev, nxt = run[-1], tokens[j]
    ok = (
        _ARABIC_ARTICLE_RE.match(nxt.text) and text[prev.end : nxt.start] == " " and not prev.text.endswith(_POSSESSIVE)
    )
    return [nxt] if ok else []


def _particles(text: str, tokens: list[Token], run: Run, j: int) -> Run:
    # "Jan van der Berg", "Amani wa Kito": two or more particles, then a surname.
    k, n = j, len(tokens)
    while (
        k < n
        and tokens[k].lower in vocab.NAME_PARTICLES
        and tokens[k].text.islower()
        and text[tokens[k - 1].end : tokens[k].start] == " "
    ):
        k += 1
    if k > j + 1 and k < n and tokens[k].is_cap and text[tokens[k - 1].end : tokens[k].start] == " ":
        return tokens[j : k + 1]
    return []


def _of_or_particle(text: str, tokens: list[Token], run: Run, j: int) -> Run:
    # "Bank of Elbury", "Secretary of State", "Omar bin Salem"
    prev, nxt = run[-1], tokens[j]
    ok = (
        j + 1 < len(tokens)
        and (nxt.lower == "of" and prev.text in vocab.OF_HEADS or nxt.lower in vocab.NAME_PARTICLES)
        and tokens[j + 1].is_cap
        and gap_ok(text, prev, nxt)
        and text[nxt.end : tokens[j + 1].start] == " "
    )
    return [nxt, tokens[j + 1]] if ok else []


_STEPS: tuple[Callable[[str, list[Token], Run, int], Run], ...] = (
    _capitalised, _ampersand, _connector, _arabic_article, _particles, _of_or_particle,
)


def connector_extension(text: str, tokens: list[Token], run: Run, j: int) -> Run:
    """Tokens from ``j`` (a connector) that extend ``run`` into an organisation name, or []."""
    ext: Run = []
    best: Run = []
    k = j
    while k < len(tokens) and len(ext) < 9:
        t = tokens[k]
        prev = ext[-1] if ext else run[-1]
        if not gap_ok(text, prev, t) and not (t.text == "&" and text[prev.end : t.start] == " "):
            break
        if t.lower in vocab.CONNECTORS and t.text != t.text.upper() or t.text == "&":
            if not _connector_continues(text, tokens, run, ext, k):
                break
            ext.append(t)
        elif t.text == "the" and len(run) == 1 and len(ext) == 1 and _cap_after(text, tokens, k - 1, True):
            ext.append(t)  # "Organisation of the Islamic Conference"
        elif t.is_cap and t.lower not in vocab.RUN_BREAKERS:
            ext.append(t)
            if _names_organisation(text, run, ext):
                best = list(ext)
                if t.text in lexicon.org_cues()[0]:
                    break
        else:
            break
        k += 1
    return best


# Connectors an organisation's name may follow with "the" ("Journal of the Royal College").
_THE_AFTER = frozenset({"of", "for", "on"})


def _cap_after(text: str, tokens: list[Token], k: int, the: bool = False) -> bool:
    """Is the word after connector ``k`` capitalised, or (``the``) "the" and then a capitalised
    word? Only a head word opening the name takes "of the" into it ("Organisation of the
    Islamic Conference"); after a longer name it is the name's place ("Elbury State
    University of the US")."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is None:
        return False
    if nxt.is_cap:
        return True
    return (
        the
        and nxt.text == "the"
        and tokens[k].lower in _THE_AFTER
        and k + 2 < len(tokens)
        and tokens[k + 2].is_cap
        and text[tokens[k].end : nxt.start] == " "
        and text[nxt.end : tokens[k + 2].start] == " "
    )


def _connector_continues(text: str, tokens: list[Token], run: Run, ext: Run, k: int) -> bool:
    t = tokens[k]
    if k + 1 >= len(tokens) or not _cap_after(text, tokens, k, len(run) == 1 and not ext):
        return False
    # "Securities and Exchange Commission" but not "Board of Trade and National Bank".
    if (
        t.lower == "and"
        and run[0].text not in vocab.ORG_OPENERS
        and not (_head_before_of(run + ext) and not _new_name_after(tokens, k))
        and (len(run) > 2 or any(x.lower in vocab.CONNECTORS for x in run + ext))
    ):
        return False
    # "Ana Ruiz of Veltra and Tomas Feld of …": a person's name after "and" is a new item.
    return not (t.lower == "and" and person_shaped_at(text, t.end))


def _head_before_of(words: Run) -> bool:
    """Is the word before the first "of" an organisation's head ("U.S. Department of …",
    "Elbonian Ministry of …")? Its "of" tail may then join words with "and"."""
    at = next((i for i, x in enumerate(words) if i and x.lower == "of"), None)
    return at is not None and words[at - 1].text in vocab.ORG_OPENERS


def _new_name_after(tokens: list[Token], k: int) -> bool:
    """Does the word after "and" at ``k`` open a name of its own: a place or nationality
    ("… of Technology and Elbury State University"), or a head word ("and Bank of …")?"""
    nxt = tokens[k + 1].text
    return nxt in lexicon.places() or nxt in lexicon.demonyms() or nxt in vocab.ORG_OPENERS


def _names_organisation(text: str, run: Run, ext: Run) -> bool:
    """Does ``run`` + ``ext`` (ending in a capitalised word) name an organisation?"""
    suffixes, prefixes, orgs = lexicon.org_cues()
    t = ext[-1]
    # "Press Trust of Elbonia", "Royal Bank of Elbury": an organisation head, then "of".
    if run[-1].text in suffixes and all(x.lower in ("of", "the") or x.is_cap for x in ext) and ext[0].lower == "of":
        return True
    # "Mira Holt of Veltra Records": with "of", the head must come before it; a head only
    # after "of" names the person's organisation.
    person_of = ext[0].lower == "of" and len(run) <= 3 and not any(
        x.text in suffixes or x.text in vocab.OF_HEADS or x.text in vocab.ORG_OPENERS or x.text in prefixes for x in run
    )
    last_conn = next((x.lower for x in reversed(ext) if x.lower in vocab.CONNECTORS), "")
    return (
        (t.text in suffixes and not person_of)
        or text[run[0].start : t.end] in orgs
        or (run[0].text in prefixes or run[0].text in vocab.ORG_OPENERS) and last_conn not in ("and", "&")
    )


def split_org_person(text: str, tokens: list[Token], runs: list[Run], index_of: dict[int, int]) -> list[Run]:
    """Cut "the Refugee Council Ana Ruiz told" into the organisation and the person who
    speaks for it: an organisation head word inside a run, then one to three words that a
    speech verb follows (or that open with a given name)."""
    # Surnames that speak on their own elsewhere ("Ruiz said").
    speakers = {
        t.text
        for prv, t, nxt in zip(tokens, tokens[1:], tokens[2:])
        if t.is_cap
        and not (prv.is_cap and text[prv.end : t.start] == " ")
        and nxt.lower in lexicon.SPEECH_FORMS
        and text[t.end : nxt.start] == " "
    }
    out = []
    for run in runs:
        out.extend(_org_then_speaker(run, speakers) or _org_then_person(text, tokens, run, index_of) or [run])
    return out


def _org_then_speaker(run: Run, speakers: set[str]) -> list[Run] | None:
    # "University of Elbury Arlington Ana Ruiz heard": an organisation opened by its head
    # word, then a person who is named alone elsewhere.
    if (
        len(run) >= 4
        and (run[0].text in vocab.ORG_OPENERS or run[0].text in lexicon.org_cues()[1])
        and run[-1].text in speakers
        and run[-2].text[:1].isupper()
        and run[-2].text[1:2].islower()
        and run[-3].lower not in vocab.CONNECTORS
        and not any(is_title(t.text) for t in run[:-2])  # "House Speaker Ana Ruiz"
    ):
        return [run[:-2], run[-2:]]
    return None


def _org_then_person(text: str, tokens: list[Token], run: Run, index_of: dict[int, int]) -> list[Run] | None:
    suffixes = lexicon.org_cues()[0]
    k = next((i for i in range(len(run) - 2, 0, -1) if run[i].text in suffixes), None)
    if (
        k is None
        or not (1 <= len(run) - k - 1 <= 3)
        or not all(t.text[:1].isupper() and t.text[1:2].islower() for t in run[k + 1 :])
    ):
        return None
    last = index_of[id(run[-1])]
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    speaks = nxt is not None and nxt.lower in lexicon.SPEECH_FORMS and text[run[-1].end : nxt.start] in (" ", ", ")
    # "Information Ministry Director-General Ana Ruiz" has a title: the role splitter keeps
    # the organisation in the role instead.
    titled = any(is_title(t.text) for t in run[k + 1 :])
    if (speaks or run[k + 1].text in lexicon.first_names()) and len(run) - k - 1 >= 2 and not titled:
        return [run[: k + 1], run[k + 1 :]]
    return None
