"""A person's name + the article -> 'm', 'f' or None, for "he"/"she" agreement.

Evidence, strongest first: the given name's gender, an honorific before the surname
("Ms. Ortiz"), a gendered word or pronoun right after it ("Ortiz, a spokeswoman,",
"Cole said his").
"""

from __future__ import annotations

import re

from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.vocab import FEMALE_WORDS, MALE_WORDS
from briefgen.text import lexicon

_QUOTE_MARK_RE = re.compile(r"[“”\"«»]")
_WORD_RE = re.compile(r"[\w.]+")
# Words right after a name that say who it is; "him" is not one: "Ortiz scolded him" is
# about someone else.
_MALE_AFTER = ("he", "his", "himself", "spokesman", "chairman", "congressman")
_FEMALE_AFTER = ("she", "her", "herself", "spokeswoman", "chairwoman", "congresswoman")
# Given name -> "m"/"f" from the US Census first-name tables (scripts/make_given_name_gender.py).
_GIVEN_NAMES: dict[str, str] = {name: sex for name, sex in lexicon.table("given_name_gender")}


def gender(ctx: Context, name: str) -> str | None:
    """'m', 'f' or None for a person, cached per article."""
    if name not in ctx.genders:
        ctx.genders[name] = _gender_of(ctx, name)
    return ctx.genders[name]


def _gender_of(ctx: Context, name: str) -> str | None:
    words = name.split()
    if not words:
        return None
    first = words[0].lower().rstrip(".")
    if first in _GIVEN_NAMES:
        return _GIVEN_NAMES[first]
    male = female = 0
    # "Mr. Lee", "Ms. Cole"; "Lee said ... his", "Cole, a spokeswoman,".
    for m in re.finditer(rf"(?:\b(\w+\.?)\s+)?{re.escape(words[-1])}\b(?=(.{{0,60}}))", ctx.text):
        before = (m.group(1) or "").lower()
        # The evidence stops at a quote mark: in '"... about Ben Cole," she said' the
        # pronoun is the speaker's.
        after = [w.lower() for w in _WORD_RE.findall(_QUOTE_MARK_RE.split(m.group(2))[0])[:8]]
        if before in MALE_WORDS:
            male += 2
        elif before in FEMALE_WORDS:
            female += 2
        for w in after:
            if w in _MALE_AFTER:
                male += 1
                break
            if w in _FEMALE_AFTER:
                female += 1
                break
    if male > female:
        return "m"
    if female > male:
        return "f"
    return None
