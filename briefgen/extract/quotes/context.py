"""Article text + participants + sentence spans -> the context every attribution rule reads.

Built once per article: paragraph and sentence indexes, where each known person is named
(outside quotes), the speakers attributed so far (for pronoun chains), gender evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefgen.extract.quotes.marks import Candidate
from briefgen.extract.quotes.vocab import is_name_word
from briefgen.model import Participant
from briefgen.text.spans import SpanIndex, Token, paragraph_bounds, spaced_pattern, tokenize


class QuoteToken(Token):
    """A token whose name test knows "al-Rundi": an Arabic article before a capitalised
    surname is a name word, though it opens in lower case."""

    __slots__ = ()

    @property
    def is_cap(self) -> bool:
        return is_name_word(self.text)


def mention_pattern(participants: Sequence[Participant]) -> tuple[re.Pattern[str] | None, dict[str, Participant]]:
    """One regex for every name and alias of a person, longest first, and form -> person."""
    forms: dict[str, Participant] = {}
    for p in participants:
        if p.kind != "person":
            continue
        for form in (p.name, *p.aliases):
            forms.setdefault(form, p)
    if not forms:
        return None, forms
    alternation = "|".join(spaced_pattern(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w])"), forms


class Context:
    """What the attribution rules need to know about the article."""

    def __init__(
        self,
        text: str,
        participants: Sequence[Participant],
        quotes: list[Candidate],
        sentence_spans: list[tuple[int, int]],
    ):
        self.text = text
        self.participants = participants
        self.sentences = SpanIndex(sentence_spans)
        self.paras = SpanIndex(paragraph_bounds(text))
        self.quote_spans = [(q.open_at, q.close_at) for q in quotes]
        pattern, self.forms = mention_pattern(participants)
        self.person_mentions: list[tuple[int, int, Participant]] = []
        if pattern is not None:
            for m in pattern.finditer(text):
                if not self.inside_quote(m.start()):
                    self.person_mentions.append((m.start(), m.end(), self.forms[" ".join(m.group().split())]))
        # Where each person mention that starts at an offset ends; the subject rules ask often.
        self.mention_ends = {a: b for a, b, _ in self.person_mentions}
        # Speakers already attributed, as (mention offset, name), for pronoun chains.
        self.speaker_marks: list[tuple[int, str]] = []
        self.genders: dict[str, str | None] = {}  # filled lazily by gender.gender_of

    def inside_quote(self, pos: int) -> bool:
        return any(a < pos < b for a, b in self.quote_spans)

    def tokens(self, start: int, end: int) -> list[Token]:
        """The shared tokenizer's tokens of text[start:end], with article offsets."""
        return tokenize(self.text[start:end], start, QuoteToken)

    def is_surname(self, word: str) -> bool:
        """Is ``word`` the last name of a person in the article ("Lena Ortiz" -> "Ortiz")?"""
        return any(
            p.kind == "person" and len(p.name.split()) > 1 and p.name.split()[-1] == word for p in self.participants
        )

    def named_within(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans of person mentions inside text[start:end]."""
        return [(a, b) for a, b, _ in self.person_mentions if start <= a and b <= end]
