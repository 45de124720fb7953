"""Summary sentences -> whether one says again what an earlier one said.

Three outlets report "about 2,000 people were evacuated"; a story's summary should say it
once. A sentence repeats the summary when most of its content words (stems) are already in
one chosen sentence, or when it gives a number with one of the same words just after it
("2,000 people were evacuated", "2,000 evacuated") that a chosen sentence gave and a good
part of its other words too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefgen.stories.features import word_terms

COVERED = 0.6  # share of a sentence's content words already in one chosen sentence
AFTER = 3  # words after a number that name what it counts
# the same count of the same thing ("2,000 evacuated") makes a sentence a repeat at this lower
# share: a number alone is not the whole sentence ("228 people on board" opens many facts)
COVERED_WITH_NUMBER = 0.35
_YEAR = re.compile(r"1[89]\d\d|20\d\d")  # "in 2009 the airline": a date, not a count
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_][\w'’-]*")


def facts(text: str) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """(content-word stems, (number, stem of the word after it)) of a sentence."""
    tokens = _TOKEN.findall(text)
    numbers = set()
    for k, a in enumerate(tokens):
        # "2,000 people were evacuated": (2000, people), (2000, evacuated)
        if a[0].isdigit() and len(a) >= 2 and not _YEAR.fullmatch(a):
            for word in word_terms(" ".join(t for t in tokens[k + 1:k + 1 + AFTER] if not t[0].isdigit())):
                numbers.add((a.replace(",", ""), word))
    return frozenset(word_terms(text)), frozenset(numbers)


def says_again(text: str, chosen: Iterable[str]) -> bool:
    words, numbers = facts(text)
    for other in chosen:
        w, n = facts(other)
        shared = len(words & w) / max(len(words), 1)
        if shared >= COVERED or (numbers & n and shared >= COVERED_WITH_NUMBER):
            return True
    return False
