"""`briefgen audiences`: the audiences a brief can be written for."""

from __future__ import annotations

import click

from ..config import BUILTIN_AUDIENCES


@click.command()
def audiences():
    """List the built-in audiences and what each brief shows."""
    for a in BUILTIN_AUDIENCES.values():
        click.echo(f"{a.name:<10} {a.title:<20} {a.description}")
