"""Summary sentences stand alone: dangling pronouns/connectives repaired, quotations whole.

Fixture sentences are written for these tests (no licensed text).
"""

from __future__ import annotations

import re

import pytest

from briefgen.model import Participant, Sentence
from briefgen.summarize import summarize
from briefgen.summarize.resolve import Resolver, people_in
from briefgen.summarize.units import group, reopenings, repair_quotes
from briefgen.text.segment import split_sentences

STORY = [
    "Riverton council approved a new flood defence plan on Monday.",
    "Council leader Maria Ortiz said the river walls would protect four thousand homes.",
    "She said work on the walls would start in the spring.",
    "However, engineers warned that the wetlands scheme could take longer.",
    "Mr Daniel Reyes, the chief engineer, said the budget was tight.",
    "His team will publish a timetable next month.",
    "It is thought that the scheme will cost twelve million pounds.",
    "They hope to finish before the winter floods.",
]


def test_a_leading_connective_is_dropped():
    assert Resolver(STORY).stand_alone(3) == "Engineers warned that the wetlands scheme could take longer."


def test_he_or_she_is_replaced_by_the_person_named_before():
    assert Resolver(STORY).stand_alone(2) == "Maria Ortiz said work on the walls would start in the spring."


def test_a_possessive_takes_the_name_with_an_apostrophe_s():
    assert Resolver(STORY).stand_alone(5) == "Mr Reyes's team will publish a timetable next month."


def test_a_pronoun_of_the_other_gender_than_the_honorific_is_not_replaced():
    texts = ["Mr Daniel Reyes spoke on Monday.", "She said the plan was late."]
    assert Resolver(texts).stand_alone(1) is None


def test_it_that_announces_a_clause_and_they_are_not_guessed():
    r = Resolver(STORY)
    assert r.stand_alone(6) is None
    assert r.stand_alone(7) is None


def test_it_takes_the_proper_noun_subject_of_the_sentence_before():
    texts = ["Microsoft released a new browser on Tuesday.", "It said the browser was faster."]
    assert Resolver(texts).stand_alone(1) == "Microsoft said the browser was faster."


def test_participants_give_the_names_when_passed():
    texts = ["The minister, Ana Lima, visited the dam.", "She praised the engineers."]
    people = [Participant("Ana Lima", "person", aliases=("Ms Lima",))]
    assert Resolver(texts, people).stand_alone(1) == "Ana Lima praised the engineers."


def test_sentence_initial_words_and_roles_are_not_part_of_a_name():
    assert people_in('But Mr Howard said: "We will wait."') == ["Mr Howard"]
    assert people_in("Home Secretary Alan Brisk said there was no case.") == ["Alan Brisk"]


_OPENER = re.compile(r"^[\W_]*(he|she|they|it|this|however|but|also)\b", re.I)


@pytest.mark.parametrize("count", [1, 2, 3, 4])
def test_no_default_summary_sentence_dangles(count):
    sents = [Sentence(i, 0, 0, t, i) for i, t in enumerate(STORY)]
    result = summarize(sents, count=count, title="Riverton flood plan")
    chosen = {s.index for s in result}
    for s in result:
        assert not _OPENER.match(s.text) or s.index - 1 in chosen, s.text


def test_a_repaired_sentence_keeps_the_index_of_its_article_sentence():
    sents = [Sentence(i, 0, 0, t, i) for i, t in enumerate(STORY)]
    for s in summarize(sents, count=4, title="Riverton flood plan"):
        words = set(re.findall(r"\w+", s.text.lower()))
        assert len(words & set(re.findall(r"\w+", STORY[s.index].lower()))) >= len(words) - 3


def test_multi_paragraph_quotation_marks_are_normalised_not_counted_as_fragments():
    # a paragraph of a continued quotation re-opens it: spurious inside one line
    assert repair_quotes('He said: "We won. "It was hard."') == 'He said: "We won. It was hard."'
    # a paragraph of a continued quotation is closed only when the next one re-opens it
    assert repair_quotes('"We won.', paragraph_continues=True) == '"We won."'
    assert repair_quotes('"We won.') is None
    # the tail of a quotation that began earlier is a fragment
    assert repair_quotes('It was hard," she said.') is None
    assert repair_quotes('"A," he said. "B."') == '"A," he said. "B."'


def test_a_quotation_continued_in_the_next_paragraph_becomes_a_whole_unit():
    sents = [Sentence(0, 0, 0, 'The mayor said: "We will rebuild the bridge.', 0),
             Sentence(1, 0, 0, '"It will open next year," she added.', 1)]
    units = group(sents)
    assert units[0].balanced and units[0].text.endswith('bridge."')
    assert units[1].balanced


# A quotation of several paragraphs that the article's copy ran into one line: each old
# paragraph of the quotation still re-opens it ("We will. "The river...), and none but the
# last closes it.
FLATTENED = ('The mayor said: "We will open the bridge in May. "The crossing has waited ten '
             'years. Nobody wants more delay." The council agreed.')


def test_a_quotation_run_into_one_line_splits_where_it_re_opens():
    sents = split_sentences(FLATTENED)
    units = group(sents)
    assert [u.text for u in units] == [
        'The mayor said: "We will open the bridge in May."',
        '"The crossing has waited ten years. Nobody wants more delay."',
        "The council agreed.",
    ]
    assert all(u.balanced for u in units)


def test_the_old_paragraph_before_a_re_opening_is_one_closed_quotation():
    sents = split_sentences('Ms Rowe told the radio: \u201cBuses will run every hour. It is a start. '
                            '\u201cWe expect more routes next year.\u201d')
    units = group(sents)
    assert [u.text for u in units] == [
        "Ms Rowe told the radio: \u201cBuses will run every hour. It is a start.\u201d",
        "\u201cWe expect more routes next year.\u201d",
    ]
    assert all(u.balanced for u in units)


def test_a_new_quotation_after_a_closed_one_is_no_re_opening():
    sents = split_sentences('"We won," he said. "It was hard." The team flew home.')
    assert reopenings(sents, 0, len(sents)) == []
    assert [u.text for u in group(sents)] == [s.text for s in sents]


def test_a_summary_may_quote_one_paragraph_of_a_flattened_quotation():
    texts = ["Riverton will reopen its old bridge in May, the mayor announced on Friday."]
    texts += [s.text for s in split_sentences(FLATTENED)]
    texts += ["Repairs to the bridge cost four million pounds.",
              "The bridge was closed after the floods of March."]
    sents = [Sentence(i, 0, 0, t, [0, 1, 1, 1, 1, 1, 2, 2][i]) for i, t in enumerate(texts)]
    seen = set()
    for count in range(1, 6):
        for s in summarize(sents, count=count, title="Riverton bridge to reopen"):
            assert s.text.count('"') % 2 == 0, s.text
            seen.add(s.text)
    assert 'The mayor said: "We will open the bridge in May."' in seen
