"""One candidate quote in its article -> the windows and tokens the rules look at."""

from __future__ import annotations

from functools import cached_property

from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.marks import DASHES, Candidate
from briefgen.text.spans import Token


class Site:
    """A candidate quote with its cue windows; tokens are computed once, on first use."""

    def __init__(self, ctx: Context, q: Candidate, after: tuple[int, int], before: tuple[int, int]):
        self.ctx, self.q, self.after, self.before = ctx, q, after, before

    @cached_property
    def content(self) -> str:
        return self.ctx.text[self.q.start : self.q.end].rstrip()

    @cached_property
    def after_tokens(self) -> list[Token]:
        """Tokens after the quote, or none when anything but a comma or dash comes first
        ("“…” (Reuters)", a line break): then no cue after the quote is its own."""
        toks = self.ctx.tokens(*self.after)
        if not toks:
            return []
        lead = self.ctx.text[self.after[0] : toks[0].start]
        if lead.strip(" ,\u00a0" + DASHES) or "\n" in lead:
            return []
        return toks

    @cached_property
    def before_tokens(self) -> list[Token]:
        return self.ctx.tokens(*self.before)
