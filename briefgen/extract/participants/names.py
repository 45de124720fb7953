"""Facts about one word or name, shared by every stage: possessives, titles, demonyms,
sentence starts and the shape of a person's name. Word or offset -> bool / str."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

from briefgen.extract.participants import vocab
from briefgen.text import lexicon
from briefgen.text.spans import Token

INITIALS_RE = re.compile(r"(?:[A-Z]\.){1,3}")  # "C. Lewis", "J.R.R. Tolkien": initials open people's names
INITIALISM_RE = re.compile(r"(?:[A-Z]\.)+[A-Z]")  # "U.S", "J.K" (a token keeps inner full stops only)
# "Kim Soo-ah", "Lau Wai-man": a hyphenated given name after a short family name.
HYPHEN_GIVEN_RE = re.compile(r"[A-Z][a-z]{1,5} [A-Z][a-z]+-[a-z]+")
_PERSON_AT_RE = re.compile(r" ([A-Z][a-z]+ [A-Z][\w’'-]+)\b")
_PERSON_OF_RE = re.compile(r"(?<![\w.’'-])([A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][\w’'-]+) of (?:the )?$")
_OPENING_MARKS = "“\"‘'«([—–-"


@cache
def surnames() -> frozenset[str]:
    """Family names (``briefgen/data/surnames_census.txt``, built by scripts/make_surnames.py
    from the US Census surname table), exact case: "Kowalski", "Nguyen", "Hashimoto"."""
    text = resources.files("briefgen.data").joinpath("surnames_census.txt").read_text(encoding="utf-8")
    return frozenset(ln for ln in map(str.strip, text.splitlines()) if ln and not ln.startswith("#"))


def strip_possessive(s: str) -> str:
    if s.endswith(("’s", "'s")):
        return s[:-2]
    if s.endswith(("s’", "s'")):
        return s[:-1]
    return s


def is_title(word: str) -> bool:
    if len(word) > 3 and word.isupper() and word.isalpha():
        return False  # "FIRST Global": a word in capitals inside a name is part of it, no title
    w = word.lower().rstrip(".")
    # "Director-General", "Undersecretary-General": the compound is a title when its parts are.
    titles = lexicon.title_words()
    return (
        w in titles
        or (
            "-" in w
            and all(p in titles or p == "under" for p in w.replace("undersecretary", "under-secretary").split("-"))
        )
    )


def demonym_len(run: list[Token], k: int) -> int:
    """Number of tokens at run[k:] that form a demonym ("South Korean" -> 2)."""
    dem = lexicon.demonyms()
    if k + 1 < len(run) and f"{run[k].text} {run[k + 1].text}" in dem:
        return 2
    return 1 if run[k].text in dem else 0


def sentence_initial(text: str, start: int) -> bool:
    """Does the word at ``start`` open a sentence (or a line, or a quotation after one)?"""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i < 0:
        return True
    # After an opening quote or bracket, look further back.
    if text[i] in _OPENING_MARKS:
        j = i - 1
        while j >= 0 and text[j] in " \t\u00a0":
            j -= 1
        return j < 0 or text[j] in ".!?:\n,“\"”'’—–-" or text[i] in "“\"‘«("
    return text[i] in ".!?\n:;…"


def personal(name: str) -> bool:
    """Is this two- or three-word name shaped like a person's: a given name first
    ("Tessa Law") or a hyphenated given name after a short family name ("Yau Ka-ming")?"""
    return name.split()[0] in lexicon.first_names() or bool(HYPHEN_GIVEN_RE.fullmatch(name))


def person_of_before(text: str, start: int) -> bool:
    """Does "<person's name> of [the]" end at ``start`` ("Mira Holt of Veltra")?"""
    window = text[max(0, start - 50) : start]
    if not window.endswith((" of ", " of the ")):
        return False  # a cheap test before the search
    m = _PERSON_OF_RE.search(window)
    return m is not None and personal(m.group(1))


def person_shaped_at(text: str, pos: int) -> bool:
    """Does a person's name ("Tessa Law", "Yau Ka-ming") start after the space at ``pos``?"""
    m = _PERSON_AT_RE.match(text[pos : pos + 40])
    return m is not None and personal(m.group(1))


def looks_like_person_name(name: str) -> bool:
    """Two to four capitalised words, none of them a place, organisation word or nationality."""
    words = name.split()
    if not 2 <= len(words) <= 4 or name.isupper():
        return False
    suffixes, prefixes, orgs = lexicon.org_cues()
    for w in words:
        if not (w[:1].isupper() or w in vocab.NAME_PARTICLES):
            return False
        if w in lexicon.places() or w in suffixes or w in prefixes or w in lexicon.demonyms() or w in orgs:
            return False
        if w.isupper() and len(w) > 1 and not INITIALS_RE.fullmatch(w) or any(c.isdigit() for c in w):
            return False
    return True

# "Elbury-based", "Top-seeded", "Family-controlled": a hyphen then a lower-case word.
# Hong Kong and Korean given names ("Siu-lai", "Jae-in") also have a lower-case part, so only
# participle-like endings count.
HYPHEN_TAIL_RE = re.compile(r"-[a-z]+(?:ed|born|run|made|style|listed)$")
