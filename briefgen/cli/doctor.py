"""`briefgen doctor`: is this machine ready for unattended runs? -> checks + a crontab line.

Each check prints one line, ``ok``, ``warn`` (works, but worse) or ``FAIL``
(a run would fail); the exit code is 1 when anything failed. The last line is
a crontab entry with absolute paths only, so it works from cron's empty
environment and working directory (README "Running from cron").

Each check imports what it checks inside its function: a missing library must fail that
check, not the import of this module.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

import click

from briefgen.cli.common import config_option, load_cli_settings
from briefgen.cli.exitcodes import ExitCode

OK, WARN, FAIL = "ok", "warn", "FAIL"
_GENERIC = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui", "inherit", "initial"}
_FONT_FAMILY = re.compile(r"font-family\s*:\s*([^;}]+)", re.I)


def template_fonts(css_dirs: Sequence[Path]) -> list[tuple[str, ...]]:
    """Every distinct font stack named in the CSS on the template search path, generic names dropped."""
    stacks: dict[tuple[str, ...], None] = {}
    for folder in css_dirs:
        for css in sorted(Path(folder).rglob("*.css")):
            for match in _FONT_FAMILY.finditer(css.read_text(encoding="utf-8", errors="replace")):
                names = tuple(n.strip().strip("'\"") for n in match.group(1).split(","))
                names = tuple(n for n in names if n and n.lower() not in _GENERIC and not n.startswith("var("))
                if names:
                    stacks.setdefault(names, None)
    return list(stacks)


def installed_families() -> set[str] | None:
    """Font family names fontconfig knows (lower case), or None without fc-list."""
    if shutil.which("fc-list") is None:
        return None
    out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, timeout=30).stdout
    return {name.strip().lower() for line in out.splitlines() for name in line.split(",") if name.strip()}


def check_fonts(css_dirs: Sequence[Path]) -> Iterator[tuple[str, str]]:
    families = installed_families()
    if families is None:
        yield WARN, "fonts: fc-list not found, cannot check the template fonts (apt-get install fontconfig)"
        return
    for stack in template_fonts(css_dirs):
        have = [n for n in stack if n.lower() in families]
        if have and have[0] == stack[0]:
            yield OK, f"font {stack[0]!r} installed"
        elif have:
            yield WARN, f"font {stack[0]!r} not installed; briefs fall back to {have[0]!r}"
        else:
            yield FAIL, f"none of the fonts {', '.join(map(repr, stack))} is installed (fc-list)"


def check_libraries() -> Iterator[tuple[str, str]]:
    try:
        from weasyprint.text.ffi import harfbuzz, harfbuzz_subset, pango
    except Exception as err:  # OSError when a shared library is missing
        yield FAIL, f"WeasyPrint cannot load its libraries (Pango, HarfBuzz): {err}"
        return
    v = pango.pango_version()
    version = f"{v // 10000}.{v // 100 % 100}.{v % 100}"
    yield (OK if v >= 14400 else FAIL), f"Pango {version}" + ("" if v >= 14400 else " (WeasyPrint needs 1.44 or later)")
    if harfbuzz_subset and harfbuzz.hb_version_atleast(4, 1, 0):
        yield OK, "HarfBuzz subsetting (libharfbuzz-subset.so.0): fast, byte-reproducible PDFs"
    else:
        yield WARN, ("HarfBuzz subsetting unavailable: fontTools is used instead (PDFs ~5x slower to write; "
                     "apt-get install libharfbuzz-subset0)")


def check_writable(output_dir: Path) -> tuple[str, str]:
    folder = output_dir
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent  # a missing output folder is created by the run: check where it would go
    try:
        # A real file, not os.access: as root (or on a read-only mount) access() says yes wrongly.
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".briefgen-doctor."):
            pass
    except OSError as err:
        return FAIL, f"cannot write in {folder}: {err.strerror or err}"
    what = "" if folder == output_dir else f" (will be created under {folder})"
    return OK, f"output folder {output_dir} is writable{what}"


def check_templates(settings, names: Sequence[str]) -> Iterator[tuple[str, str]]:  # noqa: ANN001 - Settings
    from briefgen.analysis import analyze_article
    from briefgen.compose import build_brief
    from briefgen.errors import BriefgenError
    from briefgen.ingest.article import parse_article
    from briefgen.rendering.render import render_html

    article = parse_article(
        b"Doctor checks the templates\n\nThe council approved the plan on Monday. "
        b'"We are ready," said Mayor Ann Lee. The work starts in spring.\n',
        path="<doctor>",
    )
    digest = analyze_article(article)
    for audience in settings.chosen(tuple(names)):
        try:
            render_html(build_brief([digest], audience, date(2026, 1, 1)), audience,
                        template_dirs=settings.template_dirs)
        except BriefgenError as err:
            yield FAIL, f"template for {audience.name!r}: {err}"
        else:
            yield OK, f"template {audience.template!r} renders for {audience.name!r}"


def briefgen_command() -> list[str]:
    """The absolute command that runs this briefgen: the venv's script, else python -m briefgen."""
    # Not resolve()d: the venv's python is a symlink, and following it would leave the venv.
    script = Path(os.path.abspath(sys.executable)).parent / "briefgen"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [os.path.abspath(sys.executable), "-m", "briefgen"]


