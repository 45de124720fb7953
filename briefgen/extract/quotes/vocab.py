"""The closed word lists quote attribution uses, loaded once from briefgen/data/vocab.

Names only: every list is data (one file per concept, see briefgen/data/vocab/README.md),
so a rule reads ``AUX`` and the file says which words that is.
"""

from __future__ import annotations

import re

from briefgen.text import lexicon

_w = lexicon.words

SPEECH_FORMS = lexicon.SPEECH_FORMS | _w("speech_plural_forms")
NAMING_VERBS = lexicon.NAMING_FORMS  # "dubbed", "labelled": see speech_verbs.tsv
SUBJECT_PRONOUNS = lexicon.PRONOUNS  # he she they we i you it
ROLE_NOUNS = lexicon.ROLE_NOUNS
NON_NAMES = lexicon.NON_NAMES

AUX = _w("speech_aux")
DETERMINERS = _w("determiners")
LY_NOUNS = _w("ly_nouns")
SPEAKER_NOUNS = _w("speaker_nouns") | ROLE_NOUNS
STRONG_CUES = _w("strong_cues")
TITLE_SMALL = _w("title_small_words")
PP_HEADS = _w("pp_heads")
QUANTIFIERS = _w("quantifiers")
NP_BREAKS = _w("np_breaks")
COPULAS = _w("copulas")
COMPLEMENTIZERS = _w("complementizers")
REL_BREAKS = _w("relative_breaks")
LESSER_ROLES = _w("lesser_roles")
MALE_WORDS = _w("male_words")
FEMALE_WORDS = _w("female_words")
KIN_ADJECTIVES = _w("kin_adjectives")
GOES_ON_CUES = _w("goes_on_cues")
PHRASAL_VERBS = _w("phrasal_speech_verbs")
PARTICLES = _w("particles")
TO_VERBS = _w("to_verbs")
ING_NON_NAMES = _w("ing_non_names")
PARTY_WORDS = _w("party_adjectives")
CONNECTIVES = _w("connectives")
ROLE_LINKS = _w("role_links")
RELATIVE_CUES = _w("relative_cues")
INTRO_WORDS = _w("intro_words")
SUBORDINATORS = _w("subordinators")
OBJECT_VERBS = _w("object_verbs")
PREPOSITIONS = _w("prepositions")
TRANSCRIPT_NON_NAMES = _w("transcript_non_names")
NAME_PARTICLES = _w("name_particles") | _w("speaker_joiners")
WORK_NOUNS = _w("quoted_work_cues")
HEADLINE_NOUNS = _w("quoted_headline_cues")
HOLDER_PARTICIPLES = _w("holder_participles")
STATEMENT_VERBS = _w("statement_verbs")
STATEMENT_NOUNS = _w("statement_nouns")
LABEL_VERBS = _w("label_verbs")
CUE_PARTICLES = _w("cue_particles")
REPORTING_VERBS = _w("reporting_verbs")
PUT_IT_ADVERBS = _w("put_it_adverbs")
ADDRESSED_VERBS = _w("addressed_verbs")
PASSIVE_AUX = _w("passive_aux")
ARABIC_ARTICLES = _w("arabic_articles")
TITLE_ABBREVIATIONS: dict[str, str] = {abbr: role for abbr, role in lexicon.table("title_abbreviations")}


def is_name_word(word: str) -> bool:
    """Capitalised, or an Arabic article joined to a capitalised surname ("al-Rundi")."""
    if word[:1].isupper():
        return True
    article, hyphen, rest = word.partition("-")
    return bool(hyphen) and article.lower() in ARABIC_ARTICLES and rest[:1].isupper()


def is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in lexicon.title_words()


def alternation(words: frozenset[str]) -> str:
    """Regex source matching any of ``words``, longest first; inner spaces match any spacing."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=lambda w: (-len(w), w)))
