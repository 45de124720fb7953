"""The seed article (our own sample) must come out exactly right: issue 2's acceptance check."""

from pathlib import Path

import pytest

from briefgen.extract.participants import extract_participants
from briefgen.extract.quotes import extract_quotes

SEED = (Path(__file__).parent / "cases" / "seed_article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def participants():
    return extract_participants(SEED)


@pytest.fixture(scope="module")
def quotes(participants):
    return extract_quotes(SEED, participants)


def test_exactly_the_people_organizations_and_places(participants):
    by_kind = {k: {p.name for p in participants if p.kind == k} for k in ("person", "organization", "place")}
    assert by_kind == {
        "person": {"Sanae Takaichi", "Lee Jae Myung", "Xi Jinping", "Sheigeru Ishiba"},
        "organization": {"Reuters", "NHK"},
        "place": {"Japan", "South Korea", "Nara", "Tokyo", "Beijing"},
    }


def test_roles_come_from_the_text(participants):
    roles = {p.name: p.role for p in participants if p.kind == "person"}
    assert roles == {
        "Sanae Takaichi": "Japanese Prime Minister",
        "Lee Jae Myung": "South Korean President",
        "Xi Jinping": "Chinese President",
        "Sheigeru Ishiba": "former Minister",
    }


def test_surname_and_title_forms_are_aliases_of_the_full_name(participants):
    lee = next(p for p in participants if p.name == "Lee Jae Myung")
    assert {"Lee", "President Lee"} <= set(lee.aliases)
    takaichi = next(p for p in participants if p.name == "Sanae Takaichi")
    assert "Takaichi" in takaichi.aliases


def test_participants_are_ranked_by_mentions(participants):
    assert [p.name for p in participants[:2]] == ["Lee Jae Myung", "Sanae Takaichi"]
    counts = [p.mentions for p in participants]
    assert counts == sorted(counts, reverse=True)


def test_five_quotes_four_by_lee_one_by_takaichi(quotes):
    assert [q.speaker for q in quotes] == ["Lee Jae Myung"] * 4 + ["Sanae Takaichi"]


@pytest.mark.parametrize(
    ("index", "mention", "cue", "opening"),
    [
        (0, "President Lee", "stated", "Within an increasingly complex"),
        (1, "He", "said", "By focusing on"),
        (2, "He", "saying", "Japan and South Korea share"),
        (3, "he", "added", "We influence each other"),
        (4, "Takaichi", "said", "In the current complex"),
    ],
)
def test_each_quote_keeps_its_cue_and_mention(quotes, index, mention, cue, opening):
    q = quotes[index]
    assert (q.speaker_mention, q.cue) == (mention, cue)
    assert q.text.startswith(opening)
    assert SEED[q.start : q.end] == q.text
    assert q.rule and 0 < q.confidence <= 1


def test_two_sentence_quote_closed_by_he_further_added_is_one_quote(quotes):
    assert quotes[3].text == "We influence each other and benefit from each other. We should look to the future."
