"""Novelty: replaying two days, yesterday's stories are recognised as continuing or updated.

All texts here are invented for these tests.
"""

from __future__ import annotations

from datetime import date

from briefgen.analysis import analyze_article
from briefgen.model import Article
from briefgen.stories.assemble import build_stories
from briefgen.stories.merge import merge_quotes
from briefgen.stories.novelty import commit, is_new_fact, label_stories, prepare
from builders import quote
from test_grouping import FERRY, FERRY_EDIT, FERRY_OTHER, SCIENCE, STRIKE, STRIKE_OTHER

DAY1, DAY2 = date(2025, 3, 10), date(2025, 3, 11)
STRIKE_LATER = ("Northbay dock workers are back at work after the strike, and union leader Tomas Berg "
                "said the wage deal with the port authority runs for three years. "
                "The port authority will also hire sixty new crane drivers by the summer.")


def digest(path, title, text, day, source="Courier"):
    return analyze_article(Article(path=path, title=title, text=text, source=source,
                                   url=f"https://example.org/{path}", published=day))


def run(tmp_path, day, digests):
    from briefgen.audience import BUILTIN_AUDIENCES
    from briefgen.compose import build_brief

    stories, store = prepare(digests, day, tmp_path / "state.sqlite")
    try:
        commit(store, stories, day, {"analyst": build_brief([], BUILTIN_AUDIENCES["analyst"], day,
                                                            story_items=stories)})
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
    assert strike.new_facts and all("Tomas Berg signed" not in line.text for line in strike.new_facts)
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


def test_a_short_quote_is_not_merged_into_a_longer_one_that_only_contains_its_letters():
    merged = merge_quotes([[quote("No.", "Ada Okafor")], [quote("Not now, not ever.", "Ben Ito")]])
    assert [q.speaker for q in merged] == ["Ada Okafor", "Ben Ito"]


# ---- one audience's view of the stories --------------------------------------------------------

def _day_of_stories():
    from briefgen.stories.assemble import StoryOptions
    digests = [digest("f1.txt", "Ferry terminal approved", FERRY, DAY1, "Courier"),
               digest("f2.txt", "Council backs ferry plan", FERRY_OTHER, DAY1, "Gazette"),
               digest("s1.txt", "Dock strike ends", STRIKE, DAY1),
               digest("c1.txt", "Comet seen near Jupiter", SCIENCE, DAY1)]
    return build_stories(digests, StoryOptions(pool_sentences=10), today=DAY1)


def test_today_in_brief_and_whos_who_list_only_the_stories_the_audience_kept():
    from dataclasses import replace as change

    from briefgen.audience import BUILTIN_AUDIENCES
    from briefgen.compose import build_brief
    stories = _day_of_stories()
    audience = change(BUILTIN_AUDIENCES["analyst"], include=("ferry",))
    brief = build_brief([], audience, DAY1, story_items=stories)
    memory = brief.memory
    assert [item.article.title for item in brief.stories] == [t.headline for t in memory.today]
    assert all("ferry" in t.headline.lower() for t in memory.today) and memory.today
    assert all("Tomas Berg" != p.name for p in memory.whos_who)  # the strike was filtered out
    assert all(item.memory is not None for item in brief.stories)


def test_max_stories_cuts_before_the_memory_is_made():
    from dataclasses import replace as change

    from briefgen.audience import BUILTIN_AUDIENCES
    from briefgen.compose import build_brief
    brief = build_brief([], change(BUILTIN_AUDIENCES["analyst"], max_stories=1), DAY1,
                        story_items=_day_of_stories())
    assert len(brief.stories) == 1 and len(brief.memory.today) == 1


def test_each_audience_summary_is_cut_from_the_story_pool_within_its_budget():
    from briefgen.audience import BUILTIN_AUDIENCES
    from briefgen.compose import build_brief
    stories = _day_of_stories()
    ferry = next(s for s in stories if len(s.outlets) == 2)
    pool_texts = [p.text for p in ferry.pool]
    for audience in BUILTIN_AUDIENCES.values():
        brief = build_brief([], audience, DAY1, story_items=stories)
        (shown,) = [item for item in brief.stories if item.article.path == ferry.lead.article.path]
        assert 1 <= len(shown.summary) <= audience.summary_sentences
        assert all(s.text in pool_texts for s in shown.summary)
        if audience.summary_words and len(shown.summary) > 1:
            assert sum(len(s.text.split()) for s in shown.summary) <= audience.summary_words


def test_cut_pool_takes_the_most_relevant_within_count_and_words_in_pool_order():
    from briefgen.stories.assemble import cut_pool
    from briefgen.summarize import SourcedSentence
    pool = [SourcedSentence("a", 0, "one two three", 0.2), SourcedSentence("a", 1, "four five", 1.0),
            SourcedSentence("b", 0, "six seven eight nine", 0.6)]
    assert [p.index for p in cut_pool(pool, 2, None)] == [1, 0]
    assert [(p.document, p.index) for p in cut_pool(pool, 2, None)] == [("a", 1), ("b", 0)]
    # 4 words would overrun 5 after "four five": skipped for the next best that fits
    assert [p.text for p in cut_pool(pool, None, 5)] == ["one two three", "four five"]
    assert len(cut_pool(pool, None, 1)) == 1  # never empty


