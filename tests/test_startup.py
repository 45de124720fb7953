"""Light start-up (issue 19): which modules a verb loads, not how long it takes.

`briefgen --help` and `briefgen audiences` load no analysis, rendering, parallel or cluster
code; each verb's module loads only when the verb is named; `analyze` reaches the stemmer
without nltk, sumy or scipy.stats. Times are in bench/ (`python -X importtime -m briefgen ...`).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import click
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "003_ahmed-mohamed-clock.md"

ANALYSIS = ("briefgen.analysis", "briefgen.extract", "briefgen.summarize", "briefgen.stories", "briefgen.text",
            "briefgen.compose", "briefgen.run", "briefgen.ingest")
HEAVY = ("numpy", "scipy", "sumy", "nltk", "jinja2", "weasyprint", "trafilatura", "lxml", "distributed", "dask",
         "sqlite3", "yaml", "feedparser")
POOLS = ("concurrent.futures.process", "multiprocessing.pool", "briefgen.ops.cluster", "briefgen.ops.cache")


def cli_modules(*argv: str) -> set[str]:
    """The modules loaded by ``briefgen ARGV`` in a fresh interpreter."""
    script = textwrap.dedent(f"""
        import sys
        from briefgen.cli import main
        try:
            main({list(argv)!r})
        except SystemExit:
            pass
        print("MODULES", *sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(out.stdout.rsplit("MODULES", 1)[1].split())


def loaded(modules: set[str], prefixes: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes))


@pytest.mark.parametrize("argv", [["--help"], ["audiences"], ["build", "--help"], ["--version"]])
def test_help_and_audiences_load_no_analysis_rendering_or_pool_code(argv):
    modules = cli_modules(*argv)
    assert loaded(modules, ANALYSIS) == []
    assert loaded(modules, HEAVY) == []
    assert loaded(modules, POOLS) == []


def test_a_verb_module_loads_only_when_the_verb_is_named():
    help_modules = cli_modules("--help")
    assert loaded(help_modules, ("briefgen.cli.build", "briefgen.cli.doctor", "briefgen.cli.group",
                                 "briefgen.cli.analyze", "briefgen.cli.templates", "briefgen.cli.history")) == []
    assert "briefgen.cli.audiences" in cli_modules("audiences")
    assert "briefgen.cli.doctor" not in cli_modules("audiences")


def test_analyze_reaches_the_stemmer_without_nltk_sumy_or_scipy():
    modules = cli_modules("--quiet", "analyze", str(SEED))
    assert "briefgen.analysis" in modules  # the verb did run
    # an article's sentence graph needs numpy alone; scipy's import costs more than the graph
    assert loaded(modules, ("nltk", "scipy", "weasyprint", "jinja2", "distributed")) == []
    # sumy's package is found for its stop-word data file; none of its code (which loads nltk) runs
    assert sorted(m for m in modules if m.startswith("sumy.")) == []
    assert loaded(modules, POOLS) == []  # one article is analysed in-process


def test_the_help_lines_kept_for_lazy_verbs_are_the_commands_own():
    from briefgen.cli import VERBS, cli

    width = 78 - 6 - max(len(n) for n in VERBS)  # what click allows a line in `--help` at 80 columns
    ctx = click.Context(cli)
    for name, (_, _, line) in VERBS.items():
        command = cli.get_command(ctx, name)
        assert command is not None and command.name == name
        assert command.get_short_help_str(width) == line, name
