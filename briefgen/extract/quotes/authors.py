"""Attributed quotes -> speakers that are people or organisations, not documents.

"“…,” the statement said" after "In a statement, the Elbonian Port Authority said …": a
document, post or website carries its author's words, so the speaker is the author the
text names beside the document (a participant in the same sentence as an earlier mention
of that document, or the name written before it: "the Veltra website"); when the text
names none the speaker is left unknown, never the document. "it added" after a named
organisation is that organisation; "…, with Ana Ruiz saying: “…”" is Ana Ruiz's. A later
"the poster" is grouped with an earlier "one poster" (same head noun, written as first seen).
"""

from __future__ import annotations

import re

from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.described import is_named_speaker
from briefgen.extract.quotes.marks import Candidate
from briefgen.extract.quotes.speakers import QUANTIFIER_PRONOUNS, resolve_name
from briefgen.extract.quotes.vocab import DETERMINERS, HOLDER_PARTICIPLES, REL_BREAKS, SPEECH_FORMS, alternation
from briefgen.model import Participant
from briefgen.text import lexicon

DOCUMENT_NOUNS = lexicon.words("document_nouns")
_DOC_RE = re.compile(rf"\b(?:{alternation(DOCUMENT_NOUNS)})\b", re.IGNORECASE)
_NAME = r"[A-Z][\w.&'’-]*(?:\s+(?:of\s+|the\s+|and\s+)?[A-Z][\w.&'’-]*){0,5}"
# "the Veltra website", "Rajanews.com's post": the name written right before the document.
_OWNER_BEFORE_RE = re.compile(rf"({_NAME})(?:['’]s)?\s+$")
# "a letter from the Elbonian Port Authority", "a statement issued by Veltra".
_BY_RE = re.compile(rf"\s+(?:(?:issued|released|posted|signed|sent|written)\s+)?(?:from|by)\s+(?:the\s+)?({_NAME})")
# "a statement from the board" after "the Elbury Harbour Board": the body named by its head noun.
_BY_HEAD_RE = re.compile(r"\s+(?:(?:issued|released|posted|signed|sent|written)\s+)?(?:from|by)\s+the\s+([a-z]+)\b")
_HELD_BY_RE = re.compile(rf"\s+(?:{alternation(HOLDER_PARTICIPLES)})\s+by\b")
_GERUNDS = sorted((f for f in SPEECH_FORMS if f.endswith("ing")), key=len, reverse=True)
# "…, with Ana Ruiz saying:" / "with the minister stating that": the speaker of what follows.
_WITH_RE = re.compile(
    rf"\bwith\s+((?:the\s+)?{_NAME})\s+(?:{'|'.join(map(re.escape, _GERUNDS))})\b[^“”\"]{{0,30}}?[:,]?\s*$"
) if _GERUNDS else None
_IT_PRONOUNS = frozenset({"it", "they"})
_DEFINITE = frozenset({"the", "that", "this", "its", "their"})
_MODIFIER_BREAKS = REL_BREAKS | HOLDER_PARTICIPLES | {"by"}


