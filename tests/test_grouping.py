"""Grouping: wire copies found exactly, stories formed from words, names and dates.

All texts here are invented for these tests.
"""

from __future__ import annotations

from datetime import date

from briefgen.stories.duplicates import shingles
from briefgen.stories.grouping import Doc, DuplicateSets, group, near_duplicates

FERRY = ("The Eastport harbour council approved the new ferry terminal on Monday after a long debate. "
         "Mayor Ada Okafor said the terminal would open in spring and carry commuters to Westholm. "
         "Council members voted nine to two for the plan, which costs forty million crowns.")
FERRY_EDIT = FERRY.replace("on Monday", "late on Monday") + " Residents welcomed the decision."
FERRY_OTHER = ("Eastport will get its ferry terminal: the harbour council backed Mayor Ada Okafor's plan, "
               "and commuters to Westholm can sail from spring. Two council members opposed the cost.")
STRIKE = ("Dock workers in Northbay ended their strike on Tuesday after the union leader Tomas Berg "
          "signed a wage deal with the port authority. Cranes restarted within the hour.")
STRIKE_OTHER = ("The Northbay port strike is over. Union leader Tomas Berg accepted the wage offer from "
                "the port authority and dock workers returned to the cranes on Tuesday.")
SCIENCE = ("Astronomers at the Halden observatory catalogued a faint comet passing Jupiter, "
           "the third such discovery this decade, using a new infrared camera.")


def test_shingles_are_five_word_windows_of_lower_case_tokens():
    assert shingles("One, two THREE four five six") == {"one two three four five", "two three four five six"}


def test_a_lightly_edited_copy_is_a_near_duplicate_and_a_rewrite_is_not():
    pairs = near_duplicates([FERRY, FERRY_EDIT, FERRY_OTHER, STRIKE])
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]
    assert 0.5 <= pairs[0][2] < 1.0


def test_duplicate_pairs_close_into_sets():
    assert DuplicateSets.from_pairs(5, [(0, 3), (3, 4)]).sets == [[0, 3, 4]]


def test_articles_about_the_same_event_form_one_story_and_others_stay_apart():
    docs = [Doc("Ferry terminal approved", FERRY), Doc("Dock strike ends", STRIKE),
            Doc("Council backs ferry plan", FERRY_OTHER), Doc("Comet seen near Jupiter", SCIENCE),
            Doc("Northbay strike over", STRIKE_OTHER)]
    clusters = sorted(sorted(c) for c in group(docs))
    assert clusters == [[0, 2], [1, 4], [3]]


def test_every_article_lands_in_exactly_one_group():
    docs = [Doc(f"Title {i}", t) for i, t in enumerate([FERRY, STRIKE, SCIENCE, FERRY_EDIT] * 3)]
    clusters = group(docs)
    assert sorted(i for c in clusters for i in c) == list(range(len(docs)))


def test_the_same_words_years_apart_are_not_one_story():
    docs = [Doc("Dock strike ends", STRIKE, published=date(2015, 5, 1)),
            Doc("Northbay strike over", STRIKE_OTHER, published=date(2025, 5, 1)),
            Doc("Ferry terminal approved", FERRY, published=date(2025, 5, 1))]
    assert sorted(sorted(c) for c in group(docs)) == [[0], [1], [2]]


def test_no_articles_no_groups():
    assert group([]) == []
    assert near_duplicates([]) == []


def test_time_raises_pairs_published_close_together_and_leaves_undated_pairs_alone():
    import numpy as np

    from briefgen.stories.grouping import GroupingOptions
    from briefgen.stories.timing import time_factor
    o = GroupingOptions()
    same_day, week, undated, year, decade = time_factor(np.array([0.0, 7.0, np.nan, 365.0, 3650.0]), o)
    assert same_day == 1.0 + o.near_boost > week > 1.0 == undated > year > decade
    # a follow-up a year on keeps most of its weight; the same words a decade apart little
    assert year > 0.8 and decade < 0.25


def test_one_headline_over_two_rewritten_bodies_pulls_them_together():
    from dataclasses import replace

    from briefgen.stories.features import vectors
    from briefgen.stories.grouping import GroupingOptions
    docs = [Doc("Eastport approves ferry terminal", FERRY), Doc("Eastport approves ferry terminal", FERRY_OTHER),
            Doc("Dock strike ends", STRIKE), Doc("Comet seen near Jupiter", SCIENCE)]
    with_headline = vectors(docs)
    without = vectors(docs, replace(GroupingOptions(), headline_weight=0.0))
    assert (with_headline[0] @ with_headline[1].T).toarray()[0, 0] > (without[0] @ without[1].T).toarray()[0, 0]


