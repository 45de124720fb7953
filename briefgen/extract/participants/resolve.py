"""Participants of one article or of many -> one entry per entity.

The names an outlet uses for one entity vary: case ("LONDON" in a dateline, "London"),
periods and hyphens ("U.S", "U.S.", "US"; "Kim Jong-un", "Kim Jong Un"), possessives,
other names a table of aliases knows ("Britain", "United Kingdom"), acronyms (defined in
the text, or spelled by the initials of a name beside them: "KCNA"), the head of an
organisation's name ("the Church" beside "Church of Scientology"), a place's name without
its head noun ("Atlantic" beside "Atlantic Ocean") and a person's surname. These join one
entry whose name is the fullest form written, with the others as aliases, the mentions
summed and the most specific role (with the article it came from).

Names that only share words stay apart: "North Korea" and "South Korea" (a place's
modifier is no variant of it), "UN" and "UN Security Council" (a modifier, not the head),
and a short form that two longer names could mean joins neither ("Court" beside two courts).
``story.merge`` may call ``resolve`` over the participants of all of a story's articles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache

from briefgen.extract.participants import vocab
from briefgen.extract.participants.merge import company_short_form
from briefgen.model import Participant
from briefgen.text import lexicon

_POSSESSIVE_RE = re.compile(r"['’]s?$")
_SEPARATORS_RE = re.compile(r"[\s.\-‐‑–]+")
_ACRONYM_RE = re.compile(r"^(?:[A-Z]\.?){2,6}$")
_LEGAL_FORMS = lexicon.words("legal_form_words")
_LOWER_LINKS = frozenset({"of", "and", "for", "the", "on", "in", "de", "&"})


def key(name: str) -> str:
    """The spelling-free form of a name: case, periods, hyphens, spaces and a possessive
    ending do not count ("U.S." = "US", "Ruiz-Vale" = "Ruiz Vale", "NATO's" = "Nato")."""
    s = unicodedata.normalize("NFKC", name).strip()
    s = _POSSESSIVE_RE.sub("", s) if len(s) > 2 else s
    s = re.sub(r"^(?:the|The|THE)\s+", "", s)
    return _SEPARATORS_RE.sub("", s).lower()


@cache
def _alias_table() -> tuple[dict[str, int], tuple[tuple[str, str], ...]]:
    """Key of every listed name -> its row; rows as (kind, canonical name)."""
    rows: list[tuple[str, str]] = []
    of: dict[str, int] = {}
    for row in lexicon.table("entity_aliases"):
        kind, canonical = row[0], row[1]
        others = row[2].split("|") if len(row) > 2 and row[2] else []
        for n in (canonical, *others):
            of.setdefault(key(n), len(rows))
        rows.append((kind, canonical))
    return of, tuple(rows)


class _Groups:
    """Union-find over entry indices."""

    def __init__(self, n: int) -> None:
        self.up = list(range(n))

    def find(self, i: int) -> int:
        while self.up[i] != i:
            self.up[i] = self.up[self.up[i]]
            i = self.up[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.up[max(ra, rb)] = min(ra, rb)


def _words(name: str) -> list[str]:
    return [w for w in _POSSESSIVE_RE.sub("", name).split() if w]


def _head(words: list[str]) -> list[str]:
    """The head phrase of an organisation's name: the words before its first "of"
    ("Church of Scientology" -> "Church"), without a leading "The"."""
    if words and words[0].lower() == "the":
        words = words[1:]
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return words


def _initials(words: list[str], with_links: bool) -> str:
    return "".join(w[0].upper() for w in words if w[:1].isalpha() and (with_links or w.lower() not in _LOWER_LINKS))


def _spells(acronym: str, words: list[str]) -> bool:
    """Is ``acronym`` the initials of ``words`` (with or without "of", "and"…)?"""
    letters = acronym.replace(".", "")
    return len(words) >= 2 and letters in (_initials(words, False), _initials(words, True))


def resolve(entries: Sequence[Participant], defined: Mapping[str, str] | None = None) -> tuple[Participant, ...]:
    """One entry per entity among ``entries`` (of one article or of several), most
    mentioned first. ``defined`` maps acronyms the text defines to their names
    ("World Health Organization (WHO)")."""
    ents = list(entries)
    if len(ents) < 2:
        return tuple(ents)
    g = _Groups(len(ents))
    keys = [key(p.name) for p in ents]
    by_key: dict[tuple[str, str], int] = {}
    for i, p in enumerate(ents):
        first = by_key.setdefault((keys[i], p.kind), i)
        g.join(first, i)
    _join_by_alias_table(ents, keys, g)
    _join_divided_short_forms(ents, keys, g)
    _join_defined(ents, keys, defined or {}, g)
    _join_written_aliases(ents, keys, by_key, g)
    _join_acronyms(ents, g)
    _join_initials_inside(ents, g)
    _join_short_forms(ents, g)
    groups: dict[int, list[int]] = {}
    for i in range(len(ents)):
        groups.setdefault(g.find(i), []).append(i)
    merged = [(_merge([ents[i] for i in members]), members[0]) for members in groups.values()]
    merged.sort(key=lambda pm: (-pm[0].mentions, pm[1]))
    return tuple(p for p, _ in merged)


def _join_by_alias_table(ents: list[Participant], keys: list[str], g: _Groups) -> None:
    of, rows = _alias_table()
    seen: dict[int, int] = {}
    for i, p in enumerate(ents):
        if p.kind == "person":
            continue
        # The entry's own name only: an alias may be a word of it ("US" under "US Steel").
        row = of.get(keys[i])
        if row is not None:
            g.join(seen.setdefault(row, i), i)


@cache
def _divided_short_forms() -> dict[str, frozenset[str]]:
    """Key of a divided place's short name -> keys of its parts' full names."""
    rows = lexicon.table("divided_place_short_forms")
    return {key(row[0]): frozenset(key(n) for n in row[1].split("|")) for row in rows}


def _join_divided_short_forms(ents: list[Participant], keys: list[str], g: _Groups) -> None:
    """"Korea" beside "South Korea" is South Korea: a text that names one part of a
    divided place in full and then uses the short name means that part. Beside both parts
    ("North Korea" and "South Korea") the short name joins neither."""
    table = _divided_short_forms()
    for i, p in enumerate(ents):
        parts = table.get(keys[i])
        if p.kind != "place" or parts is None:
            continue
        owners = {g.find(j) for j, q in enumerate(ents) if q.kind == "place" and keys[j] in parts}
        owners.discard(g.find(i))
        if len(owners) == 1:
            g.join(i, owners.pop())


def _join_defined(ents: list[Participant], keys: list[str], defined: Mapping[str, str], g: _Groups) -> None:
    where = {k: i for i, k in reversed(list(enumerate(keys))) if ents[i].kind != "person"}
    for acronym, long_name in defined.items():
        a, b = where.get(key(acronym)), where.get(key(long_name))
        if a is not None and b is not None:
            g.join(a, b)


def _join_written_aliases(
    ents: list[Participant], keys: list[str], by_key: dict[tuple[str, str], int], g: _Groups
) -> None:
    """An entry one article lists as an alias of another ("Lee" under "Lee Jae Myung"),
    unless entries of two names list it ("Ruiz" under "Ana Ruiz" and under "Tomas Ruiz"):
    joining through it would make two people one, and give one's role to the other."""
    claims: dict[tuple[str, str], set[str]] = {}
    for i, p in enumerate(ents):
        for a in p.aliases:
            claims.setdefault((key(a), p.kind), set()).add(keys[i])
    for i, p in enumerate(ents):
        for a in p.aliases:
            j = by_key.get((key(a), p.kind))
            if j is not None and j != i and len(claims[(key(a), p.kind)] - {keys[j]}) == 1:
                g.join(i, j)


