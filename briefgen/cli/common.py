"""Small pieces several commands share: the --config option, and the library's option and
config errors as Click's usage errors (one line, exit 2)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # the settings package loads when a command runs, not when the CLI starts
    from briefgen.settings import Settings


class ConfigProblem(click.ClickException):
    """A bad config file or BRIEFGEN_* variable: one line, exit 2 like any usage error."""

    exit_code = 2


class MissingInput(click.ClickException):
    """An input path that does not exist: a typo, not a quiet news day (exit 4). One line, exit 2."""

    exit_code = 2


@contextmanager
def option_errors() -> Iterator[None]:
    """briefgen.settings' OptionError -> Click's "Invalid value for '--flag'" (or a usage
    error when no single flag is to blame); ConfigError -> ConfigProblem."""
    from briefgen.settings import ConfigError
    from briefgen.settings.resolve import InputsMissing, OptionError

    try:
        yield
    except InputsMissing as err:
        raise MissingInput(str(err)) from None
    except OptionError as err:
        if err.option:
            raise click.BadParameter(str(err), param_hint=err.option) from None
        raise click.UsageError(str(err)) from None
    except ConfigError as err:
        raise ConfigProblem(str(err)) from None


def load_cli_settings(config: Path | None) -> Settings:
    """Settings for a command (briefgen.settings); config errors become one line and exit 2."""
    from briefgen.settings import load_settings

    with option_errors():
        return load_settings(config)


def config_option(fn):  # noqa: ANN001, ANN201 - a Click decorator
    return click.option(
        "-c", "--config", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE",
        help="Config file. Default: $BRIEFGEN_CONFIG, ./briefgen.toml, then ~/.config/briefgen/briefgen.toml.",
    )(fn)


def workers_option(fn):  # noqa: ANN001, ANN201 - a Click decorator
    return click.option(
        "-j", "--workers", type=click.IntRange(min=1), default=None, metavar="N",
        help="Processes for the per-article analysis and the audiences' rendering (the output is the same "
             "for any N). Default: $BRIEFGEN_WORKERS, the config's workers, else every core.",
    )(fn)
