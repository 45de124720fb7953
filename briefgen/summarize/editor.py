"""Sentences + title -> "editor" scores: briefgen's own default ranking.

A linear model over features an editor weighs: position (lead sentences,
paragraph openers), centrality (TextRank, Reduction over stems and over
words, LexRank and Luhn scores from the fast engines), overlap with the
title, length, and quotation shape. Weights live in
``briefgen/data/editor_weights.json`` and are refitted by
``bench/fit_editor.py`` on the odd-numbered BBC development articles: a
pairwise (within-article) logistic ranking fit, then a coordinate search on
the ROUGE-1/2 of the summaries ``choose`` really makes. Only the order of the
scores matters.

Selection (in ``choose``) adds what a ranking cannot: boilerplate is never
chosen, near-duplicates of a chosen sentence are skipped, and a sentence
opening with a pronoun or connective ("He", "However") is repaired to stand
alone ("However, " dropped; "He" -> "Mr Blair", see ``resolve``) or else only
taken with the sentence before it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

from briefgen.summarize import _text, fast, lexrank, luhn, pyramid, reduction, textrank
from briefgen.summarize._matrix import dense_counts
from briefgen.summarize.budget import DEFAULT_COUNT
from briefgen.summarize.resolve import Resolver
from briefgen.text import lexicon

FEATURES: tuple[str, ...] = (
    "bias", "first", "second", "inv_pos", "rel_pos", "para_first", "textrank", "reduction",
    "lexrank", "luhn", "reduction_pct", "textrank_pct", "title", "log_len", "short", "quote_start",
    "has_quote", "opener", "reduction_words", "reduction_words_pct",
    # several articles run together (0 for one article): the position features again, so a
    # story's articles may weigh their leads differently from one article's, and how new the
    # sentence's article is (1 = the newest)
    "multi_first", "multi_inv_pos", "multi_rel_pos", "multi_para_first", "multi_newness",
)

# a sentence opening with one of these leans on the sentence before it
OPENERS: frozenset[str] = lexicon.words("summary_openers")
# "The report said..." leans on the sentence that introduced the report
REFERENCES: frozenset[str] = lexicon.words("summary_references")
# what may follow the noun and still name the thing: "The report by the auditors", "The deal, signed..."
_SPECIFIERS = frozenset({"of", "by", "between", "from", "for", "on", "in", "into", "with", "to", "that",
                         "which", "who", "at", "over", "about", "against"})
_DEFINITE = re.compile(r"^[\W_]*the\s+([a-z]+)\s+([A-Za-z]+)")
_FIRST_WORD = re.compile(r"^[\W_]*([A-Za-z']+)")
# matched against the lower-cased text: about 4x faster than an IGNORECASE search, and it
# runs on every sentence of every article
BOILERPLATE = re.compile(
    r"\b(subscribe|sign up for|read more|click here|newsletter|all rights reserved|"
    r"follow us|share this|(photo|image|picture|video)\s*(credit|courtesy)?\s*:|"
    r"getty images|copyright|advertisement|related articles?|"
    r"(contact|e-?mail) (us|the author)|terms of (use|service))\b")
# A dateline ("Friday, July 21, 2017") or a bare date is metadata, not news.
DATELINE = re.compile(
    r"^\W*((mon|tues|wednes|thurs|fri|satur|sun)day\W+)?((jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*)\W+\d{4}\W*$", re.I)
CREDIT = re.compile(r"^\W*(file\s+)?(image|photo|picture|photograph|video|credit|source)s?\s*(credit)?\s*:",
                    re.I)
# a sentence's last characters: its stop, then any closing quote marks or brackets
_STOP_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
HEADING_WORDS = 12  # a line alone in its paragraph, this short and without a stop, is a label
NEAR_DUPLICATE = 0.6  # token Jaccard above which two sentences say the same thing
CHAIN_RANK = 3.0  # an antecedent pulled in for a dangling sentence must rank within 3 x limit


def opener(text: str) -> str | None:
    m = _FIRST_WORD.match(text)
    return m.group(1).lower() if m else None


def is_boilerplate(text: str) -> bool:
    return bool(BOILERPLATE.search(text.lower()))


@lru_cache(maxsize=4096)
def is_content(text: str) -> bool:
    """False for what an editor would never put in a summary: datelines, credits,
    boilerplate, and fragments that start in lower case (a caption's tail, a broken split)."""
    t = text.strip()
    if not t or is_boilerplate(t) or DATELINE.match(t) or CREDIT.match(t):
        return False
    first = next((ch for ch in t if ch.isalnum()), "")
    return not first.islower()


def captions(texts: Sequence[str], paragraphs: Sequence[int]) -> list[bool]:
    """True for the words under a picture. A paragraph that ends with a credit ("Image:
    Twitter.") is the picture's block: everything in it describes the picture, even written
    as a sentence ("The ferry at the quay on 8 May."), so none of it summarizes the story.
    Elsewhere a credit takes along only a label without a full stop in its paragraph
    ("US President Barack Obama tweet to student Ahmed Mohamed")."""
    last: dict[int, str] = {}
    for t, p in zip(texts, paragraphs):
        last[p] = t
    blocks = {p for p, t in last.items() if CREDIT.match(t.strip())}
    credited = {p for t, p in zip(texts, paragraphs) if CREDIT.match(t.strip())}
    return [p in blocks or (p in credited and not re.search(r"[.!?][”\"’')]*$", t.strip()))
            for t, p in zip(texts, paragraphs)]


def labels(texts: Sequence[str], paragraphs: Sequence[int]) -> list[bool]:
    """True for a line that is a label, not a sentence of the story: alone in its paragraph,
    at most HEADING_WORDS words and without a sentence's stop at the end. Section headings
    ("Reactions abroad"), the name or words under a picture, the lead-in to a list ("The
    plan has three parts:") and wire codes are written so; a summary shows none of them."""
    size: dict[int, int] = {}
    for p in paragraphs:
        size[p] = size.get(p, 0) + 1
    return [size[p] == 1 and len(t.split()) <= HEADING_WORDS and not _STOP_END.search(t.strip())
            for t, p in zip(texts, paragraphs)]


def _norm_max(v: np.ndarray) -> np.ndarray:
    m = float(np.max(v)) if len(v) else 0.0
    return v / m if m > 0 else np.zeros_like(v)


def _percentile(v: np.ndarray) -> np.ndarray:
    """1 = the best sentence, 0 = the worst: comparable across article lengths.

    Scores equal to 12 significant digits tie (earlier sentence first): which of two
    sentences with equal graph scores comes first is otherwise decided by the last bit
    of a sum, which differs between dense and sparse products."""
    n = len(v)
    ranks = np.empty(n)
    scale = float(np.max(np.abs(v))) if n else 0.0
    keyed = np.round(v / scale, 12) if scale > 0 else v
    ranks[np.argsort(-keyed, kind="stable")] = np.arange(n)
    return 1.0 - ranks / max(1, n - 1)


def positions(articles: Sequence[int] | None, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(position of each sentence inside its own article, that article's sentence count, the
    article's place among the blocks, 0 = the first). ``articles`` None: one article.
    Several articles run together (a story's, newest first) each have their own lead: its
    position counts from the article's first sentence."""
    if articles is None or len(articles) != n:
        return np.arange(n, dtype=np.float64), np.full(n, float(n)), np.zeros(n)
    pos = np.zeros(n)
    size = np.zeros(n)
    block = np.zeros(n)
    start, b = 0, 0
    for i in range(1, n + 1):
        if i == n or articles[i] != articles[start]:
            pos[start:i] = np.arange(i - start)
            size[start:i] = i - start
            block[start:i] = b
            start, b = i, b + 1
    return pos, size, block


def features(texts: Sequence[str], paragraphs: Sequence[int], title: str | None,
             words: _text.Words | None = None, articles: Sequence[int] | None = None) -> np.ndarray:
    """One row of FEATURES per sentence; ``articles``: the article of each sentence when
    several run together (position features count inside each article, ``positions``)."""
    n = len(texts)
    words = words or _text.analyse(texts)
    x = np.zeros((n, len(FEATURES)))
    if n == 0:
        return x
    idx, size, block = positions(articles, n)
    col = {f: i for i, f in enumerate(FEATURES)}
    x[:, col["bias"]] = 1.0
    x[:, col["first"]] = (idx == 0).astype(float)
    x[:, col["second"]] = (idx == 1).astype(float)
    x[:, col["inv_pos"]] = 1.0 / (idx + 1.0)
    x[:, col["rel_pos"]] = idx / np.maximum(1.0, size - 1.0)
    para = np.asarray(paragraphs)
    x[:, col["para_first"]] = np.concatenate([[1.0], (para[1:] != para[:-1]).astype(float)])
    x[idx == 0, col["para_first"]] = 1.0
    if block[-1] > 0:  # several articles
        for f in ("first", "inv_pos", "rel_pos", "para_first"):
            x[:, col["multi_" + f]] = x[:, col[f]]
        x[:, col["multi_newness"]] = 1.0 / (block + 1.0)

    # one overlap graph for TextRank and Reduction (they weigh the same shared words)
    # and one sentence x word count matrix for that graph and LexRank's cosines
    dense = dense_counts(words.content) if n <= textrank.DENSE_COUNTS_MAX else None
    ov = textrank.overlap(words.content, dense) if n <= textrank.DENSE_MAX else None
    tr = textrank.rate(words.content, ov=ov)
    red = reduction.rate(words.content, ov=ov)
    x[:, col["textrank"]] = tr * n  # 1 = an average sentence
    x[:, col["reduction"]] = _norm_max(red)
    x[:, col["textrank_pct"]] = _percentile(tr)
    x[:, col["reduction_pct"]] = _percentile(red)
    x[:, col["lexrank"]] = _norm_max(lexrank.rate(words.content, dense=dense))
    x[:, col["luhn"]] = _norm_max(luhn.rate(words.stems, words.content))
    # Reduction over unstemmed content words: stemming merges words ("council",
    # "councillor") that news writers keep apart, and ranks extracts better
    sw = _text.stop_words()
    red_words = reduction.rate([tuple(w for w in ws if w not in sw) for ws in words.lower])
    x[:, col["reduction_words"]] = _norm_max(red_words)
    x[:, col["reduction_words_pct"]] = _percentile(red_words)
    if title:
        sw = _text.stop_words()
        tstems = {_text.stem(w) for w in _text.sumy_tokenizer().to_words(title)
                  if w.lower() not in sw}
        if tstems:
            x[:, col["title"]] = [len(tstems & set(c)) / len(tstems) for c in words.content]
    lengths = np.asarray([len(t.split()) for t in texts], dtype=np.float64)
    x[:, col["log_len"]] = np.log1p(lengths)
    x[:, col["short"]] = (lengths < 8).astype(float)
    x[:, col["quote_start"]] = [1.0 if t[:1] in "\"“'‘" else 0.0 for t in texts]
    x[:, col["has_quote"]] = [1.0 if re.search("[\"“”]", t) else 0.0 for t in texts]
    x[:, col["opener"]] = [1.0 if opener(t) in OPENERS else 0.0 for t in texts]
    return x


@lru_cache(maxsize=1)
def weights() -> np.ndarray:
    raw = resources.files("briefgen.data").joinpath("editor_weights.json").read_text("utf-8")
    data = json.loads(raw)
    w = data["weights"]
    return np.asarray([w.get(f, 0.0) for f in FEATURES])


def shape(x: np.ndarray, scores: np.ndarray, words: _text.Words, paragraphs: Sequence[int],
          lengths: Sequence[int], share: float) -> np.ndarray:
    """The article's row of ``pyramid.FEATURES``, from its FEATURES rows and editor scores."""
    col = {f: i for i, f in enumerate(FEATURES)}
    return pyramid.features(words.content, paragraphs, lengths, _percentile(scores),
                            x[:, col["textrank_pct"]], x[:, col["title"]],
                            [bool(v) for v in x[:, col["has_quote"]]], share)


def rate(texts: Sequence[str], paragraphs: Sequence[int], title: str | None = None,
         lead: bool | None = None, summary_sentences: float | None = None,
         articles: Sequence[int] | None = None) -> tuple[list[float], list[int]]:
    """Editor scores and ranking. ``lead``: None lets ``pyramid`` decide from the article's
    shape and the summary's size (``summary_sentences``, default ``budget.DEFAULT_COUNT``)
    whether its opening tells the story (then the ranking is the lead: document order);
    True/False forces the lead or the ranking (``bench/fit_pyramid.py``). ``articles``:
    the article each text comes from when several run together (``features``)."""
    if not texts:
        return [], []
    ok = np.asarray([is_content(t) for t in texts])
    if not ok.any():
        ok[:] = True  # nothing looks like prose: rank it all rather than nothing
    keep = np.flatnonzero(ok)
    # positions count from the first real sentence: a dateline must not steal the lead
    sub_texts = [texts[int(i)] for i in keep]
    sub_paras = [paragraphs[int(i)] for i in keep]
    words = _text.analyse(sub_texts)
    sub_articles = None if articles is None else [articles[int(i)] for i in keep]
    x = features(sub_texts, sub_paras, title, words, sub_articles)
    sub = x @ weights()
    if lead is None:
        lengths = [len(t.split()) for t in sub_texts]
        size = DEFAULT_COUNT if summary_sentences is None else summary_sentences
        lead = pyramid.keeps_lead(shape(x, sub, words, sub_paras, lengths, size / len(sub)))
    if lead:
        # the lead, still scored by the editor's model (a pool cut reads the scores), but
        # ranked in document order: every score above the next sentence's
        order = np.arange(len(sub), 0, -1, dtype=np.float64)
        sub = order * (float(np.ptp(sub)) + 1.0) + sub
    values = np.full(len(texts), float(sub.min()) - 1.0)
    values[keep] = sub
    return [float(v) for v in values], fast.ranking(values)


def _tokens(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


def leans_back(text: str) -> bool:
    """Opens with a pronoun or connective, or with "The <noun> <verb>" for a noun an
    earlier sentence must have introduced ("The report said...")."""
    if opener(text) in OPENERS:
        return True
    m = _DEFINITE.match(text.lower())
    return bool(m and m.group(1) in REFERENCES and m.group(2) not in _SPECIFIERS)


def dangles(texts: Sequence[str], i: int, taken: set[int]) -> bool:
    """Sentence i leans on the sentence before it (``leans_back``) and that one is left out."""
    return i > 0 and (i - 1) not in taken and leans_back(texts[i])


def choose(texts: Sequence[str], ranking: Sequence[int], lengths: Sequence[int], limit: int,
           budget: int | None, max_chain: int = 3,
           allowed: Sequence[bool] | None = None, resolver: Resolver | None = None,
           chain_rank: float = CHAIN_RANK) -> list[int]:
    """Greedy editorial selection; returns positions in document order.

    Walks the ranking best first and takes each sentence that fits the budget,
    is prose (``is_content``) and is not a near-duplicate of a chosen one. A
    sentence that would dangle (opens with "He", "However", ... while the
    sentence before it is left out) is taken as it is when ``resolver`` can
    make it stand alone (``resolve.Resolver.stand_alone``: connective dropped,
    pronoun replaced by the name; ``final_texts`` applies that). Otherwise it
    is taken together with the sentences before it, back to one that stands
    alone (at most ``max_chain`` in all), when they all fit and each of them
    ranks within ``chain_rank`` x ``limit`` (a weak antecedent must not push out
    a strong sentence); otherwise it is left out. ``allowed[i]`` False (half a
    quotation, say) keeps sentence i out, even as another one's antecedent.
    """
    resolver = resolver or Resolver(texts)
    place = {j: k for k, j in enumerate(ranking)}
    chosen: list[int] = []
    taken: set[int] = set()
    toks: dict[int, frozenset[str]] = {}
    used = 0

    def tok(i: int) -> frozenset[str]:
        if i not in toks:
            toks[i] = _tokens(texts[i])
        return toks[i]

    def ok(j: int) -> bool:
        return is_content(texts[j]) and (allowed is None or bool(allowed[j]))

    def stranded(j: int) -> bool:
        return dangles(texts, j, taken) and resolver.stand_alone(j) is None

    for i in ranking:
        if len(chosen) >= limit:
            break
        if i in taken or not ok(i):
            continue
        chain = [i]
        if stranded(i):
            chain = _with_antecedents(texts, i, taken, resolver, max_chain)
            weak = any(place.get(j, len(ranking)) > chain_rank * limit for j in chain[:-1])
            if weak or stranded(chain[0]) or not all(ok(j) for j in chain):
                continue
        if len(chosen) + len(chain) > limit:
            continue
        cost = sum(lengths[j] for j in chain)
        if budget is not None and used + cost > budget:
            continue
        if any(_jaccard(tok(j), tok(c)) > NEAR_DUPLICATE for j in chain for c in chosen):
            continue
        for j in chain:
            chosen.append(j)
            taken.add(j)
        used += cost
    return sorted(chosen)


def _with_antecedents(texts: Sequence[str], i: int, taken: set[int], resolver: Resolver,
                      max_chain: int) -> list[int]:
    """Sentence i preceded by the sentences before it, back to one that neither dangles nor
    needs to (it stands alone once repaired), at most ``max_chain`` sentences in all."""
    chain = [i]
    while dangles(texts, chain[0], taken) and len(chain) < max_chain and not (
            chain[0] != i and resolver.stand_alone(chain[0]) is not None):
        chain.insert(0, chain[0] - 1)
    return chain


# A dateline set off by a spaced en dash ("OSLO, Norway – The ..."): the wire reader takes only
# long dashes (an en dash may join two names in a headline), but before a sentence's
# capital, after a place of three or more capitals, it ends a dateline.
_EN_DASH_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'\u2019-]{2,}(?:\s+[A-Z][A-Z.'\u2019-]+){0,3}"
    r"(?:,\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})?\s+\u2013\s+(?=[A-Z\"\u201c])")


def final_texts(texts: Sequence[str], chosen: Sequence[int],
                resolver: Resolver | None = None) -> list[str]:
    """The text each chosen sentence shows: repaired where it would otherwise dangle, and
    without a wire dateline ("PARIS (AFP) - ", "OSLO, Norway – ") that reading the article
    left in place."""
    from briefgen.ingest.wire import dateline

    resolver = resolver or Resolver(texts)
    taken = set(chosen)
    out = []
    for i in chosen:
        fixed = resolver.stand_alone(i) if dangles(texts, i, taken) else None
        text = fixed or texts[i]
        m = _EN_DASH_DATELINE.match(text)
        prefix = dateline(text) or (m.group(0) if m else "")
        if prefix and len(prefix) < len(text):
            text = text[len(prefix)].upper() + text[len(prefix) + 1:]
        out.append(text)
    return out


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    u = len(a | b)
    return len(a & b) / u if u else 1.0


def logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))
