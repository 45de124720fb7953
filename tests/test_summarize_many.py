"""Specification of summarize_many: one summary over several articles of a story."""

from __future__ import annotations

from briefgen.model import Sentence
from briefgen.summarize import SourcedSentence, summarize_many
from test_summarize import make_sentences

OTHER = [
    "Riverton's council backed a flood defence plan on Monday that will raise the river walls.",
    "The plan will raise the river walls by two metres and create wetlands upstream to hold water.",
    "Farmers near Riverton said they feared losing land to the new wetlands.",
    "He said the council had not consulted them.",
]


def docs():
    return [("a.txt", make_sentences()), ("b.txt", make_sentences(OTHER, [0, 0, 1, 1]))]


def test_each_sentence_keeps_its_article_and_index():
    result = summarize_many(docs(), count=4)
    assert result and all(isinstance(s, SourcedSentence) for s in result)
    by_doc = dict(docs())
    for s in result:
        assert by_doc[s.document][s.index].text == s.text
        assert 0.0 <= s.score <= 1.0


def test_output_is_grouped_by_article_then_document_order():
    result = summarize_many(docs(), count=5)
    articles = [s.document for s in result]
    # each article appears as one run of sentences ...
    runs = [a for k, a in enumerate(articles) if k == 0 or articles[k - 1] != a]
    assert len(runs) == len(set(runs))
    # ... in its own document order
    for ref in set(articles):
        idx = [s.index for s in result if s.document == ref]
        assert idx == sorted(idx)


def test_the_article_with_the_most_relevant_sentence_leads():
    result = summarize_many(docs(), count=5)
    best = max(result, key=lambda s: s.score)
    assert result[0].document == best.document


def test_the_same_sentence_in_two_articles_appears_once():
    result = summarize_many(docs(), count=6)
    texts = [" ".join(s.text.split()) for s in result]
    assert len(texts) == len(set(texts))


def test_word_budget_is_respected_and_boilerplate_never_chosen():
    for budget in (25, 50, 100):
        result = summarize_many(docs(), words=budget)
        assert sum(len(s.text.split()) for s in result) <= budget
        assert not any("Subscribe" in s.text for s in result)


def test_a_dangling_pronoun_needs_its_antecedent():
    for n in range(1, 8):
        chosen = {(s.document, s.index) for s in summarize_many(docs(), count=n)}
        if ("b.txt", 3) in chosen:
            assert ("b.txt", 2) in chosen


def test_empty_and_odd_input():
    assert summarize_many([]) == ()
    assert summarize_many([("x", []), ("y", [Sentence(0, 0, 0, "  ", 0)])]) == ()
    assert summarize_many(docs(), count=0) == ()


FERRY = [
    "The new ferry terminal at Port Alder opened on Saturday after three years of building work.",
    "Harbour officials said the terminal would handle twice as many passengers as the old quay.",
    "\"The queues of the past are over. Every crossing will board in ten minutes,\" said the harbour master.",
    "Passenger numbers",
    "The report comes after months of delays caused by storms and a shortage of steel for the terminal.",
    "The terminal's first ferry left for the islands at noon with two hundred passengers aboard.",
]


def ferry_docs():
    # the quotation is split by the segmenter: its second half shows a close without an open
    quote = FERRY[2].split(". ")
    texts = [FERRY[0], FERRY[1], quote[0] + ".", quote[1], FERRY[3], FERRY[4], FERRY[5]]
    return [("ferry.txt", make_sentences(texts, [0, 1, 2, 2, 3, 4, 5])),
            ("other.txt", make_sentences(OTHER, [0, 0, 1, 1]))]


def test_a_story_summary_shows_no_half_quotation_label_or_unintroduced_report():
    for words in (40, 80, 200):
        shown = [s.text for s in summarize_many(ferry_docs(), words=words)]
        assert not any(t.count('"') % 2 for t in shown), shown
        assert "Passenger numbers" not in shown
        assert not any(t.startswith("The report comes after") for t in shown), shown
