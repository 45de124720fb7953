"""Acronyms a text defines in brackets: text -> the acronyms ("the World Health
Organization (WHO)") and the names they stand for."""

from __future__ import annotations

import re

# "the World Health Organization (WHO)", "Elbury Electric Power Co. (EEPCO)"
_ACRONYM_DEF_RE = re.compile(r"[A-Z][\w.&'’-]*(?:\s+(?:of|for|and|the|on|[A-Z][\w.&'’-]*))*\s+\(([A-Z][A-Z&]{1,7})\)")
_NOT_LETTERS_RE = re.compile(r"[^A-Za-z]")


def spelled_names(text: str) -> frozenset[str]:
    """Names in capitals that spell a closed-class word: "US" (the country, not "us") and
    the acronyms the text defines in brackets ("the World Health Organization (WHO)")."""
    return frozenset(_ACRONYM_DEF_RE.findall(text)) | {"US"}


def acronym_of(text: str) -> dict[str, str]:
    """Acronym -> the capitalised name it is defined after, when its words spell it."""
    out: dict[str, str] = {}
    for m in _ACRONYM_DEF_RE.finditer(text):
        words = m.group(0)[: m.start(1) - m.start() - 1].split()
        acr = m.group(1)
        for start in range(len(words)):
            tail = [w for w in words[start:] if w[:1].isupper()]
            if words[start][:1].isupper() and _abbreviates(acr.replace("&", ""), tail):
                out[acr] = " ".join(words[start:]).rstrip(".")
                break
    return out


def _abbreviates(acr: str, words: list[str]) -> bool:
    """Is ``acr`` made of one leading piece of each word, in order ("WHO", "EEPCO")?"""
    if not words:
        return not acr
    w = _NOT_LETTERS_RE.sub("", words[0]).upper()
    return any(acr[:k] == w[:k] and _abbreviates(acr[k:], words[1:]) for k in range(1, min(len(acr), len(w)) + 1))
