"""Specification: the fast engines choose what sumy 0.13 chooses.

For lexrank, textrank, luhn and reduction sumy implements the published
algorithm, so engine="fast" must select the same sentences. For lsa, kl and
sumbasic the fast default is the published method; their sumy-compatible
mode (``compat=True``) must reproduce sumy's scores. Texts: our own
article below, plus the GUM Wikinews articles (CC BY 2.5) read from
../shared/data when it is present.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from briefgen.summarize import FAST_ALGORITHMS, fast, summarize, sumy_engine
from test_summarize import ARTICLE, make_sentences

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
GUM = DATA / "entities" / "gum-news" / "gold"

OWN_TEXT = ARTICLE + [
    "Ortiz said the council had studied flood plans from three other river cities.",
    "A similar plan in the city of Marlow cut flood damage by half within five years.",
    "The regional grant covers most of the cost of the river walls and the wetlands.",
    "Local growers will be paid for any farmland the wetlands take.",
    "The council will hold a public meeting about the plan next month.",
]


def texts_for_tests() -> list[list[str]]:
    out = [[" ".join(t.split()) for t in OWN_TEXT]]
    if GUM.exists():
        from briefgen.text.segment import split_sentences

        for path in sorted(GUM.glob("*.gold.json"))[:8]:
            text = path.with_name(path.name.replace(".gold.json", ".txt")).read_text("utf-8")
            # summarize() drops repeated sentences before rating (sumy keys scores by text)
            sents = dict.fromkeys(" ".join(s.text.split()) for s in split_sentences(text))
            out.append(list(sents))
    return out


TEXTS = texts_for_tests()
SAME = [a for a in FAST_ALGORITHMS if a not in fast.COMPAT_DIFFERS]


def top(ranking: list[int], k: int) -> list[int]:
    return sorted(ranking[:k])


@pytest.mark.parametrize("name", SAME)
@pytest.mark.parametrize("text_no", range(len(TEXTS)))
def test_fast_engine_selects_the_same_sentences_as_sumy(name, text_no):
    texts = TEXTS[text_no]
    sumy_scores, sumy_rank = sumy_engine.rate(name, texts, [0] * len(texts))
    fast_scores, fast_rank = fast.rate(name, texts)
    for k in (1, 3, 5):
        assert top(fast_rank, k) == top(sumy_rank, k)
    assert fast_rank == sumy_rank  # the whole order, ties included
    np.testing.assert_allclose(fast_scores, sumy_scores, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("name", fast.COMPAT_DIFFERS)
@pytest.mark.parametrize("text_no", range(len(TEXTS)))
def test_compat_mode_reproduces_sumy_where_sumy_departs_from_the_paper(name, text_no):
    texts = TEXTS[text_no]
    sumy_scores, sumy_rank = sumy_engine.rate(name, texts, [0] * len(texts))
    compat_scores, compat_rank = fast.rate(name, texts, compat=True)
    np.testing.assert_allclose(compat_scores, sumy_scores, rtol=1e-9, atol=1e-12)
    assert compat_rank == sumy_rank  # the whole order, ties included


# every sentence has four content words, each once: sumy's LSA norms all tie, so its
# order is the SVD's rounding; SumBasic's averages tie wherever the words are as frequent
TIED = ["Ships crossed calm northern waters.", "Farmers planted early spring barley.",
        "Engineers tested heavy steel bridges.", "Children painted bright garden fences.",
        "Ships carried early spring barley.", "Farmers crossed heavy steel bridges.",
        "Bakers sold warm rye loaves.", "Pilots flew small cargo planes."]


@pytest.mark.parametrize("name", FAST_ALGORITHMS)
def test_fast_engines_break_ties_as_sumy_does(name):
    _, sumy_rank = sumy_engine.rate(name, TIED, [0] * len(TIED))
    assert fast.rate(name, TIED, compat=True)[1] == sumy_rank


def test_compat_lsa_matches_sumy_under_other_hash_seeds():
    """sumy's LSA dictionary is a frozenset, so its row order (and the SVD's rounding)
    follows PYTHONHASHSEED: compat mode follows it under any seed."""
    import os
    import subprocess
    import sys

    code = (f"TIED = {TIED!r}\n"
            "from briefgen.summarize import fast, sumy_engine\n"
            "n = len(TIED)\n"
            "print(fast.rate('lsa', TIED, compat=True)[1] == sumy_engine.rate('lsa', TIED, [0] * n)[1])\n")
    root = Path(__file__).resolve().parents[1]
    for seed in ("0", "7", "123"):
        out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                             env=dict(os.environ, PYTHONHASHSEED=seed), timeout=120)
        assert out.stdout.strip() == "True", (seed, out.stderr[-2000:])


def test_summarize_fast_and_sumy_agree_for_the_same_algorithms():
    sents = make_sentences()
    for name in SAME:
        a = summarize(sents, algorithm=name, count=3, engine="fast")
        b = summarize(sents, algorithm=name, count=3, engine="sumy")
        assert [s.index for s in a] == [s.index for s in b], name
        assert [s.score for s in a] == pytest.approx([s.score for s in b], abs=1e-6), name


def test_published_lsa_differs_from_sumy_and_does_not_just_reward_length():
    """sumy's LSA score is the smoothed column norm, which grows with sentence length."""
    texts = TEXTS[0]
    compat, _ = fast.rate("lsa", texts, compat=True)
    lengths = [len(t.split()) for t in texts]
    published, _ = fast.rate("lsa", texts)
    assert np.corrcoef(compat, lengths)[0, 1] > np.corrcoef(published, lengths)[0, 1]


