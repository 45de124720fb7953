"""briefgen: the day's news articles -> per-audience PDF briefs.

The public API is what this module exports (docs/api.md); the CLI is a thin
layer over it::

    articles, failures = briefgen.read(["inbox/"])
    digests = [briefgen.analyze(a) for a in articles]
    stories = briefgen.group(digests)
    brief = briefgen.brief(stories, "executive", datetime.date(2026, 11, 28), failures=failures)
    pdf = briefgen.render(brief, "pdf")
    result = briefgen.build(["inbox/"], output_dir="out")    # all of it, as `briefgen build`

Importing briefgen is cheap: the analysis, grouping and rendering libraries
load on first use, and the types that live beside them are attributes resolved
on first access (``__getattr__`` below).
"""

import logging

from briefgen.api import (
    BuildResult,
    analyze,
    analyze_all,
    brief,
    build,
    cluster,
    group,
    near_duplicates,
    read,
    render,
    summarize_sentences,
    terms,
)
from briefgen.audience import Audience
from briefgen.errors import BriefgenError, InputError, RenderError, UnknownAlgorithm
from briefgen.model import Article, Brief, Digest, Failure, Participant, Quote, Sentence, SummarySentence
from briefgen.version import __version__

logging.getLogger(__name__).addHandler(logging.NullHandler())

# name -> module: imported when first asked for, as their modules pull in numpy or smtplib
_LAZY = {
    "ConfigError": "briefgen.settings",
    "Settings": "briefgen.settings",
    "OptionError": "briefgen.settings.resolve",
    "RunLocked": "briefgen.ops.lock",
    "Story": "briefgen.stories.assemble",
    "GroupingOptions": "briefgen.stories.grouping",
    # the extractors `analyze` runs, each alone (for evaluation)
    "extract_participants": "briefgen.extract.participants",
    "extract_quotes": "briefgen.extract.quotes",
    # the sentence splitter and the summarizers, on sentences (for evaluation)
    "split_sentences": "briefgen.text.segment",
    "split_paragraphs": "briefgen.text.segment",
    "summarize_many": "briefgen.summarize",
    "ALGORITHMS": "briefgen.summarize",
    "SUMY_ALGORITHMS": "briefgen.summarize",
    "FAST_ALGORITHMS": "briefgen.summarize",
    "DEFAULT_ALGORITHM": "briefgen.summarize",
}
_RENAMED = {"GroupingDoc": ("briefgen.stories.grouping", "Doc")}

__all__ = [
    "__version__",
    # stages
    "read", "analyze", "analyze_all", "group", "brief", "render", "build",
    # the extractors' and the grouper's own entry points, for evaluation
    "extract_participants", "extract_quotes", "cluster", "near_duplicates", "terms",
    "split_sentences", "split_paragraphs", "summarize_sentences", "summarize_many",
    "ALGORITHMS", "SUMY_ALGORITHMS", "FAST_ALGORITHMS",
    "DEFAULT_ALGORITHM",
    # data
    "Article", "Sentence", "SummarySentence", "Quote", "Participant", "Digest", "Failure", "Brief", "Audience",
    "BuildResult", "Story", "Settings", "GroupingDoc", "GroupingOptions",
    # errors
    "BriefgenError", "InputError", "RenderError", "UnknownAlgorithm", "ConfigError", "OptionError", "RunLocked",
]


def __getattr__(name: str):
    import importlib

    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in _RENAMED:
        module, attr = _RENAMED[name]
        return getattr(importlib.import_module(module), attr)
    raise AttributeError(f"module 'briefgen' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY, *_RENAMED})
