"""A person's name + the article -> 'm', 'f' or None, for "he"/"she" agreement.

Evidence, strongest first: the given name's gender, an honorific before the surname
("Ms. Ortiz"), a gendered word or pronoun right after it ("Ortiz, a spokeswoman,",
"Cole said his").
"""

from __future__ import annotations

import re

from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.vocab import FEMALE_WORDS, MALE_WORDS

_QUOTE_MARK_RE = re.compile(r"[“”\"«»]")
_WORD_RE = re.compile(r"[\w.]+")
# Words right after a name that say who it is; "him" is not one: "Ortiz scolded him" is
# about someone else.
_MALE_AFTER = ("he", "his", "himself", "spokesman", "chairman", "congressman")
_FEMALE_AFTER = ("she", "her", "herself", "spokeswoman", "chairwoman", "congresswoman")
_MALE_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward
    ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel frank gregory raymond alexander patrick jack dennis jerry
    tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy harold
    keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan
    bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph
    randy eugene vincent russell elijah louis bobby philip johnny bernie barack bill ted
    marco jeb ben chris mike mitt newt rand rick lindsey""".split()
) - {"lindsey"}
_FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
    ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla hillary chelsea carly sarah elizabeth nikki hope huma
    kellyanne donna debbie nancy condoleezza madeleine""".split()
)
_FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
    ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla hillary chelsea carly sarah elizabeth nikki hope huma
    kellyanne donna debbie nancy condoleezza madeleine""".split()
)


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
    if first in _MALE_NAMES:
        return "m"
    if first in _FEMALE_NAMES:
        return "f"
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
