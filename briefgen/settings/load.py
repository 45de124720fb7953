"""briefgen.toml + BRIEFGEN_* environment -> Settings.

``load_settings`` finds the file (--config > BRIEFGEN_CONFIG > ./briefgen.toml
> the user config folder), validates every key against briefgen.settings.keys
and applies the environment on top.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from briefgen.settings import validators as v
from briefgen.settings.audiences import load_audiences
from briefgen.settings.env import env_set, from_env
from briefgen.settings.keys import AUDIENCE_DEFAULT_KEYS, GLOBAL_KEYS
from briefgen.settings.model import ConfigError, Settings
from briefgen.settings.smtp import load_smtp
from briefgen.settings.where import FileErrors

CONFIG_NAME = "briefgen.toml"


def user_config_path(env: Mapping[str, str] = os.environ) -> Path:
    base = env.get("XDG_CONFIG_HOME") or str(Path(env.get("HOME") or Path.home()) / ".config")
    return Path(base) / "briefgen" / CONFIG_NAME


def find_config(config: Path | None = None, env: Mapping[str, str] = os.environ,
                cwd: Path | None = None) -> Path | None:
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
    return _settings(FileErrors(path, text), data, env, cwd or Path.cwd())


def _settings(errors: FileErrors, data: dict[str, Any], env: Mapping[str, str], cwd: Path) -> Settings:
    tables = data.pop("audiences", {})
    if not isinstance(tables, dict):
        raise errors.error("audiences", "[audiences.NAME] tables", tables)
    smtp_table = data.pop("smtp", {})
    if not isinstance(smtp_table, dict):
        raise errors.error("smtp", "an [smtp] table", smtp_table)
    values, audience_defaults = _top_level(errors, data)

    # The environment beats the file.
    for key, (name, validator, var) in GLOBAL_KEYS.items():
        if var and env_set(env, var):  # var: narrowed for the type checker (env_set checks it too)
            values[name] = from_env(var, key, validator, env[var], cwd)
    forced = [key for key, (_, var) in AUDIENCE_DEFAULT_KEYS.items() if env_set(env, var)]
    for key in forced:
        validator, var = AUDIENCE_DEFAULT_KEYS[key]
        audience_defaults[key] = from_env(var, key, validator, env[var], cwd)

    audiences, values["mail_to"] = load_audiences(errors, tables, audience_defaults, set(forced))
    values["smtp"] = load_smtp(errors, smtp_table, env, cwd)
    if env_set(env, "BRIEFGEN_MAIL_TO"):
        everyone = from_env("BRIEFGEN_MAIL_TO", "mail_to", v.addresses, env["BRIEFGEN_MAIL_TO"], cwd)
        values["mail_to"] = {name: everyone for name in audiences}
    settings = Settings(source=errors.path, audiences=audiences, **values)
    for name in settings.default_audiences:
        if name not in audiences:
            expected = "names of audiences: " + ", ".join(audiences)
            if env_set(env, "BRIEFGEN_AUDIENCES"):  # the variable beat the file: name it
                raise ConfigError(f"BRIEFGEN_AUDIENCES: expected {expected}, got {name!r}")
            raise errors.error("default_audiences", expected, name)
    return settings


def _top_level(errors: FileErrors, data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """-> (Settings field -> value, audience-default key -> value) from the file's top level."""
    values: dict[str, Any] = {}
    audience_defaults: dict[str, Any] = {}
    for key, value in data.items():
        if key in GLOBAL_KEYS:
            name, validator, _ = GLOBAL_KEYS[key]
            values[name] = errors.check(key, validator, value)
        elif key in AUDIENCE_DEFAULT_KEYS:
            audience_defaults[key] = errors.check(key, AUDIENCE_DEFAULT_KEYS[key][0], value)
        elif isinstance(value, dict):
            raise errors.error(key, "no such table; known tables: [smtp], [audiences.NAME]", show_value=False)
        else:
            raise errors.unknown(key, {**GLOBAL_KEYS, **AUDIENCE_DEFAULT_KEYS, "smtp": None, "audiences": None},
                                 "the top level")
    return values, audience_defaults
