"""briefgen's memory between runs: one SQLite file (default OUTPUT_DIR/briefgen.sqlite).

Records articles seen (content fingerprint, URL, source, title, published),
stories (their term signature for matching tomorrow's articles), which
article belongs to which story, which story went into which audience's brief
on which day with which label, and the summary sentences already briefed
(so "updated" can show only the new facts).

Safety: WAL journal, ``synchronous=FULL``, and every run's writes in one
``BEGIN IMMEDIATE`` transaction (``with store.run(): ...``), so a run killed
half-way leaves the file exactly as the previous run left it. The schema
version lives in ``PRAGMA user_version``; ``open_store`` applies the missing
migrations in order inside one transaction (all or none). Since schema 2 the
file carries briefgen's mark in ``PRAGMA application_id``; a schema-1 file is
recognised by its tables.

What ``open_store`` refuses, each with a one-line StoreError subclass:
``CorruptState`` (not a database, malformed), ``ForeignState`` (someone else's
database: never written to), ``FutureState`` (a newer briefgen's schema).
``open_or_set_aside`` is the build's way in: it moves a corrupt file aside
(``<name>.corrupt-<UTC time>``, never deleted, so the next run starts afresh)
and turns every refusal into "no memory this run" plus the reason.

Reads used for matching are bounded by date (``active_stories(since)``) so a
run's memory does not grow with the size of the history.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from os import PathLike
from pathlib import Path

from briefgen.errors import BriefgenError

DEFAULT_NAME = "briefgen.sqlite"

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        headline TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        signature TEXT NOT NULL DEFAULT '{}'   -- JSON {term: weight}
    );
    CREATE INDEX stories_last_seen ON stories(last_seen);
    CREATE TABLE articles (
        fingerprint TEXT PRIMARY KEY,
        url TEXT, source TEXT, title TEXT, published TEXT,
        first_seen TEXT NOT NULL,
        story_id TEXT REFERENCES stories(id) ON DELETE CASCADE
    );
    CREATE INDEX articles_story ON articles(story_id);
    CREATE TABLE briefs (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL, audience TEXT NOT NULL, created TEXT NOT NULL,
        UNIQUE(day, audience)
    );
    CREATE TABLE brief_stories (
        brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        rank INTEGER NOT NULL, label TEXT NOT NULL,
        PRIMARY KEY (brief_id, story_id)
    );
    CREATE TABLE briefed_sentences (
        story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        day TEXT NOT NULL, text TEXT NOT NULL,
        PRIMARY KEY (story_id, text)
    );
    """,
    # 2: briefgen's mark in the file header, so a foreign database is told apart from ours
    f"PRAGMA application_id = {0x62726667}",  # "brfg"
)
SCHEMA_VERSION = len(MIGRATIONS)
APPLICATION_ID = 0x62726667
_DAMAGED = {11, 26}  # SQLITE_CORRUPT ("malformed"), SQLITE_NOTADB ("file is not a database")
_SCHEMA_1_TABLES = frozenset({"stories", "articles", "briefs", "brief_stories", "briefed_sentences"})


class StoreError(BriefgenError):
    pass


class CorruptState(StoreError):
    """The file is damaged or not a database at all."""


class ForeignState(StoreError):
    """A database, but not briefgen's: it is left exactly as it is."""


class FutureState(StoreError):
    """briefgen's, with a schema newer than this briefgen knows."""


@dataclass(frozen=True)
class StoredStory:
    id: str
    headline: str
    first_seen: date
    last_seen: date
    signature: dict[str, float]


