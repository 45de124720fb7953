"""A story's summary says each fact once, however many outlets told it.

All texts here are invented for these tests.
"""

from __future__ import annotations

from briefgen.stories.repeats import says_again


def test_the_same_number_of_the_same_thing_is_said_once():
    first = "About 2,000 people were evacuated from the lower valley on Sunday."
    assert says_again("Some 2,000 residents were evacuated as the river rose.", [first])
    assert not says_again("Rain is forecast for 36 more hours.", [first])


def test_a_sentence_whose_words_are_mostly_said_already_is_a_repeat_and_a_new_fact_is_not():
    first = "The Eastport harbour council approved the new ferry terminal on Monday."
    assert says_again("On Monday the harbour council of Eastport approved the ferry terminal.", [first])
    assert not says_again("Mayor Ada Okafor said the terminal would open in spring.", [first])
