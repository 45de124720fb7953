"""A run of terminal punctuation in a paragraph -> where its sentence ends, or None.

The decision looks at the word before the run and the word after it: an abbreviation (vocab
lists ``abbrev_*``), an initial, a dotted acronym, a number, a sentence opener.
"""

from __future__ import annotations

import re

from briefgen.text import lexicon

# A full stop after one of these never ends a sentence ("Dr. Lee").
_TITLES = lexicon.words("abbrev_titles")
# Abbreviations that are followed by a number ("No. 5", "p. 55", "Jan. 20", "Rs. 3520").
_BEFORE_NUMBER = lexicon.words("abbrev_numbers") | lexicon.words("abbrev_months")
# Abbreviations that often end a sentence but usually do not: a sentence break follows them only
# when the next word is a typical sentence opener ("& Co. It closed" vs "Apple Inc. Chief").
_SUFFIXES = lexicon.words("abbrev_suffixes")
# US state abbreviations; case-sensitive because several are also words ("ill", "miss").
_STATES = lexicon.words("abbrev_us_states")
# Words that begin sentences far more often than they follow an abbreviation.
_STARTERS = lexicon.words("sentence_starters")

_OPENERS = "\"'`“‘«„‚([{¿¡"
_CLOSERS = "\"'”’»)]}"
_CJK_TERMINAL = "。．！？"

# A run of terminal punctuation (with spaced ellipses ". . ."), then closing quotes, brackets and
# footnote markers such as "[7][8]".
TERM = re.compile(
    r"(?P<run>[.!?…‽。．！？]+(?:[ ][.…]+)*)"
    r"(?P<close>(?:[\"'”’»)\]}]|\[\d{1,3}(?:[–-]\d{1,3})?\])*(?: [\"”](?=\s|$))?)"
)
_NUMBER = re.compile(r"[$£€¥%]?\d[\d.,:/%]*")
_URLISH = re.compile(r"://|^www\.|@|\.(?:com|org|net|gov|edu|int|io|co|uk|de|fr|html?|php|aspx?)\b", re.I)
_MARKER_WORD = re.compile(r"[•⁃▪‣◦·*–-]?\s*\(?(?:\d{1,3}|[A-Za-z]|[ivxlc]{1,5}|[IVXLC]{1,5})")

# Reference numbers glued to a full stop, before a capitalised word.
_FOOTNOTE = re.compile(r"\d{1,3}(?: \d{1,3})*(?=\s+[A-Z][a-z])")

_SCAN_LIMIT = 48  # how far to look for a neighbouring word; keeps junk input linear


def _prev_token(para: str, s: int, lo: int) -> str:
    j = s
    stop = max(lo, s - _SCAN_LIMIT)
    while j > stop and not para[j - 1].isspace():
        j -= 1
    return para[j:s]


def _next_token(para: str, n: int) -> str:
    j = n
    stop = min(len(para), n + _SCAN_LIMIT)
    while j < stop and not para[j].isspace():
        j += 1
    return para[n:j]


def _bare(word: str) -> str:
    return word.strip(_OPENERS + _CLOSERS + ",;:").lower()


def _is_capital(c: str) -> bool:
    return c.isalpha() and not c.islower()


def _starts_like_sentence(c: str, nxt: str) -> bool:
    if _is_capital(c) or c in _OPENERS or c in "•$£€#¿¡*":
        return True
    if c == "-" and nxt == "-":
        return True  # "What do you see? - Posted like ..." (a dialogue dash)
    return False


