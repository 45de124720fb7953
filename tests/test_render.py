"""Rendering: Brief + Audience -> HTML -> PDF, read back with pypdf.

PDF rendering is slow on a small machine, so each audience's sample brief is
rendered once per session and several specifications read the same file.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.audience import BUILTIN_AUDIENCES
from briefgen.errors import RenderError
from briefgen.rendering import html as html_render, pdf as pdf_render
from briefgen.rendering.render import (
    build_context,
    render_html,
    safe_url,
    template_search_path,
    write_pdf,
)
from builders import brief, digest, failure, participant, quote, sample_brief

AUDIENCES = sorted(BUILTIN_AUDIENCES)


# --------------------------------------------------------------------------
# helpers


def pdf_text(path: Path) -> str:
    reader = PdfReader(path)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def squash(text: str) -> str:
    """PDF text extraction breaks lines and hyphenates; compare on words only."""
    return " ".join(text.replace("-\n", "").replace("\u00ad", "").split())


def outline_titles(reader: PdfReader) -> list[str]:
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    """BaseFont name -> whether its font program is embedded."""
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[str, tuple[object, Path]]:
    """Each built-in audience rendered once from a 12-story sample day with one failed input."""
    out = tmp_path_factory.mktemp("pdf")
    result = {}
    for name in AUDIENCES:
        audience = BUILTIN_AUDIENCES[name]
        b = replace(sample_brief(12, audience=name, failures=1), title=audience.title)
        path = write_pdf(render_html(b, audience), out / f"{name}.pdf")
        result[name] = (b, path)
    return result


# --------------------------------------------------------------------------
# search path and environment


def test_search_path_puts_user_directories_before_the_builtins(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    path = template_search_path([first, second])
    assert path[:2] == [first.resolve(), second.resolve()]
    assert (path[-1] / "base.html").is_file()
    assert (path[-1] / "__init__.py").is_file()  # ships as package briefgen.templates
    assert template_search_path() == [path[-1]]


@pytest.mark.parametrize("name", ["x.html", "x.j2", "x.html.j2", "partials/x.HTML"])
def test_autoescape_is_on_for_every_template_extension(name):
    assert html_render.make_environment().autoescape(name) is True


def test_css_is_not_html_escaped():
    assert html_render.make_environment().autoescape("css/base.css") is False


def test_user_j2_template_escapes_article_text(tmp_path):
    (tmp_path / "mine.html.j2").write_text("<p>{{ stories[0].headline }}</p>")
    audience = replace(BUILTIN_AUDIENCES["analyst"], template="mine.html.j2")
    html = render_html(brief(digest("<b>bold</b> & {{ 7*7 }}")), audience, template_dirs=[tmp_path])
    assert html == "<p>&lt;b&gt;bold&lt;/b&gt; &amp; {{ 7*7 }}</p>"


def test_undefined_variable_is_an_error_naming_file_and_line(tmp_path):
    (tmp_path / "bad.html").write_text("<p>fine</p>\n<p>{{ no_such_thing }}</p>\n")
    audience = replace(BUILTIN_AUDIENCES["analyst"], template="bad.html")
    with pytest.raises(RenderError, match=r"bad\.html:2: .*no_such_thing"):
        render_html(brief(), audience, template_dirs=[tmp_path])


def test_syntax_error_names_file_and_line(tmp_path):
    (tmp_path / "broken.html").write_text("ok\n{% if %}\n")
    audience = replace(BUILTIN_AUDIENCES["analyst"], template="broken.html")
    with pytest.raises(RenderError, match=r"broken\.html:2"):
        render_html(brief(), audience, template_dirs=[tmp_path])


def test_missing_template_is_one_clear_error():
    audience = replace(BUILTIN_AUDIENCES["analyst"], template="nope.html")
    with pytest.raises(RenderError, match="'nope.html' not found"):
        render_html(brief(), audience)


def test_sandbox_blocks_attribute_escapes(tmp_path):
    (tmp_path / "evil.html").write_text("{{ brief.__class__.__mro__ }}")
    audience = replace(BUILTIN_AUDIENCES["analyst"], template="evil.html")
    with pytest.raises(RenderError):
        render_html(brief(), audience, template_dirs=[tmp_path])


@pytest.mark.parametrize("expr", ["'x' * 10**8", "[0] * 10000000", "2 ** 100000"])
def test_sandbox_bounds_memory_hungry_expressions(tmp_path, expr):
    (tmp_path / "greedy.html").write_text("{{ (" + expr + ")|length }}")
    audience = replace(BUILTIN_AUDIENCES["analyst"], template="greedy.html")
    with pytest.raises(RenderError, match="too large|over 1 MB"):
        render_html(brief(), audience, template_dirs=[tmp_path])


def test_sandbox_still_allows_ordinary_arithmetic(tmp_path):
    (tmp_path / "fine.html").write_text("{{ '-' * 3 }}{{ 2 ** 3 }}{{ stories|length * 2 }}")
    audience = replace(BUILTIN_AUDIENCES["analyst"], template="fine.html")
    assert render_html(brief(digest()), audience, template_dirs=[tmp_path]) == "---82"


def test_user_partial_overrides_builtin_story_card(tmp_path):
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "story.html").write_text('<div class="my-card">{{ story.headline }}</div>')
    (tmp_path / "custom.html").write_text(
        '{% extends "base.html" %}{% block main %}'
        '{% for story in stories %}{% include "partials/story.html" %}{% endfor %}{% endblock %}'
    )
    audience = replace(BUILTIN_AUDIENCES["analyst"], template="custom.html")
    html = render_html(brief(digest("Custom card")), audience, template_dirs=[tmp_path])
    assert '<div class="my-card">Custom card</div>' in html
    assert "<title>" in html  # the built-in base still frames it


def test_user_template_can_extend_the_builtin_of_the_same_name(tmp_path):
    (tmp_path / "executive.html").write_text(
        '{% extends "builtin/executive.html" %}{% block masthead %}<p>OUR LOGO</p>{{ super() }}{% endblock %}'
    )
    html = render_html(brief(digest("Kept")), BUILTIN_AUDIENCES["executive"], template_dirs=[tmp_path])
    assert "<p>OUR LOGO</p>" in html and "Kept" in html


# --------------------------------------------------------------------------
# context


def test_context_applies_story_and_quote_limits():
    b = sample_brief(12)
    ctx = build_context(b, BUILTIN_AUDIENCES["executive"])  # 8 stories, 1 quote each
    assert len(ctx["stories"]) == 8 and ctx["omitted"] == 4
    assert all(len(s.quotes) <= 1 for s in ctx["stories"])
    analyst = build_context(b, BUILTIN_AUDIENCES["analyst"])
    assert sum(len(s.quotes) for s in analyst["stories"]) == sum(len(item.quotes) for item in b.stories)


def test_context_gives_each_quote_its_speakers_role():
    d = digest(
        quotes=[quote("Ready.", "Ada Okafor")],
        participants=[participant("Ada Okafor", role="Mayor of Eastport")],
    )
    (story,) = build_context(brief(d), BUILTIN_AUDIENCES["analyst"])["stories"]
    assert (story.quotes[0].speaker, story.quotes[0].role) == ("Ada Okafor", "Mayor of Eastport")


def test_speakers_are_grouped_most_quoted_first_and_unattributed_last():
    d1 = digest("One", quotes=[quote("a", None), quote("b", "Bo"), quote("c", "Cy"), quote("d", "Cy")])
    d2 = digest("Two", quotes=[quote("e", "Bo"), quote("f", "Cy")])
    speakers = build_context(brief(d1, d2), BUILTIN_AUDIENCES["press"])["speakers"]
    assert [s.name for s in speakers] == ["Cy", "Bo", None]
    assert [[q.text for q in g.quotes] for g in speakers[0].stories] == [["c", "d"], ["f"]]


def test_described_speakers_share_one_other_sources_entry_keeping_their_words():
    d1 = digest("One", quotes=[quote("a", "one poster"), quote("b", "One poster")])
    d2 = digest("Two", quotes=[quote("c", "a police spokesperson"), quote("d", "Bo")])
    speakers = build_context(brief(d1, d2), BUILTIN_AUDIENCES["press"])["speakers"]
    assert [(s.name, len(s.quotes)) for s in speakers] == [("Bo", 1), ("Other sources", 3)]
    assert [q.speaker for q in speakers[1].quotes] == ["one poster", "One poster", "a police spokesperson"]


def test_speaker_lists_name_only_people_and_organisations():
    d = digest(quotes=[quote("a", "a message"), quote("b", "Bo"), quote("c", "the news report"),
                       quote("d", "the European Union"), quote("e", "The statement"), quote("f", "Bo")])
    context = build_context(brief(d), BUILTIN_AUDIENCES["press"])
    assert [s.name for s in context["speakers"]] == ["Bo", "the European Union", "Other sources"]
    assert [b.label for b in context["charts"]["speakers"].bars] == ["Bo", "the European Union"]


def test_a_dateline_spelling_in_capitals_joins_the_participant_written_in_running_text():
    d = digest(
        participants=[
            participant("MOSCOW", kind="place", mentions=1),
            participant("Moscow", kind="place", mentions=2),
            participant("Moscow", kind="organization", mentions=1),
        ],
    )
    (story,) = build_context(brief(d), BUILTIN_AUDIENCES["analyst"])["stories"]
    assert [(p.name, p.mentions, p.aliases) for p in story.places] == [("Moscow", 3, ("MOSCOW",))]
    assert [p.name for p in story.organizations] == ["Moscow"]


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.org/a?b=c", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("data:text/html,<b>x</b>", False),
        ("https://", False),
        ("//example.org/x", False),
        ("https://exa mple.org", False),
        ("", False),
    ],
)
def test_only_http_urls_become_links(url, ok):
    assert safe_url(url) == (url if ok else None)


def test_accent_colour_cannot_inject_css():
    audience = replace(BUILTIN_AUDIENCES["analyst"], accent="red; } body { display: none")
    assert build_context(brief(), audience)["accent"] == "#1f3a5f"


# --------------------------------------------------------------------------
# the PDFs of the three audiences


@pytest.mark.parametrize("name", AUDIENCES)
def test_pdf_shows_quotes_speakers_roles_and_page_numbers(rendered, name):
    b, path = rendered[name]
    reader = PdfReader(path)
    text = squash(pdf_text(path))
    context = build_context(b, BUILTIN_AUDIENCES[name])
    shown = context["stories"]
    # The executive gathers the day's quotes (quote of the day + top quotes, one per story)
    # instead of one under every story; the others quote under their stories.
    quotes = ([context["quote_of_the_day"], *context["top_quotes"]] if name == "executive"
              else [q for story in shown for q in story.quotes])
    if name == "executive":
        assert 3 <= len(quotes) <= 5 and len({q.story for q in quotes}) == len(quotes)
    for story in shown:
        assert squash(story.headline) in text
    for q in quotes:
        assert squash(q.text.strip(" ,;:")) in text
        if q.speaker:
            assert q.speaker in text
        if q.role:
            assert squash(q.role) in text
        if name == "executive":  # with its outlet and date
            assert squash(f"{q.source.outlet}, {q.source.published}") in text
    pages = len(reader.pages)
    assert f"page 1 of {pages}" in text and f"page {pages} of {pages}" in text
    assert "No articles today" not in text


@pytest.mark.parametrize("name", AUDIENCES)
def test_pdf_has_outline_metadata_and_embedded_fonts(rendered, name):
    b, path = rendered[name]
    reader = PdfReader(path)
    titles = outline_titles(reader)
    assert any(b.stories[0].article.title in t for t in titles)
    meta = reader.metadata
    assert meta.title.startswith(BUILTIN_AUDIENCES[name].title)
    assert meta.author == "briefgen"
    assert meta.subject and "Ada Okafor" in meta["/Keywords"]
    assert meta["/CreationDate"].startswith("D:20250311")  # the brief's date, not the clock
    assert reader.trailer["/Root"]["/Lang"] == "en"
    fonts = embedded_fonts(reader)
    assert fonts and all(fonts.values())
    assert all("+" in name for name in fonts)  # subsets, not whole fonts
    assert any("Lato" in name for name in fonts)


@pytest.mark.parametrize("name", AUDIENCES)
def test_pdf_has_contents_with_page_numbers_and_failures_appendix(rendered, name):
    _, path = rendered[name]
    text = squash(pdf_text(path))
    # The executive brief opens with its lead story; its bookmarks list the stories.
    assert ("contents" in text.lower()) is (name != "executive")  # headings are uppercased by CSS
    assert "appendix: inputs not included" in text.lower()
    assert "inbox/bad-0.txt" in text and "not valid text (binary file)" in text


def test_appendix_pages_are_headed_by_their_section_not_the_last_story(rendered):
    _, path = rendered["analyst"]
    pages = PdfReader(path).pages
    footer = next(line for line in pages[-1].extract_text().splitlines() if f"of {len(pages)}" in line)
    # The running title of story 12 stops where the appendices start.
    assert "Sources" in footer and "Fishing" not in footer


def test_executive_is_short_with_one_quote_per_story(rendered):
    _, path = rendered["executive"]
    _, analyst = rendered["analyst"]
    text = squash(pdf_text(path))
    assert len(PdfReader(path).pages) < len(PdfReader(analyst).pages)
    assert "4 more in the full brief" in text
    assert "Fishing quotas cut" not in text  # story 12 is beyond max_stories
    assert "key people" in text.lower()


def test_analyst_has_participants_table_and_sources(rendered):
    b, path = rendered["analyst"]
    text = squash(pdf_text(path))
    assert "ALSO CALLED" in text and "MENTIONS" in text
    assert "SOURCES" in text
    assert b.stories[0].article.url in text.replace(" ", "")


def test_press_puts_quotes_grouped_by_speaker_before_the_stories(rendered):
    _, path = rendered["press"]
    text = squash(pdf_text(path))
    who, stories = text.index("WHO SAID WHAT"), text.index("THE STORIES", text.index("WHO SAID WHAT"))
    assert who < stories
    # Tomasz Wielgus has three quotes in story 3: his heading comes before them all
    section = text[who:stories]
    name = section.index("Tomasz Wielgus")
    assert section.index("Story 3:", name) > name


def test_zero_stories_say_so_gracefully(tmp_path):
    audience = BUILTIN_AUDIENCES["executive"]
    path = write_pdf(render_html(brief(failures=[failure()]), audience), tmp_path / "empty.pdf")
    text = squash(pdf_text(path))
    assert "No articles today" in text and "broken.txt" in text
    assert f"page 1 of {len(PdfReader(path).pages)}" in text


def test_same_brief_gives_identical_pdf_bytes(tmp_path):
    html = render_html(sample_brief(1), BUILTIN_AUDIENCES["executive"])
    a, b = write_pdf(html, tmp_path / "a.pdf"), write_pdf(html, tmp_path / "b.pdf")
    assert a.read_bytes() == b.read_bytes()


# --------------------------------------------------------------------------
# variants


@pytest.fixture(scope="module")
def small_html() -> str:
    return render_html(sample_brief(2), BUILTIN_AUDIENCES["analyst"])


def test_pdf_ua_is_tagged_with_language_and_title(small_html, tmp_path):
    reader = PdfReader(write_pdf(small_html, tmp_path / "ua.pdf", variant="pdf/ua-1"))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    tags = {str(k["/S"]) for k in _struct_elements(root["/StructTreeRoot"])}
    assert {"/H1", "/H2", "/H3", "/P", "/Table", "/Link"} <= tags
    assert root["/Lang"] == "en" and bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()
    assert all(embedded_fonts(reader).values())


def _struct_elements(node, depth=0):
    node = node.get_object()
    kids = node.get("/K")
    if kids is None or depth > 60:
        return
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict) and "/S" in kid:
            yield kid
            yield from _struct_elements(kid, depth + 1)


def test_pdf_a_3u_declares_conformance_and_output_intent(small_html, tmp_path):
    root = PdfReader(write_pdf(small_html, tmp_path / "a.pdf", variant="pdf/a-3u")).trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data()
    assert b'pdfaid:part="3"' in xmp and b'pdfaid:conformance="U"' in xmp
    assert root["/OutputIntents"]


def test_unknown_variant_is_refused(small_html, tmp_path):
    with pytest.raises(RenderError, match="pdf/ua-1"):
        write_pdf(small_html, tmp_path / "x.pdf", variant="pdf/x-4")
    assert not (tmp_path / "x.pdf").exists()


# --------------------------------------------------------------------------
# atomic writing


def test_failed_write_leaves_previous_file_and_no_temp_file(small_html, tmp_path, monkeypatch):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"yesterday")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(RenderError, match="No space left on device"):
        write_pdf(small_html, target)
    assert target.read_bytes() == b"yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]


def test_written_pdf_is_readable_by_others(small_html, tmp_path):
    mode = write_pdf(small_html, tmp_path / "brief.pdf").stat().st_mode
    assert mode & 0o044 == 0o044  # a temp file's private 0600 must not leak into the result


def test_write_into_unwritable_place_is_one_line_error(small_html, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(RenderError, match="cannot write"):
        write_pdf(small_html, blocker / "x.pdf")


# --------------------------------------------------------------------------
# safety: hostile articles and templates


class _Spy(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server naming
        type(self).requests.append(self.path)
        self.send_response(302)  # a redirect to a local file, were anyone to follow it
        self.send_header("Location", "file:///etc/passwd")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def spy_server():
    """A local HTTP server that records every request; it stops by itself after 60 s."""
    _Spy.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Spy)
    server.timeout = 0.1
    stop = threading.Event()
    deadline = time.monotonic() + 60

    def serve():
        while not stop.is_set() and time.monotonic() < deadline:
            server.handle_request()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _Spy.requests
    finally:
        stop.set()
        thread.join(5)
        server.server_close()


def _hostile_text(base: str, secret: Path) -> str:
    return (
        f'<img src="{base}/img.png"> <link rel="attachment" href="file:///etc/passwd">'
        f' <link rel="stylesheet" href="{base}/x.css"> <style>@import url({base}/i.css);</style>'
        f' <a href="file://{secret}">open</a> {{{{ 7*7 }}}} {{% raw %}} body {{ display: none }}'
    )


def _hostile_brief(base: str, secret: Path):
    evil = _hostile_text(base, secret)
    d = digest(
        f"<script>alert(1)</script> {evil}",
        text=evil,
        summary=[evil],
        quotes=[quote(evil, "<b>Mallory</b>")],
        participants=[participant("<b>Mallory</b>", role=f'"><img src="{base}/role.png">')],
        source=f'<iframe src="{base}/frame">',
        url=f"file://{secret}",
        author="{{ config }}",
    )
    return brief(d, replace(d, article=replace(d.article, url=f"javascript:fetch('{base}/js')")))


@pytest.mark.parametrize("name", AUDIENCES)
def test_hostile_article_fetches_nothing_and_shows_literally(name, spy_server, tmp_path):
    base, requests = spy_server
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7731")
    path = write_pdf(render_html(_hostile_brief(base, secret), BUILTIN_AUDIENCES[name]), tmp_path / "h.pdf")
    assert requests == []
    reader = PdfReader(path)
    assert reader.attachments == {}
    text = "".join(pdf_text(path).replace("-\n", "").split())  # lines break anywhere in long text
    assert "root:x:0:0" not in text and "TOP-SECRET" not in text
    for literal in ("<script>alert(1)</script>", f'<img src="{base}/img.png">', "{{ 7*7 }}",
                    "body { display: none }", "<b>Mallory</b>", "file:///etc/passwd"):
        assert "".join(literal.split()) in text, literal
    assert "{{config}}" in text or name == "executive"  # executive shows no author
    links = [a.get_object().get("/A", {}).get("/URI") for p in reader.pages for a in p.get("/Annots", [])]
    assert not any(str(u).startswith(("file:", "javascript:")) for u in links if u)


HOSTILE_TEMPLATE = """<!DOCTYPE html><html lang="en"><head><title>t</title>
<link rel="stylesheet" href="{base}/style.css">
<link rel="attachment" href="file:///etc/passwd">
<link rel="attachment" href="file://{secret}">
<link rel="attachment" href="{base}/attach.bin">
<link rel="attachment" title="allowed" href="{allowed}">
<style>@import url({base}/import.css); body {{ background: url({base}/bg.png); }}
@font-face {{ font-family: X; src: url({base}/font.woff); }}</style></head>
<body><img src="{base}/img.png"><img src="file://{secret}"><img src="../../../../../../etc/passwd">
<object data="{base}/obj"></object><embed src="{base}/embed"><iframe src="{base}/frame"></iframe>
<p>{{{{ stories|length }}}} stories</p></body></html>"""


def test_hostile_template_fetches_nothing_outside_template_dirs(spy_server, tmp_path):
    base, requests = spy_server
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7731")
    templates = tmp_path / "templates"
    templates.mkdir()
    allowed = templates / "allowed.txt"
    allowed.write_text("fine to attach")
    (templates / "evil.html").write_text(
        HOSTILE_TEMPLATE.format(base=base, secret=secret, allowed=allowed.as_uri())
    )
    audience = replace(BUILTIN_AUDIENCES["analyst"], template="evil.html")
    html = render_html(sample_brief(1), audience, template_dirs=[templates])
    path = write_pdf(html, tmp_path / "evil.pdf", template_dirs=[templates])
    assert requests == []
    # Only the file under the template directory was attached: the fetcher works, it is not just broken.
    assert list(PdfReader(path).attachments) == ["allowed.txt"]
    assert "1 stories" in pdf_text(path)


def test_the_spy_would_see_an_unrestricted_fetch(spy_server, tmp_path):
    """Control: WeasyPrint's default fetcher does contact the server, so the tests above can fail."""
    from weasyprint import HTML

    base, requests = spy_server
    HTML(string=f'<img src="{base}/img.png">').write_pdf()
    assert requests == ["/img.png"]


