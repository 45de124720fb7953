"""Algorithm name + engine -> the rater that scores an article's sentences.

``rate(texts, paragraphs, algorithm=, title=, engine=)`` returns raw scores
(document order) and a ranking (best first); ``rescale`` maps raw scores to
[0, 1] over one article. Every rater module is imported on first use: they
pull in numpy and sumy, and importing ``briefgen.summarize`` must stay light.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from briefgen.errors import UnknownAlgorithm
from briefgen.model import Sentence

SUMY_ALGORITHMS: tuple[str, ...] = (
    "lexrank", "lsa", "textrank", "luhn", "edmundson", "kl", "sumbasic", "reduction", "random",
)
# "editor" is briefgen's own: position + centrality + title + length, with
# editorial selection (see briefgen.summarize.editor)
ALGORITHMS: tuple[str, ...] = SUMY_ALGORITHMS + ("lead", "editor")
DEFAULT_ALGORITHM: str = "editor"
# "compat": the fast engines in their sumy-compatible mode, so lsa, kl and sumbasic rank as
# sumy 0.13 does (the others always do); "fast" runs the published methods (fast.COMPAT_DIFFERS)
ENGINES: tuple[str, ...] = ("fast", "sumy", "compat")
# algorithms with a vectorised engine; the others (random, lead) are
# linear already and run the same code under both engines
FAST_ALGORITHMS: tuple[str, ...] = ("lexrank", "textrank", "lsa", "luhn", "sumbasic", "kl", "reduction",
                                     "edmundson")

Rater = Callable[[Sequence[str], Sequence[int], "str | None"], tuple[list[float], list[int]]]


def check(algorithm: str | None, engine: str) -> str:
    """The canonical algorithm name; ``UnknownAlgorithm`` for an unknown algorithm or engine."""
    name = (algorithm or DEFAULT_ALGORITHM).strip().lower()
    if name not in ALGORITHMS:
        raise UnknownAlgorithm(
            f"unknown summarizer {algorithm!r}; choose one of: {', '.join(ALGORITHMS)}"
        )
    if engine not in ENGINES:
        raise UnknownAlgorithm(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    return name


def _rate_lead(texts: Sequence[str], paragraphs: Sequence[int], title: str | None):
    n = len(texts)
    return [float(n - i) for i in range(n)], list(range(n))


def rate(texts: Sequence[str], paragraphs: Sequence[int], *, algorithm: str,
         title: str | None = None, engine: str = "fast",
         summary_sentences: float | None = None,
         articles: Sequence[int] | None = None) -> tuple[list[float], list[int]]:
    """Raw scores (document order) and ranking (best first) of non-empty sentence texts.
    ``summary_sentences``: how many sentences the summary will hold (the editor keeps an
    inverted pyramid's lead depending on it, ``pyramid``); ``articles``: the article each
    text comes from when several run together (the editor counts positions inside each);
    the other algorithms ignore both."""
    name = check(algorithm, engine)
    if not texts:
        return [], []
    if name == "lead":
        return _rate_lead(texts, paragraphs, title)
    if name == "editor":
        from briefgen.summarize import editor  # numpy: lazy

        return editor.rate(texts, paragraphs, title, summary_sentences=summary_sentences,
                           articles=articles)
    if engine in ("fast", "compat") and name in FAST_ALGORITHMS:
        from briefgen.summarize import fast  # numpy and scipy: lazy

        return fast.rate(name, texts, compat=engine == "compat", paragraphs=paragraphs, title=title)
    from briefgen.summarize import sumy_engine  # sumy: lazy

    return sumy_engine.rate(name, texts, paragraphs, title)


def rescale(scores: Sequence[float]) -> list[float]:
    """Scores mapped to [0, 1] over one article (1 = best); all 1 when every score ties."""
    lo, hi = min(scores), max(scores)
    if not hi > lo:  # also catches NaN
        return [1.0] * len(scores)
    return [round((s - lo) / (hi - lo), 6) for s in scores]


def distinct(sentences: Sequence[Sentence]) -> list[tuple[Sentence, str]]:
    """Each sentence with its whitespace-normalised text, blanks and repeats dropped:
    repeated sentences would share one sumy score and could both be chosen."""
    kept, seen = [], set()
    for s in sentences:
        key = " ".join((s.text or "").split())
        if key and key not in seen:
            seen.add(key)
            kept.append((s, key))
    return kept
