"""Specification of briefgen.summarize: the contract every summarizer keeps.

The sample text is written for these tests (no third-party text).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.errors import UnknownAlgorithm
from briefgen.model import Sentence
from briefgen.summarize import ALGORITHMS, DEFAULT_ALGORITHM, ENGINES, summarize

ARTICLE = [
    # paragraph 0
    "The city council of Riverton approved a new flood defence plan on Monday after months of debate.",
    "The plan will raise the river walls by two metres and create wetlands upstream to hold water.",
    # paragraph 1
    "Council leader Maria Ortiz said the flood defence plan would protect four thousand homes.",
    "She added that work on the river walls would begin in the spring.",
    "Opponents argued the wetlands would take farmland from local growers.",
    # paragraph 2
    "The council will pay for the plan with a regional grant and a small increase in local taxes.",
    "Engineers expect the river walls to be finished within three years.",
    "Residents who were flooded last winter welcomed the decision.",
    "Subscribe to our newsletter for more local news.",
]
PARAGRAPHS = [0, 0, 1, 1, 1, 2, 2, 2, 2]


def make_sentences(texts=ARTICLE, paragraphs=PARAGRAPHS) -> list[Sentence]:
    out, pos = [], 0
    for i, (t, p) in enumerate(zip(texts, paragraphs)):
        out.append(Sentence(index=i, start=pos, end=pos + len(t), text=t, paragraph=p))
        pos += len(t) + 1
    return out


ALL = [(a, e) for a in ALGORITHMS for e in ENGINES]


@pytest.mark.parametrize("algorithm,engine", ALL)
def test_every_algorithm_returns_input_sentences_in_document_order(algorithm, engine):
    sents = make_sentences()
    result = summarize(sents, algorithm=algorithm, count=3, title="Riverton flood plan", engine=engine)
    assert len(result) == 3
    indices = [s.index for s in result]
    assert indices == sorted(indices)
    for s in result:
        assert s.text == sents[s.index].text


@pytest.mark.parametrize("algorithm,engine", ALL)
def test_scores_are_between_zero_and_one_and_the_best_sentence_scores_one(algorithm, engine):
    result = summarize(make_sentences(), algorithm=algorithm, count=len(ARTICLE), engine=engine)
    scores = [s.score for s in result]
    assert all(0.0 <= x <= 1.0 for x in scores)
    assert max(scores) == 1.0


@pytest.mark.parametrize("algorithm,engine", ALL)
def test_word_budget_is_never_exceeded(algorithm, engine):
    for budget in (20, 35, 60):
        result = summarize(make_sentences(), algorithm=algorithm, words=budget, engine=engine)
        assert result
        assert sum(len(s.text.split()) for s in result) <= budget


def test_a_word_budget_smaller_than_any_sentence_still_gives_the_best_sentence_alone():
    result = summarize(make_sentences(), algorithm="lead", words=3)
    assert [s.index for s in result] == [0]


def test_count_and_words_together_apply_the_tighter_limit():
    result = summarize(make_sentences(), algorithm="lead", count=5, words=30)
    assert len(result) < 5
    assert sum(len(s.text.split()) for s in result) <= 30
    assert len(summarize(make_sentences(), algorithm="lead", count=1, words=500)) == 1


def test_ratio_is_a_share_of_the_sentences():
    assert len(summarize(make_sentences(), algorithm="lead", ratio=0.34)) == 3
    assert len(summarize(make_sentences(), algorithm="lead", ratio=0.01)) == 1


def test_lead_takes_the_first_sentences():
    assert [s.index for s in summarize(make_sentences(), algorithm="lead", count=2)] == [0, 1]


def test_unknown_algorithm_names_the_valid_ones():
    with pytest.raises(UnknownAlgorithm) as err:
        summarize(make_sentences(), algorithm="bogus")
    for name in ALGORITHMS:
        assert name in str(err.value)


def test_algorithm_names_are_case_and_space_insensitive():
    assert summarize(make_sentences(), algorithm=" LexRank ", count=2)


def test_default_algorithm_is_registered_and_used_when_none_given():
    assert DEFAULT_ALGORITHM in ALGORITHMS
    assert summarize(make_sentences(), count=2) == summarize(
        make_sentences(), algorithm=DEFAULT_ALGORITHM, count=2)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_odd_input_never_raises(algorithm):
    assert summarize([], algorithm=algorithm) == ()
    blank = [Sentence(0, 0, 0, "   ", 0), Sentence(1, 0, 0, "", 0)]
    assert summarize(blank, algorithm=algorithm) == ()
    one = make_sentences(ARTICLE[:1], [0])
    assert [s.index for s in summarize(one, algorithm=algorithm, count=3)] == [0]
    dup = make_sentences([ARTICLE[0]] * 4 + ["!!!", "42 %"], [0] * 6)
    assert len(summarize(dup, algorithm=algorithm, count=2)) <= 2
    assert summarize(make_sentences(), algorithm=algorithm, count=0) == ()
    assert summarize(make_sentences(), algorithm=algorithm, count=-2) == ()
    assert len(summarize(make_sentences(), algorithm=algorithm, count=100)) <= len(ARTICLE)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_results_are_deterministic(algorithm):
    first = summarize(make_sentences(), algorithm=algorithm, count=3)
    assert all(summarize(make_sentences(), algorithm=algorithm, count=3) == first for _ in range(3))


def test_summaries_work_offline_without_nltk_data(tmp_path):
    """A fresh process with an empty NLTK data path and no network still summarizes."""
    code = (
        "import socket\n"
        "def _no(*a, **k): raise OSError('network blocked in test')\n"
        "socket.socket.connect = _no\n"
        "socket.create_connection = _no\n"
        "from tests.test_summarize import make_sentences\n"
        "from briefgen.summarize import summarize, ALGORITHMS, ENGINES\n"
        "for a in ALGORITHMS:\n"
        "    for e in ENGINES:\n"
        "        assert summarize(make_sentences(), algorithm=a, count=2, engine=e), a\n"
        "print('ok')\n"
    )
    env = dict(os.environ, NLTK_DATA=str(tmp_path), HOME=str(tmp_path))
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


# ---- quotations: never half a quote ---------------------------------------------------------

QUOTED = [
    # paragraph 0
    "The Riverton flood plan passed the council vote on Monday night.",
    # paragraph 1: one quotation the segmenter splits into three sentences
    "\u201cThe river walls will protect four thousand homes.",
    "Work starts in spring.",
    "The wetlands come next,\u201d council leader Maria Ortiz said of the flood plan.",
    # paragraph 2: a quotation that runs on into a later paragraph (no closing mark here)
    "\u201cThe flood plan is the biggest council project in Riverton for fifty years.",
    "Engineers expect the river walls to be finished within three years.",
]
QUOTED_PARAGRAPHS = [0, 1, 1, 1, 2, 2]


def quoted_sentences() -> list[Sentence]:
    return make_sentences(QUOTED, QUOTED_PARAGRAPHS)


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_a_quotation_split_into_sentences_is_returned_whole_or_not_at_all(algorithm):
    sents = quoted_sentences()
    result = summarize(sents, algorithm=algorithm, count=len(QUOTED), title="Riverton flood plan")
    texts = [s.text for s in result]
    whole = " ".join(QUOTED[1:4])
    for part in QUOTED[1:4]:
        assert not any(t == part for t in texts)
    assert whole in texts
    assert [s.index for s in result if s.text == whole] == [1]


@pytest.mark.parametrize("algorithm", ["editor", "lead", "lexrank", "reduction"])
def test_a_sentence_with_an_unclosed_quotation_is_left_out(algorithm):
    result = summarize(quoted_sentences(), algorithm=algorithm, count=len(QUOTED))
    assert all(s.index != 4 for s in result)


def test_every_summary_sentence_has_balanced_quote_marks():
    for count in (1, 2, 3):
        for s in summarize(quoted_sentences(), count=count, title="Riverton flood plan"):
            assert s.text.count("\u201c") == s.text.count("\u201d")


def test_quote_units_can_be_switched_off_to_rate_sentences_as_given():
    result = summarize(quoted_sentences(), algorithm="lead", count=3, quote_units=False)
    assert [s.text for s in result] == QUOTED[:3]


@pytest.mark.parametrize("caption", [
    "Council leader Maria Ortiz at the flood defence plan vote on Monday",  # a label
    "The river at the Riverton weir during the floods of March 2019.",  # written as a sentence
])
def test_picture_captions_never_enter_the_default_summary(caption):
    """The words under a picture: a label beside a credit, or the whole paragraph a credit ends."""
    texts = ARTICLE[:3] + [caption, "Image: Riverton Council."] + ARTICLE[3:8]
    paragraphs = [0, 0, 1, 9, 9, 1, 1, 2, 2, 2]
    for n in range(1, len(texts) + 1):
        chosen = {s.text for s in summarize(make_sentences(texts, paragraphs), count=n)}
        assert not chosen & set(texts[3:5])


@pytest.mark.parametrize("label", [
    "Reactions in the region",  # a section heading
    "Maria Ortiz",  # the name under a picture
    "The flood plan has three parts:",  # a list's lead-in
    "(File photo: the Riverton weir in 2019)",  # a bracketed caption
])
def test_labels_alone_in_their_paragraph_never_enter_the_default_summary(label):
    """A short line without a stop, alone in its paragraph, is a label, not a sentence."""
    texts = ARTICLE[:3] + [label] + ARTICLE[3:8]
    paragraphs = [0, 0, 1, 5, 6, 6, 7, 7, 7]
    for n in range(1, len(texts) + 1):
        chosen = {s.text for s in summarize(make_sentences(texts, paragraphs), count=n)}
        assert label not in chosen


def test_a_short_sentence_with_its_stop_is_no_label():
    from briefgen.summarize.editor import labels

    assert labels(["Residents welcomed the decision.", "Reactions", "Floods return"],
                  [0, 1, 2]) == [False, True, True]
    assert labels(["Reactions", "Residents welcomed it."], [0, 0]) == [False, False]


def test_positions_count_inside_each_article_when_several_run_together():
    from briefgen.summarize.editor import FEATURES, features, positions

    pos, size, block = positions([0, 0, 0, 1, 1], 5)
    assert pos.tolist() == [0, 1, 2, 0, 1] and size.tolist() == [3, 3, 3, 2, 2]
    assert block.tolist() == [0, 0, 0, 1, 1]
    pos, size, block = positions(None, 3)
    assert pos.tolist() == [0, 1, 2] and size.tolist() == [3, 3, 3] and not block.any()
    texts = ARTICLE[:3] + ARTICLE[5:8]
    x = features(texts, [0, 0, 1, 2, 2, 3], None, articles=[0, 0, 0, 1, 1, 1])
    first = x[:, FEATURES.index("first")]
    assert first.tolist() == [1, 0, 0, 1, 0, 0]
    assert x[:, FEATURES.index("multi_first")].tolist() == [1, 0, 0, 1, 0, 0]
    assert x[:, FEATURES.index("multi_newness")].tolist() == [1, 1, 1, 0.5, 0.5, 0.5]
    one = features(texts, [0, 0, 1, 2, 2, 3], None)
    assert one[:, FEATURES.index("first")].tolist() == [1, 0, 0, 0, 0, 0]
    assert not one[:, [i for i, f in enumerate(FEATURES) if f.startswith("multi_")]].any()


def test_articles_change_nothing_for_one_article():
    sents = make_sentences()
    alone = summarize(sents, count=3)
    assert summarize(sents, count=3, articles=[0] * len(sents)) == alone
    assert summarize(sents, count=3, algorithm="lexrank", articles=[1] * len(sents)) == \
        summarize(sents, count=3, algorithm="lexrank")


def test_a_dateline_set_off_by_an_en_dash_is_not_shown():
    texts = ["RIVERTON, Eastshire \u2013 " + ARTICLE[0]] + ARTICLE[1:8]
    shown = [s.text for s in summarize(make_sentences(texts, PARAGRAPHS[:8]), count=8)]
    assert shown[0] == ARTICLE[0]
    from briefgen.summarize.editor import final_texts

    # two capitals joined by an en dash are names, not a dateline
    assert final_texts(["UK \u2013 Riverton talks resume on Monday."], [0]) == \
        ["UK \u2013 Riverton talks resume on Monday."]


def test_importing_the_registry_loads_no_numerical_library():
    """``briefgen.summarize`` names the summarizers; numpy, scipy and sumy load on first use."""
    code = ("import sys, briefgen.summarize\n"
            "print(sorted(m for m in ('numpy', 'scipy', 'sumy') if m in sys.modules))\n")
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_analysing_an_article_with_the_fast_engine_loads_neither_nltk_nor_scipy_stats(tmp_path):
    """Stems come from snowballstemmer: nltk (and the scipy.stats it imports, ~1 s) load
    only for ``--engine sumy``. Checked for the default and every fast algorithm."""
    article = tmp_path / "article.txt"
    article.write_text("Riverton approves flood plan\n\n" + " ".join(ARTICLE[:5]) + "\n\n"
                       + " ".join(ARTICLE[5:]) + "\n", encoding="utf-8")
    code = (
        "import contextlib, io, sys\n"
        "from briefgen.cli import main\n"
        "from briefgen.summarize import FAST_ALGORITHMS\n"
        "for name in ('editor',) + FAST_ALGORITHMS:\n"
        "    with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "        try:\n"
        f"            main(['analyze', {str(article)!r}, '--engine', 'fast', '--algorithm', name])\n"
        "        except SystemExit as done:\n"
        "            assert done.code in (0, None), (name, done.code)\n"
        "    assert '\"summary\"' in out.getvalue(), name\n"
        "print(sorted(m for m in ('nltk', 'scipy.stats', 'sumy.nlp.stemmers') if m in sys.modules))\n"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