# ---- second pass: one story split as its wording drifted ---------------------------------------

BREACH_1 = ("Credit agency Lenfield said hackers stole the records of forty million customers. "
            "Lenfield chief Mara Quist apologised and promised free credit monitoring.")
BREACH_2 = ("Lenfield breach: hackers took names and card numbers of forty million customers, "
            "the credit agency said. Mara Quist said monitoring would be free for a year.")
BREACH_3 = ("Lenfield breach grows: the credit agency now says hackers reached more customers abroad. "
            "Mara Quist told regulators the stolen records included card numbers.")
BREACH_4 = ("Regulators question Lenfield over the breach of customer records by hackers; "
            "Mara Quist said the credit agency had closed the hole and monitoring stays free.")
EARNINGS = ("Credit agency Lenfield reported its results: chief Mara Quist said customers stayed loyal "
            "and card numbers grew, while the records of monitoring sales rose forty percent.")


def _merge(docs, clusters):
    import numpy as np

    from briefgen.stories.drift import merge_clusters
    from briefgen.stories.features import headline_words, salient_names, vectors
    from briefgen.stories.timing import ordinal
    # the rest of the day's news, each its own story: what makes the story's names rare
    others = [Doc("Ferry terminal approved", FERRY, date(2025, 3, 3)), Doc("Dock strike ends", STRIKE, date(2025, 3, 3)),
              Doc("Comet seen near Jupiter", SCIENCE, date(2025, 3, 4)), Doc("Northbay strike over", STRIKE_OTHER)]
    n = len(docs)
    docs = docs + others
    clusters = clusters + [[n + k] for k in range(len(others))]
    days = np.asarray([ordinal(d.published) if d.date_known else np.nan for d in docs], dtype=float)
    merged = merge_clusters(clusters, vectors(docs), days, salient_names(docs), headline_words(docs))
    return sorted(sorted(c) for c in merged if c[0] < n)


def _breach_docs(second_day, *, date_known=True, second_title="Lenfield breach grows"):
    return [Doc("Lenfield breach hits customers", BREACH_1, date(2025, 3, 1)),
            Doc("Lenfield breach: card numbers taken", BREACH_2, date(2025, 3, 2)),
            Doc(second_title, BREACH_3, second_day, date_known=date_known),
            Doc(second_title + " abroad", BREACH_4, second_day, date_known=date_known)]


def test_two_clusters_of_one_story_days_apart_become_one():
    assert _merge(_breach_docs(date(2025, 3, 6)), [[0, 1], [2, 3]]) == [[0, 1, 2, 3]]


def test_clusters_months_apart_or_undated_stay_apart():
    assert _merge(_breach_docs(date(2025, 9, 1)), [[0, 1], [2, 3]]) == [[0, 1], [2, 3]]
    assert _merge(_breach_docs(date(2025, 3, 6), date_known=False), [[0, 1], [2, 3]]) == [[0, 1], [2, 3]]


def test_a_story_covered_every_few_weeks_goes_on_after_months_without_news():
    from dataclasses import replace

    docs = _breach_docs(date(2025, 9, 1))
    docs[1] = replace(docs[1], published=date(2025, 4, 15))  # the story's pace: six weeks, not a day
    assert _merge(docs, [[0, 1], [2, 3]]) == [[0, 1, 2, 3]]


def test_a_title_cut_from_the_lead_is_no_headline():
    from briefgen.stories.features import headline_words

    docs = [Doc("Credit agency Lenfield said hackers stole the records…", BREACH_1),
            Doc("Lenfield breach hits customers", BREACH_2), Doc("Lenfield breach widens", BREACH_3),
            Doc("Lenfield breach widens", "Lenfield breach widens\n" + BREACH_4)]
    heads = headline_words(docs)
    assert heads[0].nnz == 0 and heads[1].nnz > 0
    assert heads[3].nnz > 0  # a headline extraction left on its own line atop the body is one


