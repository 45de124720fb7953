"""Fetching: what briefgen asks of web servers and what it refuses, against local servers only."""

from __future__ import annotations

import gzip
import time

import pytest

from briefgen.ingest.fetch import Fetcher, FetchError, FetchOptions, check_url
from local_http import serve

LOCAL = frozenset({"127.0.0.1"})
PAGE = (200, {"Content-Type": "text/html; charset=utf-8"}, b"<html><body><p>Hello.</p></body></html>")


def fetcher(tmp_path=None, **overrides) -> Fetcher:
    options = dict(timeout=2.0, retries=0, backoff=0.01, delay=0.0, allow_private=LOCAL,
                   cache_dir=tmp_path / "cache" if tmp_path else None, fresh_for=0.0)
    options.update(overrides)
    return Fetcher(FetchOptions(**options))


def test_a_page_is_fetched_with_a_user_agent_naming_briefgen():
    with serve({"/a": PAGE}) as site:
        response = fetcher().get(site.url("/a"))
    assert response.status == 200 and response.body == PAGE[2]
    assert response.content_type == "text/html" and response.charset == "utf-8"
    headers = dict(site.requests)["/a"]
    assert headers["user-agent"].startswith("briefgen/")


@pytest.mark.parametrize("status, reason", [(404, "HTTP 404 Not Found"), (410, "HTTP 410 Gone")])
def test_client_errors_fail_at_once_with_the_status(status, reason):
    with serve({"/gone": (status, {}, b"")}) as site:
        with pytest.raises(FetchError, match=reason):
            fetcher(retries=3).get(site.url("/gone"))
        assert site.hits("/gone") == 1


def test_server_errors_are_retried_then_reported():
    with serve({"/broken": (500, {}, b"oops")}) as site:
        with pytest.raises(FetchError, match="HTTP 500"):
            fetcher(retries=2).get(site.url("/broken"))
        assert site.hits("/broken") == 3


def test_a_server_that_recovers_is_retried_into_success():
    answers = iter([(503, {}, b""), PAGE])
    with serve({"/flaky": lambda handler: next(answers)}) as site:
        assert fetcher(retries=2).get(site.url("/flaky")).body == PAGE[2]


def test_a_slow_server_times_out():
    def slow(handler):
        time.sleep(1.5)
        return PAGE

    with serve({"/slow": slow}) as site:
        with pytest.raises(FetchError, match="timed out"):
            fetcher(timeout=0.3).get(site.url("/slow"))


def test_redirects_are_followed_between_http_urls():
    with serve({"/old": (301, {"Location": "/new"}, b""), "/new": PAGE}) as site:
        response = fetcher().get(site.url("/old"))
    assert response.final_url.endswith("/new") and response.body == PAGE[2]


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/"])
def test_a_redirect_to_a_non_http_scheme_is_refused(target):
    with serve({"/trap": (302, {"Location": target}, b"")}) as site:
        with pytest.raises(FetchError, match="only http and https"):
            fetcher().get(site.url("/trap"))


@pytest.mark.parametrize("target", ["http://10.1.2.3/admin", "http://169.254.169.254/latest/meta-data/",
                                    "http://[::1]/", "http://192.168.0.1/"])
def test_a_redirect_to_a_private_address_is_refused_before_connecting(target):
    with serve({"/trap": (302, {"Location": target}, b"")}) as site:
        with pytest.raises(FetchError, match="private or local address"):
            fetcher().get(site.url("/trap"))


def test_local_addresses_are_refused_unless_allowed():
    with pytest.raises(FetchError, match="private or local address"):
        check_url("http://127.0.0.1:9/feed.xml")
    check_url("http://127.0.0.1:9/feed.xml", allow_private=LOCAL)  # no error


@pytest.mark.parametrize(("url", "reason"), [("http://example.org:abc/", "invalid port"),
                                             ("http://[::1/feed", "not a valid URL")])
def test_a_malformed_url_is_a_fetch_error_not_a_crash(url, reason):
    with pytest.raises(FetchError, match=reason):
        check_url(url)
    assert isinstance(Fetcher(FetchOptions(respect_robots=False)).get_many([url])[url], FetchError)


def test_too_many_redirects_stop():
    with serve({"/loop": (302, {"Location": "/loop"}, b"")}) as site:
        with pytest.raises(FetchError, match="redirects"):
            fetcher().get(site.url("/loop"))


def test_gzip_responses_are_decompressed():
    body = b"<p>" + b"compressed news " * 200 + b"</p>"
    with serve({"/gz": (200, {"Content-Encoding": "gzip", "Content-Type": "text/html"}, gzip.compress(body))}) as site:
        assert fetcher().get(site.url("/gz")).body == body


def test_a_gzip_bomb_stops_at_the_size_cap():
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024))  # ~20 KB on the wire, 20 MB unpacked
    with serve({"/bomb": (200, {"Content-Encoding": "gzip"}, bomb)}) as site:
        with pytest.raises(FetchError, match="limit once decompressed"):
            fetcher(max_bytes=1024 * 1024).get(site.url("/bomb"))