class Store:
    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    # -- transactions --------------------------------------------------------------------
    @contextmanager
    def run(self) -> Iterator[Store]:
        """One run's writes, all or nothing. SQLite's own errors (locked by another
        process for 30 s, disk full, a damaged file) become one-line StoreErrors."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as err:
            raise StoreError(f"cannot write state file {self.path}: {err}") from None
        try:
            yield self
        except BaseException as exc:
            if self.conn.in_transaction:  # SQLite may already have rolled back (e.g. disk full)
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"cannot write state file {self.path}: {exc}") from None
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as err:
            raise StoreError(f"cannot write state file {self.path}: {err}") from None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reads ---------------------------------------------------------------------------
    def story_of(self, fingerprints: Iterable[str]) -> dict[str, str]:
        """fingerprint -> stored story id, for the fingerprints already seen."""
        out: dict[str, str] = {}
        fps = list(fingerprints)
        for k in range(0, len(fps), 500):
            chunk = fps[k:k + 500]
            q = f"SELECT fingerprint, story_id FROM articles WHERE fingerprint IN ({','.join('?' * len(chunk))})"
            out.update({fp: sid for fp, sid in self.conn.execute(q, chunk) if sid})
        return out

    def active_stories(self, since: date) -> list[StoredStory]:
        rows = self.conn.execute(
            "SELECT id, headline, first_seen, last_seen, signature FROM stories WHERE last_seen >= ?",
            (since.isoformat(),))
        return [StoredStory(i, h, date.fromisoformat(f), date.fromisoformat(ls), json.loads(sig))
                for i, h, f, ls, sig in rows]

    def get_story(self, story_id: str) -> StoredStory | None:
        row = self.conn.execute(
            "SELECT id, headline, first_seen, last_seen, signature FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        i, h, f, ls, sig = row
        return StoredStory(i, h, date.fromisoformat(f), date.fromisoformat(ls), json.loads(sig))

    def briefed_sentences(self, story_id: str, before: date) -> list[str]:
        return [t for (t,) in self.conn.execute(
            "SELECT text FROM briefed_sentences WHERE story_id = ? AND day < ?", (story_id, before.isoformat()))]

    def was_briefed(self, story_id: str, before: date) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM brief_stories bs JOIN briefs b ON b.id = bs.brief_id "
            "WHERE bs.story_id = ? AND b.day < ? LIMIT 1", (story_id, before.isoformat())).fetchone()
        return row is not None

    def history(self, limit: int = 30) -> list[dict]:
        """The latest briefs, newest first, each with its stories."""
        briefs = self.conn.execute(
            "SELECT id, day, audience FROM briefs ORDER BY day DESC, audience LIMIT ?", (limit,)).fetchall()
        out = []
        for bid, day, audience in briefs:
            stories = [
                {"id": sid, "headline": h, "label": label, "rank": rank,
                 "articles": n}
                for sid, h, label, rank, n in self.conn.execute(
                    "SELECT s.id, s.headline, bs.label, bs.rank, "
                    "(SELECT COUNT(*) FROM articles a WHERE a.story_id = s.id) "
                    "FROM brief_stories bs JOIN stories s ON s.id = bs.story_id "
                    "WHERE bs.brief_id = ? ORDER BY bs.rank", (bid,))
            ]
            out.append({"day": day, "audience": audience, "stories": stories})
        return out

    def counts(self) -> dict[str, int]:
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("articles", "stories", "briefs", "brief_stories", "briefed_sentences")}

    # -- writes (call inside run()) ---------------------------------------------------------
    def upsert_story(self, story_id: str, headline: str, day: date, signature: Mapping[str, float]) -> None:
        self.conn.execute(
            "INSERT INTO stories(id, headline, first_seen, last_seen, signature) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, signature = excluded.signature, "
            "last_seen = MAX(last_seen, excluded.last_seen)",
            (story_id, headline, day.isoformat(), day.isoformat(), json.dumps(signature, sort_keys=True)))

    def add_article(self, fp: str, story_id: str, day: date, *, url: str | None, source: str | None,
                    title: str | None, published: str | None) -> None:
        self.conn.execute(
            "INSERT INTO articles(fingerprint, url, source, title, published, first_seen, story_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO UPDATE SET story_id = excluded.story_id",
            (fp, url, source, title, published, day.isoformat(), story_id))

    def record_brief(self, day: date, audience: str, stories: Iterable[tuple[str, str]]) -> None:
        """stories: (story id, label) in brief order; re-running a day replaces that brief."""
        from datetime import datetime

        self.conn.execute("DELETE FROM briefs WHERE day = ? AND audience = ?", (day.isoformat(), audience))
        cur = self.conn.execute("INSERT INTO briefs(day, audience, created) VALUES (?, ?, ?)",
                                (day.isoformat(), audience, datetime.now(UTC).isoformat(timespec="seconds")))
        self.conn.executemany(
            "INSERT OR REPLACE INTO brief_stories(brief_id, story_id, rank, label) VALUES (?, ?, ?, ?)",
            [(cur.lastrowid, sid, rank, label) for rank, (sid, label) in enumerate(stories, start=1)])

    def add_briefed_sentences(self, story_id: str, day: date, texts: Iterable[str]) -> None:
        self.conn.executemany(
            "INSERT OR IGNORE INTO briefed_sentences(story_id, day, text) VALUES (?, ?, ?)",
            [(story_id, day.isoformat(), t) for t in texts])

    def forget(self, before: date) -> dict[str, int]:
        """Delete briefs before ``before`` and stories not seen since; returns what went."""
        b = before.isoformat()
        before_counts = self.counts()
        self.conn.execute("DELETE FROM briefs WHERE day < ?", (b,))
        self.conn.execute("DELETE FROM stories WHERE last_seen < ?", (b,))  # cascades to their rows
        self.conn.execute("DELETE FROM articles WHERE story_id IS NULL OR story_id NOT IN (SELECT id FROM stories)")
        # sentences of surviving stories stay: they are what "updated" compares against
        after = self.counts()
        return {k: before_counts[k] - after[k] for k in ("briefs", "stories", "articles", "briefed_sentences")}


def default_path(output_dir: str | PathLike[str]) -> Path:
    return Path(output_dir) / DEFAULT_NAME


def open_store(path: str | PathLike[str]) -> Store:
    """Open (creating and migrating as needed) the state file at ``path``; see the module
    docstring for what is refused."""
    path = Path(path)
    conn = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, one transaction per run
        conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        _check_owner(conn, path, version)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        check = conn.execute("PRAGMA quick_check(1)").fetchone()[0] if version else "ok"
    except StoreError:
        if conn is not None:
            conn.close()
        raise
    except (sqlite3.Error, OSError) as err:
        if conn is not None:  # do not leak the handle
            conn.close()
        if getattr(err, "sqlite_errorcode", None) in _DAMAGED:
            raise CorruptState(f"cannot open state file {path}: it is damaged ({err})") from None
        # locked, permission denied, I/O: the file may be fine, so it is left where it is
        raise StoreError(f"cannot open state file {path}: {getattr(err, 'strerror', None) or err}") from None
    if check != "ok":
        conn.close()
        detail = " ".join(str(check).split())[:160]  # quick_check's report spans lines; the message is one
        raise CorruptState(f"cannot open state file {path}: it is damaged (database disk image is malformed: {detail})")
    if version < SCHEMA_VERSION:
        _migrate(conn, path, version)
    return Store(conn, path)


def _check_owner(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """ForeignState / FutureState before anything is written (journal_mode=WAL writes the header)."""
    app = conn.execute("PRAGMA application_id").fetchone()[0]
    tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    ours = app == APPLICATION_ID or (app == 0 and version == 1 and _SCHEMA_1_TABLES <= tables)
    if not ours and (tables or version or app):
        raise ForeignState(f"state file {path} is not briefgen's (another program's database); left untouched, "
                           "use another --state")
    if version > SCHEMA_VERSION:
        raise FutureState(f"state file {path} has schema {version}, newer than this briefgen ({SCHEMA_VERSION}); "
                          "upgrade briefgen or use another --state")


def _migrate(conn: sqlite3.Connection, path: Path, version: int) -> None:
    try:
        conn.execute("BEGIN IMMEDIATE")
        for n, script in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in _statements(script):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {n}")
        conn.execute("COMMIT")
    except sqlite3.Error as err:
        if conn.in_transaction:  # BEGIN itself may be what failed (locked)
            conn.execute("ROLLBACK")
        conn.close()
        raise StoreError(f"cannot migrate state file {path}: {err}") from None


def open_or_set_aside(path: str | PathLike[str]) -> tuple[Store | None, str | None]:
    """(store, None), or (None, why this run has no memory). A corrupt file is renamed, never
    deleted, together with its -wal/-shm companions; foreign and future files stay as they are."""
    path = Path(path)
    try:
        return open_store(path), None
    except CorruptState as err:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        aside = path.with_name(f"{path.name}.corrupt-{stamp}")
        try:
            for suffix in ("-wal", "-shm", ""):  # the database last: its name is what says "corrupt"
                companion = Path(f"{path}{suffix}")
                if companion.exists():
                    companion.rename(f"{aside}{suffix}")
        except OSError as move:
            return None, f"{err}; could not move it aside ({move.strerror or move}); briefed without memory"
        return None, f"{err}; moved to {aside.name}, the next run starts a new one; briefed without memory"
    except StoreError as err:
        return None, f"{err}; briefed without memory"


def _statements(script: str) -> list[str]:
    # executescript() would commit our transaction; split instead (no ';' inside our SQL strings)
    lines = [ln.split("--", 1)[0] for ln in script.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
