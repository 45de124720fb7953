"""The unit a multi-document summary is chosen from: one sentence of the pool and its article."""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.model import Sentence


@dataclass(frozen=True)
class Candidate:
    """One sentence of the pool: its article (number and reference) and its clean text."""

    doc: int
    ref: str
    sentence: Sentence
    text: str
