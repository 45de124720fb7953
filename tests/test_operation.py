"""Cron-grade operation: dates and windows, atomic output, the run lock, exit codes,
logging, reproducible PDFs, `latest`, retention and `briefgen doctor`."""

from __future__ import annotations

import errno
import json
import os
import shlex
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from briefgen.audience import BUILTIN_AUDIENCES
from briefgen.cli import cli
from briefgen.cli.exitcodes import ExitCode
from briefgen.errors import BriefgenError
from briefgen.logs import progress_reporter
from briefgen.ops import atomic
from briefgen.ops.lock import LOCK_NAME, RunLocked, hold_lock
from briefgen.ops.retention import prune_dated_folders, remove_stale_parts, update_latest
from briefgen.ops.window import dated_inputs, day_window, parse_since, resolve_timezone, today_in
from briefgen.run import BuildRequest, build_briefs
from builders import article

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DAY = "2026-11-28"

STORY = (
    "Harbour council approves ferry terminal\n\n"
    "The harbour council approved the new ferry terminal on Friday. "
    '"This connects the islands again," said Mayor Ada Okafor. '
    "Construction starts in March and should take two years.\n"
)


# Unrelated (invented) stories: near-copies would be grouped into one story.
OTHER = {
    "bridge": "Old bridge closes for repairs\n\nThe county closed the Mill Street bridge on Tuesday after "
              "engineers found cracks in two piers. Drivers face a detour of six miles.\n",
    "tunnel": "Rail tunnel flooded after storm\n\nHeavy rain flooded the Northgate rail tunnel overnight. "
              '"Trains will not run before Thursday," a spokeswoman for the operator said.\n',
    "orchestra": "Youth orchestra wins national prize\n\nThe Eastport youth orchestra won the national "
                 "competition in Leeds with a programme of Dvořák and Sibelius.\n",
}


def story(folder: Path, name: str, published: str | None = None, text: str = STORY) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    front = f"---\npublished: {published}\n---\n" if published else ""
    path = folder / name
    path.write_text(front + text, encoding="utf-8")
    return path


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRIEFGEN_")}
    env.update(OPENBLAS_NUM_THREADS="1", **extra)
    return env


# ---------------------------------------------------------------- dates and windows


def test_since_reads_hours_days_weeks_and_combinations():
    assert parse_since("24h") == timedelta(hours=24)
    assert parse_since("90m") == timedelta(minutes=90)
    assert parse_since("1d12h") == timedelta(hours=36)
    assert parse_since("1w") == timedelta(days=7)
    for bad in ("", "24", "h", "yesterday", "0h", "-2h"):
        with pytest.raises(BriefgenError, match="window"):
            parse_since(bad)


def test_today_is_the_date_in_the_configured_time_zone():
    late_utc = datetime(2026, 11, 28, 23, 30, tzinfo=UTC)
    assert today_in(ZoneInfo("UTC"), late_utc) == date(2026, 11, 28)
    assert today_in(ZoneInfo("Asia/Tokyo"), late_utc) == date(2026, 11, 29)
    assert today_in(ZoneInfo("America/New_York"), late_utc) == date(2026, 11, 28)
    with pytest.raises(BriefgenError, match="unknown time zone 'Mars/Olympus'"):
        resolve_timezone("Mars/Olympus")


