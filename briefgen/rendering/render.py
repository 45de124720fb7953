"""Brief + Audience -> HTML (Jinja2) -> PDF (WeasyPrint), safely.

``render_html`` turns one audience's Brief into a self-contained HTML string
(CSS inlined from the template search path). ``write_pdf`` turns that HTML
into a PDF file, atomically.

Safety model: article text is untrusted. Jinja autoescapes every ``.html`` /
``.j2`` template and fails on undefined names; article text only ever lands in
element content or ordinary attributes, never in ``style=`` or CSS, and in
``href`` only as a validated http(s) URL. WeasyPrint gets a fetcher that can
read ``data:`` URLs and files under the template directories, nothing else.
"""

from __future__ import annotations

import base64
import importlib.util
import logging
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from briefgen.audience import COLOUR, IMAGE_TYPES, LOGO_MAX_BYTES, PDF_VARIANTS, Audience
from briefgen.rendering.bounded import Limits, run_bounded
from briefgen.errors import RenderError
from briefgen.rendering.locales import format_date as locale_date
from briefgen.model import Brief, Digest, Participant, Quote
from briefgen.extract.quotes import rank_quotes

log = logging.getLogger(__name__)

_PAGE_SIZES = {"a4": "A4", "letter": "letter", "a5": "A5", "legal": "legal"}
_LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_KIND_ORDER = {"person": 0, "organization": 1, "place": 2}


# --------------------------------------------------------------------------
# Template search path and Jinja environment


def builtin_template_dir() -> Path:
    """The built-in templates: the installed package, else the checkout's templates/."""
    spec = importlib.util.find_spec("briefgen.templates")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parents[1] / "templates"


def template_search_path(user_dirs: Sequence[Path] = ()) -> list[Path]:
    """User directories first (they override by file name), then the built-ins."""
    path = [Path(d).expanduser().resolve() for d in user_dirs]
    builtin = builtin_template_dir().resolve()
    return [*path, builtin] if builtin not in path else path


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """The Jinja sandbox, plus a cap on the two operators that can exhaust memory
    (``'x' * 10**9``); the sandbox itself only blocks attribute escapes."""

    intercepted_binops = frozenset({"*", "**"})
    max_size = 1_000_000

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
            raise SecurityError("exponent too large in template")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > self.max_size:
                    raise SecurityError("template tried to build a value over 1 MB")
        return super().call_binop(context, operator, left, right)


