"""[audiences.NAME] tables + the built-in audiences -> every Audience, ``extends`` resolved.

A table named after a built-in audience changes it; any other table extends
one (``extends = "executive"``) or names its own template. Top-level defaults
(keys.AUDIENCE_DEFAULT_KEYS) fill what an audience left unset; the environment
overrides even that. ``mail_to`` is taken out: recipients belong to Settings.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from briefgen.audience import BUILTIN_AUDIENCES, Audience
from briefgen.settings.keys import AUDIENCE_KEYS
from briefgen.settings.where import FileErrors

_NAME = re.compile(r"[a-z][a-z0-9_-]{0,39}")


def load_audiences(errors: FileErrors, tables: dict[str, Any], defaults: dict[str, Any],
                   forced: set[str]) -> tuple[dict[str, Audience], dict[str, tuple[str, ...]]]:
    """-> (name -> Audience, name -> mail_to recipients of the tables that list them)."""
    raw, mail_to = _validated(errors, tables)
    resolved: dict[str, Audience] = {}
    for name in [*BUILTIN_AUDIENCES, *raw]:
        _resolve(errors, raw, resolved, name, ())
    for name, audience in resolved.items():
        changes = {k: v for k, v in defaults.items() if k in forced or k not in raw.get(name, {})}
        resolved[name] = replace(audience, **changes)
    return resolved, mail_to


def _validated(errors: FileErrors, tables: dict[str, Any]):
    raw: dict[str, dict[str, Any]] = {}
    mail_to: dict[str, tuple[str, ...]] = {}
    for name, table in tables.items():
        where = f"audiences.{name}"
        if not _NAME.fullmatch(name):
            raise errors.error(where, "an audience name of lower-case letters, digits, '-' or '_'", name)
        if not isinstance(table, dict):
            raise errors.error(where, "a table of settings", table)
        raw[name] = {}
        for key, value in table.items():
            if key not in AUDIENCE_KEYS:
                raise errors.unknown(f"{where}.{key}", AUDIENCE_KEYS, f"[{where}]")
            raw[name][key] = errors.check(f"{where}.{key}", AUDIENCE_KEYS[key], value)
        if "mail_to" in raw[name]:  # recipients belong to Settings, not to the Audience
            mail_to[name] = raw[name].pop("mail_to")
    return raw, mail_to


def _resolve(errors: FileErrors, raw: dict[str, dict[str, Any]], resolved: dict[str, Audience],
             name: str, chain: tuple[str, ...]) -> Audience:
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
            raise errors.error(f"{where}.extends", "no cycle", " -> ".join((*chain, parent_name)))
        if parent_name not in raw and parent_name not in BUILTIN_AUDIENCES:
            known = ", ".join(dict.fromkeys([*BUILTIN_AUDIENCES, *raw]))
            raise errors.error(f"{where}.extends", f"an audience name: {known}", parent_name)
        parent = (BUILTIN_AUDIENCES[name] if parent_name == name
                  else _resolve(errors, raw, resolved, parent_name, (*chain, name)))
        base = replace(parent, name=name, title=own.get("title", parent.title if parent_name == name
                                                         else f"{name.replace('-', ' ').title()} Brief"))
    else:
        if "template" not in own:
            raise errors.error(where, 'a template = "..." or extends = "executive|analyst|press"',
                               show_value=False)
        base = Audience(name=name, title=f"{name.replace('-', ' ').title()} Brief",
                        template=own["template"], description="")
    resolved[name] = replace(base, **own)
    return resolved[name]
