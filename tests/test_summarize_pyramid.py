"""The inverted-pyramid gate and the editor's clean-sentence rules, on invented articles."""

from __future__ import annotations

import numpy as np

from briefgen.summarize import editor, pyramid


def _row(content, share=0.1, n_para=None):
    n = len(content)
    paragraphs = list(range(n)) if n_para is None else [i % n_para for i in range(n)]
    pct = np.linspace(1.0, 0.0, n)
    return pyramid.features(content, sorted(paragraphs), [12] * n, pct, pct, np.zeros(n),
                            [False] * n, share)


def _col(name):
    return pyramid.FEATURES.index(name)


def test_lead_cover_is_the_share_of_the_rest_the_opening_already_holds():
    opening = [("harbour", "ferry"), ("ferry", "timetable"), ("council", "vote")]
    rest_held = [("harbour", "council")] * 4
    rest_new = [("orchard", "apple")] * 4
    assert _row(opening + rest_held)[_col("lead_cover")] == 1.0
    assert _row(opening + rest_new)[_col("lead_cover")] == 0.0


def test_a_smaller_summary_share_is_a_smaller_log_share():
    content = [(f"w{i}", "x") for i in range(20)]
    assert _row(content, share=0.1)[_col("log_share")] < _row(content, share=0.5)[_col("log_share")]


def test_the_gate_reads_shipped_weights_for_every_feature():
    assert len(pyramid.weights()) == len(pyramid.FEATURES)
    assert 0.0 <= pyramid.lead_probability(_row([("a", "b")] * 6)) <= 1.0


def test_forcing_the_lead_ranks_in_document_order_and_forcing_the_ranking_does_not_need_to():
    texts = ["Officials opened the new harbour bridge on Monday.",
             "Traffic on the harbour bridge was heavy.",
             "The bridge cost the city two million pounds.",
             "Residents praised the harbour bridge and its lights.",
             "A band played near the bridge."]
    _, lead_rank = editor.rate(texts, [0, 1, 2, 3, 4], "Harbour bridge opens", lead=True)
    assert lead_rank == [0, 1, 2, 3, 4]
    scores, rank = editor.rate(texts, [0, 1, 2, 3, 4], "Harbour bridge opens", lead=False)
    assert sorted(rank) == [0, 1, 2, 3, 4] and len(scores) == 5


def test_the_report_said_leans_back_but_the_report_by_names_it():
    assert editor.leans_back("The report said prices would rise.")
    assert editor.leans_back("The move followed a long campaign.")
    assert not editor.leans_back("The report by the city auditors found waste.")
    assert not editor.leans_back("The harbour reopened on Monday.")


def test_a_dateline_left_in_a_sentence_is_not_shown():
    texts = ["OSTRAVA, Velmora (AP) _ The ministry said the dam would open in May.",
             "Engineers finished the dam."]
    assert editor.final_texts(texts, [0]) == ["The ministry said the dam would open in May."]
