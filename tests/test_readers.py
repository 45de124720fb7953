"""Readers: saved pages, feeds, JSON Lines and URL lists become Articles with their metadata.

Fixture text is written for these tests (a made-up story); network tests use local servers only.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from briefgen.analysis import analyze_paths
from briefgen.cli import cli
from briefgen.errors import InputError
from briefgen.ingest.dates import normalise, parse_when
from briefgen.ingest.fetch import FetchOptions
from briefgen.ingest.formats import ReadOptions, read_path, read_urls
from briefgen.ingest.html import fragment_text, parse_html
from briefgen.ingest.jsonl import parse_field_map
from briefgen.ingest.walk import collect_paths
from local_http import serve

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PARAGRAPHS = [
    "The harbour authority of Port Avelin said on Tuesday that the old ferry pier will close for repairs "
    "next month, after divers found cracks in three of its concrete supports.",
    "\u201cWe would rather close it for eight weeks now than for a year later,\u201d said Mara Lindqvist, "
    "the authority's chief engineer, at a press conference in the town hall.",
    "Ferries to the islands will leave from the cargo quay while the work goes on. The operator expects "
    "small delays at peak hours and has added two evening crossings to make up for them.",
    "Local shopkeepers welcomed the decision but asked the council to keep the pier's car park open, "
    "saying that most of their customers arrive by car from the neighbouring villages.",
]
BOILERPLATE = ["We use cookies to improve your experience", "Subscribe to our newsletter",
               "Weekend weather: sunny spells", "Advertisement", "Home"]


def page(published: str = "2026-11-24T09:30:00+01:00", charset: str = "utf-8") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="en-GB"><head>
<meta charset="{charset}"><title>Ferry pier to close for repairs | Avelin Herald</title>
<meta property="og:title" content="Ferry pier to close for repairs">
<meta property="og:site_name" content="Avelin Herald">
<meta name="author" content="Jon Harlow">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="/news/ferry-pier-repairs">
</head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies</p></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="ad"><span>Advertisement</span> Cheap flights to the sun, book today!</div>
<article><h1>Ferry pier to close for repairs</h1>
<p class="byline">By Jon Harlow</p>
{body}
</article>
<aside class="related"><h3>Most read</h3><ul><li><a href="/w">Weekend weather: sunny spells</a></li>
<li><a href="/x">Council approves new library budget</a></li></ul></aside>
<div class="newsletter"><p>Subscribe to our newsletter for the day's news.</p></div>
<footer><p>&copy; 2026 Avelin Herald. All rights reserved.</p></footer>
</body></html>"""


def local(**fetch) -> ReadOptions:
    options = dict(timeout=2.0, retries=0, backoff=0.01, delay=0.0, allow_private=frozenset({"127.0.0.1"}))
    options.update(fetch)
    return ReadOptions(tz=UTC, fetch=FetchOptions(**options))


# --- saved pages --------------------------------------------------------------------------------

def test_a_saved_page_yields_the_article_text_without_page_furniture():
    article = parse_html(page().encode("utf-8"), path="pier.html", url="https://herald.example/p?id=1")
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    for furniture in BOILERPLATE:
        assert furniture not in article.text
    assert not article.text.startswith("Ferry pier to close")  # the headline is the title, not body
    assert article.text.count("\n\n") == len(PARAGRAPHS) - 1  # one paragraph per block, as in .txt files


def test_a_saved_page_carries_its_metadata():
    article = parse_html(page().encode("utf-8"), path="pier.html", url="https://herald.example/p?id=1",
                         tz=ZoneInfo("UTC"))
    assert article.title == "Ferry pier to close for repairs"
    assert article.source == "Avelin Herald" and article.author == "Jon Harlow"
    assert article.url == "https://herald.example/news/ferry-pier-repairs"  # canonical, made absolute
    assert article.published == datetime(2026, 11, 24, 8, 30, tzinfo=ZoneInfo("UTC"))
    assert article.language == "en"


def test_publication_times_are_expressed_in_the_configured_zone():
    article = parse_html(page("2026-11-24T23:30:00-05:00").encode(), path="p.html", tz=ZoneInfo("Asia/Tokyo"))
    assert article.published.isoformat() == "2026-11-25T13:30:00+09:00"


def test_a_page_in_a_legacy_encoding_mislabelled_by_the_server_still_decodes():
    data = page(charset="windows-1252").replace("\u201c", "“").encode("cp1252")
    article = parse_html(data, path="p.html", charset="utf-8")  # the server's claim is wrong
    assert "\u201cWe would rather close it" in article.text


def test_utf8_bytes_labelled_latin1_are_read_as_utf8():
    article = parse_html(page(charset="iso-8859-1").encode("utf-8"), path="p.html", charset="iso-8859-1")
    assert "\u201cWe would rather" in article.text and "â€" not in article.text


