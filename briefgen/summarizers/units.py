"""Sentences of one article -> selection units: a quotation split over several sentences is one unit.

The segmenter splits inside quotations by default (news treebanks do, and it
scores better on sentence boundaries), so ``“We won. It was hard,” she said.``
arrives as two sentences. A summary holding only one of them would show half a
quotation, so summarizers choose among *units*: runs of consecutive sentences
of one paragraph that ``split_sentences(..., whole_quotes=True)`` keeps in one
sentence. A unit's text is its sentences' texts joined by one space.

``balanced`` is False when a unit's double quote marks still do not pair up
(a quotation running on into the next paragraph, a stray mark): such a unit
is itself a fragment and summarizers leave it out when they can.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Sequence

from ..model import Sentence


@dataclass(frozen=True)
class Unit:
    members: tuple[int, ...]  # positions in the input sequence, consecutive
    text: str
    paragraph: int
    balanced: bool


def balanced(text: str) -> bool:
    """Straight double quotes come in pairs and every “ has its ”."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def singletons(sentences: Sequence[Sentence]) -> list[Unit]:
    return [Unit((i,), s.text, s.paragraph, balanced(s.text)) for i, s in enumerate(sentences)]


def group(sentences: Sequence[Sentence]) -> list[Unit]:
    """Merge consecutive sentences that lie inside one balanced quotation."""
    try:
        from ..segment import split_sentences
    except ImportError:  # pragma: no cover - segment.py missing: no grouping, never fail
        return singletons(sentences)
    units: list[Unit] = []
    i, n = 0, len(sentences)
    while i < n:
        # one paragraph at a time: quotations never cross paragraphs for the segmenter
        j = i
        while j < n and sentences[j].paragraph == sentences[i].paragraph:
            j += 1
        units.extend(_group_paragraph(sentences, i, j, split_sentences))
        i = j
    return units


def _group_paragraph(sentences: Sequence[Sentence], lo: int, hi: int, split) -> list[Unit]:
    if hi - lo == 1 or not any(q in s.text for s in sentences[lo:hi] for q in '"“”'):
        return [Unit((k,), sentences[k].text, sentences[k].paragraph, balanced(sentences[k].text))
                for k in range(lo, hi)]
    # rebuild the paragraph (the caller has no article text), remembering where each sentence starts
    starts, parts, pos = [], [], 0
    for k in range(lo, hi):
        flat = " ".join(sentences[k].text.split())  # a hard-wrapped line must not look like a break
        starts.append(pos)
        parts.append(flat)
        pos += len(flat) + 1
    para = " ".join(parts)
    try:
        whole = [s.start for s in split(para, whole_quotes=True)]
    except Exception:  # pragma: no cover - segmentation must never stop a summary
        whole = list(starts)
    # the whole-quote sentence holding each sentence's first character
    owner = [bisect_right(whole, st) - 1 for st in starts]
    out: list[Unit] = []
    k = 0
    while k < len(owner):
        m = k + 1
        while m < len(owner) and owner[m] == owner[k]:
            m += 1
        members = tuple(range(lo + k, lo + m))
        text = " ".join(sentences[x].text for x in members)
        out.append(Unit(members, text, sentences[lo].paragraph, balanced(text)))
        k = m
    return out