def test_the_system_zone_keeps_its_daylight_saving_rules(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")  # what cron's environment may say
    local = resolve_timezone(None)
    # A winter run backfilling a summer day must use summer time, not today's offset.
    assert datetime(2026, 7, 1, 12, tzinfo=local).utcoffset() == timedelta(hours=2)
    assert datetime(2026, 1, 1, 12, tzinfo=local).utcoffset() == timedelta(hours=1)


def test_window_ends_at_the_end_of_the_date_or_at_the_cutoff():
    berlin = ZoneInfo("Europe/Berlin")
    w = day_window(date(2026, 11, 28), timedelta(hours=24), berlin)
    assert (w.start, w.end) == (datetime(2026, 11, 28, tzinfo=berlin), datetime(2026, 11, 29, tzinfo=berlin))
    six = day_window(date(2026, 11, 28), timedelta(hours=24), berlin, cutoff=time(6))
    assert six.start == datetime(2026, 11, 27, 6, tzinfo=berlin)


def test_window_judges_timestamps_dates_and_file_times(tmp_path):
    tz = ZoneInfo("Europe/Berlin")
    w = day_window(date(2026, 11, 28), timedelta(hours=24), tz)
    assert w.contains(article(published=datetime(2026, 11, 28, 23, 59, tzinfo=tz)))
    assert not w.contains(article(published=datetime(2026, 11, 29, 0, 0, tzinfo=tz)))
    # 23:30 UTC on the 27th is already the 28th in Berlin.
    assert w.contains(article(published=datetime(2026, 11, 27, 23, 30, tzinfo=UTC)))
    assert w.contains(article(published=datetime(2026, 11, 28, 8, 0)))  # naive: read in the zone
    assert w.contains(article(published=date(2026, 11, 28)))
    assert not w.contains(article(published=date(2026, 11, 27)))
    undated = story(tmp_path, "undated.txt")
    stamp = datetime(2026, 11, 28, 12, tzinfo=tz).timestamp()
    os.utime(undated, (stamp, stamp))
    assert w.contains(article(path=str(undated), published=None))
    os.utime(undated, (stamp - 2 * 86400, stamp - 2 * 86400))
    assert not w.contains(article(path=str(undated), published=None))


def test_backfill_with_since_briefs_only_that_dates_articles(tmp_path):
    inbox = tmp_path / "inbox"
    story(inbox, "monday.txt", "2026-11-23T09:00:00+00:00", OTHER["orchestra"])
    story(inbox, "tuesday.txt", "2026-11-24", OTHER["bridge"])
    story(inbox, "late.txt", "2026-11-24T23:30:00+00:00", OTHER["tunnel"])
    out = tmp_path / "out"
    result = run("build", str(inbox), "--date", "2026-11-24", "--since", "24h", "--timezone", "UTC",
                 "-a", "analyst", "-f", "json", "-o", str(out))
    assert result.exit_code == ExitCode.OK, result.output
    brief = json.loads((out / "2026-11-24" / "analyst.json").read_text())
    assert sorted(Path(s["path"]).name for s in brief["stories"]) == ["late.txt", "tuesday.txt"]
    # In Tokyo the late story is already Wednesday's.
    result = run("build", str(inbox), "--date", "2026-11-24", "--since", "24h", "--timezone", "Asia/Tokyo",
                 "-a", "analyst", "-f", "json", "-o", str(out))
    brief = json.loads((out / "2026-11-24" / "analyst.json").read_text())
    assert [Path(s["path"]).name for s in brief["stories"]] == ["tuesday.txt"]


def test_a_dated_input_folder_is_used_for_its_date(tmp_path):
    inbox = tmp_path / "inbox"
    story(inbox, "loose.txt", text=OTHER["orchestra"])
    story(inbox / "2026-11-27", "yesterday.txt", text=OTHER["bridge"])
    story(inbox / DAY, "today.txt", text=OTHER["tunnel"])
    assert dated_inputs([inbox], date(2026, 11, 28)) == [inbox / DAY]
    assert dated_inputs([inbox], date(2026, 11, 26)) == [inbox]
    out = tmp_path / "out"
    run("build", str(inbox), "--date", "2026-11-27", "-a", "analyst", "-f", "json", "-o", str(out))
    brief = json.loads((out / "2026-11-27" / "analyst.json").read_text())
    assert [Path(s["path"]).name for s in brief["stories"]] == ["yesterday.txt"]


# ---------------------------------------------------------------- atomic output


def test_a_writer_that_fails_midway_leaves_the_previous_file_and_no_temporary(tmp_path):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"yesterday")

    def crash(handle):
        handle.write(b"half of today")
        raise RuntimeError("renderer died")

    with pytest.raises(RuntimeError):
        atomic.write_atomic(target, crash)
    assert target.read_bytes() == b"yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]


