"""A URL -> the addresses it may be fetched from; HTTP(S) handlers that connect only to those.

``check_url(url, allow)`` refuses non-http(s) URLs and hosts that resolve to a private, loopback or
link-local address, unless ``allow`` names the host, its address or a network it is in (the
config's ``allow_hosts``); it returns the vetted addresses. ``PinnedHTTP``/``PinnedHTTPS`` open
connections through a callback (briefgen.ingest.fetch.Fetcher._connect) that uses those addresses,
so the address checked is the address connected to; Host and TLS SNI still carry the name.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.request
from urllib.parse import urlsplit

from briefgen.errors import BriefgenError


class FetchError(BriefgenError):
    """A URL could not be fetched; the message is one line for the appendix."""


def check_url(url: str, allow_private: bool | frozenset[str] = False, *, redirect: bool = False) -> list[str] | None:
    """Only http(s) URLs to public addresses, or to what allow_private names (host names,
    addresses, networks such as 10.1.0.0/16). Returns the vetted addresses of the host, None
    when it is allowed by name. Raises FetchError."""
    what = "redirected to" if redirect else "URL"
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed "[" of an IPv6 address
        raise FetchError(f"{what} {url!r} is not a valid URL") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{what} {url!r}: only http and https are fetched")
    if not parts.hostname:
        raise FetchError(f"{what} {url!r} has no host")
    try:
        port = parts.port  # parsed lazily: "http://host:abc/" only fails here
    except ValueError:
        raise FetchError(f"{what} {url!r} has an invalid port") from None
    if allow_private is True or (allow_private and parts.hostname.lower() in allow_private):
        return None
    try:
        infos = socket.getaddrinfo(parts.hostname, port or None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as err:
        raise FetchError(f"cannot resolve {parts.hostname}: {getattr(err, 'strerror', None) or err}") from None
    # str(): typeshed types a sockaddr's host as str | int (AF_CAN and friends); TCP gives a str
    addresses = list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))
    for text in addresses:
        address = ipaddress.ip_address(text)
        if (not address.is_global or address.is_multicast) and not _allowed(address, allow_private or frozenset()):
            raise FetchError(f"{what} {parts.hostname} ({address}), a private or local address: not fetched "
                             "(allow_hosts in the config allows a host on purpose)")
    return addresses


def _allowed(address, allowed: frozenset[str]) -> bool:
    for entry in allowed:
        try:
            if address in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:  # a host name
            continue
    return False


class PinnedHTTP(urllib.request.HTTPHandler):
    """Plain HTTP whose connections open through Fetcher._connect (the vetted addresses)."""

    def __init__(self, connect) -> None:
        super().__init__()
        self._pinned = connect

    def http_open(self, req):
        return self.do_open(_pinned_class(http.client.HTTPConnection, self._pinned, req), req)


class PinnedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, connect) -> None:
        super().__init__()
        self._pinned = connect

    def https_open(self, req):
        # HTTPSHandler.__init__ sets _context and _check_hostname; typeshed does not declare them
        return self.do_open(_pinned_class(http.client.HTTPSConnection, self._pinned, req), req,
                            context=self._context, check_hostname=self._check_hostname)  # type: ignore[attr-defined]


def _pinned_class(base, connect, req):
    """A connection factory for do_open. Through a proxy the proxy resolves the name: left alone."""
    proxied = req.has_proxy() or getattr(req, "_tunnel_host", None)

    def make(host, **kwargs):
        conn = base(host, **kwargs)
        if not proxied:
            conn._create_connection = connect  # http.client's own hook; SNI and Host still say the name
        return conn

    return make
