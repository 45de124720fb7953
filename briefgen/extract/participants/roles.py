"""Roles: a capitalised run -> where its leading role ends ("Elbonian Prime Minister | Ana
Ruiz"); lower-case role words before a name ("former finance minister"); an apposition
after it (", a teacher at the school,")."""

from __future__ import annotations

import re

from briefgen.extract.participants import vocab
from briefgen.extract.participants.gazetteer import kind_of
from briefgen.extract.participants.names import demonym_len, is_title, sentence_initial, strip_possessive
from briefgen.text import lexicon
from briefgen.text.spans import Token

# "Foreign Office Minister Lord Vale": the peer's style is no part of the role.
STYLE_END_RE = re.compile(r"(?:^|\s+)" + vocab.alternation("styles") + r"$")
# ", a teacher at the school,", ", the U.K.'s Foreign Secretary said": abbreviation periods
# may sit inside; the phrase ends at punctuation or at the speech verb (closing comma left out).
_APPOSITIVE_RE = re.compile(
    r",\s+(?:\d{1,3},\s+)?((?:a|an|the|his|her|its|their)\s+[^,;:“”\"()\n]{2,70}?)"
    r"(?=[,;]|(?<![A-Z])\.|\.\s+[A-Z]|\.$|\s+(?:said|says|told|added)\b)"
)


def split_role(run: list[Token]) -> int:
    """Index where the name starts after a leading role ("South Korean President | Lee",
    "EU Farm Commissioner | Ana Ruiz"); 0 when there is no role."""
    k, cut = 0, 0
    while k < len(run):
        d = demonym_len(run, k)
        if d:
            k += d
            continue
        if not (is_title(run[k].text) or run[k].lower in vocab.ROLE_MODIFIERS or run[k].text in lexicon.PARTY_WORDS):
            break
        k += 1
        # "Democrat Ana Ruiz": a party word before a name is a role, like a title.
        if is_title(run[k - 1].text) or run[k - 1].text in lexicon.PARTY_WORDS and k < len(run):
            cut = k
        if k + 1 < len(run) and run[k].lower == "of":  # "Secretary of State Ana Ruiz"
            k += 2
            cut = k
    return _inner_title(run, cut) or cut


def _inner_title(run: list[Token], cut: int) -> int:
    """A title after an organisation or place: the last title word before 1-3 name words
    ("Former | UN Ambassador | Ana Ruiz" once the leading role is cut); 0 when none."""
    for i in range(len(run) - 2, max(cut, 1) - 1, -1):
        # A unit's rank is a title before a given name ("Army Ranger Ana Ruiz", not "Ranger Division").
        rank = run[i].text in vocab.UNIT_RANKS and run[i + 1].text in lexicon.first_names()
        if (is_title(run[i].text) or rank) and run[i].text[:1].isupper() and 1 <= len(run) - i - 1 <= 3:
            if not any(is_title(t.text) for t in run[i + 1 :]):
                return i + 1
    return 0


def left_role(text: str, tokens: list[Token], idx: int) -> tuple[str, int] | None:
    """Lower-case role words right before token ``idx`` ("former", "Veltra chief executive")."""
    titles = lexicon.title_words()
    j = idx - 1
    start = None
    has_title = False
    while j >= 0 and text[tokens[j].end : tokens[j + 1].start] == " ":
        t = tokens[j]
        if not (t.text.islower() and (t.lower in titles or t.lower in vocab.ROLE_MODIFIERS)):
            break
        has_title = has_title or t.lower in titles
        start = j
        j -= 1
    if start is None:
        return None
    # "Veltra chief executive", "Veltra’s chief executive", "Elbonian foreign minister"
    if j >= 0 and tokens[j].is_cap and text[tokens[j].end : tokens[start].start] == " " and has_title:
        if (
            not sentence_initial(text, tokens[j].start)
            or tokens[j].text in lexicon.demonyms()
            or kind_of(strip_possessive(tokens[j].text))
        ):
            start = j
    return text[tokens[start].start : tokens[idx].start].strip(), tokens[start].start


def appositive_role(text: str, end: int) -> str | None:
    """The role phrase in apposition after a name ending at ``end`` (", a teacher at the school,")."""
    m = _APPOSITIVE_RE.match(text, end)
    if not m:
        return None
    phrase = m.group(1)
    if any(w in vocab.FINITE_VERBS for w in phrase.split()):
        return None  # "Ana Ruiz, the first boat rescued … was turned around": a clause
    words = [w.strip("’'").lower() for w in phrase.split()]
    if any(w in lexicon.title_words() or w.split("-")[-1] in lexicon.ROLE_NOUNS for w in words[1:]):
        return phrase
    return None