def test_kill_9_mid_write_leaves_the_previous_brief_and_the_next_run_sweeps_the_leftover(tmp_path):
    out = tmp_path / "out"
    target = out / DAY / "analyst.json"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"yesterday's complete brief")
    code = textwrap.dedent(f"""
        import sys, time
        from briefgen.ops.atomic import write_atomic
        def slow(handle):
            handle.write(b"half of today"); handle.flush()
            print("writing", flush=True)
            time.sleep(60)
        write_atomic({str(target)!r}, slow)
    """)
    child = subprocess.Popen([PYTHON, "-c", code], stdout=subprocess.PIPE, cwd=ROOT, env=subprocess_env())
    assert child.stdout.readline().strip() == b"writing"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert target.read_bytes() == b"yesterday's complete brief"
    leftovers = [p for p in target.parent.iterdir() if p.name.endswith(".part")]
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".")  # hidden, never the brief itself

    inbox = tmp_path / "inbox"
    story(inbox, "a.txt")
    result = run("build", str(inbox), "--date", DAY, "-a", "analyst", "-f", "json", "-o", str(out))
    assert result.exit_code == ExitCode.OK, result.output
    assert sorted(p.name for p in target.parent.iterdir()) == ["analyst.json"]
    assert json.loads(target.read_text())["audience"] == "analyst"


class _FullDisk:
    """A file object whose writes fail as on a full disk."""

    def __init__(self, real):
        self.real = real

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()

    def write(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_disk_full_is_one_line_exit_1_and_the_previous_brief_survives(tmp_path, monkeypatch):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    story(inbox, "a.txt")
    previous = out / DAY / "analyst.json"
    previous.parent.mkdir(parents=True)
    previous.write_text("{}")
    real_fdopen = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: _FullDisk(real_fdopen(fd, *a, **k)))
    result = CliRunner().invoke(cli, ["build", str(inbox), "--date", DAY, "-a", "analyst", "-f", "json",
                                      "-o", str(out)])
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.strip().splitlines()
    assert "No space left on device" in line and "analyst.json" in line and "Traceback" not in result.output
    assert previous.read_text() == "{}"
    assert sorted(p.name for p in previous.parent.iterdir()) == ["analyst.json"]


# ---------------------------------------------------------------- the run lock


