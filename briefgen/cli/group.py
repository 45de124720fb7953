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


def _link_to_dict(link, paths: list[str]) -> dict:
    return {"article": paths[link.article], "other": paths[link.other], "copy": link.copy,
            "score": round(link.score, 2), "threshold": link.threshold,
            "evidence": round(link.evidence, 3), "evidence_needed": link.evidence_needed,
            "days_apart": link.days_apart, "shared_names": list(link.shared_names),
            "shared_words": list(link.shared_words),
            "evidence_parts": {part: value for part, value in link.parts}, "differing": list(link.differing)}


def _link_line(link, paths: list[str], joined: bool) -> str:
    what = "joined to" if joined else "closest:"
    why = "a copy of it" if link.copy else (
        f"score {link.score:.1f} (needs {link.threshold:g}), evidence {link.evidence:.2f} "
        f"(needs {link.evidence_needed:g})")
    when = "" if link.days_apart is None else f", {link.days_apart:g} days apart"
    names = f"; names: {', '.join(link.shared_names)}" if link.shared_names else ""
    words = f"; words: {', '.join(link.shared_words)}" if link.shared_words else ""
    parts = f"; evidence from {', '.join(f'{p} {v:+.1f}' for p, v in link.parts)}" if link.parts else ""
    differ = f"; differ in {'; '.join(link.differing)}" if link.differing else ""
    return f"why: {paths[link.article]} {what} {paths[link.other]}: {why}{when}{names}{words}{parts}{differ}"


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())  # str: http(s) URLs are inputs too
@click.option("-w", "--words", type=click.IntRange(min=1), default=None,
              help="Cut each story's summary to N words. Default: about 120.")
@click.option("--state", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Label stories new/updated/continuing against this state file (read only).")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Day the articles belong to, for --state. Default: today.")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.option("--explain", is_flag=True, default=False,
              help="Say why articles were grouped: each one's strongest link in its story (score, "
                   "evidence and what each part of it added, days apart, shared names and words, "
                   "places and numbers that differ), or a lone article's closest miss.")
@click.pass_context
def group(ctx, paths, words, state, day, fmt, explain):
    """Group articles into stories: copies collapsed, one summary per story.

    Prints {"stories": [{"id", "articles", "duplicates", "summary": [{"text", "path"}]}]}
    (the grouping evaluation contract: keys keep their meaning).

    \b
    Examples:
      briefgen group inbox/
      briefgen group inbox/*.txt --words 100 --format json
      briefgen group inbox/ --state output/briefgen.sqlite --format text
      briefgen group inbox/ --explain --format text
    """
    from datetime import date

    from briefgen.api import analyze_all, group as group_digests

    if state is not None and not state.is_file():  # --state is read only: never create one here
        raise click.BadParameter(f"no state file at {state} (it is created by `briefgen build`)",
                                 param_hint="--state")
    digests, failures = analyze_all(paths, summary=False)  # one summary per story, below
    today = day.date() if day else date.today()
    stories = group_digests(digests, memory=state, date=today, words=words or 120)
    reasons = {}
    if explain:
        from briefgen.api import explain_groups
        reasons = explain_groups(digests, stories, date=today)
    paths_of = [d.article.path for d in digests]
    if fmt == "json":
        out = stories_to_dict(stories)
        if explain:
            for entry, s in zip(out["stories"], stories):
                entry["explain"] = [_link_to_dict(link, paths_of) for link in reasons[s.id]]
        out["failures"] = [{"path": f.path, "reason": f.reason} for f in failures]
        click.echo(json.dumps(out, ensure_ascii=False))
    else:
        for s in stories:
            click.echo(f"# [{s.label}] {s.headline}  ({len(s.outlets)} articles, {s.id})")
            for o in s.outlets:
                click.echo(f"  - {o.source or '?'}: {o.url or o.path}")
            for line in s.summary:
                click.echo(f"  {'NEW ' if line.new else ''}{line.text}")
            for link in reasons.get(s.id, []):
                click.echo("  " + _link_line(link, paths_of, len(s.members or s.digests) > 1))
            click.echo("")
    if not digests:
        ctx.exit(ExitCode.NOTHING_TO_BRIEF)
    ctx.exit(ExitCode.PARTIAL if failures else ExitCode.OK)
