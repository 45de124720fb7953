"""Analyses and renders of earlier runs, so a cron run analyses only the articles that are new
or changed, and lays out only the briefs that changed.

An entry is keyed by a hash of what decides an article's analysis: its title and text, the
analysis options, the BRIEFGEN_NER choice, briefgen's version and a fingerprint of the
analysis code and data files (so an edited rule or vocabulary is a miss, even before the
version number moves). The article's path, source and dates are not in the key: the same
text read from another file or feed is the same analysis, given back with its new article.

A story's summary pool and merged people (its costliest part after the analyses) are keyed
by a hash of its articles in lead order (path, title, text, outlet, date), the story
options and a fingerprint of the story, analysis and summary code (story_key): a re-run of the
same day groups its articles again (cheap) but summarises no story twice.

A rendered brief (its PDF, HTML, JSON bytes) is keyed by a hash of the whole brief, the
audience, the rendering code, the built-in and user templates, the limits and
SOURCE_DATE_EPOCH (render_key): a re-run of the same day gives back the same bytes without
laying anything out.

Entries are JSON (renders: the files' bytes), never pickle: the cache sits in the output folder, and reading it must
not be able to run code. It lives at OUTPUT_DIR/.cache/analysis.sqlite, beside the state
file, and is bounded by retention: an entry not used for ``keep_days`` (the build's, else
30) days is deleted. A cache that cannot be used costs time, never the brief: an entry that
does not decode is a miss, a file that is not a database is set aside and started anew, and
any other error turns the cache off for the run with one warning.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from briefgen.model import Article, Digest, Participant, Quote, Sentence, SummarySentence
from briefgen.version import __version__

log = logging.getLogger(__name__)

FILE = Path(".cache") / "analysis.sqlite"
DEFAULT_KEEP_DAYS = 30
_BATCH = 500  # keys per SELECT (SQLite's variable limit is 999 on old builds)
_ROOT = Path(__file__).resolve().parents[1]
# What the analysis reads: a change to any of these files makes every entry a miss.
_ANALYSIS_CODE = ("analysis.py", "model.py", "extract", "summarize", "text", "data")


def code_fingerprint(root: Path = _ROOT) -> str:
    """briefgen's version and the size and modification time of every analysis source and
    data file (a stat each, no reading: ~1 ms)."""
    return _stat_digest([root / name for name in _ANALYSIS_CODE], lambda path: path.relative_to(root))


def _stat_digest(tops: Sequence[Path], label: Callable[[Path], object]) -> str:
    """briefgen's version and each file's ``label``, size and modification time under ``tops``."""
    h = hashlib.sha256(__version__.encode())
    for top in tops:
        files = [top] if top.is_file() else sorted(p for p in top.rglob("*") if p.is_file()
                                                   and "__pycache__" not in p.parts)
        for path in files:
            st = path.stat()
            h.update(f"{label(path)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


_RENDER_CODE = ("rendering", "audience.py", "model.py", "links.py")


def story_fingerprint(root: Path = _ROOT) -> str:
    """As ``code_fingerprint``, with the story code (grouping, summaries, merged people) too."""
    return _stat_digest([root / name for name in (*_ANALYSIS_CODE, "stories")], lambda path: path.relative_to(root))


def render_fingerprint(template_dirs: Sequence[Path] = ()) -> str:
    """Like code_fingerprint, for what a render reads: the rendering code and every file of
    the template folders (the caller names the built-in one too, so the cache needs no
    rendering import). Installed fonts are not in it: after installing fonts, run once with
    --no-cache."""
    tops = [_ROOT / n for n in _RENDER_CODE] + [Path(d) for d in template_dirs]
    return _stat_digest(tops, lambda path: path)


def entry_key(article: Article, options: Any, fingerprint: str) -> str:
    h = hashlib.sha256()
    # the outlet is part of the key: extraction leaves it out of the participants (as
    # written: two spellings of one outlet cost a miss, never a wrong entry)
    for part in (fingerprint, repr(options), os.environ.get("BRIEFGEN_NER", ""), article.title, article.text,
                 article.source or ""):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


def flat(obj: Any) -> dict[str, Any]:
    """A flat dataclass (fields of numbers, strings and tuples of strings) as a dict: what
    ``dataclasses.asdict`` gives for such a class, without its deep copy (a 1,000-article
    day's digests took 1.6 s to encode through asdict)."""
    names = _FIELDS.get(type(obj))
    if names is None:
        names = _FIELDS[type(obj)] = tuple(f.name for f in fields(obj))
    return {n: getattr(obj, n) for n in names}


_FIELDS: dict[type, tuple[str, ...]] = {}


def encode(digest: Digest) -> str:
    return json.dumps({
        "path": digest.article.path,
        "sentences": [flat(s) for s in digest.sentences],
        "summary": [flat(s) for s in digest.summary],
        "quotes": [flat(q) for q in digest.quotes],
        "participants": [flat(p) for p in digest.participants],
        "algorithm": digest.algorithm,
    }, ensure_ascii=False, separators=(",", ":"))


def decode(text: str, article: Article) -> Digest:
    """The digest of ``article``; raises (KeyError, TypeError, ValueError) when ``text`` is not one."""
    d = json.loads(text)
    old = d["path"]

    def moved(path: str | None) -> str | None:  # a path that named the old file names the new one
        return article.path if path == old else path

    participants = []
    for p in d["participants"]:
        p.update(aliases=tuple(p["aliases"]), evidence=tuple(p["evidence"]), path=moved(p["path"]))
        participants.append(Participant(**p))
    quotes = []
    for q in d["quotes"]:
        q["path"] = moved(q["path"])
        quotes.append(Quote(**q))
    return Digest(article=article, sentences=tuple(Sentence(**s) for s in d["sentences"]),
                  summary=tuple(SummarySentence(**s) for s in d["summary"]), quotes=tuple(quotes),
                  participants=tuple(participants), algorithm=str(d["algorithm"]))


class AnalysisCache:
    """get_many / put_many over one SQLite file; see the module docstring for what is promised."""

    def __init__(self, path: Path, today: date, keep_days: int | None = None):
        self.path = path
        self.today = today.isoformat()
        self.fingerprint = code_fingerprint()
        self._story_fingerprint: str | None = None  # on first story: an analysis-only run needs none
        self.hits = self.misses = 0
        self._keep_days = DEFAULT_KEEP_DAYS if keep_days is None else keep_days
        self._today = today
        self._db: sqlite3.Connection | None = None
        self._opened = False  # on first use: a run with no article creates no file

    def _open(self) -> None:
        if self._opened:
            return
        self._opened = True
        self._db = _connect(self.path)
        oldest = (self._today - timedelta(days=self._keep_days)).isoformat()
        self._guard(lambda db: (db.execute("DELETE FROM entries WHERE used < ?", (oldest,)),
                                db.execute("DELETE FROM renders WHERE used < ?", (oldest,)),
                                db.execute("DELETE FROM stories WHERE used < ?", (oldest,))))

    def get_many(self, articles: Sequence[Article], options: Any) -> list[Digest | None]:
        """Each article's cached digest, or None (a miss); hits are marked as used today."""
        if not articles:
            return []
        self._open()
        keys = [entry_key(a, options, self.fingerprint) for a in articles]
        found: dict[str, str] = {}

        def select(db: sqlite3.Connection) -> None:
            for i in range(0, len(keys), _BATCH):
                batch = keys[i:i + _BATCH]
                marks = ",".join("?" * len(batch))
                found.update(db.execute(f"SELECT key, value FROM entries WHERE key IN ({marks})", batch))

        self._guard(select)
        out: list[Digest | None] = []
        bad: list[str] = []
        for key, article in zip(keys, articles):
            text = found.get(key)
            digest = None
            if text is not None:
                try:
                    digest = decode(text, article)
                except (KeyError, TypeError, ValueError, AttributeError):
                    bad.append(key)  # written by something else, or damaged: analysed anew
            out.append(digest)
        used = [k for k, d in zip(keys, out) if d is not None]
        self.hits += len(used)
        self.misses += len(out) - len(used)

        def mark(db: sqlite3.Connection) -> None:
            db.executemany("DELETE FROM entries WHERE key = ?", [(k,) for k in bad])
            db.executemany("UPDATE entries SET used = ? WHERE key = ?", [(self.today, k) for k in used])

        if used or bad:
            self._guard(mark)
        return out

    def put_many(self, digests: Sequence[Digest], options: Any) -> None:
        rows = [(entry_key(d.article, options, self.fingerprint), encode(d), self.today) for d in digests]
        if rows:
            self._open()
            self._guard(lambda db: db.executemany(
                "INSERT OR REPLACE INTO entries (key, value, used) VALUES (?, ?, ?)", rows))

    # ---- stories' summaries and merged people: a re-run of the same day summarises nothing

    def story_key(self, articles: Sequence[Article], options: Any) -> str:
        """A hash of a story's articles in lead order (each one's path, title, text, outlet and
        date: the parts name their articles by path and weigh them by date), the options and
        the story code."""
        if self._story_fingerprint is None:
            self._story_fingerprint = story_fingerprint()
        h = hashlib.sha256(self._story_fingerprint.encode())
        for part in (repr(options), os.environ.get("BRIEFGEN_NER", "")):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
        for a in articles:
            for part in (a.path, a.title, a.text, a.source or "", repr(a.published)):
                h.update(part.encode("utf-8", "surrogatepass"))
                h.update(b"\0")
        return h.hexdigest()

    def get_stories(self, keys: Sequence[str]) -> dict[str, str]:
        """key -> the stored JSON of each key found (marked as used today)."""
        found: dict[str, str] = {}

        def select(db: sqlite3.Connection) -> None:
            for i in range(0, len(keys), _BATCH):
                batch = list(keys[i:i + _BATCH])
                marks = ",".join("?" * len(batch))
                found.update(db.execute(f"SELECT key, value FROM stories WHERE key IN ({marks})", batch))
            db.executemany("UPDATE stories SET used = ? WHERE key = ?", [(self.today, k) for k in found])

        if keys:
            self._open()
            self._guard(select)
        return found

    def put_stories(self, rows: Sequence[tuple[str, str]]) -> None:
        if rows:
            self._open()
            self._guard(lambda db: db.executemany(
                "INSERT OR REPLACE INTO stories (key, value, used) VALUES (?, ?, ?)",
                [(k, v, self.today) for k, v in rows]))

    # ---- rendered files: a re-run of the same day lays out nothing

    def render_key(self, brief: Any, audience: Any, formats: Sequence[str], template_dirs: Sequence[Path],
                   limits: Any) -> str:
        """A hash of everything a render reads: the whole brief (its repr: every field, floats
        exactly), the audience, the formats, the rendering code, every file of ``template_dirs``
        (the caller names the built-in folder too), the limits and SOURCE_DATE_EPOCH (which the
        PDF stamps)."""
        h = hashlib.sha256(render_fingerprint(template_dirs).encode())
        for part in (repr(audience), repr(tuple(formats)), repr(limits), os.environ.get("SOURCE_DATE_EPOCH", ""),
                     repr(brief)):
            h.update(part.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
        return h.hexdigest()

    def get_render(self, key: str, formats: Sequence[str]) -> list[tuple[str, bytes]] | None:
        """The files (format, bytes) in ``formats`` order, or None unless every format is there."""
        found: dict[str, bytes] = {}

        def select(db: sqlite3.Connection) -> None:
            found.update((f, bytes(v)) for f, v in db.execute("SELECT format, value FROM renders WHERE key = ?",
                                                               (key,)))
            if found:
                db.execute("UPDATE renders SET used = ? WHERE key = ?", (self.today, key))

        self._open()
        self._guard(select)
        if not all(f in found for f in formats):
            return None
        return [(f, found[f]) for f in formats]

    def put_render(self, key: str, files: Sequence[tuple[str, bytes]]) -> None:
        self._open()
        self._guard(lambda db: db.executemany(
            "INSERT OR REPLACE INTO renders (key, format, value, used) VALUES (?, ?, ?, ?)",
            [(key, fmt, data, self.today) for fmt, data in files]))

    def close(self) -> None:
        self._opened = True  # closed stays closed
        if self._db is not None:
            self._db.close()
            self._db = None

    def _guard(self, work) -> None:
        """``work(db)`` in one transaction; any database error turns the cache off for this run."""
        if self._db is None:
            return
        try:
            with self._db:
                work(self._db)
        except sqlite3.Error as err:
            log.warning("analysis cache %s turned off for this run: %s", self.path, err)
            self.close()


def _connect(path: Path) -> sqlite3.Connection | None:
    for attempt in (1, 2):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path)
            db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
                       "used TEXT NOT NULL)")
            db.execute("CREATE INDEX IF NOT EXISTS entries_used ON entries (used)")
            db.execute("CREATE TABLE IF NOT EXISTS renders (key TEXT NOT NULL, format TEXT NOT NULL, "
                       "value BLOB NOT NULL, used TEXT NOT NULL, PRIMARY KEY (key, format))")
            db.execute("CREATE TABLE IF NOT EXISTS stories (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
                       "used TEXT NOT NULL)")
            db.commit()
            return db
        except sqlite3.DatabaseError as err:  # not a database (or damaged): set aside, start anew
            if attempt == 2 or not path.is_file():
                log.debug("analysis cache %s cannot be used (%s); analysing every article", path, err)
                return None
            aside = path.with_name(path.name + ".unusable")
            log.warning("analysis cache %s is damaged (%s); moved to %s, starting a new one", path, err, aside)
            try:
                os.replace(path, aside)
            except OSError:
                return None
        except OSError as err:  # a folder that cannot be written: the build says so when it writes
            log.debug("analysis cache %s cannot be opened (%s); analysing every article", path, err)
            return None
    return None


def open_cache(output_dir: Path, *, today: date, keep_days: int | None = None) -> AnalysisCache:
    return AnalysisCache(Path(output_dir) / FILE, today, keep_days)
