"""Properties that hold for any text whatsoever (hypothesis): analysis never
raises, and a summary is made of the article's own sentences.

The ingest -> HTML fuzz run is the same idea at scale and is run on demand:
    BRIEFGEN_FUZZ_EXAMPLES=3000 .venv/bin/python -m pytest tests/test_properties.py -k fuzz -s
"""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from briefgen.analysis import analyze_article
from briefgen.audience import BUILTIN_AUDIENCES
from briefgen.compose import build_brief
from briefgen.errors import InputError
from briefgen.ingest.article import parse_article
from briefgen.model import Article

WORDS = ["the", "Mayor", "Ada", "Okafor", "said", "council", "U.S.", "Dr.", "No.", "3.5", "per", "cent",
         "Eastport", "Ltd", "he", "she", "they", "told", "reporters", "on", "Friday", "«", "»", "„", "“",
         "”", '"', "'", "—", "(", ")", ":", ";", ",", ".", "!", "?", "…", "\n", "\n\n", "- ", "* ", "#",
         "市议会", "مجلس", "Совет", "über", "e.g.", "a.m.", "http://x.org/a?b=c", "'s", "1,200", "\t", "\u00a0"]

newsy = st.lists(st.sampled_from(WORDS), max_size=120).map(" ".join)
any_text = st.one_of(st.text(max_size=600), newsy, st.text(alphabet=st.sampled_from(". \"'\n—?!"), max_size=80))

PROPERTY_SETTINGS = settings(max_examples=100, deadline=None, derandomize=True,
                             suppress_health_check=[HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(text=any_text, title=st.text(max_size=40))
def test_analysis_never_raises_and_summaries_are_input_sentences(text, title):
    digest = analyze_article(Article(path="fuzz.txt", title=title, text=text))
    indices = [s.index for s in digest.summary]
    assert indices == sorted(set(indices))  # document order, no sentence twice
    for chosen in digest.summary:
        assert chosen.text == digest.sentences[chosen.index].text
        assert 0.0 <= chosen.score <= 1.0
    if any(s.text.strip() for s in digest.sentences):
        assert digest.summary  # never an empty summary for an article with words


@PROPERTY_SETTINGS
@given(data=st.one_of(st.binary(max_size=400), any_text.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_reading_any_bytes_gives_an_article_or_a_one_line_input_error(data):
    try:
        article = parse_article(data, path="fuzz.txt")
    except InputError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert article.text.strip() and "\x00" not in article.text


def _ingest_to_html(data: bytes) -> None:
    from briefgen.rendering.render import render_html

    try:
        article = parse_article(data, path="fuzz.txt")
    except InputError:
        return
    digest = analyze_article(article)
    for audience in BUILTIN_AUDIENCES.values():
        html = render_html(build_brief([digest], audience, date(2026, 11, 28)), audience)
        assert html.lstrip().lower().startswith("<!doctype html")


FUZZ_EXAMPLES = int(os.environ.get("BRIEFGEN_FUZZ_EXAMPLES", "0"))


@pytest.mark.skipif(not FUZZ_EXAMPLES, reason="set BRIEFGEN_FUZZ_EXAMPLES=N to run the ingest -> HTML fuzz run")
@settings(max_examples=max(FUZZ_EXAMPLES, 1), deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.one_of(
    st.binary(max_size=2000),
    any_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(st.text(max_size=80), any_text).map(lambda p: f"---\ntitle: {p[0]}\n---\n{p[1]}".encode("utf-8", "surrogatepass")),
    any_text.map(lambda t: t.encode("utf-16")),
))
def test_fuzz_ingest_to_html(data):
    _ingest_to_html(data)
