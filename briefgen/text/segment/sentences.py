"""Text -> sentences as trimmed character spans, one paragraph at a time."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from briefgen.model import Sentence
from briefgen.text.segment.boundary import TERM, boundary
from briefgen.text.segment.cuts import list_cuts, unpunctuated_cuts
from briefgen.text.segment.paragraphs import split_paragraphs, trimmed
from briefgen.text.segment.quotations import protected_spans


def _sentence_spans(para: str, whole_quotes: bool) -> Iterator[tuple[int, int]]:
    protected = protected_spans(para, whole_quotes)
    open_at = [o for o, _ in protected]
    cuts = list_cuts(para)
    if ":" in para or "day," in para:
        cuts = sorted(set(cuts).union(unpunctuated_cuts(para)))
    ci = 0
    last_cut = 0
    for m in TERM.finditer(para):
        s = m.start()
        while ci < len(cuts) and cuts[ci] <= s:
            if cuts[ci] > last_cut:
                yield last_cut, cuts[ci]
                last_cut = cuts[ci]
            ci += 1
        # Inside a protected quotation, unless this punctuation run closes it ("… Monday.”").
        e = m.end()
        k = bisect_right(open_at, s) - 1
        if k >= 0 and s < protected[k][1] and e <= protected[k][1]:
            continue
        if k >= 1 and any(o < s and e <= c for o, c in protected[max(0, k - 3):k]):
            continue  # inside an enclosing quotation that began earlier
        end = boundary(para, m, last_cut)
        if end is not None and end > last_cut:
            yield last_cut, end
            last_cut = end
    for cut in cuts[ci:]:
        if cut > last_cut:
            yield last_cut, cut
            last_cut = cut
    yield last_cut, len(para)



def split_sentences(text: str, *, whole_quotes: bool = False) -> list[Sentence]:
    """Sentences of ``text`` as trimmed character spans; ``text[s.start:s.end] == s.text``.

    A sentence never crosses a paragraph (see ``split_paragraphs``). Quotations followed by their
    attribution stay in one sentence; ``whole_quotes=True`` never splits inside any quotation.
    """
    out: list[Sentence] = []
    for p_index, (ps, pe) in enumerate(split_paragraphs(text)):
        para = text[ps:pe]
        for s, e in _sentence_spans(para, whole_quotes):
            s, e = trimmed(para, s, e)
            if s < e:
                out.append(Sentence(index=len(out), start=ps + s, end=ps + e,
                                    text=text[ps + s:ps + e], paragraph=p_index))
    return out
