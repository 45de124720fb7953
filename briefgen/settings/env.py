"""One BRIEFGEN_* variable's text -> the value its key's validator makes of it.

Environment values are single strings: lists are split (keys.LIST_ENV),
booleans accept 1/0, yes/no, on/off, and relative paths resolve against the
working folder, as a shell user expects.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefgen.settings import validators as v
from briefgen.settings.keys import LIST_ENV
from briefgen.settings.model import ConfigError

_BOOLEANS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def from_env(var: str, key: str, validator: v.Validator, text: str, cwd: Path) -> Any:
    value: Any = text
    if key in LIST_ENV:
        value = [part.strip() for part in text.split(LIST_ENV[key]) if part.strip()]
    elif validator is v.boolean:
        value = _BOOLEANS.get(text.strip().lower(), text)
    try:
        return validator(value, cwd)
    except v.Bad as bad:
        raise ConfigError(f"{var}: expected {bad.expected}, got {text!r}") from None


def env_set(env, var: str | None) -> bool:
    """A variable counts only when it holds more than white space."""
    return bool(var) and bool(env.get(var, "").strip())