def _join_acronyms(ents: list[Participant], g: _Groups) -> None:
    """"KCNA" beside "Korean Central News Agency": capitals that spell the initials of
    exactly one longer name of an organisation or place are that name, unless the alias
    table gives them another one ("US" beside "University of Sheffield" is the country)."""
    of, _ = _alias_table()
    longs = [(i, _words(p.name)) for i, p in enumerate(ents) if p.kind != "person" and len(p.name.split()) >= 2]
    for i, p in enumerate(ents):
        if p.kind == "person" or not _ACRONYM_RE.match(_POSSESSIVE_RE.sub("", p.name)):
            continue
        acronym = _POSSESSIVE_RE.sub("", p.name)
        if key(acronym) in _alias_table()[0] or acronym in lexicon.places():
            continue  # "US" beside "University of Sheffield" is the country the alias table knows
        # "US" is no acronym of "US Steel": a name holding the capitals is another name.
        known = of.get(key(acronym))
        owners = {g.find(j) for j, ws in longs if acronym not in ws and _spells(acronym, ws)
                  and (known is None or of.get(key(ents[j].name)) == known)}
        if len(owners) == 1:
            g.join(i, owners.pop())


def _join_initials_inside(ents: list[Participant], g: _Groups) -> None:
    """"West P.H." beside "West Port Hollis", "US Navy" beside "United States Navy": a name
    whose one initialism spells words of exactly one longer name of its kind, the other
    words the same, is that name."""
    words = [_words(p.name) for p in ents]  # once each, not once per pair
    for i, p in enumerate(ents):
        ws = words[i]
        at = [k for k, w in enumerate(ws) if _ACRONYM_RE.match(w)]
        if p.kind == "person" or len(ws) < 2 or len(at) != 1:
            continue
        k, letters = at[0], ws[at[0]].replace(".", "")
        n = len(letters)
        owners = set()
        for j, o in enumerate(ents):
            long_ = words[j]
            if (
                o.kind == p.kind
                and len(long_) == len(ws) - 1 + n
                and long_[:k] == ws[:k]
                and long_[k + n :] == ws[k + 1 :]
                and all(w[:1].isupper() for w in long_[k : k + n])
                and "".join(w[0] for w in long_[k : k + n]) == letters
            ):
                owners.add(g.find(j))
        owners.discard(g.find(i))
        if len(owners) == 1:
            g.join(i, owners.pop())