def test_published_sumbasic_squares_each_word_once():
    # "flood" twice in the first sentence: sumy squares its probability twice
    texts = ["Flood flood warnings rose.", "Flood warnings rose again.", "Rain fell on the hills."]
    from briefgen.summarize import _text, sumbasic

    words = _text.analyse(texts)
    assert list(sumbasic.rate(words.content)) != [] and len(sumbasic.rate(words.content)) == 3
    assert list(np.argsort(-sumbasic.rate(words.content, compat=True))) == \
        sumy_engine.rate("sumbasic", texts, [0, 0, 0])[1]


@pytest.mark.skipif(not GUM.exists(), reason="../shared/data not present")
def test_gum_fixture_texts_were_loaded():
    assert len(TEXTS) > 1 and all(len(t) > 10 for t in TEXTS[1:])
    assert json.loads(next(GUM.glob("*.gold.json")).read_text("utf-8"))["summaries"]


# words where a naive Snowball call would part from nltk's: curly apostrophes, two-letter
# words, and the Porter2 revision (Snowball 3 stems "universities" and "added" differently)
STEM_CASES = ["universities", "international", "added", "vying", "evening", "organization",
              "psychologists", "emergency", "generously", "communism", "skiing", "dying",
              "council\u2019s", "\u2019s", "ab", "as", "runners\u2019", "o\u2019neill", "rivers",
              "flooded", "wetlands", "happily", "yearly", "cafés"]


def test_the_fast_stemmer_gives_nltk_snowball_stems_without_nltk():
    from briefgen.summarize import _text

    reference = sumy_engine.stemmer()  # sumy's own: nltk's EnglishStemmer
    assert [_text.stemmer()(w) for w in STEM_CASES] == [reference(w) for w in STEM_CASES]


def test_the_pure_python_and_c_snowball_stemmers_agree():
    snowball = pytest.importorskip("snowballstemmer")
    c_stemmer = pytest.importorskip("Stemmer")
    from importlib.metadata import version

    if not version("PyStemmer").startswith("2."):
        pytest.skip("briefgen uses PyStemmer 2.x only")
    python = snowball.EnglishStemmer()
    c = c_stemmer.Stemmer("english")
    assert [python.stemWord(w) for w in STEM_CASES] == [c.stemWord(w) for w in STEM_CASES]


