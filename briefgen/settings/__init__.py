"""briefgen.toml + BRIEFGEN_* environment -> Settings (global options and every audience).

``load_settings(config=None, env=os.environ)`` finds the config file
(``--config`` > ``BRIEFGEN_CONFIG`` > ``./briefgen.toml`` > the user config
directory), validates it and applies environment overrides. Command-line flags
are applied on top of the result by ``resolve_build`` (briefgen.settings.resolve),
the one place that merges them, so the precedence is
flag > environment > file > built-in default.

Every key is declared once, in ``briefgen.settings.keys``, with its validator
(``briefgen.settings.validators``), so an unknown key or a bad
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

Modules: keys (the key tables), validators, env (one variable -> a value),
where (errors naming the file's line), audiences ([audiences.NAME] and
extends), smtp, load (find and read the file), resolve (a build's options).
"""

from dataclasses import fields

from briefgen.audience import Audience
from briefgen.settings.keys import AUDIENCE_DEFAULT_KEYS, AUDIENCE_KEYS, ENGINES, GLOBAL_KEYS, PAGE_SIZES, SMTP_KEYS
from briefgen.settings.load import CONFIG_NAME, find_config, load_settings, user_config_path
from briefgen.settings.model import ConfigError, Settings
from briefgen.settings.validators import LOGO_TYPES

__all__ = [
    "AUDIENCE_DEFAULT_KEYS", "AUDIENCE_KEYS", "CONFIG_NAME", "ENGINES", "GLOBAL_KEYS", "LOGO_TYPES", "PAGE_SIZES",
    "SMTP_KEYS", "ConfigError", "Settings", "audience_fields", "find_config", "load_settings", "user_config_path",
]


def audience_fields() -> tuple[str, ...]:
    """Every Audience field, for documentation tests."""
    return tuple(f.name for f in fields(Audience))
