"""Summary sentence + the sentences before it -> the same sentence made to stand alone, or None.

A summary sentence that opens with "He" or "However" reads as a fragment when
the sentence before it is left out. ``stand_alone(texts, i, people)`` repairs
the two cases an editor repairs by hand, without changing what is said:

- a leading connective ("However, ", "But ", "Also, ") is dropped and the
  next word capitalised;
- a leading "He"/"She" (or possessive "His"/"Her") is replaced by the person
  it refers to: the first person named in the nearest earlier sentence that
  names one (subjects come first in news prose), in the form used there
  ("Mr Blair", "Tony Blair"), skipping names whose honorific has the other
  gender;
- a leading "It"/"Its" is replaced by the proper-noun subject that opens the
  sentence before ("Microsoft said... It" -> "Microsoft"), unless that subject
  is a person or the "It" announces a clause ("It is thought that...").

People come from ``briefgen.extract.participants`` when the caller passes them
(``Participant`` objects; their names and aliases are searched) and otherwise
from a small rule over capitalised runs: a run after an honorific ("Mr",
"Mrs", "Dr"...), a run of two or more words starting with a common given
name, or a run right before/after "said". Returns None when neither repair
applies (another opener, a pronoun inside a quotation, no antecedent found):
the caller then keeps the antecedent sentence or leaves the sentence out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from briefgen.text.spans import spaced_pattern

# "Still"/"Yet" and friends are adverbs too ("Still waters..."): only with their comma
CONNECTIVES_BARE = frozenset({"but", "and", "also"})
CONNECTIVES_COMMA = frozenset({
    "however", "meanwhile", "moreover", "furthermore", "instead", "still", "yet", "thus",
    "therefore", "nonetheless", "nevertheless", "besides", "also", "but",
})
PRONOUNS = frozenset({"he", "she", "his", "her"})
THINGS = frozenset({"it", "its"})
_MALE = frozenset({"mr", "sir", "lord", "king", "prince", "mister"})
_FEMALE = frozenset({"mrs", "ms", "miss", "lady", "dame", "queen", "princess", "madam"})
HONORIFICS = _MALE | _FEMALE | frozenset({"dr", "prof", "professor", "rev"})

_LEAD = re.compile(r"^([A-Za-z]+)(,?)\s+(?=\S)")
_CAP = r"(?:Mc|Mac|O')?[A-Z][a-zA-Z'’\-]*[a-zA-Z]"
_RUN = re.compile(rf"{_CAP}(?:\.?\s(?:{_CAP}|de|van|von|al|bin)\b)*")


def _gender(name: str) -> str | None:
    first = name.split()[0].rstrip(".").lower() if name.split() else ""
    return "m" if first in _MALE else "f" if first in _FEMALE else None


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    from briefgen.text.lexicon import first_names, title_words

    return first_names(), title_words()


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from briefgen.summarize._text import stop_words

    return stop_words() | CONNECTIVES_COMMA


def people_in(text: str) -> list[str]:
    """Person names in one sentence, in order, as written there (rule-based)."""
    given, titles = _lexicon()
    out = []
    for m in _RUN.finditer(text):
        toks = m.group(0).replace(".", "").split()
        # "Prime Minister Tony Blair": role words are not the name
        k = 0
        # "But Mr Howard", "Prime Minister Tony Blair": neither a sentence's first word
        # nor a role is part of the name
        while k < len(toks) - 1 and toks[k].lower() not in HONORIFICS and (
                toks[k].lower() in titles or toks[k].lower() in _function_words()):
            k += 1
        toks = toks[k:]
        hon = next((j for j, t in enumerate(toks[:-1]) if t.lower() in HONORIFICS), None)
        if hon is not None:
            out.append(f"{toks[hon]} {toks[-1]}")  # "Mr Blair": how news refers back
            continue
        # "Yesterday Gordon Brown": the name starts at a given name
        first = next((j for j, t in enumerate(toks[:-1]) if t in given), None)
        if first is not None:
            out.append(" ".join(toks[first:]))
            continue
        before = text[max(0, m.start() - 6):m.start()].lower()
        after = text[m.end():m.end() + 6].lower()
        said = after.startswith(" said") or after.startswith(", who") or before.endswith("said ")
        if said and 2 <= len(toks) <= 3 and toks[-1].lower() not in titles:
            out.append(" ".join(toks))
    return out


def _people_from(participants: Iterable) -> re.Pattern | None:
    names = set()
    for p in participants:
        if getattr(p, "kind", None) != "person":
            continue
        for n in (p.name, *getattr(p, "aliases", ())):
            if n and len(n) > 2:
                names.add(n)
    if not names:
        return None
    alts = "|".join(spaced_pattern(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")


class Resolver:
    """Antecedents for one article's sentences; built once, asked per sentence."""

    def __init__(self, texts: Sequence[str], participants: Iterable | None = None) -> None:
        self.texts = texts
        self._participants = participants
        self._pattern: re.Pattern | None = None
        self._compiled = False
        self._memo: dict[int, list[str]] = {}

    def people(self, j: int) -> list[str]:
        if not self._compiled:  # built on first use: most summaries never ask for a name
            self._pattern = _people_from(self._participants) if self._participants else None
            self._compiled = True
        if j not in self._memo:
            if self._pattern is not None:
                self._memo[j] = [m.group(0) for m in self._pattern.finditer(self.texts[j])]
            else:
                self._memo[j] = people_in(self.texts[j])
        return self._memo[j]

    def antecedent(self, i: int, pronoun: str, lookback: int = 6) -> str | None:
        want = "f" if pronoun in ("she", "her") else "m"
        for j in range(i - 1, max(-1, i - 1 - lookback), -1):
            names = [n for n in self.people(j) if _gender(n) in (None, want)]
            if names:
                return names[0]
            if self.people(j):
                return None  # the nearest person is of the other gender: do not guess past them
        return None

    def thing(self, i: int, rest: str) -> str | None:
        """What a leading "It" names: the proper-noun subject that opens the sentence before.

        "Microsoft said... It" -> "Microsoft". Only a capitalised subject that
        is not a person, right before a lower-case verb, counts; and an "It"
        that anticipates a clause ("It is thought that...") names nothing.
        """
        if i == 0 or _PLEONASTIC.match(rest):
            return None
        m = _SUBJECT.match(self.texts[i - 1])
        if not m:
            return None
        span = m.group(1)
        first = span.split()[0].lower()
        if first in _DANGLING or first in _NOT_SUBJECT or self.people(i - 1)[:1] == [span] \
                or people_in(span):
            return None
        return span

    def stand_alone(self, i: int) -> str | None:
        """Sentence i rewritten to read without its predecessor, or None when that is not possible."""
        text = self.texts[i]
        for _ in range(3):  # "But he said..." needs two repairs
            m = _LEAD.match(text)
            if not m:
                return None
            word, comma = m.group(1).lower(), m.group(2)
            rest = text[m.end():]
            if (word in CONNECTIVES_BARE and not comma) or (word in CONNECTIVES_COMMA and comma):
                text = rest[:1].upper() + rest[1:]
                if _opens_dangling(text):
                    continue
                return text
            if word in THINGS:
                name = self.thing(i, rest if word == "it" else "")
                if name is None:
                    return None
                return f"{name}'s{comma} {rest}" if word == "its" else f"{name}{comma} {rest}"
            if word in PRONOUNS:
                name = self.antecedent(i, word)
                if name is None:
                    return None
                own = word in ("his", "her")
                return f"{name}'s{comma} {rest}" if own else f"{name}{comma} {rest}"
            return None
        return None


# "The BBC said", "Microsoft has": a capitalised run (optionally after "The") then a verb-like word
_SUBJECT = re.compile(r"^((?:The\s+)?(?:[A-Z][\w&.'-]*\s+){0,4}[A-Z][\w&.'-]*)\s+(?=[a-z])")
_PLEONASTIC = re.compile(
    r"^(?:is|was|has been|had been|will be|would be|could be|may be|might be|seems|seemed|"
    r"appears|appeared|remains|remained)\b(?:\s+\S+){0,4}?\s+(?:that|to|whether|if|how|why)\b")
_NOT_SUBJECT = frozenset({"in", "on", "at", "for", "after", "before", "but", "and", "while", "when",
                          "if", "as", "since", "last", "earlier", "later", "mr", "mrs", "ms", "dr",
                          "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                          "sunday", "speaking", "there", "we", "i", "you", "one", "a", "an"})
_DANGLING = frozenset({"he", "she", "they", "it", "this", "these", "those", "his", "her", "their",
                       "its", "however", "but", "also", "and", "him", "them"})


def _opens_dangling(text: str) -> bool:
    m = re.match(r"^[\W_]*([A-Za-z']+)", text)
    return m is not None and m.group(1).lower() in _DANGLING
