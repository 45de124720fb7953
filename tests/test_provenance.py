"""Provenance: every summary sentence, quote and participant of a JSON brief (and of
`analyze --format json`) names the article it came from: path, url, outlet, published.

The inbox here is invented for these tests; the seeds' briefs are checked the same way.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import briefgen
from briefgen.analysis import analyze_article
from briefgen.audience import BUILTIN_AUDIENCES
from briefgen.compose import build_brief
from briefgen.model import Article, Participant
from briefgen.rendering.serialize import analysis_to_dict, brief_to_dict
from briefgen.stories.assemble import StoryOptions, build_stories
from briefgen.stories.merge import merge_participants
from briefgen.stories.outlets import outlet_key, outlet_name

KEYS = ("path", "url", "outlet", "published")
DAY = date(2025, 3, 10)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# One story told by two outlets (different words, the same event), and one unrelated article.
FERRY_A = ("The Eastport harbour council approved the new ferry terminal on Monday after a long debate. "
           "Mayor Ada Okafor said the terminal would open in spring and carry commuters to Westholm. "
           "\u201cThis terminal links our two shores for good,\u201d Okafor said. "
           "Council members voted nine to two for the plan, which costs forty million crowns.")
FERRY_B = ("Eastport will get its ferry terminal: the harbour council backed Mayor Ada Okafor's plan on Monday, "
           "and commuters to Westholm can sail from spring. "
           "\u201cForty million crowns is too much for one pier,\u201d said councillor Piet Brandt. "
           "Two council members opposed the cost of the Eastport ferry terminal.")
COMET = ("Astronomers at the Halden observatory catalogued a faint comet passing Jupiter on Monday, "
         "the third such discovery this decade. "
         "\u201cIt is the faintest we have ever seen,\u201d said the observatory director Lena Sorel.")


def _inbox() -> dict[str, Article]:
    arts = [Article(path="ferry-a.txt", title="Ferry terminal approved", text=FERRY_A, source="Wikinews",
                    url="https://example.org/ferry-a", published=DAY),
            Article(path="ferry-b.txt", title="Council backs ferry plan", text=FERRY_B,
                    source="Wikinews (sample feed)", url=None, published=DAY),
            Article(path="comet.txt", title="Comet seen near Jupiter", text=COMET, source="Halden Post",
                    url="https://example.org/comet", published=None)]
    return {a.path: a for a in arts}


def _briefs(articles: dict[str, Article]) -> list[dict]:
    stories = build_stories([analyze_article(a) for a in articles.values()], StoryOptions(pool_sentences=10),
                            today=DAY)
    return [brief_to_dict(build_brief([], audience, DAY, story_items=stories))
            for audience in BUILTIN_AUDIENCES.values()]


def _check_every_line_names_its_article(brief: dict, articles: dict[str, Article]) -> int:
    """Asserts the four keys on every line, each naming the article whose text holds it;
    returns how many lines were checked."""
    checked = 0
    for story in brief["stories"]:
        for kind, words in (("summary", "text"), ("quotes", "text"), ("participants", "name")):
            for line in story[kind]:
                assert all(k in line for k in KEYS), (kind, line)
                article = articles[line["path"]]
                assert (line["url"], line["outlet"]) == (article.url, article.source)
                assert line["published"] == (article.published.isoformat() if article.published else None)
                said = article.title + "\n" + article.text
                if kind == "participants":  # a surname one outlet used may join another's full name
                    assert any(n.split()[-1] in said for n in [line["name"], *line["aliases"]]), line
                else:
                    assert line[words] in said, (kind, line)
                checked += 1
        for entry in story["story"]["articles"]:
            assert all(k in entry for k in KEYS) and entry["path"] in articles
    return checked


def test_every_summary_sentence_quote_and_participant_names_the_article_it_came_from():
    articles = _inbox()
    for brief in _briefs(articles):
        assert _check_every_line_names_its_article(brief, articles) > 0


def test_a_merged_story_draws_its_lines_from_both_articles_and_says_so():
    articles = _inbox()
    analyst = next(b for b in _briefs(articles) if b["audience"] == "analyst")
    ferry = next(s for s in analyst["stories"] if "ferry" in s["title"].lower())
    quoted = {q["path"] for q in ferry["quotes"]}
    assert quoted == {"ferry-a.txt", "ferry-b.txt"}  # each quote printed by one outlet only
    brandt = next(p for p in ferry["participants"] if p["name"] == "Piet Brandt")
    assert brandt["path"] == "ferry-b.txt" and brandt["url"] is None


def test_an_undated_article_gives_null_published():
    articles = _inbox()
    comet = next(s for s in _briefs(articles)[0]["stories"] if "Comet" in s["title"])
    assert {line["published"] for line in comet["summary"] + comet["quotes"]} == {None}


def test_the_same_publisher_under_a_feed_name_is_one_outlet():
    articles = _inbox()
    analyst = next(b for b in _briefs(articles) if b["audience"] == "analyst")
    ferry = next(s for s in analyst["stories"] if "ferry" in s["title"].lower())
    assert len(ferry["story"]["articles"]) == 2
    assert ferry["story"]["outlet_count"] == 1
    assert [o["source"] for o in ferry["story"]["outlets"]] == ["Wikinews"]


def test_outlet_names_fold_case_space_and_a_trailing_edition():
    assert outlet_key("Wikinews") == outlet_key(" wikinews  (sample feed) ") == outlet_key("WIKINEWS")
    assert outlet_key("Harbour Post") != outlet_key("Harbour Times")
    assert outlet_name("Wikinews (sample feed)") == "Wikinews"
    assert outlet_name("(untitled)") == "(untitled)"  # nothing left: kept as given


def test_a_merged_participant_keeps_the_article_its_role_came_from():
    bare = Participant("Ada Okafor", "person", path="a.txt")
    titled = Participant("Ada Okafor", "person", role="Mayor of Eastport", path="b.txt")
    (merged,) = merge_participants([[bare], [titled]])
    assert (merged.role, merged.path, merged.mentions) == ("Mayor of Eastport", "b.txt", 2)
    (first,) = merge_participants([[Participant("Ada Okafor", "person", path="a.txt")], [bare]])
    assert first.path == "a.txt"  # no role anywhere: the first article that names her


def test_analyze_json_adds_the_article_to_every_line_and_keeps_its_keys():
    article = _inbox()["ferry-b.txt"]
    (row,) = analysis_to_dict([analyze_article(article)], [])["articles"]
    own = {"path": "ferry-b.txt", "url": None, "outlet": "Wikinews (sample feed)", "published": "2025-03-10"}
    for kind in ("summary", "quotes", "participants"):
        assert row[kind] and all({k: line[k] for k in KEYS} == own for line in row[kind])
    assert list(row["quotes"][0])[:8] == ["text", "start", "end", "speaker", "speaker_mention", "cue", "rule",
                                          "confidence"]
    assert list(row["quotes"][0])[-4:] == list(KEYS)


def test_the_seeds_briefs_have_complete_provenance(tmp_path):
    articles, _ = briefgen.read([SEEDS])
    by_path = {a.path: a for a in articles}
    result = briefgen.build([SEEDS], formats="json", date=date(2026, 12, 6), output_dir=tmp_path)
    assert result.articles
    briefs = sorted((tmp_path / "2026-12-06").glob("*.json"))
    assert len(briefs) == 3
    for path in briefs:
        assert _check_every_line_names_its_article(json.loads(path.read_text()), by_path) > 0
