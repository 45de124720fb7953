"""Article text (+ participants, sentences) -> its direct quotes with speaker and rule."""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefgen.extract.quotes.authors import fix_speakers, with_speakers
from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.filters import MIN_WORDS, is_anchor, is_name_not_speech
from briefgen.extract.quotes.marks import Candidate, find_quotes
from briefgen.extract.quotes.merge import continue_speakers
from briefgen.extract.quotes.rules import attribute_quote
from briefgen.extract.quotes.site import Site
from briefgen.extract.quotes.windows import after_window, before_window, cue_right_before
from briefgen.model import Participant, Quote, Sentence
from briefgen.text.segment import split_sentences
from briefgen.text.spans import SpanIndex, paragraph_bounds

_LETTER_RE = re.compile(r"[^\W\d_]")


def extract_quotes(
    text: str, participants: Sequence[Participant] = (), sentences: Sequence[Sentence] | None = None
) -> tuple[Quote, ...]:
    """Direct quotes of ``text`` in order of appearance. ``sentences`` are the article's
    (Digest.sentences); without them the text is split once, the same way."""
    text = text or ""
    if not text.strip():
        return ()
    if not participants:
        # Imported here: participants is the heavier extractor and needs nothing from quotes.
        from briefgen.extract.participants import extract_participants

        participants = extract_participants(text)
    raws = find_quotes(text, SpanIndex(paragraph_bounds(text)))
    if not sentences:
        sentences = split_sentences(text)
    ctx = Context(text, tuple(participants), raws, [(s.start, s.end) for s in sentences])
    kept, anchors = _attribute_all(ctx, raws)
    with_speakers(ctx, kept)
    continue_speakers(ctx, sorted(kept + anchors, key=lambda r: r.start))
    fix_speakers(ctx, kept)
    return tuple(_to_quote(text, q) for q in kept)


def _prev_close(ctx: Context, raws: list[Candidate], i: int) -> int:
    """Where the before-window of raws[i] may start: after the previous quote; but "…
    addressing her as “Lena” and telling her, “…”": a quoted word or two earlier in the
    sentence (not opening it) does not hide the sentence's subject."""
    text = ctx.text
    prev_close = raws[i - 1].close_at if i else 0
    j, (s_start, _) = i - 1, ctx.sentences.span_of(raws[i].open_at)
    while (
        j >= 0
        and len(text[raws[j].start : raws[j].end].split()) < MIN_WORDS
        and ctx.sentences.span_of(raws[j].open_at)[0] == s_start
        and _LETTER_RE.search(text[s_start : raws[j].open_at])
    ):
        prev_close = raws[j - 1].close_at if j else 0
        j -= 1
    return prev_close


def _next_open(ctx: Context, raws: list[Candidate], i: int) -> int:
    """Where the after-window of raws[i] must end: at the next quote; but "“…,” Texas
    delegate Ann Read, wearing “Vote Ortiz” pins, said": a quoted word or two inside the
    same sentence, after some words, does not hide the cue behind it."""
    text = ctx.text
    j = i + 1
    s_end = ctx.sentences.span_of(raws[i].close_at - 1)[1] if raws[i].close_at else 0
    while (
        j < len(raws)
        and len(text[raws[j].start : raws[j].end].split()) < MIN_WORDS
        and raws[j].close_at <= s_end
        and _LETTER_RE.search(text[raws[j - 1].close_at : raws[j].open_at])
    ):
        j += 1
    return raws[j].open_at if j < len(raws) else len(text)


def _attribute_all(ctx: Context, raws: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """(quotes kept, short attributed phrases whose speaker carries on to the next quote)."""
    text = ctx.text
    kept: list[Candidate] = []
    anchors: list[Candidate] = []
    for i, q in enumerate(raws):
        content = text[q.start : q.end]
        prev_close = _prev_close(ctx, raws, i)
        if not content.split() or not _LETTER_RE.search(content):
            continue
        next_open = _next_open(ctx, raws, i)
        site = Site(ctx, q, after_window(text, q, next_open), before_window(ctx, q, prev_close))
        attributed = attribute_quote(ctx, site, cue_right_before(ctx, site.before))
        if is_anchor(q, content, attributed):
            if attributed:
                anchors.append(q)
            continue
        if not is_name_not_speech(ctx, q, content, attributed):
            kept.append(q)
    return kept, anchors


def _to_quote(text: str, q: Candidate) -> Quote:
    s, e = q.start, q.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Quote(
        text=text[s:e], start=s, end=e, speaker=q.speaker, speaker_mention=q.mention,
        cue=q.cue, rule=q.rule or "none", confidence=q.confidence,
    )