def test_a_second_run_on_the_same_output_exits_5_at_once_and_writes_nothing(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    story(inbox, "a.txt")
    with hold_lock(out):
        result = CliRunner().invoke(cli, ["build", str(inbox), "--date", DAY, "-f", "json", "-o", str(out)])
    assert result.exit_code == ExitCode.LOCKED == 5
    assert f"another briefgen run (pid {os.getpid()}) is writing to {out}" in result.stderr
    assert not (out / DAY).exists()
    # Other output folders are not affected.
    other = run("build", str(inbox), "--date", DAY, "-a", "analyst", "-f", "json", "-o", str(tmp_path / "o2"))
    assert other.exit_code == ExitCode.OK


def test_the_lock_of_a_killed_run_is_taken_over(tmp_path, caplog):
    out = tmp_path / "out"
    code = ("import time; from briefgen.ops.lock import hold_lock\n"
            f"with hold_lock({str(out)!r}):\n    print('held', flush=True); time.sleep(60)")
    holder = subprocess.Popen([PYTHON, "-c", code], stdout=subprocess.PIPE, cwd=ROOT, env=subprocess_env())
    try:
        assert holder.stdout.readline().strip() == b"held"
        with pytest.raises(RunLocked) as locked:
            with hold_lock(out):
                pass
        assert locked.value.pid == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    assert (out / LOCK_NAME).read_text().strip() == str(holder.pid)  # the dead run's pid is still there
    caplog.set_level("INFO", logger="briefgen")
    with hold_lock(out):
        assert (out / LOCK_NAME).read_text().strip() == str(os.getpid())
    assert f"pid {holder.pid}" in caplog.text


# ---------------------------------------------------------------- exit codes


def test_partial_success_exits_3_and_lists_the_failure_in_the_log_and_the_brief(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    story(inbox, "good.txt")
    (inbox / "bad.txt").write_bytes(b"\x00\x01binary")
    result = CliRunner().invoke(cli, ["build", str(inbox), "--date", DAY, "-a", "analyst", "-f", "json",
                                      "-f", "html", "-o", str(out)])
    assert result.exit_code == ExitCode.PARTIAL
    assert "bad.txt" in result.stderr and "binary file" in result.stderr
    failures = json.loads((out / DAY / "analyst.json").read_text())["failures"]
    assert [Path(f["path"]).name for f in failures] == ["bad.txt"]
    assert "bad.txt" in (out / DAY / "analyst.html").read_text()


def test_nothing_to_brief_exits_4_and_writes_an_empty_day_brief_only_when_asked(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    story(inbox, "old.txt", "2020-01-01")
    args = ["build", str(inbox), "--date", DAY, "--since", "24h", "-a", "executive", "-f", "json", "-f", "html",
            "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == ExitCode.NOTHING_TO_BRIEF and result.stdout == ""
    assert "no usable articles" in result.stderr
    assert not (out / DAY).exists()
    result = CliRunner().invoke(cli, [*args, "--empty-brief"])
    assert result.exit_code == ExitCode.NOTHING_TO_BRIEF
    assert result.stdout.split() == [str(out / DAY / "executive.json"), str(out / DAY / "executive.html")]
    assert json.loads((out / DAY / "executive.json").read_text())["stories"] == []


def test_every_exit_code_is_documented_in_build_help_and_the_readme():
    help_text = " ".join(run("build", "--help").output.split())
    readme = " ".join((ROOT / "README.md").read_text().split())
    for code in ExitCode:
        assert f"{int(code)} " in help_text, code
        assert f"`{int(code)}`" in readme, code
    assert "5 another run holds OUTPUT_DIR/.briefgen.lock" in help_text


# ---------------------------------------------------------------- logging


def test_quiet_prints_only_the_paths_written_and_nothing_on_stderr(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    story(inbox, "a.txt")
    result = CliRunner().invoke(cli, ["--quiet", "build", str(inbox), "--date", DAY, "-a", "analyst",
                                      "-f", "json", "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == f"{out / DAY / 'analyst.json'}\n"
    assert result.stderr == ""


def test_default_log_is_human_readable_on_stderr(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    story(inbox, "a.txt")
    result = CliRunner().invoke(cli, ["build", str(inbox), "--date", DAY, "-a", "analyst", "-f", "json",
                                      "-o", str(out)])
    assert "briefgen: INFO: 1 articles, 0 skipped, 1 files written" in result.stderr
    assert "\r" not in result.stderr  # not a terminal: no progress line


def test_json_log_file_has_one_object_per_line_even_when_quiet(tmp_path):
    inbox, out, log_file = tmp_path / "inbox", tmp_path / "out", tmp_path / "logs" / "briefgen.log"
    story(inbox, "a.txt")
    (inbox / "empty.txt").write_text("")
    result = CliRunner().invoke(cli, ["--quiet", "--log-file", str(log_file), "--log-format", "json", "build",
                                      str(inbox), "--date", DAY, "-a", "analyst", "-f", "json", "-o", str(out)])
    assert result.exit_code == ExitCode.PARTIAL
    records = [json.loads(line) for line in log_file.read_text().splitlines()]
    assert {"time", "level", "logger", "message"} <= records[0].keys()
    assert any(r["level"] == "warning" and "empty.txt" in r["message"] for r in records)
    assert any(r["level"] == "info" and "1 files written" in r["message"] for r in records)
    # stderr (quiet) carries the warning, as JSON too, and nothing else.
    assert [json.loads(line)["level"] for line in result.stderr.splitlines()] == ["warning"]


def test_progress_is_drawn_only_on_a_terminal():
    class Tty:
        def __init__(self, tty):
            self.tty, self.text = tty, ""

        def isatty(self):
            return self.tty

        def write(self, s):
            self.text += s

        def flush(self):
            pass

    assert progress_reporter("analysing", stream=Tty(False)) is None
    terminal = Tty(True)
    report = progress_reporter("analysing", stream=terminal, enabled=True)
    report(1, 3)
    report(3, 3)
    assert terminal.text.startswith("\ranalysing 1/3") and terminal.text.endswith("\n")
    assert terminal.text.rsplit("\r", 1)[1].startswith("analysing 3/3")


# ---------------------------------------------------------------- reproducible PDFs, latest, retention


@pytest.fixture(scope="module")
def two_pdf_runs(tmp_path_factory):
    """The seed articles built to PDF by two separate processes (shared by the tests below)."""
    base = tmp_path_factory.mktemp("repro")
    outs = []
    for n in (1, 2):
        out = base / f"out{n}"
        proc = subprocess.run([PYTHON, "-m", "briefgen", "--quiet", "build", str(ROOT / "seeds"), "--date", DAY,
                               "-a", "executive", "-o", str(out)],
                              capture_output=True, text=True, cwd=base, env=subprocess_env())
        assert proc.returncode == 0, proc.stderr
        outs.append(out)
    return outs


@pytest.mark.slow  # two full builds in fresh processes
def test_same_inputs_date_and_config_give_a_byte_identical_pdf_across_processes(two_pdf_runs):
    first, second = (o / DAY / "executive.pdf" for o in two_pdf_runs)
    assert first.read_bytes()[:5] == b"%PDF-"
    assert first.read_bytes() == second.read_bytes()


def test_latest_points_at_the_newest_brief_and_a_backfill_does_not_move_it(two_pdf_runs):
    out = two_pdf_runs[0]
    link = out / "latest" / "executive.pdf"
    assert link.is_symlink() and os.readlink(link) == f"../{DAY}/executive.pdf"
    assert link.read_bytes() == (out / DAY / "executive.pdf").read_bytes()
    old = out / "2026-11-20" / "executive.pdf"
    old.parent.mkdir()
    old.write_bytes(b"%PDF- backfilled")
    assert update_latest(out, date(2026, 11, 20), [old]) == []
    assert os.readlink(link) == f"../{DAY}/executive.pdf"


def test_latest_is_swapped_atomically_to_a_newer_day(tmp_path):
    for day in ("2026-11-27", DAY):
        (tmp_path / day).mkdir()
        (tmp_path / day / "press.pdf").write_bytes(day.encode())
        update_latest(tmp_path, date.fromisoformat(day), [tmp_path / day / "press.pdf"])
    assert (tmp_path / "latest" / "press.pdf").read_bytes() == DAY.encode()
    assert sorted(p.name for p in (tmp_path / "latest").iterdir()) == ["press.pdf"]  # no temporary links left


def test_retention_deletes_old_date_folders_but_never_the_current_one(tmp_path):
    for day in ("2026-11-01", "2026-11-20", "2026-11-21", DAY, "not-a-date"):
        (tmp_path / day).mkdir()
    (tmp_path / "2026-11-01" / "executive.pdf").write_bytes(b"%PDF")
    removed = prune_dated_folders(tmp_path, date(2026, 11, 28), keep_days=7, keep=[date(2026, 11, 1)])
    assert [p.name for p in removed] == ["2026-11-20"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2026-11-01", "2026-11-21", DAY, "not-a-date"]
    assert prune_dated_folders(tmp_path, date(2026, 11, 28), keep_days=0) == [tmp_path / "2026-11-01",
                                                                             tmp_path / "2026-11-21"]
    assert (tmp_path / DAY).is_dir()


def test_keep_days_on_the_command_line(tmp_path):
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    story(inbox, "a.txt")
    (out / "2025-01-01").mkdir(parents=True)
    result = run("build", str(inbox), "--date", DAY, "--timezone", "UTC", "-a", "analyst", "-f", "json",
                 "-o", str(out), "--keep-days", "30")
    assert result.exit_code == 0
    assert not (out / "2025-01-01").exists() and (out / DAY / "analyst.json").exists()


def test_stale_parts_are_only_hidden_dot_part_files(tmp_path):
    (tmp_path / ".press.pdf.abc.part").write_bytes(b"half")
    (tmp_path / "press.pdf").write_bytes(b"whole")
    (tmp_path / "notes.part").write_bytes(b"not ours")
    assert [p.name for p in remove_stale_parts(tmp_path)] == [".press.pdf.abc.part"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.part", "press.pdf"]


def test_the_library_call_holds_the_lock_too(tmp_path):
    story(tmp_path / "inbox", "a.txt")
    request = BuildRequest(paths=[tmp_path / "inbox"], audiences=[BUILTIN_AUDIENCES["analyst"]],
                           day=date(2026, 11, 28), output_dir=tmp_path / "out", formats=("json",))
    with hold_lock(tmp_path / "out"):
        with pytest.raises(RunLocked):
            build_briefs(request)
    assert build_briefs(request).written == [tmp_path / "out" / DAY / "analyst.json"]


# ---------------------------------------------------------------- doctor and cron


def test_doctor_checks_the_machine_and_prints_a_crontab_line(tmp_path):
    result = run("doctor", "-o", str(tmp_path / "out"), "--inbox", str(tmp_path / "inbox"))
    assert result.exit_code == 0, result.output
    text = result.output
    for topic in ("font 'Liberation Serif'", "Pango 1.", "HarfBuzz subsetting", "is writable",
                  "template 'press.html' renders"):
        assert topic in text, topic
    assert text.rstrip().splitlines()[-1].startswith("0 6 * * * /")


def test_doctor_fails_on_an_output_folder_it_cannot_write(tmp_path, monkeypatch):
    import tempfile

    def refuse(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", refuse)
    result = run("doctor", "-o", str(tmp_path))
    assert result.exit_code == ExitCode.ERROR
    assert f"FAIL  cannot write in {tmp_path}: Permission denied" in result.output


@pytest.mark.slow  # a whole build from the crontab line
def test_the_crontab_line_runs_in_crons_empty_environment(tmp_path):
    """What README "Running from cron" promises: the printed line works with cron's PATH, no cwd, no venv."""
    inbox, out = tmp_path / "in box", tmp_path / "out"  # a space, to prove the quoting
    story(inbox, "a.txt")
    line = run("doctor", "--crontab", "--at", "5:30", "-o", str(out), "--inbox", str(inbox)).output.strip()
    minute, hour, dom, month, dow, command = line.split(None, 5)
    assert (minute, hour, dom, month, dow) == ("30", "5", "*", "*", "*")
    assert shlex.split(command)[0].startswith("/") and "%" not in command
    home = tmp_path / "home"
    home.mkdir()
    proc = subprocess.run(["env", "-i", "PATH=/usr/bin:/bin", f"HOME={home}", "SHELL=/bin/sh", "sh", "-c",
                           f"{command} --date {DAY} --timezone UTC -a press"],
                          cwd="/", capture_output=True, text=True)
    # --since 24h --cutoff 05:30 on 28 Nov: the story's file time (now) is outside, so pin it inside.
    assert proc.returncode == ExitCode.NOTHING_TO_BRIEF, proc.stderr
    stamp = datetime(2026, 11, 28, 1, tzinfo=UTC).timestamp()
    os.utime(inbox / "a.txt", (stamp, stamp))
    proc = subprocess.run(["env", "-i", "PATH=/usr/bin:/bin", f"HOME={home}", "SHELL=/bin/sh", "sh", "-c",
                           f"{command} --date {DAY} --timezone UTC -a press"],
                          cwd="/", capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"{out / DAY / 'press.pdf'}\n" and proc.stderr == ""  # cron would mail nothing
    assert (out / "latest" / "press.pdf").read_bytes()[:5] == b"%PDF-"
    assert "1 files written" in (out / "briefgen.log").read_text()