def _period_boundary(word: str, c: str, nxt: str) -> bool:
    """Whether "word." followed by a word starting with ``c`` ends a sentence."""
    core = word.lstrip(_OPENERS + "-–—")
    if "-" in core[1:]:
        core = core.rsplit("-", 1)[1] or core  # "then-Sen.", "ex-Gov."
    low = core.lower()
    if c.isdigit():
        # "said. 25 people died" ends a sentence; "No. 5", "News Corp. 18 months", "1999. 2000" rarely do
        return not (low in _BEFORE_NUMBER or low in _TITLES or low in _SUFFIXES or core in _STATES
                    or _NUMBER.fullmatch(core) or len(core) < 2 or "." in core)
    if not _starts_like_sentence(c, nxt):
        return False
    starter = _bare(nxt) in _STARTERS
    if low in _TITLES:
        return False
    if low in _SUFFIXES or core in _STATES:
        return starter
    if len(core) == 1 and core.isalpha():
        return starter  # an initial ("George W. Bush") unless a sentence obviously starts
    if "." in core and not _URLISH.search(core):
        pieces = core.split(".")
        if all(1 <= len(p) <= 3 and p.isalpha() for p in pieces):
            if low in ("a.m", "p.m") and core in ("A.M", "P.M"):
                return _is_capital(c)
            return starter  # "U.S. Army" vs "the U.S. The"
    return True


def boundary(para: str, m: re.Match[str], last_cut: int) -> int | None:
    """Offset where the sentence ends for terminator match ``m``, or None if it does not end."""
    s, e = m.start(), m.end()
    run, close = m.group("run"), m.group("close")
    # Only the start of a sentence matters here; long gaps are cut short to stay linear.
    so_far = para[last_cut:s].strip() if s - last_cut <= 64 else "..."
    if not so_far:
        return None  # ". . . The practice": an ellipsis that opens a sentence
    n = len(para)
    if e < n and not para[e].isspace():
        return _glued_boundary(para, m, last_cut)
    word = _prev_token(para, s, last_cut)
    if word and not word.strip(_OPENERS):
        if not (word.endswith("[") and close.startswith("]") and run[0] in ".…"):
            return None  # "[?]", "(!)": a comment, not the end of a sentence
        # "[...] However": an omission that ends the quoted sentence, but "[...] used" does not
        j = e
        while j < n and para[j].isspace():
            j += 1
        return e if j < n and close == "]" and _is_capital(para[j]) else None
    if _MARKER_WORD.fullmatch(so_far) and run[0] == ".":
        return None  # "1. The first item", "Q. What is ...", "a.) one"
    if e >= n:
        return e
    j = e
    while j < n and para[j].isspace():
        j += 1
    if j >= n:
        return e
    c = para[j]
    nxt = _next_token(para, j)
    if "!" in run or "?" in run or "‽" in run or run[0] in _CJK_TERMINAL:
        if c.isdigit():
            return None
        return e if _starts_like_sentence(c, nxt) else None
    dots = run.count(".") + run.count("…")
    if dots >= 2 or "…" in run:
        if " " in run and not close:
            attached = not para[s - 1].isspace()
            if attached and run.count(".") >= 4 and _starts_like_sentence(c, nxt):
                return s + 1  # "compounds. . . . The": a full stop, then an ellipsis
            if not attached and run.count(".") == 3:
                return None  # ". . ." between spaces marks an omission inside a sentence
        return e if _starts_like_sentence(c, nxt) else None
    return e if _period_boundary(word, c, nxt) else None


def _glued_boundary(para: str, m: re.Match[str], last_cut: int) -> int | None:
    """Terminators with no space after them: "world.Today", "one．Two", "(1987).1 According",
    but not "U.S.A", "3.5" or URLs."""
    s, e = m.start(), m.end()
    run, close = m.group("run"), m.group("close")
    if run[-1] in _CJK_TERMINAL:
        return e
    if run != "." or close or s == 0:
        return None
    after = para[e:e + 2]
    before = para[s - 1]
    if after[:1].isdigit():
        if before.islower() or before == ")":
            f = _FOOTNOTE.match(para, e)
            if f:
                return f.end()  # "... in a consultation.11 12 Take the example"
        return None
    if len(after) < 2 or not (after[0].isupper() and after[1].islower()):
        return None
    if not (before.islower() or before.isdigit()):
        return None
    word = _prev_token(para, s, last_cut)
    nxt = _next_token(para, e)
    if len(word) < 2 or len(nxt) < 3 or _URLISH.search(word + "." + nxt):
        return None
    return e  # "Hello world.Today is Tuesday."

