"""The closed word lists participant extraction uses, loaded once from briefgen/data/vocab.

Each name here is one list file (see briefgen/data/vocab/README.md); ``alternation`` turns a
list into a regex alternative so patterns are built from the data, not written out.
"""

from __future__ import annotations

import re

from briefgen.text.lexicon import HEADLINE_VERBS, table, words

ROLE_MODIFIERS = words("role_modifiers")
NAME_PARTICLES = words("name_particles")
MONTH_ABBREVIATIONS = words("month_abbreviations")
OF_HEADS = words("of_heads")
PLACE_PREPOSITIONS = words("place_prepositions")
CONNECTORS = words("name_connectors")
MID_RUN_BREAKERS = words("mid_run_breakers")
PLACE_PREFIXES = words("place_prefixes")
CAPTION_LABELS = words("caption_labels")
GOVERNMENT_HEADS = words("government_heads")
PARTY_HEADS = words("party_heads")
PLURAL_BODIES = words("plural_bodies")
ORG_OPENERS = words("org_openers")
RUN_BREAKERS = words("run_breakers") | words("weekdays") | words("months") | HEADLINE_VERBS
PLACE_HEADS = words("place_heads")
STRONG_PLACE_HEADS = words("strong_place_heads")
PLACE_FIRST_WORDS = words("place_first_words")
COMPASS_WORDS = words("compass_words")
WORDLIKE_GIVEN_NAMES = words("wordlike_given_names")
SHIP_PREFIXES = words("ship_prefixes")
STORM_WORDS = words("storm_words")
SURNAME_HEADS = words("surname_heads")
UNIT_RANKS = words("unit_ranks")
COUNTRY_SHORT = words("country_short")
STYLES = words("styles")
HEADLINE_SMALL = words("headline_small")
FINITE_VERBS = words("finite_verbs")
AUX_AFTER_NOUN = words("aux_after_noun")
NOT_LEADERS = words("not_leaders")
NAME_ABBREVIATIONS = words("name_abbreviations")
COLLECTIVE_NOUNS = words("collective_nouns")
STANCE_PREFIXES = words("stance_prefixes")
DESCRIBING_SUFFIXES = tuple(sorted(words("describing_suffixes")))
# Plural noun -> the kind of the names listed after it ("companies such as …").
KIND_OF_LIST_HEAD: dict[str, str] = {noun: kind for kind, noun in table("list_heads")}


def alternation(name: str) -> str:
    """Regex source matching any entry of list ``name`` (longest first, escaped)."""
    return alternation_of(words(name))


def alternation_of(entries: frozenset[str]) -> str:
    """Regex source matching any of ``entries`` (longest first, escaped).

    Written as a prefix tree ("gov(?:ernor|ernment)?"-like) when that matches exactly as the
    flat list would: the regex engine tries a flat alternation's entries one by one at every
    offset, and these lists run to hundreds of entries. Where two entries could both match,
    one is a prefix of the other, and the tree too tries the longer first."""
    tree = _prefix_tree(entries)
    if tree is not None:
        return tree
    return "(?:" + "|".join(re.escape(w) for w in sorted(entries, key=lambda w: (-len(w), w))) + ")"


def _prefix_tree(entries: frozenset[str]) -> str | None:
    """The tree source, or None when it could match otherwise than the flat list: non-ASCII
    entries, or two branches that differ only in case (both would match under IGNORECASE)."""
    if not entries or "" in entries or not all(e.isascii() for e in entries):
        return None
    root: dict = {}
    for e in entries:
        node = root
        for ch in e:
            node = node.setdefault(ch, {})
        node[""] = {}  # an entry ends here

    def source(node: dict) -> str | None:
        kids = sorted(ch for ch in node if ch)
        if len({ch.lower() for ch in kids}) < len(kids):
            return None
        parts = []
        for ch in kids:
            rest = source(node[ch])
            if rest is None:
                return None
            parts.append(re.escape(ch) + rest)
        if not parts:
            return ""
        if "" not in node and len(parts) == 1:
            return parts[0]
        return "(?:" + "|".join(parts) + ")" + ("?" if "" in node else "")

    body = source(root)
    return None if body is None else "(?:" + body + ")"
