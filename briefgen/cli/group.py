"""`briefgen group`: articles -> stories (briefgen.api.group), as the grouping evaluation contract."""

from __future__ import annotations

import json
from pathlib import Path

import click

from briefgen.cli.exitcodes import ExitCode


def stories_to_dict(stories) -> dict:
    return {"stories": [
        {
            "id": s.id,
            "headline": s.headline,
            "label": s.label,
            "articles": list(s.paths),
            "duplicates": [list(d) for d in s.duplicates],
            "outlets": [{"source": o.source, "url": o.url, "path": o.path} for o in s.outlets],
            "summary": [{"text": line.text, "path": line.path, "new": line.new} for line in s.summary],
            "quotes": [{"text": q.text, "speaker": q.speaker} for q in s.quotes],
            "participants": [{"name": p.name, "kind": p.kind, "role": p.role} for p in s.participants],
        }
        for s in stories
    ]}


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())  # str: http(s) URLs are inputs too
@click.option("-w", "--words", type=click.IntRange(min=1), default=None,
              help="Cut each story's summary to N words. Default: about 120.")
@click.option("--state", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Label stories new/updated/continuing against this state file (read only).")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Day the articles belong to, for --state. Default: today.")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.pass_context
def group(ctx, paths, words, state, day, fmt):
    """Group articles into stories: copies collapsed, one summary per story.

    Prints {"stories": [{"id", "articles", "duplicates", "summary": [{"text", "path"}]}]}
    (the grouping evaluation contract: keys keep their meaning).

    \b
    Examples:
      briefgen group inbox/
      briefgen group inbox/*.txt --words 100 --format json
      briefgen group inbox/ --state output/briefgen.sqlite --format text
    """
    from datetime import date

    from briefgen.api import analyze_all, group as group_digests

    if state is not None and not state.is_file():  # --state is read only: never create one here
        raise click.BadParameter(f"no state file at {state} (it is created by `briefgen build`)",
                                 param_hint="--state")
    digests, failures = analyze_all(paths, summary=False)  # one summary per story, below
    stories = group_digests(digests, memory=state, date=day.date() if day else date.today(), words=words or 120)
    if fmt == "json":
        out = stories_to_dict(stories)
        out["failures"] = [{"path": f.path, "reason": f.reason} for f in failures]
        click.echo(json.dumps(out, ensure_ascii=False))
    else:
        for s in stories:
            click.echo(f"# [{s.label}] {s.headline}  ({len(s.outlets)} articles, {s.id})")
            for o in s.outlets:
                click.echo(f"  - {o.source or '?'}: {o.url or o.path}")
            for line in s.summary:
                click.echo(f"  {'NEW ' if line.new else ''}{line.text}")
            click.echo("")
    if not digests:
        ctx.exit(ExitCode.NOTHING_TO_BRIEF)
    ctx.exit(ExitCode.PARTIAL if failures else ExitCode.OK)
