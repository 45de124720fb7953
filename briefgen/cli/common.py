"""Small pieces several commands share."""

from __future__ import annotations

from pathlib import Path

import click


def check_algorithm(name: str) -> None:
    from briefgen.summarize import ALGORITHMS

    if name not in ALGORITHMS:
        raise click.BadParameter(f"unknown summarizer {name!r}; choose from {', '.join(ALGORITHMS)}",
                                 param_hint="--algorithm")


class ConfigProblem(click.ClickException):
    """A bad config file or BRIEFGEN_* variable: one line, exit 2 like any usage error."""

    exit_code = 2


class MissingInput(click.ClickException):
    """An input path that does not exist: a typo, not a quiet news day (exit 4). One line, exit 2."""

    exit_code = 2


def load_cli_settings(config):  # noqa: ANN001, ANN201 - Path | None -> Settings
    """Settings for a command (briefgen.settings); config errors become one line and exit 2."""
    from briefgen.settings import ConfigError, load_settings

    try:
        return load_settings(config)
    except ConfigError as err:
        raise ConfigProblem(str(err)) from None


def config_option(fn):  # noqa: ANN001, ANN201 - a Click decorator
    return click.option(
        "-c", "--config", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE",
        help="Config file. Default: $BRIEFGEN_CONFIG, ./briefgen.toml, then ~/.config/briefgen/briefgen.toml.",
    )(fn)
