"""URLs -> response bodies, politely and safely (standard library only).

``Fetcher.get(url) -> Response`` and ``Fetcher.get_many(urls) -> {url: Response | FetchError}``.
Every request: a briefgen ``User-Agent``; a timeout; retries with exponential
back-off on timeouts, connection errors, 429 and 5xx; robots.txt obeyed; a
per-host delay between requests; a size cap (also on the decompressed body,
so a gzip bomb stops at the cap); only http(s) hosts that are not private,
loopback or link-local, also after redirects (``allow_private``: the config's
``allow_hosts``, names, addresses or networks allowed on purpose, e.g. an
intranet feed). A host is resolved once per Fetcher: the addresses vetted are
the addresses connected to (the Host header and TLS SNI still carry the name),
so a DNS answer that changes between the check and the connection (DNS
rebinding) cannot reach a private address. Responses are cached on disk with
their ETag / Last-Modified: a re-run reuses a fresh copy without a request,
and revalidates an older one with a conditional request (304 -> cached body).
Hosts are fetched in parallel, each host's URLs one after another.

Every problem is a ``FetchError`` (a ``BriefgenError``) with a one-line reason.
"""

from __future__ import annotations

import hashlib
import json
import logging
import socket
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
import zlib
from collections import defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from briefgen.ingest.addresses import FetchError, PinnedHTTP, PinnedHTTPS, check_url
from briefgen.version import __version__

log = logging.getLogger(__name__)

USER_AGENT = f"briefgen/{__version__} (+https://github.com/briefgen/briefgen; news briefings)"
MAX_BYTES = 5 * 1024 * 1024  # a news page or feed above 5 MB is not one we want
_RETRY_STATUS = {429, 500, 502, 503, 504}
_MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Response:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    body: bytes
    content_type: str = ""
    charset: str | None = None
    from_cache: bool = False


@dataclass
class FetchOptions:
    timeout: float = 15.0
    retries: int = 2
    backoff: float = 1.0  # seconds; doubles on every retry
    delay: float = 1.0  # politeness: seconds between two requests to the same host
    max_bytes: int = MAX_BYTES
    cache_dir: Path | None = None  # None: no disk cache
    fresh_for: float = 900.0  # a cached copy younger than this is used without asking the server
    respect_robots: bool = True
    # Private, loopback and link-local addresses are refused (a feed must not make briefgen probe
    # the intranet). True allows them all; a set of host names or addresses allows just those
    # (tests: {"127.0.0.1"}, since their servers are local; an intranet feed: its host).
    allow_private: bool | frozenset[str] = False
    max_workers: int = 4
    user_agent: str = USER_AGENT


def is_url(value: object) -> bool:
    return str(value).lower().startswith(("http://", "https://"))


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by Fetcher itself so every hop is checked."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


