"""A candidate quote -> the stretches of text where its cue may sit.

After the quote: up to the end of its sentence (abbreviations do not end it). Before it:
back to the start of its sentence or paragraph, or the paragraph before when that one
ends with a colon ("Ortiz continued:").
"""

from __future__ import annotations

import re

from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.marks import Candidate
from briefgen.extract.quotes.phrases import abbrev_before
from briefgen.extract.quotes.vocab import SPEECH_FORMS
from briefgen.text.spans import ABBREVIATIONS

_AFTER_END_RE = re.compile(r"[.!?](?=\s)|\n")
_LAST_WORD_RE = re.compile(r"([\w.]+)$")
_SENTENCE_START_RE = re.compile(r"[.!?][”\"’']?\s+(?=[A-Z“\"])")
_SENTENCE_BREAK_RE = re.compile(r"[.!?][”\"’']?\s+(?=[A-Z“\"‘«]|$)")


def after_window(text: str, q: Candidate, next_open: int) -> tuple[int, int]:
    end = min(len(text), q.close_at + 220, next_open)
    for m in _AFTER_END_RE.finditer(text[q.close_at : end]):
        pos = q.close_at + m.start()
        word = _LAST_WORD_RE.search(text[max(0, pos - 10) : pos])
        w = word.group(1).lower() if word else ""
        # "said Sen. Ann Read", "said Rep. Ben Cole (D-Ohio)" go on past the period.
        if m.group() == "." and (w in ABBREVIATIONS or len(w) == 1 or "." in w):
            continue
        return q.close_at, q.close_at + m.end()
    return q.close_at, end


def before_window(ctx: Context, q: Candidate, prev_close: int) -> tuple[int, int]:
    text = ctx.text
    pstart = ctx.paras.span_of(q.open_at)[0]
    if pstart == q.open_at and pstart > 0:
        # A quote paragraph introduced by the paragraph before it ("Ortiz continued:").
        k = ctx.paras.index_of(q.open_at)
        if k > 0:
            ps, pe = ctx.paras.spans[k - 1]
            if text[ps:pe].rstrip().endswith(":"):
                start = max(ps, pe - 300)
                starts = list(_SENTENCE_START_RE.finditer(text[start:pe]))
                m = starts[-1] if starts else None
                start = start + m.end() if m else start
                # The colon's own sentence must be free of quotes; a quote earlier in the
                # paragraph ("“…” She went on to say:") does not stop it introducing this one.
                if prev_close <= start:
                    return start, pe
    start = max(prev_close, q.open_at - 300, pstart)
    s_start = ctx.sentences.span_of(q.open_at)[0]
    if s_start < q.open_at:
        start = max(start, s_start)
    # Do not reach back over a sentence end ("Mr. Cole" is not one).
    seg = text[start : q.open_at]
    last = None
    for m in _SENTENCE_BREAK_RE.finditer(seg):
        if m.group().startswith(".") and abbrev_before(seg, m.start()):
            continue
        last = m
    if last:
        start = start + last.end()
    return start, q.open_at


def cue_right_before(ctx: Context, window: tuple[int, int]) -> bool:
    """Does a speech verb sit among the last four words before the quote?"""
    return any(t.lower in SPEECH_FORMS for t in ctx.tokens(*window)[-4:])
