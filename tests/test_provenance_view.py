"""What a reader of the PDF/HTML can trace and date: every summary sentence and quote carries a
"[n]" mark that links to a Sources entry (issue 16); each story shows its age and labels
articles older than the brief's window as background; the executive gist (takeaway, key
facts, top quotes) and the charts' data and text alternatives (issue 20). Invented data."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest

from briefgen.audience import BUILTIN_AUDIENCES
from briefgen.model import BriefStory, OutletLink, StoryLine, StoryMemory
from briefgen.rendering.context import build_context
from briefgen.rendering.gist import self_contained, takeaway
from briefgen.rendering.render import render_html
from builders import DAY, article, brief, digest, quote

TEXT = ("Harbour council approves the new ferry terminal after a vote of nine to two on Monday. "
        "It will open in 2027. The terminal will cost 40 million euros over three years. "
        "Officials said 300 jobs would be created at the port. “We are ready to build,” the mayor said")


def story_of(*parts, headline="Harbour council approves ferry terminal", day=DAY):
    """One story told by several invented articles: (path, outlet, published) each."""
    articles = [article(headline, TEXT, path=p, source=o, published=d, url=f"https://example.org/{p}")
                for p, o, d in parts]
    lead = digest(headline, text=TEXT, path=parts[0][0], source=parts[0][1], published=parts[0][2],
                  url=f"https://example.org/{parts[0][0]}",
                  quotes=[quote("We are ready to build, and we will build it well for everyone", "Ada Okafor",
                                start=TEXT.index("“"), end=len(TEXT))])
    lines = tuple(StoryLine(s.text, articles[i % len(articles)].path, s.index, 1.0 - i / 10)
                  for i, s in enumerate(lead.sentences[:4]))
    memory = StoryMemory(id="s1", label="new", outlets=(), articles=tuple(
        OutletLink(source=a.source or "", url=a.url, title=a.title, path=a.path) for a in articles),
        new_facts=(), first_seen=day, lead_sentence=lines[0].text, importance=1.0)
    quotes = tuple(replace(q, path=articles[-1].path) for q in lead.quotes)
    return BriefStory(lead=lead, summary=lines, quotes=quotes, participants=(), memory=memory,
                      sources=tuple(articles))


def day_brief(*items, day=DAY, audience="analyst"):
    return replace(brief(audience=audience, day=day), stories=tuple(items))


def test_every_line_and_quote_has_a_mark_that_resolves_to_a_sources_entry():
    one = story_of(("a.txt", "Eastport Courier", DAY), ("b.txt", "Valley Times", DAY - timedelta(days=1)))
    two = story_of(("c.txt", "Capital Post", DAY), headline="Rail line reopens after floods")
    html = render_html(day_brief(one, two), BUILTIN_AUDIENCES["analyst"])
    entries = set(re.findall(r'class="source-entry" id="(source-\d+)"', html))
    marks = re.findall(r'class="ref" href="#(source-\d+)"', html)
    assert entries == {"source-1", "source-2", "source-3"}  # every article used, once
    assert set(marks) == entries
    ctx = build_context(day_brief(one, two), BUILTIN_AUDIENCES["analyst"])
    for story in ctx["stories"]:
        assert all(line.source is not None for line in story.lines)
        assert all(q.source is not None and q.source.outlet for q in story.quotes)
    # the quote was said in the story's second article: its mark is that article's
    assert ctx["stories"][0].quotes[0].source.path == "b.txt"


def test_outlets_are_counted_once_per_publisher():
    item = story_of(("a.txt", "Eastport Courier", DAY), ("b.txt", "Eastport Courier (evening feed)", DAY),
                    ("c.txt", "Valley Times", DAY))
    ctx = build_context(day_brief(item), BUILTIN_AUDIENCES["analyst"])
    assert ctx["stories"][0].outlets == ("Eastport Courier", "Valley Times")
    assert ctx["outlets"] == ("Eastport Courier", "Valley Times")
    assert [(b.label, b.value) for b in ctx["charts"]["outlets"].bars] == [("Eastport Courier", 2),
                                                                          ("Valley Times", 1)]


def test_story_age_shows_first_reported_and_updated_and_old_news_is_background():
    old = story_of(("a.txt", "Eastport Courier", date(2019, 5, 2)), ("b.txt", "Valley Times", date(2019, 5, 9)))
    fresh = story_of(("c.txt", "Capital Post", DAY), ("d.txt", "Valley Times", DAY - timedelta(days=9)),
                     headline="Rail line reopens after floods")
    ctx = build_context(day_brief(old, fresh), BUILTIN_AUDIENCES["analyst"])
    first, second = ctx["stories"]
    assert first.age == "background" and first.first_reported == "2 May 2019" and first.updated == "9 May 2019"
    assert second.age == "new"  # its newest article is in the window
    assert [s.background for s in second.timeline] == [True, False]  # the older one is background
    html = render_html(day_brief(old, fresh), BUILTIN_AUDIENCES["press"])
    assert "First reported 2 May 2019, updated 9 May 2019" in html
    assert html.count('story-label-background">Background<') == 1


def test_an_undated_story_has_an_unknown_age_not_an_old_one():
    item = story_of(("a.txt", "Eastport Courier", None))
    story = build_context(day_brief(item), BUILTIN_AUDIENCES["analyst"])["stories"][0]
    assert story.age == "new" and story.first_reported is None and story.chart is None
    assert "Date unknown" in render_html(day_brief(item), BUILTIN_AUDIENCES["analyst"])  # said, not hidden


@pytest.mark.parametrize("sentence, ok", [
    ("Harbour council approves the new ferry terminal after a vote on Monday.", True),
    ("It will open in the spring of next year, officials said on Monday.", False),  # dangling pronoun
    ("However, the council still has to find the money for the second pier.", False),  # connective
    ("“We are ready to build,” the mayor of Eastport said at the harbour.", False),  # a quotation
    ("Ada Okafor (left) and Lukas Brenner at the harbour on Monday morning.", False),  # a photo caption
    ("Vote tonight.", False),  # too short to be a takeaway
    ("The council gave the ferry plan its “full support” at a vote on Monday night.", True),  # a quoted phrase
    ("The mayor called it “a day the harbour will remember for a hundred years” on Monday.", False),  # her words
])
def test_a_takeaway_stands_on_its_own(sentence, ok):
    assert self_contained(sentence) is ok


def test_takeaway_is_the_lead_articles_earliest_self_contained_line_not_the_best_rated_detail():
    item = story_of(("a.txt", "Eastport Courier", DAY), ("b.txt", "Valley Times", DAY))
    lines = (StoryLine("Harbour council approves the new ferry terminal after a vote on Monday.", "a.txt", 0, 0.3),
             StoryLine("The second pier of the terminal will be built of steel from Ostrava.", "a.txt", 4, 0.9),
             StoryLine("The ferry line to Kresta carried nine thousand people last summer.", "b.txt", 0, 1.0))
    assert takeaway(lines, item.lead).index == 0
    assert takeaway(lines[1:], item.lead).index == 4  # the lead article's own line before another's
    assert takeaway(lines[2:], item.lead).path == "b.txt"  # else the best-rated of any article


def test_takeaway_skips_a_line_that_leans_on_another_and_facts_follow():
    item = story_of(("a.txt", "Eastport Courier", DAY))
    lines = (StoryLine("It will open in 2027 after years of waiting for it.", "a.txt", 1, 0.9),
             StoryLine("The terminal will cost 40 million euros over three years.", "a.txt", 2, 0.5),
             StoryLine("Officials said 300 jobs would be created at the port.", "a.txt", 3, 0.4))
    item = replace(item, summary=lines)
    picked = takeaway(lines, item.lead)
    assert picked is not None and picked.text.startswith("The terminal will cost")
    story = build_context(day_brief(item), BUILTIN_AUDIENCES["executive"])["stories"][0]
    assert story.takeaway.text == picked.text
    # the other self-contained line, then the lead article's first self-contained sentence
    assert [f.text for f in story.facts] == [lines[2].text, TEXT.split(". ")[0] + "."]


def test_executive_opens_with_the_lead_story_and_lists_top_quotes_with_outlet_and_date():
    items = [story_of((f"{n}.txt", f"Outlet {n}", DAY), headline=h) for n, h in
             enumerate(["Harbour council approves ferry terminal", "Rail line reopens after floods",
                        "Hospital opens proton therapy unit"])]
    html = render_html(day_brief(*items, audience="executive"), BUILTIN_AUDIENCES["executive"])
    at = {k: html.index(f">{k}<") for k in ("Lead story", "Quote of the day", "Top stories", "Top quotes")}
    assert at["Lead story"] < html.index("Harbour council approves", at["Lead story"]) < at["Quote of the day"]
    assert at["Quote of the day"] < at["Top stories"] < at["Top quotes"]
    top = html[html.index("Top quotes"):]
    assert top.count('class="quote"') == 2 and "Outlet 1</span>, <time>11 March 2025" in top


def test_charts_are_svg_with_text_alternatives():
    item = story_of(("a.txt", "Eastport Courier", DAY - timedelta(days=3)), ("b.txt", "Valley Times", DAY))
    other = story_of(("c.txt", "Capital Post", DAY), headline="Rail line reopens after floods")
    html = render_html(day_brief(item, other), BUILTIN_AUDIENCES["analyst"])
    svgs = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(svgs) == 3  # coverage by story, the story's timeline, sources by outlet
    for svg in svgs:
        assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "story 1. Harbour council approves ferry terminal: 2 articles from 2 outlets" in html
    assert "<script" not in html


def test_also_today_lines_are_cited_and_their_articles_listed_in_sources():
    items = [story_of((f"{n}.txt", f"Outlet {n}", DAY), headline=h) for n, h in
             enumerate(["Harbour council approves ferry terminal", "Rail line reopens after floods"])]
    audience = replace(BUILTIN_AUDIENCES["analyst"], full_stories=1, digest_stories=5)
    ctx = build_context(day_brief(*items), audience)
    (line,) = ctx["also_today"]
    assert line.ref is not None and line.ref.path == "1.txt"
    assert [s.path for s in ctx["articles"]] == ["0.txt", "1.txt"]
    html = render_html(day_brief(*items), audience)
    assert f'href="#{line.ref.anchor}"' in html[html.index('id="also-today"'):]


def test_a_story_of_many_articles_lists_the_cited_ones_in_sources_and_counts_the_rest():
    # fourteen outlets, the oldest a week back; lines cite the first four articles, the quote the last
    parts = [(f"{n:02d}.txt", f"Outlet {n}", DAY - timedelta(days=7 if n == 13 else 0)) for n in range(14)]
    item = story_of(*parts)
    audience = replace(BUILTIN_AUDIENCES["analyst"], sources_per_story=6)
    ctx = build_context(day_brief(item), audience)
    (story,) = ctx["stories"]
    listed = [s.path for s in ctx["articles"]]
    assert len(listed) == 6 and story.unlisted == 8
    assert {"00.txt", "01.txt", "02.txt", "03.txt", "13.txt"} <= set(listed)  # every cited article
    assert len(story.outlets) == 14 and story.first_reported == "4 March 2025"  # the story's own, not the list's
    html = render_html(day_brief(item), audience)
    assert "Sources list 6 of its 14 articles" in html
    assert set(re.findall(r'class="ref" href="#(source-\d+)"', html)) <= set(
        re.findall(r'class="source-entry" id="(source-\d+)"', html))
