"""The `briefgen` command: parse arguments, call the library, report, exit.

stdout carries only results (paths written, JSON); logs go to stderr. User
errors are one line and a non-zero exit; a bug is one line too (with the
traceback only under --verbose), never a wall of Python.
"""

from __future__ import annotations

import logging
import sys

import click

from . import __version__
from .errors import BriefgenError
from .exitcodes import ExitCode

log = logging.getLogger("briefgen")


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("briefgen: %(levelname)s: %(message)s"))
    root = logging.getLogger("briefgen")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False
    # WeasyPrint reports every refused fetch on its own logger; render.py already
    # sums them up in one warning, so its chatter only shows with -vv.
    for name in ("weasyprint", "fontTools"):
        lib = logging.getLogger(name)
        lib.handlers[:] = [handler]
        lib.setLevel(level if verbose > 1 else logging.CRITICAL)
        lib.propagate = False


class _Group(click.Group):
    """Turns the library's own errors into Click's one-line 'Error: …' and exit 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BriefgenError as err:
            raise click.ClickException(str(err)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr; stdout carries only the paths written.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Turn the day's news articles into PDF briefs, one look per audience.

    \b
    Examples:
      briefgen build seeds/                      # every audience, today, into output/
      briefgen build news/ -a executive -f html  # one audience, as HTML
      briefgen analyze article.txt --format json # what briefgen found in an article
    """
    ctx.ensure_object(dict)
    ctx.obj["verbose"] = verbose
    ctx.obj["quiet"] = quiet
    _setup_logging(verbose, quiet)


from .commands.analyze import analyze  # noqa: E402  (commands register on the group)
from .commands.audiences import audiences  # noqa: E402
from .commands.build import build  # noqa: E402

for _command in (build, analyze, audiences):
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: Click's own exit codes, and one line instead of a traceback."""
    try:
        cli.main(args=argv, prog_name="briefgen", standalone_mode=True)
    except KeyboardInterrupt:
        click.echo("briefgen: interrupted", err=True)
        sys.exit(130)
    except Exception as err:  # the promise is "never a traceback"; -vv shows it
        if logging.getLogger("briefgen").isEnabledFor(logging.DEBUG):
            log.exception("internal error")
        click.echo(f"briefgen: internal error: {type(err).__name__}: {err} (run with -vv for details)", err=True)
        sys.exit(ExitCode.ERROR)
