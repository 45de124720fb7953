"""Operation settings in the config file (issue 6): since, cutoff, keep_days,
empty_brief and latest, with precedence flag > BRIEFGEN_* > file > default,
and bad values refused with the file, line and what was expected."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import cli
from briefgen.cli.exitcodes import ExitCode
from briefgen.settings import ConfigError, Settings, load_settings

DAY = "2026-11-24"
BRIDGE = ("Old bridge closes for repairs\n\nThe county closed the Mill Street bridge on Tuesday after engineers "
          "found cracks in two piers. Drivers face a detour of six miles.\n")
ORCHESTRA = ("Youth orchestra wins national prize\n\nThe Eastport youth orchestra won the national competition "
             "in Leeds with a programme of Dvorak and Sibelius.\n")


def config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "briefgen.toml"
    path.write_text(text)
    return path


def story(folder: Path, name: str, published: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"---\npublished: {published}\n---\n{text}", encoding="utf-8")


def build(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, ["build", *args], catch_exceptions=False,
                              env={"BRIEFGEN_SINCE": "", "BRIEFGEN_LATEST": "", "BRIEFGEN_KEEP_DAYS": "",
                                   "BRIEFGEN_EMPTY_BRIEF": "", "BRIEFGEN_CUTOFF": "", **(env or {})})


def stories_in(path: Path) -> list[str]:
    return sorted(Path(s["path"]).name for s in json.loads(path.read_text())["stories"])


# ---------------------------------------------------------------- loading


def test_defaults_without_a_file_keep_latest_and_everything_else_off(tmp_path):
    s = load_settings(None, env={"HOME": str(tmp_path)}, cwd=tmp_path)
    assert (s.since, s.cutoff, s.keep_days, s.empty_brief, s.latest) == (None, None, None, False, True)
    assert s == Settings(source=None)


def test_operation_keys_come_from_the_file_and_the_environment_beats_them(tmp_path):
    path = config(tmp_path, 'since = "24H"\ncutoff = "6:30"\nkeep_days = 30\nempty_brief = true\nlatest = false\n')
    s = load_settings(path, env={})
    assert (s.since, s.cutoff, s.keep_days, s.empty_brief, s.latest) == ("24h", "06:30", 30, True, False)
    env = {"BRIEFGEN_SINCE": "2d", "BRIEFGEN_CUTOFF": "05:00", "BRIEFGEN_KEEP_DAYS": "3",
           "BRIEFGEN_EMPTY_BRIEF": "no", "BRIEFGEN_LATEST": "yes"}
    s = load_settings(path, env=env)
    assert (s.since, s.cutoff, s.keep_days, s.empty_brief, s.latest) == ("2d", "05:00", 3, False, True)


@pytest.mark.parametrize(("line", "expected"), [
    ('since = "yesterday"', 'a window such as "24h"'),
    ('cutoff = "6am"', 'a time of day "HH:MM"'),
    ("keep_days = -1", "a whole number >= 0"),
    ('latest = "no"', "true or false"),  # TOML has booleans; a string is a mistake
    ("empty_brief = 1", "true or false"),
])
def test_a_bad_operation_value_names_the_file_line_and_what_was_expected(tmp_path, line, expected):
    path = config(tmp_path, f'formats = ["json"]\n{line}\n')
    key = line.split(" =")[0]
    with pytest.raises(ConfigError) as err:
        load_settings(path, env={})
    assert str(err.value).startswith(f"{path}:2: {key}: expected {expected}")


def test_a_bad_operation_variable_names_the_variable(tmp_path):
    with pytest.raises(ConfigError, match="BRIEFGEN_LATEST: expected true or false, got 'maybe'"):
        load_settings(None, env={"BRIEFGEN_LATEST": "maybe", "HOME": str(tmp_path)}, cwd=tmp_path)


# ---------------------------------------------------------------- through `briefgen build`


def test_the_configured_window_applies_and_the_flag_beats_it(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    story(inbox, "monday.txt", "2026-11-23T09:00:00+00:00", ORCHESTRA)
    story(inbox, "tuesday.txt", "2026-11-24T10:00:00+00:00", BRIDGE)
    path = config(tmp_path, 'timezone = "UTC"\nsince = "24h"\n')
    args = [str(inbox), "-c", str(path), "--date", DAY, "-a", "analyst", "-f", "json", "-o", str(out)]
    assert build(*args).exit_code == ExitCode.OK
    assert stories_in(out / DAY / "analyst.json") == ["tuesday.txt"]
    assert build(*args, env={"BRIEFGEN_SINCE": "2d"}).exit_code == ExitCode.OK
    assert stories_in(out / DAY / "analyst.json") == ["monday.txt", "tuesday.txt"]
    assert build(*args, "--since", "24h", env={"BRIEFGEN_SINCE": "2d"}).exit_code == ExitCode.OK
    assert stories_in(out / DAY / "analyst.json") == ["tuesday.txt"]
    # A cut-off at 08:00 on the 24th leaves Tuesday's 10:00 story for the next day's brief.
    assert build(*args, "--cutoff", "08:00").exit_code == ExitCode.OK
    assert stories_in(out / DAY / "analyst.json") == ["monday.txt"]


def test_a_configured_cutoff_without_any_window_is_a_usage_error(tmp_path):
    story(tmp_path / "inbox", "a.txt", DAY, BRIDGE)
    path = config(tmp_path, 'cutoff = "06:00"\n')
    result = build(str(tmp_path / "inbox"), "-c", str(path), "-o", str(tmp_path / "out"))
    assert result.exit_code == ExitCode.USAGE and "`cutoff` in the config" in result.output
    assert not (tmp_path / "out").exists()


def test_empty_brief_from_the_config_and_the_flag_that_turns_it_off(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    story(inbox, "old.txt", "2020-01-01", BRIDGE)
    path = config(tmp_path, 'timezone = "UTC"\nsince = "24h"\nempty_brief = true\n')
    args = [str(inbox), "-c", str(path), "--date", DAY, "-a", "executive", "-f", "json", "-o", str(out)]
    result = build(*args, "--no-empty-brief")
    assert result.exit_code == ExitCode.NOTHING_TO_BRIEF and not (out / DAY).exists()
    result = build(*args)
    assert result.exit_code == ExitCode.NOTHING_TO_BRIEF
    assert json.loads((out / DAY / "executive.json").read_text())["stories"] == []


def test_latest_and_keep_days_from_the_config_env_and_flag(tmp_path):
    inbox = tmp_path / "inbox"
    story(inbox, "a.txt", DAY, BRIDGE)
    path = config(tmp_path, 'timezone = "UTC"\nlatest = false\nkeep_days = 1\n')
    # Retention counts back from today, and `latest` never moves back to an older date: brief today,
    # next to a folder three days old.
    today = datetime.now(UTC).date()
    old = (today - timedelta(days=3)).isoformat()

    def run(out: str, *flags: str, env: dict | None = None) -> Path:
        folder = tmp_path / out
        (folder / old).mkdir(parents=True)
        result = build(str(inbox), "-c", str(path), "--date", today.isoformat(), "-a", "analyst", "-f", "json",
                       "-o", str(folder), *flags, env=env)
        assert result.exit_code == ExitCode.OK, result.output
        return folder

    folder = run("file")
    assert not (folder / "latest").exists() and not (folder / old).exists()
    folder = run("env", env={"BRIEFGEN_LATEST": "true", "BRIEFGEN_KEEP_DAYS": "7"})
    assert (folder / "latest" / "analyst.json").exists() and (folder / old).exists()
    folder = run("flag", "--no-latest", "--keep-days", "2", env={"BRIEFGEN_LATEST": "true", "BRIEFGEN_KEEP_DAYS": "7"})
    assert not (folder / "latest").exists() and not (folder / old).exists()


def test_the_config_shown_in_the_readme_cron_section_is_valid(tmp_path):
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    section = readme.split("## Running from cron", 1)[1].split("\n## ", 1)[0]
    (block,) = section.split("```toml\n")[1:]
    s = load_settings(config(tmp_path, block.split("```", 1)[0]), env={})
    assert (s.since, s.cutoff, s.keep_days, s.smtp.host, s.smtp.password_env) == (
        "24h", "06:00", 30, "smtp.example.org", "BRIEFS_SMTP_PASSWORD")
    assert s.recipients("executive") == ("ceo@example.org",)
