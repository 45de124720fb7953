"""The public Python API: the stages one by one, `build` as `briefgen build`, and a cheap import.

Spec: docs/api.md. The CLI is a thin layer over these functions, so for the
same inputs and options `briefgen.build(...)` and `briefgen build ...` write
the same bytes.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import briefgen
from briefgen.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DAY = date(2026, 11, 28)
PUBLIC_FUNCTIONS = ("read", "analyze", "analyze_all", "group", "brief", "render", "build", "cluster",
                    "near_duplicates", "terms")
HEAVY = ("numpy", "scipy", "sumy", "nltk", "weasyprint", "trafilatura", "feedparser", "jinja2")
ANALYSIS = ("briefgen.analysis", "briefgen.extract", "briefgen.summarize", "briefgen.stories.grouping",
            "briefgen.text.segment", "briefgen.rendering.render", "briefgen.run")


@pytest.fixture(autouse=True)
def no_config(tmp_path, monkeypatch):
    """No user config or BRIEFGEN_* variable of the machine running the tests leaks in."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for var in [v for v in __import__("os").environ if v.startswith("BRIEFGEN_")]:
        monkeypatch.delenv(var)


def seeds(*names: str) -> list[str]:
    return [str(p) for p in sorted(SEEDS.glob("00[0-4]_*"))] if not names else [str(SEEDS / n) for n in names]


# ---- names --------------------------------------------------------------------------------------


def test_every_name_in_all_is_there():
    for name in briefgen.__all__:
        assert getattr(briefgen, name) is not None, name


def test_the_evaluation_names_are_the_stages_own_functions():
    from briefgen.extract.participants import extract_participants
    from briefgen.stories.grouping import Doc, GroupingOptions

    assert briefgen.extract_participants is extract_participants
    assert briefgen.GroupingDoc is Doc and briefgen.GroupingOptions is GroupingOptions
    docs = [briefgen.GroupingDoc(title="Bridge closes", text="The river bridge closes for repairs on Monday."),
            briefgen.GroupingDoc(title="Bridge closes", text="The river bridge closes for repairs on Monday.")]
    assert briefgen.cluster(docs) == [[0, 1]] and briefgen.near_duplicates([d.text for d in docs])[0][:2] == (0, 1)


def test_bench_scripts_use_only_the_public_api():
    """bench/ imports `briefgen` names, not the stages' modules (a few internal probes excepted)."""
    internal_probes = {"bench_summarizers.py", "fit_editor.py", "fit_pyramid.py", "eval_multidoc.py"}
    for script in sorted((ROOT / "bench").glob("*.py")):
        if script.name in internal_probes:
            continue
        text = script.read_text(encoding="utf-8")
        assert "sys.path.insert" not in text, script.name
        imports = [line.strip() for line in text.splitlines() if line.strip().startswith(("from briefgen", "import briefgen."))]
        assert all(line.startswith("from briefgen import ") or "# not public" in line for line in imports), \
            (script.name, imports)


def test_no_submodule_shadows_a_public_function():
    """Importing a submodule binds it on its package; none may be named like a function."""
    for info in pkgutil.walk_packages(briefgen.__path__, "briefgen."):
        if info.name != "briefgen.__main__":  # that one runs the CLI
            importlib.import_module(info.name)
    for name in PUBLIC_FUNCTIONS:
        assert callable(getattr(briefgen, name)) and not isinstance(getattr(briefgen, name), type(briefgen)), name
        assert getattr(briefgen, name) is getattr(briefgen.api, name)


def python(code: str) -> set[str]:
    """The modules loaded by running ``code`` in a fresh interpreter."""
    script = textwrap.dedent(code) + "\nimport sys; print('MODULES', *sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT)
    return set(out.stdout.rsplit("MODULES", 1)[1].split())  # after what the command printed


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY or m.startswith(ANALYSIS))


def test_import_briefgen_loads_no_analysis_or_rendering_library():
    assert heavy(python("import briefgen")) == []


@pytest.mark.parametrize("argv", [["--help"], ["audiences"], ["build", "--help"]])
def test_the_cli_starts_without_analysis_code(argv):
    modules = python(f"""
        import sys
        from briefgen.cli import main
        try:
            main({argv!r})
        except SystemExit:
            pass
    """)
    assert heavy(modules) == []


# ---- the stages ---------------------------------------------------------------------------------