def _join_short_forms(ents: list[Participant], g: _Groups) -> None:
    """Shorter names that are another entry's name without its modifiers or head noun."""
    # Each name's words once, and the entries a short form can belong to by kind (a person's
    # by the last word, which the full name shares): a story's merge holds hundreds of entries,
    # and every entry against every other, each time re-reading both names, was quadratic.
    words = [_words(p.name) for p in ents]
    order = sorted(range(len(ents)), key=lambda i: len(words[i]))
    of_kind: dict[str, list[int]] = {}
    people_by_last: dict[str, list[int]] = {}
    for j in order:
        of_kind.setdefault(ents[j].kind, []).append(j)
        if ents[j].kind == "person" and words[j]:
            people_by_last.setdefault(words[j][-1], []).append(j)
    for i in order:
        p = ents[i]
        short = words[i]
        if not short:
            continue
        # _short_form_of holds only between entries of one kind, and for people only when the
        # last words agree: the other entries need no test.
        candidates = people_by_last.get(short[-1], []) if p.kind == "person" else of_kind[p.kind]
        owners = {g.find(j) for j in candidates if j != i and _short_form_of(p.kind, short, ents[j].kind, words[j])}
        owners.discard(g.find(i))
        if len(owners) == 1:
            g.join(i, owners.pop())


def _short_form_of(kind: str, short: list[str], other_kind: str, long_: list[str]) -> bool:
    """Is ``short`` (of an entry of ``kind``) a short form of the name ``long_`` (its words)
    of an entry of ``other_kind``?"""
    if len(long_) <= len(short):
        return False
    if kind == "person" and other_kind == "person":
        # "Ruiz" for "Ana Ruiz"; "Najib Razak" for "Najib Tun Razak".
        if len(short) == 1:
            return short[0] == long_[-1]
        return short[0] == long_[0] and short[-1] == long_[-1]
    if kind != other_kind:
        return False
    if kind == "organization":
        head = _head(long_)
        # "Church" / "Supreme Court" in "(Italian) Supreme Court of Cassation"; "Labour" in
        # "Labour Party" (an organisation word after it).
        if len(head) >= len(short) and head[-len(short):] == short:
            return True
        # "Scientology" beside "Church of Scientology": an organisation named by its "of" tail
        # (a place so named is another entity: "Bank of Elbury" and Elbury).
        if len(long_) > len(short) + 1 and long_[-len(short) - 1] == "of" and long_[-len(short):] == short:
            return True
        return (
            long_[: len(short)] == short and len(long_) == len(short) + 1 and long_[-1] in _LEGAL_FORMS
        ) or company_short_form(short, long_)
    if kind == "place":
        # "Atlantic" in "Atlantic Ocean": the name without its head noun.
        if long_[: len(short)] == short and len(long_) == len(short) + 1 and long_[-1] in vocab.PLACE_HEADS:
            return True
        return _inner_name_of(short, long_)
    return False


_HYPHENS_RE = re.compile(r"[-‐‑]")


def _inner_name_of(short: list[str], long_: list[str]) -> bool:
    """"Vale Point" in "Elbury-Vale Point Airport": the name of a facility between the place
    it serves and its head noun. A known place there is the place itself ("York" in "New
    York City"), and a name opening the longer one is the town it is named by ("Elbury" in
    "Elbury Airport")."""
    parts = [p for w in long_ for p in _HYPHENS_RE.split(w) if p]
    n = len(short)
    if len(parts) < n + 2 or parts[-1] not in vocab.PLACE_HEADS or parts[-n - 1 : -1] != short:
        return False
    name = " ".join(short)
    return name not in lexicon.places() and name not in lexicon.countries()


def _merge(group: list[Participant]) -> Participant:
    if len(group) == 1:
        return group[0]
    best = max(group, key=_fullness)
    aliases = [n for p in group for n in (p.name, *p.aliases)]
    role_from = max((p for p in group if p.role), key=lambda p: len(p.role.split()) if p.role else 0, default=None)
    kinds: dict[str, int] = {}
    for p in group:
        kinds[p.kind] = kinds.get(p.kind, 0) + p.mentions
    kind = max(kinds, key=lambda k: (kinds[k], k == best.kind))
    _, rows = _alias_table()
    row = _alias_table()[0].get(key(best.name))
    if row is not None and rows[row][0] in kinds:
        kind = rows[row][0]
    return replace(
        best,
        kind=kind,  # type: ignore[arg-type]
        role=role_from.role if role_from else None,
        path=role_from.path if role_from and role_from.path else best.path,
        aliases=tuple(dict.fromkeys(a for a in aliases if a != best.name)),
        mentions=sum(p.mentions for p in group),
        evidence=tuple(dict.fromkeys(e for p in group for e in p.evidence)),
    )


def _fullness(p: Participant) -> tuple[int, int, int]:
    """The fullest proper name: not an acronym or all capitals, most words, most mentioned."""
    bare = _POSSESSIVE_RE.sub("", p.name)
    shouting = bare.isupper() and len(bare) > 1
    return (0 if shouting else 1, len(bare.split()), p.mentions)
