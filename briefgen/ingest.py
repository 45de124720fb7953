"""Files -> Articles.

`collect_paths` turns the command line's files and folders into article files;
`read_article` turns one file into an `Article` (decoded text, front matter
metadata, a title). Every problem is an `InputError` with a one-line reason,
so one bad file never sinks the brief.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

import yaml

from .errors import InputError
from .model import Article, Failure

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
# Files that sit beside articles but describe them (seeds/README.md).
_NOT_ARTICLES = re.compile(r"^(readme|license|licence|changelog|notice|attribution)(\..*)?$", re.I)
MAX_BYTES = 10 * 1024 * 1024  # a 10 MB "article" is a mistake, not news
_FRONT_MATTER_KEYS = {"title", "source", "url", "published", "date", "author", "language", "lang", "tags"}


def collect_paths(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[Failure]]:
    """Expand folders into the article files inside them (recursively, sorted).

    A file named explicitly is always returned, whatever its suffix, so that
    `read_article` can say why it cannot be used; inside folders only article
    suffixes count and hidden files, READMEs and licences are skipped.
    """
    found: list[Path] = []
    failures: list[Failure] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_walk(path, seen, failures))
        elif path.exists():
            if _remember(path, seen):
                found.append(path)
        elif path.is_symlink():
            failures.append(Failure(str(path), "broken symbolic link"))
        else:
            failures.append(Failure(str(path), "no such file or folder"))
    return found, failures


def _folder_suffixes() -> frozenset[str]:
    from .readers import FOLDER_SUFFIXES  # pages, feeds, JSON Lines and URL lists too

    return FOLDER_SUFFIXES


def _remember(path: Path, seen: set[Path]) -> bool:
    try:
        key = path.resolve()
    except (OSError, RuntimeError):  # symlink loops raise RuntimeError on 3.11
        key = path.absolute()
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(folder: Path, seen: set[Path], failures: list[Failure]) -> list[Path]:
    found: list[Path] = []
    visited_dirs: set[tuple[int, int]] = set()

    def onerror(err: OSError) -> None:
        failures.append(Failure(str(err.filename or folder), f"cannot read folder: {err.strerror}"))

    # followlinks so linked folders count, with (device, inode) to stop loops.
    for root, dirs, files in os.walk(folder, onerror=onerror, followlinks=True):
        try:
            st = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in visited_dirs:
            dirs[:] = []
            continue
        visited_dirs.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or _NOT_ARTICLES.match(name):
                continue
            path = Path(root, name)
            if path.suffix.lower() not in _folder_suffixes():
                log.debug("skipping %s: not an article file", path)
                continue
            if not path.exists():
                failures.append(Failure(str(path), "broken symbolic link"))
                continue
            if _remember(path, seen):
                found.append(path)
    return found


def read_article(path: str | os.PathLike[str], *, max_bytes: int = MAX_BYTES) -> Article:
    """Read one text article file. Raises InputError with a one-line reason.

    Other formats (pages, feeds, JSON Lines, URL lists) go through
    `briefgen.readers.read_path`, which may return several articles per file."""
    path = Path(path)
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise InputError(f"unsupported file type {path.suffix or '(none)'!r}: briefgen reads .txt and .md")
    return parse_article(read_bytes(path, max_bytes=max_bytes), path=str(path))


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """A file's bytes, refusing oversized files before reading. Raises InputError."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is {size / 1048576:.0f} MB; articles larger than {max_bytes // 1048576} MB are skipped")
        data = path.read_bytes()
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}") from None
    return data


