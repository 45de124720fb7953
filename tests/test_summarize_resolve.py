"""Summary sentences stand alone: dangling pronouns/connectives repaired, quotations whole.

Fixture sentences are written for these tests (no licensed text).
"""

from __future__ import annotations

import re

import pytest

from briefgen.model import Participant, Sentence
from briefgen.summarize import summarize
from briefgen.summarize.resolve import Resolver, people_in
from briefgen.summarize.units import group, repair_quotes

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
