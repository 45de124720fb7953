"""Participant extraction, one behaviour per case file in tests/cases/participants/*.yaml.

A case lists the exact ``people`` (name -> role, null for no role), and when given the exact
``places`` and ``organizations``, and ``aliases`` that must be present.
"""

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.participants import extract_participants

CASES = sorted((Path(__file__).parent / "cases" / "participants").glob("*.yaml"))


def _params():
    out = []
    for path in CASES:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        out.append(pytest.param(case, id=path.stem, marks=marks))
    return out


@pytest.mark.parametrize("case", _params())
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


def test_mentions_count_every_form_and_rank_first():
    text = "Anna Weber spoke first. Weber then left. Later Weber returned to Paris."
    found = extract_participants(text)
    assert (found[0].name, found[0].mentions) == ("Anna Weber", 3)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Anna ", "Weber", "-", "’s ", "President ", "of ", "UN", ". ", "\n", "Paris", "the "]), max_size=80).map("".join))
def test_never_raises(text):
    assert isinstance(extract_participants(text), tuple)
