"""A real server on 127.0.0.1 (SQLite in a temporary folder) and a real headless Chromium.

The page's end-to-end tests need ``/usr/bin/chromium`` (Debian's ``chromium`` package) and the
``playwright`` Python package; the browser Playwright would download is never used.

The server is this module's own rather than ``tests/api/conftest.live_server`` because the page
tests need two things that one lacks: a recorder in front of the app (what reached the server),
and the app object itself (to read what the store holds).
"""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from starlette.types import Message, Receive, Scope, Send

from tests.web.tabs import Tab, open_tab
from unshared.api.app import create_app, server_options
from unshared.config import Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    return None


@dataclass
class Seen:
    """One request as the server received it."""

    method: str
    path: str
    query: str
    content_type: str
    body: bytes


@dataclass
class LiveServer:
    app: FastAPI
    url: str
    seen: list[Seen] = field(default_factory=list)

    @property
    def store(self) -> Any:
        return self.app.state.unshared.app.store


class _Recorder:
    """Keeps every request's method, path and body, so a test can check what reached us.

    Requests whose path matches ``without`` reach the app at a path it has no route for, so it
    answers as a server without those routes (an older version) would: its own 404."""

    def __init__(self, app: FastAPI, seen: list[Seen], without: str | None = None) -> None:
        self.app = app
        self.seen = seen
        self.without = re.compile(without) if without else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.without and self.without.search(scope["path"]):
            scope = {
                **scope,
                "path": "/v1/not-on-this-server",
                "raw_path": b"/v1/not-on-this-server",
            }
        body = bytearray()

        async def recording() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                body.extend(message.get("body", b""))
            return message

        headers = dict(scope.get("headers") or [])
        await self.app(scope, recording, send)
        self.seen.append(
            Seen(
                scope["method"],
                scope["path"],
                scope.get("query_string", b"").decode(),
                headers.get(b"content-type", b"").decode(),
                bytes(body),
            )
        )


@contextmanager
def serve(home: Path, without: str | None = None, **settings: Any) -> Iterator[LiveServer]:
    """The service and its page, served by uvicorn on a free port of 127.0.0.1, with
    ``settings`` over the tests' defaults, until the block ends; ``without``, a pattern of paths
    it answers as if it had no route for them."""
    # Generous limits: the tests open several cases and check them often, from one address.
    defaults: dict[str, Any] = {"case_creations_per_hour": 1000, "pin_attempts_per_hour": 1000}
    app = create_app(Settings.load(env={}, home=home, **(defaults | settings)))
    seen: list[Seen] = []
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    recorder = _Recorder(app, seen, without)
    config = uvicorn.Config(recorder, log_level="warning", **server_options())
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield LiveServer(app, f"http://127.0.0.1:{port}", seen)
    finally:
        server.should_exit = True
        thread.join(timeout=20)
        sock.close()


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The service and its page on 127.0.0.1, over SQLite in a temporary folder."""
    with serve(tmp_path_factory.mktemp("home")) as server:
        yield server


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def open_page(browser: Any, live_server: LiveServer) -> Iterator[Callable[..., Tab]]:
    """Opens the page in a fresh context (en-GB; a size and colour scheme if given), recording
    every request it and its workers make; each is checked after the test (``Tab.check``)."""
    contexts: list[Any] = []
    tabs: list[Tab] = []

    def start(width: int = 800, height: int = 900, scheme: str = "light") -> Tab:
        context = browser.new_context(
            locale="en-GB",
            viewport={"width": width, "height": height},
            color_scheme=scheme,
            base_url=live_server.url,
        )
        context.set_default_timeout(20_000)
        contexts.append(context)
        tab = open_tab(context, live_server.url)
        tabs.append(tab)
        return tab

    yield start
    for context in contexts:
        context.close()
    for tab in tabs:
        tab.check()
