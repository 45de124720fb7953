"""Sentences of one article -> selection units: a quotation split over several sentences is one unit.

The segmenter splits inside quotations by default (news treebanks do, and it
scores better on sentence boundaries), so ``“We won. It was hard,” she said.``
arrives as two sentences. A summary holding only one of them would show half a
quotation, so summarizers choose among *units*: runs of consecutive sentences
of one paragraph that ``split_sentences(..., whole_quotes=True)`` keeps in one
sentence. A unit's text is its sentences' texts joined by one space.

``balanced`` is False when a unit's double quote marks still do not pair up
(a quotation that began in an earlier paragraph, a stray mark): such a unit
is itself a fragment and summarizers leave it out when they can. Before that
test, ``repair_quotes`` applies the typographic convention for quotations
that run over several paragraphs, which news copy flattened into one line
breaks: a paragraph of a continued quotation has no closing mark (one is
added when the unit ends its paragraph and the next paragraph re-opens the
quotation) and each new paragraph re-opens it (a re-opening mark inside one
unit, ``said: "A. "B."``, is dropped). The unit's ``text`` is the repaired one.
Where the copy ran such a quotation's paragraphs into one line, a sentence that
re-opens it marks an old paragraph break (``reopenings``): units are grouped
between those breaks and each part closed where its paragraph ended, so the
summary may quote one paragraph of it (``said: "A."``) as the article did.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from briefgen.model import Sentence
from briefgen.text.segment import split_sentences


@dataclass(frozen=True)
class Unit:
    members: tuple[int, ...]  # positions in the input sequence, consecutive
    text: str
    paragraph: int
    balanced: bool


_OPENING = re.compile(r'(?:^|(?<=[\s(\[{\u2014\u2013:-]))["\u201c](?=\S)|\u201c')
_CLOSING = re.compile(r'(?<=\S)["\u201d](?=$|[\s).,;:!?\]}\u2014\u2013-])|\u201d')


def repair_quotes(text: str, paragraph_continues: bool = False) -> str | None:
    """``text`` with multi-paragraph quotation marks fixed, or None when it is a fragment.

    ``paragraph_continues``: the unit ends its paragraph and the next paragraph
    opens with a quote mark, so a quotation still open at the end is closed.
    """
    if '"' not in text and "\u201c" not in text and "\u201d" not in text:
        return text
    out, last, is_open, style = [], 0, False, '"'
    for m in re.finditer('["\u201c\u201d]', text):
        k = m.start()
        opening = bool(_OPENING.match(text, k)) and not _CLOSING.match(text, k)
        closing = bool(_CLOSING.match(text, k)) and not opening
        if not opening and not closing:  # shape says nothing (" between spaces): toggle
            opening = not is_open
        if opening:
            if is_open:
                # a re-opening mark of a continued quotation: within one line it is spurious
                out.append(text[last:k])
                last = k + 1
                continue
            is_open, style = True, m.group(0)
        else:
            if not is_open:
                return None  # closes a quotation that began before this unit
            is_open = False
    out.append(text[last:])
    fixed = "".join(out)
    if is_open:
        if not paragraph_continues:
            return None
        fixed = fixed.rstrip() + ("\u201d" if style == "\u201c" else '"')
    return fixed


def balanced(text: str) -> bool:
    """Straight double quotes come in pairs and every “ has its ”."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def singletons(sentences: Sequence[Sentence]) -> list[Unit]:
    return [Unit((i,), s.text, s.paragraph, balanced(s.text)) for i, s in enumerate(sentences)]


def group(sentences: Sequence[Sentence]) -> list[Unit]:
    """Merge consecutive sentences that lie inside one balanced quotation."""
    units: list[Unit] = []
    i, n = 0, len(sentences)
    if n == 0:
        return units
    while i < n:
        # one paragraph at a time: quotations never cross paragraphs for the segmenter
        j = i
        while j < n and sentences[j].paragraph == sentences[i].paragraph:
            j += 1
        # a multi-paragraph quotation flattened into one line re-opens at each of its old
        # paragraph breaks: group each stretch between re-openings on its own
        cuts = [i] + reopenings(sentences, i, j) + [j]
        for lo, hi in zip(cuts, cuts[1:]):
            # before a re-opening the quotation is still open: close it where its old
            # paragraph ended, so the sentences it spans group as one quotation
            part = sentences if hi == j else _closed(sentences, lo, hi)
            units.extend(_group_paragraph(part, lo, hi))
        i = j
    return [_repaired(u, sentences) for u in units]


def _closed(sentences: Sequence[Sentence], lo: int, hi: int) -> list[Sentence]:
    """``sentences`` with the quotation open at the end of ``sentences[lo:hi]`` closed there
    (with a curly mark when the quotation opened with one)."""
    last = sentences[hi - 1]
    curly = any("\u201c" in s.text for s in sentences[lo:hi])
    out = list(sentences)
    out[hi - 1] = replace(last, text=last.text.rstrip() + ("\u201d" if curly else '"'))
    return out


def reopenings(sentences: Sequence[Sentence], lo: int, hi: int) -> list[int]:
    """The sentences of ``sentences[lo:hi]`` (one paragraph) that open with a quote mark while
    a quotation of the paragraph is still open: ``He said: "We won. "It was hard."`` is a
    quotation of two paragraphs run into one line, where the second re-opened it. Each such
    sentence starts a paragraph of the quotation, so a unit may end before it."""
    out: list[int] = []
    is_open = False
    for k in range(lo, hi):
        text = sentences[k].text.lstrip()
        for m in re.finditer('["\u201c\u201d]', text):
            at = m.start()
            opening = bool(_OPENING.match(text, at)) and not _CLOSING.match(text, at)
            closing = bool(_CLOSING.match(text, at)) and not opening
            if not opening and not closing:  # shape says nothing: toggle, as repair_quotes does
                opening = not is_open
            if opening:
                if is_open and at == 0 and k > lo:
                    out.append(k)
                is_open = True
            else:
                is_open = False
    return out


def _repaired(u: Unit, sentences: Sequence[Sentence]) -> Unit:
    nxt = u.members[-1] + 1
    # the next sentence, in a later paragraph or after a re-opening in this one (``reopenings``:
    # never inside this unit), opens a quotation: one this unit left open runs on there
    continues = nxt < len(sentences) and sentences[nxt].text.lstrip()[:1] in ('"', "\u201c")
    fixed = repair_quotes(u.text, continues)
    return Unit(u.members, u.text if fixed is None else fixed, u.paragraph, fixed is not None)


def _group_paragraph(sentences: Sequence[Sentence], lo: int, hi: int) -> list[Unit]:
    # a quotation that crosses a sentence boundary leaves an odd count of straight marks, or
    # more “ than ”, in some sentence before the boundary: where every sentence's marks pair
    # up, each sentence is its own unit and the paragraph need not be split again
    if hi - lo == 1 or all(balanced(s.text) for s in sentences[lo:hi]):
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
    whole = [s.start for s in split_sentences(para, whole_quotes=True)]
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
