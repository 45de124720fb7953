"""Stories (or digests) + an audience + a day -> Brief: what one audience's template receives.

Shapes the analysed material for one audience (filters, order, count, summary
length) without analysing again. Without stories each digest is one item
(``BriefStory.of``) summarised to the audience's budget; with stories
(``build --stories``) each story is one item and the brief carries the story
memory (``briefgen.stories.view``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from briefgen.audience import Audience
from briefgen.model import Brief, BriefStory, Digest, Failure, StoryLine
from briefgen.stories.select import select_stories
from briefgen.stories.story import Story
from briefgen.summarize import summarize, summary_input


def build_brief(
    digests: Sequence[Digest],
    audience: Audience,
    day: date,
    failures: Sequence[Failure] = (),
    *,
    engine: str = "fast",
    story_items: Sequence[Story] | None = None,
) -> Brief:
    """One audience's brief. With ``story_items`` (labelled stories, briefgen.stories.novelty) each
    story is one item with its multi-document summary, merged quotes/participants and memory;
    ``digests`` are then not used."""
    available = 0  # items that pass the audience's filters, before max_stories cuts them

    def chosen(candidates: Sequence[BriefStory]) -> list[BriefStory]:
        nonlocal available
        picked = select_stories(candidates, audience)
        available = len(picked)
        return picked if audience.max_stories is None else picked[: audience.max_stories]

    memory = None
    if story_items is not None:
        # lazy: stories bring numpy/scipy (grouping), which a brief without --stories never needs
        from briefgen.stories.view import brief_items

        # selected before summarising: only shown stories are summarised and listed in the memory
        items, memory = brief_items(story_items, audience, engine=engine, select=chosen)
    else:
        items = [_summarised(item, audience, engine) for item in chosen([BriefStory.of(d) for d in digests])]
    return Brief(
        date=day,
        audience=audience.name,
        title=audience.title,
        stories=tuple(items),
        failures=tuple(failures),
        available=available,
        memory=memory,
    )


def _summarised(item: BriefStory, audience: Audience, engine: str) -> BriefStory:
    """One article's item with a summary at the audience's budget."""
    d = item.lead
    summary = summarize(
        summary_input(d.sentences),
        algorithm=audience.algorithm,
        count=audience.summary_sentences,
        words=audience.summary_words,
        title=d.article.title,
        engine=engine,
        participants=d.participants,
    )
    return replace(item, summary=tuple(StoryLine(s.text, d.article.path, s.index, s.score) for s in summary))
