"""Stories (or digests) + an audience + a day -> Brief: what one audience's template receives.

Shapes the analysed material for one audience (filters, order, count, summary
length) without analysing again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from briefgen.audience import Audience
from briefgen.model import Brief, Digest, Failure
from briefgen.stories.select import select_stories
from briefgen.summarize import summarize, summary_input


def build_brief(
    digests: Sequence[Digest],
    audience: Audience,
    day: date,
    failures: Sequence[Failure] = (),
    *,
    engine: str = "fast",
    story_items: Sequence | None = None,
) -> Brief:
    """One audience's brief. With ``story_items`` (briefgen.stories.assemble.Story, issue 7) each story is
    one item: its lead digest carries a multi-document summary and the merged quotes/participants,
    and ``Brief.extra`` gets the story memory (labels, outlets, today in brief, who's who)."""
    available = 0  # stories that pass the audience's filters, before max_stories cuts them

    def chosen(candidates: Sequence[Digest]) -> list[Digest]:
        nonlocal available
        picked = select_stories(candidates, audience)
        available = len(picked)
        return picked if audience.max_stories is None else picked[: audience.max_stories]

    memory: dict = {}
    if story_items is not None:
        from briefgen.stories.assemble import brief_digests

        # selected before summarising: only shown stories are summarised and listed in the memory
        stories, memory = brief_digests(story_items, audience, engine=engine, select=chosen)
    else:
        stories = chosen(digests)
    stories = [
        d if d.article.path in memory.get("by_path", {}) else replace(
            d,
            summary=summarize(
                summary_input(d.sentences),
                algorithm=audience.algorithm,
                count=audience.summary_sentences,
                words=audience.summary_words,
                title=d.article.title,
                engine=engine,
                participants=d.participants,
            ),
            algorithm=audience.algorithm or "",
        )
        for d in stories
    ]
    extra: dict = {"available": available}
    if memory:
        extra["memory"] = memory
    return Brief(
        date=day,
        audience=audience.name,
        title=audience.title,
        digests=tuple(stories),
        failures=tuple(failures),
        extra=extra,
    )
