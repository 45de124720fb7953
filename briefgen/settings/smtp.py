"""[smtp] table + BRIEFGEN_SMTP_* -> SmtpSettings, or None when neither names a host.

The password comes from BRIEFGEN_SMTP_PASSWORD > the variable ``password_env``
names > ``password`` in the file (with a warning when others can read the
file); it never appears in an error message.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from briefgen.ops.delivery import SmtpSettings
from briefgen.settings.env import env_set, from_env
from briefgen.settings.keys import SMTP_KEYS
from briefgen.settings.validators import Bad
from briefgen.settings.where import FileErrors

log = logging.getLogger("briefgen.settings")


def load_smtp(errors: FileErrors, table: dict[str, Any], env: Mapping[str, str], cwd: Path) -> SmtpSettings | None:
    values = _from_file(errors, table)
    named = values.get("password_env")
    if named and env.get(named):
        values["password"] = env[named]
    for key, (name, validator, var) in SMTP_KEYS.items():
        if var and env_set(env, var):  # var: narrowed for the type checker (env_set checks it too)
            values[name] = env[var] if key == "password" else from_env(var, key, validator, env[var], cwd)
    if not values.get("host"):
        if table:
            raise errors.error("smtp.host", 'the mail server\'s name, e.g. host = "smtp.example.org" '
                               "(or BRIEFGEN_SMTP_HOST)", show_value=False)
        return None
    values.setdefault("port", 465 if values.get("security") == "ssl" else 587)
    return SmtpSettings(**values)


def _from_file(errors: FileErrors, table: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key not in SMTP_KEYS:
            raise errors.unknown(f"smtp.{key}", SMTP_KEYS, "[smtp]")
        name, validator, _ = SMTP_KEYS[key]
        if key == "password":
            try:
                values[name] = validator(value, errors.base)
            except Bad as bad:  # never echo what was there: it may be most of a password
                raise errors.error("smtp.password", bad.expected, show_value=False) from None
        else:
            values[name] = errors.check(f"smtp.{key}", validator, value)
    if "password" in table and errors.path is not None and _others_can_read(errors.path):
        log.warning("%s: smtp.password is in a file other users can read; chmod 600 it, or use "
                    "password_env or BRIEFGEN_SMTP_PASSWORD instead", errors.path)
    return values


def _others_can_read(path: Path) -> bool:
    try:
        return bool(path.stat().st_mode & 0o004)
    except OSError:
        return False
