"""Brief + Audience -> the template context: the story and speaker views (``views``), document
metadata, and the audience's settings validated for use inside CSS. Documented field by
field in docs/templates.md."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from briefgen.audience import COLOUR, IMAGE_TYPES, LOGO_MAX_BYTES, Audience
from briefgen.errors import RenderError
from briefgen.model import Brief
from briefgen.rendering.charts import coverage_chart, outlet_chart, speaker_chart
from briefgen.rendering.locales import format_date as locale_date
from briefgen.rendering.sources import number_sources
from briefgen.rendering.views import (
    StoryView,
    digest_line,
    format_date,
    speaker_views,
    story_view,
    top_quotes,
    valid_lang,
)
from briefgen.stories.outlets import distinct_outlets

_PAGE_SIZES = {"a4": "A4", "letter": "letter", "a5": "A5", "legal": "legal"}


@dataclass(frozen=True)
class Meta:
    title: str
    author: str
    description: str
    keywords: tuple[str, ...]
    created: str  # W3C date from the brief's date: output is reproducible
    generator: str
    lang: str


def _keywords(stories: Sequence[StoryView]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for story in stories:
        for p in story.people[:3] + story.organizations[:2]:
            # WeasyPrint splits keywords on commas.
            seen.setdefault(p.name.replace(",", " "), None)
    return tuple(seen)[:20]


def build_context(brief: Brief, audience: Audience) -> dict[str, Any]:
    """Everything a template may use; documented field by field in docs/templates.md."""
    items = brief.stories
    if audience.max_stories is not None:
        items = items[: audience.max_stories]
    # The story budget (issue 19): full treatment for the first full_stories, one line each
    # for the next digest_stories ("Also today"), so the layout does not grow with the day.
    full = items if audience.full_stories is None else items[: audience.full_stories]
    rest = items[len(full):]
    listed = rest if audience.digest_stories is None else rest[: audience.digest_stories]
    # the articles the full stories and the "Also today" lines cite, numbered as their "[n]" marks are
    register = number_sources(full, brief.date, audience.locale, audience.sources_per_story, digest=listed)
    stories = tuple(story_view(i, item, audience, register, brief.date) for i, item in enumerate(full, start=1))
    digest = tuple(digest_line(i, item, register) for i, item in enumerate(listed, start=len(full) + 1))
    articles = tuple(register.values())
    sources = tuple(dict.fromkeys(s.source for s in stories if s.source))
    speakers = speaker_views(stories)
    quotes = top_quotes(items, stories, audience)
    day = format_date(brief.date, audience.locale)
    meta = Meta(
        title=f"{brief.title} — {day}",
        author=audience.author or brief.author or brief.generated_by,
        description=audience.subject or f"{audience.description} {len(stories)} stories, {day}.".strip(),
        keywords=(*(" ".join(k.replace(",", " ").split()) for k in audience.keywords),  # commas split keywords
                  "news brief", audience.name, *_keywords(stories)),
        created=brief.date.isoformat(),
        generator=brief.generated_by,
        lang=valid_lang(brief.lang) or "en",
    )
    return {
        "brief": brief,
        "audience": audience,
        "meta": meta,
        "date_label": _weekday_date(brief.date, audience.locale),
        "stories": stories,
        # "N more in the full brief": the pipeline already cut to max_stories and says how
        # many passed the filters; a hand-made Brief is cut here.
        "omitted": max(len(brief.stories) if brief.available is None else brief.available,
                       len(brief.stories)) - len(stories),
        "also_today": digest,  # DigestLine per story after the full ones (partials/digest.html)
        "also_omitted": len(rest) - len(listed),  # stories in neither (all are in the JSON)
        "speakers": speakers,
        # Provenance (issue 16): every article used, numbered as the "[n]" marks cite them.
        "articles": articles,
        "outlets": distinct_outlets(s.outlet for s in articles),
        # The gist (issue 20): the quote of the day and the next top quotes, one per story.
        "quote_of_the_day": quotes[0] if quotes else None,
        "top_quotes": quotes[1:],
        "charts": {"coverage": coverage_chart(stories), "outlets": outlet_chart(articles),
                   "speakers": speaker_chart(speakers)},
        "quote_count": sum(len(s.quotes) for s in stories),
        "sources": sources,
        "failures": brief.failures,
        # Values that end up inside CSS are validated here, never taken raw.
        "accent": audience.accent if COLOUR.fullmatch(audience.accent or "") else "#1f3a5f",
        "page_size": _PAGE_SIZES.get((audience.page_size or "").lower(), "A4"),
        "classification": audience.classification,
        "banner_colour": audience.banner_colour if COLOUR.fullmatch(audience.banner_colour or "") else "#a01b1b",
        "logo": logo_data_url(audience.logo),
    }


def _weekday_date(day: date, locale: str) -> str:
    return locale_date(day, locale, weekday=True) or ""


def logo_data_url(path: str | None) -> str | None:
    """The configured logo as a data: URL, so it shows in the HTML preview and the PDF alike
    without the fetcher having to open files outside the template folders."""
    if not path:
        return None
    file = Path(path)
    kind = IMAGE_TYPES.get(file.suffix.lower())
    try:
        data = file.read_bytes() if kind else b""
    except OSError as exc:
        raise RenderError(f"cannot read logo {file}: {exc.strerror or exc}") from None
    if not kind or len(data) > LOGO_MAX_BYTES:
        raise RenderError(f"logo {file} must be an image ({', '.join(IMAGE_TYPES)}) "
                          f"under {LOGO_MAX_BYTES // 1_000_000} MB")
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