def test_a_huge_response_is_refused_by_its_declared_length():
    with serve({"/huge": (200, {}, b"x" * (3 * 1024 * 1024))}) as site:
        with pytest.raises(FetchError, match="limit"):
            fetcher(max_bytes=1024 * 1024).get(site.url("/huge"))


def test_a_huge_response_without_a_length_is_cut_at_the_cap():
    def endless(handler):
        handler.send_response(200)
        handler.end_headers()  # no Content-Length: the body runs until the connection closes
        handler.close_connection = True
        try:
            for _ in range(64):
                handler.wfile.write(b"y" * 65536)
        except (BrokenPipeError, ConnectionResetError):
            pass
        raise BrokenPipeError  # already answered

    with serve({"/endless": endless}) as site:
        with pytest.raises(FetchError, match="larger than"):
            fetcher(max_bytes=256 * 1024).get(site.url("/endless"))


def test_a_second_fetch_is_a_conditional_request_answered_from_the_cache(tmp_path):
    def tagged(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            return 304, {"ETag": '"v1"'}, b""
        return 200, {"ETag": '"v1"', "Content-Type": "text/html"}, PAGE[2]

    with serve({"/news": tagged}) as site:
        first = fetcher(tmp_path).get(site.url("/news"))
        second = fetcher(tmp_path).get(site.url("/news"))
        conditional = [h for p, h in site.requests if p == "/news"][1]
    assert not first.from_cache and second.from_cache and second.body == first.body
    assert conditional["if-none-match"] == '"v1"'


def test_last_modified_is_sent_back_as_if_modified_since(tmp_path):
    stamp = "Sat, 28 Nov 2026 06:00:00 GMT"

    def dated(handler):
        if handler.headers.get("If-Modified-Since") == stamp:
            return 304, {}, b""
        return 200, {"Last-Modified": stamp}, PAGE[2]

    with serve({"/d": dated}) as site:
        fetcher(tmp_path).get(site.url("/d"))
        assert fetcher(tmp_path).get(site.url("/d")).from_cache


def test_a_fresh_cached_copy_is_used_without_asking_again(tmp_path):
    with serve({"/a": PAGE}) as site:
        fetcher(tmp_path, fresh_for=3600).get(site.url("/a"))
        again = fetcher(tmp_path, fresh_for=3600).get(site.url("/a"))
        assert again.from_cache and site.hits("/a") == 1


def test_robots_txt_disallow_is_respected():
    robots = (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")
    with serve({"/robots.txt": robots, "/private/page": PAGE, "/public/page": PAGE}) as site:
        f = fetcher()
        with pytest.raises(FetchError, match="robots.txt"):
            f.get(site.url("/private/page"))
        assert f.get(site.url("/public/page")).body == PAGE[2]
        assert site.hits("/private/page") == 0 and site.hits("/robots.txt") == 1


def test_a_missing_robots_txt_allows_everything():
    with serve({"/a": PAGE}) as site:
        assert fetcher().get(site.url("/a")).status == 200


def test_get_many_reports_failures_per_url_and_never_raises():
    with serve({"/ok": PAGE, "/missing": (404, {}, b"")}) as site:
        results = fetcher().get_many([site.url("/ok"), site.url("/missing"), "file:///etc/passwd"])
    assert results[site.url("/ok")].body == PAGE[2]
    assert isinstance(results[site.url("/missing")], FetchError)
    assert "only http and https" in str(results["file:///etc/passwd"])


def test_requests_to_one_host_are_spaced_by_the_politeness_delay(monkeypatch):
    with serve({"/1": PAGE, "/2": PAGE}) as site:
        f = fetcher(delay=0.2)
        f.get(site.url("/1"))
        waits: list[float] = []
        monkeypatch.setattr(time, "sleep", waits.append)  # record the pause instead of timing it
        f.get(site.url("/2"))
    assert waits and 0 < waits[0] <= 0.2


# ---------------------------------------------------------------- private sources on purpose (issue 18)


def test_allow_hosts_names_addresses_and_networks_and_nothing_else():
    check_url("http://127.0.0.1:9/feed.xml", allow_private=frozenset({"127.0.0.0/8"}))  # a network
    with pytest.raises(FetchError, match="allow_hosts in the config"):
        check_url("http://10.9.8.7/feed.xml", allow_private=frozenset({"127.0.0.0/8", "intranet.example"}))


def test_the_connection_goes_to_the_address_that_was_vetted_not_a_second_answer(monkeypatch):
    import socket

    real = socket.getaddrinfo
    answers = []

    def rebinding(host, *args, **kwargs):
        """news.example answers with the test server's address once, then with a private one."""
        if host != "news.example":
            return real(host, *args, **kwargs)
        answers.append(host)
        ip = "127.0.0.1" if len(answers) == 1 else "10.9.8.7"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, args[0] or 80))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    with serve({"/a": PAGE, "/robots.txt": (200, {}, b"User-agent: *\nAllow: /\n")}) as site:
        url = site.url("/a").replace("127.0.0.1", "news.example")
        response = fetcher(respect_robots=True).get(url)
        assert response.body == PAGE[2]
        assert dict(site.requests)["/a"]["host"].startswith("news.example")  # the name, not the address
    assert answers == ["news.example"]  # resolved once for the check, robots.txt and the page
