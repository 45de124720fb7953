"""Text -> candidate quote spans, from the quotation marks themselves.

Curly, straight, single, guillemets and ``backtick'' pairs; never from sentences, because
sentence splitters cut quotes apart. An unclosed quote runs to the end of its paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.extract.quotes.vocab import SPEECH_FORMS, SUBJECT_PRONOUNS
from briefgen.text.spans import SpanIndex, Token

_DOUBLE_OPEN = {"“": "double", "«": "guillemet", "„": "double", "``": "double"}
# '' is ambiguous like a straight double quote: NYT writes ''quoted words'' with it.
_DOUBLE_CLOSE = {"”": "double", "»": "guillemet"}
MARK_RE = re.compile(r"``|''(?!')|[“”«»„\"]")
_SINGLE_RE = re.compile(r"[‘’']")
DASHES = "—–―-"  # em, en, horizontal bar (vox-pop signatures), hyphen
OPENERS_BEFORE = set(" \t\n\u00a0([{/:;," + DASHES)  # a quote opens after these
CLOSERS_AFTER = set(" \t\n\u00a0)]}.,;:!?/…" + DASHES)  # a quote closes before these
_END_PUNCT = set(",.!?…" + DASHES)
_PLURAL_POSSESSIVE_RE = re.compile(r" ([a-z]+)")


@dataclass
class Candidate:
    """A quoted span and, once a rule decided, its attribution (filled in by the rules)."""

    start: int  # offsets of the quoted words
    end: int
    open_at: int  # offset of the opening mark
    close_at: int  # offset just after the closing mark (== end when unclosed)
    closed: bool = True
    speaker: str | None = None
    mention: str | None = None
    cue: str | None = None
    rule: str = ""
    confidence: float = 0.0
    cue_at: int = -1
    mention_span: tuple[int, int] = (-1, -1)  # where the speaker is named
    # "“…” He added, “…”": the cue belongs to the next quote, but "added" says the same
    # person spoke before; used only when nothing else attributes this quote.
    added_by: tuple[tuple[int, int], Token] | None = None


def find_quotes(text: str, paras: SpanIndex) -> list[Candidate]:
    """Every double-quoted span, then single-quoted spans outside them, by start."""
    found = find_double(text, paras)
    found += find_single(text, [(r.open_at, r.close_at) for r in found], paras)
    found.sort(key=lambda r: r.start)
    return found


def double_marks(text: str) -> list[tuple[int, int, str]]:
    """(offset, length, 'open'|'close'|'either') for each double quotation mark."""
    marks = []
    for m in MARK_RE.finditer(text):
        ch, pos = m.group(), m.start()
        if ch == "“" and _closes_like_end_mark(text, pos):
            role = "close"  # "“Not yet,“ he said.": an opening mark typed where the quote ends
        elif ch in _DOUBLE_OPEN:
            role = "open"
        elif ch in _DOUBLE_CLOSE:
            role = "close"
        else:
            before = text[pos - 1] if pos else " "
            after = text[pos + len(ch)] if pos + len(ch) < len(text) else " "
            if before in OPENERS_BEFORE and after not in CLOSERS_AFTER:
                role = "open"
            elif after in CLOSERS_AFTER or after in "\"'’”":
                role = "close"
            else:
                role = "either"
        marks.append((pos, len(ch), role))
    return marks


def _closes_like_end_mark(text: str, pos: int) -> bool:
    """Is the left mark at ``pos`` written where a quote ends? After the quote's last
    punctuation and before a space or line end, no quote can open ("fascist?“ he asked",
    "—.“"); an opening mark is followed by the quoted word."""
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    return before in _END_PUNCT and after in " \t\n\u00a0"


def find_double(text: str, paras: SpanIndex) -> list[Candidate]:
    found: list[Candidate] = []
    open_at: tuple[int, int] | None = None

    def flush_unclosed(pos: int, length: int) -> None:
        # An unclosed quote runs to the end of its paragraph (multi-paragraph quotes
        # leave the closing mark off every paragraph but the last).
        _, pend = paras.span_of(pos)
        found.append(Candidate(start=pos + length, end=pend, open_at=pos, close_at=pend, closed=False))

    for pos, length, role in double_marks(text):
        if open_at is not None and paras.index_of(pos) != paras.index_of(open_at[0]):
            flush_unclosed(*open_at)
            open_at = None
        if open_at is None:
            if role in ("open", "either"):
                open_at = (pos, length)
            continue
        if role in ("close", "either"):
            found.append(Candidate(start=open_at[0] + open_at[1], end=pos, open_at=open_at[0], close_at=pos + length))
            open_at = None
        else:  # a second opening mark: the first one was never closed
            if paras.span_of(open_at[0])[0] == open_at[0]:
                flush_unclosed(*open_at)
            open_at = (pos, length)
    if open_at is not None:
        flush_unclosed(*open_at)
    return found


def find_single(text: str, taken: list[tuple[int, int]], paras: SpanIndex) -> list[Candidate]:
    """Single-quoted spans outside double quotes; apostrophes are not quote marks."""
    found = []
    pending: int | None = None
    for m in _SINGLE_RE.finditer(text):
        pos = m.start()
        if any(a <= pos < b for a, b in taken):
            continue
        before = text[pos - 1] if pos else " "
        after = text[pos + 1] if pos + 1 < len(text) else " "
        is_open = m.group() != "’" and before in OPENERS_BEFORE | {"“", '"'} and after.isalnum()
        is_close = m.group() != "‘" and not before.isspace() and (after in CLOSERS_AFTER or after in "”\"")
        if before.isalpha() and after.isalpha():
            continue  # don't, O’Neil
        if pending is not None and paras.index_of(pos) != paras.index_of(pending):
            pending = None
        if pending is None:
            if is_open:
                pending = pos
        elif is_close and not (before == "s" and after == " " and _looks_possessive(text, pos)):
            found.append(Candidate(start=pending + 1, end=pos, open_at=pending, close_at=pos + 1))
            pending = None
    return found


def _looks_possessive(text: str, pos: int) -> bool:
    # "the players' union": a plural possessive followed by a lower-case noun.
    nxt = _PLURAL_POSSESSIVE_RE.match(text[pos + 1 : pos + 20])
    return nxt is not None and nxt.group(1) not in SPEECH_FORMS and nxt.group(1) not in SUBJECT_PRONOUNS
