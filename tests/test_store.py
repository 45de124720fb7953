"""The state file: created and migrated on open, one transaction per run, survives kill -9."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from briefgen.stories.memory import SCHEMA_VERSION, StoreError, open_store

DAY = date(2025, 3, 11)


def test_a_new_file_gets_the_current_schema_in_wal_mode(tmp_path):
    with open_store(tmp_path / "sub" / "state.sqlite") as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.counts() == dict.fromkeys(store.counts(), 0)


def test_a_file_from_a_newer_briefgen_is_refused(tmp_path):
    path = tmp_path / "state.sqlite"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_a_run_that_fails_leaves_nothing_behind(tmp_path):
    with open_store(tmp_path / "s.sqlite") as store:
        with pytest.raises(RuntimeError):
            with store.run():
                store.upsert_story("s-1", "Ferry terminal approved", DAY, {"ferri": 1.0})
                raise RuntimeError("render failed")
        assert store.counts()["stories"] == 0


def test_sqlite_errors_are_one_line_store_errors(tmp_path):
    not_a_database = tmp_path / "notes.sqlite"
    not_a_database.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="cannot open state file"):
        open_store(not_a_database)
    with open_store(tmp_path / "s.sqlite") as store:
        with pytest.raises(StoreError, match="cannot write state file"):
            with store.run():
                store.upsert_story("s-1", "Ferry terminal approved", DAY, {})
                store.conn.execute("INSERT INTO briefs(day, audience, created) VALUES (NULL, 'x', 'y')")
        assert store.counts()["stories"] == 0  # rolled back as a whole


def test_history_lists_briefs_newest_first_with_their_stories(tmp_path):
    with open_store(tmp_path / "s.sqlite") as store:
        with store.run():
            store.upsert_story("s-1", "Ferry terminal approved", DAY, {})
            store.add_article("fp1", "s-1", DAY, url=None, source="Courier", title="t", published=None)
            store.record_brief(DAY, "analyst", [("s-1", "new")])
            store.record_brief(date(2025, 3, 12), "analyst", [("s-1", "continuing")])
        days = [(b["day"], b["stories"][0]["label"]) for b in store.history()]
        assert days == [("2025-03-12", "continuing"), ("2025-03-11", "new")]
        assert store.history()[0]["stories"][0]["articles"] == 1


def test_history_and_forget_find_the_state_file_in_the_configured_output_folder(tmp_path):
    from click.testing import CliRunner

    from briefgen.cli import cli

    with open_store(tmp_path / "briefs" / "briefgen.sqlite") as store, store.run():
        store.upsert_story("s-1", "Ferry terminal approved", DAY, {})
        store.record_brief(DAY, "analyst", [("s-1", "new")])
    config = tmp_path / "briefgen.toml"
    config.write_text('output_dir = "briefs"\n')
    shown = CliRunner().invoke(cli, ["history", "--config", str(config), "--format", "json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["briefs"][0]["day"] == DAY.isoformat()
    gone = CliRunner().invoke(cli, ["forget", "--config", str(config), "--before", "2025-03-12"])
    assert gone.exit_code == 0 and "1 briefs" in gone.stdout, gone.output


def test_forget_drops_old_briefs_and_stories_not_seen_since(tmp_path):
    with open_store(tmp_path / "s.sqlite") as store:
        with store.run():
            store.upsert_story("old", "Old story", date(2025, 1, 1), {})
            store.upsert_story("live", "Live story", DAY, {})
            store.add_article("fp-old", "old", date(2025, 1, 1), url=None, source=None, title=None, published=None)
            store.add_briefed_sentences("live", date(2025, 1, 1), ["An early fact."])
            store.record_brief(date(2025, 1, 1), "analyst", [("old", "new")])
        with store.run():
            gone = store.forget(date(2025, 2, 1))
        assert gone["briefs"] == 1 and gone["stories"] == 1 and gone["articles"] == 1
        assert [s.id for s in store.active_stories(date(2000, 1, 1))] == ["live"]
        assert store.briefed_sentences("live", DAY) == ["An early fact."]


WRITER = r"""
import sys
from datetime import date
from briefgen.stories.memory import open_store
store = open_store(sys.argv[1])
print("ready", flush=True)
n = 0
while True:
    with store.run():
        for k in range(200):
            n += 1
            store.upsert_story(f"s-{n}", "headline " * 20, date(2025, 3, 11), {"w": 1.0})
            store.add_article(f"fp-{n}", f"s-{n}", date(2025, 3, 11), url="https://example.org/x",
                              source="Courier", title="t", published=None)
