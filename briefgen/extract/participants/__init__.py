"""Participants: article text -> people, organizations and places, ranked by importance.

Rule-based and offline: capitalised word runs over the shared tokens (``runs``) are cut into
a role part ("Elbonian Prime Minister") and a name part ("Ana Ruiz") (``mentions``,
``roles``), classified from gazetteers (``gazetteer``) and a table of context evidence
(``evidence``, ``decide``), then merged within the article: surname-only and title forms
become aliases of the full name (``merge``). The stages run in ``pipeline``.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.extract import ner as _ner
from briefgen.extract.participants.pipeline import extract
from briefgen.extract.participants.resolve import key
from briefgen.model import Participant, Sentence

__all__ = ["explain", "extract_participants"]


def extract_participants(
    text: str, sentences: Sequence[Sentence] | None = None, *, ner: str | None = None, publisher: str | None = None
) -> tuple[Participant, ...]:
    """People, organizations and places of ``text``, most mentioned first.

    ``sentences`` is accepted for symmetry with the quote extractor; the rules read the
    shared tokens and need no sentence bounds. ``ner="spacy"`` (or ``BRIEFGEN_NER=spacy`` when
    ``ner`` is None) adds the optional statistical model's names to the rules' (see
    ``briefgen.extract.ner``); ``ner="rules"`` forces rules only. Without the model installed
    the rules are used alone. ``publisher`` (the article's outlet) is left out: an outlet
    naming itself ("Elbury Times' Ana Ruiz reported") is not a participant of the story.
    """
    spans = _ner.entities(text or "") if _ner.wanted(ner) else None
    found = tuple(extract(text or "", spans))
    if publisher and publisher.strip():
        own = key(publisher)
        found = tuple(p for p in found if own not in {key(n) for n in (p.name, *p.aliases)})
    return found


def explain(text: str) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    """Every candidate name of ``text`` (rules only) -> (its first decided kind, "misc" for
    no participant or None for undecided; the names of all evidence rows that fired for it)."""
    trace: dict[str, tuple[str | None, tuple[str, ...]]] = {}
    extract(text or "", None, trace)
    return trace
