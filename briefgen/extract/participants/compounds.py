"""Mentions -> mentions with compounds cut into the names they join: "Ruiz-Vale" into two
known names, "the Ana Ruiz Elbury victory party" into a person and a place; "Rolls-Royce"
and "Guinea-Bissau" stay whole."""

from __future__ import annotations

from briefgen.extract.participants import vocab
from briefgen.extract.participants.mention import Mention
from briefgen.text import lexicon


def split_compounds(mentions: list[Mention]) -> list[Mention]:
    known = {m.name for m in mentions if "-" not in m.name}
    out: list[Mention] = []
    for m in mentions:
        parts = _name_then_place(m, known)
        if parts is None and m.ntokens == 1 and "-" in m.name:
            parts = _hyphen_parts(m, known)
        out.extend([m] if parts is None else parts)
    return out


def _name_then_place(m: Mention, known: set[str]) -> list[Mention] | None:
    # "the Ana Ruiz Elbury victory party": a known name run into a known place.
    words = m.name.split()
    cut = next(
        (
            k
            for k in range(2, len(words) - 1)
            if " ".join(words[:k]) in known and " ".join(words[k:]) in lexicon.places()
        ),
        None,
    )
    if cut is None:
        return None
    head = " ".join(words[:cut])
    tail_at = m.start + m.name.index(" ".join(words[cut:]), len(head))
    place = Mention(name=m.name[tail_at - m.start :], start=tail_at, end=m.end, ntokens=len(words) - cut)
    place.add("known place after a known name", "place", 2.0)
    return [Mention(name=head, start=m.start, end=m.start + len(head), ntokens=cut), place]


def _hyphen_parts(m: Mention, known: set[str]) -> list[Mention] | None:
    """The known names a one-word hyphenated mention joins; None keeps it whole, [] drops it."""
    parts = m.name.split("-")
    if parts[0].lower() in vocab.STANCE_PREFIXES:
        return []  # "Pro-Elbury", "Anti-Ruiz": a stance, not a participant
    if m.name in lexicon.org_cues()[2] or m.name in lexicon.places():
        return None  # "Itar-Tass", "Guinea-Bissau" are names as a whole
    if any(p in known or p in lexicon.places() for p in parts):
        out, pos = [], m.start
        for p in parts:
            if p[:1].isupper() and (p in known or p in lexicon.places()):
                out.append(Mention(name=p, start=pos, end=pos + len(p), ntokens=1))
            pos += len(p) + 1
        return out
    if not all(p[:1].isupper() for p in parts):
        return []  # "Elbury-led": drop unless the part is known
    return None