def fix_speakers(ctx: Context, quotes: list[Candidate]) -> None:
    """Rewrite document speakers to their authors (or None), resolve "it" to the last named
    organisation, take "with X saying" speakers, and group descriptive speakers."""
    described: dict[str, str] = {}
    authors: dict[str, str] = {}  # the last document quoted (head noun) -> its author
    people = {p.name for p in ctx.participants if p.kind == "person"}
    last_body: str | None = None  # the organisation that spoke in the last attributed quote
    last_head = ""  # the head noun of the last descriptive speaker ("supporter")
    last_at = 0
    for q in quotes:
        mention = (q.mention or "").strip()
        words = mention.lower().split()
        if words and (_head(words) in DOCUMENT_NOUNS or (q.speaker and _is_document(q.speaker))):
            head = _head(words) if words else ""
            # "The statement added that …" paragraphs after "said the statement released
            # by the EU": the same document, by the same author, when no other document
            # was quoted in between.
            q.speaker = _author(ctx, q) or (authors.get(head) if words[0] in _DEFINITE else None)
            authors = {head: q.speaker} if q.speaker else {}
        elif mention.lower() in _IT_PRONOUNS and not q.speaker:
            # "“…,” said the Harbour Board. “…,” it added.": the body that spoke just before.
            q.speaker = _last_body(ctx, q.open_at) or (
                last_body if last_body and mention.lower() == "it" and _near(ctx, last_at, q.open_at) else None
            )
        elif q.speaker and len(words) == 1 and words[0] in QUANTIFIER_PRONOUNS and q.speaker == mention:
            # "“…,” one supporter wrote. “…,” tweeted another.": another supporter.
            q.speaker = f"{mention} {last_head}" if last_head else mention
        elif q.speaker and len(words) >= 2 and words[0] in DETERMINERS and q.speaker == mention:
            last_head = _head(words)
            # "one poster" and "the poster" by their head; "a spokesman for the Board" with
            # its tail, or every spokesman would be the first one.
            key = words[-1] if _head(words) == words[-1] else " ".join(words[1:])
            # A definite description ("the poster") points back to the one introduced
            # before; another indefinite one ("a Democratic strategist" after "a Republican
            # strategist") is someone new unless it is written the same way.
            first = described.get(key)
            if first and (words[0] in _DEFINITE or first.lower() == mention.lower()):
                q.speaker = first
            else:
                described[key] = q.speaker
        if q.speaker and q.speaker not in people and is_named_speaker(q.speaker):
            last_body, last_at = q.speaker, q.open_at
        elif q.speaker:
            last_body = None


def _near(ctx: Context, a: int, b: int) -> bool:
    """Are offsets ``a`` and ``b`` in the same or neighbouring paragraphs?"""
    return not ctx.paras.spans or ctx.paras.index_of(b) - ctx.paras.index_of(a) <= 1


def _head(words: list[str]) -> str:
    """The head noun of a lower-cased phrase: its last word before a modifier ("the post
    by an unknown author", "a statement from the board")."""
    cut = next((n for n in range(1, len(words)) if words[n] in _MODIFIER_BREAKS), len(words))
    return words[cut - 1]


def _is_document(speaker: str) -> bool:
    words = speaker.lower().split()
    if words and words[0] in DETERMINERS:
        words = words[: next((n for n in range(1, len(words)) if words[n] in _MODIFIER_BREAKS), len(words))]
    return len(words) <= 3 and words[-1] in DOCUMENT_NOUNS and (len(words) == 1 or words[0] in DETERMINERS)


def _window_start(ctx: Context, pos: int, back: int, in_paragraph: bool = True) -> int:
    """Start of the sentence ``back`` sentences before ``pos`` (within its paragraph)."""
    para = ctx.paras.span_of(pos)[0] if ctx.paras.spans and in_paragraph else 0
    if not ctx.sentences.spans:
        return max(para, pos - 400)
    return max(para, ctx.sentences.spans[max(0, ctx.sentences.index_of(pos) - back)][0])


def _author(ctx: Context, q: Candidate) -> str | None:
    """The author of the document that carries ``q``: in the quote's sentence or the two
    before it, the participant nearest a mention of the document, else the name written
    before the document noun; None when the text names no author."""
    text = ctx.text
    start = _window_start(ctx, q.open_at, 2)
    end = q.open_at
    if q.mention_span[1] > end:  # "“…,” the statement from the Authority said."
        end = ctx.sentences.span_of(q.mention_span[0])[1] if ctx.sentences.spans else q.mention_span[1]
    docs = [m for m in _DOC_RE.finditer(text, start, end) if not ctx.inside_quote(m.start())]
    for d in reversed(docs):
        by = _BY_RE.match(text, d.end())
        owner = _participant_named(ctx, by.group(1)) if by else None
        if not owner and (by_head := _BY_HEAD_RE.match(text, d.end())):
            owner = _body_by_head(ctx, by_head.group(1), d.start())
        if owner:
            return owner
        owner = _owner_before(ctx, max(start, d.start() - 60), d.start())
        if owner:
            return owner
        if _HELD_BY_RE.match(text, d.end()):
            continue  # "a letter seen by the Courier": the body named holds it, it did not write it
        s_start, s_end = ctx.sentences.span_of(d.start()) if ctx.sentences.spans else (start, end)
        near = _nearest_body(ctx, s_start, s_end, d.start())
        if near:
            return near
    return None