def test_the_json_brief_carries_the_story_memory():
    from briefgen.audience import BUILTIN_AUDIENCES
    from briefgen.compose import build_brief
    from briefgen.rendering.serialize import brief_to_dict
    out = brief_to_dict(build_brief([], BUILTIN_AUDIENCES["analyst"], DAY1, story_items=_day_of_stories()))
    ferry = next(s for s in out["stories"] if s["story"]["outlet_count"] == 2)
    assert ferry["story"]["label"] == "new"
    assert {o["source"] for o in ferry["story"]["outlets"]} == {"Courier", "Gazette"}
    assert out["today"] and {"headline", "sentence", "label", "outlet_count"} <= set(out["today"][0])
    assert "whos_who" in out


def test_an_audience_can_omit_continuing_stories(tmp_path):
    from dataclasses import replace as change

    from briefgen.audience import BUILTIN_AUDIENCES
    from briefgen.compose import build_brief
    run(tmp_path, DAY1, [digest("f1.txt", "Ferry terminal approved", FERRY, DAY1)])
    stories, store = prepare([digest("f2.txt", "Ferry terminal approved", FERRY, DAY2),
                              digest("c2.txt", "Comet seen near Jupiter", SCIENCE, DAY2)], DAY2,
                             tmp_path / "state.sqlite")
    store.close()
    assert sorted(s.label for s in stories) == ["continuing", "new"]
    analyst = BUILTIN_AUDIENCES["analyst"]
    assert len(build_brief([], analyst, DAY2, story_items=stories).stories) == 2
    quiet = build_brief([], change(analyst, omit_continuing=True), DAY2, story_items=stories)
    assert [item.article.title for item in quiet.stories] == ["Comet seen near Jupiter"]


def test_omit_continuing_is_a_validated_audience_key(tmp_path):
    import pytest

    from briefgen.settings import ConfigError, load_settings
    good = tmp_path / "good.toml"
    good.write_text("[audiences.executive]\nomit_continuing = true\n")
    assert load_settings(good, env={}, cwd=tmp_path).audiences["executive"].omit_continuing is True
    assert load_settings(good, env={}, cwd=tmp_path).audiences["analyst"].omit_continuing is False
    bad = tmp_path / "bad.toml"
    bad.write_text('[audiences.executive]\nomit_continuing = "yes"\n')
    with pytest.raises(ConfigError, match="omit_continuing: expected true or false"):
        load_settings(bad, env={}, cwd=tmp_path)


def test_an_undated_article_is_news_of_the_day_not_a_bridge_to_old_stories():
    old = Article(path="old.txt", title="Dock strike ends", text=STRIKE, source="Courier", published=date(2015, 5, 1))
    undated = Article(path="new.txt", title="Northbay strike over", text=STRIKE_OTHER, source="Gazette")
    stories = build_stories([analyze_article(old), analyze_article(undated)], today=date(2025, 5, 1))
    assert sorted(len(s.paths) for s in stories) == [1, 1]
    same_day = build_stories([analyze_article(old), analyze_article(undated)], today=date(2015, 5, 2))
    assert [len(s.paths) for s in same_day] == [2]


def test_group_command_prints_the_evaluation_contract(tmp_path):
    import json

    from click.testing import CliRunner

    from briefgen.cli import cli
    for name, title, text in (("a.txt", "Ferry terminal approved", FERRY), ("b.txt", "Ferry terminal approved", FERRY_EDIT),
                              ("c.txt", "Council backs ferry plan", FERRY_OTHER), ("d.txt", "Comet seen", SCIENCE)):
        (tmp_path / name).write_text(f"{title}\n\n{text}\n")
    result = CliRunner().invoke(cli, ["group", str(tmp_path), "--words", "25", "--format", "json"])
    assert result.exit_code == 0, result.output
    stories = json.loads(result.stdout)["stories"]
    by_size = sorted(stories, key=lambda s: -len(s["articles"]))
    assert [sorted(p.rsplit("/", 1)[-1] for p in s["articles"]) for s in by_size] == [["a.txt", "b.txt", "c.txt"], ["d.txt"]]
    assert [[p.rsplit("/", 1)[-1] for p in d] for d in by_size[0]["duplicates"]] == [["a.txt", "b.txt"]]
    for s in stories:
        assert s["id"] and s["summary"] and all({"text", "path"} <= set(line) for line in s["summary"])
        words = sum(len(line["text"].split()) for line in s["summary"])
        assert words <= 25 or len(s["summary"]) == 1


def test_a_surname_one_outlet_used_becomes_the_full_name_another_gave():
    from briefgen.model import Participant
    from briefgen.stories.merge import surname_owners

    people = [Participant("Tony Blair", "person", role="British Prime Minister"),
              Participant("Blair", "person"), Participant("Ann Lee", "person"), Participant("Ben Lee", "person"),
              Participant("Lee", "person"), Participant("Paris", "place")]
    assert surname_owners(people) == {"blair": "Tony Blair"}  # "Lee" is two people: left alone


def test_today_in_brief_keeps_a_lead_whole_or_ends_it_where_its_main_clause_ends():
    from briefgen.stories.view import _clip_words

    lead = ("The Eastport harbour council approved the new ferry terminal on Monday after a debate that "
            "lasted for most of the night and ended in a vote of nine to four, with the mayor, who had argued "
            "for the plan since her election, casting the last vote in the packed hall.")
    assert _clip_words(lead) == lead[:lead.index(", with")] + " …"
    whole = "The council approved the terminal for Eastport's harbour, which opens in 2027, by nine votes to four."
    assert _clip_words(whole) == whole
    no_clause = " ".join(["harbour"] * 50)
    assert _clip_words(no_clause).count("harbour") == 40
