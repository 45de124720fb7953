"""`briefgen history` and `briefgen forget`: look at and trim the state file."""

from __future__ import annotations

import json
from pathlib import Path

import click

from briefgen.cli.common import config_option, load_cli_settings

STATE_HELP = "State file. Default: OUTPUT_DIR/briefgen.sqlite."


def _state_path(state: Path | None, output_dir: Path | None, config: Path | None) -> Path:
    """--state, else the state file `build` keeps in its output folder (flag, else the config's)."""
    from briefgen.stories.memory import default_path

    if state is not None:
        return state
    return default_path(output_dir or load_cli_settings(config).output_dir)


@click.command()
@click.option("--state", type=click.Path(dir_okay=False, path_type=Path), default=None, help=STATE_HELP)
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where `build` writes (its state file is looked for there). Default: the config's, else output.")
@config_option
@click.option("-n", "--limit", type=click.IntRange(min=1), default=30, show_default=True, help="Briefs to show.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def history(state, output_dir, config, limit, fmt):
    """Show past briefs (newest first) and the stories in each.

    \b
    Examples:
      briefgen history
      briefgen history --state /srv/briefs/briefgen.sqlite -n 5 --format json
    """
    from briefgen.stories.memory import open_store

    path = _state_path(state, output_dir, config)
    if not path.exists():
        raise click.ClickException(f"no state file at {path} (it is created by `briefgen build`)")
    with open_store(path) as store:
        briefs = store.history(limit)
        counts = store.counts()
    if fmt == "json":
        click.echo(json.dumps({"briefs": briefs, "counts": counts}, ensure_ascii=False))
        return
    click.echo(f"{path}: {counts['articles']} articles, {counts['stories']} stories, {counts['briefs']} briefs")
    for b in briefs:
        click.echo(f"{b['day']}  {b['audience']}  ({len(b['stories'])} stories)")
        for s in b["stories"]:
            click.echo(f"  {s['rank']:>2}. [{s['label']}] {s['headline']}  ({s['articles']} articles, {s['id']})")


@click.command()
@click.option("--before", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Forget briefs before this day and stories not seen since.")
@click.option("--keep-days", type=click.IntRange(min=0), default=None,
              help="Same as --before (today - N days).")
@click.option("--state", type=click.Path(dir_okay=False, path_type=Path), default=None, help=STATE_HELP)
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where `build` writes (its state file is looked for there). Default: the config's, else output.")
@config_option
def forget(before, keep_days, state, output_dir, config):
    """Delete old briefs, stories and articles from the state file.

    \b
    Examples:
      briefgen forget --before 2026-01-01
      briefgen forget --keep-days 90
    """
    from datetime import date, timedelta

    from briefgen.stories.memory import open_store

    if (before is None) == (keep_days is None):
        raise click.UsageError("give exactly one of --before DATE or --keep-days N")
    cutoff = before.date() if before else date.today() - timedelta(days=keep_days)
    path = _state_path(state, output_dir, config)
    if not path.exists():
        raise click.ClickException(f"no state file at {path}")
    with open_store(path) as store:
        with store.run():
            gone = store.forget(cutoff)
        store.conn.execute("VACUUM")  # give the space back; outside the transaction by necessity
    click.echo(", ".join(f"{v} {k}" for k, v in gone.items()) + f" forgotten (before {cutoff})")
