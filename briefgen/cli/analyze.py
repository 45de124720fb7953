"""`briefgen analyze`: articles -> what briefgen finds in them (briefgen.api.analyze_all),
as the JSON evaluation contract."""

from __future__ import annotations

import json
from pathlib import Path

import click

from briefgen.cli.common import MissingInput, option_errors
from briefgen.cli.exitcodes import ExitCode


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())  # str: http(s) URLs are inputs too
@click.option("--algorithm", default=None, metavar="NAME",
              help="Summarizer: lexrank, lsa, textrank, luhn, edmundson, kl, sumbasic, reduction, random, "
                   "lead, or editor (briefgen's own, the default).")
@click.option("-n", "--sentences", type=click.IntRange(min=0), default=3, show_default=True,
              help="Summary length in sentences.")
@click.option("-w", "--words", type=click.IntRange(min=1), default=None, help="Summary length in words (a budget).")
@click.option("--engine", type=click.Choice(["fast", "sumy"]), default="fast", show_default=True,
              help="Summarizer implementation: briefgen's own or the sumy reference.")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.option("--timezone", default=None, metavar="ZONE",
              help="IANA time zone for publication times, e.g. Europe/Berlin. Default: the system's.")
@click.option("--jsonl-fields", default=None, metavar="MAP",
              help="Field names of .jsonl inputs, e.g. text=body,title=headline,published=date.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep downloaded pages and feeds here for conditional re-fetching. Default: no cache.")
@click.option("--explain", is_flag=True, default=False,
              help="JSON: show for each quote the rule that decided it, how its speaker was found and its "
                   "confidence, and each participant's evidence.")
@click.pass_context
def analyze(ctx, paths, algorithm, sentences, words, engine, fmt, timezone, jsonl_fields, cache_dir, explain):
    """Show what briefgen finds in articles: sentences, summary, quotes, participants.

    Prints one JSON object {"articles": [...]} to stdout (the evaluation
    contract: keys keep their meaning, new keys may be added); unusable
    inputs are listed under "failures" and on stderr.

    \b
    Examples:
      briefgen analyze seeds/000_6a20b3f872e24daa.txt
      briefgen analyze news/*.txt --algorithm lexrank --sentences 5
      briefgen analyze article.md --format text
      briefgen analyze page.html https://example.org/feed.xml export.jsonl --jsonl-fields text=body
    """
    from briefgen.api import analyze_all
    from briefgen.ingest.fetch import is_url
    from briefgen.rendering.serialize import analysis_to_dict

    if not any(is_url(p) or Path(p).exists() or Path(p).is_symlink() for p in paths):
        raise MissingInput(f"no such file or folder: {', '.join(paths)}")  # a typo, not a quiet day

    with option_errors():  # a bad --algorithm or --timezone
        digests, failures = analyze_all(paths, algorithm=algorithm, sentences=sentences, words=words,
                                        engine=engine, timezone=timezone, jsonl_fields=jsonl_fields,
                                        cache_dir=cache_dir)
    if fmt == "json":
        click.echo(json.dumps(analysis_to_dict(digests, failures, explain=explain), ensure_ascii=False))
    else:
        for d in digests:
            click.echo(_digest_text(d))
    if not digests:
        ctx.exit(ExitCode.NOTHING_TO_BRIEF)
    ctx.exit(ExitCode.PARTIAL if failures else ExitCode.OK)


def _digest_text(d) -> str:
    lines = [f"# {d.article.title}  ({d.article.path})", "", "Summary:"]
    lines += [f"  - {s.text}" for s in d.summary]
    lines += ["", "Quotes:"]
    lines += [f"  - “{q.text}” — {q.speaker or q.speaker_mention or 'unattributed'}" for q in d.quotes]
    lines += ["", "Participants:"]
    lines += [f"  - {p.name} ({p.kind}{', ' + p.role if p.role else ''})" for p in d.participants]
    return "\n".join(lines) + "\n"
