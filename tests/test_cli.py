"""The command line: contracts, exit codes and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import cli
from briefgen.cli.exitcodes import ExitCode

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_6a20b3f872e24daa.txt"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_analyze_prints_one_json_object_in_the_evaluation_contract():
    result = run("analyze", str(SEED), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    (art,) = data["articles"]
    assert {"path", "title", "text", "sentences", "summary", "quotes", "participants"} <= art.keys()
    for q in art["quotes"]:
        assert art["text"][q["start"]:q["end"]] == q["text"]
        assert {"speaker", "speaker_mention", "cue"} <= q.keys()
    for s in art["summary"]:
        assert art["sentences"][s["index"]] == s["text"] and isinstance(s["score"], float)
    assert {p["kind"] for p in art["participants"]} <= {"person", "organization", "place"}


def test_analyze_accepts_many_paths_and_lead():
    seeds = sorted((ROOT / "seeds").glob("0*"))[:4]
    result = run("analyze", *map(str, seeds), "--algorithm", "lead", "--sentences", "2")
    data = json.loads(result.stdout)
    assert [a["path"] for a in data["articles"]] == [str(p) for p in seeds]
    assert all([s["index"] for s in a["summary"]] == [0, 1] for a in data["articles"])


def test_unknown_algorithm_is_a_usage_error_naming_the_choices():
    result = CliRunner().invoke(cli, ["analyze", str(SEED), "--algorithm", "magic"])
    assert result.exit_code == ExitCode.USAGE
    assert "unknown summarizer 'magic'" in result.output and "lexrank" in result.output


def test_a_broken_article_is_reported_and_the_rest_still_analysed(tmp_path):
    (tmp_path / "good.txt").write_text("The mayor opened the bridge. Crowds cheered.")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary")
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path)])
    assert result.exit_code == ExitCode.PARTIAL
    data = json.loads(result.stdout)
    assert [Path(a["path"]).name for a in data["articles"]] == ["good.txt"]
    assert data["failures"][0]["reason"].startswith("binary file")
    assert "bad.txt" in result.stderr and "Traceback" not in result.stderr


def test_build_writes_one_file_per_audience_and_format_and_prints_only_paths(tmp_path):
    result = run("build", str(SEED), "-a", "executive", "-a", "press", "-f", "html", "-f", "json",
                 "--date", "2026-11-28", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    written = result.stdout.split()
    expected = [str(tmp_path / "2026-11-28" / n) for n in
                ("executive.html", "executive.json", "press.html", "press.json")]
    assert written == expected
    brief = json.loads(Path(expected[1]).read_text())
    assert brief["date"] == "2026-11-28" and brief["audience"] == "executive"


def test_build_without_usable_articles_exits_nothing_to_brief(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   ")
    result = CliRunner().invoke(cli, ["build", str(empty), "-o", str(tmp_path / "out")])
    assert result.exit_code == ExitCode.NOTHING_TO_BRIEF
    assert not (tmp_path / "out").exists()


def test_build_unknown_audience_is_a_usage_error():
    result = CliRunner().invoke(cli, ["build", str(SEED), "-a", "nobody"])
    assert result.exit_code == ExitCode.USAGE and "unknown audience 'nobody'" in result.output


@pytest.mark.parametrize(("args", "says"), [
    (["build", str(SEED), "--timezone", "Mars/Olympus"], "unknown time zone 'Mars/Olympus'"),
    (["build", str(SEED), "--since", "yesterday"], "cannot read the window 'yesterday'"),
    (["analyze", str(SEED), "--timezone", "Mars/Olympus"], "unknown time zone 'Mars/Olympus'"),
])
def test_a_bad_time_option_is_a_usage_error_before_anything_is_read(tmp_path, args, says):
    result = CliRunner().invoke(cli, [*args, *(["-o", str(tmp_path / "out")] if args[0] == "build" else [])])
    assert result.exit_code == ExitCode.USAGE and says in result.output
    assert not (tmp_path / "out").exists()


def test_build_without_paths_explains_what_to_give():
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == ExitCode.USAGE and "briefgen build seeds/" in result.output


def test_audiences_lists_the_three_built_ins():
    out = run("audiences").stdout
    assert [line.split()[0] for line in out.splitlines()] == ["executive", "analyst", "press"]


@pytest.mark.parametrize("command", [[], ["build"], ["analyze"], ["audiences"]])
def test_every_command_has_help_with_text(command):
    result = run(*command, "--help")
    assert result.exit_code == 0 and len(result.output) > 200 or command == ["audiences"]


def test_python_dash_m_briefgen_works_and_a_missing_file_is_one_line():
    proc = subprocess.run([sys.executable, "-m", "briefgen", "analyze", "/nonexistent/x.txt"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == ExitCode.USAGE  # a typo, not a day without news (exit 4)
    assert proc.stderr.strip().splitlines() == ["Error: no such file or folder: /nonexistent/x.txt"]


def test_the_executive_brief_says_how_many_stories_it_left_out(tmp_path):
    run("build", str(ROOT / "seeds"), "-a", "executive", "-f", "html", "--date", "2026-11-28",
        "-o", str(tmp_path), "--no-stories")
    html = (tmp_path / "2026-11-28" / "executive.html").read_text()
    assert "8 stories" in html and "more in the full brief" in html


@pytest.mark.parametrize("flag", ["-q", "--quiet"])
def test_global_options_work_after_the_subcommand_too(tmp_path, flag):
    before = run(flag, "build", str(ROOT / "seeds" / "000_6a20b3f872e24daa.txt"), "-a", "analyst", "-f", "json",
                 "-o", str(tmp_path / "a"), "--date", "2026-11-28")
    after = run("build", str(ROOT / "seeds" / "000_6a20b3f872e24daa.txt"), "-a", "analyst", "-f", "json",
                "-o", str(tmp_path / "b"), "--date", "2026-11-28", flag)
    assert before.exit_code == after.exit_code == 0, after.output
    assert before.stderr == after.stderr == ""  # quiet: nothing on stderr either way
    # a value that looks like a flag stays the option's value
    odd = run("build", str(ROOT / "seeds"), "-a", "-q", "-o", str(tmp_path / "c"))
    assert odd.exit_code == 2 and "unknown audience '-q'" in odd.output