"""


def test_a_writer_killed_mid_run_leaves_a_sound_file(tmp_path):
    path = tmp_path / "s.sqlite"
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], cwd=root,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(0.5)  # let it commit some runs and be inside another
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with open_store(path) as store:
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = store.counts()
        # whole runs only: every committed run wrote 200 stories and their 200 articles
        assert counts["stories"] % 200 == 0
        assert counts["articles"] == counts["stories"]


# ---------------------------------------------------------------- upgrades and refusals (issue 18)


def _file_at_schema(path: Path, version: int) -> None:
    """A state file as briefgen `version` left it, with one story in it (0: an empty file)."""
    from briefgen.stories.memory import MIGRATIONS, _statements

    conn = sqlite3.connect(path, isolation_level=None)
    for n, script in enumerate(MIGRATIONS[:version], start=1):
        for statement in _statements(script):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {n}")
    if version:
        conn.execute("INSERT INTO stories(id, headline, first_seen, last_seen) VALUES ('s-1', 'Ferry', '2025-03-10', "
                     "'2025-03-10')")
    conn.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION))
def test_every_earlier_schema_is_upgraded_and_keeps_its_stories(tmp_path, version):
    from briefgen.stories.memory import APPLICATION_ID

    path = tmp_path / "state.sqlite"
    _file_at_schema(path, version)
    with open_store(path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert [s.id for s in store.active_stories(date(2000, 1, 1))] == (["s-1"] if version else [])


def test_an_upgrade_that_fails_half_way_leaves_the_old_schema(tmp_path, monkeypatch):
    from briefgen.stories import memory

    path = tmp_path / "state.sqlite"
    _file_at_schema(path, 1)
    monkeypatch.setattr(memory, "MIGRATIONS", (*memory.MIGRATIONS, "CREATE TABLE extra (x); SELECT nonsense FROM nowhere"))
    monkeypatch.setattr(memory, "SCHEMA_VERSION", len(memory.MIGRATIONS))
    with pytest.raises(StoreError, match="cannot migrate state file"):
        open_store(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # not 2: schema 2 rolled back with the rest
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0
    assert "extra" not in {n for (n,) in conn.execute("SELECT name FROM sqlite_master")}


def test_a_database_that_is_not_briefgens_is_refused_and_left_untouched(tmp_path):
    from briefgen.stories.memory import ForeignState

    path = tmp_path / "contacts.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ForeignState, match="is not briefgen's"):
        open_store(path)
    assert path.read_bytes() == before and not Path(f"{path}-wal").exists()


def test_a_damaged_file_is_moved_aside_never_deleted(tmp_path):
    from briefgen.stories.memory import open_or_set_aside

    path = tmp_path / "briefgen.sqlite"
    path.write_bytes(b"these are my notes, not a database\n" * 200)
    store, problem = open_or_set_aside(path)
    assert store is None and "damaged (file is not a database)" in problem and "briefed without memory" in problem
    (aside,) = tmp_path.glob("briefgen.sqlite.corrupt-*")
    assert aside.read_bytes().startswith(b"these are my notes") and not path.exists()
    store, problem = open_or_set_aside(path)  # the next run starts a new file
    assert problem is None
    store.close()


def test_a_future_file_costs_the_memory_not_the_file(tmp_path):
    from briefgen.stories.memory import open_or_set_aside

    path = tmp_path / "state.sqlite"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    store, problem = open_or_set_aside(path)
    assert store is None and "newer than this briefgen" in problem and path.exists()
    assert not list(tmp_path.glob("*.corrupt-*"))
