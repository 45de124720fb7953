"""A story's texts, outlets, age, people and label -> its news value, part by part.

Stories are ranked by what makes news matter to a reader, not by how many quotes or
names an article happens to carry:

    value = breadth + recency + consequence + office + novelty (+ the audience's priority)

    breadth     = 3 * ln(1 + distinct outlets)            1 outlet 2.1, 3 outlets 4.2, 10 outlets 7.2
    recency     = 3 * 0.5 ** (age in days / 2)             today 3, two days old 1.5; undated 0 (age unknown)
    consequence = sum over kinds named in the headline and the opening sentences
                  (deaths, injuries, evacuation, disaster, war, crime, money, politics:
                  ``data/vocab/news_value.tsv``), each kind once, weight * (1 + log10(n) / 2)
                  when a number n stands just before the word ("107 killed"); at most 10
    office      = 1.5 when someone in the story holds an office of ``offices.txt`` (head of
                  state or government), else 0.75 for one of ``offices_minor.txt``
    novelty     = new 1.5, updated 1.0, continuing 0 (``briefgen.stories.novelty``)

Each part is kept (``NewsValue``) so the JSON brief can show why a story ranks where it does.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache

from briefgen.model import NewsValue
from briefgen.text.lexicon import table, words

OPENING_SENTENCES = 3
MAX_CONSEQUENCE = 10.0
NOVELTY = {"new": 1.5, "updated": 1.0, "continuing": 0.0}

_TOKEN = re.compile(r"[\w'’-]+|\S")
_NUMBER = re.compile(r"^\d[\d,.]*$")
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "dozen": 12, "dozens": 24, "twenty": 20, "hundred": 100, "hundreds": 200,
                 "thousand": 1000, "thousands": 2000, "million": 1_000_000, "millions": 2_000_000}


@dataclass(frozen=True)
class _Kind:
    name: str
    weight: float
    scaled: bool
    exact: frozenset[str]
    prefixes: tuple[str, ...]


@cache
def _kinds() -> tuple[_Kind, ...]:
    kinds = []
    for name, weight, scaled, vocabulary in table("news_value"):
        terms = vocabulary.split()
        kinds.append(_Kind(name, float(weight), scaled == "yes", frozenset(t for t in terms if not t.endswith("*")),
                           tuple(t[:-1] for t in terms if t.endswith("*"))))
    return tuple(kinds)


def _amount(token: str) -> float | None:
    if _NUMBER.match(token):
        try:
            return float(token.replace(",", ""))
        except ValueError:
            return None
    return _NUMBER_WORDS.get(token)


def consequence(texts: Iterable[str]) -> float:
    """The consequence part of the value for a story's headline and opening sentences."""
    tokens = [t.lower() for text in texts for t in _TOKEN.findall(text)]
    best: dict[str, float] = {}
    for k, token in enumerate(tokens):
        for kind in _kinds():
            if token in kind.exact or any(token.startswith(p) for p in kind.prefixes):
                size = 1.0
                if kind.scaled:
                    # "107 people were killed", "killed 107": a number up to three words away
                    near = [_amount(t) for t in tokens[max(0, k - 4):k] + tokens[k + 1:k + 3]]
                    n = max((v for v in near if v is not None), default=None)
                    if n is not None and n >= 1:
                        size = 1.0 + min(math.log10(n), 6.0) / 2
                best[kind.name] = max(best.get(kind.name, 0.0), kind.weight * size)
    return min(sum(best.values()), MAX_CONSEQUENCE)


def office(roles: Iterable[str | None]) -> float:
    top = minor = False
    for role in roles:
        if not role:
            continue
        low = f" {role.lower()} "
        top = top or any(f" {o} " in low for o in words("offices"))
        minor = minor or any(f" {o} " in low for o in words("offices_minor"))
    return 1.5 if top else 0.75 if minor else 0.0


def news_value(*, headline: str, opening: Sequence[str], outlets: int, newest: date | None,
               today: date | None, roles: Iterable[str | None], label: str = "new",
               priority: float = 0.0) -> NewsValue:
    if newest is not None and today is not None:
        recency = 3.0 * 0.5 ** (max((today - newest).days, 0) / 2.0)
    else:
        recency = 0.0
    return NewsValue(
        breadth=3.0 * math.log1p(max(outlets, 1)),
        recency=recency,
        consequence=consequence([headline, *opening[:OPENING_SENTENCES]]),
        office=office(roles),
        novelty=NOVELTY.get(label, 0.0),
        priority=priority,
    )
