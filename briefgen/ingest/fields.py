"""A metadata value (front matter, JSON Lines, feed) + its field name -> the typed value, or
nothing and one warning naming the file and the field.

The types: title, source, url, author and language are text (a string; a number or a date is
written out as YAML or JSON gave it); published is a date or date-time (the caller parses it);
tags are a list of strings or one comma-separated string. A value of any other type (a mapping,
a list where text belongs, true/false) is dropped, so a brief never shows Python's spelling of
it ("{'x': 1}", "['a', 'b']").
"""

from __future__ import annotations

import logging
from datetime import date

log = logging.getLogger(__name__)

_SCALAR = (str, int, float, date)


def text(value: object, field: str, where: str) -> str | None:
    """A one-line string, or None (absent, empty, or of the wrong type: warned)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, _SCALAR):
        drop(where, field, value, "text")
        return None
    return " ".join(str(value).split()) or None


def tags(value: object, field: str, where: str) -> tuple[str, ...]:
    """A list of strings or 'a, b' -> ('a', 'b'); anything else -> () with a warning."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)) or any(isinstance(v, bool) or not isinstance(v, _SCALAR) for v in value):
        drop(where, field, value, "a list of strings or one comma-separated string")
        return ()
    return tuple(t for t in (" ".join(str(v).split()) for v in value) if t)


def is_date_like(value: object, field: str, where: str) -> bool:
    """False (with a warning) for values no date parser should see: mappings, lists, true/false."""
    if isinstance(value, bool) or isinstance(value, (dict, list, tuple)):
        drop(where, field, value, "a date or date-time, e.g. 2026-11-28 or 2026-11-28T06:00:00Z")
        return False
    return True


def drop(where: str, field: str, value: object, expected: str) -> None:
    log.warning("%s: ignoring %s: expected %s, found %s", where, field, expected, kind(value))


def kind(value: object) -> str:
    """What was found, in words (never the value itself: it may be large or unprintable)."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    return f"a {type(value).__name__}"
