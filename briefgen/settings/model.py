"""The result of loading the configuration: Settings (global options and every audience)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.audience import BUILTIN_AUDIENCES, Audience
from briefgen.errors import BriefgenError
from briefgen.ops.delivery import SmtpSettings


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
    # A day of any size (issue 19); `build` flags override each.
    workers: int | None = None  # analysis and rendering processes; None: the machine's cores
    executor: str = "local"  # "dask": the analysis runs on the cluster at `scheduler`
    scheduler: str | None = None  # tcp://HOST:8786
    cache: bool = True  # reuse earlier runs' analyses of unchanged articles (briefgen.ops.cache)

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