def test_a_page_without_article_text_is_an_input_error():
    with pytest.raises(InputError, match="no article text|empty"):
        parse_html(b"<html><body><nav><a href='/'>Home</a></nav></body></html>", path="nav.html")


def test_analyze_returns_the_extracted_body_as_text(tmp_path):
    saved = tmp_path / "pier.html"
    saved.write_text(page(), encoding="utf-8")
    result = CliRunner().invoke(cli, ["analyze", str(saved), "--format", "json"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)["articles"][0]
    assert article["path"] == str(saved) and PARAGRAPHS[2] in article["text"]
    assert article["title"] == "Ferry pier to close for repairs"
    assert any(q["speaker"] == "Mara Lindqvist" for q in article["quotes"])


def test_fragments_become_one_paragraph_per_block():
    assert fragment_text("<p>One <b>two</b>.</p><script>x()</script><p>Three &amp; four</p>") == \
        "One two.\n\nThree & four"


# --- feeds ---------------------------------------------------------------------------------------

def rss(items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><description>{d}</description>"
        f"<pubDate>Tue, 24 Nov 2026 08:00:00 +0100</pubDate><category>harbour</category></item>"
        for t, link, d in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Avelin Herald</title>'
            f"<link>https://herald.example/</link><description>News</description>{entries}</channel></rss>").encode()


def test_the_seed_atom_feed_gives_one_article_per_entry_with_metadata():
    batch = read_path(SEEDS / "020_iran-sailors-feed.atom", ReadOptions(tz=UTC))
    assert batch.failures == [] and len(batch.articles) == 3
    first = batch.articles[0]
    assert first.path.endswith("020_iran-sailors-feed.atom#1")
    assert first.title == "15 Royal Navy sailors captured at gunpoint by Iranian guards"
    assert first.published == datetime(2007, 3, 23, 12, tzinfo=UTC)
    assert first.tags == ("world", "iran") and first.author == "Wikinews contributors"
    assert len(first.text.split()) > 500 and "\n\n" in first.text


def test_a_teaser_entry_is_replaced_by_the_full_article_from_its_page():
    with serve({"/pier": (200, {"Content-Type": "text/html; charset=utf-8"}, page().encode())}) as site:
        feed = rss([("Pier to close", site.url("/pier"), "The old ferry pier will close&#8230;")])
        with serve({"/feed.xml": (200, {"Content-Type": "application/rss+xml"}, feed)}) as feeds:
            batch = read_urls([feeds.url("/feed.xml")], local())
    assert batch.failures == []
    [article] = batch.articles
    assert PARAGRAPHS[3] in article.text
    assert article.title == "Pier to close"  # the feed's own title and time win over the page's
    assert article.published == datetime(2026, 11, 24, 7, tzinfo=UTC)
    assert article.tags == ("harbour",)


def test_when_the_full_article_cannot_be_fetched_the_teaser_is_kept_and_the_failure_reported():
    with serve({}) as site:  # every page is 404
        feed = rss([("Pier to close", site.url("/pier"), "The old ferry pier will close next month.")])
        with serve({"/feed.xml": (200, {"Content-Type": "application/rss+xml"}, feed)}) as feeds:
            batch = read_urls([feeds.url("/feed.xml")], local())
    assert [a.text for a in batch.articles] == ["The old ferry pier will close next month."]
    assert len(batch.failures) == 1 and "HTTP 404" in batch.failures[0].reason


@pytest.mark.parametrize("link, reason", [("file:///etc/passwd", "only http and https"),
                                          ("http://10.9.8.7/internal", "private or local address")])
def test_a_feed_pointing_at_local_files_or_private_addresses_is_not_followed(tmp_path, link, reason):
    feed = tmp_path / "evil.rss"
    feed.write_bytes(rss([("Bait", link, "Short teaser.")]))
    batch = read_path(feed, local())
    assert reason in batch.failures[0].reason
    assert [a.text for a in batch.articles] == ["Short teaser."]


def test_rss_1_and_rss_091_feeds_are_read(tmp_path):
    rdf = tmp_path / "old.rss"
    rdf.write_text('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                   'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="x"><title>T</title></channel>'
                   f'<item rdf:about="a"><title>One</title><description>{" ".join(PARAGRAPHS)}</description>'
                   "</item></rdf:RDF>")
    old = tmp_path / "older.xml"
    old.write_text('<?xml version="1.0"?><rss version="0.91"><channel><title>T</title>'
                   f"<item><title>Two</title><description>{PARAGRAPHS[0]}</description></item></channel></rss>")
    assert [a.title for a in read_path(rdf, ReadOptions(full_text=False)).articles] == ["One"]
    assert [a.title for a in read_path(old, ReadOptions(full_text=False)).articles] == ["Two"]


def test_a_file_that_is_not_a_feed_is_an_input_error(tmp_path):
    bogus = tmp_path / "notes.xml"
    bogus.write_text("<notes><note>hello</note></notes>")
    with pytest.raises(InputError, match="not an RSS or Atom feed"):
        read_path(bogus)


# --- JSON Lines and URL lists -------------------------------------------------------------------

def test_json_lines_give_one_article_per_line_with_default_field_names(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(json.dumps(r) for r in [
        {"title": "Pier", "text": "\n\n".join(PARAGRAPHS), "url": "https://h.example/1",
         "published": "2026-11-24T08:00:00Z", "tags": ["harbour"]},
        {"headline": "Library", "body": "<p>The council approved the budget.</p><p>It passed 7 to 2.</p>",
         "date": 1795507200},
    ]) + "\n")
    batch = read_path(export, ReadOptions(tz=UTC))
    assert batch.failures == []
    pier, library = batch.articles
    assert pier.path == f"{export}:1" and pier.tags == ("harbour",) and pier.url == "https://h.example/1"
    assert library.title == "Library" and library.text == "The council approved the budget.\n\nIt passed 7 to 2."
    assert library.published == datetime.fromtimestamp(1795507200, tz=UTC)


def test_json_lines_field_names_can_be_mapped_including_nested_keys(tmp_path):
    export = tmp_path / "cms.jsonl"
    export.write_text(json.dumps({"meta": {"hed": "Pier"}, "copy": PARAGRAPHS[0], "title": "wrong"}) + "\n")
    fields = parse_field_map("text=copy,title=meta.hed")
    [article] = read_path(export, ReadOptions(jsonl_fields=fields)).articles
    assert article.title == "Pier" and article.text == PARAGRAPHS[0]


def test_a_bad_json_line_is_a_failure_named_by_its_line_and_the_rest_still_count(tmp_path):
    export = tmp_path / "mixed.jsonl"
    export.write_text(json.dumps({"text": PARAGRAPHS[0]}) + "\n{not json\n" + json.dumps({"title": "x"}) + "\n")
    batch = read_path(export)
    assert len(batch.articles) == 1
    assert [f.path for f in batch.failures] == [f"{export}:2", f"{export}:3"]
    assert "not valid JSON" in batch.failures[0].reason and "text=KEY" in batch.failures[1].reason


def test_json_that_python_refuses_to_read_costs_only_its_line(tmp_path):
    export = tmp_path / "odd.jsonl"
    huge_number = '{"text": "x", "views": ' + "9" * 5000 + "}"
    too_deep = "[" * 100_000 + "]" * 100_000
    export.write_text(huge_number + "\n" + too_deep + "\n" + json.dumps({"text": PARAGRAPHS[0]}) + "\n")
    batch = read_path(export)
    assert len(batch.articles) == 1
    assert [f.path for f in batch.failures] == [f"{export}:1", f"{export}:2"]
    assert all(f.reason.startswith("not valid JSON: ") for f in batch.failures)


def test_a_bad_field_mapping_says_how_to_write_one():
    with pytest.raises(InputError, match="text=body"):
        parse_field_map("body")


def test_a_url_list_fetches_pages_and_reports_lines_that_are_not_urls(tmp_path):
    with serve({"/pier": (200, {"Content-Type": "text/html"}, page().encode())}) as site:
        listing = tmp_path / "today.urls"
        listing.write_text(f"# morning reading\n{site.url('/pier')}  # the harbour story\n\nnot a url\n")
        batch = read_path(listing, local())
    assert [a.title for a in batch.articles] == ["Ferry pier to close for repairs"]
    assert [f.path for f in batch.failures] == [f"{listing}:4"]


def test_a_failing_url_is_a_failure_not_a_crash():
    with serve({"/err": (500, {}, b"")}) as site:
        batch = read_urls([site.url("/err")], local())
    assert batch.articles == [] and "HTTP 500" in batch.failures[0].reason


# --- dispatch, folders and the pipeline -----------------------------------------------------------

def test_folders_include_pages_feeds_and_exports_but_not_arbitrary_xml(tmp_path):
    for name in ("a.html", "b.atom", "c.jsonl", "d.urls", "e.xml", "f.txt", "g.rss", "h.htm"):
        (tmp_path / name).write_text("x")
    files, _ = collect_paths([tmp_path])
    assert sorted(f.name for f in files) == ["a.html", "b.atom", "c.jsonl", "d.urls", "f.txt", "g.rss", "h.htm"]


def test_an_unknown_suffix_names_every_supported_format(tmp_path):
    other = tmp_path / "report.pdf"
    other.write_bytes(b"%PDF")
    with pytest.raises(InputError, match=r"\.html.*\.jsonl.*\.urls"):
        read_path(other)


def test_the_pipeline_analyses_every_article_of_a_multi_article_file(tmp_path):
    export = tmp_path / "two.jsonl"
    export.write_text(json.dumps({"title": "A", "text": PARAGRAPHS[0]}) + "\n"
                      + json.dumps({"title": "B", "text": PARAGRAPHS[1]}) + "\n")
    digests, failures = analyze_paths([export])
    assert failures == [] and [d.article.title for d in digests] == ["A", "B"]


def test_analyze_reads_urls_given_on_the_command_line(monkeypatch):
    import briefgen.ingest.fetch as fetch

    real = fetch.check_url  # the CLI refuses local addresses; the test server is one
    monkeypatch.setattr(fetch, "check_url", lambda url, allow_private=False, **kw: real(
        url, frozenset({"127.0.0.1"}), **kw))
    with serve({"/pier": (200, {"Content-Type": "text/html"}, page().encode())}) as site:
        result = CliRunner().invoke(cli, ["analyze", site.url("/pier")])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)["articles"][0]
    assert article["path"] == site.url("/pier") and PARAGRAPHS[1][:40] in article["text"]


