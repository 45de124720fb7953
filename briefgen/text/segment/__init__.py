"""Text -> paragraphs, sentences and words as character spans, offline and rule-based.

``split_paragraphs(text) -> [(start, end)]``, ``split_sentences(text) -> [Sentence]`` (offsets into
``text``, whitespace trimmed, never crossing a paragraph), ``tokenize_words(text) -> [str]`` and
``SumyTokenizer`` (the same rules behind sumy's tokenizer interface, so sumy never needs NLTK data).
Nothing here raises on any string; everything is one pass of compiled regexes plus local look-ups.

One module per step: ``paragraphs``, ``quotations`` (what must not be split), ``cuts`` (list items,
credits and datelines that start a sentence without punctuation), ``boundary`` (does this full stop
end a sentence; its abbreviation lists are vocab data), ``sentences`` and ``words``.
"""

from __future__ import annotations

from briefgen.text.segment.paragraphs import split_paragraphs
from briefgen.text.segment.sentences import split_sentences
from briefgen.text.segment.words import SumyTokenizer, tokenize_words

__all__ = ["split_paragraphs", "split_sentences", "tokenize_words", "SumyTokenizer"]
