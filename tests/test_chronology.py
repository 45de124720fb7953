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