@pytest.mark.parametrize(
    "url",
    ["http://127.0.0.1:9/x", "https://example.org/", "ftp://example.org/x", "file:///etc/passwd"],
)
def test_fetcher_refuses_network_and_outside_files(url, tmp_path):
    fetcher = pdf_render._make_fetcher([tmp_path])
    with pytest.raises(Exception, match="does not fetch"):
        fetcher.fetch(url)


def test_fetcher_refuses_paths_escaping_the_template_dir(tmp_path):
    root = tmp_path / "templates"
    root.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    (root / "link.txt").symlink_to(outside)
    fetcher = pdf_render._make_fetcher([root])
    for url in (f"{root.as_uri()}/../outside.txt", (root / "link.txt").as_uri()):
        with pytest.raises(Exception, match="does not fetch"):
            fetcher.fetch(url)


def test_fetcher_allows_data_and_template_files(tmp_path):
    (tmp_path / "logo.svg").write_text("<svg/>")
    fetcher = pdf_render._make_fetcher([tmp_path])
    assert fetcher.fetch((tmp_path / "logo.svg").as_uri()).read() == b"<svg/>"
    assert fetcher.fetch("data:text/plain,hi").read() == b"hi"


def test_date_in_metadata_comes_from_the_brief():
    html = render_html(brief(day=date(2024, 2, 29)), BUILTIN_AUDIENCES["press"])
    assert '<meta name="dcterms.created" content="2024-02-29">' in html
    assert '<html lang="en">' in html


