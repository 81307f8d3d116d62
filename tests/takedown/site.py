"""A small web site on 127.0.0.1 for the takedown's tests: a real ``http.server`` in a thread,
serving what each test puts at each path, and remembering every request it was sent."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    #: Send the body this many bytes at a time, pausing ``pause`` seconds between.
    drip: int = 0
    pause: float = 0.0
    #: Send ``body`` this many times, without a Content-Length (a stream that will not stop).
    repeat: int = 1


@dataclass
class Site:
    base: str
    pages: dict[str, Page]
    #: (path, headers) of each request, in order.
    requests: list[tuple[str, dict[str, str]]]
    #: Bytes of body written per path before the client went away or the body ended.
    sent: dict[str, int]

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def put(self, path: str, page: Page) -> str:
        self.pages[path] = page
        return self.url(path)

    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


def _handler(site: Callable[[], Site]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            s = site()
            s.requests.append((self.path, dict(self.headers.items())))
            page = s.pages.get(self.path, Page(404, b"not here"))
            self.send_response(page.status)
            for name, value in page.headers.items():
                self.send_header(name, value)
            if page.repeat == 1 and not page.drip:
                self.send_header("Content-Length", str(len(page.body)))
            self.send_header("Connection", "close")
            self.end_headers()
            sent = 0
            try:
                for _ in range(page.repeat):
                    step = page.drip or len(page.body) or 1
                    for start in range(0, len(page.body), step):
                        self.wfile.write(page.body[start : start + step])
                        self.wfile.flush()
                        sent += len(page.body[start : start + step])
                        s.sent[self.path] = sent
                        if page.pause:
                            time.sleep(page.pause)
            except (BrokenPipeError, ConnectionResetError):
                pass
            finally:
                s.sent[self.path] = sent

    return Handler


@contextmanager
def serve_site() -> Iterator[Site]:
    """The site, on a port the system picks, until the block ends."""
    holder: list[Site] = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(lambda: holder[0]))
    server.daemon_threads = True
    holder.append(Site(f"http://127.0.0.1:{server.server_port}", {}, [], {}))
    thread = threading.Thread(target=server.serve_forever, name="test-site", daemon=True)
    thread.start()
    try:
        yield holder[0]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