def _owner_before(ctx: Context, start: int, end: int) -> str | None:
    """The name written right before a document noun ("the Veltra website"), not a
    determiner that opens the sentence ("A message")."""
    m = _OWNER_BEFORE_RE.search(ctx.text, start, end)
    if not m:
        return None
    words = m.group(1).split()
    while words and words[0].lower() in DETERMINERS | {"the"}:
        words = words[1:]
    if not words or words[-1].lower() in DOCUMENT_NOUNS:
        return None
    phrase = " ".join(words)
    known = _participant_named(ctx, phrase)
    if known:
        return known
    name, _ = resolve_name(ctx, phrase)
    return name


def _mentions(ctx: Context, start: int, end: int) -> list[tuple[int, Participant]]:
    """(offset, participant) of every person or organisation named in text[start:end]."""
    out = []
    for p in ctx.participants:
        if p.kind == "place":
            continue
        for form in (p.name, *p.aliases):
            if len(form) < 2:
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", ctx.text[start:end]):
                if not ctx.inside_quote(start + m.start()):
                    out.append((start + m.start(), p))
    return out


def _participant_named(ctx: Context, phrase: str) -> str | None:
    phrase = re.sub(r"^(?:the|The)\s+", "", phrase.strip())
    for p in ctx.participants:
        if p.kind != "place" and phrase in (p.name, *p.aliases):
            return p.name
    return None


def _nearest_body(ctx: Context, start: int, end: int, pos: int) -> str | None:
    ms = _mentions(ctx, start, end)
    if not ms:
        return None
    return min(ms, key=lambda m: abs(m[0] - pos))[1].name


def _body_by_head(ctx: Context, head: str, pos: int) -> str | None:
    """The organisation last named before ``pos`` (in its sentence or the two before) whose
    name ends in ``head`` ("the board" -> "Elbury Harbour Board")."""
    start = _window_start(ctx, pos, 2, in_paragraph=False)
    orgs = [
        (at, p) for at, p in _mentions(ctx, start, pos)
        if p.kind == "organization" and p.name.split()[-1].lower() == head
    ]
    return max(orgs, key=lambda m: m[0])[1].name if orgs else None


def _last_body(ctx: Context, pos: int) -> str | None:
    """The organisation named last before ``pos`` in its sentence or the two before (a
    report's quotes often open a paragraph of their own)."""
    start = _window_start(ctx, pos, 2, in_paragraph=False)
    orgs = [(at, p) for at, p in _mentions(ctx, start, pos) if p.kind == "organization"]
    return max(orgs, key=lambda m: m[0])[1].name if orgs else None


def with_speakers(ctx: Context, quotes: list[Candidate]) -> None:
    """ "…, with Ana Ruiz saying: “…”", "with the Harbour Board calling it “…”": the person or
    organisation of the "with" clause speaks, whatever the sentence's subject. Run before
    speakers carry on, so that the next paragraph of a long quote follows it."""
    if _WITH_RE is None:
        return
    for q in quotes:
        s_start = ctx.sentences.span_of(q.open_at)[0] if ctx.sentences.spans else max(0, q.open_at - 300)
        m = _WITH_RE.search(ctx.text, s_start, q.open_at)
        if not m:
            continue
        phrase = re.sub(r"^the\s+", "", m.group(1))
        name, how = resolve_name(ctx, phrase)
        if not (name and how == "name"):
            name = _participant_named(ctx, phrase)
        if name:
            q.speaker, q.mention, q.rule = name, m.group(1), "with-gerund"
            q.mention_span = (m.start(1), m.end(1))
            q.confidence = q.confidence or 0.6
