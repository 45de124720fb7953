"""A throw-away HTTP server on 127.0.0.1 for network tests: nothing leaves the machine.

    with serve({"/page": (200, {"Content-Type": "text/html"}, b"<p>hi</p>")}) as site:
        fetch(site.url("/page")); site.requests  # [(path, headers), ...]

A route is (status, headers, body) or a function(handler) -> (status, headers, body) for
behaviour (slow answers, conditional requests). Unknown paths are 404. The server runs in
a daemon thread and stops when the block ends.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = tuple[int, dict[str, str], bytes] | Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes]]


@dataclass
class Site:
    port: int
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[Site]:
    site = Site(port=0)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = routes.get(self.path, (404, {"Content-Type": "text/plain"}, b"not found"))
            try:
                status, headers, body = route(self) if callable(route) else route
            except (BrokenPipeError, ConnectionResetError):
                return
            try:
                self.send_response(status)
                if not any(k.lower() == "content-length" for k in headers):
                    self.send_header("Content-Length", str(len(body)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeouts, size caps): that is what the test wanted

        def log_message(self, *args) -> None:  # keep test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
