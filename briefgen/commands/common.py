"""Small pieces several commands share."""

from __future__ import annotations

import click


def check_algorithm(name: str) -> None:
    from ..summarize import ALGORITHMS

    if name not in ALGORITHMS:
        raise click.BadParameter(f"unknown summarizer {name!r}; choose from {', '.join(ALGORITHMS)}",
                                 param_hint="--algorithm")
