"""Which day a run is for, and which articles belong to it.

- `resolve_timezone(name)` -> tzinfo (IANA name via zoneinfo; None = the system's,
  with its daylight-saving rules).
- `today_in(tz)` -> the calendar date there (the only place that reads the clock).
- `parse_since("24h")` -> timedelta.
- `day_window(day, since, tz, cutoff)` -> `Window` ending at the end of `day`
  in `tz` (or at the `cutoff` time that day).
- `Window.contains(article)`: by the article's ``published`` date, else its
  file's modification time.
- `dated_inputs(paths, day)`: a folder holding a sub-folder named after the
  day (``inbox/2026-11-28/``) stands for that sub-folder.

Together they make a backfill honest: ``--date 2026-11-20 --since 24h`` (or
the 2026-11-20 folder) picks the articles that day's run would have picked.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from briefgen.errors import BriefgenError
from briefgen.model import Article

log = logging.getLogger(__name__)

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_SINCE = re.compile(r"(\d+)\s*([smhdw])")


def resolve_timezone(name: str | None) -> tzinfo:
    """An IANA zone name ('Europe/Berlin', 'UTC') -> tzinfo; None or '' -> the system's zone."""
    if not name:
        return system_zone()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise BriefgenError(f"unknown time zone {name!r}; use an IANA name such as Europe/Berlin or UTC") from None


def system_zone() -> tzinfo:
    """The machine's zone with its daylight-saving rules: $TZ, else /etc/localtime.

    Not ``datetime.now().astimezone().tzinfo``: that is today's fixed offset, so a
    window on the other side of a DST change (a backfill) would be an hour off.
    """
    name = os.environ.get("TZ", "").lstrip(":")
    try:
        if name:
            return ZoneInfo(name)
        with open("/etc/localtime", "rb") as handle:
            return ZoneInfo.from_file(handle, key="localtime")
    except (OSError, ValueError, ZoneInfoNotFoundError):  # a POSIX TZ rule, no zone database
        return datetime.now().astimezone().tzinfo or UTC


def today_in(tz: tzinfo, now: datetime | None = None) -> date:
    """Today's date in `tz` (a 6 a.m. cron run in Tokyo is not yesterday in UTC)."""
    return (now or datetime.now(UTC)).astimezone(tz).date()


def parse_since(text: str) -> timedelta:
    """'24h', '90m', '2d', '1w', '1d12h' -> timedelta; anything else is a BriefgenError."""
    cleaned = text.strip().lower().replace(" ", "")
    parts = _SINCE.findall(cleaned)
    if not cleaned or "".join(n + u for n, u in parts) != cleaned:
        raise BriefgenError(f"cannot read the window {text!r}; write e.g. 24h, 90m, 2d or 1w")
    span = timedelta(seconds=sum(int(n) * _UNITS[u] for n, u in parts))
    if span <= timedelta(0):
        raise BriefgenError(f"the window {text!r} is empty; write e.g. 24h")
    return span


@dataclass(frozen=True)
class Window:
    """[start, end) in absolute time; `tz` reads dates and naive times that say no zone."""

    start: datetime
    end: datetime
    tz: tzinfo

    def contains(self, article: Article) -> bool:
        when = article.published
        if when is None:
            try:
                mtime = os.stat(article.path).st_mtime
            except OSError:
                return True  # no evidence either way: better briefed than lost
            stamp = datetime.fromtimestamp(mtime, UTC)
            return self.start <= stamp < self.end
        if isinstance(when, datetime):
            stamp = when if when.tzinfo else when.replace(tzinfo=self.tz)
            return self.start <= stamp < self.end
        # A bare date covers its whole local day: in when the two overlap.
        day_start = datetime.combine(when, time(), self.tz)
        day_end = datetime.combine(when + timedelta(days=1), time(), self.tz)
        return day_start < self.end and day_end > self.start

    def describe(self) -> str:
        fmt = "%Y-%m-%d %H:%M %Z"
        return f"{self.start.astimezone(self.tz):{fmt}} to {self.end.astimezone(self.tz):{fmt}}"


def day_window(day: date, since: timedelta, tz: tzinfo, cutoff: time | None = None) -> Window:
    """The `since`-long window that ends when `day` ends in `tz`, or at `cutoff` on `day`.

    A 6 a.m. run wants yesterday 06:00 to today 06:00, not today's first six
    hours: with ``cutoff=06:00`` the live run and a later backfill of the same
    date read exactly the same window.
    """
    if cutoff is None:
        end = datetime.combine(day + timedelta(days=1), time(), tz)
    else:
        end = datetime.combine(day, cutoff, tz)
    return Window(start=end - since, end=end, tz=tz)


def parse_cutoff(text: str) -> time:
    """'06:00' -> time(6, 0); anything but HH:MM from 00:00 to 23:59 is a BriefgenError."""
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text.strip())
    if not match:
        raise BriefgenError(f"cannot read the cut-off {text!r}; write HH:MM, e.g. 06:00")
    return time(int(match.group(1)), int(match.group(2)))


def dated_inputs(paths: Iterable[str | os.PathLike[str]], day: date) -> list[Path]:
    """Each folder that has a sub-folder named YYYY-MM-DD for `day` is replaced by it."""
    chosen: list[Path] = []
    for raw in paths:
        path = Path(raw)
        dated = path / day.isoformat()
        if path.is_dir() and dated.is_dir():
            log.info("using %s for %s", dated, day.isoformat())
            chosen.append(dated)
        else:
            chosen.append(path)
    return chosen