def crontab_line(at: str, inputs: Sequence[Path], output_dir: Path, config: Path | None, since: str = "24h") -> str:
    """'M H * * * /abs/briefgen ... build /abs/inbox -o /abs/output': no cd, no relative path, no $PATH."""
    hour, minute = (int(x) for x in at.split(":"))
    out = output_dir.resolve()
    argv = [*briefgen_command(), "--quiet", "--log-file", str(out / "briefgen.log"), "build",
            *(str(p.resolve()) for p in inputs), "--output-dir", str(out), "--since", since, "--cutoff", at]
    if config is not None:
        argv += ["--config", str(config.resolve())]
    # cron turns an unescaped % into a newline.
    command = " ".join(shlex.quote(a) for a in argv).replace("%", "\\%")
    return f"{minute} {hour} * * * {command}"


def _at(ctx, param, value: str) -> str:  # noqa: ANN001 - Click callback
    from briefgen.errors import BriefgenError
    from briefgen.ops.window import parse_cutoff  # the same rule as build --cutoff, which the line passes it to

    try:
        return parse_cutoff(value).strftime("%H:%M")
    except BriefgenError:
        raise click.BadParameter("write the time as HH:MM, e.g. 06:00") from None


@click.command()
@config_option
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder to check and to put in the crontab line. Default: the config's, else output.")
@click.option("-i", "--inbox", "inputs", multiple=True, type=click.Path(path_type=Path),
              help="Article folder for the crontab line (repeatable). Default: the config's inputs, else inbox.")
@click.option("--at", default="06:00", show_default=True, callback=_at, help="Time of day for the crontab line.")
@click.option("--crontab", "only_crontab", is_flag=True, help="Print only the crontab line.")
def doctor(config, output_dir, inputs, at, only_crontab):
    """Check fonts, Pango, HarfBuzz, the output folder, config and templates; print a crontab line.

    \b
    Exit codes: 0 ready (warnings allowed); 1 something would make a run fail.
    """
    settings = load_cli_settings(config)  # a broken config is already a one-line error, exit 2
    output_dir = output_dir or settings.output_dir
    inputs = inputs or settings.inputs or (Path("inbox"),)
    line = crontab_line(at, inputs, output_dir, settings.source)
    if only_crontab:
        click.echo(line)
        return
    from briefgen.rendering.render import template_search_path

    results: list[tuple[str, str]] = [
        (OK, f"config: {settings.source}" if settings.source else "config: none found, built-in audiences"),
    ]
    results += check_fonts(template_search_path(settings.template_dirs))
    results += check_libraries()
    results.append(check_writable(Path(output_dir)))
    results += check_templates(settings, ())
    for path in inputs:
        results.append((OK, f"inbox {path} exists") if Path(path).exists()
                       else (WARN, f"inbox {path} does not exist yet"))
    for status, message in results:
        click.echo(f"{status:<4}  {message}")
    click.echo("\ncrontab line (crontab -e):")
    click.echo(line)
    if any(status == FAIL for status, _ in results):
        sys.exit(ExitCode.ERROR)
