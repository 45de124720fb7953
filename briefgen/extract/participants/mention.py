"""One mention of a candidate name in the text, with the evidence its context gave."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Mention:
    name: str
    start: int
    end: int
    ntokens: int
    role: str | None = None
    surface: str = ""  # title form as written ("President Ruiz"), when a title preceded it
    article: bool = False  # written like a thing: after "the", or before ", its …"
    club: float = 0.0  # next to a score or a result verb
    person: float = 0.0
    place: float = 0.0
    org: float = 0.0
    work: bool = False  # a title or a make: "the film Silver Harbour", "Skyhawk helicopters"
    cues: list[tuple[str, str]] = field(default_factory=list)  # (row name, kind) of the evidence that fired

    def add(self, cue: str, kind: str, weight: float) -> None:
        """Count one piece of evidence: a weight for a kind, or a flag for a thing."""
        self.cues.append((cue, kind))
        if kind == "person":
            self.person += weight
        elif kind == "place":
            self.place += weight
        elif kind == "organization":
            self.org += weight
        elif kind == "club":
            self.club += weight
        elif kind == "work":
            self.work = True
        else:  # "thing"
            self.article = True