def make_environment(template_dirs: Sequence[Path] = ()) -> jinja2.Environment:
    """The Jinja environment used for every brief.

    Sandboxed because user templates are code we did not write; strict because
    a misspelt variable must be an error, not an empty string. ``builtin/NAME``
    always reaches the built-in template, so a user's ``executive.html`` can
    extend ``builtin/executive.html``.
    """
    search = template_search_path(template_dirs)
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader([str(p) for p in search]),
            jinja2.PrefixLoader({"builtin": jinja2.FileSystemLoader(str(search[-1]))}),
        ]
    )
    return _BoundedSandbox(
        loader=loader,
        # "j2" as well: select_autoescape(["html"]) leaves *.html.j2 unescaped.
        autoescape=jinja2.select_autoescape(["html", "htm", "xml", "j2"], default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# --------------------------------------------------------------------------
# The template context: everything computed here, so templates only lay out


@dataclass(frozen=True)
class QuoteView:
    text: str
    speaker: str | None  # None: the extractor could not tell who said it
    role: str | None
    cue: str | None
    story: int  # 1-based number of the story it comes from
    anchor: str  # id of that story's section, for links


@dataclass(frozen=True)
class StoryView:
    number: int
    anchor: str  # "story-3": generated, never article text
    headline: str
    running: str  # the headline cut to fit the running footer
    source: str | None
    author: str | None
    published: str | None  # formatted for people
    url: str | None  # safe for href: http(s) only, else None
    url_text: str | None  # the raw URL, shown as text when it is not safe
    lang: str | None
    summary: tuple[str, ...]
    speakers: tuple[tuple[str | None, str | None], ...]  # (name, role) of each quoted speaker, once
    quotes: tuple[QuoteView, ...]
    participants: tuple[Participant, ...]  # people, then organizations, then places
    people: tuple[Participant, ...]
    organizations: tuple[Participant, ...]
    places: tuple[Participant, ...]
    digest: Digest


@dataclass(frozen=True)
class SpeakerStory:
    story: StoryView
    quotes: tuple[QuoteView, ...]  # what the speaker said in that story, in order


@dataclass(frozen=True)
class SpeakerView:
    name: str | None  # None groups the unattributed quotes
    role: str | None
    running: str  # the name cut to fit the running footer
    anchor: str  # "speaker-2": generated, never article text
    quotes: tuple[QuoteView, ...]
    stories: tuple[SpeakerStory, ...]


@dataclass(frozen=True)
class Meta:
    title: str
    author: str
    description: str
    keywords: tuple[str, ...]
    created: str  # W3C date from the brief's date: output is reproducible
    generator: str
    lang: str


def _select_quotes(quotes: Sequence[Quote], limit: int | None) -> list[Quote]:
    """Every quote in article order when the audience wants them all; else the key quotes,
    falling back to the first attributed ones when none is substantive enough to rank."""
    if limit is None:
        return list(quotes)  # unattributed ones too, marked as such
    ranked = rank_quotes(quotes, limit)
    if ranked:
        return sorted(ranked, key=lambda q: q.start)
    return [q for q in quotes if q.speaker][:limit]


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL fit for href, else None."""
    if not url or len(url) > 2000 or any(c.isspace() or ord(c) < 32 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def shorten(text: str, limit: int) -> str:
    """Text cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"


def format_date(value: date | datetime | None, locale: str = "en-GB") -> str | None:
    """'11 March 2025' in the audience's locale (briefgen.rendering.locales)."""
    return locale_date(value, locale)


def _story_view(number: int, digest: Digest, audience: Audience) -> StoryView:
    article = digest.article
    anchor = f"story-{number}"
    quotes = tuple(
        QuoteView(
            text=q.text,
            speaker=q.speaker,
            role=_role(digest.participant(q.speaker)),
            cue=q.cue,
            story=number,
            anchor=anchor,
        )
        for q in _select_quotes(digest.quotes, audience.quotes_per_story)
    )
    participants = tuple(
        sorted(_one_per_spelling(digest.participants), key=lambda p: (_KIND_ORDER.get(p.kind, 9), -p.mentions, p.name))
    )
    lang = _valid_lang(article.language)
    return StoryView(
        number=number,
        anchor=anchor,
        headline=article.title,
        running=shorten(f"{number} {article.title}", 80),
        source=article.source,
        author=article.author,
        published=format_date(article.published, audience.locale),
        url=safe_url(article.url),
        url_text=article.url,
        lang=lang,
        summary=tuple(s.text for s in digest.summary),
        speakers=tuple(dict.fromkeys((q.speaker, q.role) for q in quotes)),
        quotes=quotes,
        participants=participants,
        people=tuple(p for p in participants if p.kind == "person"),
        organizations=tuple(p for p in participants if p.kind == "organization"),
        places=tuple(p for p in participants if p.kind == "place"),
        digest=digest,
    )


def _one_per_spelling(participants: Sequence[Participant]) -> list[Participant]:
    """A reader sees one "Moscow", not the dateline's "MOSCOW" beside it. The digest keeps
    both spellings (it reports names as written); the brief shows the one in running text."""
    merged: dict[tuple[str, str], Participant] = {}
    for p in participants:
        key = (p.kind, p.name.casefold())
        seen = merged.get(key)
        if seen is None:
            merged[key] = p
            continue
        name, other = (p.name, seen.name) if seen.name.isupper() and not p.name.isupper() else (seen.name, p.name)
        merged[key] = replace(
            seen,
            name=name,
            role=seen.role or p.role,
            aliases=tuple(dict.fromkeys(a for a in (*seen.aliases, *p.aliases, other) if a != name)),
            mentions=seen.mentions + p.mentions,
        )
    return list(merged.values())


def _valid_lang(tag: object) -> str | None:
    return tag if isinstance(tag, str) and _LANG.fullmatch(tag) else None


def _role(participant: Participant | None) -> str | None:
    return participant.role if participant else None


def _speakers(stories: Sequence[StoryView]) -> tuple[SpeakerView, ...]:
    """Quotes grouped by speaker: most quoted first, unattributed last. A description kept
    as written groups whatever its case: "One poster" opening a sentence is "one poster"."""
    groups: dict[str | None, dict[int, list[QuoteView]]] = {}
    roles: dict[str | None, str | None] = {}
    names: dict[str | None, str | None] = {}  # the form shown: a capitalised one when there is one
    for story in stories:
        for q in story.quotes:
            key = q.speaker.casefold() if q.speaker else None
            groups.setdefault(key, {}).setdefault(story.number, []).append(q)
            roles[key] = roles.get(key) or q.role
            if key not in names or q.speaker and q.speaker[:1].isupper() and not (names[key] or "")[:1].isupper():
                names[key] = q.speaker

    def count(key: str | None) -> int:
        return sum(len(qs) for qs in groups[key].values())

    # A description kept as written opens a line of the index: "A message", not "a message".
    names = {k: n[:1].upper() + n[1:] if n else n for k, n in names.items()}
    order = sorted(groups, key=lambda k: (k is None, -count(k), (names[k] or "").casefold()))
    return tuple(
        SpeakerView(
            name=names[s],
            role=roles[s],
            running=shorten(names[s] or "Unattributed quotes", 80),
            anchor=f"speaker-{i}",
            quotes=tuple(q for qs in groups[s].values() for q in qs),
            stories=tuple(SpeakerStory(stories[n - 1], tuple(qs)) for n, qs in groups[s].items()),
        )
        for i, s in enumerate(order, start=1)
    )


def _keywords(stories: Sequence[StoryView]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for story in stories:
        for p in story.people[:3] + story.organizations[:2]:
            # WeasyPrint splits keywords on commas.
            seen.setdefault(p.name.replace(",", " "), None)
    return tuple(seen)[:20]


def build_context(brief: Brief, audience: Audience) -> dict[str, Any]:
    """Everything a template may use; documented field by field in docs/templates.md."""
    digests = brief.digests
    if audience.max_stories is not None:
        digests = digests[: audience.max_stories]
    stories = tuple(_story_view(i, d, audience) for i, d in enumerate(digests, start=1))
    sources = tuple(dict.fromkeys(s.source for s in stories if s.source))
    day = format_date(brief.date, audience.locale)
    meta = Meta(
        title=f"{brief.title} — {day}",
        author=audience.author or str(brief.extra.get("author") or brief.generated_by),
        description=audience.subject or f"{audience.description} {len(stories)} stories, {day}.".strip(),
        keywords=(*(" ".join(k.replace(",", " ").split()) for k in audience.keywords),  # commas split keywords
                  "news brief", audience.name, *_keywords(stories)),
        created=brief.date.isoformat(),
        generator=brief.generated_by,
        lang=_valid_lang(brief.extra.get("lang")) or "en",
    )
    return {
        "brief": brief,
        "audience": audience,
        "meta": meta,
        "date_label": _weekday_date(brief.date, audience.locale),
        "stories": stories,
        # "N more in the full brief": the pipeline already cut to max_stories and says how
        # many passed the filters; a hand-made Brief is cut here.
        "omitted": max(brief.extra.get("available", len(brief.digests)), len(brief.digests)) - len(stories),
        "speakers": _speakers(stories),
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
        raise RenderError(f"logo {file} must be an image ({', '.join(IMAGE_TYPES)}) under {LOGO_MAX_BYTES // 1_000_000} MB")
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


# --------------------------------------------------------------------------
# HTML


def render_html(
    brief: Brief, audience: Audience, *, template_dirs: Sequence[Path] = (), limits: Limits | None = None
) -> str:
    """The brief as one self-contained HTML document (the PDF's source and the HTML preview).

    With user template folders the render runs in a child process under ``limits``
    (time, memory, output size): those templates are code we did not write.
    """
    if template_dirs:
        return run_bounded(_render_html, brief, audience, tuple(template_dirs),
                           limits=limits or Limits(), what=f"template {audience.template}")
    return _render_html(brief, audience, ())


def _render_html(brief: Brief, audience: Audience, template_dirs: Sequence[Path]) -> str:
    env = make_environment(template_dirs)
    try:
        template = env.get_template(audience.template)
        return template.render(build_context(brief, audience))
    except jinja2.TemplateNotFound as exc:
        where = ", ".join(str(p) for p in template_search_path(template_dirs))
        raise RenderError(f"template {exc.name!r} not found in {where}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:  # undefined names, sandbox violations
        raise RenderError(f"{_template_location(exc)}{exc.message or exc}") from None


def _template_location(exc: BaseException) -> str:
    """'file:line: ' of the innermost template frame (Jinja rewrites tracebacks to templates)."""
    found = ""
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith((".html", ".j2", ".htm", ".css", ".xml")):
            found = f"{name}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return found


# --------------------------------------------------------------------------
# PDF


def _make_fetcher(roots: Sequence[Path]):  # noqa: ANN202 - weasyprint is imported lazily
    from weasyprint.urls import URLFetcher, URLFetchingError

    class RestrictedFetcher(URLFetcher):
        """data: URLs and files under the template directories; nothing else, no redirects."""

        def __init__(self) -> None:
            super().__init__(timeout=5, allowed_protocols={"data", "file"}, allow_redirects=False)
            self.roots = [os.path.realpath(r) for r in roots]
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower()
            if scheme == "file":
                path = os.path.realpath(unquote(urlsplit(url).path))
                if any(path == r or path.startswith(r + os.sep) for r in self.roots):
                    if os.path.isfile(path):
                        return super().fetch(url, headers)
            elif scheme == "data":
                return super().fetch(url, headers)
            self.refused.append(url[:200])
            raise URLFetchingError(f"briefgen does not fetch {url[:200]}")

    return RestrictedFetcher()


def render_pdf(
    html: str, *, template_dirs: Sequence[Path] = (), variant: str | None = None, limits: Limits | None = None
) -> bytes:
    """Render ``html`` to PDF bytes with the restricted fetcher; bounded like ``render_html``
    when user template folders (and so user CSS) are involved."""
    if variant is not None and variant not in PDF_VARIANTS:
        raise RenderError(f"unknown PDF variant {variant!r}; choose from {', '.join(PDF_VARIANTS)}")
    if template_dirs:
        return run_bounded(_render_pdf, html, tuple(template_dirs), variant,
                           limits=limits or Limits(), what="PDF rendering")
    return _render_pdf(html, (), variant)


def _render_pdf(html: str, template_dirs: Sequence[Path], variant: str | None) -> bytes:
    from weasyprint import HTML  # heavy import (~0.7 s): only when a PDF is wanted

    roots = template_search_path(template_dirs)
    fetcher = _make_fetcher(roots)
    try:
        page = HTML(string=html, base_url=roots[0].as_uri() + "/", url_fetcher=fetcher)
        # The variant sets tags and PDF version itself; nothing else is passed, so
        # no option can bring its own (unrestricted) fetcher.
        data = page.write_pdf(pdf_variant=variant)
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one line
        raise RenderError(f"could not render the PDF: {type(exc).__name__}: {exc}") from exc
    if fetcher.refused:
        log.warning("refused to fetch %d resource(s), e.g. %s", len(fetcher.refused), fetcher.refused[0])
    return data


def write_pdf(
    html: str,
    target: Path,
    *,
    template_dirs: Sequence[Path] = (),
    variant: str | None = None,
    limits: Limits | None = None,
) -> Path:
    """Render ``html`` to a PDF at ``target``; atomic: a complete file or none at all."""
    from briefgen.ops.atomic import write_atomic

    target = Path(target)
    data = render_pdf(html, template_dirs=template_dirs, variant=variant, limits=limits)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise RenderError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target