# --------------------------------------------------------------------------
# bounded rendering of user templates (briefgen.rendering.bounded)

from briefgen.rendering.bounded import Limits  # noqa: E402


@pytest.mark.parametrize(
    ("body", "message"),
    [
        # 10**10 loop iterations: no sandbox rule broken, only time
        ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "longer than 2 s|CPU"),
        # (the memory cases below get 60 s: on a loaded machine 2 s can pass before 128 MB fill)
        # a string doubling itself: `~` is not one of the sandbox's guarded operators
        ("{% set ns = namespace(s='xxxxxxxx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
         "more than 128 MB|memory"),
        ("{{ 'x'|center(2000000000) }}", "more than 128 MB|memory"),
        ("{% for i in range(100000) %}{{ 'y' * 999999 }}{% endfor %}", "more than 128 MB|memory|64 MB of output"),
    ],
)
def test_user_template_that_exhausts_time_or_memory_is_stopped(tmp_path, body, message):
    (tmp_path / "bomb.html").write_text(body)
    audience = replace(BUILTIN_AUDIENCES["analyst"], template="bomb.html")
    seconds = 2 if "longer than" in message else 60
    with pytest.raises(RenderError, match=message):
        render_html(brief(), audience, template_dirs=[tmp_path], limits=Limits(seconds=seconds, memory_mb=128))


