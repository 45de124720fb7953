"""The `briefgen` command: parse arguments, call the library, report, exit.

stdout carries only results (paths written, JSON); logs go to stderr. User
errors are one line and a non-zero exit; a bug is one line too (with the
traceback only under --verbose), never a wall of Python.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

import click

from briefgen.cli.exitcodes import ExitCode
from briefgen.errors import BriefgenError
from briefgen.logs import LOG_FORMATS, setup_logging
from briefgen.ops.lock import RunLocked
from briefgen.version import __version__

log = logging.getLogger("briefgen")


class _Locked(click.ClickException):
    exit_code = ExitCode.LOCKED


# The verbs, loaded only when named: `briefgen --help` and `briefgen audiences` never import
# build's or analyze's modules. Name -> (module, function, the line `--help` shows), in the
# order `--help` lists them; tests/test_startup.py checks each line against the command's own.
VERBS: dict[str, tuple[str, str, str]] = {
    "analyze": ("briefgen.cli.analyze", "analyze", "Show what briefgen finds in articles: sentences, summary,..."),
    "audiences": ("briefgen.cli.audiences", "audiences",
                  "List the audiences (built-in and from the config file) and..."),
    "build": ("briefgen.cli.build", "build", "Write briefs for the articles in PATHS (files or folders)."),
    "doctor": ("briefgen.cli.doctor", "doctor", "Check fonts, Pango, HarfBuzz, the output folder, config and..."),
    "forget": ("briefgen.cli.history", "forget", "Delete old briefs, stories and articles from the state file."),
    "group": ("briefgen.cli.group", "group", "Group articles into stories: copies collapsed, one summary..."),
    "history": ("briefgen.cli.history", "history", "Show past briefs (newest first) and the stories in each."),
    "templates": ("briefgen.cli.templates", "templates", "List, show, copy and check brief templates."),
}


class _Group(click.Group):
    """Turns the library's own errors into Click's one-line 'Error: …' and exit 1
    (exit 5 when another run holds the output folder's lock). Its commands are VERBS,
    imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*VERBS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in VERBS:
            import importlib

            module, name, _ = VERBS[cmd_name]
            self.commands[cmd_name] = getattr(importlib.import_module(module), name)
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list from VERBS, without importing every verb for its first line."""
        rows = [(name, VERBS[name][2] if name in VERBS and name not in self.commands
                 else self.commands[name].get_short_help_str(formatter.width - 6 - len(name)))
                for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, _hoist_global_flags(self, ctx, args))

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except RunLocked as err:
            raise _Locked(str(err)) from None
        except BriefgenError as err:
            raise click.ClickException(str(err)) from None


_GLOBAL_FLAG = re.compile(r"-q|--quiet|-v+|--verbose")


def _hoist_global_flags(group: click.Group, ctx: click.Context, args: list[str]) -> list[str]:
    """`briefgen build x -q` means `briefgen -q build x`: -q/-v after the subcommand move in front
    of it (never a value of an option, nothing after `--`)."""
    names = [i for i, a in enumerate(args) if a in group.list_commands(ctx)]
    if not names:
        return args
    start = names[0] + 1
    command = group.get_command(ctx, args[names[0]])
    takes_value = _value_options(command, ctx) if command is not None else set()
    moved, kept, skip = [], list(args[:start]), False
    for i, arg in enumerate(args[start:], start=start):
        if arg == "--":
            kept.extend(args[i:])
            break
        if skip:
            kept.append(arg)
            skip = False
        elif _GLOBAL_FLAG.fullmatch(arg):
            moved.append(arg)
        else:
            kept.append(arg)
            skip = arg in takes_value
    return [*moved, *kept] if moved else args


def _value_options(command: click.Command, ctx: click.Context) -> set[str]:
    """Option spellings that take a value, in the command and (for a group) its subcommands."""
    found = {o for p in command.params if isinstance(p, click.Option) and not p.is_flag and not p.count
             for o in (*p.opts, *p.secondary_opts)}
    for sub in getattr(command, "commands", {}).values():
        found |= _value_options(sub, ctx)
    return found


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
@click.option("-v", "--verbose", count=True, help="More log output on stderr (-v debug, -vv also the libraries').")
@click.option("-q", "--quiet", is_flag=True,
              help="Only warnings and errors on stderr, no progress; stdout carries only the paths written.")
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path), envvar="BRIEFGEN_LOG_FILE",
              default=None, help="Also append the log (INFO and up, whatever --quiet says) to this file.")
@click.option("--log-format", type=click.Choice(LOG_FORMATS), default="text", show_default=True,
              envvar="BRIEFGEN_LOG_FORMAT", help="json: one JSON object per line (time, level, logger, message).")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool, log_file: Path | None, log_format: str) -> None:
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
    try:
        setup_logging(verbose, quiet, log_file=log_file, log_format=log_format)
    except OSError as err:
        raise click.BadParameter(f"cannot open {log_file}: {err.strerror or err}", param_hint="--log-file") from None


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
