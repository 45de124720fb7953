"""An article's source name -> the publisher it names, so "Reported by N outlets" counts
publishers: "Wikinews", "wikinews " and "Wikinews (sample feed)" are one outlet."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A trailing parenthetical names a feed or edition of the publisher, not another publisher.
_EDITION = re.compile(r"\s*\([^()]*\)\s*$")


def outlet_name(source: str) -> str:
    """The publisher's name as shown: whitespace collapsed, a trailing "(…)" dropped
    (unless that would leave nothing)."""
    name = " ".join(source.split())
    return _EDITION.sub("", name) or name


def publisher(source: str | None) -> str | None:
    """The outlet's name as extraction leaves it out of an article's participants."""
    return outlet_name(source) if source else None


def outlet_key(source: str) -> str:
    """What two source names must share to be one outlet."""
    return outlet_name(source).casefold()


def distinct_outlets(sources: Iterable[str | None]) -> tuple[str, ...]:
    """Publishers named by ``sources``, each once however its feeds spell it, in the order met."""
    seen: dict[str, str] = {}
    for source in sources:
        if source and source.strip():
            seen.setdefault(outlet_key(source), outlet_name(source))
    return tuple(seen.values())
