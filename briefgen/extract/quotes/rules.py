"""The attribution cascade: an ordered table of rules, walked by one loop per quote.

Each rule reads the quote's site and, when it fires, records speaker, mention, cue and
its name on the candidate; the first rule that fires decides, and its cap bounds the
confidence (weak evidence never claims more). A rule may write a more specific name
listed in ``also`` (the verb-by-verb cue-before scan finds "according to" too).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from briefgen.extract.quotes import cues_after, cues_before, layout, neighbours
from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.filters import after_naming_colon
from briefgen.extract.quotes.site import Site


@dataclass(frozen=True)
class Rule:
    name: str
    apply: Callable[[Context, Site], bool]
    cap: float  # the highest confidence this evidence can give
    family: str = ""  # "after" and "before" rows trade places for a cued quote, see ordered_rules
    also: tuple[str, ...] = ()  # other names the rule writes for variants of its evidence


RULES: tuple[Rule, ...] = (
    Rule("transcript", layout.transcript, 0.8),
    Rule("cue-after-inverted", cues_after.cue_after_inverted, 0.95, "after"),
    Rule("according-to", cues_after.according_to_after, 0.95, "after"),
    Rule("cue-after", cues_after.cue_after, 0.95, "after"),
    Rule("cue-after-verb", cues_after.cue_after_verb, 0.6, "after"),
    # The same cue after a longer subject ("Republican candidate Lena Ortiz said").
    Rule("cue-after", cues_after.cue_after_long_subject, 0.95, "after", also=("cue-after-inverted",)),
    Rule("cue-before", cues_before.cue_before, 0.95, "before", also=("cue-before-inverted", "according-to")),
    Rule("put-it", cues_before.put_it, 0.95, "before"),
    Rule("statement", cues_before.statement, 0.7, "before"),
    Rule("possessive-source", cues_before.possessive_source, 0.7, "before"),
    Rule("cue-before-verb", cues_before.cue_before_verb, 0.6, "before"),
    Rule("colon", cues_before.colon, 0.6, "before"),
    Rule("label", layout.label, 0.6),
    Rule("subject", neighbours.subject, 0.5),
    Rule("previous-sentence", neighbours.previous_sentence, 0.5),
    Rule("reported-paragraph", neighbours.reported_paragraph, 0.5),
    Rule("dash-line", layout.dash_line, 0.7),
    Rule("citation", layout.citation, 0.7),
    Rule("signature", layout.signature, 0.7),
    Rule("added-next", neighbours.added_next, 0.6),
)


def _before_first(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    before = [r for r in rules if r.family == "before"]
    out: list[Rule] = []
    for r in rules:
        if r.family == "after" and before:
            out += before
            before = []
        if r.family != "before":
            out.append(r)
    return tuple(out)


# A quote introduced by a cue ("asserted that “…”") that ends its sentence inside the marks
# is not attributed by the next sentence's cue ("…” Ortiz said she, too"): the cue-before
# rows go ahead of the cue-after rows.
_CUED_ORDER = _before_first(RULES)
_CLAUSE_OPEN_END_RE = re.compile(r"[,?!—–-]$")


def ordered_rules(site: Site, cued_before: bool) -> tuple[Rule, ...]:
    """The table in the order this quote tries it."""
    return _CUED_ORDER if cued_before and not _CLAUSE_OPEN_END_RE.search(site.content) else RULES


def attribute_quote(ctx: Context, site: Site, cued_before: bool) -> bool:
    """Walk the rules; the first that fires decides. False when none does."""
    if after_naming_colon(ctx.text, site.before[0], site.before[1]):
        return False  # "… dubbed the feud: “Town vs. Gown”": a name given, nobody's words
    for rule in ordered_rules(site, cued_before):
        if rule.apply(ctx, site):
            site.q.confidence = min(site.q.confidence, rule.cap)
            return True
    return False