def test_read_returns_articles_and_failures(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    articles, failures = briefgen.read([*seeds("000_6a20b3f872e24daa.txt"), tmp_path / "empty.txt"])
    assert [type(a) for a in articles] == [briefgen.Article]
    assert [f.path for f in failures] == [str(tmp_path / "empty.txt")]


def test_analyze_gives_one_digest_with_the_summary_asked_for():
    (article,), _ = briefgen.read(seeds("000_6a20b3f872e24daa.txt"))
    digest = briefgen.analyze(article, algorithm="lexrank", sentences=2)
    assert isinstance(digest, briefgen.Digest) and digest.article is article
    assert len(digest.summary) == 2 and digest.algorithm == "lexrank"
    assert all(isinstance(q, briefgen.Quote) for q in digest.quotes)
    assert all(isinstance(p, briefgen.Participant) for p in digest.participants)


def test_an_unknown_summarizer_names_the_option():
    (article,), _ = briefgen.read(seeds("000_6a20b3f872e24daa.txt"))
    with pytest.raises(briefgen.OptionError) as err:
        briefgen.analyze(article, algorithm="nonesuch")
    assert err.value.option == "--algorithm" and "lexrank" in str(err.value)


def test_the_stages_in_turn_make_the_brief_build_writes(tmp_path):
    articles, failures = briefgen.read(seeds())
    stories = briefgen.group([briefgen.analyze(a, summary=False) for a in articles], date=DAY)
    assert all(isinstance(s, briefgen.Story) for s in stories)
    brief = briefgen.brief(stories, "analyst", DAY, failures=failures)
    assert isinstance(brief, briefgen.Brief) and brief.audience == "analyst"

    briefgen.build(seeds(), audiences="analyst", formats="json", date=DAY, output_dir=tmp_path)
    assert briefgen.render(brief, "json") == (tmp_path / "2026-11-28" / "analyst.json").read_bytes()


def test_a_brief_of_digests_has_one_item_per_article():
    articles, _ = briefgen.read(seeds())
    brief = briefgen.brief([briefgen.analyze(a) for a in articles], briefgen.Audience(
        name="desk", title="Desk", template="analyst.html", description=""), DAY)
    assert len(brief.stories) == len(articles)


def test_terms_are_the_words_the_grouper_compares():
    assert briefgen.terms("The ferries sailed on 12 May") == ["ferri", "sail", "12"]


def test_render_refuses_an_unknown_format():
    brief = briefgen.Brief(date=DAY, audience="press", title="Press", stories=())
    with pytest.raises(briefgen.BriefgenError, match="unknown format 'docx'"):
        briefgen.render(brief, "docx")


def test_group_only_reads_a_memory_that_exists(tmp_path):
    with pytest.raises(briefgen.InputError, match="no state file"):
        briefgen.group([], memory=tmp_path / "missing.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()


# ---- build ----------------------------------------------------------------------------------------


@pytest.mark.slow
def test_build_and_the_cli_write_the_same_bytes(tmp_path):
    api_out, cli_out = tmp_path / "api", tmp_path / "cli"
    result = briefgen.build(seeds(), audiences=["executive", "press"], formats=["pdf", "html", "json"],
                            date="2026-11-28", output_dir=api_out)
    run = CliRunner().invoke(cli, ["build", *seeds(), "-a", "executive", "-a", "press", "-f", "pdf", "-f", "html",
                                   "-f", "json", "--date", "2026-11-28", "-o", str(cli_out)])
    assert run.exit_code == 0, run.output
    written = sorted(p.relative_to(api_out) for p in result.written)
    assert len(written) == 6 and result.articles == 5 and result.failures == []
    for name in written:
        assert (api_out / name).read_bytes() == (cli_out / name).read_bytes(), name


def test_build_takes_a_missing_option_from_the_environment_then_the_config(tmp_path):
    (tmp_path / "briefgen.toml").write_text('formats = ["html"]\ndefault_audiences = ["press"]\n')
    env = {"BRIEFGEN_FORMATS": "json"}
    result = briefgen.build(seeds("000_6a20b3f872e24daa.txt"), date=DAY, output_dir=tmp_path / "out", env=env)
    assert [p.name for p in result.written] == ["press.json"]  # env beat the file, the file the default
    result = briefgen.build(seeds("000_6a20b3f872e24daa.txt"), date=DAY, output_dir=tmp_path / "out", env=env,
                            formats="html", audiences="analyst")
    assert [p.name for p in result.written] == ["analyst.html"]  # the option beat both


@pytest.mark.parametrize("options, option", [
    ({"audiences": "board"}, "--audience"),
    ({"timezone": "Mars/Olympus"}, "--timezone"),
    ({"mail_to": "not-an-address"}, "--mail-to"),
    ({"engine": "turbo"}, "--engine"),
    ({"date": "28/11/2026"}, "--date"),
])
def test_build_names_the_option_it_cannot_use(tmp_path, options, option):
    with pytest.raises(briefgen.OptionError) as err:
        briefgen.build(seeds("000_6a20b3f872e24daa.txt"), output_dir=tmp_path, **options)
    assert err.value.option == option
    assert not any(tmp_path.iterdir())


def test_build_without_inputs_says_what_to_give(tmp_path):
    with pytest.raises(briefgen.OptionError, match="give at least one article file or folder"):
        briefgen.build(output_dir=tmp_path)


def test_a_bad_config_file_is_a_config_error(tmp_path):
    (tmp_path / "briefgen.toml").write_text("formatz = ['pdf']\n")
    with pytest.raises(briefgen.ConfigError, match="did you mean 'formats'"):
        briefgen.build(seeds("000_6a20b3f872e24daa.txt"), output_dir=tmp_path / "out")


def test_the_json_brief_is_what_analysis_found():
    articles, _ = briefgen.read(seeds("000_6a20b3f872e24daa.txt"))
    digests, failures = briefgen.analyze_all(seeds("000_6a20b3f872e24daa.txt"))
    assert [d.article for d in digests] == articles and failures == []
    brief = briefgen.brief(digests, "analyst", DAY)
    data = json.loads(briefgen.render(brief, "json"))
    assert data["audience"] == "analyst" and data["date"] == "2026-11-28"
