"""The participant benchmark's reading of gold data (bench/eval_entities.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import eval_entities  # noqa: E402


def test_one_gold_participant_per_name():
    gold = [{"Indonesia"}, {"indonesia"}, {"Michael Tien"}, {"Michael Tien", "Michael Tien of NPP"}]
    assert sorted(map(sorted, eval_entities.unique(gold, person=False))) == [
        ["Indonesia", "indonesia"],
        ["Michael Tien", "Michael Tien of NPP"],
    ]


def test_a_shared_one_word_variant_does_not_merge_people():
    gold = [{"Harry Kane", "Man"}, {"Romelu Lukaku", "Lukaku", "Man"}]
    assert len(eval_entities.unique(gold, person=True)) == 2


def test_strict_match_ignores_case_titles_and_possessives():
    assert eval_entities.match(["President Lee Jae Myung's"], [{"Lee Jae Myung"}], relaxed=False, person=True) == 1
