"""Speed-ups that must not change a single result: each fast form finds exactly what the plain
form it replaces finds, for any text (hypothesis, invented words)."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from briefgen.extract.participants.vocab import alternation_of
from briefgen.text.spans import last_word, tokenize

ENTRIES = ["gov", "governor", "government", "Gov", "town", "towns", "township", "lost to", "v.", "co-op",
           "beat", "beats", "Beat", "port", "ports"]
WORDS = [*ENTRIES, "the", "Ana", "Ruiz", ",", "of", "s", "x", "'s", "-", ".", "\n", "  "]

entry_sets = st.frozensets(st.sampled_from(ENTRIES), min_size=1)
texts = st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join) | st.text(alphabet="goverTwnsbt .,-'\n", max_size=30)


def _flat(entries: frozenset[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(entries, key=lambda w: (-len(w), w))) + ")"


@settings(max_examples=400, deadline=None)
@given(entry_sets, texts, st.sampled_from([r"\b{}\b", r"{}", r"{},?\s+$", r"({})(\w*)"]),
       st.sampled_from([0, re.IGNORECASE]))
def test_an_alternation_written_as_a_prefix_tree_finds_what_the_flat_list_finds(entries, text, template, flags):
    tree = re.compile(template.format(alternation_of(entries)), flags)
    flat = re.compile(template.format(_flat(entries)), flags)
    assert [(m.span(), m.groups()) for m in tree.finditer(text)] == [(m.span(), m.groups()) for m in flat.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab9_’'-.& \n\u00e9\u00b2", max_size=40))
def test_tokens_are_runs_of_letters_and_digits_joined_by_one_mark(text):
    plain = re.compile(r"[^\W_](?:[^\W_]|[’'\-.&](?=[^\W_]))*")
    assert [(t.text, t.start, t.end) for t in tokenize(text)] == [(m.group(), m.start(), m.end())
                                                                  for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ,\n\t\u00a0", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_the_last_word_before_an_offset_is_what_the_end_anchored_search_finds(text, a, b):
    lo, end = sorted((min(a, len(text)), min(b, len(text))))
    m = re.search(r"(\S+)\s+$", text[lo:end])
    j, i = last_word(text, lo, end)
    assert (m and (lo + m.start(1), lo + m.end(1))) == ((j, i) if lo < i < end else None)
