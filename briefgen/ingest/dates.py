"""Publication dates from any source -> aware datetimes in one time zone.

``parse_when(value)`` reads ISO 8601, RFC 822 (feeds, HTTP) and a few common
CMS spellings into a ``datetime`` (or a ``date`` when only a day is known);
``normalise(value, tz)`` expresses an aware time in the configured zone, and
reads a naive one as already being in that zone. ``tz=None`` means the
machine's local zone, with its daylight-saving rules applied per instant.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime, tzinfo
from email.utils import parsedate_to_datetime

When = datetime | date


_DAY_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COMPACT_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")  # "+0100" -> "+01:00" for fromisoformat


def parse_when(value: object) -> When | None:
    """A date or time in any common spelling -> datetime/date; None when unreadable."""
    if value is None:
        return None
    if isinstance(value, (datetime, date)):
        return value
    if isinstance(value, time.struct_time):  # feedparser's *_parsed fields are UTC

        # struct_time allows a leap second (60, even 61); datetime does not.
        return datetime(*value[:5], min(value.tm_sec, 59), tzinfo=UTC)
    text = str(value).strip()
    if not text:
        return None
    if _DAY_ONLY.match(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            return None
    iso = text.replace("Z", "+00:00").replace("z", "+00:00")
    iso = _COMPACT_OFFSET.sub(r"\1:\2", iso) if "T" in iso or " " in iso.strip() else iso
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)  # RFC 822: "Tue, 10 Jun 2003 04:00:00 GMT"
    except (TypeError, ValueError, IndexError):
        return None


def normalise(value: When | None, tz: tzinfo | None = None) -> When | None:
    """Aware -> the same instant in ``tz``; naive -> read as ``tz`` time; a bare date stays a date."""
    if value is None or not isinstance(value, datetime):
        return value
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        if tz is None:
            return value.astimezone()  # naive is taken as local time
        return value.replace(tzinfo=tz)
    return value.astimezone(tz) if tz is not None else value.astimezone()