def test_the_same_people_under_other_headlines_are_another_story():
    docs = _breach_docs(date(2025, 3, 6), second_title="Lenfield quarterly results")
    docs[2:] = [Doc("Lenfield quarterly results", EARNINGS, date(2025, 3, 6)),
                Doc("Lenfield results beat forecasts", EARNINGS.replace("rose", "climbed"), date(2025, 3, 6))]
    assert _merge(docs, [[0, 1], [2, 3]]) == [[0, 1], [2, 3]]


def test_closeness_in_time_is_between_the_nearest_articles_not_the_centres():
    import numpy as np

    from briefgen.stories.drift import _closest_days
    assert _closest_days(np.array([0.0, 40.0]), np.array([43.0, 90.0])) == 3.0
    assert np.isnan(_closest_days(np.array([np.nan]), np.array([1.0])))


# ---- time: a gentle prior, not a wall ------------------------------------------------------

def test_a_follow_up_months_later_that_retells_the_story_joins_it():
    late = ("A year and a half after the Lenfield breach, hackers who stole the records of forty million "
            "customers were charged. Lenfield chief Mara Quist said the credit agency had paid for monitoring.")
    docs = [Doc("Lenfield breach hits customers", BREACH_1, date(2025, 3, 1)),
            Doc("Lenfield breach: card numbers taken", BREACH_2, date(2025, 3, 2)),
            Doc("Ferry terminal approved", FERRY, date(2025, 3, 3)), Doc("Dock strike ends", STRIKE, date(2025, 3, 3)),
            Doc("Comet seen near Jupiter", SCIENCE, date(2025, 3, 4)),
            Doc("Lenfield breach hackers charged", late, date(2026, 9, 1))]
    assert sorted(sorted(c) for c in group(docs)) == [[0, 1, 5], [2], [3], [4]]


# ---- small inboxes: the evidence means the same for two articles as for twenty thousand ----

CRICKET = ("The hosts won the third test by six wickets on Sunday, their captain scoring an unbeaten "
           "century as the visitors' bowlers tired in the heat. The series is level with two matches left, "
           "and the selectors said the squad would stay the same for next week.")
CHIP = ("A chipmaker launched a faster laptop processor on Sunday, saying it uses a third less power than "
        "last year's model. The company said machines with the chip go on sale next week, and its chief "
        "executive told reporters that demand from schools had doubled.")
FIRE = ("Firefighters spent the night at a chemical plant on the edge of Rivermouth after a tank caught "
        "fire. The plant's owner said nobody was hurt, and residents were told to keep windows shut.")
FLOOD = ("Forecasters issued a flood warning for the lower valley on Sunday as the river rose after three "
         "days of rain. Farmers moved cattle to higher fields and the council handed out sandbags.")


def test_two_unrelated_articles_that_are_the_whole_inbox_stay_apart():
    day = date(2026, 5, 3)
    assert sorted(sorted(c) for c in group([Doc("Hosts level the series", CRICKET, day),
                                            Doc("New laptop chip", CHIP, day)])) == [[0], [1]]


def test_a_mixed_morning_inbox_keeps_every_story_and_still_joins_two_reports_of_one():
    day = date(2026, 5, 3)
    docs = [Doc("Ferry terminal approved", FERRY, day), Doc("Fire at chemical plant", FIRE, day),
            Doc("Flood warning for the valley", FLOOD, day), Doc("Council backs ferry plan", FERRY_OTHER, day)]
    assert sorted(sorted(c) for c in group(docs)) == [[0, 3], [1], [2]]


def test_the_english_background_weighs_a_rare_word_above_a_common_one():
    from briefgen.stories import background
    assert background.english_idf("wicket", stemmed=False) > background.english_idf("year", stemmed=False) > 0


def test_group_explain_says_which_names_and_words_joined_a_story_and_what_a_lone_article_lacked(tmp_path):
    import json

    from click.testing import CliRunner

    from briefgen.cli import cli
    for name, title, text in (("a.txt", "Ferry terminal approved", FERRY), ("b.txt", "Council backs ferry plan", FERRY_OTHER),
                              ("c.txt", "Fire at chemical plant", FIRE)):
        (tmp_path / name).write_text(f"{title}\n\n{text}\n")
    result = CliRunner().invoke(cli, ["group", str(tmp_path), "--explain", "--format", "json"])
    assert result.exit_code == 0, result.output
    stories = {len(s["articles"]): s for s in json.loads(result.stdout)["stories"]}
    (joined,) = stories[2]["explain"]
    assert joined["score"] >= joined["threshold"] and joined["evidence"] >= joined["evidence_needed"]
    assert "okafor" in joined["shared_names"] and "commuters" in joined["shared_words"]
    assert joined["evidence_parts"]["names"] > 0 and joined["evidence_parts"]["text words"] > 0
    (alone,) = stories[1]["explain"]
    assert alone["article"].endswith("c.txt") and alone["evidence"] < alone["evidence_needed"]
    assert sum(alone["evidence_parts"].values()) < sum(joined["evidence_parts"].values())
    text = CliRunner().invoke(cli, ["group", str(tmp_path), "--explain", "--format", "text"]).stdout
    assert "why: " in text and "joined to" in text and "closest:" in text and "evidence from " in text


