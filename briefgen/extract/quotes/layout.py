"""Rules that read the speaker from the page's layout rather than from a cue:
a transcript turn ("“ORTIZ: Well, …”"), a source label before a colon ("More from Cole:"),
a dash signature ("“…” ― Ann Read") and a signature line closing an op-ed quote.
"""

from __future__ import annotations

import re

from briefgen.extract.quotes.context import Context
from briefgen.extract.quotes.marks import DASHES
from briefgen.extract.quotes.phrases import inverted_subject
from briefgen.extract.quotes.site import Site
from briefgen.extract.quotes.speakers import attribute, resolve_name
from briefgen.extract.quotes.vocab import (
    LABEL_VERBS,
    NON_NAMES,
    SPEAKER_NOUNS,
    SPEECH_FORMS,
    SUBJECT_PRONOUNS,
    TRANSCRIPT_NON_NAMES,
    alternation,
)
from briefgen.text.spans import Token

_TRANSCRIPT_RE = re.compile(r"\s*((?:[A-Z][A-Z.’'-]+ ){0,3}[A-Z][A-Z.’'-]+):\s")
_LABEL_RE = re.compile(
    rf"(?:^|\s[-–—]\s*|[.!?\]]\s+)(?:(?P<verb>{alternation(LABEL_VERBS)})\s+)?"
    r"(?P<name>(?:the\s+[a-z]+|(?:the\s+)?(?:[A-Z][\w.’'-]*|and|of|the)(?:\s+(?:[A-Z][\w.’'-]*|and|of|the)){0,5})):\s*$",
    re.M,
)
_DASH_NAME_RE = re.compile(
    rf"[ \u00a0]*[{DASHES}]{{1,2}}[ \u00a0]*((?:[A-Z][\w.’'-]*[ \u00a0]?){{1,5}})(?:,[^\n“”\"]{{1,80}})?[.\s]*$"
)
# "“…” Ann Read, “Why We Sail”", "“…” ― a harbour pilot, “Night Watch”": a quote signed by
# its author and the title of the work it comes from, which ends the paragraph (epigraphs,
# pull quotes).
_CITATION_RE = re.compile(
    rf"[ \u00a0]*(?:[{DASHES}]{{1,2}}[ \u00a0]*)?(?P<name>[A-Z][\w.’'-]*(?:[ \u00a0]+[\w.’'-]+){{0,4}}),"
    r"[ \u00a0]*[“\"](?P<title>[^“”\"\n]{1,120})[”\"][.\s]*$"
)
_SIGNATURE_RE = re.compile(r"\s*((?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w.’'-]*)(?:,\s*[^\n“”\"]{2,80})?\.?[”\"]\s*$")


def transcript(ctx: Context, site: Site) -> bool:
    """A quoted transcript turn names its speaker in capitals: "“ORTIZ: Well, …”"."""
    q = site.q
    m = _TRANSCRIPT_RE.match(ctx.text, q.start, q.end)
    if not m or len(m.group(1)) < 3 or m.group(1).lower() in TRANSCRIPT_NON_NAMES:
        return False
    name = m.group(1)
    speaker, _ = resolve_name(ctx, " ".join(w.capitalize() for w in name.split()))
    q.speaker, q.mention, q.cue, q.cue_at = speaker, name, None, q.start + m.start(1)
    q.rule, q.confidence = "transcript", 0.8
    return True


