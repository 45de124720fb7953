"""Character-level helpers shared by quote and participant extraction.

text -> word tokens with offsets, sentence and paragraph bounds (offsets only).
These are deliberately light: quote attribution needs clause context, not a
linguistically perfect segmentation, and must never raise on odd input.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from briefgen.text import lexicon

# Words, keeping internal apostrophes, hyphens, periods and ampersands ("O'Neil",
# "Nara-Takaichi’s", "U.S", "AT&T") inside one token. Runs of letters and digits joined by one
# mark: the same tokens as a per-character loop with a look-ahead, matched faster.
_TOKEN_RE = re.compile(r"[^\W_]+(?:[’'\-.&][^\W_]+)*")

# Abbreviations after which a period does not end a sentence (lower-case). The titles and
# months are the segmenter's own lists; the segmenter decides the rest ("No.", "Inc.", "etc.")
# from the words around them, which this one flat rule cannot, so it keeps them as a
# separate list (see abbrev_inline.txt).
ABBREVIATIONS: frozenset[str] = (
    lexicon.words("abbrev_titles") | lexicon.words("abbrev_months") | lexicon.words("abbrev_inline")
)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def lower(self) -> str:
        return self.text.lower()


# Tokens are made by the thousand per article: set their slots directly rather than through
# the frozen dataclass's __init__ (three object.__setattr__ calls behind a Python frame).
_new_token = object.__new__
_set_text, _set_start, _set_end = (vars(Token)[f].__set__ for f in ("text", "start", "end"))


def tokenize(text: str, offset: int = 0, kind: type[Token] = Token) -> list[Token]:
    """The word tokens of ``text``, their offsets shifted by ``offset`` (``text`` a slice of a
    longer text), each of class ``kind`` (Token or a subclass of it)."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        t = _new_token(kind)
        _set_text(t, m.group())
        _set_start(t, m.start() + offset)
        _set_end(t, m.end() + offset)
        out.append(t)
    return out


def last_word(text: str, lo: int, end: int) -> tuple[int, int]:
    """(start, end) of the last word of ``text[lo:end]``, the space after it left out (empty at
    ``lo`` when there is none). The searches for a phrase ending right before a name test it
    first: a regex anchored at the end of its window still tries every offset in it."""
    i = end
    while i > lo and text[i - 1].isspace():
        i -= 1
    j = i
    while j > lo and not text[j - 1].isspace():
        j -= 1
    return j, i


def spaced_pattern(name: str) -> str:
    """Regex source for a name written with plain spaces, found however the text spaces
    it ("Newt\u00a0Gingrich", a line break)."""
    return r"\s+".join(map(re.escape, name.split()))


_BOUNDARY_RE = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9])|\n+")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; newlines always end a sentence."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(text):
        if m.group().startswith((".",)) and m.group()[:2] != "..":
            word = re.search(r"([\w.]+)$", text[max(0, m.start() - 12) : m.start()])
            w = word.group(1).lower() if word else ""
            # "Mr. Lee", "U.S. officials", "J. Smith" do not end sentences.
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", w):
                continue
        end = m.end()
        if text[start:end].strip():
            bounds.append((start, end))
        start = end
    if text[start:].strip():
        bounds.append((start, len(text)))
    # Trim surrounding whitespace so spans start on a character.
    out = []
    for s, e in bounds:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line; a line break starts a new paragraph."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        if text[s:e].strip():
            out.append((s, e))
    return out


class SpanIndex:
    """Find which span (sentence or paragraph) contains an offset, in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self._starts = [s for s, _ in spans]

    def index_of(self, offset: int) -> int:
        i = bisect.bisect_right(self._starts, offset) - 1
        return max(i, 0)

    def span_of(self, offset: int) -> tuple[int, int]:
        if not self.spans:
            return (0, 0)
        return self.spans[self.index_of(offset)]