def test_explain_names_the_places_and_numbers_two_look_alike_reports_differ_in():
    from briefgen.stories.explain import explain
    day = date(2026, 5, 8)
    docs = [Doc("Bakery blast kills four", BLAST_A, day), Doc("Bakery blast kills nine", BLAST_B, day)]
    (link,) = explain(docs, [[0], [1]])[0]
    assert "places: poznan / lublin" in link.differing and any(d.startswith("numbers: ") for d in link.differing)
    assert dict(link.parts)["places"] < 0 < dict(link.parts)["text words"]


def test_a_big_day_finds_its_pairs_through_the_index_of_specific_terms_with_the_same_stories(monkeypatch):
    from briefgen.stories import linkage

    day = date(2026, 5, 3)
    docs = [Doc("Ferry terminal approved", FERRY, day), Doc("Dock strike ends", STRIKE, day),
            Doc("Council backs ferry plan", FERRY_OTHER, day), Doc("Comet seen near Jupiter", SCIENCE, day),
            Doc("Northbay strike over", STRIKE_OTHER, day), Doc("Fire at chemical plant", FIRE, day)]
    exact = sorted(sorted(c) for c in group(docs))
    monkeypatch.setattr(linkage, "INDEX_FROM", 0)  # as if the day were big
    assert sorted(sorted(c) for c in group(docs)) == exact == [[0, 2], [1, 4], [3], [5]]


# ---- the pair evidence: parts of two articles, shared or in conflict ----------------------------

BLAST_A = ("A gas explosion destroyed a bakery in Poznan on Friday, killing 4 people and injuring 11, "
           "the regional fire chief Piotr Wnuk said. Rescuers searched the rubble through the night.")
BLAST_A_OTHER = ("Four people died and 11 were hurt when gas exploded in a Poznan bakery on Friday. Fire chief "
                 "Piotr Wnuk said rescuers would keep searching the rubble.")
BLAST_B = ("A gas explosion destroyed a bakery in Lublin on Friday, killing 9 people and injuring 30, "
           "the city's fire chief Anna Sowa said. Rescuers searched the rubble through the night.")


def test_places_and_numbers_are_found_in_a_text():
    from briefgen.stories.evidence import number_terms, place_terms
    assert place_terms("Talks in Paris and New York City; France and Mr Smith of Berlin.") == [
        "paris", "new york city", "france", "berlin"]
    assert number_terms("At least 1,200 people, 3.5 percent, 27 hurt in 2008.") == ["1200", "3.5", "27", "2008"]


def _logit(docs, i, j):
    import numpy as np

    from briefgen.stories.evidence import parts
    from briefgen.stories.timing import ordinal
    p = parts(docs, np.asarray([ordinal(d.published) for d in docs], dtype=float))
    return float(p.logit(np.asarray([i]), np.asarray([j]))[0])


def test_the_same_kind_of_event_in_another_city_with_another_toll_is_weaker_evidence():
    day = date(2026, 5, 8)
    docs = [Doc("Bakery blast kills four", BLAST_A, day), Doc("Four dead in bakery explosion", BLAST_A_OTHER, day),
            Doc("Bakery blast kills nine", BLAST_B, day)]
    assert _logit(docs, 0, 1) > _logit(docs, 0, 2) + 3


def test_a_pairs_evidence_is_the_same_in_a_two_article_inbox_and_a_bigger_one():
    import pytest
    day = date(2026, 5, 3)
    pair = [Doc("Ferry terminal approved", FERRY, day), Doc("Council backs ferry plan", FERRY_OTHER, day)]
    more = pair + [Doc("Dock strike ends", STRIKE, day), Doc("Comet seen near Jupiter", SCIENCE, day),
                   Doc("Fire at chemical plant", FIRE, day)]
    assert _logit(pair, 0, 1) == pytest.approx(_logit(more, 0, 1), abs=0.05)


