"""Text -> participants, stage by stage: mentions (``headlines``, ``mentions``), a kind per
name (``decide``), kinds shared along lists and sports reports (``lists``), the optional
model's extra names, then one entry per entity (``merge``, then ``resolve``: aliases,
acronyms and short forms)."""

from __future__ import annotations

import re
from collections import defaultdict

from briefgen.extract.participants.acronyms import acronym_of
from briefgen.extract.participants.compounds import split_compounds
from briefgen.extract.participants.credits import credit_spans
from briefgen.extract.participants.decide import Story, decide, quoted_titles, sports_context
from briefgen.extract.participants.gazetteer import kind_of
from briefgen.extract.participants.headlines import collect
from briefgen.extract.participants.lists import kinds_from_list_heads, kinds_from_lists, places_beside_places
from briefgen.extract.participants.mention import Mention
from briefgen.extract.participants.merge import (
    company_owners,
    drop_things_named_after_people,
    kinds_of_acronyms,
    participants,
    people_named_like_companies,
    person_owners,
)
from briefgen.extract.participants.model_spans import model_names
from briefgen.extract.participants.resolve import resolve
from briefgen.model import Participant
from briefgen.text import lexicon
from briefgen.text.spans import tokenize

_LOWER_WORD_RE = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
_NAME_PARTS_RE = re.compile(r"[\s-]+")
# The small model calls many one-off capitalised words ORG; a model-only organisation needs
# two mentions (or an organisation head word). Tuned on CoNLL train: org F1 69.4 -> 70.4.
_MODEL_ORG_MIN = 2

ByName = dict[str, list[Mention]]


class _Kinds:
    """The kinds decided so far, the names still open, and why each kind was given."""

    def __init__(self) -> None:
        self.kinds: dict[str, str] = {}
        self.undecided: set[str] = set()
        self.misc: set[str] = set()
        self.why: dict[str, list[str]] = defaultdict(list)


def extract(
    text: str,
    model: list[tuple[int, int, str]] | None = None,
    trace: dict[str, tuple[str | None, tuple[str, ...]]] | None = None,
) -> list[Participant]:
    """Participants of ``text``; ``trace``, when given, receives every candidate name's first
    decision and all the evidence rows that fired for it (participant or not)."""
    # In text order once: the list rules walk them in order, by_name[n][0] is the first.
    mentions = sorted(split_compounds(collect(text, tokenize(text))), key=lambda m: m.start)
    credits = credit_spans(text)
    if credits:
        # "Image: Ana Ruiz.", "By Ana Ruiz": who took the photo or wrote the piece is no participant.
        mentions = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in credits)]
    by_name: ByName = defaultdict(list)
    for m in mentions:
        by_name[m.name].append(m)
    story = Story(
        text,
        sports_context(text),
        frozenset(_LOWER_WORD_RE.findall(text)),
        defaultdict(lambda: defaultdict(int)),
        set(),
        quoted_titles(text),
    )
    model_only: ByName = defaultdict(list)
    for m, voted in model_names(text, model or []):
        story.votes[m.name][voted] += 1
        if m.name not in by_name:
            model_only[m.name].append(m)
    k = _Kinds()
    for name, ms in by_name.items():
        kind, why = decide(story, name, ms)
        _record(k, name, kind, why)
        if trace is not None:
            trace[name] = (kind, tuple(dict.fromkeys(why + [c for m in ms for c, _ in m.cues])))
    _drop_shadows(text, k, by_name)
    # Kinds guessed from the name's shape alone give way to a list's head noun.
    shaped = {
        n for n in k.kinds if n in story.weak and not any(m.person or m.place or m.org or m.role for m in by_name[n])
    }
    kinds_from_list_heads(text, mentions, k.kinds, k.undecided | shaped, k.undecided, k.why)
    kinds_from_lists(text, mentions, k.kinds, k.undecided, k.why)
    if not story.sports:
        # "located in Westshire, Elbonia": a county cricket club's name is a place here
        k.undecided |= {
            n
            for n, kind in k.kinds.items()
            if kind == "organization" and n in lexicon.teams()[1] and n not in lexicon.org_cues()[2]
        }
    places_beside_places(text, mentions, k.kinds, k.undecided, k.why)
    if story.sports:
        _bare_team_cities(k, by_name)
    if model_only:
        _add_model_only(story, k, by_name, model_only)
    drop_things_named_after_people(k.kinds, by_name)
    company_owners(k.kinds, by_name, k.undecided | story.weak, k.why)
    people_named_like_companies(k.kinds, by_name, k.why)
    canonical = person_owners(k.kinds, by_name, k.why)
    kinds_of_acronyms(text, k.kinds, k.undecided, k.why)
    return list(resolve(participants(k.kinds, by_name, canonical, k.why), acronym_of(text)))


