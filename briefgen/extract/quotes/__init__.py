"""Direct quotes: article text (+ its participants and sentences) -> quotes with cue and speaker.

Quotes are found on character spans from the quotation marks (marks), each is attributed
by the ordered rule table (rules: cue after or before the quote, layout, neighbouring
sentences), the speaker mention is resolved to a participant (speakers), split quotes and
floating paragraphs carry on the last speaker (merge); rank picks key quotes for briefs.
"""

from briefgen.extract.quotes.described import is_named_speaker
from briefgen.extract.quotes.extract import extract_quotes
from briefgen.extract.quotes.rank import rank_quotes

__all__ = ["extract_quotes", "is_named_speaker", "rank_quotes"]
