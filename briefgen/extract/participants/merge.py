"""Decided names -> participants, one entry per entity: surnames and shorter forms join the
full person name, acronyms take the kind of the name they abbreviate, spelling variants of
an organisation join its first spelling; ranked by mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefgen.extract.participants.acronyms import acronym_of
from briefgen.extract.participants.gazetteer import kind_of
from briefgen.extract.participants.mention import Mention
from briefgen.extract.participants.roles import more_specific
from briefgen.extract.participants.vocab import alternation
from briefgen.model import Participant
from briefgen.text import lexicon

_POSSESSIVE_RE = re.compile(r"['’]s\b")
# Context evidence that supports each kind (a club is an organisation).
_SUPPORTS = {"person": ("person",), "organization": ("organization", "club"), "place": ("place",)}


@dataclass
class _Entity:
    name: str
    kind: str
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    first: int = 0
    evidence: list[str] = field(default_factory=list)


def drop_things_named_after_people(kinds: dict[str, str], by_name: dict[str, list[Mention]]) -> None:
    """"Ruiz Polaroid exhibits" beside "Ana Ruiz": a known person's surname opening a name
    that nothing else marks as a person names a thing after them."""
    surnames = {n.split()[-1] for n, k in kinds.items() if k == "person" and len(n.split()) > 1}
    for n in [n for n, k in kinds.items() if k == "person" and len(n.split()) == 2 and n.split()[0] in surnames]:
        if (
            not any(m.person or m.role for m in by_name[n])
            and "-" not in n
            and not set(n.split()) & lexicon.first_names()
        ):
            del kinds[n]


def person_owners(
    kinds: dict[str, str], by_name: dict[str, list[Mention]], why: dict[str, list[str]]
) -> dict[str, str]:
    """Person name -> the full person name it is part of ("Ruiz" -> "Ana Ruiz"); single
    words of a known person's name become that person, unless a gazetteer knows them."""
    persons = sorted(
        (n for n, k in kinds.items() if k == "person"), key=lambda n: (-len(n.split()), by_name[n][0].start)
    )
    canonical: dict[str, str] = {}
    for n in persons:
        words = set(n.split())
        owners = [canonical.get(o, o) for o in persons if len(o.split()) > len(n.split()) and words <= _name_words(o)]
        first = _first_named(owners, by_name)
        canonical[n] = first if first is not None else n
    # Single unknown words that are part of a known person's name ("Ruiz"); places and
    # organisations that are exactly a person's name part, unless a gazetteer knows them.
    singles = [n for n in by_name if n not in kinds and len(n.split()) == 1]
    parts = [n for n, k in kinds.items() if k != "person" and len(n.split()) == 1 and kind_of(n) is None]
    # "Ana Paris … Paris claims": a known place that is a person's surname here, never written
    # as a place (no "in", no region after it) and once written as a person, is that person.
    surnames_here = {p.split()[-1] for p in persons if len(p.split()) > 1}
    parts += [
        n
        for n, k in kinds.items()
        if k == "place"
        and n in surnames_here
        and not any(m.place for m in by_name[n])
        and any(m.person for m in by_name[n])
    ]
    for n in singles + parts:
        owner = _first_named([p for p in persons if n in _name_words(p) and canonical[p] == p], by_name)
        if owner:
            kinds[n] = "person"
            canonical[n] = owner
            why[n].append("part of a person's name")
    return canonical


_ARABIC_ARTICLE_RE = re.compile(r"^" + alternation("arabic_articles") + r"-(?=[A-Z])")


def _name_words(name: str) -> set[str]:
    """The words of a person's name, and each surname without its Arabic article: "Kabariti"
    is a word of "Abdul-Karim al-Kabariti"."""
    words = name.split()
    return set(words) | {_ARABIC_ARTICLE_RE.sub("", w) for w in words}


def _first_named(people: list[str], by_name: dict[str, list[Mention]]) -> str | None:
    """Of the people a short name could mean, the one the story names first: "Feld" beside
    "Tomas Feld" and his father "Jan Feld Feld" is the one named first."""
    return min(people, key=lambda p: by_name[p][0].start, default=None)


_LEGAL_FORMS = lexicon.words("legal_form_words")
# "Kinross" for "Kinross Gold Corp": at most this many words between the short form and the legal form.
_MAX_SKIPPED = 1


def company_short_form(short: list[str], long_: list[str]) -> bool:
    """Is ``short`` a company's name ``long_`` without its legal form (and a word before
    it): "Malbak" for "Malbak Ltd", "Kinross" for "Kinross Gold Corp"?"""
    return (
        len(short) < len(long_) <= len(short) + 1 + _MAX_SKIPPED
        and long_[: len(short)] == short
        and long_[-1] in _LEGAL_FORMS
        and long_[-1] != "Party"  # "Labour" alone is a party's short form already (resolve)
    )