def parse_article(data: bytes, *, path: str = "<memory>") -> Article:
    """Decode bytes, split off front matter and find a title."""
    text, encoding = decode_bytes(data)
    text = _normalise(text)
    meta, body = split_front_matter(text)
    body = body.strip("\n")
    if not body.strip():
        raise InputError("article has no text" + (" after its front matter" if meta else ""))
    title = _clean(meta.get("title"))
    if not title:
        title, body = find_title(body)
    return Article(
        path=path,
        title=title,
        text=body,
        source=_clean(meta.get("source")),
        url=_clean(meta.get("url")),
        published=_parse_date(meta.get("published", meta.get("date")), path),
        author=_clean(meta.get("author")),
        language=_clean(meta.get("language", meta.get("lang"))) or "en",
        tags=_tags(meta.get("tags")),
        encoding=encoding,
    )


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding name). BOMs first, then strict UTF-8, then detection."""
    for bom, name in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise InputError(f"file starts with a {name} byte-order mark but is not valid {name}") from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    # Real UTF-8 with a few stray bytes (a bad copy-paste) keeps its accents;
    # decoding it as a legacy code page would garble every one of them.
    if sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd") >= bad:
        log.debug("%d invalid UTF-8 byte sequence(s) replaced", bad)
        return text, "utf-8"
    guess = _detect(data)
    if guess:
        return data.decode(guess, errors="replace"), guess
    # Western news in a legacy encoding is almost always Windows-1252 (a superset
    # of Latin-1's printable range); its few undefined bytes become U+FFFD.
    return data.decode("cp1252", errors="replace"), "cp1252"


# Detection is trusted only for scripts that cp1252 cannot represent at all;
# on short Western texts it otherwise picks look-alikes (iso8859_14, cp775)
# that garble accents.
_NON_LATIN = frozenset({
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic",
    "cp1253", "iso8859_7", "cp1255", "iso8859_8", "cp1256", "iso8859_6",
    "shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb2312", "gbk", "gb18030",
    "big5", "big5hkscs", "euc_kr", "cp949", "johab", "tis_620", "cp874",
})


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding in _NON_LATIN:
        return best.encoding
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub(" ", text)


_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def split_front_matter(text: str) -> tuple[dict, str]:
    """Optional YAML front matter between a first line `---` and the next `---` (or `...`)."""
    if not text.startswith("---"):
        return {}, text
    first_line_end = text.find("\n")
    if first_line_end == -1 or text[:first_line_end].strip() != "---":
        return {}, text
    closing = _FENCE.search(text, first_line_end + 1)
    if closing is None:
        raise InputError("front matter starts with '---' but has no closing '---' line")
    raw = text[first_line_end + 1 : closing.start()]
    try:
        meta = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(err, "problem", None) or "syntax error"
        raise InputError(f"front matter is not valid YAML{where}: {problem}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError("front matter must be 'key: value' lines (title, source, url, published, author, language)")
    meta = {str(k).lower(): v for k, v in meta.items()}
    unknown = sorted(set(meta) - _FRONT_MATTER_KEYS)
    if unknown:
        log.debug("front matter keys not used by briefgen: %s", ", ".join(unknown))
    return meta, text[closing.end() :]


_MD_HEADING = re.compile(r"\A[ \t]*#{1,6}[ \t]+(.+?)[ \t#]*\n")
_TITLE_WORDS = 14


def find_title(body: str) -> tuple[str, str]:
    """A title for an article without front matter -> (title, body without it).

    A Markdown heading or a short first line standing alone (a headline, as in
    most news dumps) becomes the title and leaves the body; otherwise the first
    sentence, shortened at a word boundary, names the article and stays in it.
    """
    heading = _MD_HEADING.match(body)
    if heading:
        return heading.group(1).strip(), body[heading.end() :].lstrip("\n")
    first, sep, rest = body.partition("\n")
    line = first.strip()
    if sep and rest.startswith("\n") and rest.strip() and _looks_like_headline(line):
        return line, rest.lstrip("\n")
    return shorten(_first_sentence(line)), body


def _looks_like_headline(line: str) -> bool:
    return 0 < len(line.split()) <= _TITLE_WORDS and not line.endswith((".", ",", ";", ":"))


def _first_sentence(line: str) -> str:
    # Imported late: segment is the only module that knows sentence rules.
    from .segment import split_sentences

    sentences = split_sentences(line)
    return sentences[0].text if sentences else line


def shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text.rstrip(".")
    cut = text[: limit + 1].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return cut + "…"


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _tags(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    if isinstance(value, Sequence):
        return tuple(t for t in (_clean(v) for v in value) if t)
    return ()


def _parse_date(value: object, path: str) -> datetime | date | None:
    if value is None or isinstance(value, (datetime, date)):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        log.warning("%s: ignoring unreadable published date %r (expected ISO 8601, e.g. 2026-11-28)", path, text)
        return None
