"""briefgen.toml + BRIEFGEN_* environment -> Settings (global options and every audience).

``load_settings(config=None, env=os.environ)`` finds the config file
(``--config`` > ``BRIEFGEN_CONFIG`` > ``./briefgen.toml`` > the user config
directory), validates it and applies environment overrides. Command-line flags
are applied by the commands on top of the result, so the precedence is
flag > environment > file > built-in default.

Every key is declared below with its validator, so an unknown key or a bad
value is one ``ConfigError`` line naming the file, line, key and what was
expected. Relative paths in the file resolve against the file's folder, so
cron's working directory does not matter; relative paths in the environment
resolve against the working directory, as a shell user expects.

Operation (issue 6): ``since``, ``cutoff``, ``keep_days``, ``empty_brief`` and
``latest`` are global keys like the others. ``[smtp]`` (host, port, user,
from, security, cafile, password_env, password) becomes ``Settings.smtp``;
each key can be overridden by ``BRIEFGEN_SMTP_<KEY>``, and the password is
taken from ``BRIEFGEN_SMTP_PASSWORD`` > the variable ``password_env`` names >
``password`` in the file (with a warning when others can read the file). It
never appears in an error message or a repr. ``mail_to = [...]`` in an
audience's table lists that audience's recipients (not inherited through
``extends``: a derived audience is a different readership);
``BRIEFGEN_MAIL_TO`` (comma-separated) replaces every audience's list.
"""

from __future__ import annotations

import difflib
import logging
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from briefgen.audience import (
    BUILTIN_AUDIENCES, COLOUR, FORMATS, IMAGE_TYPES, LOGO_MAX_BYTES, ORDERS, PDF_VARIANTS, Audience,
)
from briefgen.ops.delivery import SECURITY, SmtpSettings
from briefgen.errors import BriefgenError
from briefgen.rendering.locales import resolve_locale, supported_locales

log = logging.getLogger(__name__)