def test_a_part_missing_from_one_side_says_nothing_and_one_both_have_unshared_counts_against():
    import numpy as np

    from briefgen.stories.evidence import parts
    day = date(2026, 5, 3)
    docs = [Doc("Ferry terminal approved", FERRY, day), Doc("", FERRY_OTHER, day),
            Doc("Comet seen near Jupiter", FERRY_OTHER, day)]
    f = parts(docs, np.zeros(3)).features(np.asarray([0, 0]), np.asarray([1, 2]))
    assert f["both_titled"].tolist() == [0.0, 1.0] and f["title"].tolist() == [0.0, 0.0]


def test_with_the_fitted_evidence_as_the_cap_a_mixed_inbox_keeps_its_stories_apart():
    from briefgen.stories.grouping import GroupingOptions
    day = date(2026, 5, 3)
    options = GroupingOptions(evidence_scale=1.0)
    docs = [Doc("Ferry terminal approved", FERRY, day), Doc("Fire at chemical plant", FIRE, day),
            Doc("Flood warning for the valley", FLOOD, day), Doc("Council backs ferry plan", FERRY_OTHER, day)]
    assert sorted(sorted(c) for c in group(docs, options)) == [[0, 3], [1], [2]]
    assert sorted(sorted(c) for c in group([Doc("Hosts level the series", CRICKET, day),
                                            Doc("New laptop chip", CHIP, day)], options)) == [[0], [1]]


# ---- the evidence gate and the strong path: absolute evidence decides where the batch cannot ----

def test_a_story_needs_pairs_of_absolute_evidence_and_copies_of_one_text_stay_together():
    import numpy as np

    from briefgen.stories.evidence import parts
    from briefgen.stories.features import vectors
    from briefgen.stories.grouping import GroupingOptions
    from briefgen.stories.linkage import gate
    day = date(2026, 5, 3)
    docs = [Doc("Ferry terminal approved", FERRY, day), Doc("Council backs ferry plan", FERRY_OTHER, day),
            Doc("Flood warning for the valley", FLOOD, day)]
    days = np.zeros(3)
    english = vectors(docs, english=True)
    p = parts(docs, days)
    # however the average link joined them, the flood warning shares no evidence with the ferry
    assert sorted(gate([0, 1, 2], english, days, p, {}, GroupingOptions())) == [[0, 1], [2]]
    # a copy of one text is one story whatever its words (wire copy under another headline)
    assert sorted(gate([0, 1, 2], english, days, p, {0: [2]}, GroupingOptions())) == [[0, 1, 2]]


def test_the_gate_is_strictest_for_a_small_inbox_and_the_strong_path_open_only_there():
    from briefgen.stories.grouping import GroupingOptions
    from briefgen.stories.linkage import STRONG_OFF, gate_cut, strong_cut
    o = GroupingOptions()
    # two to ten articles cannot measure their own background: the absolute evidence decides
    assert gate_cut(2, o) > o.evidence_gate - 0.1 and gate_cut(10, o) > o.evidence_gate - 0.5
    assert gate_cut(2, o) > gate_cut(40, o) > gate_cut(400, o) > gate_cut(20_000, o)
    assert strong_cut(2, o) < o.evidence_strong + 0.1 < strong_cut(40, o) < strong_cut(400, o)
    # a big day's look-alikes are judged by the day itself: no pair skips its score
    assert strong_cut(400, o) > STRONG_OFF


def test_a_pair_of_overwhelming_evidence_is_one_story_in_a_small_inbox_whatever_the_batch_score():
    from dataclasses import replace

    from briefgen.stories.grouping import GroupingOptions
    day = date(2026, 5, 3)
    docs = [Doc("Ferry terminal approved", FERRY, day), Doc("Council backs ferry plan", FERRY_OTHER, day),
            Doc("Fire at chemical plant", FIRE, day)]
    # a threshold no batch-relative score reaches (and no second pass): only the strong path joins
    unreachable = replace(GroupingOptions(), threshold=1000.0, merge_days=-1.0)
    assert sorted(sorted(c) for c in group(docs, unreachable)) == [[0, 1], [2]]
    assert sorted(sorted(c) for c in group(docs, replace(unreachable, evidence_strong=99.0))) == [[0], [1], [2]]
