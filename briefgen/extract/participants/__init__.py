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
from briefgen.model import Participant, Sentence

__all__ = ["explain", "extract_participants"]


def extract_participants(
    text: str, sentences: Sequence[Sentence] | None = None, *, ner: str | None = None
) -> tuple[Participant, ...]:
    """People, organizations and places of ``text``, most mentioned first.

    ``sentences`` is accepted for symmetry with the quote extractor; the rules read the
    shared tokens and need no sentence bounds. ``ner="spacy"`` (or ``BRIEFGEN_NER=spacy`` when
    ``ner`` is None) adds the optional statistical model's names to the rules' (see
    ``briefgen.extract.ner``); ``ner="rules"`` forces rules only. Without the model installed
    the rules are used alone.
    """
    spans = _ner.entities(text or "") if _ner.wanted(ner) else None
    return tuple(extract(text or "", spans))


def explain(text: str) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    """Every candidate name of ``text`` (rules only) -> (its first decided kind, "misc" for
    no participant or None for undecided; the names of all evidence rows that fired for it)."""
    trace: dict[str, tuple[str | None, tuple[str, ...]]] = {}
    extract(text or "", None, trace)
    return trace
