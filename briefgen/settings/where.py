"""Errors that point into the config file: "FILE:LINE: key: expected ..., got ...".

``FileErrors`` knows the file's text, so every loader step can name the line
of the key it rejects (best effort: a key it cannot find names the table).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from briefgen.settings.model import ConfigError
from briefgen.settings.validators import Bad, Validator


class FileErrors:
    def __init__(self, path: Path | None, text: str):
        self.path = path
        self.lines = text.splitlines()
        self.base = path.parent if path else Path.cwd()

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

    def check(self, key: str, validator: Validator, value: Any, base: Path | None = None) -> Any:
        """The validated value, or a ConfigError naming the key's line and what was expected."""
        try:
            return validator(value, base or self.base)
        except Bad as bad:
            raise self.error(key, bad.expected, value) from None
