"""Wire copy: datelines and AP's " _ " dashes never reach a headline or a summary.

All texts here are invented for these tests.
"""

from __future__ import annotations

import pytest

from briefgen.ingest.article import headline_phrase, parse_article
from briefgen.ingest.wire import dateline, tidy


@pytest.mark.parametrize("text, expected", [
    ("OSTRAVA, Velmora (AP) _ The ministry said.", "OSTRAVA, Velmora (AP) _ "),
    ("PARIS (AFP) - Strikes spread to the ports.", "PARIS (AFP) - "),
    ("WASHINGTON — The Senate voted late on Friday.", "WASHINGTON — "),
    ("US - China talks resume in Geneva.", ""),  # a plain hyphen without an agency is a headline's dash
    ("NASA said on Monday it would launch.", ""),
    ("UK and EU agree a fishing deal.", ""),
])
def test_a_dateline_is_a_place_in_capitals_then_an_agency_or_a_long_dash(text, expected):
    assert dateline(text) == expected


def test_an_untitled_wire_story_gets_a_clean_headline_and_body():
    raw = ("OSTRAVA, Velmora (AP) _ Velmora's coastguard freed twelve fishermen of the trawler Marlin on Friday "
           "after a week of talks, the ministry said, ending a dispute over fishing waters.\n\n"
           "Their families _ who had waited at the harbour _ met them in Ostrava.\n")
    article = tidy(parse_article(raw.encode(), path="marlin.txt"))
    assert article.title == "Velmora's coastguard freed twelve fishermen of the trawler Marlin on Friday after a week of talks"
    assert article.text.startswith("Velmora's coastguard freed")
    assert " _ " not in article.text and "families — who had waited at the harbour — met" in article.text


@pytest.mark.parametrize("sentence, expected", [
    ("The bridge reopens on Monday.", "The bridge reopens on Monday"),
    ("The harbour council of Eastport approved a ferry terminal to Westholm on Monday night, after a "
     "long debate about its cost and the noise", "The harbour council of Eastport approved a ferry terminal to Westholm on Monday night"),
    # no clause fits: the trailing prepositional phrases go, not a cut mid-phrase
    ("The prime minister of Velmora and the president of the Eastport Republic of Westholm met in Ostrava on "
     "Tuesday to sign a treaty on fishing waters and ferry routes",
     "The prime minister of Velmora and the president of the Eastport Republic of Westholm met"),
])
def test_a_headline_made_from_a_long_sentence_is_its_opening_clause(sentence, expected):
    assert headline_phrase(sentence) == expected
