"""Names in lists share a kind: mentions in text order and the kinds decided so far ->
kinds for the undecided names ("Ubisoft, Veltra and Korvex"; "companies such as Veltra";
"Elbury, Westshire")."""

from __future__ import annotations

import re

from briefgen.extract.participants import vocab
from briefgen.extract.participants.mention import Mention
from briefgen.text import lexicon

_LIST_GAP_RE = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+")
_HEADS = "|".join(sorted(vocab.KIND_OF_LIST_HEAD, key=lambda w: (-len(w), w)))
_LIST_HEAD_RE = re.compile(
    r"\b(?:(" + _HEADS + r")(?:,?\s+(?:such as|like|including))?|[Ss]uch\s+(" + _HEADS + r")\s+as)\s+(?:[Tt]he\s+)?$"
)
_CLOSES_RE = re.compile(r"[,.;:)]|$")
# How a text before a list ends when ``_LIST_HEAD_RE`` finds a head there (space after it):
# the cheap test before the search, run once per mention.
_LIST_HEAD_ENDS = tuple(vocab.KIND_OF_LIST_HEAD) + ("as", "like", "including", "the", "The")


def _listed(text: str, a: Mention, b: Mention) -> bool:
    return bool(_LIST_GAP_RE.fullmatch(text, a.end, b.start)) and "\n" not in text[a.end : b.start]


def kinds_from_lists(
    text: str, mentions: list[Mention], kinds: dict[str, str], undecided: set[str], why: dict[str, list[str]]
) -> None:
    """Names without evidence inside a list of names of one kind take that kind:
    "Ubisoft, Veltra, and Korvex", "Elbury, Westport and Norhaven". A list needs three
    names, two of them decided, all decided ones agreeing."""
    chain: list[Mention] = []

    def settle() -> None:
        known = [kinds[m.name] for m in chain if m.name in kinds]
        if len(chain) >= 3 and len(known) >= 2 and len(set(known)) == 1:
            for m in chain:
                if m.name in undecided:
                    kinds[m.name] = known[0]
                    undecided.discard(m.name)
                    why[m.name].append("in a list of one kind")

    for m in mentions:
        if chain and _listed(text, chain[-1], m):
            chain.append(m)
            continue
        settle()
        chain = [m]
    settle()


def kinds_from_list_heads(
    text: str,
    mentions: list[Mention],
    kinds: dict[str, str],
    open_names: set[str],
    undecided: set[str],
    why: dict[str, list[str]],
) -> None:
    """Names in ``open_names`` (undecided, or judged by shape alone) listed after a plural
    noun of a kind take that kind: "the ancient gods, such as Zeus, Hera, and Athena",
    "companies including Veltra and Korvex", "such bands as The Quiet Hours"."""
    kind = None
    prev = None
    for m in mentions:
        if not (prev is not None and kind and _listed(text, prev, m)):
            lo = max(0, m.start - 40)
            before = text[lo : m.start]
            head = _LIST_HEAD_RE.search(text, lo, m.start) if before.rstrip().endswith(_LIST_HEAD_ENDS) else None
            kind = vocab.KIND_OF_LIST_HEAD[head.group(1) or head.group(2)] if head else None
        if kind and m.name in open_names:
            kinds[m.name] = kind
            undecided.discard(m.name)
            why[m.name].append("after a list's head noun")
        prev = m


def places_beside_places(
    text: str, mentions: list[Mention], kinds: dict[str, str], undecided: set[str], why: dict[str, list[str]]
) -> None:
    """"in Elbury, Westshire," and "Norhaven, Elbonia": an undecided name joined by a comma
    to a known place, in a pair that closes with punctuation, is a place too."""
    for a, b in zip(mentions, mentions[1:]):
        if text[a.end : b.start] != ", " or not _CLOSES_RE.match(text[b.end : b.end + 1]):
            continue
        for near, other in ((a, b), (b, a)):
            if (
                near.name in undecided
                and kinds.get(other.name) == "place"
                and other.name in lexicon.places()
                and near.ntokens <= 3
            ):
                kinds[near.name] = "place"
                undecided.discard(near.name)
                why[near.name].append("beside a known place")