def test_oversized_output_is_refused(tmp_path):
    (tmp_path / "big.html").write_text("{% for i in range(3000) %}{{ '-' * 1000 }}{% endfor %}")
    audience = replace(BUILTIN_AUDIENCES["analyst"], template="big.html")
    with pytest.raises(RenderError, match="more than 2 MB of output"):
        render_html(brief(), audience, template_dirs=[tmp_path], limits=Limits(output_mb=2))


def test_bounded_render_gives_the_same_html_and_errors_as_in_process(tmp_path):
    (tmp_path / "unused.html").write_text("")
    audience = BUILTIN_AUDIENCES["press"]
    b = sample_brief(3)
    assert render_html(b, audience, template_dirs=[tmp_path]) == render_html(b, audience)
    (tmp_path / "bad.html").write_text("ok\n{{ nope }}\n")
    with pytest.raises(RenderError, match=r"bad\.html:2: .*nope"):
        render_html(b, replace(audience, template="bad.html"), template_dirs=[tmp_path])


# --------------------------------------------------------------------------
# configured look: logo, banner colour, locale, page size, per-audience variant


def test_logo_banner_colour_and_locale_reach_the_html(tmp_path):
    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10"/>')
    audience = replace(BUILTIN_AUDIENCES["executive"], logo=str(logo), banner_colour="#123456",
                       classification="INTERNAL", locale="de", page_size="Letter")
    html = render_html(sample_brief(2), audience)
    assert '<img class="logo" src="data:image/svg+xml;base64,' in html
    assert "--banner: #123456" in html and "size: letter" in html
    assert "Dienstag, 11. März 2025" in html


