"""A story's summary lines -> the one sentence that stands for it in "Today in brief".

That line is read alone, under the headline of the story's newest article, so it must say
the story's latest development by itself: it comes from the newest article the summary
draws on (older articles only when the newest gives no usable line), and it is neither a
quotation (whose speaker the line would not name) nor a sentence that leans on one before
it ("He said", "However, ...", "The government then ..."). Among the newest article's
usable lines the earliest wins: news puts its main fact first, and the summarizer's
relevance prefers the sentence most like the rest of the story, often a detail.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefgen.model import Sentence
from briefgen.summarize.multi import SourcedSentence
from briefgen.text import lexicon

MIN_WORDS = 8  # shorter lines are captions, datelines or fragments more often than leads
_QUOTE_OPEN = re.compile(r"^[\s(\[]*[\"“‘'«]")
_WORD = re.compile(r"[A-Za-z’']+")
# "then", "also" and "later" inside the opening clause lean on an earlier sentence as much
# as a leading "However" does ("The ministry then said", "The mayor later agreed")
_LEANING_INSIDE = frozenset({"then", "also", "again", "too", "later"})
OPENING_WORDS = 6


def leans_on_earlier(text: str) -> bool:
    """Whether ``text`` needs the sentence before it: a leading pronoun or connective, or
    "then"/"also" in its opening words."""
    words = _WORD.findall(text)
    if not words:
        return False
    if words[0].lower() in lexicon.words("summary_openers"):
        return True
    return any(w.lower() in _LEANING_INSIDE for w in words[1:OPENING_WORDS])


def stands_alone(text: str) -> bool:
    """Whether ``text`` reads as a lead on its own (see the module docstring)."""
    if len(_WORD.findall(text)) < MIN_WORDS or _QUOTE_OPEN.match(text):
        return False
    return not leans_on_earlier(text)


def opening(sentences: Sequence[Sentence]) -> Sentence | None:
    """An article's own lead: its first sentence outside the words under its pictures, when
    that sentence stands alone. The summarizer can rank it low (it shares few words with the
    rest of the story), yet it is the one the writer chose to say the news first."""
    from briefgen.summarize.editor import captions  # the summarizer's own caption rule

    under = captions([s.text for s in sentences], [s.paragraph for s in sentences])
    first = next((s for s, c in zip(sentences, under) if not c), None)
    return first if first is not None and stands_alone(first.text) else None


def lead_line(lines: Sequence[SourcedSentence], newest_first: Sequence[str]) -> SourcedSentence | None:
    """The line of ``lines`` that stands for the story: from the first of ``newest_first``
    (article references, newest first) that gives a line standing alone, its earliest;
    else the best-scored line of all; None for no lines."""
    if not lines:
        return None
    for ref in newest_first:
        usable = [line for line in lines if line.document == ref and stands_alone(line.text)]
        if usable:
            return min(usable, key=lambda line: line.index)
    return max(lines, key=lambda line: line.score)