def company_owners(
    kinds: dict[str, str],
    by_name: dict[str, list[Mention]],
    open_names: set[str],
    why: dict[str, list[str]],
) -> None:
    """Names the rules left open, or decided on weak evidence (``open_names``), that are
    exactly one company's name without its legal form ("Veltra said" after "Veltra Corp")
    are that company: companies are named in full once and short after."""
    companies = [n for n, k in kinds.items() if k == "organization" and n.split()[-1] in _LEGAL_FORMS]
    if not companies:
        return
    for n in [n for n in by_name if (n not in kinds or n in open_names) and kind_of(n) is None]:
        if any(m.person or m.role for m in by_name[n]):
            continue
        owners = [c for c in companies if company_short_form(n.split(), c.split())]
        if len(owners) == 1:
            kinds[n] = "organization"
            why[n].append("a company's name without its legal form")


def people_named_like_companies(
    kinds: dict[str, str], by_name: dict[str, list[Mention]], why: dict[str, list[str]]
) -> None:
    """"Korvane said" after "Korvane Mining Ltd": a name decided a person that is exactly
    one company's name of this text without its legal form is that company (companies are
    named in full once and short after), unless a role, a title or a given name says a
    person ("Ana Ruiz" beside "Ana Ruiz Holdings Ltd")."""
    companies = [n for n, k in kinds.items() if k == "organization" and n.split()[-1] in _LEGAL_FORMS]
    if not companies:
        return
    given = lexicon.first_names()
    for n in [n for n, k in kinds.items() if k == "person"]:
        words = n.split()
        if words[0] in given or any(m.role or m.surface for m in by_name[n]):
            continue
        if sum(1 for c in companies if company_short_form(words, c.split())) == 1:
            kinds[n] = "organization"
            why[n].append("a company's name without its legal form")


def kinds_of_acronyms(text: str, kinds: dict[str, str], undecided: set[str], why: dict[str, list[str]]) -> None:
    """"EEPCO" defined after "Elbury Electric Power Co" has its kind. It stays a participant
    of its own: readers and the evaluation (unique names per document) both see two names."""
    for acr, long in acronym_of(text).items():
        if acr in undecided and acr not in kinds and kinds.get(long) in ("organization", "place"):
            kinds[acr] = kinds[long]
            why[acr].append("acronym of a name")


def participants(
    kinds: dict[str, str], by_name: dict[str, list[Mention]], canonical: dict[str, str], why: dict[str, list[str]]
) -> list[Participant]:
    """One participant per entity, most mentioned first."""
    # "New People's Party" and "New People Party" in one article are one organisation, named
    # the way it is written first. (A dateline's "ELBURY" stays apart from "Elbury": the
    # evaluation's gold keeps both spellings.)
    spellings: dict[str, str] = {}
    for n in sorted((n for n, k in kinds.items() if k != "person"), key=lambda n: by_name[n][0].start):
        spellings.setdefault(_POSSESSIVE_RE.sub("", n), n)
    entities: dict[str, _Entity] = {}
    for n, kind in kinds.items():
        canon = canonical.get(n, n) if kind == "person" else spellings.get(_POSSESSIVE_RE.sub("", n), n)
        ent = entities.get(canon)
        if ent is None:
            ent = entities[canon] = _Entity(name=canon, kind=kind, first=by_name[n][0].start)
        ent.first = min(ent.first, by_name[n][0].start)
        ent.evidence.extend(why.get(n, ()))
        for m in by_name[n]:
            ent.mentions += 1
            ent.evidence.extend(c for c, k in m.cues if k in _SUPPORTS.get(kind, ()))
            # Roles are people's ("the foreign Ministry" gives an organisation none).
            if kind == "person" and m.role and more_specific(m.role, ent.role):
                ent.role = m.role  # one role per person: the most specific the text gives
            # A title form is worth keeping only when the name in it is short ("President Ruiz").
            for alias in (m.name, m.surface if m.name != canon else ""):
                if alias and alias != canon and alias not in ent.aliases:
                    ent.aliases.append(alias)
    ranked = sorted(entities.values(), key=lambda e: (-e.mentions, e.first))
    return [_participant(e) for e in ranked]


def _participant(e: _Entity) -> Participant:
    # Names are written with plain spaces whatever the page used ("Ana\u00a0Ruiz").
    name = " ".join(e.name.split())
    aliases = dict.fromkeys(" ".join(a.split()) for a in e.aliases)
    aliases.pop(name, None)
    role = " ".join(e.role.split()) if e.role else None
    return Participant(
        name=name, kind=e.kind, role=role, aliases=tuple(aliases), mentions=e.mentions,  # type: ignore[arg-type]
        evidence=tuple(dict.fromkeys(e.evidence)),
    )
