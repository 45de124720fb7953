"""A story's summary -> its gist: one extractive takeaway sentence and 2-3 key facts.

The takeaway is the earliest summary sentence of the story's lead article that stands on its
own (news says its main fact first; the summarizer's best-rated line is often a detail
that shares the most words with the rest), else the best-rated one that does: it does not
open on a pronoun or connective that leans on the sentence before it (the summary editor's
``summary_openers`` list), it is not a quotation (someone's words are shown as quotes,
with their speaker; a quoted phrase inside a sentence of its own is no quotation) nor a
photo caption ("(left)"), and it is a whole sentence of reasonable length. When no summary
sentence qualifies, the lead article's first such sentence is taken. Key facts are the other
self-contained summary sentences in reading order, topped up from the lead article's
sentences that carry a number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefgen.model import Digest, StoryLine
from briefgen.stories.lead import leans_on_earlier
from briefgen.text import lexicon

CAPTION_POSITIONS: frozenset[str] = lexicon.words("caption_positions")
_PARENTHESIS = re.compile(r"\(([^()]{1,20})\)")
_QUOTE_OPEN = re.compile(r"^[\s(\[]*[\"“„«‘']")
_QUOTED = re.compile(r"[\"“„«][^\"“”„«»]*[\"”»]")
QUOTED_SHARE = 0.3  # quoted words beyond this share of the sentence: it is someone's words
_WORD = re.compile(r"[\w'’-]+")
_END = (".", "!", "?")
MIN_WORDS, MAX_WORDS = 6, 45
FACT_MAX_WORDS = 35


def self_contained(text: str) -> bool:
    """A sentence a reader understands without the one before it, and not a quotation."""
    words = _WORD.findall(text)
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return False
    if leans_on_earlier(text) or _QUOTE_OPEN.match(text) or _quoted_share(text, len(words)) > QUOTED_SHARE:
        return False
    if any(m.group(1).strip().casefold() in CAPTION_POSITIONS for m in _PARENTHESIS.finditer(text)):
        return False  # a photo caption: "Ada Okafor (left) and ..."
    return text.rstrip().endswith(_END) and text.lstrip()[:1].isupper()


def _quoted_share(text: str, words: int) -> float:
    """Share of the words of ``text`` inside quotation marks; an unclosed mark quotes the rest."""
    quoted = sum(len(_WORD.findall(m.group(0))) for m in _QUOTED.finditer(text))
    rest = _QUOTED.sub(" ", text)
    if (k := min((rest.find(c) for c in "\"“„«" if c in rest), default=-1)) >= 0:
        quoted += len(_WORD.findall(rest[k:]))
    return quoted / max(words, 1)


def _lead_lines(lead: Digest) -> list[StoryLine]:
    """The lead article's sentences as summary lines, quoted passages and the words under
    its pictures left out."""
    from briefgen.summarize.editor import captions  # the summarizer's own caption rule

    spans = [(q.start, q.end) for q in lead.quotes if q.path in (None, lead.article.path)]
    under = captions([s.text for s in lead.sentences], [s.paragraph for s in lead.sentences])
    return [StoryLine(s.text, lead.article.path, s.index, 0.0) for s, c in zip(lead.sentences, under)
            if not c and not any(a < s.end and s.start < b for a, b in spans)]


def takeaway(summary: Sequence[StoryLine], lead: Digest) -> StoryLine | None:
    fit = [line for line in summary if self_contained(line.text)]
    own = [line for line in fit if line.path in (None, lead.article.path)]
    if own:
        return min(own, key=lambda line: line.index)
    if fit:
        return max(fit, key=lambda line: line.score)  # max keeps the first of equal scores
    return next((line for line in _lead_lines(lead) if self_contained(line.text)), None)


def key_facts(summary: Sequence[StoryLine], lead: Digest, gist: StoryLine | None,
              limit: int = 3, least: int = 2) -> tuple[StoryLine, ...]:
    taken = {gist.text} if gist else set()
    facts: list[StoryLine] = []
    for line in summary:
        if len(facts) < limit and line.text not in taken and _fact(line.text):
            facts.append(line)
            taken.add(line.text)
    if len(facts) < least:  # topped up from the lead article: sentences with a number first
        extra = [line for line in _lead_lines(lead) if line.text not in taken and _fact(line.text)]
        extra.sort(key=lambda line: not any(c.isdigit() for c in line.text))  # stable: reading order
        facts.extend(extra[: least - len(facts)])
    return tuple(facts)


def _fact(text: str) -> bool:
    return self_contained(text) and len(_WORD.findall(text)) <= FACT_MAX_WORDS
