"""The optional model's entity spans (``briefgen.extract.ner``) -> mentions cleaned the way
rule mentions are: no leading article, possessive or role, only spans that look like names."""

from __future__ import annotations

import re

from briefgen.extract.participants import vocab
from briefgen.extract.participants.mention import Mention
from briefgen.extract.participants.names import is_title, strip_possessive
from briefgen.text import lexicon

_JOINS_RE = re.compile(r"\s+(?:and|&)\s+(?=[A-Z])")
_PERSON_JOINS_RE = re.compile(r"\s+(?:and|&)\s+(?=[A-Z])|\s+of\s+(?=[A-Z])")
_NUMBERS_TAIL_RE = re.compile(r"(?:\s+\S*\d\S*)+$")
_LEAD_RE = re.compile(r"(?:the|The|a|an)\s+")
_TWO_LETTERS_RE = re.compile(r"[^\W\d_]{2}")


def model_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[Mention, str]]:
    """(mention, the model's kind) for each usable piece of the model's spans."""
    out = []
    for start, end, kind in _pieces(text, spans):
        tail = _NUMBERS_TAIL_RE.search(text[start:end])
        if tail:
            end = start + tail.start()  # "A. Vale 4-70" ends before the score
        lead = _LEAD_RE.match(text[start:end])
        if lead:
            start += lead.end()
        name = strip_possessive(text[start:end]).strip()
        words = name.split()
        if kind == "person":
            # Keep the name after a leading role the model swallowed ("President Ruiz").
            k = 0
            while k < len(words) - 1 and (
                is_title(words[k]) or words[k] in lexicon.demonyms() or words[k].lower() in vocab.ROLE_MODIFIERS
            ):
                k += 1
            if k:
                start += len(" ".join(words[:k])) + 1
                name = " ".join(words[k:])
                words = words[k:]
        if _usable(name, words):
            out.append((Mention(name=name, start=start, end=start + len(name), ntokens=len(words)), kind))
    return out


def _pieces(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    # "Veltra and Korvex Corp" are two names; "Ana Ruiz of Korvex Banks" is a person of an
    # organisation (the organisation after "of" is the rules' or the model's own business).
    pieces: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        pos = start
        for m in (_PERSON_JOINS_RE if kind == "person" else _JOINS_RE).finditer(text[start:end]):
            pieces.append((pos, start + m.start(), kind))
            pos = start + m.end()
            if "of" in m.group():
                pos = end
                break
        if pos < end:
            pieces.append((pos, end, kind))
    return pieces


def _usable(name: str, words: list[str]) -> bool:
    return not (
        not words
        or not name[:1].isupper()
        or "\n" in name
        or name.lower() in lexicon.NON_NAMES
        or name in lexicon.demonyms()
        or is_title(words[-1])
        or not _TWO_LETTERS_RE.search(name)
    )