def label(ctx: Context, site: Site) -> bool:
    """A quote labelled with its source before a colon, as digests and newsletters do:
    "… - Ann Read: “…”", "More from Cole: “…”", "Continued Ortiz: “…”"."""
    text, q = ctx.text, site.q
    line_start = max(text.rfind("\n", 0, q.open_at) + 1, q.open_at - 200)
    m = _LABEL_RE.search(text, line_start, q.open_at)
    if not m:
        return False
    name = m.group("name")
    if name.startswith("the ") and not m.group("verb"):
        return False
    words = [w for w in name.split() if w not in {"and", "of", "the"}]
    if not words or name.isupper() or len(name) < 3:
        return False  # "TOP STORIES:" headlines are not sources
    if not m.group("verb") and not any(ctx.is_surname(w) or w in ctx.forms for w in words) and len(words) < 2:
        return False  # a bare single word ("Update:") needs a known person behind it
    if not m.group("verb") and words[0].lower() in NON_NAMES | TRANSCRIPT_NON_NAMES:
        return False
    cue = Token(m.group("verb") or ":", m.start("name"), m.start("name"))
    # "Ann Read and Ben Cole:" the first author stands for the pair
    end = m.start("name") + name.index(" and ") if " and " in name else m.end("name")
    if not attribute(ctx, q, (m.start("name"), end), cue, "label"):
        return False
    q.cue = None
    return True


def dash_line(ctx: Context, site: Site) -> bool:
    """A quote signed after a dash, on its own line ("“…” ― Ann Read", vox pops and
    epigraphs) or on the next one ("“…”" then "- Lena Ortiz.")."""
    text, q = ctx.text, site.q
    k = ctx.paras.index_of(q.open_at)
    pe = ctx.paras.spans[k][1] if ctx.paras.spans else len(text)
    m = _DASH_NAME_RE.match(text, q.close_at, pe)
    if not m:
        if k + 1 >= len(ctx.paras.spans) or text[q.close_at : pe].strip():
            return False
        ps, pe = ctx.paras.spans[k + 1]
        m = _DASH_NAME_RE.match(text, ps, pe)
        if not m:
            return False
    return _signed(ctx, site, m, "dash-line")


def citation_after(ctx: Context, close_at: int) -> re.Match[str] | None:
    """The signature and quoted title right after a quote that closes at ``close_at``, ending
    its paragraph: "“…” Ann Read, “Why We Sail”". Not "“…” Ortiz said, “…”": a signature
    holds no verb of speech and opens with no pronoun."""
    pe = ctx.paras.span_of(close_at - 1)[1] if ctx.paras.spans else len(ctx.text)
    m = _CITATION_RE.match(ctx.text, close_at, pe)
    if not m:
        return None
    words = m.group("name").lower().split()
    if words[0] in SUBJECT_PRONOUNS or any(w in SPEECH_FORMS for w in words):
        return None
    return m


def citation(ctx: Context, site: Site) -> bool:
    """A quote signed by its author and the work it comes from: "“…” Ann Read, “Why We Sail”"."""
    m = citation_after(ctx, site.q.close_at)
    if not m:
        return False
    words = m.group("name").split()
    if words[-1].lower() in SPEAKER_NOUNS and not words[-1][:1].isupper():
        # "“…” Anonymous blogger, “…”": a description, kept as written.
        q = site.q
        q.speaker = q.mention = m.group("name")
        q.cue, q.cue_at, q.mention_span = None, m.start("name"), (m.start("name"), m.end("name"))
        q.rule, q.confidence = "citation+description", 0.7
        return True
    return _signed(ctx, site, m, "citation")


def signature(ctx: Context, site: Site) -> bool:
    """An unclosed quote paragraph whose closing mark ends a short signature line below
    it: "“…" then "Ann Read, Policy Institute.”" (op-ed round-ups)."""
    text, q = ctx.text, site.q
    k = ctx.paras.index_of(q.open_at)
    if q.closed or k + 1 >= len(ctx.paras.spans):
        return False
    ps, pe = ctx.paras.spans[k + 1]
    m = _SIGNATURE_RE.match(text, ps, pe)
    if not m or len(text[ps:pe].split()) > 14:
        return False
    return _signed(ctx, site, m, "signature")


def _signed(ctx: Context, site: Site, m: re.Match[str], rule: str) -> bool:
    toks = ctx.tokens(m.start(1), m.end(1))
    span = inverted_subject(ctx, toks, 0)
    if not span or not attribute(ctx, site.q, span, toks[0], rule):
        return False
    site.q.cue = None
    return True
