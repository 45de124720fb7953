"""`briefgen audiences`: the audiences a brief can be written for."""

from __future__ import annotations

import click

from briefgen.cli.common import config_option, load_cli_settings


@click.command()
@config_option
def audiences(config):
    """List the audiences (built-in and from the config file) and what each brief shows."""
    for a in load_cli_settings(config).audiences.values():
        click.echo(f"{a.name:<10} {a.title:<20} {a.description}")
