"""Summary sentences -> whether one says again what an earlier one said.

Three outlets report "about 2,000 people were evacuated"; a story's summary should say it
once. A sentence repeats the summary when most of its content words (stems) are already in
one chosen sentence, or when it gives a number with one of the same words just after it
("2,000 people were evacuated", "2,000 evacuated") that a chosen sentence gave.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefgen.stories.features import word_terms

COVERED = 0.6  # share of a sentence's content words already in one chosen sentence
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_][\w'’-]*")


def facts(text: str) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """(content-word stems, (number, stem of the word after it)) of a sentence."""
    tokens = _TOKEN.findall(text)
    numbers = set()
    for k, a in enumerate(tokens):
        if a[0].isdigit() and len(a) >= 2:  # "2,000 people were evacuated": (2000, people), (2000, evacuated)
            for word in word_terms(" ".join(t for t in tokens[k + 1:k + 4] if not t[0].isdigit())):
                numbers.add((a.replace(",", ""), word))
    return frozenset(word_terms(text)), frozenset(numbers)


def says_again(text: str, chosen: Iterable[str]) -> bool:
    words, numbers = facts(text)
    for other in chosen:
        w, n = facts(other)
        if numbers & n or (words and len(words & w) >= COVERED * len(words)):
            return True
    return False
