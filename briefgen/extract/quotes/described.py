"""Is a quote's speaker a named person or organisation, or a description kept as written?

Speaker lists (a press brief's index, its "most quoted" chart) name people and organisations
only; "a police spokesperson", "one poster" or "the statement" stay on their quotes as
written but get no line of their own there.
"""

from __future__ import annotations

from briefgen.extract.quotes.vocab import DETERMINERS, NAME_PARTICLES, SUBJECT_PRONOUNS

_NAME_LINKS = frozenset({"of", "and", "for", "on", "&"})  # "the Council on Foreign Relations"


def is_named_speaker(speaker: str | None) -> bool:
    """True for a name ("Ada Okafor", "the European Union", "NATO"); False for a description
    led by a determiner or written in lower case, and for a bare pronoun."""
    words = (speaker or "").split()
    if not words:
        return False
    first = words[0].lower()
    if first in SUBJECT_PRONOUNS:
        return False
    if first in DETERMINERS - {"the"}:
        return False
    # "the European Union", "Ada de Souza" are names; "the minister", "The statement",
    # "the Republican candidate", "Ortiz's campaign manager" are not: a name is capitalised
    # to its end.
    rest = [w for w in (words[1:] if first == "the" else words) if w.lower() not in _NAME_LINKS | NAME_PARTICLES]
    return bool(rest) and all(w[:1].isupper() or not w[:1].isalpha() for w in rest)
