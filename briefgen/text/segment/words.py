"""Text -> word tokens, and the sumy tokenizer interface on briefgen's own rules."""

from __future__ import annotations

import re

from briefgen.text.segment.sentences import split_sentences

_WORD = re.compile(
    r"(?:[^\W\d_]\.){2,}(?![^\W\d_])"      # U.S., e.g., a.m.
    r"|[$£€¥]?\d+(?:[.,:/]\d+)*%?"         # 1,000  3.5  10:30  50%
    r"|[^\W_]+(?:[-'’][^\W_]+)*"           # words, hyphenated words, don't, Lee's
)


def tokenize_words(text: str) -> list[str]:
    """Word tokens of ``text``: words (hyphens and apostrophes kept), numbers and dotted acronyms.

    Punctuation-only tokens are dropped.
    """
    if not isinstance(text, str):
        return []
    return _WORD.findall(text)


class SumyTokenizer:
    """sumy's tokenizer interface on briefgen's own rules: works with no NLTK data installed.

    ``SumyTokenizer(whole_quotes=True)`` never splits inside a quotation (see ``split_sentences``).
    """

    language = "english"

    def __init__(self, whole_quotes: bool = False) -> None:
        self.whole_quotes = whole_quotes

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.text for s in split_sentences(paragraph, whole_quotes=self.whole_quotes))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(tokenize_words(sentence))
