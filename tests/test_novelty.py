"""Novelty: replaying two days, yesterday's stories are recognised as continuing or updated.

All texts here are invented for these tests.
"""

from __future__ import annotations

from datetime import date

from briefgen.model import Article
from briefgen.novelty import commit, is_new_fact, label_stories, prepare
from briefgen.pipeline import analyze_article
from briefgen.stories import build_stories, merge_quotes
from builders import quote
from test_grouping import FERRY, FERRY_EDIT, FERRY_OTHER, SCIENCE, STRIKE, STRIKE_OTHER

DAY1, DAY2 = date(2025, 3, 10), date(2025, 3, 11)
STRIKE_LATER = ("Northbay dock workers are back at work after the strike, and union leader Tomas Berg "
                "said the wage deal with the port authority runs for three years. "
                "The port authority will also hire sixty new crane drivers by the summer.")


def digest(path, title, text, day, source="Courier"):
    return analyze_article(Article(path=path, title=title, text=text, source=source,
                                   url=f"https://example.org/{path}", published=day))


class Brief:  # what commit() reads from a real Brief
    def __init__(self, stories):
        self.digests = [s.lead for s in stories]
        self.extra = {"memory": {"by_path": {s.lead.article.path: {"id": s.id} for s in stories}}}


def run(tmp_path, day, digests):
    stories, store = prepare(digests, day, tmp_path / "state.sqlite")
    try:
        commit(store, stories, day, {"analyst": Brief(stories)})
    finally:
        store.close()
    return {s.headline: s for s in stories}


def test_copies_collapse_into_one_story_that_lists_every_outlet():
    stories = build_stories([digest("a.txt", "Ferry terminal approved", FERRY, DAY1, "Courier"),
                             digest("b.txt", "Ferry terminal approved", FERRY_EDIT, DAY1, "Gazette"),
                             digest("c.txt", "Comet seen", SCIENCE, DAY1)], today=DAY1)
    ferry = next(s for s in stories if "Ferry" in s.headline)
    assert ferry.duplicates == (("a.txt", "b.txt"),)
    assert len(ferry.digests) == 1 and {o.source for o in ferry.outlets} == {"Courier", "Gazette"}


def test_replay_labels_new_continuing_and_updated(tmp_path):
    day1 = run(tmp_path, DAY1, [digest("f1.txt", "Ferry terminal approved", FERRY, DAY1),
                                digest("s1.txt", "Dock strike ends", STRIKE, DAY1)])
    assert {s.label for s in day1.values()} == {"new"}

    day2 = run(tmp_path, DAY2, [digest("f2.txt", "Ferry terminal approved", FERRY, DAY2),
                                digest("s2.txt", "Dock strike ends", STRIKE, DAY2),
                                digest("s3.txt", "Northbay strike over", STRIKE_LATER, DAY2),
                                digest("c2.txt", "Comet seen near Jupiter", SCIENCE, DAY2)])
    assert day2["Ferry terminal approved"].label == "continuing"
    assert day2["Ferry terminal approved"].id == day1["Ferry terminal approved"].id
    strike = next(s for h, s in day2.items() if "strike" in h.lower())
    assert strike.label == "updated" and strike.id == day1["Dock strike ends"].id
    assert strike.new_facts and all("Tomas Berg signed" not in l.text for l in strike.new_facts)
    assert day2["Comet seen near Jupiter"].label == "new"


def test_a_story_without_a_shared_article_is_matched_by_its_words(tmp_path):
    day1 = run(tmp_path, DAY1, [digest("f1.txt", "Ferry terminal approved", FERRY, DAY1)])
    stories, store = prepare([digest("f9.txt", "Council backs ferry plan", FERRY_OTHER, DAY2)], DAY2,
                             tmp_path / "state.sqlite")
    store.close()
    assert stories[0].id == day1["Ferry terminal approved"].id


def test_without_a_store_every_story_is_new():
    stories = build_stories([digest("s1.txt", "Dock strike ends", STRIKE, DAY1),
                             digest("s2.txt", "Northbay strike over", STRIKE_OTHER, DAY1)])
    assert [s.label for s in label_stories(stories, None, DAY1)] == ["new"]


def test_a_sentence_already_briefed_is_not_a_new_fact():
    earlier = [set("the port authority signed a wage deal".split())]
    assert not is_new_fact("The port authority signed a wage deal.", earlier)
    assert is_new_fact("Sixty crane drivers will be hired.", earlier)


def test_the_same_quote_from_three_outlets_appears_once_with_its_speaker():
    merged = merge_quotes([[quote("We will open in spring.", None)],
                           [quote("We will open in spring", "Ada Okafor")],
                           [quote("We will open in spring. Commuters will love it.", None, confidence=0.1)],
                           [quote("The cost is fair.", "Ada Okafor")]])
    assert [(q.text.rstrip("."), q.speaker) for q in merged][0][1] == "Ada Okafor"
    assert len(merged) == 2
