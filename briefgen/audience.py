"""Audiences: who a brief is for and what it shows them.

The built-in audiences differ in substance, not only in colour. A TOML file
can change them or add new ones (briefgen.settings); these are the defaults.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Values that the config file, the renderer and the build all check: one definition each.
FORMATS = ("pdf", "html", "json")
PDF_VARIANTS = ("pdf/ua-1", "pdf/a-3u")
COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")
IMAGE_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".gif": "image/gif", ".webp": "image/webp"}  # logos, by suffix
LOGO_MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class Audience:
    name: str
    title: str
    template: str  # file name on the template search path
    description: str
    algorithm: str | None = None  # None: the default summarizer
    summary_sentences: int | None = 3
    summary_words: int | None = None
    max_stories: int | None = None  # None: every story
    quotes_per_story: int | None = 2  # None: every quote
    show_participants: bool = True
    show_sources: bool = True
    page_size: str = "A4"
    accent: str = "#1f3a5f"
    classification: str | None = None
    # Added for configuration files (issue 5); every default keeps the old behaviour.
    include: tuple[str, ...] = ()  # keep only stories mentioning one of these words or phrases
    exclude: tuple[str, ...] = ()  # drop stories mentioning any of these
    sources: tuple[str, ...] = ()  # keep only these sources (case-insensitive); () = all
    tags: tuple[str, ...] = ()  # keep only articles with one of these tags; () = all
    order: str = "rank"  # one of ORDERS
    logo: str | None = None  # absolute path of an image shown in the masthead
    banner_colour: str = "#a01b1b"  # background of the classification banner
    locale: str = "en-GB"  # how dates are written; see briefgen.rendering.locales
    pdf_variant: str | None = None  # None: plain PDF; "pdf/ua-1" tagged; "pdf/a-3u" archival
    # Added for story memory (issue 7): with --stories, drop stories already briefed with nothing new.
    omit_continuing: bool = False
    # PDF metadata (issue 18); None/() keep briefgen's own: Author "briefgen", Subject the description.
    author: str | None = None
    subject: str | None = None
    keywords: tuple[str, ...] = ()
    # Story budget (issue 19): the first full_stories get the full treatment, the next
    # digest_stories one line each in "Also today"; None: no limit. The JSON lists every story.
    full_stories: int | None = None
    digest_stories: int | None = None
    participants_per_story: int | None = None  # the most mentioned; None: every participant
    # Articles a full story lists in Sources: those its lines cite first (forty outlets' worth
    # of rows helps no reader); None: every article. The JSON brief keeps them all.
    sources_per_story: int | None = None
    # With quotes_per_story "all": a story with more quotes than this (forty outlets' worth)
    # shows its key quotes, this many; None: every quote however many.
    quote_budget: int | None = None


# How stories may be ordered (briefgen.stories.select): "rank" is most newsworthy first.
ORDERS = ("rank", "newest", "oldest", "source", "title")


BUILTIN_AUDIENCES: dict[str, Audience] = {
    a.name: a
    for a in (
        Audience(
            name="executive",
            title="Executive Brief",
            template="executive.html",
            description="Top stories on as few pages as possible: short summaries, one quote each.",
            summary_sentences=2,
            summary_words=60,
            max_stories=8,
            quotes_per_story=1,
            show_participants=False,
            show_sources=False,
            accent="#7a1f2b",
        ),
        Audience(
            name="analyst",
            title="Analyst Brief",
            template="analyst.html",
            description="Everything: full summaries, all quotes, participants table and sources.",
            summary_sentences=5,
            max_stories=None,
            quotes_per_story=None,
            quote_budget=12,
            participants_per_story=30,
            sources_per_story=10,
            show_participants=True,
            show_sources=True,
            accent="#1f3a5f",
            full_stories=12,
            digest_stories=60,
        ),
        Audience(
            name="press",
            title="Press Office Brief",
            template="press.html",
            description="Who said what: quotes first, grouped by speaker, then the stories.",
            summary_sentences=2,
            max_stories=None,
            quotes_per_story=None,
            quote_budget=10,
            participants_per_story=20,
            sources_per_story=10,
            show_participants=True,
            show_sources=True,
            accent="#2d5a3d",
            full_stories=15,
            digest_stories=60,
        ),
    )
}
