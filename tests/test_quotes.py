"""Quote extraction, one behaviour per case file in tests/cases/quotes/*.yaml.

Each case gives ``text`` and the exact list of expected ``quotes`` (text, and when given:
speaker, mention, cue, rule prefix, and ``not_rule``: a rule that must not decide it).
Known misses carry ``xfail: reason``. Every rule of the attribution table (and the
continuation and floating passes) has a case where it fires and a near miss (``not_rule``)
where it must not.
"""

import pytest
from hypothesis import given, settings, strategies as st

from briefgen.extract.participants import extract_participants
from briefgen.extract.quotes import extract_quotes, rank_quotes
from briefgen.extract.quotes.merge import CONTINUATION, FLOATING
from briefgen.extract.quotes.rules import RULES
from briefgen.model import Quote
from briefgen.text import lexicon
from case_files import case_params


@pytest.mark.parametrize("case", case_params("quotes"))
def test_quote_case(case):
    text = case["text"]
    quotes = extract_quotes(text, extract_participants(text))
    expected = case["quotes"]
    assert [q.text for q in quotes] == [e["text"] for e in expected]
    for q, e in zip(quotes, expected):
        assert text[q.start : q.end] == q.text
        if "speaker" in e:
            assert q.speaker == e["speaker"]
        if "mention" in e:
            assert q.speaker_mention == e["mention"]
        if "cue" in e:
            assert q.cue == e["cue"]
        if "rule" in e:
            assert q.rule.startswith(e["rule"])
        if "not_rule" in e:
            assert q.rule.split("+")[0] != e["not_rule"]
        assert q.rule and 0.0 <= q.confidence <= 1.0


def _rule_names() -> set[str]:
    """Every name a quote's rule can have: the table's rows, their variants, and the two
    passes that carry a speaker on (merge.py)."""
    return {r.name for r in RULES} | {n for r in RULES for n in r.also} | {CONTINUATION[0], FLOATING[0]}


def _expected_quotes():
    for param in case_params("quotes"):
        if not param.marks:  # a known miss (xfail) proves nothing either way
            yield from param.values[0]["quotes"]


def test_every_rule_of_the_table_has_a_case():
    fires = {e["rule"].split("+")[0] for e in _expected_quotes() if "rule" in e}
    assert _rule_names() - fires == set()


def test_every_rule_has_a_near_miss_where_it_must_not_fire():
    near_misses = {e["not_rule"] for e in _expected_quotes() if "not_rule" in e}
    assert _rule_names() - near_misses == set()


def test_participants_are_found_when_not_given():
    text = "“We will rebuild every school before winter,” said Governor Ana Ruiz."
    assert extract_quotes(text)[0].speaker == "Ana Ruiz"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab Cd.,:;\n“”\"'‘’«»`—-") + ["He said", " said ", "Mr. Lee ", "word "]), max_size=120).map("".join))
def test_never_raises_and_offsets_point_at_the_quote(text):
    for q in extract_quotes(text):
        assert text[q.start : q.end] == q.text


def test_binary_junk_does_not_raise():
    junk = bytes(range(256)).decode("latin-1") * 3
    assert isinstance(extract_quotes(junk), tuple)


def _q(text, speaker, start=0, confidence=0.9):
    return Quote(text=text, start=start, end=start + len(text), speaker=speaker, speaker_mention=speaker, cue="said", rule="test", confidence=confidence)


def test_rank_quotes_keeps_attributed_substantive_quotes_at_most_two_per_speaker():
    long_words = "word " * 12
    quotes = [
        _q(long_words + "one", "A", 0),
        _q(long_words + "two", "A", 100),
        _q(long_words + "three", "A", 200),
        _q(long_words + "four", None, 300),  # unattributed
        _q("too short to matter", "B", 400),
        _q("word " * 70, "C", 500),  # too long
        _q(long_words + "five", "D", 600, confidence=0.6),
    ]
    ranked = rank_quotes(quotes)
    assert [q.speaker for q in ranked] == ["A", "A", "D"]
    assert rank_quotes(quotes, limit=1) == ranked[:1]
    assert len(rank_quotes(quotes, per_speaker=1)) == 2


def test_speech_verbs_table_says_once_whether_a_verb_introduces_speech_or_a_name():
    rows = lexicon.table("speech_verbs")
    assert all(len(row) == 3 and set(row[2].split()) <= {"speech", "naming", "quoted-name"} and row[2] for row in rows)
    assert "dubbed" in lexicon.SPEECH_FORMS & lexicon.NAMING_FORMS  # "dubbed it “…”", "dubbed the feud: “…”"
    assert "titled" in lexicon.NAMING_FORMS - lexicon.SPEECH_FORMS
    # "a boat called “Sea Lark”" names a thing, but "called them on it: “…”" is still speech
    assert "called" in (lexicon.QUOTED_NAME_FORMS & lexicon.SPEECH_FORMS) - lexicon.NAMING_FORMS


@pytest.mark.parametrize(
    ("speaker", "named"),
    [
        ("Ada Okafor", True),
        ("the European Union", True),
        ("NATO", True),
        ("Ministry of Defence", True),
        ("a police spokesperson", False),
        ("One poster", False),
        ("The statement", False),
        ("the Republican candidate", False),
        ("Okafor's campaign manager", False),
        ("federal prosecutors", False),
        ("He", False),
    ],
)
def test_speaker_lists_take_names_not_descriptions(speaker, named):
    from briefgen.extract.quotes import is_named_speaker

    assert is_named_speaker(speaker) is named