@dataclass
class Fetcher:
    options: FetchOptions = field(default_factory=FetchOptions)

    def __post_init__(self) -> None:
        self._vetted: dict[str, list[str] | None] = {}  # host -> vetted addresses; None: allowed by name
        self._opener = urllib.request.build_opener(_NoRedirects(), PinnedHTTP(self._connect),
                                                   PinnedHTTPS(self._connect))
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = defaultdict(threading.Lock)

    # -- public -------------------------------------------------------------------------------
    def get(self, url: str) -> Response:
        """Fetch one URL (cache, robots, redirects, retries). Raises FetchError."""
        self._vet(url)
        cached = self._cache_load(url)
        if cached and time.time() - cached[0].get("fetched", 0) < self.options.fresh_for:
            return cached[1]
        if self.options.respect_robots and not self._robots_allow(url):
            raise FetchError("robots.txt of the site does not allow briefgen to fetch this page")
        return self._follow(url, cached)

    def get_many(self, urls: Iterable[str]) -> dict[str, Response | FetchError]:
        """Fetch many URLs: hosts in parallel, each host's URLs in order. Never raises."""
        by_host: dict[str, list[str]] = defaultdict(list)
        for url in dict.fromkeys(urls):
            by_host[_host(url)].append(url)
        results: dict[str, Response | FetchError] = {}

        def run(host_urls: list[str]) -> None:
            for u in host_urls:
                try:
                    results[u] = self.get(u)
                except FetchError as err:
                    results[u] = err
                except Exception as err:  # a bug costs one URL, not the brief
                    log.debug("fetching %s failed", u, exc_info=True)
                    results[u] = FetchError(f"internal error while fetching: {type(err).__name__}: {err}")

        workers = max(1, min(self.options.max_workers, len(by_host)))
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="briefgen-fetch") as pool:
            list(pool.map(run, by_host.values()))
        return results

    # -- addresses: vetted once, then the only ones connected to ------------------------------
    def _vet(self, url: str, *, redirect: bool = False) -> None:
        addresses = check_url(url, self.options.allow_private, redirect=redirect)
        with self._lock:
            self._vetted.setdefault(_host(url), addresses)

    def _connect(self, address: tuple[str, int], timeout, source_address=None) -> socket.socket:
        """http.client's socket factory: connect to the vetted addresses of the host, never a new answer."""
        host, port = address
        with self._lock:
            known = host.lower() in self._vetted
            addresses = self._vetted.get(host.lower())
        if not known:  # not seen by _vet (cannot happen through get()): vet now
            addresses = check_url(f"http://{host}/", self.options.allow_private)
        last: OSError | None = None
        for ip in addresses or [host]:  # None: allowed by name, resolved by the connection
            try:
                return socket.create_connection((ip, port), timeout, source_address)
            except OSError as err:
                last = err
        raise last or OSError(f"no address for {host}")

    # -- redirects and retries ----------------------------------------------------------------
    def _follow(self, url: str, cached: tuple[dict, Response] | None) -> Response:
        current = url
        for _ in range(_MAX_REDIRECTS + 1):
            conditional = cached if current == url else None
            status, headers, body = self._with_retries(current, conditional)
            if status in (301, 302, 303, 307, 308):
                target = headers.get("Location")
                if not target:
                    raise FetchError(f"HTTP {status} redirect without a Location")
                current = urljoin(current, target.strip())
                self._vet(current, redirect=True)
                if self.options.respect_robots and not self._robots_allow(current):
                    raise FetchError(f"redirected to {current}, which robots.txt does not allow")
                continue
            if status == 304 and cached:
                meta, old = cached
                meta["fetched"] = time.time()
                self._cache_store(url, meta, old.body)
                return Response(url, old.final_url, 200, old.body, old.content_type, old.charset, from_cache=True)
            if status >= 400:
                raise FetchError(f"HTTP {status} {_reason(status)}")
            ctype = headers.get_content_type() if headers else ""
            charset = headers.get_content_charset() if headers else None
            response = Response(url, current, status, body, ctype, charset)
            self._cache_store(url, {
                "url": url, "final_url": current, "etag": headers.get("ETag"),
                "last_modified": headers.get("Last-Modified"), "content_type": ctype,
                "charset": charset, "fetched": time.time(),
            }, body)
            return response
        raise FetchError(f"more than {_MAX_REDIRECTS} redirects")

    def _with_retries(self, url: str, cached: tuple[dict, Response] | None) -> tuple[int, Message, bytes]:
        attempt = 0
        while True:
            try:
                status, headers, body = self._once(url, cached)
            except FetchError as err:
                if not getattr(err, "transient", False) or attempt >= self.options.retries:
                    raise
                wait = self.options.backoff * 2**attempt
            else:
                if status not in _RETRY_STATUS or attempt >= self.options.retries:
                    return status, headers, body
                wait = max(self.options.backoff * 2**attempt, _retry_after(headers))
            attempt += 1
            log.debug("retrying %s in %.1fs (attempt %d)", url, wait, attempt + 1)
            time.sleep(min(wait, 60.0))

    def _once(self, url: str, cached: tuple[dict, Response] | None) -> tuple[int, Message, bytes]:
        request = urllib.request.Request(url, headers={
            "User-Agent": self.options.user_agent,
            "Accept-Encoding": "gzip, deflate",
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                      "application/xml;q=0.9,*/*;q=0.8",
        })
        if cached:
            meta = cached[0]
            if meta.get("etag"):
                request.add_header("If-None-Match", meta["etag"])
            if meta.get("last_modified"):
                request.add_header("If-Modified-Since", meta["last_modified"])
        self._wait_turn(url)
        try:
            with self._opener.open(request, timeout=self.options.timeout) as resp:
                return resp.status, resp.headers, self._read(resp)
        except urllib.error.HTTPError as err:
            # 3xx (our handler declines them), 304 and 4xx/5xx arrive here.
            try:
                body = self._read(err) if err.code >= 500 else b""
            except FetchError:
                body = b""
            return err.code, err.headers, body
        except TimeoutError:
            raise _transient(f"timed out after {self.options.timeout:g} s") from None
        except urllib.error.URLError as err:
            reason = err.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise _transient(f"timed out after {self.options.timeout:g} s") from None
            raise _transient(f"cannot connect: {getattr(reason, 'strerror', None) or reason}") from None
        except (ConnectionError, OSError) as err:
            raise _transient(f"connection failed: {err}") from None
        finally:
            with self._lock:
                self._last[_host(url)] = time.monotonic()

    def _read(self, resp) -> bytes:
        cap = self.options.max_bytes
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > cap:
            raise FetchError(f"response is {int(declared) / 1048576:.1f} MB; the limit is {cap / 1048576:.1f} MB")
        # The socket timeout bounds each read; the deadline bounds a server that drips bytes.
        deadline = time.monotonic() + 4 * self.options.timeout
        chunks: list[bytes] = []
        size = 0
        while size <= cap:
            chunk = resp.read(min(65536, cap + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if time.monotonic() > deadline:
                raise _transient(f"download took longer than {4 * self.options.timeout:g} s")
        raw = b"".join(chunks)
        if len(raw) > cap:
            raise FetchError(f"response is larger than the {cap / 1048576:.1f} MB limit")
        encoding = (resp.headers.get("Content-Encoding") or "").lower().strip()
        if encoding in ("gzip", "x-gzip", "deflate"):
            wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
            inflater = zlib.decompressobj(wbits)
            try:
                raw = inflater.decompress(raw, cap + 1)  # bounded: a gzip bomb stops at the cap
            except zlib.error:
                raise FetchError(f"response claims {encoding} but is not") from None
            if len(raw) > cap or inflater.unconsumed_tail:
                raise FetchError(f"response is larger than the {cap / 1048576:.1f} MB limit once decompressed")
        return raw

    def _wait_turn(self, url: str) -> None:
        host = _host(url)
        with self._lock:
            last = self._last.get(host)
        if last is not None:
            pause = self.options.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)

    # -- robots.txt ---------------------------------------------------------------------------
    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            host_lock = self._host_locks[root]
        with host_lock:
            if root not in self._robots:
                self._robots[root] = self._load_robots(root + "/robots.txt")
        rules = self._robots[root]
        return True if rules is None else rules.can_fetch(self.options.user_agent, url)

    def _load_robots(self, robots_url: str) -> urllib.robotparser.RobotFileParser | None:
        """RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable
        one (5xx, network error) allows nothing for now."""
        rules = urllib.robotparser.RobotFileParser(robots_url)
        try:
            status, _, body = self._with_retries(robots_url, None)
        except FetchError as err:
            log.warning("robots.txt at %s unreachable (%s): not fetching from that site", robots_url, err)
            rules.disallow_all = True  # type: ignore[attr-defined]  # set by RobotFileParser.__init__, not in typeshed
            return rules
        if 400 <= status < 500 or status in (301, 302, 303, 307, 308):
            return None
        if status >= 500:
            rules.disallow_all = True  # type: ignore[attr-defined]  # as above
            return rules
        rules.parse(body.decode("utf-8", errors="replace").splitlines())
        return rules

    # -- disk cache ---------------------------------------------------------------------------
    def _cache_paths(self, url: str) -> tuple[Path, Path] | None:
        if self.options.cache_dir is None:
            return None
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        base = Path(self.options.cache_dir) / key[:2] / key
        return base.with_suffix(".json"), base.with_suffix(".body")

    def _cache_load(self, url: str) -> tuple[dict, Response] | None:
        paths = self._cache_paths(url)
        if not paths or not paths[0].exists():
            return None
        try:
            meta = json.loads(paths[0].read_text("utf-8"))
            body = paths[1].read_bytes()
        except (OSError, ValueError):
            return None  # a torn cache entry is just a miss
        return meta, Response(url, meta.get("final_url", url), 200, body, meta.get("content_type", ""),
                              meta.get("charset"), from_cache=True)

    def _cache_store(self, url: str, meta: dict, body: bytes) -> None:
        paths = self._cache_paths(url)
        if not paths:
            return
        from briefgen.ops.atomic import write_atomic

        try:  # body first: a crash in between leaves no metadata pointing at a missing body
            write_atomic(paths[1], body)
            write_atomic(paths[0], json.dumps(meta).encode("utf-8"))
        except OSError as err:
            log.warning("cannot write the download cache under %s: %s", self.options.cache_dir, err)


def _transient(message: str) -> FetchError:
    err = FetchError(message)
    err.transient = True  # type: ignore[attr-defined]
    return err


def _retry_after(headers: Message | None) -> float:
    value = headers.get("Retry-After") if headers else None
    return float(value) if value and value.strip().isdigit() else 0.0


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:  # "http://[::1": check_url reports it when the URL is fetched
        return ""


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
