"""Paragraph text -> its quotations as (open, close) offsets, and those a sentence must not split."""

from __future__ import annotations

import re

_DOUBLE_QUOTES = re.compile(r"[\"“”„«»]|``|''")
_SINGLE_MARKS = re.compile(r"['‘’`]")

def quote_spans(para: str) -> list[tuple[int, int]]:
    """Balanced quotations in one paragraph as (opening index, closing index).

    An opening mark without a partner inside the paragraph is ignored, so a stray quote never
    protects the rest of the text.
    """
    spans: list[tuple[int, int]] = []
    opened = -1
    for m in _DOUBLE_QUOTES.finditer(para):
        i, q = m.start(), m.group()
        if q in "“„«" or q == "``":
            opened = i
        elif q in "”»" or q == "''":
            if opened >= 0:
                spans.append((opened, m.end() - 1))
                opened = -1
        elif opened >= 0:  # straight quote closing an open one
            spans.append((opened, i))
            opened = -1
        elif i == 0 or para[i - 1].isspace() or para[i - 1] in "([{—–-:/":
            opened = i
    # Single marks double as apostrophes, so a quotation opens only before a word and closes only
    # after one; whichever comes next wins, which keeps every span short and local.
    opened = -1
    n = len(para)
    for m in _SINGLE_MARKS.finditer(para):
        i = m.start()
        before = para[i - 1] if i else " "
        after = para[i + 1] if i + 1 < n else " "
        if before == "`" or after == "`":
            continue  # part of a ``double'' quote
        if (after.isalnum() or after == "_") and not (before.isalnum() or before in "'’`"):
            if para[i] != "’":
                opened = i
        elif opened >= 0 and not before.isspace() and before not in "'‘`" and \
                not (after.isalnum() or after in "'’"):
            if para[i] in "'’":
                spans.append((opened, i))
                opened = -1
    spans.sort()
    return spans


def _continues_after(para: str, pos: int) -> bool:
    """True when the text after ``pos`` carries on the same sentence (lower case or a comma)."""
    n = len(para)
    j = pos
    while j < n and para[j].isspace():
        j += 1
    if j >= n:
        return False
    c = para[j]
    return c.islower() or c in ",;:–—"


def protected_spans(para: str, whole_quotes: bool) -> list[tuple[int, int]]:
    """Quotations whose inner sentence punctuation must not split the sentence.

    A quotation followed by lower case or a comma ("“… future.” he added", "“… must,” said Lee")
    is part of one longer sentence. Other quotations are split at their own sentence ends, as
    news treebanks (GUM) do; ``whole_quotes`` keeps every balanced quotation whole instead.
    """
    spans = quote_spans(para)
    if whole_quotes:
        return spans
    return [(o, c) for o, c in spans if _continues_after(para, c + 1)]
