"""Bytes on disk -> text: size-capped reading, BOMs, UTF-8, legacy code pages."""

from __future__ import annotations

import logging
import re
import unicodedata
from pathlib import Path

from briefgen.errors import InputError

log = logging.getLogger(__name__)

MAX_BYTES = 10 * 1024 * 1024  # a 10 MB "article" is a mistake, not news


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """A file's bytes, refusing oversized files before reading. Raises InputError."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is {size / 1048576:.0f} MB; "
                             f"articles larger than {max_bytes // 1048576} MB are skipped")
        data = path.read_bytes()
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file") from None
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}") from None
    return data


def decode_bytes(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """Bytes -> (text, encoding name). BOMs first, then strict UTF-8, then detection.
    Whenever the encoding had to be guessed a warning names ``path`` and the guess."""
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
    where = path or "input"
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    # Real UTF-8 with a few stray bytes (a bad copy-paste) keeps its accents;
    # decoding it as a legacy code page would garble every one of them.
    if sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd") >= bad:
        log.warning("%s: not valid UTF-8: read as UTF-8 with %d invalid byte sequence(s) replaced",
                    where, bad)
        return text, "utf-8"
    # Western news in a legacy encoding is almost always Windows-1252 (a superset
    # of Latin-1's printable range); its few undefined bytes become U+FFFD.
    guess = detect_encoding(data) or "cp1252"
    log.warning("%s: not valid UTF-8: decoded as %s (a guess; save the file as UTF-8 to be sure)", where, guess)
    return data.decode(guess, errors="replace"), guess


# Detection is trusted only for scripts that cp1252 cannot represent at all;
# on short Western texts it otherwise picks look-alikes (iso8859_14, cp775)
# that garble accents.
_NON_LATIN = frozenset({
    "cp1251", "koi8_r", "koi8_u", "iso8859_5", "cp866", "mac_cyrillic",
    "cp1253", "iso8859_7", "cp1255", "iso8859_8", "cp1256", "iso8859_6",
    "shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb2312", "gbk", "gb18030",
    "big5", "big5hkscs", "euc_kr", "cp949", "johab", "tis_620", "cp874",
})


def detect_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding in _NON_LATIN:
        return best.encoding
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub(" ", text)
