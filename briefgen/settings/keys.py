"""Every config key, declared once: TOML key -> (field, validator, BRIEFGEN_* variable).

To add a key: one line in the table it belongs to (and, for a list value, its
separator in LIST_ENV); the loader, the environment overrides, the error
messages ("unknown key; did you mean ...") and the documentation tests all
read these tables.
"""

from __future__ import annotations

import os

from briefgen.audience import FORMATS, ORDERS
from briefgen.ops.delivery import SECURITY
from briefgen.parallel import EXECUTORS
from briefgen.settings import validators as v
from briefgen.settings.validators import Validator

ENGINES = ("fast", "sumy")
PAGE_SIZES = ("A4", "Letter", "A5", "Legal")

# key -> (Settings field, validator, BRIEFGEN_* variable or None)
GLOBAL_KEYS: dict[str, tuple[str, Validator, str | None]] = {
    "output_dir": ("output_dir", v.file_path, "BRIEFGEN_OUTPUT_DIR"),
    "template_dirs": ("template_dirs", v.dirs, "BRIEFGEN_TEMPLATE_DIRS"),
    "inputs": ("inputs", v.file_paths, "BRIEFGEN_INPUTS"),
    "default_audiences": ("default_audiences", v.audience_names, "BRIEFGEN_AUDIENCES"),
    "formats": ("formats", v.choices(FORMATS), "BRIEFGEN_FORMATS"),
    "engine": ("engine", v.choice(ENGINES), "BRIEFGEN_ENGINE"),
    "timezone": ("timezone", v.timezone, "BRIEFGEN_TIMEZONE"),
    "render_timeout": ("render_timeout", v.positive_number, "BRIEFGEN_RENDER_TIMEOUT"),
    "render_memory_mb": ("render_memory_mb", v.int_at_least(64), "BRIEFGEN_RENDER_MEMORY_MB"),
    "allow_hosts": ("allow_hosts", v.strings, "BRIEFGEN_ALLOW_HOSTS"),
    "sources": ("sources", v.sources, None),
    "since": ("since", v.since, "BRIEFGEN_SINCE"),
    "cutoff": ("cutoff", v.cutoff, "BRIEFGEN_CUTOFF"),
    "keep_days": ("keep_days", v.int_at_least(0), "BRIEFGEN_KEEP_DAYS"),
    "empty_brief": ("empty_brief", v.boolean, "BRIEFGEN_EMPTY_BRIEF"),
    "latest": ("latest", v.boolean, "BRIEFGEN_LATEST"),
    # A day of any size (issue 19)
    "workers": ("workers", v.int_at_least(1), "BRIEFGEN_WORKERS"),
    "executor": ("executor", v.choice(EXECUTORS), "BRIEFGEN_EXECUTOR"),
    "scheduler": ("scheduler", v.scheduler, "BRIEFGEN_SCHEDULER"),
    "cache": ("cache", v.boolean, "BRIEFGEN_CACHE"),
}
# [smtp] key -> (SmtpSettings field, validator, BRIEFGEN_* variable or None)
SMTP_KEYS: dict[str, tuple[str, Validator, str | None]] = {
    "host": ("host", v.string, "BRIEFGEN_SMTP_HOST"),
    "port": ("port", v.port, "BRIEFGEN_SMTP_PORT"),
    "user": ("user", v.string, "BRIEFGEN_SMTP_USER"),
    "from": ("sender", v.string, "BRIEFGEN_SMTP_FROM"),
    "security": ("security", v.choice(SECURITY), "BRIEFGEN_SMTP_SECURITY"),
    "cafile": ("cafile", v.cafile, "BRIEFGEN_SMTP_CAFILE"),
    "password_env": ("password_env", v.env_name, None),
    "password": ("password", v.secret, "BRIEFGEN_SMTP_PASSWORD"),
}

# Top-level keys that are global defaults for every audience that does not set its own:
# key -> (validator, BRIEFGEN_* variable)
AUDIENCE_DEFAULT_KEYS: dict[str, tuple[Validator, str]] = {
    "pdf_variant": (v.variant, "BRIEFGEN_PDF_VARIANT"),
    "locale": (v.locale, "BRIEFGEN_LOCALE"),
}
# [audiences.NAME] key -> validator; the key is the Audience field (except extends and mail_to)
AUDIENCE_KEYS: dict[str, Validator] = {
    "extends": v.string,
    "title": v.string,
    "description": v.string,
    "template": v.template_name,
    "algorithm": v.algorithm,
    "summary_sentences": v.int_at_least(1),
    "summary_words": v.words,
    "max_stories": v.count_or_all,
    "full_stories": v.count_or_all,
    "digest_stories": v.count_or_all,
    "participants_per_story": v.count_or_all,
    "sources_per_story": v.count_or_all,
    "quote_budget": v.count_or_all,
    "quotes_per_story": v.count_or_all,
    "show_participants": v.boolean,
    "show_sources": v.boolean,
    "omit_continuing": v.boolean,
    "include": v.strings,
    "exclude": v.strings,
    "sources": v.strings,
    "tags": v.strings,
    "order": v.choice(ORDERS),
    "page_size": v.choice(PAGE_SIZES),
    "classification": v.string,
    "logo": v.logo,
    "accent": v.colour,
    "banner_colour": v.colour,
    "locale": v.locale,
    "pdf_variant": v.variant,
    "mail_to": v.addresses,
    "author": v.string,  # PDF metadata: Author, Subject (default: the description), Keywords
    "subject": v.string,
    "keywords": v.strings,
}
# Values in the environment are one string; these keys take lists, split on this.
LIST_ENV = {"template_dirs": os.pathsep, "inputs": os.pathsep, "default_audiences": ",", "formats": ",",
            "mail_to": ",", "allow_hosts": ","}