def test_banner_colour_cannot_inject_css():
    audience = replace(BUILTIN_AUDIENCES["analyst"], banner_colour="red; } body { display: none")
    assert build_context(brief(), audience)["banner_colour"] == "#a01b1b"


def test_build_writes_each_audience_in_its_own_pdf_variant(tmp_path):
    from briefgen.run import BuildRequest, build_briefs

    seed = Path(__file__).resolve().parents[1] / "seeds" / "000_6a20b3f872e24daa.txt"
    audiences = [replace(BUILTIN_AUDIENCES["executive"], pdf_variant="pdf/ua-1"),
                 replace(BUILTIN_AUDIENCES["press"], pdf_variant="pdf/a-3u")]
    report = build_briefs(BuildRequest(paths=[seed], audiences=audiences, day=date(2025, 3, 11),
                                       output_dir=tmp_path))
    ua, archival = (PdfReader(p).trailer["/Root"] for p in report.written)
    assert b'pdfuaid:part="1"' in ua["/Metadata"].get_object().get_data() and "/StructTreeRoot" in ua
    assert b'pdfaid:part="3"' in archival["/Metadata"].get_object().get_data()


def test_dependencies_are_pinned_above_the_known_advisories():
    """RESEARCH.md §2: fetcher/attachment fixes in WeasyPrint 70, sandbox fixes in Jinja 3.1.6."""
    import tomllib
    from importlib.metadata import version

    deps = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text())["project"]["dependencies"]
    assert {"weasyprint>=70", "jinja2>=3.1.6"} <= {d.split("#")[0].strip().replace(" ", "") for d in deps}
    assert int(version("weasyprint").split(".")[0]) >= 70
    assert tuple(int(x) for x in version("jinja2").split(".")[:3]) >= (3, 1, 6)


def test_pdf_author_subject_and_keywords_come_from_the_audience(tmp_path):
    audience = replace(BUILTIN_AUDIENCES["executive"], author="Strategy Office", subject="Energy for the board",
                       keywords=("energy", "rates, policy"))
    b = replace(sample_brief(2, audience="executive"), title=audience.title)
    meta = PdfReader(write_pdf(render_html(b, audience), tmp_path / "board.pdf")).metadata
    assert meta.author == "Strategy Office" and meta.subject == "Energy for the board"
    assert meta["/Keywords"].startswith("energy, rates policy, news brief")  # commas would split a keyword
