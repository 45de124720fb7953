"""Paragraph text -> offsets where a sentence starts with no punctuation before it.

List items that run on inside one paragraph ("1. A 2. B"), picture credits ("... Image: Twitter")
and datelines ("Thursday, May 7, 2015 On Tuesday, ...").
"""

from __future__ import annotations

import re

# List items: "1.", "2)", "a.", "(iv)", "• 9.", "⁃10." at the start or after whitespace.
_MARKER = re.compile(
    r"(?<!\S)(?P<bullet>[•⁃▪‣◦·*][^\S\n]*)?(?P<open>\()?"
    r"(?P<val>\d{1,2}|[a-zA-Z]|[ivx]{2,4}|[IVX]{2,4})(?P<close>\.\)|\.|\))(?=\s)"
)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}

def _roman(s: str) -> int:
    total = 0
    prev = 0
    for ch in reversed(s.lower()):
        v = _ROMAN.get(ch, 0)
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


# Picture credits ("... Ahmed Mohamed Image: Twitter") and datelines ("Thursday, May 7, 2015 On
# Tuesday, ...") start a new sentence even though nothing punctuates the end of the previous one.
_CREDIT = re.compile(r"(?<=[^\s:])[^\S\n]+(?P<cut>(?:Image|Photo|Photograph|Picture)s?:[^\S\n])")
_DATELINE = re.compile(
    r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,[^\S\n]+[A-Z][a-z]+\.?[^\S\n]+\d{1,2},[^\S\n]+\d{4}"
    r"[^\S\n]+(?P<cut>[A-Z])"
)


def unpunctuated_cuts(para: str) -> list[int]:
    cuts = [m.start("cut") for m in _CREDIT.finditer(para)]
    m = _DATELINE.match(para)
    if m:
        cuts.append(m.start("cut"))
    return cuts


def list_cuts(para: str) -> list[int]:
    """Start offsets of list items that run on inside one paragraph ("1. A 2. B", "a) x b) y").

    A marker counts only as part of a sequence (1, 2 or a, b, c), because a lone "I." or "2." is
    usually a pronoun, an initial or a number.
    """
    found: list[tuple[str, int, int, bool]] = []  # kind, value, start, next-is-upper
    for m in _MARKER.finditer(para):
        val = m.group("val")
        # bullets make any sequence a list ("• 9. ... • 10."); bare markers must count from 1 or a
        style = ("•" if m.group("bullet") else "") + (m.group("open") or "") + m.group("close")
        j = m.end()
        while j < len(para) and para[j].isspace():
            j += 1
        upper = j < len(para) and not para[j].islower()
        start = m.start()
        if val.isdigit():
            found.append(("d" + style, int(val), start, upper))
        else:
            if len(val) == 1:
                found.append(("a" + style if val.islower() else "A" + style,
                              ord(val.lower()) - 96, start, upper))
            if set(val.lower()) <= set("ivx"):
                found.append(("r" + style, _roman(val), start, upper))
    if len(found) < 2:
        return []
    cuts: set[int] = set()
    by_kind: dict[str, list[tuple[int, int, bool]]] = {}
    for kind, value, start, upper in found:
        by_kind.setdefault(kind, []).append((value, start, upper))
    for kind, items in by_kind.items():
        need = 2 if kind[0] in "dr" else 3
        # chains of consecutive values in text order
        chains: list[list[tuple[int, int, bool]]] = []
        waiting: dict[int, list[tuple[int, int, bool]]] = {}  # next value -> chain expecting it
        for item in items:
            chain = waiting.pop(item[0], None)
            if chain is None:
                chain = []
                chains.append(chain)
            chain.append(item)
            waiting[item[0] + 1] = chain
        for chain in chains:
            if len(chain) < need or (kind[0] == "d" and "•" not in kind and chain[0][0] != 1):
                continue
            if kind[0] == "d" and "." in kind and not all(u for _, _, u in chain):
                continue  # "for 1. above ... for 2. above" is prose, not a list
            cuts.update(start for _, start, _ in chain)
    return sorted(cuts)