def test_fast_edmundson_reads_title_and_paragraphs_as_sumy_does():
    """Edmundson's title and location methods: the title's words, the first and last
    paragraph, each paragraph's first and last sentence; integer scores, sumy's ties."""
    texts = ["Harbour officials announced a new ferry timetable.", "Ferries will sail hourly.",
             "Residents welcomed the ferry plan.", "Some doubted the timetable.",
             "Fishermen said little.", "The council confirmed the harbour budget."]
    paragraphs = [0, 0, 1, 1, 1, 2]
    title = "Harbour ferry timetable changes"
    sumy_scores, sumy_rank = sumy_engine.rate("edmundson", texts, paragraphs, title)
    fast_scores, fast_rank = fast.rate("edmundson", texts, paragraphs=paragraphs, title=title)
    assert fast_rank == sumy_rank
    assert fast_scores == sumy_scores
    # without a title only cue words and position count
    assert fast.rate("edmundson", texts, paragraphs=paragraphs)[1] == \
        sumy_engine.rate("edmundson", texts, paragraphs)[1]


@pytest.mark.parametrize("name", fast.COMPAT_DIFFERS)
def test_the_compat_engine_summarizes_as_sumy_where_fast_follows_the_paper(name):
    sents = make_sentences()
    a = summarize(sents, algorithm=name, count=3, engine="compat", quote_units=False)
    b = summarize(sents, algorithm=name, count=3, engine="sumy", quote_units=False)
    assert [s.index for s in a] == [s.index for s in b]


def test_compat_kl_breaks_near_ties_as_sumys_own_sums_do():
    """Sentences whose divergences differ only in the last bits of a sum: compat KL repeats
    sumy's arithmetic for them, so the whole ranking is sumy's."""
    texts = ["Rivers rose fast.", "Rivers rose fast again.", "Bridges closed early.",
             "Bridges closed early again.", "Rivers and bridges mattered.", "Crews worked late."]
    _, sumy_rank = sumy_engine.rate("kl", texts, [0] * len(texts))
    assert fast.rate("kl", texts, compat=True)[1] == sumy_rank


def _long_text(n: int, seed: int = 3) -> list[tuple[str, ...]]:
    """n sentences of invented content words drawn from a small vocabulary (Zipf-like
    weights), so many pairs of sentences share words and some words repeat in a sentence."""
    rng = np.random.default_rng(seed)
    vocab = [f"w{i}" for i in range(300)]
    weights = 1.0 / np.arange(1, len(vocab) + 1)
    weights /= weights.sum()
    return [tuple(rng.choice(vocab, size=int(rng.integers(1, 14)), p=weights)) for _ in range(n)]


def test_pair_sums_is_the_product_of_the_count_matrix_with_its_transpose():
    from briefgen.summarize._matrix import dense_counts, entries, pair_sums

    tokens = _long_text(60) + [()]  # a sentence without words keeps its empty row
    rows, cols, data, _ = entries(tokens)
    c = dense_counts(tokens)
    assert np.array_equal(pair_sums(rows, cols, data, len(tokens)), c @ c.T)


def test_long_texts_rank_the_same_on_the_numpy_graph_as_on_the_sparse_one(monkeypatch):
    """Between an article's size and DENSE_MAX the LexRank and TextRank graphs are built from
    the count entries with numpy alone; the scores are those of the sparse (scipy) route."""
    from briefgen.summarize import lexrank, textrank

    tokens = _long_text(120)
    monkeypatch.setattr(lexrank, "DENSE_COUNTS_MAX", 10)
    monkeypatch.setattr(textrank, "DENSE_COUNTS_MAX", 10)
    on_pairs = lexrank.rate(tokens), textrank.overlap(tokens)
    monkeypatch.setattr(lexrank, "DENSE_MAX", 10)
    on_sparse = lexrank.rate(tokens), textrank.counts(tokens)[0]
    np.testing.assert_allclose(on_pairs[0], on_sparse[0], rtol=1e-12)
    assert np.array_equal(on_pairs[1], (on_sparse[1] @ on_sparse[1].T).toarray())