# --- dates ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2026-11-24", date(2026, 11, 24)),
    ("2026-11-24T08:00:00Z", datetime(2026, 11, 24, 8, tzinfo=UTC)),
    ("2026-11-24T09:00:00+0100", datetime(2026, 11, 24, 8, tzinfo=UTC)),
    ("Tue, 24 Nov 2026 08:00:00 GMT", datetime(2026, 11, 24, 8, tzinfo=UTC)),
    ("yesterday-ish", None),
])
def test_dates_in_common_spellings_are_read(text, expected):
    assert parse_when(text) == expected


def test_a_feed_time_on_a_leap_second_is_read_not_a_crash():
    import time

    leap = time.struct_time((2016, 12, 31, 23, 59, 60, 5, 366, 0))  # feedparser passes these through
    assert parse_when(leap) == datetime(2016, 12, 31, 23, 59, 59, tzinfo=UTC)


def test_naive_times_are_read_as_the_configured_zone_and_dates_stay_dates():
    berlin = ZoneInfo("Europe/Berlin")
    assert normalise(datetime(2026, 7, 1, 9), berlin).utcoffset() == timedelta(hours=2)
    assert normalise(date(2026, 7, 1), berlin) == date(2026, 7, 1)


# --- declared sources ---------------------------------------------------------------------------

