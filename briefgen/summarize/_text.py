"""Sentence texts -> the words, stems and stop words every summarizer shares.

All engines see the same words: the tokens sumy's own ``Tokenizer.to_words``
would keep (letters, apostrophes and hyphens; no numbers, no ``U.S.``),
produced offline by ``briefgen.text.segment.SumyTokenizer``. Stemming is sumy's
English Snowball stemmer and the stop words are sumy's English list, both of
which ship inside the installed packages (no download).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from sumy.nlp.stemmers import Stemmer
from sumy.utils import get_stop_words

from briefgen.text.segment import SumyTokenizer

# sumy's word filter: a token is a word when it starts with a letter and holds
# only letters, apostrophes and hyphens.
_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$")


class _SumyWords:
    """briefgen's tokenizer with sumy's word filter applied, as stock sumy would do."""

    def __init__(self, inner) -> None:
        self._inner = inner

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(self._inner.to_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(w for w in self._inner.to_words(sentence) if _WORD.match(w))


@lru_cache(maxsize=1)
def sumy_tokenizer():
    """The offline tokenizer handed to sumy (``to_sentences``/``to_words``)."""
    return _SumyWords(SumyTokenizer())


@lru_cache(maxsize=1)
def stemmer() -> Stemmer:
    return Stemmer("english")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    return frozenset(get_stop_words("english"))


_stem_cache: dict[str, str] = {}


def stem(word: str) -> str:
    """Lower-case then stem, memoised: sumy re-stems every word on every call."""
    s = _stem_cache.get(word)
    if s is None:
        s = stemmer()(word.lower())
        if len(_stem_cache) < 500_000:
            _stem_cache[word] = s
    return s


@dataclass(frozen=True)
class Words:
    """The words of each sentence in the forms the algorithms need."""

    words: tuple[tuple[str, ...], ...]  # sumy's to_words output, original case
    lower: tuple[tuple[str, ...], ...]
    stems: tuple[tuple[str, ...], ...]  # every word, stemmed
    content: tuple[tuple[str, ...], ...]  # stems of non-stop words

    def __len__(self) -> int:
        return len(self.words)


def analyse(texts: Sequence[str]) -> Words:
    tok = sumy_tokenizer()
    return analyse_words([tok.to_words(t) for t in texts])


def analyse_words(word_lists: Sequence[Sequence[str]]) -> Words:
    """``analyse`` for sentences already split into words."""
    sw = stop_words()
    cache = _stem_cache
    words, lower, stems, content = [], [], [], []
    # one pass per sentence with the memo read inline: this runs for every word of
    # every article, so a function call per word is most of its cost
    for ws in word_lists:
        low = tuple(w.lower() for w in ws)
        st = tuple(cache[w] if w in cache else stem(w) for w in low)
        words.append(tuple(ws))
        lower.append(low)
        stems.append(st)
        content.append(tuple(s for w, s in zip(low, st) if w not in sw))
    return Words(tuple(words), tuple(lower), tuple(stems), tuple(content))
