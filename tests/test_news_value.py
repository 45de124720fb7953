"""News value: stories rank by what makes them matter, not by their quotes and names.

All texts here are invented for these tests.
"""

from __future__ import annotations

from datetime import date

from briefgen.stories.value import consequence, news_value, office

DAY = date(2026, 4, 9)


def test_a_deadly_disaster_outranks_a_quote_heavy_match_report():
    match = news_value(headline="Rovers beat United 3-1", opening=["Rovers won 3-1 at home on Sunday."],
                       outlets=1, newest=DAY, today=DAY, roles=["coach", "captain", "striker"])
    collapse = news_value(headline="Crane collapse at Harlow stadium",
                          opening=["At least 107 people were killed when a crane fell on the stand."],
                          outlets=1, newest=DAY, today=DAY, roles=[])
    assert collapse.total > match.total
    assert collapse.consequence > 0 and match.consequence == 0


def test_the_number_of_dead_raises_the_weight_and_each_kind_counts_once():
    assert consequence(["107 killed"]) > consequence(["two killed"]) > 0
    assert consequence(["killed and killed and dead"]) == consequence(["killed"])


def test_heads_of_government_count_above_other_offices():
    assert office(["Prime Minister"]) > office(["transport minister"]) > office(["coach"]) == 0


def test_an_undated_story_gets_no_credit_for_being_recent_and_breadth_grows_with_outlets():
    dated = news_value(headline="Bridge reopens", opening=[], outlets=1, newest=DAY, today=DAY, roles=[])
    undated = news_value(headline="Bridge reopens", opening=[], outlets=1, newest=None, today=DAY, roles=[])
    wide = news_value(headline="Bridge reopens", opening=[], outlets=4, newest=DAY, today=DAY, roles=[])
    assert undated.recency == 0 < dated.recency
    assert wide.breadth > dated.breadth


def test_the_parts_add_up_to_the_total():
    value = news_value(headline="Flood warning", opening=["Thousands evacuated."], outlets=2, newest=DAY,
                       today=DAY, roles=["mayor"], label="updated")
    assert abs(sum(value.parts().values()) - value.total) < 0.01
