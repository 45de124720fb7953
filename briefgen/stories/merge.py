"""The articles of one story -> its quotes and participants merged: each quote once (the
best-attributed version), each person once (a surname one outlet used joins the full name
another gave)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from briefgen.extract.participants.resolve import key, resolve
from briefgen.model import Digest, Participant, Quote

T = TypeVar("T", Quote, Participant)
_QWORD = re.compile(r"[a-z0-9]+")


def _quote_key(text: str) -> tuple[str, ...]:
    return tuple(_QWORD.findall(unicodedata.normalize("NFKC", text).lower().replace("’", "'")))


def _same_quote(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One outlet trims or extends a quote another prints whole: containment or high overlap."""
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if f" {' '.join(short)} " in f" {' '.join(long_)} ":  # whole words: "no" is not in "not now"
        return True
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) >= 0.8


def merge_quotes(quote_lists: Sequence[Sequence[Quote]]) -> tuple[Quote, ...]:
    """Each quote once: the attributed, most confident, longest version wins."""
    groups: list[list[Quote]] = []
    keys: list[tuple[str, ...]] = []
    for quotes in quote_lists:
        for q in quotes:
            k = _quote_key(q.text)
            for g, gk in zip(groups, keys):
                if _same_quote(k, gk):
                    g.append(q)
                    break
            else:
                groups.append([q])
                keys.append(k)
    out = []
    for g in groups:
        best = max(g, key=lambda q: (q.speaker is not None, q.confidence, len(q.text)))
        if best.speaker is None:  # another outlet may have named who said it
            named = [q for q in g if q.speaker]
            if named:
                best = replace(best, speaker=named[0].speaker, speaker_mention=named[0].speaker_mention)
        out.append(best)
    return tuple(out)


def merge_participants(lists: Sequence[Sequence[Participant]]) -> tuple[Participant, ...]:
    """One entry per name (case-folded); mentions add up and aliases join.

    An entry named by another entry's alias ("Ruiz" beside "Ana Ruiz" with alias "Ruiz")
    joins it, unless that alias is claimed by two names ("Ana Ruiz" and "Tomas Ruiz"):
    a surname two people share is neither's. The role kept is the most specific of all the
    articles' ("Mayor of Eastport" over "mayor"; on a tie the first article's), whichever
    article came first, and the entry's ``path`` is that of the article the role came from
    (else of the first mention). Decided over all the lists at once, so the order of the
    articles does not change who gets which role."""
    items = [p for plist in lists for p in plist]
    claims: dict[tuple[str, str], set[str]] = {}
    for p in items:
        for a in p.aliases:
            claims.setdefault((a.lower(), p.kind), set()).add(p.name.lower())

    def group_of(p: Participant) -> str:
        own = p.name.lower()
        owners = claims.get((own, p.kind), set()) - {own}
        return owners.pop() if len(owners) == 1 else own

    groups: dict[str, list[Participant]] = {}
    for p in items:
        groups.setdefault(group_of(p), []).append(p)
    return tuple(sorted((_join(k, g) for k, g in groups.items()), key=lambda p: (-p.mentions, p.name)))


def _specificity(role: str | None) -> int:
    """More words say more: "Elbonian finance minister" over "minister"."""
    return len(role.split()) if role else 0


def _join(name: str, group: list[Participant]) -> Participant:
    """Entries of one (case-folded) ``name`` from several articles -> one, named as the first
    article that wrote the name itself (not an alias of it) did."""
    first = group[0]
    if len(group) == 1:
        return first
    owner = next((p for p in group if p.name.lower() == name), first)
    roled = max(group, key=lambda p: _specificity(p.role))  # max keeps the first of equals
    role_from = roled if roled.role is not None else first
    return replace(
        owner,
        role=role_from.role,
        path=role_from.path,
        aliases=tuple(dict.fromkeys(a for p in group for a in (p.name, *p.aliases) if a != owner.name)),
        mentions=sum(p.mentions for p in group),
    )


def surname_owners(people: Sequence[Participant]) -> dict[str, str]:
    """Surname (lower case) -> the only full person name that ends with it.

    One outlet writes "Blair" where another wrote "Tony Blair"; within a story they
    are one person. A surname shared by two full names is left out (no guessing)."""
    owners: dict[str, set[str]] = {}
    for p in people:
        words = p.name.split()
        if p.kind == "person" and len(words) > 1:
            owners.setdefault(words[-1].lower(), set()).add(p.name)
    return {last: next(iter(names)) for last, names in owners.items() if len(names) == 1}


def merged_people(digests: Sequence[Digest]) -> tuple[tuple[Participant, ...], tuple[Quote, ...]]:
    """The story's participants and quotes, with surname-only people folded into their full name;
    each quote and participant carries the ``path`` of the article it was taken from."""
    people = merge_participants([_from(d.article.path, d.participants) for d in digests])
    owners = surname_owners(people)

    def full(name: str) -> str:
        if name and " " not in name:
            return owners.get(name.lower(), name)
        return name

    # Renamed entries merge with their full name: mentions add up, a role is kept.
    people = merge_participants([[replace(p, name=full(p.name)) if p.kind == "person" else p for p in people]])
    # one outlet's "Britain" and another's "U.K.", or "KCNA" beside its full name: one entry
    people = resolve(people)
    canonical = {key(a): p.name for p in people for a in (p.name, *p.aliases)}

    def speaker(name: str | None) -> str | None:
        return canonical.get(key(full(name)), full(name)) if name else name

    quotes = tuple(replace(q, speaker=speaker(q.speaker))
                   for q in merge_quotes([_from(d.article.path, d.quotes) for d in digests]))
    return people, quotes


def _from(path: str, items: Sequence[T]) -> list[T]:
    """The items with their article's path, unless one is already known."""
    return [item if item.path is not None else replace(item, path=path) for item in items]
