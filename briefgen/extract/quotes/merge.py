"""Attributed quotes in order -> split quotes and floating quote paragraphs carry on the
last speaker ("continuation" within a paragraph, "floating" for the next paragraph)."""

from __future__ import annotations

import re

from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.marks import Candidate
from briefgen.extract.quotes.phrases import abbrev_before
from briefgen.extract.quotes.vocab import PHRASAL_VERBS, SPEECH_FORMS

_SENTENCE_END_RE = re.compile(r"[.!?]\s")

CONTINUATION, FLOATING = ("continuation", 0.75), ("floating", 0.6)  # (rule, confidence)


def _inside(pos: int, span: tuple[int, int]) -> bool:
    return span[0] <= pos < span[1]


def continue_speakers(ctx: Context, quotes: list[Candidate]) -> None:
    """Give each unattributed quote the speaker of the quote before it, when nothing in
    between says someone else speaks."""
    last: Candidate | None = None
    for q in quotes:
        if q.rule:
            last = q
            continue
        if last is None or (not last.speaker and not last.mention):
            continue
        carried = _carry(ctx, last, q)
        if carried:
            q.rule, q.confidence = carried
            q.speaker, q.mention, q.cue, q.mention_span = last.speaker, last.mention, last.cue, last.mention_span
            last = q


def _carry(ctx: Context, last: Candidate, q: Candidate) -> tuple[str, float] | None:
    """(rule, confidence) when ``q`` continues ``last``'s speaker, else None."""
    para_q, para_last = ctx.paras.index_of(q.open_at), ctx.paras.index_of(last.open_at)
    if not last.speaker and para_q != para_last:
        return None  # only an unresolved "it"/"they" to carry over: too weak across paragraphs
    same_para, next_para = para_q == para_last, para_q == para_last + 1
    starts_para = ctx.paras.span_of(q.open_at)[0] == q.open_at
    # Another person named between the two quotes breaks the chain. People named in the
    # cue's own sentence ("…,” Ortiz told Channel 4.") are its objects, not new speakers.
    cue_end = ctx.sentences.span_of(last.cue_at)[1] if last.cue_at >= last.close_at else last.close_at
    named_between = any(
        max(last.close_at, cue_end) <= a < q.open_at and p.name != last.speaker and not _inside(a, last.mention_span)
        for a, _, p in ctx.person_mentions
    )
    if named_between and not same_para:
        return None
    if not same_para and _has_own_cue(ctx, q):
        return None  # the paragraph names its own speaker in a way no rule understood
    if same_para and named_between and _speech_between(ctx, last, q):
        return None  # "…,” Ortiz tweeted after Cole argued that “…”
    if same_para and not _continues_sentence(ctx, last, q):
        return None  # "… thanked Ortiz for “…”": the quote has its own introduction
    if same_para:
        return CONTINUATION
    if next_para and starts_para:
        return FLOATING
    return None


def _continues_sentence(ctx: Context, last: Candidate, q: Candidate) -> bool:
    """Does ``q`` follow ``last`` as a split quote ("“…,” he said, “…”") or open the next
    sentence ("“…,” he said. But “…”")? A new sentence with a longer introduction of its
    own ("The piece goes on to fault … for implying “…”") is someone else's."""
    between = ctx.text[last.close_at : q.open_at]
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(between) if not abbrev_before(between, m.start())]
    return not ends or len(between[ends[-1] :].split()) <= 3


def _speech_between(ctx: Context, last: Candidate, q: Candidate) -> bool:
    """Is another person the subject of a speech verb between the two quotes ("Cole
    argued that")? ``last``'s own cue does not count."""
    others = [
        b
        for a, b, p in ctx.person_mentions
        if last.close_at < a < q.open_at and p.name != last.speaker and not _inside(a, last.mention_span)
    ]
    for t in ctx.tokens(last.close_at, q.open_at):
        if (
            t.start != last.cue_at
            and not ctx.inside_quote(t.start)
            and (t.lower in SPEECH_FORMS or t.lower in PHRASAL_VERBS)
        ):
            if any(0 <= t.start - b <= 30 for b in others):
                return True
    return False


def _has_own_cue(ctx: Context, q: Candidate) -> bool:
    """Does the quote's paragraph hold a speech verb outside quotation marks?"""
    ps, pe = ctx.paras.span_of(q.open_at)
    return any(t.lower in SPEECH_FORMS and not ctx.inside_quote(t.start) for t in ctx.tokens(ps, pe))
