"""Text -> paragraph spans: blank lines always separate, single newlines unless the block is hard-wrapped."""

from __future__ import annotations

import re

# A blank line (possibly holding spaces) always ends a paragraph.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
# "\r" alone is a line break too (old Mac files, some CMS exports).
_LINE_OR_CR = re.compile(r"[^\n\r]+")
_LINE_END_TERMINAL = re.compile(r"""[.!?…:;"”’'»)\]]\s*$""")


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when a block's single newlines look like a fixed-width wrap, not paragraph breaks.

    One-paragraph-per-line text (the seed articles) has lines of very different lengths that end
    in sentence punctuation; wrapped prose has lines of nearly equal width that mostly end mid-clause.
    """
    body = [ln.strip() for ln in lines[:-1]]
    if not body:
        return False
    if len(body) == 1:
        # two lines are too few to judge widths: join only a clause broken before a lower-case word
        nxt = lines[-1].lstrip()
        return (len(body[0]) >= 30 and not _LINE_END_TERMINAL.search(body[0])
                and nxt[:1].islower())
    widest = max(len(ln) for ln in body)
    if not 30 <= widest <= 120:
        return False
    even = sum(1 for ln in body if len(ln) >= 0.6 * widest)
    open_ended = sum(1 for ln in body if not _LINE_END_TERMINAL.search(ln))
    return even >= 0.75 * len(body) and open_ended >= 0.6 * len(body)


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans of ``text``, trimmed of whitespace, in order and never empty.

    Blank lines separate paragraphs. Inside a block, each line is its own paragraph unless the
    block looks hard-wrapped (see ``_is_hard_wrapped``), in which case the block is one paragraph.
    """
    if not isinstance(text, str) or not text:
        return []
    spans: list[tuple[int, int]] = []
    block_start = 0
    breaks = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)] + [(len(text), len(text))]
    for b_start, b_end in breaks:
        lines = _lines(text, block_start, b_start)
        if len(lines) > 1 and _is_hard_wrapped([text[s:e] for s, e in lines]):
            lines = [(lines[0][0], lines[-1][1])]
        for s, e in lines:
            s, e = trimmed(text, s, e)
            if s < e:
                spans.append((s, e))
        block_start = b_end
    return spans


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in _LINE_OR_CR.finditer(text, start, end):
        if not text[m.start():m.end()].isspace():
            out.append((m.start(), m.end()))
    return out