CONFIG_NAME = "briefgen.toml"
ENGINES = ("fast", "sumy")
PAGE_SIZES = ("A4", "Letter", "A5", "Legal")
LOGO_TYPES = tuple(IMAGE_TYPES)
_NAME = re.compile(r"[a-z][a-z0-9_-]{0,39}")
_ADDRESS = re.compile(r"[^@\s<>,]+@[^@\s<>,]+")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class ConfigError(BriefgenError):
    """A config file or BRIEFGEN_* variable that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Settings:
    source: Path | None = None  # the config file read, if any
    output_dir: Path = Path("output")
    template_dirs: tuple[Path, ...] = ()
    inputs: tuple[Path, ...] = ()  # what `build` reads when no PATHS are given
    default_audiences: tuple[str, ...] = ()  # () = every audience
    formats: tuple[str, ...] = ("pdf",)
    engine: str = "fast"
    timezone: str | None = None  # IANA name; decides what "today" is
    render_timeout: float = 60.0  # seconds per user-template render (briefgen.rendering.render)
    render_memory_mb: int = 1024
    allow_hosts: tuple[str, ...] = ()  # private/loopback feed hosts fetched on purpose (briefgen.ingest.fetch)
    sources: tuple = ()  # briefgen.ingest.sources.Source: [[sources]] read by `build` when no PATHS are given
    audiences: Mapping[str, Audience] = field(default_factory=lambda: dict(BUILTIN_AUDIENCES))
    # Operation (issue 6); `build` flags override each.
    since: str | None = None  # input window, e.g. "24h" (briefgen.ops.window.parse_since)
    cutoff: str | None = None  # "HH:MM": the window ends then on the brief's date
    keep_days: int | None = None  # retention; None keeps every date folder
    empty_brief: bool = False  # write an "empty day" brief when no article is left
    latest: bool = True  # keep OUTPUT_DIR/latest/<audience>.<format> current
    smtp: SmtpSettings | None = None  # None: no server configured (its repr hides the password)
    mail_to: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # audience -> recipients

    def recipients(self, audience: str) -> tuple[str, ...]:
        return tuple(self.mail_to.get(audience, ()))

    def audience(self, name: str) -> Audience:
        try:
            return self.audiences[name]
        except KeyError:
            raise ConfigError(f"unknown audience {name!r}; choose from {', '.join(self.audiences)}") from None

    def chosen(self, names: tuple[str, ...] = ()) -> list[Audience]:
        """The audiences named (duplicates dropped), else the configured defaults, else all."""
        names = names or self.default_audiences or tuple(self.audiences)
        return [self.audience(n) for n in dict.fromkeys(names)]


# --------------------------------------------------------------------------
# Validators: (value, base folder) -> Python value, or raise _Bad("what was expected")


class _Bad(Exception):
    def __init__(self, expected: str):
        super().__init__(expected)
        self.expected = expected


Validator = Callable[[Any, Path], Any]


def _string(v: Any, base: Path) -> str:
    if not isinstance(v, str) or not v.strip():
        raise _Bad("a non-empty string")
    return v.strip()


def _strings(v: Any, base: Path) -> tuple[str, ...]:
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise _Bad("a list of non-empty strings")
    return tuple(x.strip() for x in v)


def _path(v: Any, base: Path) -> Path:
    return (base / Path(_string(v, base)).expanduser()).resolve()


def _paths(v: Any, base: Path) -> tuple[Path, ...]:
    return tuple((base / Path(x).expanduser()).resolve() for x in _strings(v, base))


def _dirs(v: Any, base: Path) -> tuple[Path, ...]:
    dirs = _paths(v, base)
    for d in dirs:
        if not d.is_dir():
            raise _Bad(f"existing folders ({d} is not one)")
    return dirs


def _choice(options: tuple[str, ...], *, fold: bool = True) -> Validator:
    def check(v: Any, base: Path) -> str:
        if isinstance(v, str):
            for o in options:
                if v.strip() == o or (fold and v.strip().lower() == o.lower()):
                    return o
        raise _Bad("one of " + ", ".join(repr(o) for o in options))
    return check


def _choices(options: tuple[str, ...]) -> Validator:
    one = _choice(options)

    def check(v: Any, base: Path) -> tuple[str, ...]:
        try:
            return tuple(one(x, base) for x in _strings(v, base))
        except _Bad:
            raise _Bad("a list drawn from " + ", ".join(repr(o) for o in options)) from None
    return check


def _int_at_least(low: int) -> Validator:
    def check(v: Any, base: Path) -> int:
        if isinstance(v, str) and v.strip().isdigit():  # environment variables are strings
            v = int(v)
        if isinstance(v, bool) or not isinstance(v, int) or v < low:
            raise _Bad(f"a whole number >= {low}")
        return v
    return check


def _count_or_all(v: Any, base: Path) -> int | None:
    if isinstance(v, str) and v.strip().lower() == "all":
        return None
    try:
        return _int_at_least(1)(v, base)
    except _Bad:
        raise _Bad('a whole number >= 1 or "all"') from None


def _words(v: Any, base: Path) -> int | None:
    try:
        return _int_at_least(0)(v, base) or None  # 0: no word budget
    except _Bad:
        raise _Bad("a whole number >= 0 (0: no word budget)") from None


def _positive_number(v: Any, base: Path) -> float:
    if isinstance(v, str):
        try:
            v = float(v)
        except ValueError:
            pass
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not v > 0:
        raise _Bad("a number > 0")
    return float(v)


def _bool(v: Any, base: Path) -> bool:
    if isinstance(v, bool):
        return v
    raise _Bad("true or false")


def _colour(v: Any, base: Path) -> str:
    if isinstance(v, str) and COLOUR.fullmatch(v.strip()):
        return v.strip()
    raise _Bad('a hex colour such as "#1f3a5f"')


def _locale(v: Any, base: Path) -> str:
    key = resolve_locale(v) if isinstance(v, str) else None
    if key is None:
        raise _Bad("a supported locale: " + ", ".join(supported_locales()))
    return key


def _variant(v: Any, base: Path) -> str | None:
    if isinstance(v, str) and v.strip().lower() in ("none", "pdf", ""):
        return None
    try:
        return _choice(PDF_VARIANTS)(v, base)
    except _Bad:
        raise _Bad('"pdf/ua-1" (tagged, accessible), "pdf/a-3u" (archival) or "none"') from None


def _algorithm(v: Any, base: Path) -> str:
    from briefgen.summarize import ALGORITHMS

    return _choice(ALGORITHMS)(v, base)


def _timezone(v: Any, base: Path) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = _string(v, base)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise _Bad('an IANA time zone such as "Europe/Berlin" or "UTC"') from None
    return name


def _template_name(v: Any, base: Path) -> str:
    name = _string(v, base)
    if name.startswith("/") or ".." in Path(name).parts:
        raise _Bad("a template file name on the search path, e.g. \"board.html\" (not a path)")
    return name


def _logo(v: Any, base: Path) -> str:
    path = _path(v, base)
    if path.suffix.lower() not in LOGO_TYPES:
        raise _Bad("an image file (" + ", ".join(LOGO_TYPES) + ")")
    if not path.is_file():
        raise _Bad(f"an existing image file ({path} not found)")
    if path.stat().st_size > LOGO_MAX_BYTES:
        raise _Bad(f"an image under {LOGO_MAX_BYTES // 1_000_000} MB")
    return str(path)


def _since(v: Any, base: Path) -> str:
    from briefgen.ops.window import parse_since

    try:
        parse_since(_string(v, base))
    except (BriefgenError, _Bad):
        raise _Bad('a window such as "24h", "90m", "2d" or "1w"') from None
    return v.strip().lower()


def _cutoff(v: Any, base: Path) -> str:
    from briefgen.ops.window import parse_cutoff

    try:
        return parse_cutoff(_string(v, base)).strftime("%H:%M")
    except (BriefgenError, _Bad):
        raise _Bad('a time of day "HH:MM", e.g. "06:00"') from None


def _addresses(v: Any, base: Path) -> tuple[str, ...]:
    try:
        addresses = _strings(v, base)
    except _Bad:
        addresses = ()
    if not addresses or not all(_ADDRESS.fullmatch(a) for a in addresses):
        raise _Bad('a list of e-mail addresses such as ["desk@example.org"]')
    return tuple(dict.fromkeys(addresses))


def _port(v: Any, base: Path) -> int:
    try:
        port = _int_at_least(1)(v, base)
    except _Bad:
        port = 0
    if not 1 <= port <= 65535:
        raise _Bad("a port number (1-65535), e.g. 587")
    return port


def _cafile(v: Any, base: Path) -> str:
    path = _path(v, base)
    if not path.is_file():
        raise _Bad(f"an existing PEM file of trusted certificates ({path} not found)")
    return str(path)


def _env_name(v: Any, base: Path) -> str:
    if isinstance(v, str) and _ENV_NAME.fullmatch(v.strip()):
        return v.strip()
    raise _Bad('the name of an environment variable, e.g. "BRIEFS_SMTP_PASSWORD"')


def _secret(v: Any, base: Path) -> str:
    if isinstance(v, str) and v:
        return v  # as given: spaces may be part of a password
    raise _Bad("a non-empty string")


def _audience_names(v: Any, base: Path) -> tuple[str, ...]:
    return _strings(v, base)  # checked against the known audiences once all are loaded


def _sources(v: Any, base: Path) -> tuple:
    from briefgen.ingest.sources import parse_sources  # [[sources]]: name, feed/url/path, tags, priority

    try:
        return parse_sources(v, base)
    except ValueError as err:
        raise _Bad(str(err)) from None


# key -> (Settings field, validator, BRIEFGEN_* variable or None)
GLOBAL_KEYS: dict[str, tuple[str, Validator, str | None]] = {
    "output_dir": ("output_dir", _path, "BRIEFGEN_OUTPUT_DIR"),
    "template_dirs": ("template_dirs", _dirs, "BRIEFGEN_TEMPLATE_DIRS"),
    "inputs": ("inputs", _paths, "BRIEFGEN_INPUTS"),
    "default_audiences": ("default_audiences", _audience_names, "BRIEFGEN_AUDIENCES"),
    "formats": ("formats", _choices(FORMATS), "BRIEFGEN_FORMATS"),
    "engine": ("engine", _choice(ENGINES), "BRIEFGEN_ENGINE"),
    "timezone": ("timezone", _timezone, "BRIEFGEN_TIMEZONE"),
    "render_timeout": ("render_timeout", _positive_number, "BRIEFGEN_RENDER_TIMEOUT"),
    "render_memory_mb": ("render_memory_mb", _int_at_least(64), "BRIEFGEN_RENDER_MEMORY_MB"),
    "allow_hosts": ("allow_hosts", _strings, "BRIEFGEN_ALLOW_HOSTS"),
    "sources": ("sources", _sources, None),
    "since": ("since", _since, "BRIEFGEN_SINCE"),
    "cutoff": ("cutoff", _cutoff, "BRIEFGEN_CUTOFF"),
    "keep_days": ("keep_days", _int_at_least(0), "BRIEFGEN_KEEP_DAYS"),
    "empty_brief": ("empty_brief", _bool, "BRIEFGEN_EMPTY_BRIEF"),
    "latest": ("latest", _bool, "BRIEFGEN_LATEST"),
}
# [smtp] key -> (SmtpSettings field, validator, BRIEFGEN_* variable or None)
SMTP_KEYS: dict[str, tuple[str, Validator, str | None]] = {
    "host": ("host", _string, "BRIEFGEN_SMTP_HOST"),
    "port": ("port", _port, "BRIEFGEN_SMTP_PORT"),
    "user": ("user", _string, "BRIEFGEN_SMTP_USER"),
    "from": ("sender", _string, "BRIEFGEN_SMTP_FROM"),
    "security": ("security", _choice(SECURITY), "BRIEFGEN_SMTP_SECURITY"),
    "cafile": ("cafile", _cafile, "BRIEFGEN_SMTP_CAFILE"),
    "password_env": ("password_env", _env_name, None),
    "password": ("password", _secret, "BRIEFGEN_SMTP_PASSWORD"),
}

# Global defaults for every audience that does not set its own.
AUDIENCE_DEFAULT_KEYS: dict[str, tuple[Validator, str]] = {
    "pdf_variant": (_variant, "BRIEFGEN_PDF_VARIANT"),
    "locale": (_locale, "BRIEFGEN_LOCALE"),
}
AUDIENCE_KEYS: dict[str, Validator] = {
    "extends": _string,
    "title": _string,
    "description": _string,
    "template": _template_name,
    "algorithm": _algorithm,
    "summary_sentences": _int_at_least(1),
    "summary_words": _words,
    "max_stories": _count_or_all,
    "quotes_per_story": _count_or_all,
    "show_participants": _bool,
    "show_sources": _bool,
    "omit_continuing": _bool,
    "include": _strings,
    "exclude": _strings,
    "sources": _strings,
    "tags": _strings,
    "order": _choice(ORDERS),
    "page_size": _choice(PAGE_SIZES),
    "classification": _string,
    "logo": _logo,
    "accent": _colour,
    "banner_colour": _colour,
    "locale": _locale,
    "pdf_variant": _variant,
    "mail_to": _addresses,
    "author": _string,  # PDF metadata: Author, Subject (default: the description), Keywords
    "subject": _string,
    "keywords": _strings,
}
# Values in the environment are one string; these keys take lists.
_LIST_ENV = {"template_dirs": os.pathsep, "inputs": os.pathsep, "default_audiences": ",", "formats": ",",
             "mail_to": ",", "allow_hosts": ","}
_ENV_BOOLEANS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


# --------------------------------------------------------------------------
# Finding and reading the file


def user_config_path(env: Mapping[str, str] = os.environ) -> Path:
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
    return Path(base) / "briefgen" / CONFIG_NAME


def find_config(config: Path | None = None, env: Mapping[str, str] = os.environ, cwd: Path | None = None) -> Path | None:
    """The config file to read: an explicit one must exist; the implicit ones are optional."""
    for explicit, what in ((config, "--config"), (env.get("BRIEFGEN_CONFIG"), "BRIEFGEN_CONFIG")):
        if explicit:
            path = Path(explicit).expanduser()
            if not path.is_file():
                raise ConfigError(f"{what}: config file {path} not found")
            return path.resolve()
    for path in ((cwd or Path.cwd()) / CONFIG_NAME, user_config_path(env)):
        if path.is_file():
            return path.resolve()
    return None


def load_settings(config: Path | None = None, env: Mapping[str, str] = os.environ, cwd: Path | None = None) -> Settings:
    """Settings from the config file (if any) with BRIEFGEN_* variables applied on top."""
    path = find_config(config, env, cwd)
    data: dict[str, Any] = {}
    text = ""
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8")
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    return _Loader(path, text).settings(data, env, cwd or Path.cwd())


class _Loader:
    def __init__(self, path: Path | None, text: str):
        self.path = path
        self.lines = text.splitlines()
        self.base = path.parent if path else Path.cwd()
        self.mail_to: dict[str, tuple[str, ...]] = {}  # [audiences.NAME] mail_to

    # -- errors ---------------------------------------------------------

    def error(self, key: str, expected: str, value: Any = None, *, show_value: bool = True) -> ConfigError:
        got = f", got {value!r}" if show_value else ""
        return self.problem(key, f"expected {expected}{got}")

    def problem(self, key: str, message: str) -> ConfigError:
        line = self.line_of(key)
        return ConfigError(f"{self.path}{f':{line}' if line else ''}: {key}: {message}")

    def unknown(self, key: str, known: Mapping[str, Any], table: str) -> ConfigError:
        leaf = key.rsplit(".", 1)[-1]
        close = difflib.get_close_matches(leaf, list(known), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        return self.problem(key, f"unknown key; {hint}{table} takes: {', '.join(known)}")

    def line_of(self, dotted: str) -> int | None:
        """Line of ``a.b.key`` in the file: the key inside its [a.b] table, else the table
        [a.b.key] itself, else the enclosing table. Best effort: None when not found."""
        parts = dotted.split(".")
        own_table = self._header_line(parts)
        if own_table:
            return own_table
        *table, key = parts
        assign = re.compile(r"\s*" + re.escape(key) + r"\s*=")
        start = self._header_line(table) if table else 0
        if start is None:
            return None
        for number, line in enumerate(self.lines[start:], start=start + 1):
            if re.match(r"\s*\[", line):
                break
            if assign.match(line):
                return number
        return start or None

    def _header_line(self, table: list[str]) -> int | None:
        if not table:
            return None
        header = re.compile(r"\s*\[\s*" + r"\s*\.\s*".join(re.escape(t) for t in table) + r"\s*\]\s*(#.*)?$")
        for number, line in enumerate(self.lines, start=1):
            if header.match(line):
                return number
        return None

    # -- loading --------------------------------------------------------

    def check(self, key: str, validator: Validator, value: Any, base: Path | None = None) -> Any:
        try:
            return validator(value, base or self.base)
        except _Bad as bad:
            raise self.error(key, bad.expected, value) from None

    def settings(self, data: dict[str, Any], env: Mapping[str, str], cwd: Path) -> Settings:
        values: dict[str, Any] = {}
        audience_defaults: dict[str, Any] = {}
        tables = data.pop("audiences", {})
        if not isinstance(tables, dict):
            raise self.error("audiences", "[audiences.NAME] tables", tables)
        smtp_table = data.pop("smtp", {})
        if not isinstance(smtp_table, dict):
            raise self.error("smtp", "an [smtp] table", smtp_table)
        for key, value in data.items():
            if key in GLOBAL_KEYS:
                name, validator, _ = GLOBAL_KEYS[key]
                values[name] = self.check(key, validator, value)
            elif key in AUDIENCE_DEFAULT_KEYS:
                audience_defaults[key] = self.check(key, AUDIENCE_DEFAULT_KEYS[key][0], value)
            elif isinstance(value, dict):
                raise self.error(key, "no such table; known tables: [smtp], [audiences.NAME]", show_value=False)
            else:
                raise self.unknown(key, {**GLOBAL_KEYS, **AUDIENCE_DEFAULT_KEYS, "smtp": None, "audiences": None},
                                   "the top level")

        # The environment beats the file.
        for key, (name, validator, var) in GLOBAL_KEYS.items():
            if var and env.get(var, "").strip():
                values[name] = _from_env(var, key, validator, env[var], cwd)
        for key, (validator, var) in AUDIENCE_DEFAULT_KEYS.items():
            if env.get(var, "").strip():
                audience_defaults[key] = _from_env(var, key, validator, env[var], cwd)
        env_forced = {k for k, (_, var) in AUDIENCE_DEFAULT_KEYS.items() if env.get(var, "").strip()}

        audiences = self.audiences(tables, audience_defaults, env_forced)
        values["smtp"] = self.smtp(smtp_table, env, cwd)
        values["mail_to"] = self.mail_to
        if env.get("BRIEFGEN_MAIL_TO", "").strip():
            everyone = _from_env("BRIEFGEN_MAIL_TO", "mail_to", _addresses, env["BRIEFGEN_MAIL_TO"], cwd)
            values["mail_to"] = {name: everyone for name in audiences}
        settings = Settings(source=self.path, audiences=audiences, **values)
        for name in settings.default_audiences:
            if name not in audiences:
                expected = "names of audiences: " + ", ".join(audiences)
                if env.get("BRIEFGEN_AUDIENCES", "").strip():  # the variable beat the file: name it
                    raise ConfigError(f"BRIEFGEN_AUDIENCES: expected {expected}, got {name!r}")
                raise self.error("default_audiences", expected, name)
        return settings

    def smtp(self, table: dict[str, Any], env: Mapping[str, str], cwd: Path) -> SmtpSettings | None:
        """[smtp] with BRIEFGEN_SMTP_* on top; None when neither names a host."""
        values: dict[str, Any] = {}
        for key, value in table.items():
            if key not in SMTP_KEYS:
                raise self.unknown(f"smtp.{key}", SMTP_KEYS, "[smtp]")
            name, validator, _ = SMTP_KEYS[key]
            if key == "password":
                try:
                    values[name] = validator(value, self.base)
                except _Bad as bad:  # never echo what was there: it may be most of a password
                    raise self.error("smtp.password", bad.expected, show_value=False) from None
            else:
                values[name] = self.check(f"smtp.{key}", validator, value)
        if "password" in table and self.path is not None and _others_can_read(self.path):
            log.warning("%s: smtp.password is in a file other users can read; chmod 600 it, or use "
                        "password_env or BRIEFGEN_SMTP_PASSWORD instead", self.path)
        named = values.get("password_env")
        if named and env.get(named):
            values["password"] = env[named]
        for key, (name, validator, var) in SMTP_KEYS.items():
            if var and env.get(var, "").strip():
                values[name] = env[var] if key == "password" else _from_env(var, key, validator, env[var], cwd)
        if not values.get("host"):
            if table:
                raise self.error("smtp.host", 'the mail server\'s name, e.g. host = "smtp.example.org" '
                                 "(or BRIEFGEN_SMTP_HOST)", show_value=False)
            return None
        values.setdefault("port", 465 if values.get("security") == "ssl" else 587)
        return SmtpSettings(**values)

    def audiences(self, tables: dict[str, Any], defaults: dict[str, Any], forced: set[str]) -> dict[str, Audience]:
        raw: dict[str, dict[str, Any]] = {}
        for name, table in tables.items():
            where = f"audiences.{name}"
            if not _NAME.fullmatch(name):
                raise self.error(where, "an audience name of lower-case letters, digits, '-' or '_'", name)
            if not isinstance(table, dict):
                raise self.error(where, "a table of settings", table)
            raw[name] = {}
            for key, value in table.items():
                if key not in AUDIENCE_KEYS:
                    raise self.unknown(f"{where}.{key}", AUDIENCE_KEYS, f"[{where}]")
                raw[name][key] = self.check(f"{where}.{key}", AUDIENCE_KEYS[key], value)
            if "mail_to" in raw[name]:  # recipients belong to Settings, not to the Audience
                self.mail_to[name] = raw[name].pop("mail_to")

        resolved: dict[str, Audience] = {}

        def resolve(name: str, chain: tuple[str, ...]) -> Audience:
            if name in resolved:
                return resolved[name]
            if name not in raw:
                resolved[name] = BUILTIN_AUDIENCES[name]
                return resolved[name]
            own = dict(raw[name])
            parent_name = own.pop("extends", None)
            where = f"audiences.{name}"
            if parent_name is None and name in BUILTIN_AUDIENCES:
                parent_name = name  # [audiences.executive] changes the built-in executive
            if parent_name is not None:
                if parent_name in chain:
                    raise self.error(f"{where}.extends", "no cycle", " -> ".join((*chain, parent_name)))
                if parent_name not in raw and parent_name not in BUILTIN_AUDIENCES:
                    known = ", ".join(dict.fromkeys([*BUILTIN_AUDIENCES, *raw]))
                    raise self.error(f"{where}.extends", f"an audience name: {known}", parent_name)
                parent = BUILTIN_AUDIENCES[name] if parent_name == name else resolve(parent_name, (*chain, name))
                base = replace(parent, name=name, title=own.get("title", parent.title if parent_name == name
                                                                 else f"{name.replace('-', ' ').title()} Brief"))
            else:
                if "template" not in own:
                    raise self.error(where, 'a template = "..." or extends = "executive|analyst|press"',
                                     show_value=False)
                base = Audience(name=name, title=f"{name.replace('-', ' ').title()} Brief",
                                template=own["template"], description="")
            resolved[name] = replace(base, **own)
            return resolved[name]

        for name in [*BUILTIN_AUDIENCES, *raw]:
            resolve(name, ())
        # Global defaults fill what an audience left unset; the environment overrides even that.
        for name, audience in resolved.items():
            changes = {k: v for k, v in defaults.items() if k in forced or k not in raw.get(name, {})}
            resolved[name] = replace(audience, **changes)
        return resolved


def _from_env(var: str, key: str, validator: Validator, text: str, cwd: Path) -> Any:
    value: Any = text
    if key in _LIST_ENV:
        value = [part.strip() for part in text.split(_LIST_ENV[key]) if part.strip()]
    elif validator is _bool:
        value = _ENV_BOOLEANS.get(text.strip().lower(), text)
    try:
        return validator(value, cwd)
    except _Bad as bad:
        raise ConfigError(f"{var}: expected {bad.expected}, got {text!r}") from None


def _others_can_read(path: Path) -> bool:
    try:
        return bool(path.stat().st_mode & 0o004)
    except OSError:
        return False


def audience_fields() -> tuple[str, ...]:
    """Every Audience field, for documentation tests."""
    return tuple(f.name for f in fields(Audience))
