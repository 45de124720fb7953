"""A summary sentence -> whether a newer article can have overtaken it.

News tells events in the past tense and how things stand in the present: "the jet went
missing on June 1" stays true, "the jet is reported missing" holds until the next article
says the wreckage was found. In a story told over several days, a sentence of an older
article whose main verb says how things stand (present tense, future, a modal guess:
``state_verbs``) is stale once a newer article exists, and a summary that keeps it states as
current what its own lead has overtaken. The main verb is the first finite verb outside
quotation marks; a regular "-ed" form, an irregular past (``past_verbs``) or another event
form (``event_verbs``) first means the sentence tells an event. "has/have been" + a word that
is not a participle ("has been missing for hours") is a state too; other perfects ("has
confirmed") tell an event.
"""

from __future__ import annotations

import re

from briefgen.text import lexicon

_WORD = re.compile(r"[A-Za-z][A-Za-z’']*")
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_PERFECT = frozenset({"has", "have", "hasn't", "haven't"})


def states_present(text: str) -> bool:
    """Whether the main verb of ``text`` says how things stand (see the module docstring)."""
    state = lexicon.words("state_verbs")
    events = lexicon.words("event_verbs") | lexicon.words("past_verbs")
    words = [w.lower().replace("’", "'") for w in _WORD.findall(_QUOTED.sub(" ", text))]
    for k, w in enumerate(words):
        if w in state:
            return True
        if w in _PERFECT:
            after = words[k + 1:k + 3]
            return (len(after) == 2 and after[0] == "been" and not _participle(after[1], events))
        if k and (w in events or (w.endswith("ed") and len(w) > 4)):
            return False
    return False


def _participle(word: str, events: frozenset[str]) -> bool:
    return word.endswith(("ed", "en")) or word in events