def _record(k: _Kinds, name: str, kind: str | None, why: list[str]) -> None:
    if kind and kind != "misc":
        k.kinds[name] = kind
        k.why[name].extend(why)
    elif kind is None:
        k.undecided.add(name)
    else:
        k.misc.add(name)


def _drop_shadows(text: str, k: _Kinds, by_name: ByName) -> None:
    """Names that only echo something that is no participant."""
    # "Veltra Corvid … tied with Corvid": a product or title's last word alone is that
    # product, whatever its mentions' context suggested.
    tails = {n.split()[-1] for n in k.misc if len(n.split()) > 1}
    for n in [
        n for n in k.kinds if n in tails and kind_of(n) is None and not any(m.role or m.person for m in by_name[n])
    ]:
        del k.kinds[n]
    # "CE" beside "Corvid Explorer": initials of a name that is no participant are not one
    # either, though capitals alone would make them an organisation. An acronym the text
    # defines in brackets stays ("Elbury Secondary Market (ESM)").
    initials = {
        "".join(w[0] for w in n.split()): n for n in by_name if len(n.split()) > 1 and n.replace(" ", "").isalpha()
    }
    for n in [
        n for n in k.kinds if n.isupper() and n in initials and initials[n] not in k.kinds and f"({n})" not in text
    ]:
        if n not in lexicon.org_cues()[2] and not any(m.org or m.person or m.place for m in by_name[n]):
            del k.kinds[n]


def _bare_team_cities(k: _Kinds, by_name: ByName) -> None:
    """"the Elbury Eagles … homered for Elbury": in a sports story the bare city of a team
    named in it is that team (national sides stay places)."""
    clubs = [n for n, kind in k.kinds.items() if kind == "organization" and len(n.split()) > 1]
    for n, kind in list(k.kinds.items()):
        if (
            kind == "place"
            and n not in lexicon.countries()
            and not any(m.place for m in by_name[n])  # "in Elbury", "ELBURY, Westshire": the place
            and any(c.startswith(n + " ") and c.split()[-1].endswith("s") for c in clubs)
        ):
            k.kinds[n] = "organization"
            k.why[n].append("city of a team in a sports report")


def _add_model_only(story: Story, k: _Kinds, by_name: ByName, model_only: ByName) -> None:
    """Names only the model found add recall, unless they overlap a name the rules already
    classified ("Ruiz-Vale" around "Ruiz") or are fragments of a known person."""
    claimed = [(m.start, m.end) for n in k.kinds for m in by_name[n]]
    known_parts = {w.upper() for n in k.kinds for w in _NAME_PARTS_RE.split(n)}
    for name, ms in model_only.items():
        ms = [m for m in ms if not any(a < m.end and m.start < b for a, b in claimed)]
        if (
            not ms
            or name.upper() in known_parts
            or ("-" in name and any(p.upper() in known_parts or p in lexicon.places() for p in name.split("-")))
        ):
            continue
        kind, why = decide(story, name, ms)
        if kind == "organization" and _MODEL_ORG_MIN and len(ms) < _MODEL_ORG_MIN and kind_of(name) is None:
            continue
        if kind and kind != "misc":
            by_name[name] = ms
            k.kinds[name] = kind
            k.why[name].extend(why + ["found by the model"])
