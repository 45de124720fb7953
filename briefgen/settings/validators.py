"""Validators for config values: (value, base folder) -> Python value, or raise Bad("what was expected").

One function per kind of value; briefgen.settings.keys pairs each key with one.
Paths resolve against ``base`` (the config file's folder, or the working folder
for environment variables).

A few validators import their stage (time zones, sources, summarizers) when called, so that
loading a config never loads the analysis code.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefgen.audience import COLOUR, IMAGE_TYPES, LOGO_MAX_BYTES, PDF_VARIANTS
from briefgen.errors import BriefgenError
from briefgen.rendering.locales import resolve_locale, supported_locales

LOGO_TYPES = tuple(IMAGE_TYPES)
_ADDRESS = re.compile(r"[^@\s<>,]+@[^@\s<>,]+")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class Bad(Exception):
    """A value that does not fit; ``expected`` says what would (the loader adds where)."""

    def __init__(self, expected: str):
        super().__init__(expected)
        self.expected = expected


Validator = Callable[[Any, Path], Any]


def string(v: Any, base: Path) -> str:
    if not isinstance(v, str) or not v.strip():
        raise Bad("a non-empty string")
    return v.strip()


def strings(v: Any, base: Path) -> tuple[str, ...]:
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise Bad("a list of non-empty strings")
    return tuple(x.strip() for x in v)


def file_path(v: Any, base: Path) -> Path:
    return (base / Path(string(v, base)).expanduser()).resolve()


def file_paths(v: Any, base: Path) -> tuple[Path, ...]:
    return tuple((base / Path(x).expanduser()).resolve() for x in strings(v, base))


def dirs(v: Any, base: Path) -> tuple[Path, ...]:
    dirs = file_paths(v, base)
    for d in dirs:
        if not d.is_dir():
            raise Bad(f"existing folders ({d} is not one)")
    return dirs


def choice(options: tuple[str, ...], *, fold: bool = True) -> Validator:
    def check(v: Any, base: Path) -> str:
        if isinstance(v, str):
            for o in options:
                if v.strip() == o or (fold and v.strip().lower() == o.lower()):
                    return o
        raise Bad("one of " + ", ".join(repr(o) for o in options))
    return check


def choices(options: tuple[str, ...]) -> Validator:
    one = choice(options)

    def check(v: Any, base: Path) -> tuple[str, ...]:
        try:
            return tuple(one(x, base) for x in strings(v, base))
        except Bad:
            raise Bad("a list drawn from " + ", ".join(repr(o) for o in options)) from None
    return check


def int_at_least(low: int) -> Validator:
    def check(v: Any, base: Path) -> int:
        if isinstance(v, str) and v.strip().isdigit():  # environment variables are strings
            v = int(v)
        if isinstance(v, bool) or not isinstance(v, int) or v < low:
            raise Bad(f"a whole number >= {low}")
        return v
    return check


def count_or_all(v: Any, base: Path) -> int | None:
    if isinstance(v, str) and v.strip().lower() == "all":
        return None
    try:
        return int_at_least(1)(v, base)
    except Bad:
        raise Bad('a whole number >= 1 or "all"') from None


def words(v: Any, base: Path) -> int | None:
    try:
        return int_at_least(0)(v, base) or None  # 0: no word budget
    except Bad:
        raise Bad("a whole number >= 0 (0: no word budget)") from None


def positive_number(v: Any, base: Path) -> float:
    if isinstance(v, str):
        try:
            v = float(v)
        except ValueError:
            pass
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not v > 0:
        raise Bad("a number > 0")
    return float(v)


def boolean(v: Any, base: Path) -> bool:
    if isinstance(v, bool):
        return v
    raise Bad("true or false")


def colour(v: Any, base: Path) -> str:
    if isinstance(v, str) and COLOUR.fullmatch(v.strip()):
        return v.strip()
    raise Bad('a hex colour such as "#1f3a5f"')


def locale(v: Any, base: Path) -> str:
    key = resolve_locale(v) if isinstance(v, str) else None
    if key is None:
        raise Bad("a supported locale: " + ", ".join(supported_locales()))
    return key


def variant(v: Any, base: Path) -> str | None:
    if isinstance(v, str) and v.strip().lower() in ("none", "pdf", ""):
        return None
    try:
        return choice(PDF_VARIANTS)(v, base)
    except Bad:
        raise Bad('"pdf/ua-1" (tagged, accessible), "pdf/a-3u" (archival) or "none"') from None


def algorithm(v: Any, base: Path) -> str:
    from briefgen.summarize import ALGORITHMS

    return choice(ALGORITHMS)(v, base)


def timezone(v: Any, base: Path) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = string(v, base)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise Bad('an IANA time zone such as "Europe/Berlin" or "UTC"') from None
    return name


def template_name(v: Any, base: Path) -> str:
    name = string(v, base)
    if name.startswith("/") or ".." in Path(name).parts:
        raise Bad("a template file name on the search path, e.g. \"board.html\" (not a path)")
    return name


def logo(v: Any, base: Path) -> str:
    path = file_path(v, base)
    if path.suffix.lower() not in LOGO_TYPES:
        raise Bad("an image file (" + ", ".join(LOGO_TYPES) + ")")
    if not path.is_file():
        raise Bad(f"an existing image file ({path} not found)")
    if path.stat().st_size > LOGO_MAX_BYTES:
        raise Bad(f"an image under {LOGO_MAX_BYTES // 1_000_000} MB")
    return str(path)


def since(v: Any, base: Path) -> str:
    from briefgen.ops.window import parse_since

    try:
        parse_since(string(v, base))
    except (BriefgenError, Bad):
        raise Bad('a window such as "24h", "90m", "2d" or "1w"') from None
    return v.strip().lower()


def cutoff(v: Any, base: Path) -> str:
    from briefgen.ops.window import parse_cutoff

    try:
        return parse_cutoff(string(v, base)).strftime("%H:%M")
    except (BriefgenError, Bad):
        raise Bad('a time of day "HH:MM", e.g. "06:00"') from None


def addresses(v: Any, base: Path) -> tuple[str, ...]:
    try:
        addresses = strings(v, base)
    except Bad:
        addresses = ()
    if not addresses or not all(_ADDRESS.fullmatch(a) for a in addresses):
        raise Bad('a list of e-mail addresses such as ["desk@example.org"]')
    return tuple(dict.fromkeys(addresses))


def port(v: Any, base: Path) -> int:
    try:
        port = int_at_least(1)(v, base)
    except Bad:
        port = 0
    if not 1 <= port <= 65535:
        raise Bad("a port number (1-65535), e.g. 587")
    return port


def cafile(v: Any, base: Path) -> str:
    path = file_path(v, base)
    if not path.is_file():
        raise Bad(f"an existing PEM file of trusted certificates ({path} not found)")
    return str(path)


def env_name(v: Any, base: Path) -> str:
    if isinstance(v, str) and _ENV_NAME.fullmatch(v.strip()):
        return v.strip()
    raise Bad('the name of an environment variable, e.g. "BRIEFS_SMTP_PASSWORD"')


def secret(v: Any, base: Path) -> str:
    if isinstance(v, str) and v:
        return v  # as given: spaces may be part of a password
    raise Bad("a non-empty string")


def audience_names(v: Any, base: Path) -> tuple[str, ...]:
    return strings(v, base)  # checked against the known audiences once all are loaded


def sources(v: Any, base: Path) -> tuple:
    from briefgen.ingest.sources import parse_sources  # [[sources]]: name, feed/url/path, tags, priority

    try:
        return parse_sources(v, base)
    except ValueError as err:
        raise Bad(str(err)) from None


def scheduler(v: Any, base: Path) -> str:
    """A Dask scheduler address: tcp://HOST:PORT (or tls://, or another protocol Dask knows)."""
    text = string(v, base)
    scheme, sep, rest = text.partition("://")
    if not sep or not scheme.isalpha() or not rest or any(c.isspace() for c in rest):
        raise Bad("a scheduler address such as tcp://HOST:8786")
    return text
