"""Text -> the spans that credit rather than report: photo credits and caption labels
("Image: Ana Ruiz."), bylines ("By Ana Ruiz, Staff Writer") and the agency of a wire
dateline ("ELBURY (Reuters) -"). Names there are no participants of the story."""

from __future__ import annotations

import re

from briefgen.extract.participants import vocab
from briefgen.text import lexicon

_LABELS = vocab.alternation("caption_labels")
# "Image: Ana Ruiz.", "Photo credit: Elbury Times": a line opened by a caption label.
_CREDIT_LINE_RE = re.compile(rf"(?im)^[ \t]*(?:{_LABELS})(?:\s+credit)?s?[ \t]*:[^\n]*$")
# "By Ana Ruiz", "By Ana Ruiz, Elbury Times": a byline is a short line of its own.
_BYLINE_RE = re.compile(r"(?m)^[ \t]*By\s+[A-Z][^\n.!?]{1,80}$")
_WIRE_TAG_RE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z .,'’-]{1,60}\s*\((" + "|".join(
        re.escape(a) for a in sorted(lexicon.words("wire_agencies"), key=len, reverse=True)
    ) + r")\)"
)


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of credit lines, bylines and wire dateline agencies in ``text``."""
    spans = [m.span() for m in _CREDIT_LINE_RE.finditer(text)]
    spans += [m.span() for m in _BYLINE_RE.finditer(text) if len(m.group().split()) <= 8]
    spans += [m.span(1) for m in _WIRE_TAG_RE.finditer(text)]
    return spans
