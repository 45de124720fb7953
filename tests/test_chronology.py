"""Chronology: a story told over several days leads with its newest development.

All texts here are invented for these tests.
"""

from __future__ import annotations

from datetime import date

from briefgen.analysis import analyze_article
from briefgen.model import Article
from briefgen.stories.assemble import StoryOptions, build_stories

HELD = ("Twelve fishermen from the trawler Marlin are being held by the coastguard of Velmora after "
        "their boat crossed into its waters, the ministry in Ostrava said on Monday. "
        "Their families gathered at the harbour in Ostrava and asked for news of the Marlin's crew.")
FREED = ("The twelve fishermen of the trawler Marlin are home in Ostrava after Velmora's coastguard "
         "freed them, the ministry said on Friday. Their families met the Marlin's crew at the harbour, "
         "and the ministry thanked Velmora for the release.")


def _story(**kw):
    old = Article(path="held.txt", title="Velmora holds Marlin fishermen", text=HELD, source="Courier",
                  published=date(2026, 3, 2))
    new = Article(path="freed.txt", title="Marlin fishermen home in Ostrava", text=FREED, source="Gazette",
                  published=date(2026, 3, 6))
    (story,) = build_stories([analyze_article(old), analyze_article(new)], StoryOptions(**kw),
                             today=date(2026, 3, 6))
    return story


def test_the_newest_article_gives_the_headline_and_the_first_summary_sentence():
    for options in ({}, {"pool_sentences": 10}):
        story = _story(**options)
        assert story.headline == "Marlin fishermen home in Ostrava"
        assert story.summary[0].path == "freed.txt"


def test_a_story_knows_when_it_was_first_reported_and_last_updated():
    story = _story()
    assert (story.first_reported, story.updated) == (date(2026, 3, 2), date(2026, 3, 6))


def _line(doc: str, index: int, text: str, score: float):
    from briefgen.summarize.multi import SourcedSentence
    return SourcedSentence(document=doc, index=index, text=text, score=score)


def test_the_line_in_today_in_brief_is_the_newest_articles_first_sentence_that_stands_alone():
    from briefgen.stories.lead import lead_line
    lines = [
        _line("freed.txt", 2, "They thanked the coastguard of Velmora for the release of the crew.", 0.9),
        _line("freed.txt", 3, '"We never lost hope that the crew would come home," a relative said.', 0.8),
        _line("freed.txt", 5, "The twelve fishermen of the trawler Marlin are home in Ostrava after their release.",
              0.4),
        _line("held.txt", 0, "Twelve fishermen from the trawler Marlin are being held by the coastguard.", 1.0),
    ]
    assert lead_line(lines, ["freed.txt", "held.txt"]).index == 5
    # an older article gives the line only when the newest has none that stands alone
    assert lead_line(lines[:2] + lines[3:], ["freed.txt", "held.txt"]).document == "held.txt"


def test_a_sentence_that_leans_on_the_one_before_it_does_not_stand_alone():
    from briefgen.stories.lead import stands_alone
    assert not stands_alone("The ministry then said the crew had crossed into Velmora's waters.")
    assert not stands_alone("The mayor later agreed to reopen the harbour road to lorries on Friday.")
    assert not stands_alone("However, the ministry said the crew had crossed into Velmora's waters.")
    assert not stands_alone("Crew freed.")
    assert stands_alone("The ministry in Ostrava said the crew had crossed into Velmora's waters.")


def test_a_one_sentence_summary_says_the_latest_development_not_a_statement_it_overtook():
    story = _story(pool_sentences=10, summary_sentences=1)
    assert [line.path for line in story.summary] == ["freed.txt"]
    assert "are being held" not in story.summary[0].text


def test_a_sentence_naming_a_consequence_is_raised_in_the_pool():
    from briefgen.stories.assemble import newest_first
    from briefgen.summarize.multi import SourcedSentence
    lines = [SourcedSentence("a.txt", 0, "The ferry left Eastport at noon with 40 passengers.", 0.5),
             SourcedSentence("a.txt", 1, "Three passengers were killed when it struck the pier.", 0.5)]
    digest = analyze_article(Article(path="a.txt", title="Ferry strikes pier", text=" ".join(x.text for x in lines)))
    plain, raised = newest_first(lines, [digest], StoryOptions())
    assert raised.score > plain.score


def test_an_older_articles_statement_of_how_things_stand_leaves_the_summary():
    # Monday's "is reported missing" is overtaken by Friday's wreckage; Monday's past-tense facts stay
    monday = Article(path="missing.txt", title="Trawler Marlin missing", published=date(2026, 3, 2), source="Courier",
                     text="The trawler Marlin is reported missing off the coast of Velmora with twelve fishermen "
                          "on board. The Marlin sailed from Ostrava on Sunday with a hold full of ice.")
    friday = Article(path="found.txt", title="Wreckage of the Marlin found", published=date(2026, 3, 6),
                     source="Gazette",
                     text="Wreckage of the trawler Marlin was found off the coast of Velmora, the coastguard "
                          "said on Friday. Divers recovered part of the hull near the island of Kresta.")
    digests = [analyze_article(monday), analyze_article(friday)]
    # a summary of its own drops it; one cut from a pool takes it last, when the budget has room
    for options in ({"summary_words": 200}, {"pool_sentences": 10, "summary_words": None, "summary_sentences": 3}):
        (story,) = build_stories(digests, StoryOptions(**options), today=date(2026, 3, 6))
        texts = [line.text for line in story.summary]
        assert not any("reported missing" in t for t in texts), texts
        assert any("sailed from Ostrava" in t for t in texts), texts


def test_the_main_verb_tells_a_state_or_an_event():
    from briefgen.stories.stale import states_present
    states = ["The trawler Marlin is reported missing off the coast of Velmora.",
              "Twelve fishermen are being held by the coastguard.",
              "The boat has been missing for two days.",
              "Talks on the crew's release will resume on Monday.",
              "The wreck may be that of the Marlin."]
    events = ["The trawler went missing on Monday.",
              "The coastguard confirmed that the wreck is the Marlin.",
              "The ministry has confirmed the release.",
              "The minister said the crew \"is safe and well\".",
              "Fishermen freed by the coastguard returned home."]
    assert [states_present(t) for t in states] == [True] * len(states)
    assert [states_present(t) for t in events] == [False] * len(events)