def test_declared_sources_are_validated_and_stamp_their_name_tags_and_priority(tmp_path):
    import tomllib

    from briefgen.ingest.sources import parse_sources, read_source

    raw = tomllib.loads(f"""
[[sources]]
name = "Sample wire"
path = "{SEEDS / '020_iran-sailors-feed.atom'}"
tags = ["wire"]
priority = 2

[[sources]]
name = "Herald"
feed = "https://herald.example/rss"
""")["sources"]
    wire, herald = parse_sources(raw, tmp_path)
    assert herald.location == "https://herald.example/rss" and herald.priority == 0
    batch = read_source(wire, ReadOptions(tz=UTC))
    assert len(batch.articles) == 3
    assert {(a.source, a.tags, a.priority) for a in batch.articles} == {("Sample wire", ("world", "iran", "wire"), 2)}


@pytest.mark.parametrize("raw, message", [
    ([{"name": "x"}], "exactly one of feed, url or path"),
    ([{"name": "x", "feed": "file:///etc/passwd"}], "http"),
    ([{"name": "x", "url": "https://a.example", "weight": 3}], "unknown key 'weight'"),
    ([{"feed": "https://a.example"}], "a name"),
])
def test_a_bad_source_declaration_says_what_is_expected(raw, message):
    from briefgen.ingest.sources import parse_sources

    with pytest.raises(ValueError, match=message):
        parse_sources(raw)


def test_a_feed_entry_that_carries_the_full_text_is_used_as_is_however_short(tmp_path):
    body = "The ferry pier closes on Monday for six weeks of repairs. Boats will use the north quay."
    feed = tmp_path / "full.rss"
    feed.write_text('<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/'
                    'content/"><channel><title>Avelin Herald</title><item><title>Pier closes</title>'
                    "<link>http://10.9.8.7/pier</link><description>The ferry pier closes.</description>"
                    f"<content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item></channel></rss>")
    batch = read_path(feed, local())
    assert batch.failures == []  # no fetch was tried (that address would be refused)
    assert [a.text for a in batch.articles] == [body]
